/**
 * The page's view of one notice's annotations: what is stored (as the background last answered),
 * overlaid with the user's edits not yet acknowledged. Edits go through a save queue; answers and
 * other tabs' changes come back through `received`. A note with unsaved text is never replaced by
 * a change from elsewhere. No browser APIs: the sender comes in as a parameter.
 */
import type { Result } from '../util/result';
import type { AnnotationPatch, EditableFields, ItemAnnotation } from './model';
import { createSaveQueue, type SaveStatus, type Timers } from './save-queue';

export type { EditableFields };

/** What one item's overlay shows: the editable fields as stored or being saved. */
export interface ItemView extends Pick<ItemAnnotation, 'itemNo' | keyof EditableFields> {
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
  /** The page's items: number and current fingerprint. */
  items: readonly { itemNo: number; fingerprint: string }[];
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
  view(itemNo: number): ItemView;
  /** Every stored annotation of the notice, those of items no longer on the page too. */
  stored(): ItemAnnotation[];
  /** Listen to one item, or to any change ('*'). Returns the unsubscribe function. */
  subscribe(itemNo: number | '*', fn: Listener): () => void;
  /** Stored annotations as the background answered openNotice. */
  load(annotations: readonly ItemAnnotation[]): void;
  /** Items whose text on the page differs from the notice's stored text (openNotice's `revision.differs`). */
  markTextChanged(itemNos: readonly number[]): void;
  edit(itemNo: number, fields: Partial<EditableFields>, opts?: { debounce?: boolean }): void;
  /** An annotation as stored now: a save's answer or another tab's change. */
  received(annotation: ItemAnnotation): void;
  /** The user starts editing an item's note: what is typed until `endNote` builds on the note stored now. */
  beginNote(itemNo: number): void;
  endNote(itemNo: number): void;
  flush(opts?: { force?: boolean }): void;
  dispose(): void;
}

export function createItemStore(options: ItemStoreOptions): ItemStore {
  const { noticeKey } = options;
  const fingerprints = new Map(options.items.map((i) => [i.itemNo, i.fingerprint]));
  const stored = new Map<number, ItemAnnotation>();
  const differsFromStored = new Set<number>();
  const views = new Map<number, ItemView>();
  const listeners = new Map<number | '*', Set<Listener>>();

  const notify = (itemNo: number) => {
    views.delete(itemNo);
    for (const key of [itemNo, '*'] as const) for (const fn of listeners.get(key) ?? []) fn();
  };

  // The note revision each note being edited was opened on; kept after the editing ends until its
  // last save is answered.
  const noteBase = new Map<number, number>();
  const ending = new Set<number>();
  const settleBase = (itemNo: number) => {
    if (ending.has(itemNo) && queue.unsaved(itemNo)?.note === undefined) {
      ending.delete(itemNo);
      noteBase.delete(itemNo);
    }
  };
  const session = options.session;
  const queue = createSaveQueue<number, EditableFields, ItemAnnotation>({
    delay: options.delay,
    timers: options.timers,
    send: (itemNo, fields) =>
      options.send({
        noticeKey,
        itemNo,
        fingerprint: fingerprints.get(itemNo) ?? '',
        ...fields,
        ...(session !== undefined ? { session } : {}),
        ...(fields.note !== undefined && session !== undefined
          ? { baseNoteRev: noteBase.get(itemNo) ?? stored.get(itemNo)?.noteRev ?? 0 }
          : {}),
      }),
    onStatus: (itemNo) => {
      settleBase(itemNo);
      notify(itemNo);
    },
    onSaved: (_itemNo, annotation) => store.received(annotation),
  });

  /** Keeps the newer of two versions; equal times take the incoming one (it is the later answer). */
  const keep = (a: ItemAnnotation): boolean => {
    if (a.noticeKey !== noticeKey) return false;
    const old = stored.get(a.itemNo);
    if (old && old.updatedAt > a.updatedAt) return false;
    stored.set(a.itemNo, a);
    return true;
  };

  const store: ItemStore = {
    noticeKey,
    view(itemNo) {
      let v = views.get(itemNo);
      if (v) return v;
      const s = stored.get(itemNo);
      const u = queue.unsaved(itemNo) ?? {};
      const followUp = u.followUp !== undefined ? u.followUp ?? undefined : s?.followUp;
      const progress = u.progress !== undefined ? u.progress ?? undefined : s?.progress;
      v = {
        itemNo,
        status: u.status ?? s?.status ?? 'not_started',
        note: u.note ?? s?.note ?? '',
        ...(followUp !== undefined ? { followUp } : {}),
        ...(progress !== undefined ? { progress } : {}),
        save: queue.status(itemNo),
        textChanged: differsFromStored.has(itemNo) || (!!s && fingerprints.has(itemNo) && s.fingerprint !== fingerprints.get(itemNo)),
        ...(s ? { stored: s } : {}),
      };
      views.set(itemNo, v);
      return v;
    },
    stored: () => [...stored.values()].sort((a, b) => a.itemNo - b.itemNo),
    subscribe(itemNo, fn) {
      let set = listeners.get(itemNo);
      if (!set) listeners.set(itemNo, (set = new Set()));
      set.add(fn);
      return () => set.delete(fn);
    },
    load(annotations) {
      for (const a of annotations) if (keep(a)) notify(a.itemNo);
    },
    markTextChanged(itemNos) {
      for (const itemNo of itemNos) {
        if (!fingerprints.has(itemNo) || differsFromStored.has(itemNo)) continue;
        differsFromStored.add(itemNo);
        notify(itemNo);
      }
    },
    edit(itemNo, fields, opts) {
      queue.edit(itemNo, fields, opts);
      notify(itemNo);
    },
    received(annotation) {
      if (keep(annotation)) notify(annotation.itemNo);
    },
    beginNote(itemNo) {
      ending.delete(itemNo);
      if (!noteBase.has(itemNo)) noteBase.set(itemNo, stored.get(itemNo)?.noteRev ?? 0);
    },
    endNote(itemNo) {
      ending.add(itemNo);
      settleBase(itemNo);
    },
    flush: (opts) => queue.flush(undefined, opts),
    dispose: () => queue.dispose(),
  };
  return store;
}
