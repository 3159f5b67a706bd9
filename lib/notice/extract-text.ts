/**
 * Reads a DOM into text lines the way a reader sees its blocks: block elements and <br> end a
 * line, inline elements (<span>, <strong>) do not. Each line keeps its text nodes so that a parse
 * made on plain text can be anchored back into the page.
 */
import { firstVisible, layoutText } from './normalize';
import { readMarker } from './numbering';

/**
 * The lines, flat (one array each rather than an object per line: the page has hundreds).
 * Line i reads raws[i] and is made of nodes[starts[i]] up to, not including, nodes[ends[i]].
 * Blank lines (white space only, such as the newlines between paragraphs) are not lines: nothing
 * parses them. Their nodes stay in `nodes`, between the lines, so that the nodes of lines
 * i to j are still every text node from the start of i to the end of j.
 */
export interface TextLines {
  /**
   * Each line's text as in the page, before normalisation; an item of a numbered list (<ol>) starts
   * with the number the browser draws before it (`1.`, `（1）` in a list inside one), which no text node holds.
   */
  raws: string[];
  /** Where each line's first character that is not white space sits in its raw text. */
  firsts: number[];
  /** Every text node read, in page order. */
  nodes: Text[];
  starts: number[];
  ends: number[];
  /**
   * Whether line i was begun by a <br> rather than by a block: a break inside a paragraph, which
   * the richer reading (read-notice.ts) joins without a paragraph break.
   */
  softs: boolean[];
  /** The tables read, in page order, with the lines they hold (see TableLines). */
  tables: TableLines[];
  /**
   * The elements the walk left out (scripts, hidden copies, duban's own hosts), each with the
   * count of nodes read before it: with `nodes`, they are the root's whole textContent in order,
   * so that offsets in it (page-quote.ts) need no second walk of the page.
   */
  skipped: SkippedElement[];
}

/** An element the walk left out, after `before` nodes were read. */
export interface SkippedElement {
  el: Element;
  before: number;
}

/**
 * A <table> met on the walk: its lines are first to last (none when first > last); `leaf` when it
 * holds no other table (page layouts nest the content in theirs). Noted on the way, so that a
 * reader of tables needs no second walk of the page.
 */
export interface TableLines {
  el: Element;
  first: number;
  last: number;
  leaf: boolean;
}

/** The text nodes of lines `first` to `last`, in order. */
export function lineNodes(lines: TextLines, first: number, last = first): Text[] {
  return lines.nodes.slice(lines.starts[first], lines.ends[last]);
}

const INLINE = 0;
const BLOCK = 1;
const SKIP = 2;
/** A line break inside its block: the line after it is begun by it (TextLines.softs). */
const BR = 3;
/** What an element does to lines, by local name; anything else is inline. One lookup per element. */
const KIND = new Map<string, number>();
for (const name of [
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'tbody', 'td', 'tfoot',
  'th', 'thead', 'tr', 'ul',
]) KIND.set(name, BLOCK);
KIND.set('br', BR);
for (const name of ['script', 'style', 'noscript', 'template', 'textarea', 'select', 'svg', 'iframe']) KIND.set(name, SKIP);

/** Marks the rows duban adds to a table for its overlays (placement.ts): no part of the page's text. */
export const OVERLAY_ROW = 'data-duban-row';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Hidden by its own attributes: `hidden`, or an inline display:none (how JCMS hides its second copy). */
function hiddenByAttributes(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  // The attribute's node, not getAttribute: a DOM in Node (linkedom) escapes every value it returns.
  const style = el.getAttributeNode('style')?.value;
  return style !== undefined && style.includes('none') && /display\s*:\s*none/i.test(style);
}

/** Collects lines during the walk: a class rather than closures made anew on every call. */
class LineReader implements TextLines {
  raws: string[] = [];
  firsts: number[] = [];
  nodes: Text[] = [];
  starts: number[] = [];
  ends: number[] = [];
  softs: boolean[] = [];
  tables: TableLines[] = [];
  skipped: SkippedElement[] = [];
  /** Tables being walked, innermost last. */
  private open: TableLines[] = [];
  /** Numbered lists (<ol>) being walked, innermost last: the number of the next item, whether it is drawn. */
  private lists: { el: Element; next: number; drawn: boolean; chinese: boolean; depth: number }[] = [];
  /** The line being read: its text so far, where its nodes start, its first visible character (-1: none yet). */
  private raw = '';
  private start = 0;
  private first = -1;
  /** The line being read was begun by a <br>. */
  private soft = false;

  constructor(private readonly skipHidden: boolean) {}

  endLine() {
    if (this.first >= 0) {
      this.raws.push(this.raw);
      this.firsts.push(this.first);
      this.starts.push(this.start);
      this.ends.push(this.nodes.length);
      this.softs.push(this.soft);
    }
    this.soft = false;
    this.raw = '';
    this.start = this.nodes.length;
    this.first = -1;
  }

  private text(node: Text, data: string) {
    // Found here, node by node, so that the parser need not scan the line again.
    if (this.first < 0) {
      const at = firstVisible(data);
      if (at >= 0) this.first = this.raw.length + at;
    }
    this.raw += data;
    this.nodes.push(node);
  }

  walk(node: Node) {
    for (let child = node.firstChild; child !== null; child = child.nextSibling) {
      const type = child.nodeType;
      if (type === TEXT_NODE) {
        const data = (child as Text).data;
        if (data.length !== 0) this.text(child as Text, data);
      } else if (type === ELEMENT_NODE) {
        const el = child as Element;
        const name = el.localName;
        const kind = KIND.get(name) ?? INLINE;
        // Most elements have no attributes at all: one call answers both questions below for them.
        if (kind === SKIP || (el.hasAttributes() && this.leftOut(el, name))) {
          this.skipped.push({ el, before: this.nodes.length });
          continue;
        }
        if (kind === BR) {
          this.endLine();
          this.soft = true;
        } else if (kind === BLOCK) {
          this.endLine();
          if (name === 'table') this.table(el);
          else if (name === 'ol') this.orderedList(el);
          else if (name === 'li' && this.lists.length && this.lists[this.lists.length - 1].el === node) this.listItem(el);
          else this.walk(el);
          this.endLine();
        } else {
          this.walk(el);
        }
      }
    }
  }

  /** A numbered list's items: its numbering (`start`, a `type` or inline style drawing none or letters leaves it unread). */
  private orderedList(el: Element) {
    const style = el.getAttributeNode('style')?.value ?? '';
    const type = el.getAttribute('type');
    const drawn = !/list-style[^;]*none/i.test(style) && (type === null || type === '1');
    const chinese = /cjk-ideographic|chinese/i.test(style);
    const depth = this.lists.reduce((n, l) => n + (l.drawn ? 1 : 0), 0);
    this.lists.push({ el, next: Number(el.getAttribute('start')) || 1, drawn: drawn || chinese, chinese, depth });
    this.walk(el);
    this.lists.pop();
  }

  /**
   * An item of the list being walked: its first line starts with the number the browser draws,
   * unless it writes its own (a list styled to draw none, numbered in its text).
   */
  private listItem(el: Element) {
    const list = this.lists[this.lists.length - 1];
    const number = Number(el.getAttribute('value')) || list.next;
    list.next = number + 1;
    const line = this.raws.length;
    this.walk(el);
    this.endLine();
    if (!list.drawn || line >= this.raws.length) return;
    const raw = this.raws[line];
    if (readMarker(layoutText(raw, this.firsts[line])) !== undefined) return;
    const mark = list.chinese ? `${chineseNumber(number)}、` : list.depth ? `（${number}）` : `${number}.`;
    this.raws[line] = mark + raw;
    this.firsts[line] = 0;
  }

  private table(el: Element) {
    const t: TableLines = { el, first: this.raws.length, last: -1, leaf: true };
    const outer = this.open[this.open.length - 1];
    if (outer) outer.leaf = false;
    this.tables.push(t);
    this.open.push(t);
    this.walk(el);
    this.endLine();
    this.open.pop();
    t.last = this.raws.length - 1;
  }

  /**
   * duban's own overlay hosts (plain divs: entrypoints/notice.content/mount.tsx) and table rows hold
   * no page text, and must not end a line where they stand; hidden copies are left out when asked.
   * Each name is looked for only on the element it can be on: most elements of a table layout
   * carry attributes (valign, style), and each lookup is a call.
   */
  private leftOut(el: Element, name: string): boolean {
    return (
      (name === 'div' && el.hasAttribute('data-duban-item')) ||
      (name === 'tr' && el.hasAttribute(OVERLAY_ROW)) ||
      (this.skipHidden && hiddenByAttributes(el))
    );
  }
}

const CN_DIGITS = '〇一二三四五六七八九';
/** 1 → 一, 12 → 十二, 20 → 二十: as a list styled cjk-ideographic draws it (up to 99). */
function chineseNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n];
  const tens = Math.floor(n / 10) % 10;
  const ones = n % 10;
  return `${tens > 1 ? CN_DIGITS[tens] : ''}十${ones ? CN_DIGITS[ones] : ''}`;
}

/**
 * `skipHidden` leaves out subtrees hidden by their attributes: the live page repeats the body in
 * such a copy, and reading it twice would double the parser's work for text nobody sees.
 */
export function extractLines(root: Node, skipHidden = false): TextLines {
  const reader = new LineReader(skipHidden);
  reader.walk(root);
  reader.endLine();
  const { raws, firsts, nodes, starts, ends, softs, tables, skipped } = reader;
  return { raws, firsts, nodes, starts, ends, softs, tables, skipped };
}
