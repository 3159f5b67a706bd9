/**
 * Recognise a 责任分解 notice in a Document and anchor each item to the text a reader sees.
 * A page counts only when its structure says so: a 责任分解 title and numbered items closed by
 * 牵头单位 lines. Anything else is rejected with a reason and left untouched.
 */
import { extractLines, lineNodes, type TextLines } from './extract-text';
import { readNoticeMeta } from './metadata';
import { formatFingerprint, normalizeText } from './normalize';
import { findGaps, parseLines, type NoticeCopy, type ParsedItem } from './parse-lines';
import type { Notice, NoticeItem, NoticeSection } from './types';

/** Where an item's text sits in the page. */
export interface ItemAnchor {
  itemNo: number;
  /** The item's text nodes from its number to its last character, in order. */
  nodes: Text[];
  /** The text nodes of the item's 牵头单位 line, when it has one. */
  unitNodes: Text[];
}

export type NoticeRecognition =
  | { ok: true; notice: Notice; anchors: Map<number, ItemAnchor> }
  | { ok: false; reason: string };

export interface RecogniseOptions {
  /** The page's URL; defaults to doc.URL. */
  url?: string;
  /** Tells whether an element is shown; the browser passes checkVisibility, Node uses attributes. */
  isVisible?: (el: Element) => boolean;
}

/** At least this many items closed by 牵头单位 lines make a breakdown notice. */
const MIN_ITEMS = 3;
const TITLE_WORD = '责任分解';

/** Without layout (Node), hidden means a hidden attribute or an inline display:none up the tree. */
export function attributeVisibility(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) {
    if (e.hasAttribute('hidden')) return false;
    const style = e.getAttribute('style');
    if (style && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style)) return false;
  }
  return true;
}

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

export function recogniseNotice(doc: Document, options: RecogniseOptions = {}): NoticeRecognition {
  const root = doc.body ?? doc.documentElement;
  if (!root) return { ok: false, reason: '页面为空 / the page is empty' };
  // Text a reader sees first; only when that holds no notice, the hidden copies too.
  const seen = recogniseLines(doc, extractLines(root, true), options);
  return seen.ok ? seen : recogniseLines(doc, extractLines(root, false), options);
}

function recogniseLines(doc: Document, lines: TextLines, options: RecogniseOptions): NoticeRecognition {
  const raws = lines.raws;
  const copies = parseLines(raws, lines.firsts).filter((c) => c.items.some((i) => i.units.length));
  const closed = Math.max(0, ...copies.map((c) => c.items.filter((i) => i.units.length).length));
  if (closed < MIN_ITEMS) {
    return {
      ok: false,
      reason: '未找到以“牵头单位”结尾的编号事项 / no numbered items closed by 牵头单位 lines',
    };
  }
  const meta = readNoticeMeta(doc, raws);
  if (!meta.title.includes(TITLE_WORD) && !raws.some((t) => t.includes(TITLE_WORD) && normalizeText(t).endsWith(TITLE_WORD))) {
    return { ok: false, reason: '标题不含“责任分解” / the title does not say 责任分解' };
  }

  const { items: chosen, sections } = pickItems(copies, lines, options.isVisible ?? attributeVisibility);
  const items: NoticeItem[] = [];
  const numbers: number[] = []; // for findGaps, gathered here rather than by a second pass over items
  const anchors = new Map<number, ItemAnchor>();
  for (const p of chosen) {
    const { itemNo, text, section, units, unitNote } = p;
    numbers.push(itemNo);
    // The parser hashed the text as it normalised it: fingerprint(text), without reading it again.
    const fp = formatFingerprint(p.hash, text.length);
    items.push(unitNote ? { itemNo, text, section, units, unitNote, fingerprint: fp } : { itemNo, text, section, units, fingerprint: fp });
    anchors.set(itemNo, {
      itemNo,
      nodes: lineNodes(lines, p.firstLine, p.lastLine),
      unitNodes: p.unitLine === undefined ? [] : lineNodes(lines, p.unitLine),
    });
  }

  const notice: Notice = {
    ...(meta.docNo ? { docNo: meta.docNo } : {}),
    title: meta.title,
    ...(meta.year ? { year: meta.year } : {}),
    sourceUrl: options.url ?? doc.URL ?? '',
    ...(meta.publishedAt ? { publishedAt: meta.publishedAt } : {}),
    sections,
    items,
    gaps: findGaps(numbers),
  };
  return { ok: true, notice, anchors };
}
