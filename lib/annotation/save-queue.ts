/**
 * Saving while typing. Edits to one key (an item) merge into one pending patch, sent after a quiet
 * delay (debounced typing) or at once (flush: blur, pagehide, a status change). One save per key is
 * in flight at a time, so saves reach the background in order; a save counts only when `send`
 * answers ok. A failed save keeps its fields (newer edits win over them) and retries with backoff,
 * so typed text is never lost while the background is away. Pure: timers come in as parameters.
 */

/** idle: nothing edited yet; unsaved: waiting for the debounce; saving: sent; failed: will retry. */
export type SaveState = 'idle' | 'unsaved' | 'saving' | 'saved' | 'failed';

export type SendResult<R> = { ok: true; value: R } | { ok: false; error: string };

export interface SaveStatus {
  state: SaveState;
  /** The last failure's message while the state is failed. */
  error?: string;
  /** Failures in a row; 0 after a save succeeds. */
  attempts: number;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

interface SaveQueueOptions<K, F extends object, R> {
  /** Sends one patch; ok only once the receiver has stored it. A throw counts as a failure. */
  send(key: K, fields: Partial<F>): Promise<SendResult<R>>;
  /** Called whenever a key's status changes. */
  onStatus?(key: K, status: SaveStatus): void;
  /** Called with the receiver's answer after each successful save. */
  onSaved?(key: K, value: R, fields: Partial<F>): void;
  /** Quiet time before debounced edits are sent, in ms. */
  delay?: number;
  /** Wait before retry number `attempt` (1, 2, …), in ms. */
  backoff?(attempt: number): number;
  timers?: Timers;
}

interface SaveQueue<K, F extends object> {
  /** Records an edit; `debounce` waits for a quiet `delay`, otherwise everything pending goes now. */
  edit(key: K, fields: Partial<F>, opts?: { debounce?: boolean }): void;
  /**
   * Sends what is pending now (every key when none is given). `force` does not wait for a save in
   * flight: for pagehide, when there is no later.
   */
  flush(key?: K, opts?: { force?: boolean }): void;
  /** Fields edited but not yet acknowledged (pending, in flight or failed), or undefined. */
  unsaved(key: K): Partial<F> | undefined;
  status(key: K): SaveStatus;
  /** Stops every timer; pending edits stay unsent. */
  dispose(): void;
}

const SAVE_DELAY = 600;
const MAX_BACKOFF = 30_000;

/** 1 s, 2 s, 4 s, … up to 30 s. */
export function defaultBackoff(attempt: number): number {
  return Math.min(MAX_BACKOFF, 1000 * 2 ** Math.max(0, attempt - 1));
}

interface Slot<F> {
  pending?: Partial<F>;
  /** Sent and not yet answered, oldest first (more than one only after a forced flush). */
  inFlight: Partial<F>[];
  debounce?: unknown;
  retry?: unknown;
  attempts: number;
  state: SaveState;
  error?: string;
}

export function createSaveQueue<K, F extends object, R>(options: SaveQueueOptions<K, F, R>): SaveQueue<K, F> {
  const delay = options.delay ?? SAVE_DELAY;
  const backoff = options.backoff ?? defaultBackoff;
  const timers: Timers = options.timers ?? {
    setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
    clearTimeout: (id) => globalThis.clearTimeout(id as ReturnType<typeof setTimeout>),
  };
  const slots = new Map<K, Slot<F>>();

  const slot = (key: K): Slot<F> => {
    let s = slots.get(key);
    if (!s) {
      s = { inFlight: [], attempts: 0, state: 'idle' };
      slots.set(key, s);
    }
    return s;
  };

  const setState = (key: K, s: Slot<F>, state: SaveState) => {
    s.state = state;
    if (state !== 'failed') s.error = undefined;
    options.onStatus?.(key, { state, error: s.error, attempts: s.attempts });
  };

  /** While waiting to retry, the state stays failed so the user sees that saving is in trouble. */
  const waitingState = (s: Slot<F>): SaveState => (s.attempts > 0 ? 'failed' : 'unsaved');

  const clear = (s: Slot<F>, which: 'debounce' | 'retry') => {
    if (s[which] !== undefined) timers.clearTimeout(s[which]);
    s[which] = undefined;
  };

  function send(key: K, s: Slot<F>) {
    const fields = s.pending!;
    s.pending = undefined;
    s.inFlight.push(fields);
    setState(key, s, 'saving');
    let answer: Promise<SendResult<R>>;
    try {
      answer = options.send(key, fields);
    } catch (e) {
      answer = Promise.reject(e);
    }
    answer
      .then(
        (r) => r,
        (e: unknown): SendResult<R> => ({ ok: false, error: e instanceof Error ? e.message : String(e) }),
      )
      .then((r) => settle(key, s, fields, r));
  }

  function settle(key: K, s: Slot<F>, fields: Partial<F>, r: SendResult<R>) {
    const i = s.inFlight.indexOf(fields);
    if (i >= 0) s.inFlight.splice(i, 1);
    if (r.ok) {
      s.attempts = 0;
      options.onSaved?.(key, r.value, fields);
    } else {
      // Keep what failed, except fields a later edit (sent or not) has replaced.
      const kept: Partial<F> = { ...fields };
      for (const later of [...s.inFlight.slice(i < 0 ? 0 : i), s.pending ?? {}]) {
        for (const f of Object.keys(later)) delete kept[f as keyof F];
      }
      if (!Object.keys(kept).length) return settled(key, s); // superseded: nothing to retry
      s.pending = { ...kept, ...s.pending };
      s.attempts++;
      s.error = r.error;
      clear(s, 'retry');
      s.retry = timers.setTimeout(() => {
        s.retry = undefined;
        flushKey(key);
      }, backoff(s.attempts));
      setState(key, s, 'failed');
      return;
    }
    settled(key, s);
  }

  /** After an answer: the next save, or the state to show. */
  function settled(key: K, s: Slot<F>) {
    if (s.inFlight.length) return;
    if (!s.pending) return setState(key, s, 'saved');
    if (s.debounce === undefined && s.retry === undefined) send(key, s);
    else setState(key, s, waitingState(s));
  }

  function flushKey(key: K, force = false) {
    const s = slots.get(key);
    if (!s) return;
    clear(s, 'debounce');
    if (!s.pending) return;
    if (s.inFlight.length && !force) return; // settle() sends the rest when the answer comes
    clear(s, 'retry');
    send(key, s);
  }

  return {
    edit(key, fields, opts = {}) {
      const s = slot(key);
      s.pending = { ...s.pending, ...fields };
      if (opts.debounce) {
        clear(s, 'debounce');
        s.debounce = timers.setTimeout(() => {
          s.debounce = undefined;
          flushKey(key);
        }, delay);
        if (!s.inFlight.length) setState(key, s, waitingState(s));
      } else {
        flushKey(key);
      }
    },
    flush(key, opts = {}) {
      if (key !== undefined) flushKey(key, opts.force);
      else for (const k of [...slots.keys()]) flushKey(k, opts.force);
    },
    unsaved(key) {
      const s = slots.get(key);
      if (!s || (!s.pending && !s.inFlight.length)) return undefined;
      return Object.assign({}, ...s.inFlight, s.pending) as Partial<F>;
    },
    status(key) {
      const s = slots.get(key);
      return s ? { state: s.state, error: s.error, attempts: s.attempts } : { state: 'idle', attempts: 0 };
    },
    dispose() {
      for (const s of slots.values()) {
        clear(s, 'debounce');
        clear(s, 'retry');
      }
    },
  };
}
