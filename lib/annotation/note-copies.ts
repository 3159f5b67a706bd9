/**
 * Conflict copies: no edit of a note is lost when two editors (two tabs, the overview and a tab)
 * edit one item at once. Every save of a note says which revision of the note it was typed on
 * (`baseNoteRev`) and which editing session sent it. A save typed on an older revision than the
 * stored one, when another session wrote the newer revisions, would overwrite text its editor
 * never saw: its text is kept beside the note as a conflict copy instead, shown with it, until the
 * user appends it to the note or dismisses it. Later stale saves of the same session update that
 * copy. Pure: no database.
 */
import { message, Refusal, type Message } from '../message';
import { authorLabel } from './author';
import { MAX_NOTE_COPIES, MAX_NOTE_LENGTH } from './status';

// The schema is apart (./note-copy-schema.ts): the overview's rows name colleagues' notes with
// this module, and Zod (~80 KB) stays out of the page's first load.
import type { NoteCopy } from './note-copy-schema';
export type { NoteCopy } from './note-copy-schema';

/**
 * Colleagues' notes on an item (imported from their files), oldest first, each named by its
 * writer: 张三（区发改局）：text, or the text alone when its writer gave no name. What the ledger and
 * the report carry beside the item's own note: an office that collects its units' files passes
 * their words on.
 */
export function colleagueNoteLines(copies: readonly NoteCopy[] | undefined): string[] {
  return (copies ?? [])
    .filter((c) => c.kind === 'colleague' && c.text.trim() !== '')
    .sort((a, b) => a.at - b.at)
    .map((c) => {
      const who = authorLabel({ name: c.author ?? '', unit: c.unit ?? '' });
      return who ? `${who}：${c.text}` : c.text;
    });
}

/**
 * Whether the patch's note was typed on a revision another session has replaced since. (`stored`
 * is the ItemAnnotation, `patch` the AnnotationPatch of ./model.ts, which builds on this module.)
 */
export function isStaleNoteSave(
  stored: { noteRev?: number; noteSession?: string },
  patch: { note?: string; baseNoteRev?: number; session?: string },
): boolean {
  if (patch.note === undefined || patch.baseNoteRev === undefined) return false;
  if (patch.baseNoteRev >= (stored.noteRev ?? 0)) return false;
  // The session's own saves follow one another without waiting for answers: they build on its text.
  return patch.session === undefined || patch.session !== stored.noteSession;
}

export class TooManyNoteCopies extends Refusal {
  constructor() {
    super(message('noteCopy.tooMany', undefined, MAX_NOTE_COPIES));
  }
}

/**
 * The copies after keeping `text`, a stale note of `session`: its copy updated, else a new one.
 * Undefined when nothing changes (the same text is already kept). `from`/`to` are the history
 * entry's values: the copy's length before (null: new) and after.
 */
export function keepStaleNote(
  copies: readonly NoteCopy[],
  text: string,
  session: string | undefined,
  now: number,
  newId: () => string,
): { copies: NoteCopy[]; from: number | null; to: number } | undefined {
  const own = session === undefined ? -1 : copies.findIndex((c) => c.kind === 'conflict' && c.session === session);
  if (own >= 0) {
    const old = copies[own];
    if (old.text === text) return undefined;
    const next = copies.slice();
    next[own] = { ...old, text, at: now };
    return { copies: next, from: old.text.length, to: text.length };
  }
  if (copies.some((c) => c.text === text)) return undefined;
  if (copies.length >= MAX_NOTE_COPIES) throw new TooManyNoteCopies();
  const copy: NoteCopy = { id: newId(), text, at: now, kind: 'conflict', ...(session !== undefined && { session }) };
  return { copies: [...copies, copy], from: null, to: text.length };
}

export const NOTE_COPY_ACTIONS = ['dismiss', 'append'] as const;
export type NoteCopyAction = (typeof NOTE_COPY_ACTIONS)[number];

/** A request to resolve one copy (the resolveNoteCopy message). */
export interface NoteCopyResolution {
  noticeKey: string;
  itemKey: string;
  copyId: string;
  action: NoteCopyAction;
}

export class NoteCopyRefused extends Refusal {}

export const NO_SUCH_COPY: Message = message('noteCopy.gone');

/** The note with a copy's text appended on a new line. Refused when it would be too long. */
export function appendedNote(note: string, text: string): string {
  const merged = note && text ? `${note}\n${text}` : note || text;
  if (merged.length > MAX_NOTE_LENGTH) {
    throw new NoteCopyRefused(message('noteCopy.tooLong', undefined, MAX_NOTE_LENGTH));
  }
  return merged;
}

/**
 * Copies of both sides of an import, each once by id: local ones in their order, then the file's
 * new ones. Of one copy on both sides, the later written text wins (a tie keeps the local one).
 */
export function mergeNoteCopies(local: readonly NoteCopy[] = [], incoming: readonly NoteCopy[] = []): NoteCopy[] {
  const merged = local.slice();
  const index = new Map(local.map((c, i) => [c.id, i]));
  for (const c of incoming) {
    const i = index.get(c.id);
    if (i === undefined) {
      index.set(c.id, merged.length);
      merged.push(c);
    } else if (c.at > merged[i].at) {
      // The session is this browser's own bookkeeping: it stays with the local copy.
      const { session: _session, ...text } = c;
      merged[i] = { ...merged[i], ...text };
    }
  }
  return merged;
}
