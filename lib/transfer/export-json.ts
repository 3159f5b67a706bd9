/** The `duban-annotations` file (version 4) from a snapshot of the database (see ./format.ts). */
import { authorDirectory, type Author } from '../annotation/author';
import { itemRef } from '../annotation/item-ref';
import type { HistoryEntry, ItemAnnotation } from '../annotation/model';
import type { ImportedNoticeRecord, NoticeRecord } from '../notice/notice-record';
import { unitsByRole } from '../notice/units';
import { fileItemFields } from './file-item';
import { FORMAT_NAME, FORMAT_VERSION, IMPORT_LIMITS, toInstant, type FileItemJson, type FileNoticeJson, type TransferFileJson } from './format';
import { groupByNotice, historyByItem, type TransferSnapshot } from './snapshot';

interface JsonExport {
  file: TransferFileJson;
  /** The notices written, for the file name. */
  notices: NoticeRecord[];
  items: number;
  /** Annotations left out because their notice has no record (no URL to point at). */
  skipped: number;
}

/** Every annotation of the notices in `only` (default: all annotated notices), with its history. */
export function buildTransferFile(snapshot: TransferSnapshot, now: number, only?: readonly string[]): JsonExport {
  const { groups, orphans } = groupByNotice(snapshot, only);
  const history = historyByItem(snapshot.history);
  let items = 0;
  const notices = groups.map(({ notice, annotations }): FileNoticeJson => {
    const noticeItems = new Map(notice.items.map((i) => [i.key, i]));
    items += annotations.length;
    return {
      key: notice.key,
      docNo: notice.docNo || null,
      url: notice.sourceUrl,
      title: notice.title,
      year: notice.year ?? null,
      publishedAt: notice.publishedAt ?? null,
      sections: notice.sections.map(({ ordinal, leader, heading }) => ({ ordinal, leader, heading })),
      itemCount: Math.min(9999, (notice as ImportedNoticeRecord).itemCount ?? notice.items.length),
      items: annotations.map((a) => fileItem(a, noticeItems.get(a.itemKey), history.get(itemRef(a.noticeKey, a.itemKey)) ?? [])),
      ...(notice.attachment && { attachment: notice.attachment }),
    };
  });
  return {
    file: {
      format: FORMAT_NAME,
      version: FORMAT_VERSION,
      exportedAt: toInstant(now),
      ...(snapshot.me && { exportedBy: snapshot.me.id }),
      authors: namedAuthors(snapshot, notices),
      notices,
    },
    notices: groups.map((g) => g.notice),
    items,
    skipped: orphans,
  };
}

function fileItem(
  a: ItemAnnotation,
  item: NoticeRecord['items'][number] | undefined,
  history: readonly HistoryEntry[],
): FileItemJson {
  // The item's number and fingerprint, then what the notice says of it, then the annotation; set
  // field by field rather than spread: a file of 10,000 items and their history makes no
  // throwaway object per optional field.
  const head: Record<string, unknown> = { itemKey: a.itemKey, fingerprint: a.fingerprint };
  if (item) {
    head.text = item.text;
    head.units = item.units.map((u) => u.name);
    if (item.section >= 1) head.section = item.section;
    addNoticeFacts(head, item);
  }
  const entries = history.length > IMPORT_LIMITS.maxHistoryPerItem ? history.slice(-IMPORT_LIMITS.maxHistoryPerItem) : history;
  const out = fileItemFields(a, head) as FileItemJson;
  // A file keeps an item's latest entries (the merge needs the latest note versions).
  out.history = entries.map(fileEntry);
  return out;
}

function fileEntry(h: HistoryEntry): NonNullable<FileItemJson['history']>[number] {
  const e: NonNullable<FileItemJson['history']>[number] = { at: toInstant(h.at), field: h.field };
  if (h.from !== undefined) e.from = h.from;
  if (h.to !== undefined) e.to = h.to;
  if (h.author !== undefined) e.author = h.author;
  if (h.fromText !== undefined) e.fromText = h.fromText;
  if (h.toText !== undefined) e.toText = h.toText;
  return e;
}

/** The authors the file's items and history name (and the exporter), as the directory knows them. */
function namedAuthors(snapshot: TransferSnapshot, notices: readonly FileNoticeJson[]): Author[] {
  const ids = new Set<string>(snapshot.me ? [snapshot.me.id] : []);
  const add = (id: unknown) => {
    if (typeof id === 'string') ids.add(id);
  };
  for (const n of notices) {
    for (const i of n.items) {
      add(i.author);
      add(i.noteAuthor);
      for (const h of i.history ?? []) add(h.author);
      for (const c of i.noteCopies ?? []) add(c.authorId);
    }
  }
  const directory = authorDirectory([...(snapshot.authors ?? []), ...(snapshot.me ? [snapshot.me] : [])]);
  return [...ids].flatMap((id) => {
    const a = directory.get(id);
    return a ? [{ id: a.id, name: a.name, unit: a.unit }] : [];
  });
}

/** Roles, the item's own leaders and its deadline, each only where the notice states it (older readers ignore them). */
function addNoticeFacts(out: Record<string, unknown>, item: NoticeRecord['items'][number]) {
  if (item.units.some((u) => u.role)) {
    const roles = unitsByRole(item.units);
    out.leadUnits = roles.lead;
    out.coUnits = roles.co;
  }
  if (item.leaders?.length) out.leaders = item.leaders;
  if (item.deadline) out.deadline = item.deadline;
}

/**
 * One item per line: a person can read and diff the file, and 10,000 items stay a third smaller
 * than indented JSON. Parses to exactly `file`.
 */
export function serializeTransferFile(file: TransferFileJson): string {
  const { notices, ...head } = file;
  const lines = ['{'];
  for (const [k, v] of Object.entries(head)) lines.push(` ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  lines.push(' "notices": [');
  notices.forEach((n, i) => {
    const { items, ...rest } = n;
    const open = JSON.stringify(rest).slice(0, -1);
    lines.push(`  ${open}${open === '{' ? '' : ','}"items": [`);
    items.forEach((item, j) => lines.push(`   ${JSON.stringify(item)}${j < items.length - 1 ? ',' : ''}`));
    lines.push(`  ]}${i < notices.length - 1 ? ',' : ''}`);
  });
  lines.push(' ]', '}');
  return lines.join('\n') + '\n';
}
