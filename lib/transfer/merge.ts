/**
 * The merge rule, per item (see docs/transfer.md), each field by its descriptor's rule
 * (lib/annotation/fields.ts):
 * - status, follow-up and progress: the side that changed the field last, by both histories (a
 *   change made on one side only stays); where a side's history does not hold the item's start
 *   (a ledger's row, an old file), on a tie and for the
 *   fingerprint, the side with the later `updatedAt` (a tie goes to the larger value, so both
 *   machines pick the same side);
 * - the note: if one side's note grew out of the other's (its history holds the other's note
 *   version), the newer note wins; if both changed it since they diverged, the text that contains
 *   the other is kept, else the local note stays and the file's text is kept beside it as a
 *   conflict copy (lib/annotation/note-copies.ts), which the user appends or dismisses: no marker
 *   is ever written into a note;
 * - history: the union of both sides, each entry once;
 * - conflict copies: the union of both sides, each copy (by id) once.
 * A note version is (noteUpdatedAt, note length), as applyPatch writes it to the history. A note
 * taken from the file is a new revision here (noteRev), so an editor still on the old text keeps
 * its next save as a conflict copy instead of overwriting it.
 * Merging the result with the same file again changes nothing.
 */
import { ANNOTATION_FIELDS, FIELD_NAMES, fieldsMerged, type FieldDescriptor } from '../annotation/fields';
import type { HistoryEntry, ItemAnnotation, NoteCopy } from '../annotation/model';
import { mergeNoteCopies } from '../annotation/note-copies';
import { fingerprint } from '../notice/normalize';
import type { MergeKind } from '../annotation/record-set';
import { sameData } from '../util/same-data';

export interface ItemSide {
  annotation: ItemAnnotation;
  history: readonly HistoryEntry[];
}

interface MergedItem {
  kind: MergeKind;
  /** The annotation to store (for `unchanged`, the local one as it is). */
  annotation: ItemAnnotation;
  /** History entries the local side lacks, to add. */
  addHistory: HistoryEntry[];
  /** Whether the annotation itself must be written (new, updated, conflict). */
  write: boolean;
}

/** The id of the conflict copy an import keeps of a note: the same on every machine that imports it. */
export function importedCopyId(note: string, at: number): string {
  // Two files carrying the same note version make one copy.
  return `import:${at}:${fingerprint(note)}`;
}

/** The file's note, kept beside the local one, naming the file it came from when known. */
function importedCopy(I: ItemAnnotation, source: string | undefined): NoteCopy {
  const at = I.noteUpdatedAt ?? I.updatedAt;
  return { id: importedCopyId(I.note, at), text: I.note, at, kind: 'conflict', ...(source && { source }) };
}

/** Identity of a history entry across machines: its time, field and values. */
function historyKey(h: Pick<HistoryEntry, 'at' | 'field' | 'from' | 'to'>): string {
  const v = (x: unknown) => (x === undefined || x === null ? 'null' : `${typeof x}:${x}`);
  return `${h.at}|${h.field}|${v(h.from)}|${v(h.to)}`;
}

/** Whether `history` has seen `a`'s note: an empty note never written is everyone's ancestor. */
function hasSeenNote(history: readonly HistoryEntry[], a: ItemAnnotation): boolean {
  if (a.noteUpdatedAt === undefined) return a.note === '';
  return history.some((h) => h.field === 'note' && h.at === a.noteUpdatedAt && h.to === a.note.length);
}

const LATER_FIELDS = fieldsMerged('later');
const laterKey = (a: ItemAnnotation) => JSON.stringify(LATER_FIELDS.map((f) => a[f] ?? null));

/** The side whose later-wins fields (status, follow-up, progress…) win: the later change, ties broken by value. */
function laterIsIncoming(local: ItemAnnotation, incoming: ItemAnnotation): boolean {
  if (incoming.updatedAt !== local.updatedAt) return incoming.updatedAt > local.updatedAt;
  return laterKey(incoming) > laterKey(local);
}

/** Every field the same: equal values, or equal data (note records). */
export function sameAnnotation(a: ItemAnnotation, b: ItemAnnotation): boolean {
  return FIELD_NAMES.every((f) => a[f] === b[f] || sameData(a[f], b[f]));
}

/**
 * Whether a side's history tells the item's whole story: it holds the item's creation (by an edit or
 * an import). A ledger's row brings only the note version it grew from, another tool or an old file
 * none, a trimmed history not its start: those say nothing of when each field changed.
 */
const wholeHistory = (history: readonly HistoryEntry[]) =>
  history.some((h) => h.field === 'created' || (h.field === 'import' && h.to === 'created'));

/** When a whole history last changed a field (`field`, its entries' name): -Infinity where it never did (the value it began with). */
function lastChanged(history: readonly HistoryEntry[], field: string): number {
  let at = -Infinity;
  for (const h of history) if (h.field === field && h.at > at) at = h.at;
  return at;
}

/** The side whose whole history changed `field` last; undefined when both did at the same moment (or neither did). */
function changedLast(L: ItemAnnotation, I: ItemAnnotation, local: readonly HistoryEntry[], incoming: readonly HistoryEntry[], field: string): ItemAnnotation | undefined {
  const tL = lastChanged(local, field);
  const tI = lastChanged(incoming, field);
  return tL === tI ? undefined : tI > tL ? I : L;
}

/**
 * Each field of the merged record by its rule; the note rule then decides the note (mergeItem). A
 * later-wins field, where both sides' histories are whole, goes to the side that changed it last, so a
 * change made on one side only stays (my progress, a colleague's later note); any other, and a tie,
 * to the side changed last as a whole.
 */
function mergedFields(L: ItemAnnotation, I: ItemAnnotation, local: readonly HistoryEntry[], incoming: readonly HistoryEntry[]): ItemAnnotation {
  const winner = laterIsIncoming(L, I) ? I : L;
  const byField = wholeHistory(local) && wholeHistory(incoming);
  const next: Record<string, unknown> = {};
  for (const f of FIELD_NAMES) {
    const descriptor: FieldDescriptor = ANNOTATION_FIELDS[f];
    const rule = descriptor.merge;
    let v: unknown;
    switch (rule) {
      case 'key':
      case 'note':
        v = L[f];
        break;
      case 'later':
        v = ((byField && descriptor.history && changedLast(L, I, local, incoming, descriptor.history)) || winner)[f];
        break;
      case 'earliest':
        v = Math.min(L[f] as number, I[f] as number);
        break;
      case 'latest':
        v = Math.max(L[f] as number, I[f] as number);
        break;
      case 'records': {
        const records = mergeNoteCopies(L[f] as NoteCopy[] | undefined, I[f] as NoteCopy[] | undefined);
        v = records.length ? records : undefined;
        break;
      }
      default:
        throw new Error(`no merge for ${rule satisfies never}`);
    }
    if (v !== undefined) next[f] = v;
  }
  return next as ItemAnnotation;
}

/** Merges one imported item into the local one (if any) at time `now`; `source` names the file. */
export function mergeItem(local: ItemSide | undefined, incoming: ItemSide, now: number, source?: string): MergedItem {
  const missing = missingHistory(local?.history ?? [], incoming.history);
  if (!local) {
    const annotation = { ...incoming.annotation };
    return { kind: 'new', annotation, addHistory: [...missing, ...fieldChanges(undefined, annotation, now, missing), importEntry(annotation, now, 'created')], write: true };
  }
  const L = local.annotation;
  const I = incoming.annotation;
  const next = mergedFields(L, I, local.history, incoming.history);

  let conflict = false;
  const added = [...missing];
  if (L.note === I.note || hasSeenNote(local.history, I)) {
    // Same text, or the local note grew out of the imported one: keep it.
  } else if (hasSeenNote(incoming.history, L)) {
    take(next, I);
  } else if (L.note.includes(I.note)) {
    // Both changed, but the local text holds the imported one (an earlier merge, an append).
  } else if (I.note.includes(L.note)) {
    take(next, I);
  } else if (!(next.noteCopies ?? []).some((c) => c.text === I.note)) {
    // Both changed it and neither holds the other: the file's text becomes a conflict copy (unless
    // the item holds that text already, as a copy or a colleague's record).
    conflict = true;
    // (Past MAX_NOTE_COPIES, the import is refused with the item named: ./plan.ts.)
    next.noteCopies = mergeNoteCopies(next.noteCopies, [importedCopy(I, source)]);
    const at = Math.max(now, L.updatedAt, I.updatedAt);
    next.updatedAt = at;
    added.push({ noticeKey: L.noticeKey, itemKey: L.itemKey, at, field: 'noteCopy', from: null, to: I.note.length });
  }

  if (sameAnnotation(next, L)) return { kind: 'unchanged', annotation: L, addHistory: added, write: false };
  added.push(...fieldChanges(L, next, now, added), importEntry(next, now, conflict ? 'conflict' : 'updated'));
  return { kind: conflict ? 'conflict' : 'updated', annotation: next, addHistory: added, write: true };
}

function take(next: ItemAnnotation, from: ItemAnnotation) {
  newRevision(next, from.note, from.noteUpdatedAt);
  if (from.noteAuthor === undefined) delete next.noteAuthor;
  else next.noteAuthor = from.noteAuthor;
}

/** The note replaced by the import: a revision no editor here has seen. */
function newRevision(next: ItemAnnotation, note: string, at: number | undefined) {
  next.note = note;
  if (at === undefined) delete next.noteUpdatedAt;
  else next.noteUpdatedAt = at;
  next.noteRev = (next.noteRev ?? 0) + 1;
  delete next.noteSession;
}

/** Entries of `incoming` the local history lacks (and each only once). */
function missingHistory(local: readonly HistoryEntry[], incoming: readonly HistoryEntry[]): HistoryEntry[] {
  const seen = new Set(local.map(historyKey));
  const out: HistoryEntry[] = [];
  for (const h of incoming) {
    const k = historyKey(h);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(h);
  }
  return out;
}

/**
 * What the import changed, field by field (status from → to, progress, follow-up, the note's words),
 * as the item's timeline shows an edit, by whoever made the change: a file's own history says it
 * already (those entries are `known`); a ledger has none, and its rows would read only 从文件导入.
 */
function fieldChanges(before: ItemAnnotation | undefined, after: ItemAnnotation, now: number, known: readonly HistoryEntry[]): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  const by = (id: string | undefined) => (id === undefined ? {} : { author: id });
  const entry = (field: 'status' | 'progress' | 'followUp' | 'note', from: string | number | null, to: string | number | null, author: string | undefined) => {
    if (from === to || known.some((h) => h.field === field && h.to === to)) return;
    out.push({ noticeKey: after.noticeKey, itemKey: after.itemKey, at: now, field, from, to, ...by(author) });
  };
  entry('status', before?.status ?? 'not_started', after.status, after.author);
  entry('progress', before?.progress ?? null, after.progress ?? null, after.author);
  entry('followUp', before?.followUp ?? null, after.followUp ?? null, after.author);
  const was = before?.note ?? '';
  if (after.note !== was) {
    entry('note', was.length, after.note.length, after.noteAuthor ?? after.author);
    const last = out[out.length - 1];
    if (last?.field === 'note') Object.assign(last, { fromText: was, toText: after.note });
  }
  return out;
}

/** "Imported from a file" in the item's timeline. */
function importEntry(a: ItemAnnotation, now: number, what: 'created' | 'updated' | 'conflict'): HistoryEntry {
  return { noticeKey: a.noticeKey, itemKey: a.itemKey, at: now, field: 'import', from: null, to: what };
}
