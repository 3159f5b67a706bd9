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
 * The signature reads a page's words apart from its figures (0–9), since a hit counter (JCMS's
 * 点击率), a clock or a date in the page's frame changes on every visit and says nothing of the
 * notice. Its digest is of the title, the metadata and the body's text, each run of figures read
 * as one mark and script and style text left out (a page's script may carry a timestamp or a
 * token). Its figures are compared on their own: all of them but the counters, the runs standing
 * alone in a text node of their own outside the notice's items (found when the map is made, and
 * kept by their place among the page's runs of figures). So an item's figure, a date in its text,
 * its 文号's number all count; a changing count beside the notice does not.
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
  /** How many text nodes the body has. */
  nodes: number;
  /** The digest (FNV-1a) of the page's runs of figures, but for its counters: see figuresDigest. */
  figures?: string;
  /** The counters: which of the body's runs of figures (by their place among them) stand alone outside the notice's items. */
  counters?: number[];
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
/** Elements whose text is not the page's words (pageText leaves it out). */
const UNSHOWN = new Set(['script', 'style']);
/** A text that is figures only (a count, a time or a date in figures: 1234, 2024-03-07 16:38). */
const FIGURES_ONLY = /^[\s.,:/-]*[0-9][0-9\s.,:/-]*$/;

/** The runs of figures of the page's body text (PageText.body), in order. */
export const figureRuns = (page: PageText): string[] => page.body.match(FIGURES) ?? [];

/** The digest of `runs` but for the places `counters` (ascending): PageSignature.figures. */
export function figuresDigest(runs: readonly string[], counters: readonly number[]): string {
  let text = '';
  let c = 0;
  for (let i = 0; i < runs.length; i++) {
    if (counters[c] === i) {
      c++;
      continue;
    }
    text += `${runs[i]},`;
  }
  return fnvHash(text);
}

/**
 * The counters of a page (PageSignature.counters): the places, among the body's runs of figures,
 * of those in a text node holding figures only, outside the items' text nodes (`items`). Reads
 * every text node: made once, in idle time, when the map is.
 */
export function pageCounters(textNodes: TextNodeList, items: ReadonlySet<Node>): number[] {
  const counters: number[] = [];
  let run = -1; // the place of the last run of figures met
  let digitLast = false; // the text so far ends with a figure: a run going on into the next node is the same run
  for (let i = 0; i < textNodes.length; i++) {
    const node = textNodes.item(i) as CharacterData | null;
    const parent = node?.parentNode as Element | null | undefined;
    if (!node || (parent?.localName && UNSHOWN.has(parent.localName))) continue;
    const data = node.data;
    if (!data) continue;
    const counter = FIGURES_ONLY.test(data) && !items.has(node);
    for (const m of data.matchAll(FIGURES)) {
      if (!(m.index === 0 && digitLast)) run++;
      if (counter && counters[counters.length - 1] !== run) counters.push(run);
    }
    const last = data.charCodeAt(data.length - 1);
    digitLast = last >= 0x30 && last <= 0x39;
  }
  return counters;
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

/**
 * The page's signature (PageSignature) but for its figures, which need its counters (found when
 * the map is made: signMappedPage); `nodes`: how many text nodes its body lists.
 */
export async function signPage(page: PageText, nodes: number, subtle: Subtle = browserSubtle()): Promise<PageSignature> {
  const text = `${page.head}\n\n${page.body.replace(FIGURES, '#')}`;
  return { hash: await digest(text, subtle), length: text.length, nodes };
}

/**
 * Whether the page is the one signed `seen`: the same digest, length and text nodes, and the same
 * figures but for its counters (`runs`: figureRuns of the page now).
 */
export function isPageSeen(seen: PageSignature, now: PageSignature, runs: readonly string[]): boolean {
  if (!seen.figures || !seen.counters || !samePage(seen, now)) return false;
  return figuresDigest(runs, seen.counters) === seen.figures;
}

/** The text nodes of the items' text and responsibility: what a counter is outside of. */
export function itemTextNodes(anchors: ReadonlyMap<string, Pick<ItemAnchor, 'nodes' | 'unitNodes'>>): Set<Node> {
  const nodes = new Set<Node>();
  for (const a of anchors.values()) {
    for (const node of a.nodes) nodes.add(node);
    for (const node of a.unitNodes) nodes.add(node);
  }
  return nodes;
}

/** The page's whole signature as kept (PageSignature), read with its items' `anchors`. */
export async function signMappedPage(
  doc: Document, textNodes: TextNodeList, anchors: ReadonlyMap<string, Pick<ItemAnchor, 'nodes' | 'unitNodes'>>, subtle: Subtle = browserSubtle(),
): Promise<Required<PageSignature>> {
  const page = pageText(doc);
  const counters = pageCounters(textNodes, itemTextNodes(anchors));
  return { ...(await signPage(page, textNodes.length, subtle)), figures: figuresDigest(figureRuns(page), counters), counters };
}

/** The same page text (digest and length) in as many text nodes: the page then read, but for its figures. */
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
