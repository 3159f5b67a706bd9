/**
 * The text core of the parser: raw text lines in, sections and items out, no DOM.
 * The live page shows the body twice, so the lines may hold several copies of the notice;
 * each copy is returned apart and the caller picks the one a reader sees.
 */
import { chineseOrdinal, firstVisible, FNV_BASIS, isLayoutSpace, normalizeHashed } from './normalize';
import type { LeadUnit, NoticeSection } from './types';

// 一、冯晶区长牵头工作
const SECTION = /^([一二三四五六七八九十]{1,3})、(.+?)牵头(?:的)?工作[:。]?$/;
// 牵头单位:区发改经信局 (normalised text holds no line break, so the rest of the line is the list)
const UNITS = '牵头单位:';
// A trailing (…) is the line's note when it reads as one, not part of a unit name like 区卫健局(区爱卫办).
const TRAILING_NOTE = /\(([^()]*)\)$/;
const NOTE_WORDS = /为|下同|牵头|汇总|负责|,/;

export interface ParsedItem {
  itemNo: number;
  text: string;
  /** FNV-1a state of `text`, hashed while it was normalised: the item's fingerprint. */
  hash: number;
  section: number;
  units: LeadUnit[];
  unitNote?: string;
  /** Index of the item's first and last text line, and of its 牵头单位 line. */
  firstLine: number;
  lastLine: number;
  unitLine?: number;
}

export interface NoticeCopy {
  sections: NoticeSection[];
  items: ParsedItem[];
}

/** A module function rather than a closure made anew for every 牵头单位 line. */
function addUnit(units: LeadUnit[], name: string) {
  name = name.trim();
  if (name) units.push({ name, lead: units.length === 0 });
}

export function parseUnitLine(rest: string): { units: LeadUnit[]; note?: string } {
  let list = rest.trim();
  let note: string | undefined;
  const m = list.endsWith(')') ? TRAILING_NOTE.exec(list) : null;
  if (m && NOTE_WORDS.test(m[1])) {
    note = m[1];
    list = list.slice(0, m.index);
  }
  const units: LeadUnit[] = [];
  // Split on 、 or , (or ;) only outside parentheses, so a unit's own (…) stays whole.
  let depth = 0;
  let from = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list.charCodeAt(i);
    if (c === 0x28 /* ( */) depth++;
    else if (c === 0x29 /* ) */) depth = Math.max(0, depth - 1);
    else if (depth === 0 && (c === 0x3001 /* 、 */ || c === 0x2c /* , */ || c === 0x3b /* ; */)) {
      addUnit(units, list.slice(from, i));
      from = i + 1;
    }
  }
  addUnit(units, list.slice(from));
  return { units, note };
}

const SECTION_START = new Set([...'一二三四五六七八九十'].map((c) => c.charCodeAt(0)));
const QIAN = '牵'.charCodeAt(0);
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
/** A digit before folding: ASCII or full-width. */
const isAnyDigit = (c: number) => isDigit(c) || (c >= 0xff10 && c <= 0xff19);

/** The first character of raw.slice(from) that normalising keeps, folded as it would be (-1: none). */
function firstKept(raw: string, from: number): number {
  for (let i = from; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (!isLayoutSpace(c)) return c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c;
  }
  return -1;
}

interface ItemPrefix {
  itemNo: number;
  dot: boolean;
  /** Where the item's text starts in the line. */
  textStart: number;
}

/**
 * The item rule (1.  1、  １．  1 ．), read on a raw or a normalised line from its first visible
 * character `at`: 1 to 3 digits (full-width or not), then `.` `．` or `、`, with only layout spaces
 * between them, which normalising drops (a space between two digits it keeps, and so does this).
 * The normalised line is then the number, the separator and the normalised rest, so the item's
 * text is normalised and hashed in one pass from `textStart` rather than normalised whole,
 * matched and hashed again.
 */
function itemPrefix(raw: string, at: number): ItemPrefix | undefined {
  let itemNo = 0;
  let i = at;
  for (let c = raw.charCodeAt(i); isAnyDigit(c); c = raw.charCodeAt(++i)) itemNo = itemNo * 10 + (c >= 0xff10 ? c - 0xff10 : c - 0x30);
  if (i === at || i - at > 3) return undefined;
  while (i < raw.length && isLayoutSpace(raw.charCodeAt(i))) i++;
  const sep = raw.charCodeAt(i);
  if (sep !== 0x2e /* . */ && sep !== 0xff0e /* ． */ && sep !== 0x3001 /* 、 */) return undefined;
  return { itemNo, dot: sep !== 0x3001, textStart: i + 1 };
}

/** Parse state: the copy being read, its current section, and the items still open. */
class CopyReader {
  copies: NoticeCopy[] = [];
  copy: NoticeCopy | undefined;
  section: NoticeSection | undefined;
  lastNo = 0;
  /** Items waiting for their 牵头单位 line; the last one also takes continuation lines. */
  pending: ParsedItem[] = [];

  /**
   * Opens a new item when line `i` (raw or normalised: `s`, visible from `at`) reads as one, unless
   * "5.5%…" at a line start is a decimal (it is one unless exactly the next number).
   */
  item(i: number, s: string, at: number): boolean {
    const prefix = itemPrefix(s, at);
    if (!prefix) return false;
    const { itemNo, dot, textStart } = prefix;
    // On a normalised line this only hashes the text.
    const { text, hash } = normalizeHashed(s, textStart);
    if (!text || (dot && isDigit(firstKept(s, textStart)) && itemNo !== this.lastNo + 1)) return false;
    const section = this.section!;
    if (itemNo <= this.lastNo) {
      // The numbering starts again: a second copy of the body without its own heading.
      this.copy = { sections: [section], items: [] };
      this.copies.push(this.copy);
      this.pending = [];
    }
    const parsed: ParsedItem = { itemNo, text, hash, section: section.ordinal, units: [], firstLine: i, lastLine: i };
    this.copy!.items.push(parsed);
    this.pending.push(parsed);
    this.lastNo = itemNo;
    return true;
  }

  /** Handles one normalised line that is not an item found on its raw text. */
  line(i: number, line: string, hash: number) {
    const sec = SECTION_START.has(line.charCodeAt(0)) ? SECTION.exec(line) : null;
    if (sec) {
      const ordinal = chineseOrdinal(sec[1]);
      if (!this.copy || !this.section || ordinal <= this.section.ordinal) {
        this.copy = { sections: [], items: [] };
        this.copies.push(this.copy);
        this.lastNo = 0;
      }
      this.section = { ordinal, leader: sec[2], heading: line };
      this.copy.sections.push(this.section);
      this.pending = [];
      return;
    }
    if (!this.section || !this.copy) return; // items only count inside a lead official's section

    if (isDigit(line.charCodeAt(0)) && this.item(i, line, 0)) return;

    if (line.startsWith(UNITS)) {
      const { units, note } = parseUnitLine(line.slice(UNITS.length));
      // Items sharing a unit line get units of their own (the first takes the parsed list).
      for (const p of this.pending) {
        p.units = p === this.pending[0] ? units : units.map((u) => ({ name: u.name, lead: u.lead }));
        p.unitNote = note;
        p.unitLine = i;
      }
      this.pending = [];
      return;
    }

    // A continuation of the open item's text (an item split by <br> or across paragraphs).
    const open = this.pending[this.pending.length - 1];
    if (open) {
      open.text += line;
      open.hash = hash;
      open.lastLine = i;
    }
  }
}

/**
 * Lines are normalised only when they can matter (a heading, an item, a 牵头单位 line, or an open
 * item's continuation): most of a page is chrome and never needs it. Which lines can matter shows
 * in the first visible character of the raw line, since normalising keeps it in place (it only
 * folds １ to 1). Already normalised lines parse the same. `firsts` gives where that character
 * is in each line (see firstVisible), when the caller found it already.
 */
export function parseLines(lines: readonly string[], firsts?: readonly number[]): NoticeCopy[] {
  const r = new CopyReader();
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const at = firsts ? firsts[i] : firstVisible(raw);
    if (at < 0) continue;
    const first = raw.charCodeAt(at);
    const heading = SECTION_START.has(first);
    // Before the first section only a heading counts; after it, an item or a 牵头单位 line too.
    const candidate = heading || (r.section !== undefined && (first === QIAN || isAnyDigit(first)));
    if (!candidate && !r.pending.length) continue;

    // The common case, an item line, straight from the raw text.
    if (r.section && isAnyDigit(first) && r.item(i, raw, at)) continue;
    // Anything else, normalised whole; hashed on from the open item's text in case it continues it.
    const open = r.pending[r.pending.length - 1];
    const line = normalizeHashed(raw, 0, open ? open.hash : FNV_BASIS);
    if (line.text) r.line(i, line.text, line.hash);
  }
  return r.copies;
}
