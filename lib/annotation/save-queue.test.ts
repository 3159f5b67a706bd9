import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSaveQueue, defaultBackoff, type SaveState, type SendResult } from './save-queue';

interface Fields {
  note: string;
  status: string;
}

/** A receiver whose answers the test gives one by one. */
function receiver() {
  const calls: { key: number; fields: Partial<Fields>; answer: (r: SendResult<string> | Error) => void }[] = [];
  const send = vi.fn((key: number, fields: Partial<Fields>) => {
    return new Promise<SendResult<string>>((resolve, reject) => {
      calls.push({ key, fields, answer: (r) => (r instanceof Error ? reject(r) : resolve(r)) });
    });
  });
  return { calls, send };
}

const flushPromises = () => vi.advanceTimersByTimeAsync(0);

describe('save queue', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function setup() {
    const r = receiver();
    const states: SaveState[] = [];
    const saved: string[] = [];
    const q = createSaveQueue<number, Fields, string>({
      send: r.send,
      onStatus: (_k, s) => states.push(s.state),
      onSaved: (_k, v) => saved.push(v),
    });
    return { ...r, q, states, saved };
  }

  it('sends typing once, 600 ms after the last keystroke', async () => {
    const { q, send, calls, states } = setup();
    q.edit(1, { note: 'a' }, { debounce: true });
    await vi.advanceTimersByTimeAsync(400);
    q.edit(1, { note: 'ab' }, { debounce: true });
    await vi.advanceTimersByTimeAsync(599);
    expect(send).not.toHaveBeenCalled();
    expect(q.status(1).state).toBe('unsaved');
    expect(q.unsaved(1)).toEqual({ note: 'ab' });
    await vi.advanceTimersByTimeAsync(1);
    expect(send).toHaveBeenCalledTimes(1);
    expect(calls[0].fields).toEqual({ note: 'ab' });
    expect(q.status(1).state).toBe('saving');
    calls[0].answer({ ok: true, value: 'v1' });
    await flushPromises();
    expect(q.status(1).state).toBe('saved');
    expect(q.unsaved(1)).toBeUndefined();
    expect(states).toEqual(['unsaved', 'unsaved', 'saving', 'saved']);
  });

  it('an edit without debounce goes at once, taking the pending note along', async () => {
    const { q, calls } = setup();
    q.edit(1, { note: 'typed' }, { debounce: true });
    q.edit(1, { status: 'done' });
    expect(calls.map((c) => c.fields)).toEqual([{ note: 'typed', status: 'done' }]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toHaveLength(1); // the debounce timer was cleared
  });

  it('flush (blur, pagehide) sends pending edits of every key now', () => {
    const { q, calls } = setup();
    q.edit(1, { note: 'one' }, { debounce: true });
    q.edit(2, { note: 'two' }, { debounce: true });
    q.flush();
    expect(calls.map((c) => [c.key, c.fields.note])).toEqual([
      [1, 'one'],
      [2, 'two'],
    ]);
    q.flush(); // nothing pending: nothing sent
    expect(calls).toHaveLength(2);
  });

  it('keeps one save in flight per key and sends the latest text after it', async () => {
    const { q, calls } = setup();
    q.edit(1, { note: 'a' });
    q.edit(1, { note: 'ab' }, { debounce: true });
    q.edit(1, { note: 'abc' }, { debounce: true });
    await vi.advanceTimersByTimeAsync(600);
    expect(calls).toHaveLength(1); // still waiting for the first answer
    expect(q.unsaved(1)).toEqual({ note: 'abc' });
    calls[0].answer({ ok: true, value: 'v1' });
    await flushPromises();
    expect(calls).toHaveLength(2);
    expect(calls[1].fields).toEqual({ note: 'abc' });
  });

  it('a failed save keeps the text, says failed and retries with backoff until it succeeds', async () => {
    const { q, calls, saved } = setup();
    q.edit(1, { note: '周五前回复' });
    calls[0].answer({ ok: false, error: 'db closed' });
    await flushPromises();
    expect(q.status(1)).toEqual({ state: 'failed', error: 'db closed', attempts: 1 });
    expect(q.unsaved(1)).toEqual({ note: '周五前回复' });
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    calls[1].answer(new Error('Could not establish connection'));
    await flushPromises();
    expect(q.status(1).attempts).toBe(2);
    expect(q.status(1).error).toMatch(/establish/);
    await vi.advanceTimersByTimeAsync(2000);
    expect(calls).toHaveLength(3);
    expect(calls[2].fields).toEqual({ note: '周五前回复' });
    calls[2].answer({ ok: true, value: 'stored' });
    await flushPromises();
    expect(q.status(1)).toEqual({ state: 'saved', error: undefined, attempts: 0 });
    expect(saved).toEqual(['stored']);
  });

  it('newer typing wins over the text of a failed save', async () => {
    const { q, calls } = setup();
    q.edit(1, { note: 'old', status: 'done' });
    q.edit(1, { note: 'newer' }, { debounce: true });
    calls[0].answer({ ok: false, error: 'x' });
    await flushPromises();
    expect(q.status(1).state).toBe('failed');
    expect(q.unsaved(1)).toEqual({ note: 'newer', status: 'done' });
    await vi.advanceTimersByTimeAsync(600); // the debounce fires first
    expect(calls[1].fields).toEqual({ note: 'newer', status: 'done' });
  });

  it('a forced flush does not wait for the save in flight', async () => {
    const { q, calls } = setup();
    q.edit(1, { note: 'a' });
    q.edit(1, { note: 'ab' }, { debounce: true });
    q.flush(undefined, { force: true });
    expect(calls.map((c) => c.fields)).toEqual([{ note: 'a' }, { note: 'ab' }]);
    // The first fails after the second was sent: its note is stale and is not retried.
    calls[0].answer({ ok: false, error: 'x' });
    calls[1].answer({ ok: true, value: 'v2' });
    await flushPromises();
    expect(q.unsaved(1)).toBeUndefined();
  });

  it('a send that throws synchronously counts as a failure', async () => {
    const q = createSaveQueue<number, Fields, string>({
      send: () => {
        throw new Error('Extension context invalidated');
      },
    });
    q.edit(1, { note: 'x' });
    await flushPromises();
    expect(q.status(1).state).toBe('failed');
    expect(q.unsaved(1)).toEqual({ note: 'x' });
    q.dispose();
  });

  it('backs off 1, 2, 4 … up to 30 seconds', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(defaultBackoff)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });
});
