/**
 * An import, planned before anything is written: the merge of every item of a checked file with
 * what the database holds (./merge.ts), the preview the user confirms, and the rows to write.
 * Pure; ./store.ts reads the local state and writes the plan in one transaction.
 */
import { MAX_NOTE_COPIES, type HistoryEntry, type ItemAnnotation } from '../annotation/model';
import type { NoticeRecord } from '../db/database';
import { message, type Message } from '../message';
import type { NoticeItem } from '../notice/types';
import { IMPORT_LIMITS, type FileItem, type FileNotice, type TransferFile } from './format';
import { mergeItem, type MergeKind } from './merge';
import { itemKey, type ImportedNoticeRecord } from './snapshot';

export interface LocalState {
  notices: Map<string, NoticeRecord>;
  /** By itemKey(noticeKey, itemNo). */
  annotations: Map<string, ItemAnnotation>;
  history: Map<string, HistoryEntry[]>;
}

export type ImportCounts = Record<MergeKind, number>;

/** Item numbers listed per kind in a preview (counts are always complete). */
export const PREVIEW_LIST_LIMIT = 200;

export interface NoticePreview {
  key: string;
  docNo?: string;
  title: string;
  /** The notice is not in this database yet: it is created from the file. */
  isNew: boolean;
  counts: ImportCounts;
  /** Item numbers by kind (unchanged not listed), at most PREVIEW_LIST_LIMIT each. */
  itemNos: { new: number[]; updated: number[]; conflict: number[] };
}

export interface ConflictPreview {
  noticeKey: string;
  docNo?: string;
  itemNo: number;
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

export interface ImportWrites {
  notices: NoticeRecord[];
  annotations: ItemAnnotation[];
  history: HistoryEntry[];
}

export type PlanResult = { ok: true; preview: ImportPreview; writes: ImportWrites } | { ok: false; errors: Message[] };

const emptyCounts = (): ImportCounts => ({ new: 0, updated: 0, unchanged: 0, conflict: 0 });

export function fileAnnotation(noticeKey: string, item: FileItem): ItemAnnotation {
  const a: ItemAnnotation = {
    noticeKey,
    itemNo: item.itemNo,
    status: item.status,
    note: item.note,
    fingerprint: item.fingerprint,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
  if (item.followUp != null) a.followUp = item.followUp;
  if (item.progress != null) a.progress = item.progress;
  if (item.noteUpdatedAt != null) a.noteUpdatedAt = item.noteUpdatedAt;
  if (item.noteCopies?.length) {
    a.noteCopies = item.noteCopies.map((c) => ({ id: c.id, text: c.text, at: c.at, kind: c.kind, ...(c.author != null && { author: c.author }) }));
  }
  return a;
}

export function fileHistory(noticeKey: string, item: FileItem): HistoryEntry[] {
  return item.history.map((h) => {
    const e: HistoryEntry = { noticeKey, itemNo: item.itemNo, at: h.at, field: h.field };
    if (h.from !== undefined) e.from = h.from;
    if (h.to !== undefined) e.to = h.to;
    return e;
  });
}

function noticeItem(item: FileItem): NoticeItem | undefined {
  if (item.text === undefined) return undefined;
  return {
    itemNo: item.itemNo,
    text: item.text,
    section: item.section ?? 0,
    units: (item.units ?? []).map((name, i) => ({ name, lead: i === 0 })),
    fingerprint: item.fingerprint,
  };
}

/** The notice as the file describes it, for a database that has never seen it. */
function newNoticeRecord(n: FileNotice, now: number): ImportedNoticeRecord {
  return {
    importedOnly: true,
    ...(n.itemCount !== undefined && { itemCount: n.itemCount }),
    key: n.key,
    ...(n.docNo && { docNo: n.docNo }),
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
  const haveItems = new Set(old.items.map((i) => i.itemNo));
  const items = n.items.filter((i) => !haveItems.has(i.itemNo)).map(noticeItem).filter((i): i is NoticeItem => i !== undefined);
  if (urls === old.urls && !sections.length && !items.length) return undefined;
  return {
    ...old,
    urls,
    sections: sections.length ? [...old.sections, ...sections].sort((a, b) => a.ordinal - b.ordinal) : old.sections,
    items: items.length ? [...old.items, ...items].sort((a, b) => a.itemNo - b.itemNo) : old.items,
  };
}

const snippet = (s: string) => (s.length > 200 ? `${s.slice(0, 200)}…` : s);

export function planImport(file: TransferFile, local: LocalState, now: number): PlanResult {
  const counts = emptyCounts();
  const writes: ImportWrites = { notices: [], annotations: [], history: [] };
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
      itemNos: { new: [], updated: [], conflict: [] },
    };
    for (const item of n.items) {
      const k = itemKey(n.key, item.itemNo);
      const current = local.annotations.get(k);
      const incoming = { annotation: fileAnnotation(n.key, item), history: fileHistory(n.key, item) };
      const merged = mergeItem(current && { annotation: current, history: local.history.get(k) ?? [] }, incoming, now);
      counts[merged.kind]++;
      preview.counts[merged.kind]++;
      if (merged.kind !== 'unchanged' && preview.itemNos[merged.kind].length < PREVIEW_LIST_LIMIT) {
        preview.itemNos[merged.kind].push(item.itemNo);
      }
      if (merged.kind === 'conflict') {
        if (merged.annotation.note.length > IMPORT_LIMITS.maxNoteLength && errors.length < 5) {
          errors.push(message('import.mergedNoteTooLong', { notice: n.docNo ?? n.key, itemNo: item.itemNo }, IMPORT_LIMITS.maxNoteLength));
        }
        if (conflicts.length < 20) {
          conflicts.push({
            noticeKey: n.key,
            ...(n.docNo && { docNo: n.docNo }),
            itemNo: item.itemNo,
            local: snippet(current!.note),
            imported: snippet(item.note),
          });
        }
      }
      if ((merged.annotation.noteCopies?.length ?? 0) > MAX_NOTE_COPIES && errors.length < 5) {
        errors.push(message('import.mergedCopiesTooMany', { notice: n.docNo ?? n.key, itemNo: item.itemNo }, MAX_NOTE_COPIES));
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
