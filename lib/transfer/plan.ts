/**
 * An import, planned before anything is written: the merge of every item of a checked file with
 * what the database holds (./merge.ts), the preview the user confirms, and the rows to write.
 * Pure: lib/db/transfer-store.ts reads the local records and writes the plan in one transaction
 * (importJob below is what it takes).
 */
import { itemRef, type ItemRef } from '../annotation/item-ref';
import { MAX_NOTE_COPIES, type HistoryEntry, type ItemAnnotation } from '../annotation/model';
import type { ImportCounts, RecordSet } from '../annotation/record-set';
import { message, messageDetail, type Message } from '../message';
import type { ImportedNoticeRecord, NoticeRecord } from '../notice/notice-record';
import { compareItemKeys, numberOfKey } from '../notice/item-key';
import type { NoticeItem } from '../notice/types';
import type { ChangedField } from './changed-fields';
import { annotationFromFile } from './file-item';
import { IMPORT_LIMITS, type FileItem, type FileNotice, type TransferFile } from './format';
import { batchFileProblem } from './limits';
import { mergeItem } from './merge';
import { authorDirectory, type Author } from '../annotation/author';
import { withColleagueNotes } from './colleague-notes';

/** The local records of the notices a file names, indexed for the merge. */
export interface LocalState {
  notices: Map<string, NoticeRecord>;
  annotations: Map<ItemRef, ItemAnnotation>;
  history: Map<ItemRef, HistoryEntry[]>;
  /** The local author: a note another author wrote becomes their note record (./colleague-notes.ts). */
  me?: Author;
  /** Authors known here, by id. */
  authors: Map<string, Author>;
}

/** Indexes the records read for an import; history stays in the order read. */
export function localState(records: RecordSet): LocalState {
  const local: LocalState = { notices: new Map(), annotations: new Map(), history: new Map(), authors: authorDirectory(records.authors ?? []) };
  if (records.me) {
    local.me = records.me;
    local.authors.set(records.me.id, records.me);
  }
  for (const n of records.notices) local.notices.set(n.key, n);
  for (const a of records.annotations) local.annotations.set(itemRef(a.noticeKey, a.itemKey), a);
  for (const h of records.history) {
    const k = itemRef(h.noticeKey, h.itemKey);
    const list = local.history.get(k);
    if (list) list.push(h);
    else local.history.set(k, [h]);
  }
  return local;
}

/** Item numbers listed per kind in a preview (counts are always complete). */
const PREVIEW_LIST_LIMIT = 200;

interface NoticePreview {
  key: string;
  docNo?: string;
  title: string;
  /** The notice is not in this database yet: it is created from the file. */
  isNew: boolean;
  counts: ImportCounts;
  /** Item keys by kind (unchanged not listed), in the file's order, at most PREVIEW_LIST_LIMIT each. */
  itemKeys: { new: string[]; updated: string[]; conflict: string[] };
  /**
   * What the updates change, by field: the items whose status, progress, follow-up or note the
   * import changes, and those that gain a colleague's note or a conflict copy beside their own (at
   * most PREVIEW_LIST_LIMIT each). Fields nothing changes are left out.
   */
  changed?: Partial<Record<ChangedField, string[]>>;
}

/** What differs between an item before an import and after it. */
function changedFields(before: ItemAnnotation, after: ItemAnnotation): ChangedField[] {
  const records = (a: ItemAnnotation, kind: string) => JSON.stringify((a.noteCopies ?? []).filter((c) => c.kind === kind).map((c) => [c.id, c.text]));
  const out: ChangedField[] = [];
  if (before.status !== after.status) out.push('status');
  if (before.progress !== after.progress) out.push('progress');
  if (before.followUp !== after.followUp) out.push('followUp');
  if (before.note !== after.note) out.push(after.note === '' ? 'noteCleared' : 'note');
  if (records(before, 'colleague') !== records(after, 'colleague')) out.push('colleague');
  if (records(before, 'conflict') !== records(after, 'conflict')) out.push('copy');
  return out;
}

interface ConflictPreview {
  noticeKey: string;
  docNo?: string;
  itemKey: string;
  local: string;
  imported: string;
}

export interface ImportPreview {
  exportedAt: number;
  counts: ImportCounts;
  notices: NoticePreview[];
  /** Notes both sides changed: both texts are kept. At most 20. */
  conflicts: ConflictPreview[];
  /** Whether applying would write anything at all. */
  changes: boolean;
}

/** The records an import writes. */
export type ImportWrites = RecordSet;

type PlanResult = { ok: true; preview: ImportPreview; writes: ImportWrites } | { ok: false; errors: Message[] };

const emptyCounts = (): ImportCounts => ({ new: 0, updated: 0, unchanged: 0, conflict: 0 });

function fileHistory(noticeKey: string, item: FileItem): HistoryEntry[] {
  return item.history.map((h) => {
    const e: HistoryEntry = { noticeKey, itemKey: item.itemKey, at: h.at, field: h.field };
    for (const k of ['from', 'to', 'author', 'fromText', 'toText'] as const) if (h[k] !== undefined) e[k] = h[k] as never;
    return e;
  });
}

function noticeItem(item: FileItem): NoticeItem | undefined {
  if (item.text === undefined) return undefined;
  return {
    key: item.itemKey,
    number: numberOfKey(item.itemKey),
    text: item.text,
    section: item.section ?? 0,
    units: (item.units ?? []).map((name, i) => unitOf(item, name, i)),
    ...(item.leaders?.length && { leaders: item.leaders }),
    ...(item.deadline && { deadline: item.deadline }),
    fingerprint: item.fingerprint,
  };
}

/** A unit as the file names it: its role where the file states roles, else the first leads. */
function unitOf(item: FileItem, name: string, i: number): NoticeItem['units'][number] {
  if (!item.leadUnits && !item.coUnits) return { name, lead: i === 0 };
  if (item.leadUnits?.includes(name)) return { name, lead: true, role: 'lead' };
  return item.coUnits?.includes(name) ? { name, lead: false, role: 'co' } : { name, lead: false };
}

/** The notice as the file describes it, for a database that has never seen it. */
function newNoticeRecord(n: FileNotice, now: number): ImportedNoticeRecord {
  return {
    importedOnly: true,
    ...(n.itemCount !== undefined && { itemCount: n.itemCount }),
    key: n.key,
    ...(n.docNo && { docNo: n.docNo }),
    ...(n.attachment && { attachment: n.attachment }),
    title: n.title,
    ...(n.year != null && { year: n.year }),
    ...(n.publishedAt != null && { publishedAt: n.publishedAt }),
    sourceUrl: n.url,
    sections: n.sections,
    items: n.items.map(noticeItem).filter((i): i is NoticeItem => i !== undefined),
    gaps: [],
    urls: [n.url],
    firstSeenAt: now,
    lastSeenAt: now,
  };
}

/** A known notice, completed with the file's URL, sections and items it lacks; undefined if nothing is new. */
function completedNoticeRecord(old: NoticeRecord, n: FileNotice): NoticeRecord | undefined {
  const urls = old.urls.includes(n.url) ? old.urls : [...old.urls, n.url];
  const haveSections = new Set(old.sections.map((s) => s.ordinal));
  const sections = n.sections.filter((s) => !haveSections.has(s.ordinal));
  const haveItems = new Set(old.items.map((i) => i.key));
  const items = n.items.filter((i) => !haveItems.has(i.itemKey)).map(noticeItem).filter((i): i is NoticeItem => i !== undefined);
  if (urls === old.urls && !sections.length && !items.length) return undefined;
  return {
    ...old,
    urls,
    sections: sections.length ? [...old.sections, ...sections].sort((a, b) => a.ordinal - b.ordinal) : old.sections,
    items: items.length ? [...old.items, ...items].sort((a, b) => compareItemKeys(a.key, b.key)) : old.items,
  };
}

const snippet = (s: string) => (s.length > 200 ? `${s.slice(0, 200)}…` : s);

/** `source`: the file's name as the user chose it, kept on the conflict copies it makes. */
export function planImport(file: TransferFile, local: LocalState, now: number, source?: string): PlanResult {
  const counts = emptyCounts();
  // The file's authors (the local author's own record stays as this profile has it).
  const fileAuthors = file.authors.filter((a) => a.id !== local.me?.id);
  const authors = new Map([...local.authors, ...fileAuthors.map((a) => [a.id, a] as const)]);
  const writes: ImportWrites = { notices: [], annotations: [], history: [], authors: fileAuthors };
  const notices: NoticePreview[] = [];
  const conflicts: ConflictPreview[] = [];
  const errors: Message[] = [];

  for (const n of file.notices) {
    const old = local.notices.get(n.key);
    const record = old ? completedNoticeRecord(old, n) : newNoticeRecord(n, now);
    if (record) writes.notices.push(record);
    const preview: NoticePreview = {
      key: n.key,
      ...(n.docNo && { docNo: n.docNo }),
      title: n.title,
      isNew: !old,
      counts: emptyCounts(),
      itemKeys: { new: [], updated: [], conflict: [] },
    };
    for (const item of n.items) {
      const k = itemRef(n.key, item.itemKey);
      const current = local.annotations.get(k);
      const incoming = { annotation: withColleagueNotes(annotationFromFile(n.key, item), current, local.me, authors), history: fileHistory(n.key, item) };
      const merged = mergeItem(current && { annotation: current, history: local.history.get(k) ?? [] }, incoming, now, source);
      counts[merged.kind]++;
      preview.counts[merged.kind]++;
      if (merged.kind !== 'unchanged' && preview.itemKeys[merged.kind].length < PREVIEW_LIST_LIMIT) {
        preview.itemKeys[merged.kind].push(item.itemKey);
      }
      if (current && merged.write) {
        for (const f of changedFields(current, merged.annotation)) {
          const list = ((preview.changed ??= {})[f] ??= []);
          if (list.length < PREVIEW_LIST_LIMIT) list.push(item.itemKey);
        }
      }
      if (merged.kind === 'conflict') {
        if (merged.annotation.note.length > IMPORT_LIMITS.maxNoteLength && errors.length < 5) {
          errors.push(message('import.mergedNoteTooLong', { notice: n.docNo ?? n.key, itemKey: item.itemKey }, IMPORT_LIMITS.maxNoteLength));
        }
        if (conflicts.length < 20) {
          conflicts.push({
            noticeKey: n.key,
            ...(n.docNo && { docNo: n.docNo }),
            itemKey: item.itemKey,
            local: snippet(current!.note),
            imported: snippet(item.note),
          });
        }
      }
      if ((merged.annotation.noteCopies?.length ?? 0) > MAX_NOTE_COPIES && errors.length < 5) {
        errors.push(message('import.mergedCopiesTooMany', { notice: n.docNo ?? n.key, itemKey: item.itemKey }, MAX_NOTE_COPIES));
      }
      if (merged.write) writes.annotations.push(merged.annotation);
      for (const h of merged.addHistory) writes.history.push(h);
    }
    notices.push(preview);
  }
  if (errors.length) return { ok: false, errors };
  const changes = writes.notices.length + writes.annotations.length + writes.history.length > 0;
  return { ok: true, preview: { exportedAt: file.exportedAt, counts, notices, conflicts, changes }, writes };
}

export class ImportRefused extends Error {
  constructor(readonly errors: Message[]) {
    super(errors.map(messageDetail).join('\n'));
  }
}

/**
 * Importing `file` at `now`, as lib/db/transfer-store.ts takes it: the notices whose records to
 * read, and the plan made from them in the same transaction as its writes. The plan throws
 * ImportRefused when the file cannot be merged: nothing is written.
 */
export function importJob(file: TransferFile, now: number, fileName?: string) {
  return {
    noticeKeys: file.notices.map((n) => n.key),
    plan(records: RecordSet) {
      const plan = planImport(file, localState(records), now, fileName);
      if (!plan.ok) throw new ImportRefused(plan.errors);
      return { preview: plan.preview, writes: plan.writes, counts: plan.preview.counts };
    },
  };
}

/** One file of a batch (collect from units: several files, one preview, one transaction). */
export interface BatchFile {
  fileName: string;
  file: TransferFile;
}

export interface BatchPreview {
  /** Each file's preview, planned after the files before it, in the order given. */
  files: { fileName: string; preview: ImportPreview }[];
  counts: ImportCounts;
  changes: boolean;
}

/** The local state after an import's writes: the next file of a batch is planned against it. */
function advance(local: LocalState, writes: ImportWrites): void {
  for (const n of writes.notices) local.notices.set(n.key, n);
  for (const a of writes.annotations) local.annotations.set(itemRef(a.noticeKey, a.itemKey), a);
  for (const h of writes.history) {
    const k = itemRef(h.noticeKey, h.itemKey);
    const list = local.history.get(k);
    if (list) list.push(h);
    else local.history.set(k, [h]);
  }
  for (const a of writes.authors ?? []) local.authors.set(a.id, a);
}

/** Several files planned one after the other, as if imported in turn; their writes as one (the last state of each record). */
export function planBatch(files: readonly BatchFile[], local: LocalState, now: number): { ok: true; preview: BatchPreview; writes: ImportWrites } | { ok: false; errors: Message[] } {
  const counts = emptyCounts();
  const notices = new Map<string, NoticeRecord>();
  const annotations = new Map<ItemRef, ItemAnnotation>();
  const authors = new Map<string, Author>();
  const history: HistoryEntry[] = [];
  const previews: BatchPreview['files'] = [];
  const errors: Message[] = [];
  for (const { fileName, file } of files) {
    const plan = planImport(file, local, now, fileName);
    // The files after a refused one are still planned: the user hears of every file's problems at once.
    if (!plan.ok) {
      errors.push(...plan.errors.map((e) => batchFileProblem(fileName, e)));
      continue;
    }
    for (const k of Object.keys(counts) as (keyof ImportCounts)[]) counts[k] += plan.preview.counts[k];
    previews.push({ fileName, preview: plan.preview });
    for (const n of plan.writes.notices) notices.set(n.key, n);
    for (const a of plan.writes.annotations) annotations.set(itemRef(a.noticeKey, a.itemKey), a);
    for (const a of plan.writes.authors ?? []) authors.set(a.id, a);
    history.push(...plan.writes.history);
    advance(local, plan.writes);
  }
  if (errors.length) return { ok: false, errors };
  const writes: ImportWrites = { notices: [...notices.values()], annotations: [...annotations.values()], history, authors: [...authors.values()] };
  const changes = previews.some((p) => p.preview.changes);
  return { ok: true, preview: { files: previews, counts, changes }, writes };
}

/** Importing several files at `now` as one batch: one transaction, one restore point, one undo. */
export function importBatchJob(files: readonly BatchFile[], now: number) {
  return {
    noticeKeys: [...new Set(files.flatMap((f) => f.file.notices.map((n) => n.key)))],
    plan(records: RecordSet) {
      const plan = planBatch(files, localState(records), now);
      if (!plan.ok) throw new ImportRefused(plan.errors);
      return { preview: plan.preview, writes: plan.writes, counts: plan.preview.counts };
    },
  };
}
