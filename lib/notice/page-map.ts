/**
 * A notice page as duban last read it, so that it knows the page again without reading it.
 * Reading a page is most of the rows' wait in the browser (a fresh isolated world runs the
 * reader's code cold, 25–40 ms), and people come back to the same notice page all year. So, once a
 * page has been read and its rows are ready, the notice script sends the page's signature (a
 * digest of its title, metadata and body text, the text's length, the count of the body's text
 * nodes) and where each item's text nodes are among those text nodes; the background keeps them
 * with the notice the page read. On the next visit the peek's answer brings them, the notice
 * script signs the page again while the answer travels, and when the two signatures are the same
 * the rows go up from the notice then read. Any change to the page's text — an edited item, a new
 * paragraph, a changed title or 文号 — makes the page read again.
 *
 * Text-node indexes rather than a path of elements: the text is what is compared, so the same text
 * in as many nodes is the same nodes, and the browser lists a page's text nodes in one call
 * (XPath: bodyTextNodes) where a walk of its elements costs calls per node.
 */
import type { ItemAnchor } from './formats';
import { placementName, PLACEMENTS, type PlacementName } from './placement';

/**
 * The page's text as a digest (SHA-256 where the browser gives it, on https pages; else a 64-bit
 * FNV-1a), its length and how many text nodes its body has, taken before duban read it: what a
 * peek sends, small (the text itself, some 70 KB on the seed, cost a message ~20 ms more).
 */
export interface PageSignature {
  hash: string;
  length: number;
  nodes: number;
}

/** Where one item's text is: runs of text-node indexes, [first, count, first, count, …]. */
export interface ItemPlace {
  key: string;
  nodes: number[];
  units: number[];
  placement: PlacementName;
}

/** The body's text nodes in document order, by index. */
export interface TextNodeList {
  readonly length: number;
  item(index: number): Node | null;
}

/** One string for what a reading depends on: the title, the metadata (文号, issuer, dates) and the body's text. */
export function pageText(doc: Document): string {
  let head = doc.title;
  for (const meta of doc.getElementsByTagName('meta')) {
    const name = meta.getAttribute('name') ?? meta.getAttribute('property');
    if (name) head += `\n${name}=${meta.getAttribute('content') ?? ''}`;
  }
  return `${head}\n\n${doc.body?.textContent ?? ''}`;
}

/** FNV-1a over the UTF-16 code units, two lanes (odd and even units): 64 bits in hex. */
export function fnvHash(text: string): string {
  let a = 0x811c9dc5 | 0;
  let b = 0x01000193 ^ a;
  const n = text.length & ~1;
  for (let i = 0; i < n; i += 2) {
    a = Math.imul(a ^ text.charCodeAt(i), 0x01000193);
    b = Math.imul(b ^ text.charCodeAt(i + 1), 0x01000193);
  }
  if (n < text.length) a = Math.imul(a ^ text.charCodeAt(n), 0x01000193);
  return `fnv:${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`;
}

/** The page's signature (PageSignature): `subtle`, the browser's digest where it has one (null: none). */
export async function signPage(doc: Document, textNodes: TextNodeList, subtle: SubtleCrypto | null = globalThis.crypto?.subtle ?? null): Promise<PageSignature> {
  const text = pageText(doc);
  let hash: string;
  if (subtle) {
    const digest = new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(text)));
    hash = 'sha256:';
    for (const byte of digest) hash += byte.toString(16).padStart(2, '0');
  } else hash = fnvHash(text);
  return { hash, length: text.length, nodes: textNodes.length };
}

/** The same page text (digest and length) in as many text nodes: the page then read. */
export function samePage(a: PageSignature, b: PageSignature): boolean {
  return a.hash === b.hash && a.length === b.length && a.nodes === b.nodes;
}

/** Index runs of `nodes` in the list `indexOf` reads; undefined when one is not there. */
function runsOf(nodes: readonly Node[], indexOf: (node: Node) => number | undefined): number[] | undefined {
  const runs: number[] = [];
  for (const node of nodes) {
    const i = indexOf(node);
    if (i === undefined) return undefined;
    const last = runs.length - 2;
    if (last >= 0 && runs[last] + runs[last + 1] === i) runs[last + 1]++;
    else runs.push(i, 1);
  }
  return runs;
}

/**
 * Where each item's text is, in the order of `keys`: `indexOf` gives a text node's index among the
 * body's text nodes. Undefined when an anchor's node is no longer among them (the page moved it).
 */
export function placeItems(keys: readonly string[], anchors: ReadonlyMap<string, ItemAnchor>, textNodes: TextNodeList): ItemPlace[] | undefined {
  const index = new Map<Node, number>();
  for (let i = 0; i < textNodes.length; i++) {
    const node = textNodes.item(i);
    if (node) index.set(node, i);
  }
  const indexOf = (node: Node) => index.get(node);
  const places: ItemPlace[] = [];
  for (const key of keys) {
    const anchor = anchors.get(key);
    const placement = anchor && placementName(anchor.placement);
    if (!anchor || !placement) return undefined;
    const nodes = runsOf(anchor.nodes, indexOf);
    const units = runsOf(anchor.unitNodes, indexOf);
    if (!nodes || !units) return undefined;
    places.push({ key, nodes, units, placement });
  }
  return places;
}

function nodesOf(runs: readonly number[], textNodes: TextNodeList): Text[] | undefined {
  const nodes: Text[] = [];
  for (let r = 0; r + 1 < runs.length; r += 2) {
    for (let i = runs[r]; i < runs[r] + runs[r + 1]; i++) {
      // (Only text nodes are listed: a node there is one.)
      const node = textNodes.item(i);
      if (!node) return undefined;
      nodes.push(node as Text);
    }
  }
  return nodes;
}

/** The items' anchors again, from their places in a page whose text is as it was; undefined when one is not there. */
export function anchorsOf(places: readonly ItemPlace[], textNodes: TextNodeList): Map<string, ItemAnchor> | undefined {
  const anchors = new Map<string, ItemAnchor>();
  for (const p of places) {
    const nodes = nodesOf(p.nodes, textNodes);
    const unitNodes = nodesOf(p.units, textNodes);
    if (!nodes?.length || !unitNodes) return undefined;
    anchors.set(p.key, { key: p.key, nodes, unitNodes, placement: PLACEMENTS[p.placement] });
  }
  return anchors;
}

/** The body's text nodes listed by a walk: for DOMs without XPath (Node's, in tests and the parse command). */
export function walkedTextNodes(doc: Document): TextNodeList {
  const nodes: Node[] = [];
  if (doc.body) {
    const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
  }
  return { length: nodes.length, item: (i) => nodes[i] ?? null };
}

/**
 * The body's text nodes as the browser lists them: one XPath snapshot (a call), each node touched
 * only when asked for. Where the document has no XPath, a walk.
 */
export function bodyTextNodes(doc: Document): TextNodeList {
  if (typeof doc.evaluate !== 'function' || !doc.body) return walkedTextNodes(doc);
  const snapshot = doc.evaluate('.//text()', doc.body, null, 7 /* ORDERED_NODE_SNAPSHOT_TYPE */, null);
  return { length: snapshot.snapshotLength, item: (i) => snapshot.snapshotItem(i) };
}
