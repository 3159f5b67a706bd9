/**
 * The page's view of one notice's annotations: what is stored (as the background last answered),
 * overlaid with the user's edits not yet acknowledged. Edits go through a save queue; answers and
 * other tabs' changes come back through `received`. A note with unsaved text is never replaced by
 * a change from elsewhere. No browser APIs: the sender comes in as a parameter.
 */
import type { Result } from '../util/result';
import { sameData } from '../util/same-data';
import type { AnnotationPatch, EditableFields, ItemAnnotation } from './model';
import { noticeOrder } from '../notice/item-key';
import { createSaveQueue, type SaveStatus, type Timers } from './save-queue';

export type { EditableFields };

/** What one item's overlay shows: the editable fields as stored or being saved. */
export interface ItemView extends Pick<ItemAnnotation, 'itemKey' | keyof EditableFields> {
  save: SaveStatus;
  /**
   * The page's text of the item differs from the text the stored annotation was made on, or from
   * the notice's stored text (openNotice's `revision.differs`).
   */
  textChanged: boolean;
  /** The annotation as stored, if any. */
  stored?: ItemAnnotation;
}

interface ItemStoreOptions {
  noticeKey: string;
  /** The page's items, in the notice's order: key and current fingerprint. */
  items: readonly { key: string; fingerprint: string }[];
  send(patch: AnnotationPatch): Promise<Result<ItemAnnotation>>;
  /**
   * This editor's id: notes it saves say which revision they were typed on, so that a note
   * another editor changed meanwhile is not overwritten (it becomes a conflict copy).
   */
  session?: string;
  delay?: number;
  timers?: Timers;
}

type Listener = () => void;

export interface ItemStore {
  readonly noticeKey: string;
  view(itemKey: string): ItemView;
  /** Every stored annotation of the notice, those of items no longer on the page too. */
  stored(): ItemAnnotation[];
  /** Listen to one item, or to any change ('*'). Returns the unsubscribe function. */
  subscribe(itemKey: string | '*', fn: Listener): () => void;
  /**
   * Stored annotations as the background answered openNotice; `noticeKey`, the notice it answered
   * for, becomes the store's (a copy off government sites shows a stored notice's annotations).
   * `fingerprints`, the items' in their order as the background made them, replace those the store
   * was made with (a page's notice script leaves them to the background).
   */
  load(annotations: readonly ItemAnnotation[], noticeKey?: string, fingerprints?: readonly string[]): void;
  /**
   * The items whose text on the page differs from the notice's stored text, all of them
   * (openNotice's `revision.differs`): an item said before and not now no longer does (what the
   * background remembered of the page's last visit may be older than a revision accepted since).
   */
  markTextChanged(itemKeys: readonly string[]): void;
  edit(itemKey: string, fields: Partial<EditableFields>, opts?: { debounce?: boolean }): void;
  /** An annotation as stored now: a save's answer or another tab's change. */
  received(annotation: ItemAnnotation): void;
  /**
   * Every annotation of the notice as stored after an import or an undo: these replace what the
   * store holds, older ones too (an undo brings back earlier versions), and items absent have none.
   * Unsaved edits stay on top, as they do over any stored version.
   */
  replaceAll(annotations: readonly ItemAnnotation[]): void;
  /** The user starts editing an item's note: what is typed until `endNote` builds on the note stored now. */
  beginNote(itemKey: string): void;
  endNote(itemKey: string): void;
  flush(opts?: { force?: boolean }): void;
  dispose(): void;
}

export function createItemStore(options: ItemStoreOptions): ItemStore {
  let { noticeKey } = options;
  const fingerprints = new Map(options.items.map((i) => [i.key, i.fingerprint]));
  const order = noticeOrder(options.items.map((i) => i.key));
  const stored = new Map<string, ItemAnnotation>();
  const differsFromStored = new Set<string>();
  const views = new Map<string, ItemView>();
  const listeners = new Map<string, Set<Listener>>();

  const notify = (itemKey: string) => {
    views.delete(itemKey);
    for (const key of [itemKey, '*'] as const) for (const fn of listeners.get(key) ?? []) fn();
  };

  // The note revision each note being edited was opened on; kept after the editing ends until its
  // last save is answered.
  const noteBase = new Map<string, number>();
  const ending = new Set<string>();
  const settleBase = (itemKey: string) => {
    if (ending.has(itemKey) && queue.unsaved(itemKey)?.note === undefined) {
      ending.delete(itemKey);
      noteBase.delete(itemKey);
    }
  };
  const session = options.session;
  // One history entry per visit of a field (lib/db/annotations.ts): leaving a field (flush) starts
  // the next visit; an edit is sent with the visit it was typed in.
  let visit = 0;
  const editVisit = new Map<string, number>();
  const queue = createSaveQueue<string, EditableFields, ItemAnnotation>({
    delay: options.delay,
    timers: options.timers,
    send: (itemKey, fields) =>
      options.send({
        noticeKey,
        itemKey,
        fingerprint: fingerprints.get(itemKey) ?? '',
        ...fields,
        ...(session !== undefined ? { session, fieldVisit: editVisit.get(itemKey) ?? visit } : {}),
        ...(fields.note !== undefined && session !== undefined
          ? { baseNoteRev: noteBase.get(itemKey) ?? stored.get(itemKey)?.noteRev ?? 0 }
          : {}),
      }),
    onStatus: (itemKey) => {
      settleBase(itemKey);
      notify(itemKey);
    },
    onSaved: (_itemKey, annotation) => store.received(annotation),
  });

  /** Keeps the newer of two versions; equal times take the incoming one (it is the later answer). */
  const keep = (a: ItemAnnotation): boolean => {
    if (a.noticeKey !== noticeKey) return false;
    const old = stored.get(a.itemKey);
    if (old && old.updatedAt > a.updatedAt) return false;
    stored.set(a.itemKey, a);
    return true;
  };

  const store: ItemStore = {
    get noticeKey() {
      return noticeKey;
    },
    view(itemKey) {
      let v = views.get(itemKey);
      if (v) return v;
      const s = stored.get(itemKey);
      const u = queue.unsaved(itemKey) ?? {};
      const followUp = u.followUp !== undefined ? u.followUp ?? undefined : s?.followUp;
      const progress = u.progress !== undefined ? u.progress ?? undefined : s?.progress;
      // Optional fields set after the literal: a page builds a view of every item as it loads,
      // and spreads make temporary objects.
      v = {
        itemKey,
        status: u.status ?? s?.status ?? 'not_started',
        note: u.note ?? s?.note ?? '',
        save: queue.status(itemKey),
        textChanged: differsFromStored.has(itemKey) || (!!s && fingerprints.has(itemKey) && s.fingerprint !== fingerprints.get(itemKey)),
      };
      if (followUp !== undefined) v.followUp = followUp;
      if (progress !== undefined) v.progress = progress;
      if (s) v.stored = s;
      views.set(itemKey, v);
      return v;
    },
    stored: () => [...stored.values()].sort((a, b) => order(a.itemKey, b.itemKey)),
    subscribe(itemKey, fn) {
      let set = listeners.get(itemKey);
      if (!set) listeners.set(itemKey, (set = new Set()));
      set.add(fn);
      return () => set.delete(fn);
    },
    load(annotations, key, made) {
      if (key !== undefined) noticeKey = key;
      if (made && made.length === options.items.length) options.items.forEach((i, k) => fingerprints.set(i.key, made[k]!));
      for (const a of annotations) if (keep(a)) notify(a.itemKey);
    },
    markTextChanged(itemKeys) {
      const now = new Set(itemKeys.filter((itemKey) => fingerprints.has(itemKey)));
      for (const itemKey of differsFromStored) {
        if (now.has(itemKey)) continue;
        differsFromStored.delete(itemKey);
        notify(itemKey);
      }
      for (const itemKey of now) {
        if (differsFromStored.has(itemKey)) continue;
        differsFromStored.add(itemKey);
        notify(itemKey);
      }
    },
    edit(itemKey, fields, opts) {
      editVisit.set(itemKey, visit);
      queue.edit(itemKey, fields, opts);
      notify(itemKey);
    },
    received(annotation) {
      if (keep(annotation)) notify(annotation.itemKey);
    },
    replaceAll(annotations) {
      const next = new Map(annotations.filter((a) => a.noticeKey === noticeKey).map((a) => [a.itemKey, a]));
      for (const itemKey of [...stored.keys()]) {
        if (next.has(itemKey)) continue;
        stored.delete(itemKey);
        notify(itemKey);
      }
      for (const [itemKey, a] of next) {
        if (sameData(stored.get(itemKey), a)) continue;
        stored.set(itemKey, a);
        notify(itemKey);
      }
    },
    beginNote(itemKey) {
      ending.delete(itemKey);
      if (!noteBase.has(itemKey)) noteBase.set(itemKey, stored.get(itemKey)?.noteRev ?? 0);
    },
    endNote(itemKey) {
      ending.add(itemKey);
      settleBase(itemKey);
    },
    flush: (opts) => {
      queue.flush(undefined, opts);
      visit++;
    },
    dispose: () => queue.dispose(),
  };
  return store;
}
