/**
 * A ledger edited by a colleague (Excel, WPS, LibreOffice), as duban's transfer file: each sheet
 * matched to a notice of this database (its 文号, key or title above the header), each row to an
 * item (its hidden key checked against the item's text; else its 序号 and text), wherever rows and
 * columns moved. The file then goes the JSON import's way (./parse-file.ts, ./plan.ts): checked
 * whole, previewed, merged, written in one transaction, undone. Nothing is guessed: a sheet or a
 * row that matches nothing is named in the report, a value duban cannot read refuses the file.
 *
 * The merge needs to know what the colleague changed. The ledger's 更新时间 is the item's last
 * change when it was exported: an item unchanged here since then takes the row's values as a
 * change made now (its note as a revision of this one); an item changed here since keeps the later
 * status, and both notes unless one holds the other (./merge.ts).
 */
import { itemRef } from '../annotation/item-ref';
import type { HistoryEntry, ItemAnnotation } from '../annotation/model';
import type { NoteCopy } from '../annotation/note-copies';
import type { RecordSet } from '../annotation/record-set';
import { message, type Message } from '../message';
import type { NoticeRecord } from '../notice/notice-record';
import type { NoticeItem } from '../notice/types';
import { MAX_AUTHOR_NAME, MAX_AUTHOR_UNIT } from '../annotation/author';
import { fileItemFields } from './file-item';
import { FORMAT_NAME, FORMAT_VERSION, toInstant, type FileItemJson, type FileNoticeJson, type TransferFileJson } from './format';
import { columnOfHeader, DOC_NO_LABEL, EXPORTED_LABEL, instantOfLedgerDateTime, LEDGER_COLUMNS, type LedgerColumnId } from './ledger-columns';
import type { LedgerCell, LedgerGrid, LedgerGridSheet } from './ledger-grid';
import { dayOf, instantOf, isBad, progressOf, statusOf, STATUS_WORDS_SHOWN, textOf, type Bad } from './ledger-values';
import { localState, type ImportPreview, type LocalState } from './plan';

/** The columns whose values a ledger brings (the others are the notice's, or written only). */
const READ_COLUMNS: readonly LedgerColumnId[] = ['status', 'progress', 'note', 'followUp'];
/** Rows a report names at most (counts are complete). */
const LISTED = 200;
/** Rows above the header searched for it. */
const HEADER_SEARCH = 30;
/** Problems one refusal lists. */
const SHOWN = 5;

export interface LedgerReport {
  /** Sheets read as a notice's ledger. */
  sheets: {
    sheet: string;
    noticeKey: string;
    title: string;
    rows: number;
    matched: number;
    /** Matched rows of items annotated here that change nothing (the preview's 不变, as a JSON file's). */
    unchanged: number;
    /** Columns duban reads that the sheet lacks (deleted?): what they hold changes nothing. */
    missing?: LedgerColumnId[];
  }[];
  /** Sheets with a ledger's header that match no notice here, with the title above them. */
  unmatchedSheets: { sheet: string; title: string }[];
  /** Rows that match no item of their notice (at most LISTED). */
  unmatchedRows: {
    sheet: string;
    row: number;
    no: string;
    text: string;
    /** The item the row's key or 序号 names, whose text is not the row's 工作任务 (edited?). */
    differs?: string;
  }[];
  unmatchedRowCount: number;
}

type LedgerRead = { ok: true; file: TransferFileJson; report: LedgerReport } | { ok: false; errors: Message[] };

class Refused extends Error {
  constructor(readonly errors: Message[]) {
    super(errors.map((e) => e.code).join(', '));
  }
}

/** The ledger as a transfer file against `records` (the database's notices, annotations and history). */
export function readLedger(grid: LedgerGrid, records: RecordSet, now: number): LedgerRead {
  try {
    return read(grid, records, now);
  } catch (e) {
    if (e instanceof Refused) return { ok: false, errors: e.errors };
    throw e;
  }
}

interface Header {
  row: number;
  columns: Map<LedgerColumnId, number>;
  headers: Map<LedgerColumnId, string>;
}

function read(grid: LedgerGrid, records: RecordSet, now: number): LedgerRead {
  const local = localState(records);
  const notices = noticeIndex(records.notices);
  const report: LedgerReport = { sheets: [], unmatchedSheets: [], unmatchedRows: [], unmatchedRowCount: 0 };
  const problems: Message[] = [];
  const files = new Map<string, { notice: FileNoticeJson; rows: Map<string, number> }>();
  let ledgers = 0;
  let exportedAt: number | undefined;
  for (const sheet of grid.sheets) {
    const header = findHeader(sheet, problems);
    if (!header) continue;
    ledgers++;
    const title = titleAbove(sheet, header.row);
    const at = labelledAbove(sheet, header.row, EXPORTED_LABEL);
    const exported = at === undefined ? undefined : instantOfLedgerDateTime(at);
    if (exported !== undefined) exportedAt = Math.min(exportedAt ?? exported, exported);
    const notice = noticeOf(sheet, header.row, notices);
    if (!notice) {
      report.unmatchedSheets.push({ sheet: sheet.name, title });
      continue;
    }
    // A 文号 written above that is another notice's (the sheet's rows copied from another ledger?): never guessed which.
    const written = labelledAbove(sheet, header.row, DOC_NO_LABEL);
    if (written && written !== notice.docNo) {
      problems.push(message('ledger.docNoDiffers', { sheet: sheet.name, written, notice: notice.docNo || notice.title }));
      continue;
    }
    if (!header.columns.has('key') && !header.columns.has('task')) {
      problems.push(message('ledger.noItemColumn', { sheet: sheet.name }));
      continue;
    }
    let file = files.get(notice.key);
    if (!file) {
      // An attachment's notice names its attachment: its key and URL are checked with it.
      const attachment = notice.attachment ? { attachment: notice.attachment } : {};
      file = { notice: { key: notice.key, docNo: notice.docNo ?? null, url: notice.sourceUrl, title: notice.title, items: [], ...attachment }, rows: new Map() };
      files.set(notice.key, file);
    }
    const items = new Map(notice.items.map((i) => [i.key, i]));
    const missing = READ_COLUMNS.filter((id) => !header.columns.has(id));
    const counts: LedgerReport['sheets'][number] = { sheet: sheet.name, noticeKey: notice.key, title: notice.title, rows: 0, matched: 0, unchanged: 0, ...(missing.length && { missing }) };
    for (let r = header.row + 1; r < sheet.rows.length; r++) {
      const cells = sheet.rows[r];
      if (!cells) continue;
      const cell = (id: LedgerColumnId) => {
        const c = header.columns.get(id);
        return c === undefined ? undefined : cells[c];
      };
      if (![...header.columns.values()].some((c) => !isEmpty(cells[c]))) continue;
      counts.rows++;
      const item = matchItem(cell, header, items);
      if (!item) {
        report.unmatchedRowCount++;
        if (report.unmatchedRows.length < LISTED) {
          const text = cell('task');
          const named = items.get(plain(cell('key'))) ?? items.get(plain(cell('no')));
          report.unmatchedRows.push({
            sheet: sheet.name,
            row: r + 1,
            no: plain(cell('no')) || plain(cell('key')),
            text: (typeof text === 'string' ? text : '').slice(0, 80),
            ...(named && { differs: named.key }),
          });
        }
        continue;
      }
      const earlier = file.rows.get(item.key);
      if (earlier !== undefined) {
        problems.push(message('ledger.duplicateRow', { sheet: sheet.name, row: r + 1, earlier, itemKey: item.key }));
        continue;
      }
      file.rows.set(item.key, r + 1);
      counts.matched++;
      const values = rowValues(cell, (id, what) => problems.push(badCell(sheet.name, r, header, id, what, cell(id))));
      if (!values) continue;
      // A row left blank (no 更新时间: nobody had written on the item) was as it is here when the ledger was made.
      values.base ??= exported;
      const fileItem = incomingItem(notice.key, item, values, local, now);
      if (fileItem) file.notice.items.push(fileItem);
      else if (local.annotations.has(itemRef(notice.key, item.key))) counts.unchanged++;
    }
    report.sheets.push(counts);
  }
  if (problems.length) throw new Refused(shown(problems));
  if (!ledgers) throw new Refused([message('ledger.noLedger')]);
  if (!files.size) {
    // Sheets with no title or 文号 above their header (rows pasted into a new workbook) name no notice at all.
    const untitled = report.unmatchedSheets.filter((s) => !s.title.trim());
    if (untitled.length === report.unmatchedSheets.length) throw new Refused([message('ledger.noTitle', { sheets: untitled.map((s) => s.sheet) })]);
    throw new Refused([message('ledger.noNotice', { titles: report.unmatchedSheets.map((s) => (s.title.trim() ? `${s.sheet}「${s.title.slice(0, 60)}」` : s.sheet)) })]);
  }
  const named = new Map<string, { id: string; name: string; unit: string }>();
  for (const f of files.values()) for (const i of f.notice.items) if (i.noteAuthor?.startsWith('ledger:')) named.set(i.noteAuthor, authorOfId(i.noteAuthor));
  const file: TransferFileJson = {
    format: FORMAT_NAME,
    version: FORMAT_VERSION,
    exportedAt: toInstant(exportedAt ?? now),
    ...(named.size > 0 && { authors: [...named.values()] }),
    notices: [...files.values()].map((f) => f.notice),
  };
  return { ok: true, file, report };
}

const shown = (problems: Message[]) =>
  problems.length > SHOWN ? [...problems.slice(0, SHOWN), message('import.moreProblems', undefined, problems.length - SHOWN)] : problems;

function isEmpty(c: LedgerCell | undefined): boolean {
  return c === null || c === undefined || (typeof c === 'string' && !c.trim());
}

/** A key or 序号 cell as text: 12 typed as a number is `12`. */
function plain(c: LedgerCell | undefined): string {
  if (typeof c === 'string') return c.trim();
  if (typeof c === 'number' && Number.isInteger(c)) return String(c);
  return '';
}

/** The first row (of the first HEADER_SEARCH) naming at least three of the ledger's columns. */
function findHeader(sheet: LedgerGridSheet, problems: Message[]): Header | undefined {
  for (let r = 0; r < Math.min(HEADER_SEARCH, sheet.rows.length); r++) {
    const cells = sheet.rows[r];
    if (!cells) continue;
    const columns = new Map<LedgerColumnId, number>();
    const headers = new Map<LedgerColumnId, string>();
    let duplicate: string | undefined;
    cells.forEach((c, i) => {
      const id = typeof c === 'string' ? columnOfHeader(c) : undefined;
      if (!id) return;
      if (columns.has(id)) duplicate ??= c as string;
      columns.set(id, i);
      headers.set(id, c as string);
    });
    if (columns.size < 3) continue;
    // Two columns under one header (a merged header cell reads the same in each): which is which is a guess.
    if (duplicate !== undefined) {
      problems.push(message('ledger.duplicateColumn', { sheet: sheet.name, header: duplicate }));
      return undefined;
    }
    return { row: r, columns, headers };
  }
  return undefined;
}

function titleAbove(sheet: LedgerGridSheet, headerRow: number): string {
  for (let r = 0; r < headerRow; r++) {
    const text = sheet.rows[r]?.find((c): c is string => typeof c === 'string' && c.trim() !== '');
    if (text) return text.trim().slice(0, 200);
  }
  return '';
}

/** What the cell above the header that begins with `label` says after it (文号：…, 导出时间：…), if any. */
function labelledAbove(sheet: LedgerGridSheet, headerRow: number, label: string): string | undefined {
  for (let r = 0; r < headerRow; r++) {
    for (const c of sheet.rows[r] ?? []) {
      if (typeof c === 'string' && c.trim().startsWith(label)) return c.trim().slice(label.length).trim() || undefined;
    }
  }
  return undefined;
}

interface NoticeIndex {
  byKey: Map<string, NoticeRecord>;
  byDocNo: Map<string, NoticeRecord>;
  byTitle: Map<string, NoticeRecord[]>;
}

function noticeIndex(notices: readonly NoticeRecord[]): NoticeIndex {
  const index: NoticeIndex = { byKey: new Map(), byDocNo: new Map(), byTitle: new Map() };
  for (const n of notices) {
    index.byKey.set(n.key, n);
    if (n.docNo) index.byDocNo.set(n.docNo, n);
    const t = index.byTitle.get(n.title);
    if (t) t.push(n);
    else index.byTitle.set(n.title, [n]);
  }
  return index;
}

/** The one notice the cells above the header name (文号, key, title); none, or several: undefined. */
function noticeOf(sheet: LedgerGridSheet, headerRow: number, index: NoticeIndex): NoticeRecord | undefined {
  const found = new Set<NoticeRecord>();
  for (let r = 0; r < headerRow; r++) {
    for (const c of sheet.rows[r] ?? []) {
      if (typeof c !== 'string' || !c.trim()) continue;
      const s = c.trim();
      const docNo = s.startsWith(DOC_NO_LABEL) ? s.slice(DOC_NO_LABEL.length).trim() : s;
      const n = index.byKey.get(s) ?? index.byDocNo.get(docNo);
      if (n) found.add(n);
      else {
        const titled = index.byTitle.get(s);
        if (titled?.length === 1) found.add(titled[0]);
      }
    }
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/** Text compared as the page's words, whatever spaces or full-width forms a spreadsheet added. */
const sameText = (a: string, b: string) => a.normalize('NFKC').replace(/\s+/g, '') === b.normalize('NFKC').replace(/\s+/g, '');

/** The row's item: its key checked against its text; else its 序号 and text. */
function matchItem(cell: (id: LedgerColumnId) => LedgerCell | undefined, header: Header, items: Map<string, NoticeItem>): NoticeItem | undefined {
  const text = cell('task');
  const textAgrees = (item: NoticeItem) => !header.columns.has('task') || (typeof text === 'string' && sameText(text, item.text));
  const key = plain(cell('key'));
  if (key) {
    const item = items.get(key);
    return item && textAgrees(item) ? item : undefined;
  }
  const no = plain(cell('no'));
  const item = no ? items.get(no) : undefined;
  return item && typeof text === 'string' && sameText(text, item.text) ? item : undefined;
}

interface RowValues {
  status?: ItemAnnotation['status'];
  note?: string;
  progress?: number;
  followUp?: string;
  /** 更新时间: the item's last change when the ledger was exported. */
  base?: number;
  /** 填报人: who the ledger says wrote the row's 进展情况, as 张三（区发改局）. */
  author?: { name: string; unit: string };
  /** Which columns the ledger has: a column it lacks changes nothing. */
  has: Set<LedgerColumnId>;
}

function rowValues(cell: (id: LedgerColumnId) => LedgerCell | undefined, fail: (id: LedgerColumnId, what: Bad) => void): RowValues | undefined {
  const out: RowValues = { has: new Set() };
  let ok = true;
  const take = <T>(id: LedgerColumnId, v: T | Bad, set: (v: T) => void) => {
    if (isBad(v)) {
      fail(id, v);
      ok = false;
    } else set(v);
  };
  const present = (id: LedgerColumnId) => {
    const c = cell(id);
    if (c !== undefined) out.has.add(id);
    return c;
  };
  // A column missing from the ledger reads undefined; an empty cell in it null.
  for (const id of ['status', 'note', 'progress', 'followUp'] as const) present(id);
  take('status', statusOf(cell('status') ?? undefined), (v) => (out.status = v));
  take('note', textOf(cell('note') ?? undefined), (v) => (out.note = v));
  take('progress', progressOf(cell('progress') ?? undefined), (v) => (out.progress = v));
  take('followUp', dayOf(cell('followUp') ?? undefined), (v) => (out.followUp = v));
  out.base = instantOf(cell('updatedAt') ?? undefined);
  const by = textOf(cell('author') ?? undefined);
  if (typeof by === 'string') out.author = ledgerAuthorOf(by);
  return ok ? out : undefined;
}

/**
 * 填报人 as duban writes it (张三（区发改局）, 张三, （区发改局）) read back into a name and unit.
 * The ledger carries no author id: an author is known by name and unit (lib/annotation/author.ts
 * isSameAuthor), so the same person's notes join theirs and the user's own stay the user's.
 */
export function ledgerAuthorOf(text: string): { name: string; unit: string } | undefined {
  const t = text.trim();
  if (!t) return undefined;
  const open = unitBracket(t);
  const name = (open >= 0 ? t.slice(0, open) : t).trim().slice(0, MAX_AUTHOR_NAME);
  const unit = (open >= 0 ? t.slice(open + 1, -1) : '').trim().slice(0, MAX_AUTHOR_UNIT);
  return name || unit ? { name, unit } : undefined;
}

/**
 * Where the bracket holding the unit opens: the one the last character closes, brackets inside
 * the unit counted (张三（区政府办公室（区外办））); -1 when the text does not end in a bracket.
 */
function unitBracket(t: string): number {
  if (!/[）)]$/.test(t)) return -1;
  let depth = 0;
  for (let i = t.length - 1; i >= 0; i--) {
    const c = t[i];
    if (c === '）' || c === ')') depth++;
    else if ((c === '（' || c === '(') && --depth === 0) return i;
  }
  return -1;
}

/** Whether a colleague's note record is the one a ledger's 填报人 names. */
function isLedgerAuthor(c: NoteCopy, a: { name: string; unit: string }): boolean {
  return c.authorId === ledgerAuthorId(a) || ((c.author ?? '') === a.name && (c.unit ?? '') === a.unit);
}

/** The id a ledger's 填报人 stands under in the file it becomes: the same name and unit, the same id. */
export const ledgerAuthorId = (a: { name: string; unit: string }) => `ledger:${a.name}|${a.unit}`.slice(0, 100);

function authorOfId(id: string): { id: string; name: string; unit: string } {
  const [name = '', unit = ''] = id.slice('ledger:'.length).split('|');
  return { id, name, unit };
}

/** A cell's address, G12. */
function address(column: number, row: number): string {
  let s = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${row + 1}`;
}

/** A cell as the spreadsheet shows it (150%, =SUM(…), a day), never as duban holds it ({"pct":150}). */
function shownCell(c: LedgerCell | undefined): string {
  if (typeof c !== 'object' || c === null) return String(c);
  if ('formula' in c) return `=${c.formula}`;
  if ('pct' in c) return `${c.pct}%`;
  if ('date' in c) return c.date.replace('T', ' ');
  return JSON.stringify(c);
}

function badCell(sheet: string, r: number, header: Header, id: LedgerColumnId, what: Bad, c: LedgerCell | undefined): Message {
  const shownValue = shownCell(c);
  return message(`ledger.bad.${what.bad}`, {
    sheet,
    cell: address(header.columns.get(id)!, r),
    column: header.headers.get(id) ?? LEDGER_COLUMNS[id].header,
    value: shownValue.length > 40 ? `${shownValue.slice(0, 40)}…` : shownValue,
    words: STATUS_WORDS_SHOWN,
  });
}

/**
 * The row as the item's file entry, or undefined when it changes nothing (the same values as
 * here, or an empty row for an item without an annotation).
 */
function incomingItem(noticeKey: string, item: NoticeItem, v: RowValues, local: LocalState, now: number): FileItemJson | undefined {
  const ref = itemRef(noticeKey, item.key);
  const L = local.annotations.get(ref);
  const pick = <K extends 'status' | 'note' | 'progress' | 'followUp'>(k: K, fallback: ItemAnnotation[K]): ItemAnnotation[K] =>
    v.has.has(k) ? (v[k] as ItemAnnotation[K]) : fallback;
  const status = v.has.has('status') ? (v.status ?? L?.status ?? 'not_started') : (L?.status ?? 'not_started');
  let note = pick('note', L?.note ?? '') ?? '';
  // A colleague's words already kept as their note on the item (this ledger imported before): nothing new.
  if (v.author && note && L?.noteCopies?.some((c) => c.kind === 'colleague' && c.text === note && isLedgerAuthor(c, v.author!))) note = L.note;
  const progress = pick('progress', L?.progress);
  const followUp = pick('followUp', L?.followUp);
  if (L ? L.status === status && L.note === note && L.progress === progress && L.followUp === followUp : status === 'not_started' && !note && progress === undefined && followUp === undefined) {
    return undefined;
  }
  // Unchanged here since the export (or the ledger does not say when): the row is the later change.
  const theirs = !L || v.base === undefined || Math.floor(L.updatedAt / 1000) * 1000 <= v.base;
  const at = theirs ? now : v.base!;
  const noteChanged = note !== (L?.note ?? '');
  const a: ItemAnnotation = {
    noticeKey,
    itemKey: item.key,
    status,
    note,
    ...(followUp !== undefined && { followUp }),
    ...(progress !== undefined && { progress }),
    fingerprint: item.fingerprint,
    createdAt: L?.createdAt ?? now,
    updatedAt: at,
    ...(noteChanged ? { noteUpdatedAt: at } : L?.noteUpdatedAt !== undefined && { noteUpdatedAt: L.noteUpdatedAt }),
    // Who wrote the row's words, as the ledger names them: a colleague's note arrives as theirs.
    ...(noteChanged && note && v.author && { noteAuthor: ledgerAuthorId(v.author), author: ledgerAuthorId(v.author) }),
  };
  // The ledger's note grew out of this note version: say so, as the file's history would (./merge.ts hasSeenNote).
  const history: HistoryEntry[] = theirs && L ? (local.history.get(ref) ?? []).filter((h) => h.field === 'note' && h.at === L.noteUpdatedAt && h.to === L.note.length) : [];
  return Object.assign(fileItemFields(a, { itemKey: item.key, fingerprint: item.fingerprint }), {
    history: history.map((h) => ({ at: toInstant(h.at), field: h.field, ...(h.from !== undefined && { from: h.from }), ...(h.to !== undefined && { to: h.to }) })),
  });
}

/**
 * The ledger's matched rows of items annotated here that change nothing are not in the transfer
 * file it became: counted into the preview's 不变 (the whole and each notice's), as a JSON file's
 * unchanged items are, wherever a ledger is previewed (the popup, a batch of units' files).
 * Answers how many it added (a batch adds them to its own count too).
 */
export function countUnchangedRows(preview: ImportPreview, report: LedgerReport): number {
  let added = 0;
  for (const sheet of report.sheets) {
    added += sheet.unchanged;
    const n = preview.notices.find((x) => x.key === sheet.noticeKey);
    if (n) n.counts.unchanged += sheet.unchanged;
  }
  preview.counts.unchanged += added;
  return added;
}
