/**
 * Where an item's words are in the page, the way Web Annotation tools find them again
 * (Hypothesis: the quote with some text either side, and its offsets in the body's textContent).
 * Computed by the content script when it reads the page, before duban adds anything to it, and
 * stored on the notice's items (NoticeItem.quote), so that an export long after the visit can
 * still say exactly where each item was — also on a page that holds its body twice, where the
 * quote alone is found twice.
 */

import type { TextLines } from './extract-text';

/** How many characters of the page's text either side of the quote (Hypothesis keeps 32). */
export const QUOTE_CONTEXT = 32;

/** An item's words in the page: a TextQuoteSelector and a TextPositionSelector in one. */
export interface PageQuote {
  /** The page's text of the item, as its text nodes hold it (full-width punctuation, spaces and all). */
  exact: string;
  /** Up to QUOTE_CONTEXT characters of the page's text before `exact`, and after it. */
  prefix: string;
  suffix: string;
  /** Offsets of `exact` in the body's textContent (what Hypothesis counts): start inclusive, end exclusive. */
  start: number;
  end: number;
}

/** What the quote is read from: an item's text nodes in order, and its text as the reading gave it. */
interface QuotedItem {
  key: string;
  nodes: readonly Text[];
  text: string;
}

/** The page's text as the walk read it (lib/notice/extract-text.ts): its nodes and what it left out. */
export type WalkedText = Pick<TextLines, 'nodes' | 'skipped'>;

/**
 * The quote of each item whose nodes were read in `walked` (the walk of the document's body).
 * The span from the item's first text node to its last is narrowed to the reading's text when it
 * occurs there as written (leaving the number out), else trimmed of blanks. The body's text is
 * pieced together from the walk (its nodes, and the textContent of what it left out) only as far
 * as the last item's suffix: no second walk of the page, and a hidden copy after the notice (the
 * seed page holds its body twice) is never read.
 */
export function pageQuotes(walked: WalkedText, items: Iterable<QuotedItem>): Map<string, PageQuote> {
  const wanted = new Set<Text>();
  const list = [...items].filter((i) => i.nodes.length > 0);
  for (const i of list) wanted.add(i.nodes[0]!).add(i.nodes[i.nodes.length - 1]!);
  const offsets = new Map<Text, number>();
  const chunks: string[] = [];
  let at = 0;
  // Where the text is needed up to: known once the last wanted node is met.
  let need = Infinity;
  let remaining = wanted.size;
  const { nodes, skipped } = walked;
  let s = 0;
  const pushSkipped = (upTo: number) => {
    for (; s < skipped.length && skipped[s]!.before <= upTo && at < need; s++) {
      const text = skipped[s]!.el.textContent ?? '';
      chunks.push(text);
      at += text.length;
    }
  };
  for (let i = 0; i < nodes.length && at < need; i++) {
    pushSkipped(i);
    if (at >= need) break;
    const n = nodes[i]!;
    if (wanted.has(n)) {
      offsets.set(n, at);
      if (--remaining === 0) need = at + n.data.length + QUOTE_CONTEXT;
    }
    chunks.push(n.data);
    at += n.data.length;
  }
  pushSkipped(nodes.length);
  const text = chunks.join('');
  const quotes = new Map<string, PageQuote>();
  for (const item of list) {
    const first = offsets.get(item.nodes[0]!);
    const last = item.nodes[item.nodes.length - 1]!;
    const lastAt = offsets.get(last);
    if (first === undefined || lastAt === undefined) continue;
    let start = first;
    let end = lastAt + last.data.length;
    const span = text.slice(start, end);
    const inside = item.text ? span.indexOf(item.text) : -1;
    if (inside >= 0) {
      start += inside;
      end = start + item.text.length;
    } else {
      start += span.length - span.trimStart().length;
      end -= span.length - span.trimEnd().length;
    }
    if (end <= start) continue;
    quotes.set(item.key, {
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT), start),
      suffix: text.slice(end, end + QUOTE_CONTEXT),
      start,
      end,
    });
  }
  return quotes;
}
