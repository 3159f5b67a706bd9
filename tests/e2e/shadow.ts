// Helpers for duban's overlays, which live in CLOSED shadow roots (so page scripts can't
// read the user's notes). Playwright locators can't see inside those; the DevTools protocol
// can: DOM.getDocument({ pierce: true }) lists closed shadow roots too.
//
// Node ids go stale whenever the document is re-fetched or the DOM changes, so every call
// re-fetches the document and resolves host → shadow root → selector afresh.
import type { CDPSession, Page } from 'playwright-core';

/** The parts of CDP's DOM.Node we walk (playwright-core doesn't export its Protocol types). */
interface Node {
  nodeId: number;
  attributes?: string[];
  children?: Node[];
  shadowRoots?: Node[];
  contentDocument?: Node;
}
/** An overlay: the N of its host's data-duban-item="N". */
export type Item = number | string;

const sessions = new WeakMap<Page, Promise<CDPSession>>();

/** One CDP session per page, created lazily and reused. */
export function cdp(page: Page): Promise<CDPSession> {
  let s = sessions.get(page);
  if (!s) {
    s = page.context().newCDPSession(page);
    sessions.set(page, s);
  }
  return s;
}

function attr(node: Node, name: string): string | undefined {
  const a = node.attributes ?? [];
  for (let i = 0; i < a.length; i += 2) if (a[i] === name) return a[i + 1];
  return undefined;
}

function findNode(node: Node, pred: (n: Node) => boolean): Node | undefined {
  if (pred(node)) return node;
  for (const kids of [node.children, node.shadowRoots, node.contentDocument && [node.contentDocument]]) {
    for (const kid of kids ?? []) {
      const hit = findNode(kid, pred);
      if (hit) return hit;
    }
  }
  return undefined;
}

/** The overlay's shadow root node id, or undefined if the host or its root is missing. */
async function shadowRoot(s: CDPSession, item: Item): Promise<number | undefined> {
  const { root } = await s.send('DOM.getDocument', { depth: -1, pierce: true });
  const host = findNode(root, (n) => attr(n, 'data-duban-item') === String(item));
  return host?.shadowRoots?.[0]?.nodeId;
}

/** Node id of `selector` inside overlay `item`'s shadow root; 0 if absent. */
async function query(s: CDPSession, item: Item, selector: string): Promise<number> {
  const rootId = await shadowRoot(s, item);
  if (rootId === undefined) return 0;
  const { nodeId } = await s.send('DOM.querySelector', { nodeId: rootId, selector });
  return nodeId;
}

async function mustQuery(page: Page, item: Item, selector: string): Promise<{ s: CDPSession; nodeId: number }> {
  const s = await cdp(page);
  const nodeId = await query(s, item, selector);
  if (!nodeId) throw new Error(`no ${JSON.stringify(selector)} in the shadow root of [data-duban-item="${item}"]`);
  return { s, nodeId };
}

export interface Box {
  /** Centre, in viewport CSS pixels (what page.mouse.click takes). */
  x: number;
  y: number;
  width: number;
  height: number;
}

async function box(s: CDPSession, nodeId: number): Promise<Box> {
  const { model } = await s.send('DOM.getBoxModel', { nodeId });
  const q = model.border; // [x1,y1, x2,y2, x3,y3, x4,y4], clockwise from top-left
  const xs = [q[0]!, q[2]!, q[4]!, q[6]!];
  const ys = [q[1]!, q[3]!, q[5]!, q[7]!];
  return {
    x: (Math.min(...xs) + Math.max(...xs)) / 2,
    y: (Math.min(...ys) + Math.max(...ys)) / 2,
    width: model.width,
    height: model.height,
  };
}

export async function shadowExists(page: Page, item: Item, selector: string): Promise<boolean> {
  return (await query(await cdp(page), item, selector)) !== 0;
}

/** Where `selector` in overlay `item` is drawn now (no scrolling). */
export async function shadowBox(page: Page, item: Item, selector: string): Promise<Box> {
  const { s, nodeId } = await mustQuery(page, item, selector);
  return box(s, nodeId);
}

/**
 * A real user click: scroll the element into view, then press the mouse at its centre.
 * Unless `force`, first checks that the element (or a descendant) is what is actually
 * under that point, so a covered or hidden target fails loudly instead of clicking
 * something else.
 */
export async function shadowClick(
  page: Page,
  item: Item,
  selector: string,
  opts: { force?: boolean; button?: 'left' | 'right' | 'middle'; clickCount?: number } = {},
): Promise<void> {
  const { s, nodeId } = await mustQuery(page, item, selector);
  await s.send('DOM.scrollIntoViewIfNeeded', { nodeId });
  const b = await box(s, nodeId);
  if (!opts.force) {
    // getNodeForLocation takes document coordinates; the box is viewport-relative.
    const { cssLayoutViewport: vp } = await s.send('Page.getLayoutMetrics');
    const hit = await s.send('DOM.getNodeForLocation', {
      x: Math.round(b.x + vp.pageX),
      y: Math.round(b.y + vp.pageY),
      ignorePointerEventsNone: true,
    });
    const [target, under] = await Promise.all([
      s.send('DOM.resolveNode', { nodeId }),
      s.send('DOM.resolveNode', { backendNodeId: hit.backendNodeId }),
    ]);
    const r = await s.send('Runtime.callFunctionOn', {
      objectId: target.object.objectId,
      functionDeclaration: 'function (n) { return this === n || this.contains(n) ? "" : (n.outerHTML || n.nodeName).slice(0, 120); }',
      arguments: [{ objectId: under.object.objectId }],
      returnByValue: true,
    });
    if (r.result.value) {
      throw new Error(`shadowClick(${item}, ${JSON.stringify(selector)}): the point is covered by ${r.result.value}`);
    }
  }
  await page.mouse.click(b.x, b.y, { button: opts.button, clickCount: opts.clickCount });
}

/** Focus the element (then type with page.keyboard.type, as a user would). */
export async function shadowFocus(page: Page, item: Item, selector: string): Promise<void> {
  const { s, nodeId } = await mustQuery(page, item, selector);
  await s.send('DOM.scrollIntoViewIfNeeded', { nodeId });
  await s.send('DOM.focus', { nodeId });
}

/**
 * Run `fn` with `this` = the element and return its (JSON-able) result, e.g.
 *   shadowEval(page, 3, 'textarea', 'function () { return this.value }')
 * Pass a `function` (not an arrow: arrows don't bind `this`) or its source. Runs in the
 * page's main world: DOM state is shared, the content script's JS variables are not.
 */
export async function shadowEval<T = unknown>(
  page: Page,
  item: Item,
  selector: string,
  fn: string | ((this: Element, ...args: any[]) => unknown),
  ...args: unknown[]
): Promise<T> {
  const { s, nodeId } = await mustQuery(page, item, selector);
  const { object } = await s.send('DOM.resolveNode', { nodeId });
  try {
    const r = await s.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: typeof fn === 'string' ? fn : fn.toString(),
      arguments: args.map((value) => ({ value })),
      returnByValue: true,
      awaitPromise: true,
    });
    if (r.exceptionDetails) {
      throw new Error(`shadowEval: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
    }
    return r.result.value as T;
  } finally {
    if (object.objectId) await s.send('Runtime.releaseObject', { objectId: object.objectId }).catch(() => {});
  }
}

/**
 * Wait until `selector` exists in overlay `item` and `fn` (default: always true) returns
 * truthy for it — for UI that updates after a click or keystroke.
 */
export async function shadowWaitFor(
  page: Page,
  item: Item,
  selector: string,
  fn: string | ((this: Element, ...args: any[]) => unknown) = 'function () { return true; }',
  opts: { timeout?: number } = {},
): Promise<void> {
  const deadline = Date.now() + (opts.timeout ?? 10_000);
  let last = 'never found';
  for (;;) {
    try {
      if (await shadowEval(page, item, selector, fn)) return;
      last = 'predicate false';
    } catch (e) {
      last = String(e);
    }
    if (Date.now() > deadline) {
      throw new Error(`shadowWaitFor(${item}, ${JSON.stringify(selector)}) timed out: ${last}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
