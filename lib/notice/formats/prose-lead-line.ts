/**
 * Prose items, each closed by a 牵头单位 line (the Zhejiang standard, 拱政办发〔2024〕2号):
 *
 *   一、冯晶区长牵头工作
 *   1.坚持政治引领，……
 *   牵头单位：区政府办公室、区政府各部门、各街道办事处（列第一位的为牵头或汇总单位，下同）
 *
 * The lines are parsed by parse-lines.ts; this picks the copy a reader sees when the page holds
 * several, and anchors each item to its text nodes. The overlay goes after the item's text.
 */
import { lineNodes, type TextLines } from '../extract-text';
import { formatFingerprint } from '../normalize';
import { parseLines, type NoticeCopy, type ParsedItem } from '../parse-lines';
import { AFTER_TEXT } from '../placement';
import type { NoticeItem, NoticeSection } from '../types';
import type { FormatReading, ItemAnchor, NoticeFormat, PageText } from './format';

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
  const anchors = new Map<string, ItemAnchor>();
  for (const p of chosen) {
    const { itemNo: number, text, section, units, unitNote } = p;
    // Numbering runs on through this format's notices: an item's key is its number.
    const key = String(number);
    // The parser hashed the text as it normalised it: fingerprint(text), without reading it again.
    const fp = formatFingerprint(p.hash, text.length);
    items.push(unitNote ? { key, number, text, section, units, unitNote, fingerprint: fp } : { key, number, text, section, units, fingerprint: fp });
    anchors.set(key, {
      key,
      nodes: lineNodes(lines, p.firstLine, p.lastLine),
      unitNodes: p.unitLine === undefined ? [] : lineNodes(lines, p.unitLine),
      placement: AFTER_TEXT,
    });
  }
  return { ok: true, sections, items, anchors };
}

export const proseLeadLine: NoticeFormat = { id: 'prose-lead-line', read };
