/**
 * A notice page as duban last read it, so that it knows the page again without reading it.
 * Reading a page is most of the rows' wait in the browser (a fresh isolated world runs the
 * reader's code cold, 25–40 ms), and people come back to the same notice page all year. So, once a
 * page has been read and its rows are ready, the notice script sends the page's signature and
 * where each item's text nodes are among the body's text nodes; the background keeps them with the
 * notice the page read. On the next visit the peek's answer brings them, the notice script signs
 * the page again while the answer travels, and when the two signatures are the same the rows go up
 * from the notice then read. Any change to the page's words — an edited item, a new paragraph, a
 * changed title or 文号 — makes the page read again.
 *
 * The signature is two digests. The page's: its title, metadata and body text, its figures (0–9)
 * read as one mark whatever they say, since a hit counter (JCMS's 点击率), a clock or a date
 * changes on every visit and says nothing of the notice; script and style text is no part of it
 * (a page's script may carry a timestamp or a token). The notice's: its items' own text nodes,
 * exactly, figures and all. Its 文号 must still be on the page as read then. So a page whose
 * only change is a figure outside its items (a count, a date, a year in a heading) is known again
 * as it was: it holds the same notice.
 *
 * Text-node indexes rather than a path of elements: the text is what is compared, so the same text
 * in as many nodes is the same nodes, and the browser lists a page's text nodes in one call
 * (XPath: bodyTextNodes) where a walk of its elements costs calls per node.
 */
import type { ItemAnchor } from './formats';
import { placementName, PLACEMENTS, type PlacementName } from './placement';

/**
 * The page's signature, taken before duban read it: what a peek sends, small (the text itself,
 * some 70 KB on the seed, cost a message ~20 ms more). Digests are SHA-256 where the browser gives
 * it (https pages), else a 64-bit FNV-1a.
 */
export interface PageSignature {
  /** The page's digest: title, metadata and body text, each run of figures read as one mark. */
  hash: string;
  /** The length of the text that digest is of. */
  length: number;
  /** How many text nodes the body has (script and style left out). */
  nodes: number;
  /** The notice's digest: its items' text nodes, exactly, in the items' order. */
  notice?: string;
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

/** The page's text as a signature reads it, as it is now. */
export interface PageText {
  /** The title and the metadata (文号, issuer, dates): `name=content` lines. */
  head: string;
  /** The body's text without its scripts' and style sheets'. */
  body: string;
}

/**
 * The title, the metadata and the body's text, in a few calls: the body's textContent and its
 * scripts and style sheets, not a call per text node (an isolated world's first touch of a node
 * costs, and the seed has some 1,800).
 */
export function pageText(doc: Document): PageText {
  let head = doc.title;
  for (const meta of doc.getElementsByTagName('meta')) {
    const name = meta.getAttribute('name') ?? meta.getAttribute('property');
    if (name) head += `\n${name}=${meta.getAttribute('content') ?? ''}`;
  }
  const all = doc.body?.textContent ?? '';
  let body = '';
  let from = 0;
  // Their texts are in the body's, in document order: each cut where it is, after the one before.
  for (const el of doc.body?.querySelectorAll('script, style') ?? []) {
    const text = el.textContent;
    const at = text ? all.indexOf(text, from) : -1;
    if (at < 0) continue;
    body += all.slice(from, at);
    from = at + text!.length;
  }
  return { head, body: from ? body + all.slice(from) : all };
}

const FIGURES = /[0-9]+/g;

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

/** `subtle`: the browser's digest where it has one (null: none, FNV-1a). */
type Subtle = SubtleCrypto | null;
const browserSubtle = (): Subtle => globalThis.crypto?.subtle ?? null;

async function digest(text: string, subtle: Subtle): Promise<string> {
  if (!subtle) return fnvHash(text);
  const bytes = new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(text)));
  let hash = 'sha256:';
  for (const byte of bytes) hash += byte.toString(16).padStart(2, '0');
  return hash;
}

/** The page's signature (PageSignature) without the notice's digest; `nodes`: how many text nodes its body lists. */
export async function signPage(page: PageText, nodes: number, subtle: Subtle = browserSubtle()): Promise<PageSignature> {
  const text = `${page.head}\n\n${page.body.replace(FIGURES, '#')}`;
  return { hash: await digest(text, subtle), length: text.length, nodes };
}

/** The notice's digest (PageSignature.notice): the text nodes of each of `places` in turn, its text's then its units'. */
export function signNotice(places: readonly ItemPlace[], anchors: ReadonlyMap<string, ItemAnchor>, subtle: Subtle = browserSubtle()): Promise<string> {
  let text = '';
  for (const { key } of places) {
    const anchor = anchors.get(key);
    if (!anchor) continue;
    for (const node of anchor.nodes) text += node.data;
    text += '\n';
    for (const node of anchor.unitNodes) text += node.data;
    text += '\n';
  }
  return digest(text, subtle);
}

/**
 * Whether the page is the one signed `seen`, holding the notice then read (its 文号 `docNo`): the
 * same page digest, length and text nodes, its 文号 still on it, and its items' text the same
 * (`anchors`, from where their places now are).
 */
export async function isPageSeen(
  seen: PageSignature, now: PageSignature, page: PageText, docNo: string | undefined,
  places: readonly ItemPlace[], anchors: ReadonlyMap<string, ItemAnchor>, subtle: Subtle = browserSubtle(),
): Promise<boolean> {
  if (!seen.notice || !samePage(seen, now)) return false;
  if (docNo && !page.body.includes(docNo) && !page.head.includes(docNo)) return false;
  return (await signNotice(places, anchors, subtle)) === seen.notice;
}

/** The same page text (digest and length) in as many text nodes: the page then read, but for its notice's digest. */
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

/** Text the page shows: not a script's or a style sheet's. */
const SHOWN_TEXT = './/text()[not(parent::script or parent::style)]';
const UNSHOWN = new Set(['script', 'style']);

/** The body's text nodes listed by a walk: for DOMs without XPath (Node's, in tests and the parse command). */
export function walkedTextNodes(doc: Document): TextNodeList {
  const nodes: Node[] = [];
  if (doc.body) {
    const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentNode as Element | null;
      if (!parent?.localName || !UNSHOWN.has(parent.localName)) nodes.push(n);
    }
  }
  return { length: nodes.length, item: (i) => nodes[i] ?? null };
}

/**
 * The body's text nodes as the browser lists them (script and style text left out): one XPath
 * snapshot (a call), each node touched only when asked for. Where the document has no XPath, a walk.
 */
export function bodyTextNodes(doc: Document): TextNodeList {
  if (typeof doc.evaluate !== 'function' || !doc.body) return walkedTextNodes(doc);
  const snapshot = doc.evaluate(SHOWN_TEXT, doc.body, null, 7 /* ORDERED_NODE_SNAPSHOT_TYPE */, null);
  return { length: snapshot.snapshotLength, item: (i) => snapshot.snapshotItem(i) };
}
