/**
 * The 督办台账 as data: per notice a sheet, one row per item of the notice (items without an
 * annotation read 未开始), and a 汇总 of statuses by lead unit and by lead official. Pure, from a
 * snapshot of the database; the pages' workbook writer (utils/ledger-workbook.ts) lays it out as
 * .xlsx, every cell a value, never a formula.
 */
import { authorDirectory, authorLabel, noteWriter, type AuthorDirectory } from '../annotation/author';
import type { ItemAnnotation } from '../annotation/model';
import { colleagueNoteLines } from '../annotation/note-copies';
import { ITEM_STATUSES, STATUS_LABELS, type ItemStatus } from '../annotation/status';
import { deadlineDay } from '../notice/deadline';
import { noticeOrder } from '../notice/item-key';
import type { NoticeRecord } from '../notice/notice-record';
import { itemFacts } from './item-facts';
import { DOC_NO_LABEL, EXPORTED_LABEL, ledgerDateTime, SUMMARY_SHEET, type LedgerColumnId } from './ledger-columns';
import { exportFileName, type TransferSnapshot } from './snapshot';

/** One item's row: a text or a number per column (progress is a number or empty). */
export type LedgerRow = { [K in LedgerColumnId]: K extends 'progress' ? number | null : string } & { statusId: ItemStatus };

export interface LedgerNoticeSheet {
  name: string;
  noticeKey: string;
  title: string;
  /** `文号：…`, or empty when the notice has none. */
  docNoLine: string;
  /** `导出时间：2026-11-25 16:30:05`: when the ledger was made (EXPORTED_LABEL). */
  exportedLine: string;
  rows: LedgerRow[];
}

/** Items of each status under one lead unit or lead official. */
export interface LedgerCount {
  name: string;
  counts: Record<ItemStatus, number>;
  total: number;
}

export interface Ledger {
  filename: string;
  sheets: LedgerNoticeSheet[];
  summary: { byLeadUnit: LedgerCount[]; byLeader: LedgerCount[] };
  /** Rows in all sheets. */
  items: number;
}

/**
 * 填报人: who wrote the item's note (else who made its last change), named with their unit as the
 * directory of authors knows them: 张三（区发改局）. The one place the ledger asks it.
 */
export function ledgerAuthor(a: ItemAnnotation | undefined, authors: AuthorDirectory): string {
  return a ? authorLabel(noteWriter(a, authors)) : '';
}

// Excel refuses these in a sheet name, and names longer than 31 characters.
const SHEET_UNSAFE = /[\\/?*[\]:]/g;

function sheetName(n: Pick<NoticeRecord, 'key' | 'docNo' | 'title'>, taken: Set<string>): string {
  const base = (n.docNo || n.title || n.key).replace(SHEET_UNSAFE, '_').replace(/^'+|'+$/g, '').slice(0, 28) || 'notice';
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 27 - String(i).length)}(${i})`;
  taken.add(name.toLowerCase());
  return name;
}

/**
 * The notices in `only` (default: every annotated notice), every item of each. Undefined when
 * there is nothing to write.
 */
export function buildLedger(
  snapshot: Pick<TransferSnapshot, 'notices' | 'annotations' | 'authors'>,
  now: number,
  only?: readonly string[],
  /** The file's name for several notices (exportFileName). */
  several?: string,
): Ledger | undefined {
  const authors = authorDirectory(snapshot.authors ?? []);
  const byNotice = new Map<string, Map<string, ItemAnnotation>>();
  for (const a of snapshot.annotations) {
    let m = byNotice.get(a.noticeKey);
    if (!m) byNotice.set(a.noticeKey, (m = new Map()));
    m.set(a.itemKey, a);
  }
  const wanted = only ? new Set(only) : undefined;
  const notices = snapshot.notices
    .filter((n) => (wanted ? wanted.has(n.key) : byNotice.has(n.key)))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  if (!notices.length) return undefined;
  const taken = new Set([SUMMARY_SHEET]);
  const byLeadUnit = new Map<string, LedgerCount>();
  const byLeader = new Map<string, LedgerCount>();
  let items = 0;
  const sheets = notices.map((notice): LedgerNoticeSheet => {
    const annotations = byNotice.get(notice.key) ?? new Map<string, ItemAnnotation>();
    const items_ = new Map(notice.items.map((i) => [i.key, i]));
    // The notice's items in its order, then annotated keys it lacks.
    const keys = [...new Set([...items_.keys(), ...annotations.keys()])].sort(noticeOrder(notice.items.map((i) => i.key)));
    const rows = keys.map((key): LedgerRow => {
      const item = items_.get(key);
      const a = annotations.get(key);
      const facts = item && itemFacts(item, notice.sections);
      const status = a?.status ?? 'not_started';
      for (const unit of facts?.lead.length ? facts.lead : ['—']) count(byLeadUnit, unit, status);
      for (const leader of facts?.leaders.length ? facts.leaders : ['—']) count(byLeader, leader, status);
      return {
        no: key,
        task: item?.text ?? '',
        leaders: facts?.leaders.join('、') ?? '',
        lead: facts?.lead.join('、') ?? '',
        co: facts?.co.join('、') ?? '',
        deadline: facts?.deadline ?? '',
        deadlineDay: deadlineDay(facts?.deadline, notice.year) ?? '',
        status: STATUS_LABELS[status].zh,
        statusId: status,
        progress: a?.progress ?? null,
        note: a?.note ?? '',
        followUp: a?.followUp ?? '',
        updatedAt: a ? ledgerDateTime(a.updatedAt) : '',
        author: ledgerAuthor(a, authors),
        colleagues: colleagueNoteLines(a?.noteCopies).join('\n'),
        key,
      };
    });
    items += rows.length;
    return { name: sheetName(notice, taken), noticeKey: notice.key, title: notice.title, docNoLine: notice.docNo ? `${DOC_NO_LABEL}${notice.docNo}` : '', exportedLine: `${EXPORTED_LABEL}${ledgerDateTime(now)}`, rows };
  });
  const sorted = (m: Map<string, LedgerCount>) => [...m.values()].sort((a, b) => b.total - a.total || (a.name < b.name ? -1 : 1));
  return {
    filename: exportFileName(notices, now, 'xlsx', several),
    sheets,
    summary: { byLeadUnit: sorted(byLeadUnit), byLeader: sorted(byLeader) },
    items,
  };
}

function count(m: Map<string, LedgerCount>, name: string, status: ItemStatus) {
  let c = m.get(name);
  if (!c) m.set(name, (c = { name, counts: Object.fromEntries(ITEM_STATUSES.map((s) => [s, 0])) as Record<ItemStatus, number>, total: 0 }));
  c.counts[status]++;
  c.total++;
}
