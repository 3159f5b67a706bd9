/**
 * A ledger's cells read straight from the XML files ./ledger-zip.ts inflated while checking the
 * zip: the workbook's sheets (in its order), shared strings, number formats, rows, cells and merged
 * ranges, and nothing else (no styles beyond number formats, no drawings, no formula evaluation).
 * The spreadsheet library took a second to read a 10,000-row ledger, most of it building a model
 * the import never looks at, after unzipping the file a second time.
 *
 * Each cell is read by its number format as exceljs reads it (./ledger-grid.ts): a percent cell is
 * a percent, a date cell the day and time it shows, whatever the computer's time zone
 * (./ledger-dates.ts); a formula is its text, never run; a merged range's cells all hold its first
 * cell's value. Plain TypeScript (no DOM): the pages run it, and so do the unit tests.
 */
import { message, type Message } from '../message';
import { wallClockOfIso, wallClockOfSerial } from './ledger-dates';
import type { LedgerCell, LedgerGrid, LedgerGridSheet } from './ledger-grid';
import { LEDGER_LIMITS, type LedgerLimits } from './ledger-limits';
import { unzipLedger, type LedgerParts } from './ledger-zip';

/** A workbook the reader cannot make sense of (a missing part, a broken reference). */
class UnreadableLedger extends Error {}

/** A chosen file's cells: its zip checked (./ledger-zip.ts), then its sheets read; never throws. */
export function readLedgerFile(bytes: Uint8Array, limits: LedgerLimits = LEDGER_LIMITS): { ok: true; grid: LedgerGrid } | { ok: false; error: Message } {
  const unzipped = unzipLedger(bytes, limits);
  if (!unzipped.ok) return unzipped;
  try {
    return { ok: true, grid: readLedgerCells(unzipped.parts, limits) };
  } catch (e) {
    return { ok: false, error: message('ledger.unreadable', { detail: String((e as Error)?.message ?? e).slice(0, 200) }) };
  }
}

const MAX_TEXT = 60_000;

/** The cells of every sheet of a workbook whose zip passed the checks. */
export function readLedgerCells(parts: LedgerParts, limits: LedgerLimits = LEDGER_LIMITS): LedgerGrid {
  const decoder = new TextDecoder();
  const text = (name: string) => {
    const bytes = parts.get(name);
    return bytes ? decoder.decode(bytes) : undefined;
  };
  const workbook = text('xl/workbook.xml');
  if (workbook === undefined) throw new UnreadableLedger('no workbook');
  const targets = relationships(text('xl/_rels/workbook.xml.rels') ?? '');
  const context: SheetContext = {
    strings: sharedStrings(text('xl/sharedStrings.xml') ?? ''),
    formats: numberFormats(text('xl/styles.xml') ?? ''),
    date1904: /<workbookPr\b[^>]*\bdate1904\s*=\s*["'](1|true)["']/.test(workbook),
    limits,
  };
  const sheets: LedgerGridSheet[] = [];
  for (const tag of tags(workbook, 'sheet')) {
    if (sheets.length >= limits.maxSheets) break;
    const target = targets.get(attribute(tag, 'r:id') ?? '');
    if (target === undefined) continue; // a chart sheet or another kind: no cells
    const xml = text(target);
    if (xml === undefined) throw new UnreadableLedger(`no ${target}`);
    sheets.push({ name: decodeXml(attribute(tag, 'name') ?? '').slice(0, 100), rows: sheetRows(xml, context) });
  }
  return { sheets };
}

interface SheetContext {
  strings: string[];
  /** Per cell style (the `s` of a cell), what its number format makes of a number. */
  formats: NumberKind[];
  /** Whether the workbook counts days from 1904 (old Mac workbooks). */
  date1904: boolean;
  limits: LedgerLimits;
}

type NumberKind = 'number' | 'percent' | 'date';

/** r:id → the worksheet's file in the zip. */
function relationships(xml: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const tag of tags(xml, 'Relationship')) {
    const [id, type, target] = [attribute(tag, 'Id'), attribute(tag, 'Type'), attribute(tag, 'Target')];
    if (!id || !target || !type?.endsWith('/worksheet')) continue;
    const path = decodeXml(target);
    targets.set(id, path.startsWith('/') ? path.slice(1) : `xl/${path.replace(/^\.\//, '')}`);
  }
  return targets;
}

/** Each shared string as its text: runs joined, phonetic readings (<rPh>) left out. */
function sharedStrings(xml: string): string[] {
  const strings: string[] = [];
  for (let at = xml.indexOf('<si'); at !== -1; ) {
    const open = xml.indexOf('>', at);
    if (open === -1) break;
    if (xml[open - 1] === '/') {
      strings.push('');
      at = xml.indexOf('<si', open);
      continue;
    }
    const end = xml.indexOf('</si>', open);
    if (end === -1) throw new UnreadableLedger('broken shared strings');
    strings.push(textOf(xml.slice(open + 1, end)));
    at = xml.indexOf('<si', end);
  }
  return strings;
}

// Text holds no element (its < is escaped), so [^<]* ends at the first tag: one pass, whatever
// a hostile file leaves unclosed. Likewise a cell ends before the next cell begins.
const TEXT = /<t(?:\s[^>]*)?>([^<]*)<\/t>/g;
const PHONETIC = /<rPh\b[^>]*>(?:\s|<t(?:\s[^>]*)?>[^<]*<\/t>)*<\/rPh>/g;

/** The text of an <si> or <is>: its <t> elements outside <rPh>, decoded. */
function textOf(inner: string): string {
  const body = inner.includes('<rPh') ? inner.replace(PHONETIC, '') : inner;
  let s = '';
  for (const m of body.matchAll(TEXT)) s += m[1];
  return decodeText(s);
}

const BUILT_IN_PERCENT = new Set([9, 10]);
/** Built-in date and time formats, with the Chinese, Japanese and Korean ones (27–36, 50–58). */
const BUILT_IN_DATE = (id: number) => (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);

/** What each cell style's number format makes of a number (styles.xml's cellXfs, in order). */
function numberFormats(xml: string): NumberKind[] {
  const custom = new Map<number, string>();
  for (const tag of tags(xml, 'numFmt')) custom.set(Number(attribute(tag, 'numFmtId')), decodeXml(attribute(tag, 'formatCode') ?? ''));
  const start = xml.indexOf('<cellXfs');
  if (start === -1) return [];
  const end = xml.indexOf('</cellXfs>', start);
  return [...tags(xml.slice(start, end === -1 ? undefined : end), 'xf')].map((tag) => {
    const id = Number(attribute(tag, 'numFmtId') ?? 0);
    const code = custom.get(id);
    if (code === undefined) return BUILT_IN_DATE(id) ? 'date' : BUILT_IN_PERCENT.has(id) ? 'percent' : 'number';
    return isDateFormat(code) ? 'date' : code.includes('%') ? 'percent' : 'number';
  });
}

/** As exceljs decides it: a y, m, d, h, s or b outside quotes and brackets. */
function isDateFormat(code: string): boolean {
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

const CELL = /<c\b((?:[^>"']|"[^"]*"|'[^']*')*?)(\/>|>((?:(?!<c[\s/>])[\s\S])*?)<\/c>)/g;
const ROW = /<row\b((?:[^>"']|"[^"]*"|'[^']*')*?)(\/>|>)/g;

/** A sheet's rows: row r at index r-1, null where a row holds nothing. */
function sheetRows(xml: string, context: SheetContext): (LedgerCell[] | null)[] {
  const { limits } = context;
  const maxRow = limits.maxRows + 100;
  const rows: (LedgerCell[] | null)[] = [];
  const sharedFormulas = new Map<string, string>();
  const dataStart = xml.indexOf('<sheetData');
  const dataEnd = xml.indexOf('</sheetData>', dataStart);
  const data = dataStart === -1 ? '' : xml.slice(dataStart, dataEnd === -1 ? undefined : dataEnd);
  let r = 0;
  let close = data.indexOf('</row>');
  ROW.lastIndex = 0;
  for (let row = ROW.exec(data); row; row = ROW.exec(data)) {
    r = Number(attribute(row[1], 'r') ?? r + 1);
    if (row[2] === '/>') continue;
    // A row ends at its </row>, or where the next row begins if a hostile file left it open.
    // (The </row> found last is kept while it lies ahead: not searched again for every open row.)
    if (close !== -1 && close < ROW.lastIndex) close = data.indexOf('</row>', ROW.lastIndex);
    const next = data.indexOf('<row', ROW.lastIndex);
    const end = close === -1 || (next !== -1 && next < close) ? next : close;
    const body = data.slice(ROW.lastIndex, end === -1 ? undefined : end);
    if (end === close && close !== -1) ROW.lastIndex = close + 6;
    else if (end !== -1) ROW.lastIndex = end;
    if (!(r >= 1 && r <= maxRow)) continue;
    const cells: LedgerCell[] = [];
    let c = 0;
    CELL.lastIndex = 0;
    for (let cell = CELL.exec(body); cell; cell = CELL.exec(body)) {
      const ref = attribute(cell[1], 'r');
      c = ref ? columnOf(ref) : c + 1;
      if (c < 1 || c > limits.maxColumns) continue;
      const value = cellValue(cell[1], cell[3] ?? '', ref ?? '', context, sharedFormulas);
      if (value !== undefined) cells[c - 1] = value;
    }
    if (!cells.length) continue;
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    while (rows.length < r - 1) rows.push(null);
    rows[r - 1] = cells;
  }
  fillMerges(xml.slice(dataEnd === -1 ? 0 : dataEnd), rows, limits);
  return rows;
}

/** A cell's value; undefined for a cell that holds none (only a style). */
function cellValue(attrs: string, inner: string, ref: string, context: SheetContext, sharedFormulas: Map<string, string>): LedgerCell | undefined {
  const f = /<f\b([^>]*?)(?:\/>|>([^<]*)<\/f>)/.exec(inner);
  if (!f && /<f[\s/>]/.test(inner)) return { formula: '' }; // a formula left unclosed is still one
  if (f) {
    const si = attribute(f[1], 'si');
    let formula = decodeXml(f[2] ?? '');
    if (si !== undefined && attribute(f[1], 't') === 'shared') {
      // A shared formula's other cells name the cell that holds its text, as exceljs does.
      if (f[2] !== undefined && attribute(f[1], 'ref') !== undefined) sharedFormulas.set(si, ref);
      else formula = sharedFormulas.get(si) ?? formula;
    }
    return { formula: formula.slice(0, 1000) };
  }
  const type = attribute(attrs, 't');
  if (type === 'inlineStr') {
    const is = /<is>([\s\S]*?)<\/is>/.exec(inner);
    return is ? textOf(is[1]).slice(0, MAX_TEXT) : undefined;
  }
  const v = /<v(?:\s[^>]*)?>([^<]*)<\/v>/.exec(inner);
  if (!v) return undefined;
  const raw = v[1];
  switch (type) {
    case 's': {
      const s = context.strings[Number(raw)];
      if (s === undefined) throw new UnreadableLedger(`no shared string ${raw}`);
      return s.slice(0, MAX_TEXT);
    }
    case 'str':
      return decodeText(raw).slice(0, MAX_TEXT);
    case 'b':
      return Number(raw) !== 0;
    case 'e':
      return { error: decodeXml(raw).slice(0, 100) };
    case 'd': {
      const date = wallClockOfIso(decodeXml(raw));
      return date === undefined ? decodeXml(raw).slice(0, MAX_TEXT) : { date };
    }
  }
  const n = Number.parseFloat(raw);
  if (!Number.isFinite(n)) return decodeXml(raw).slice(0, MAX_TEXT);
  const kind = context.formats[Number(attribute(attrs, 's') ?? 0)] ?? 'number';
  if (kind === 'date') {
    // A negative number shows as ##### under a date format: kept as the number, which no day column takes.
    const date = wallClockOfSerial(n, context.date1904);
    return date === undefined ? n : { date };
  }
  return kind === 'percent' ? { pct: Math.round(n * 100 * 1e6) / 1e6 } : n;
}

/**
 * Every cell of a merged range takes its first cell's value (within the limits). A range whose
 * first cell is empty adds nothing a reader sees. The cells filled are bounded by what one sheet
 * may hold: a file of many huge ranges is refused, not filled for minutes.
 */
function fillMerges(xml: string, rows: (LedgerCell[] | null)[], limits: LedgerLimits) {
  let room = (limits.maxRows + 100) * limits.maxColumns;
  for (const tag of tags(xml, 'mergeCell')) {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(attribute(tag, 'ref') ?? '');
    if (!m) continue;
    const [top, left] = [Number(m[2]), columnOf(m[1])];
    const bottom = Math.min(Number(m[4]), limits.maxRows + 100);
    const right = Math.min(columnOf(m[3]), limits.maxColumns);
    if (top < 1 || left < 1 || top > bottom || left > right) continue;
    const value = rows[top - 1]?.[left - 1] ?? null;
    if (value === null) continue;
    room -= (bottom - top + 1) * (right - left + 1);
    if (room < 0) throw new UnreadableLedger('too many merged cells');
    for (let r = top; r <= bottom; r++) {
      while (rows.length < r) rows.push(null);
      const cells = (rows[r - 1] ??= []);
      for (let c = cells.length; c < right; c++) cells[c] = null;
      for (let c = left; c <= right; c++) cells[c - 1] = value;
    }
  }
}

/** `AB12` → 28. */
function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    n = n * 26 + code - 64;
  }
  return n;
}

/** The attributes of every `<name …>` tag (not `<nameMore …>`). */
function* tags(xml: string, name: string): Generator<string> {
  const re = new RegExp(`<${name}(?=[\\s/>])((?:[^>"']|"[^"]*"|'[^']*')*)>`, 'g');
  for (const m of xml.matchAll(re)) yield m[1];
}

const ATTRIBUTES = new Map<string, RegExp>();

/** An attribute's raw value in a tag's attribute text. */
function attribute(attrs: string, name: string): string | undefined {
  let re = ATTRIBUTES.get(name);
  if (!re) ATTRIBUTES.set(name, (re = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(attrs);
  return m ? (m[1] ?? m[2]) : undefined;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, e: string) => {
    if (e[0] !== '#') return ENTITIES[e] ?? whole;
    const code = e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** A text element's content: XML entities, then Excel's own escapes (`_x000D_` for a carriage return). */
function decodeText(s: string): string {
  const decoded = decodeXml(s);
  return decoded.includes('_x') ? decoded.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))) : decoded;
}
