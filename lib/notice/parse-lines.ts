/**
 * The text core of the parser: normalised lines in, sections and items out, no DOM.
 * The live page shows the body twice, so the lines may hold several copies of the notice;
 * each copy is returned apart and the caller picks the one a reader sees.
 */
import { chineseOrdinal } from './normalize';
import type { LeadUnit, NoticeSection } from './types';

// 一、冯晶区长牵头工作
const SECTION = /^([一二三四五六七八九十]{1,3})、(.+?)牵头(?:的)?工作[:。]?$/;
// 1.  1、  (１． and 1． arrive here already folded to 1.)
const ITEM = /^(\d{1,3})([.、])(.+)$/;
// 牵头单位:区发改经信局
const UNITS = /^牵头单位:(.*)$/;
// A trailing (…) is the line's note when it reads as one, not part of a unit name like 区卫健局(区爱卫办).
const TRAILING_NOTE = /\(([^()]*)\)$/;
const NOTE_WORDS = /为|下同|牵头|汇总|负责|,/;

export interface ParsedItem {
  itemNo: number;
  text: string;
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

export function parseUnitLine(rest: string): { units: LeadUnit[]; note?: string } {
  let list = rest.trim();
  let note: string | undefined;
  const m = TRAILING_NOTE.exec(list);
  if (m && NOTE_WORDS.test(m[1])) {
    note = m[1];
    list = list.slice(0, m.index);
  }
  const names: string[] = [];
  let depth = 0;
  let current = '';
  // Split on 、 or , only outside parentheses, so a unit's own (…) stays whole.
  for (const ch of list) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && (ch === '、' || ch === ',' || ch === ';')) {
      names.push(current);
      current = '';
    } else current += ch;
  }
  names.push(current);
  const units = names
    .map((n) => n.trim())
    .filter(Boolean)
    .map((name, i) => ({ name, lead: i === 0 }));
  return { units, note };
}

const SECTION_START = /[一二三四五六七八九十]/;
const ITEM_START = /[0-9\uFF10-\uFF19]/;
const SPACE = /[\s\u00A0\u3000]/;

/** The first visible character of a raw line: enough to tell which lines can matter. */
function firstChar(raw: string): string {
  for (let i = 0; i < raw.length; i++) if (!SPACE.test(raw[i])) return raw[i];
  return '';
}

/**
 * Lines are parsed through `normalize`, called only on lines that can matter (a heading, an item,
 * a 牵头单位 line, or an open item's continuation): most of a page is chrome and never needs it.
 * Plain, already normalised text can be passed with the default.
 */
export function parseLines(lines: readonly string[], normalize: (raw: string) => string = (s) => s): NoticeCopy[] {
  const copies: NoticeCopy[] = [];
  let copy: NoticeCopy | undefined;
  let section: NoticeSection | undefined;
  let lastNo = 0;
  // Items waiting for their 牵头单位 line; the last one also takes continuation lines.
  let pending: ParsedItem[] = [];

  const newCopy = () => {
    copy = { sections: [], items: [] };
    copies.push(copy);
    pending = [];
    lastNo = 0;
  };

  for (let i = 0; i < lines.length; i++) {
    const first = firstChar(lines[i]);
    if (!first) continue;
    const candidate = first === '牵' || SECTION_START.test(first) || ITEM_START.test(first);
    if (!candidate && !pending.length) continue;
    const line = normalize(lines[i]);
    if (!line) continue;

    const sec = SECTION.exec(line);
    if (sec) {
      const ordinal = chineseOrdinal(sec[1]);
      if (!copy || !section || ordinal <= section.ordinal) newCopy();
      section = { ordinal, leader: sec[2], heading: line };
      copy!.sections.push(section);
      pending = [];
      continue;
    }
    if (!section || !copy) continue; // items only count inside a lead official's section

    const item = ITEM.exec(line);
    // "5.5%…" at a line start is a decimal, unless it is exactly the next number.
    if (item && !(item[2] === '.' && /^\d/.test(item[3]) && Number(item[1]) !== lastNo + 1)) {
      const itemNo = Number(item[1]);
      if (itemNo <= lastNo) {
        // The numbering starts again: a second copy of the body without its own heading.
        newCopy();
        copy!.sections.push(section);
      }
      const parsed: ParsedItem = {
        itemNo,
        text: item[3],
        section: section.ordinal,
        units: [],
        firstLine: i,
        lastLine: i,
      };
      copy!.items.push(parsed);
      pending.push(parsed);
      lastNo = itemNo;
      continue;
    }

    const units = UNITS.exec(line);
    if (units) {
      const { units: list, note } = parseUnitLine(units[1]);
      for (const p of pending) {
        p.units = list.map((u) => ({ ...u }));
        p.unitNote = note;
        p.unitLine = i;
      }
      pending = [];
      continue;
    }

    // A continuation of the open item's text (an item split by <br> or across paragraphs).
    const open = pending[pending.length - 1];
    if (open) {
      open.text += line;
      open.lastLine = i;
    }
  }
  return copies;
}

/** Numbers missing between the lowest and highest item number. */
export function findGaps(numbers: readonly number[]): number[] {
  const seen = new Set(numbers);
  const gaps: number[] = [];
  const max = Math.max(0, ...numbers);
  for (let n = 1; n <= max; n++) if (!seen.has(n)) gaps.push(n);
  return gaps;
}
