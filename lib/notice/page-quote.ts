/**
 * Where an item's words are in the page, the way Web Annotation tools find them again
 * (Hypothesis: the quote with some text either side, and its offsets in the body's textContent).
 * Computed by the content script when it reads the page, before duban adds anything to it, and
 * stored on the notice's items (NoticeItem.quote), so that an export long after the visit can
 * still say exactly where each item was — also on a page that holds its body twice, where the
 * quote alone is found twice.
 */

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

const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT, without the global (lib/ reads none)

/**
 * The quote of each item whose nodes are in `root` (the document's body). The span from the
 * item's first text node to its last is narrowed to the reading's text when it occurs there as
 * written (leaving the number out), else trimmed of blanks.
 */
export function pageQuotes(root: Node, items: Iterable<QuotedItem>): Map<string, PageQuote> {
  const wanted = new Set<Text>();
  const list = [...items].filter((i) => i.nodes.length > 0);
  for (const i of list) wanted.add(i.nodes[0]!).add(i.nodes[i.nodes.length - 1]!);
  const offsets = new Map<Text, number>();
  const chunks: string[] = [];
  let at = 0;
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, SHOW_TEXT);
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (wanted.has(n)) offsets.set(n, at);
    chunks.push(n.data);
    at += n.data.length;
  }
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
