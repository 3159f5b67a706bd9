/**
 * Where duban's UI goes in a recognised notice: where its format says for each item (for text
 * formats, after the item's text; for table rows, in an overlay row after them, row-placement.ts),
 * and at the top of the notice's body. Reads the anchors the recogniser found; touches nothing but
 * for the overlay rows AFTER_ROWS adds to a table. Document passed in.
 */
import type { AnchorNodes, ItemAnchor, OverlayPlacement, Position } from './formats/format';
import { AFTER_ITEM_ROWS, AFTER_ROWS } from './row-placement';

export type { Position };
export { AFTER_ITEM_ROWS, AFTER_ROWS, removeOverlayRows, OVERLAY_ROW } from './row-placement';

/** An anchor as placement reads it: today's (ItemAnchor) or the richer reading's (ListAnchor). */
type Placeable = AnchorNodes & { placement: OverlayPlacement };

/** Inline wrappers JCMS pages put around item text (<span style="font-family:仿宋">, <strong>, …). */
const INLINE = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'del', 'em', 'font', 'i', 'ins', 'kbd', 'label',
  'mark', 'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var',
]);
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

const isInline = (el: Element) => INLINE.has(el.localName);
const isBr = (n: Node | null): n is Element => n?.nodeType === ELEMENT_NODE && (n as Element).localName === 'br';
const isBlank = (n: Node) => n.nodeType === TEXT_NODE && !/\S/.test((n as Text).data);

/**
 * Right after the item's last text node, out of any inline wrappers around it; when a <br> ends
 * that line (the 牵头单位 line follows in the same paragraph), after the <br>, so a block overlay
 * does not leave an empty line behind it.
 */
function afterText(anchor: Pick<ItemAnchor, 'nodes'>): Position | undefined {
  let node: Node | undefined = anchor.nodes[anchor.nodes.length - 1];
  if (!node?.parentNode) return undefined;
  while (node.parentElement && isInline(node.parentElement)) node = node.parentElement;
  let next = node.nextSibling;
  while (next && isBlank(next)) next = next.nextSibling;
  if (isBr(next)) node = next;
  return { parent: node.parentNode!, before: node.nextSibling };
}

/** The nearest element that holds all of `nodes` (the notice's body, for the first and last item). */
export function commonContainer(a: Node, b: Node): Element | undefined {
  for (let el = a.parentElement; el; el = el.parentElement) if (el.contains(b)) return el;
  return undefined;
}

/**
 * The elements an item's text and its 牵头单位 line are laid out in: the nearest non-inline
 * ancestor of each node below `container` (a paragraph, usually). Hiding them hides the item.
 */
function textBlocks(anchor: Pick<ItemAnchor, 'nodes' | 'unitNodes'>, container: Element): Element[] {
  const blocks = new Set<Element>();
  for (const node of [...anchor.nodes, ...anchor.unitNodes]) {
    let el = node.parentElement;
    let below: Element | undefined; // the outermost inline wrapper under the container
    while (el && el !== container && isInline(el)) {
      below = el;
      el = el.parentElement;
    }
    if (el && el !== container) blocks.add(el);
    else if (below) blocks.add(below);
  }
  return [...blocks];
}

/** Items written as text in the page's flow (paragraphs, lines): the overlay after the item's text. */
export const AFTER_TEXT: OverlayPlacement = { name: 'after-text', position: afterText, blocks: textBlocks };

/** Each ancestor's index among its siblings, from the root down to `node`. */
function pathOf(node: Node): number[] {
  const path: number[] = [];
  for (let n: Node | null = node; n?.parentNode; n = n.parentNode) {
    let i = 0;
    for (let s = n.previousSibling; s; s = s.previousSibling) i++;
    path.push(i);
  }
  return path.reverse();
}

/** The browser's Node, where there is one (not in Node tests' DOMs). */
const BrowserNode = (globalThis as { Node?: typeof Node }).Node;

/**
 * `b` comes after `a` in the document: the browser's compareDocumentPosition (a walk of sibling
 * indexes costs a long notice's container thousands of steps per item); linkedom's, in Node tests,
 * is not reliable, so there the paths are compared.
 */
function follows(a: Node, b: Node): boolean {
  if (BrowserNode && a instanceof BrowserNode) return (a.compareDocumentPosition(b) & BrowserNode.DOCUMENT_POSITION_FOLLOWING) !== 0;
  const pa = pathOf(a);
  const pb = pathOf(b);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) if (pa[i] !== pb[i]) return pb[i] > pa[i];
  return pb.length > pa.length;
}

/**
 * After the item and what the page says of its responsibility (its 牵头单位 / 责任单位 / 牵头领导
 * lines or its bracket), whichever comes last: the overlay closes the item as the reader reads it.
 * Items sharing one unit line get their overlays after it, in item order.
 */
function afterItem(anchor: Pick<ItemAnchor, 'nodes' | 'unitNodes'>): Position | undefined {
  const text = anchor.nodes[anchor.nodes.length - 1];
  const units = anchor.unitNodes[anchor.unitNodes.length - 1];
  const last = text && units?.parentNode && follows(text, units) ? units : text;
  return last ? afterText({ nodes: [last] }) : undefined;
}

/** Items written as text in the page's flow, read with their responsibility: the overlay after both. */
export const AFTER_ITEM: OverlayPlacement = { name: 'after-item', position: afterItem, blocks: textBlocks };

/** Where item `anchor`'s overlay goes, by its format's placement (a table's may add the overlay's row). */
export function overlayPosition(anchor: Placeable): Position | undefined {
  return anchor.placement.position(anchor);
}

/** The page's elements that show the item, by its format's placement; hiding them hides the item. */
export function itemBlocks(anchor: Placeable, container: Element): Element[] {
  return anchor.placement.blocks(anchor, container);
}

const cellOf = (node: Node): Element | undefined => {
  for (let el = node.parentElement; el; el = el.parentElement) if (el.localName === 'td' || el.localName === 'th') return el;
  return undefined;
};

/**
 * Sets the placement of items written in the page's flow by their layout: an item that starts in a
 * table cell holding no other item's start (the seed's old layout: its number cell) is a table
 * row, placed in an overlay row after it and its own 牵头单位 row (AFTER_ITEM_ROWS), or after its
 * row alone when it shares that row with the items before it (AFTER_ROWS); items sharing a cell (a page laid out in a
 * table, the notice in one of its cells) or in no cell are text, placed after it and its
 * responsibility lines (AFTER_ITEM), or after its text when it shares those lines (AFTER_TEXT).
 * `inTable` tells which items may start in a cell at all (the others are not looked up).
 */
export function placeByLayout(anchors: readonly Placeable[], inTable: (i: number) => boolean = () => true): void {
  const starts = anchors.map((a, i) => (a.nodes.length && inTable(i) ? cellOf(a.nodes[0]) : undefined));
  // Items sharing a cell, or a unit line (the seed's items 1–4: it closes none of them alone, so
  // their overlays stay after their own text), follow each other: their neighbours tell, no map.
  const n = anchors.length;
  anchors.forEach((a, i) => {
    const cell = starts[i];
    const line = a.unitNodes[0];
    const shared = line !== undefined && ((i > 0 && anchors[i - 1].unitNodes[0] === line) || (i + 1 < n && anchors[i + 1].unitNodes[0] === line));
    const own = cell !== undefined && (i === 0 || starts[i - 1] !== cell) && (i + 1 === n || starts[i + 1] !== cell);
    a.placement = own ? (shared ? AFTER_ROWS : AFTER_ITEM_ROWS) : shared ? AFTER_TEXT : AFTER_ITEM;
  });
}

/** Every placement by a name that can travel (lib/notice/page-map.ts keeps an item's by name). */
export const PLACEMENTS = {
  'after-text': AFTER_TEXT,
  'after-item': AFTER_ITEM,
  'after-rows': AFTER_ROWS,
  'after-item-rows': AFTER_ITEM_ROWS,
} as const satisfies Record<string, OverlayPlacement>;

export type PlacementName = keyof typeof PLACEMENTS;

/** The name of one of PLACEMENTS (or of the page reader's copy of it); undefined for any other. */
export function placementName(placement: OverlayPlacement): PlacementName | undefined {
  return Object.hasOwn(PLACEMENTS, placement.name) ? (placement.name as PlacementName) : undefined;
}
