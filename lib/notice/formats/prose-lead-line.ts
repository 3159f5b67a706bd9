/**
 * Prose items, each closed by a 牵头单位 line (the Zhejiang standard, 拱政办发〔2024〕2号):
 *
 *   一、冯晶区长牵头工作
 *   1.坚持政治引领，……
 *   牵头单位：区政府办公室、区政府各部门、各街道办事处（列第一位的为牵头或汇总单位，下同）
 *
 * For today's model (`read`), the lines are parsed by parse-lines.ts; this picks the copy a reader
 * sees when the page holds several, and anchors each item to its text nodes. The overlay goes
 * after the item's text.
 *
 * The richer reading (`readLists`) reads the whole family: one or several labelled lines after
 * each item — 牵头单位, 责任单位, 配合单位, 牵头领导 / 牵头市领导 / 分管省领导, 部门分工：X牵头，Y配合,
 * 完成时限 — with the outline's numbering, sections and lists (./outline.ts).
 */
import { lineNodes, type TextLines } from '../extract-text';
import { formatFingerprint } from '../normalize';
import { parseLines, type NoticeCopy, type ParsedItem } from '../parse-lines';
import { AFTER_TEXT } from '../placement';
import type { NoticeItem, NoticeSection } from '../types';
import type { PageLines } from '../page-lines';
import { mergeResponsibilities, readLabel, readResponsibilityOnce } from '../responsibility';
import type { FormatReading, ItemAnchor, ListFormat, ListPage, ListsReading, NoticeFormat, PageText } from './format';
import { entryText, readOutline, type EntryReading, type OutlineEntry } from './outline';

/** At least this many items closed by 牵头单位 lines make a breakdown notice. */
const MIN_ITEMS = 3;

function copyVisible(copy: NoticeCopy, lines: TextLines, isVisible: (el: Element) => boolean) {
  const first = copy.items[0];
  const parent = first && lines.nodes[lines.starts[first.firstLine]].parentElement;
  return parent ? isVisible(parent) : false;
}

/**
 * Each item number and section once, in order: from the copy a reader sees first, then the fuller
 * one, then page order. A single copy (the usual case, hidden copies being skipped) is that
 * already: within a copy, numbers and section ordinals only grow.
 */
function pickItems(copies: NoticeCopy[], lines: TextLines, isVisible: (el: Element) => boolean) {
  if (copies.length === 1) return copies[0];
  const ranked = copies
    .map((copy, order) => ({ copy, order, visible: copyVisible(copy, lines, isVisible) }))
    .sort((a, b) => Number(b.visible) - Number(a.visible) || b.copy.items.length - a.copy.items.length || a.order - b.order);

  const chosen = new Map<number, ParsedItem>();
  const sections = new Map<number, NoticeSection>();
  for (const { copy } of ranked) {
    for (const s of copy.sections) if (!sections.has(s.ordinal)) sections.set(s.ordinal, s);
    for (const item of copy.items) if (!chosen.has(item.itemNo)) chosen.set(item.itemNo, item);
  }
  return {
    items: [...chosen.values()].sort((a, b) => a.itemNo - b.itemNo),
    sections: [...sections.values()].sort((a, b) => a.ordinal - b.ordinal),
  };
}

function read({ lines, isVisible }: PageText): FormatReading {
  const copies = parseLines(lines.raws, lines.firsts).filter((c) => c.items.some((i) => i.units.length));
  const closed = Math.max(0, ...copies.map((c) => c.items.filter((i) => i.units.length).length));
  if (closed < MIN_ITEMS) {
    return { ok: false, reason: '未找到以“牵头单位”结尾的编号事项 / no numbered items closed by 牵头单位 lines' };
  }
  const { items: chosen, sections } = pickItems(copies, lines, isVisible);
  const items: NoticeItem[] = [];
  const anchors = new Map<number, ItemAnchor>();
  for (const p of chosen) {
    const { itemNo, text, section, units, unitNote } = p;
    // The parser hashed the text as it normalised it: fingerprint(text), without reading it again.
    const fp = formatFingerprint(p.hash, text.length);
    items.push(unitNote ? { itemNo, text, section, units, unitNote, fingerprint: fp } : { itemNo, text, section, units, fingerprint: fp });
    anchors.set(itemNo, {
      itemNo,
      nodes: lineNodes(lines, p.firstLine, p.lastLine),
      unitNodes: p.unitLine === undefined ? [] : lineNodes(lines, p.unitLine),
      placement: AFTER_TEXT,
    });
  }
  return { ok: true, sections, items, anchors };
}

/** Where a label starts inside a line, after a sentence ends (…。责任单位：区发改局), or -1. */
function inlineLabel(pl: PageLines, line: number, from: number): number {
  const disp = pl.disp(line);
  for (let k = disp.indexOf('。', from); k >= 0; k = disp.indexOf('。', k + 1)) {
    if (readLabel(disp.slice(k + 1, k + 1 + LABEL_SPAN))) return k + 1;
  }
  return -1;
}
/** Enough of a line to hold the longest label and its colon. */
const LABEL_SPAN = 12;

/**
 * An item and the labelled lines after it — or a label on its own last line, after its last
 * sentence; items with none take the next item's (a shared unit line).
 */
function readEntry(e: OutlineEntry, pl: PageLines): EntryReading {
  if (!e.labels.length) {
    const lines = [e.line, ...e.body];
    const last = lines[lines.length - 1];
    const at = inlineLabel(pl, last, last === e.line ? e.textStart : 0);
    if (at >= 0) {
      return { resp: readResponsibilityOnce(pl.disp(last).slice(at)), text: entryText(pl, e, e.body, { line: last, end: at }), last };
    }
    return { text: entryText(pl, e), last };
  }
  const resp = e.labels.length === 1 ? readResponsibilityOnce(pl.disp(e.labels[0])) : mergeResponsibilities(e.labels.map((i) => readResponsibilityOnce(pl.disp(i))));
  return { resp, text: entryText(pl, e), last: e.labels[e.labels.length - 1] };
}

function readLists({ lines, facts }: ListPage): ListsReading {
  const r = readOutline(lines, facts, { read: readEntry, shares: true });
  return 'lists' in r
    ? { ok: true, lists: r.lists }
    : { ok: false, reason: `没有后接“牵头单位/责任单位”等行的编号事项 / no numbered items followed by 牵头单位 or 责任单位 lines (${r.reason})` };
}

export const proseLeadLine: NoticeFormat & ListFormat = { id: 'prose-lead-line', read, readLists };
