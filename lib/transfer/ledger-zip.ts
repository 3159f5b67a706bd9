/**
 * The first look at a chosen .xlsx, before the spreadsheet library parses anything: its size, the
 * zip's central directory (how many files, what they say they expand to), then every file inflated
 * here with a running count (declared sizes can lie: a zip bomb declares little), and the rows of
 * its sheets counted. Zod-free and synchronous: the pages run it on the file's bytes.
 * unzipLedger also keeps the files the cell reader needs (./ledger-cells.ts) as they are inflated
 * here, so the file is unzipped once.
 */
import { Inflate } from 'fflate';
import { message, type Message } from '../message';
import { LEDGER_LIMITS, NOT_XLSX, type LedgerLimits } from './ledger-limits';
import { EMPTY_FILE, tooLarge } from './limits';

type ZipCheck = { ok: true; rows: number; entries: number; expanded: number } | { ok: false; error: Message };

interface Entry {
  name: string;
  method: number;
  encrypted: boolean;
  compressed: number;
  declared: number;
  offset: number;
}

/** The files of the zip the cell reader (./ledger-cells.ts) needs, by name. */
export type LedgerParts = ReadonlyMap<string, Uint8Array>;

/** Whether the cell reader needs a file of the zip (unzipLedger keeps only these). */
export const isLedgerPart = (name: string) =>
  name === 'xl/workbook.xml' || name === 'xl/_rels/workbook.xml.rels' || name === 'xl/sharedStrings.xml' || name === 'xl/styles.xml' || /^xl\/worksheets\/[^/]+\.xml$/.test(name);

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MB = 1024 * 1024;

class Refused extends Error {
  constructor(readonly reason: Message) {
    super(reason.code);
  }
}

/** Checks a ledger file's bytes; never throws. */
export function checkLedgerZip(bytes: Uint8Array, limits: LedgerLimits = LEDGER_LIMITS): ZipCheck {
  const checked = inspect(bytes, limits, false);
  if (!checked.ok) return checked;
  const { rows, entries, expanded } = checked;
  return { ok: true, rows, entries, expanded };
}

/** Checks a ledger file's bytes as checkLedgerZip does, keeping the files the cell reader needs. */
export function unzipLedger(bytes: Uint8Array, limits: LedgerLimits = LEDGER_LIMITS): (ZipCheck & { ok: false }) | { ok: true; parts: LedgerParts } {
  const checked = inspect(bytes, limits, true);
  return checked.ok ? { ok: true, parts: checked.parts } : checked;
}

function inspect(bytes: Uint8Array, limits: LedgerLimits, keep: boolean): (ZipCheck & { ok: false }) | (ZipCheck & { ok: true; parts: Map<string, Uint8Array> }) {
  if (bytes.byteLength > limits.maxBytes) return { ok: false, error: tooLarge(bytes.byteLength) };
  if (!bytes.byteLength) return { ok: false, error: EMPTY_FILE };
  try {
    const entries = centralDirectory(bytes, limits);
    if (!entries.some((e) => e.name === 'xl/workbook.xml')) throw new Refused(NOT_XLSX);
    let expanded = 0;
    let rows = 0;
    const parts = new Map<string, Uint8Array>();
    for (const e of entries) {
      const sheet = /^xl\/worksheets\/[^/]+\.xml$/.test(e.name);
      const counter = sheet ? rowCounter() : undefined;
      const chunks: Uint8Array[] | undefined = keep && isLedgerPart(e.name) ? [] : undefined;
      const feed = counter || chunks ? (chunk: Uint8Array) => (counter?.feed(chunk), chunks?.push(chunk)) : undefined;
      const size = inflateEntry(bytes, e, limits.maxExpandedBytes - expanded, limits, feed);
      expanded += size;
      if (counter) rows += counter.rows();
      if (rows > limits.maxRows) throw new Refused(message('ledger.tooManyRows', { rows, limit: limits.maxRows }));
      if (chunks) parts.set(e.name, joined(chunks, size));
    }
    return { ok: true, rows, entries: entries.length, expanded, parts };
  } catch (e) {
    return { ok: false, error: e instanceof Refused ? e.reason : NOT_XLSX };
  }
}

function centralDirectory(b: Uint8Array, limits: LedgerLimits): Entry[] {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let end = -1;
  // The end record is in the last 22 bytes plus a comment of at most 65,535.
  for (let i = b.byteLength - 22; i >= Math.max(0, b.byteLength - 22 - 65_535); i--) {
    if (v.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Refused(NOT_XLSX);
  const count = v.getUint16(end + 10, true);
  let at = v.getUint32(end + 16, true);
  // Zip64 markers: no ledger duban reads needs them.
  if (count === 0xffff || at === 0xffffffff) throw new Refused(NOT_XLSX);
  if (count > limits.maxEntries) throw new Refused(message('ledger.tooManyEntries', { entries: count, limit: limits.maxEntries }));
  const entries: Entry[] = [];
  let declared = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > b.byteLength || v.getUint32(at, true) !== CENTRAL) throw new Refused(NOT_XLSX);
    const nameLength = v.getUint16(at + 28, true);
    const entry: Entry = {
      name: new TextDecoder().decode(b.subarray(at + 46, at + 46 + nameLength)),
      method: v.getUint16(at + 10, true),
      encrypted: (v.getUint16(at + 8, true) & 1) === 1,
      compressed: v.getUint32(at + 20, true),
      declared: v.getUint32(at + 24, true),
      offset: v.getUint32(at + 42, true),
    };
    if (entry.encrypted || (entry.method !== 0 && entry.method !== 8)) throw new Refused(NOT_XLSX);
    declared += entry.declared;
    if (declared > limits.maxExpandedBytes) throw new Refused(expandsTooMuch(limits));
    entries.push(entry);
    at += 46 + nameLength + v.getUint16(at + 30, true) + v.getUint16(at + 32, true);
  }
  return entries;
}

const expandsTooMuch = (limits: LedgerLimits) => message('ledger.expandsTooMuch', { limit: Math.round(limits.maxExpandedBytes / MB) });

/** Inflates one file, refusing past `room` bytes; answers its size. */
function inflateEntry(b: Uint8Array, e: Entry, room: number, limits: LedgerLimits, feed?: (chunk: Uint8Array) => void): number {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (e.offset + 30 > b.byteLength || v.getUint32(e.offset, true) !== LOCAL) throw new Refused(NOT_XLSX);
  const start = e.offset + 30 + v.getUint16(e.offset + 26, true) + v.getUint16(e.offset + 28, true);
  if (start + e.compressed > b.byteLength) throw new Refused(NOT_XLSX);
  const data = b.subarray(start, start + e.compressed);
  let size = 0;
  const take = (chunk: Uint8Array) => {
    size += chunk.length;
    if (size > room) throw new Refused(expandsTooMuch(limits));
    feed?.(chunk);
  };
  if (e.method === 0) {
    take(data);
    return size;
  }
  const inflate = new Inflate(take);
  const STEP = 64 * 1024;
  if (!data.length) inflate.push(data, true);
  for (let i = 0; i < data.length; i += STEP) inflate.push(data.subarray(i, i + STEP), i + STEP >= data.length);
  return size;
}

function joined(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const LT = 0x3c; // <
const AFTER_ROW = new Set([0x20, 0x3e, 0x2f, 0x09, 0x0a, 0x0d]); // space > / tab newline

/** Counts `<row` elements of a sheet's XML, fed in chunks (a tag may straddle two). */
function rowCounter() {
  let rows = 0;
  // The last bytes of the previous chunk when a `<row` may begin there.
  let tail = new Uint8Array(0);
  return {
    feed(chunk: Uint8Array) {
      let buf = chunk;
      if (tail.length) {
        buf = new Uint8Array(tail.length + chunk.length);
        buf.set(tail);
        buf.set(chunk, tail.length);
      }
      tail = new Uint8Array(0);
      // indexOf runs natively: a few million bytes take milliseconds.
      for (let i = buf.indexOf(LT); i !== -1; i = buf.indexOf(LT, i + 1)) {
        if (i + 4 >= buf.length) {
          tail = buf.slice(i);
          break;
        }
        if (buf[i + 1] === 0x72 && buf[i + 2] === 0x6f && buf[i + 3] === 0x77 && AFTER_ROW.has(buf[i + 4])) rows++;
      }
    },
    rows: () => rows,
  };
}
