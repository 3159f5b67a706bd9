// Driving duban's notice bar as a user does (real clicks and keys into its closed shadow root), and
// telling which rows the page shows. Item rows and the editor frame: see ./editor.ts.
import type { CDPSession, Page } from 'playwright-core';
import { cdp } from './shadow';

/**
 * The bar lives in the closed shadow root of <div data-duban-bar>; shadow.ts finds only item hosts,
 * so: its element at `selector`, once the bar is drawn (as it comes into view, or in idle time
 * after the page is ready, like the rows).
 */
export async function barNode(page: Page, selector: string, timeout = 10_000): Promise<{ s: CDPSession; nodeId: number }> {
  const until = Date.now() + timeout;
  for (;;) {
    const found = await findInBar(page, selector);
    if ('nodeId' in found) return found;
    if (Date.now() > until) throw new Error(found.missing);
    await page.waitForTimeout(50);
  }
}

async function findInBar(page: Page, selector: string): Promise<{ s: CDPSession; nodeId: number } | { missing: string }> {
  const s = await cdp(page);
  const { root } = await s.send('DOM.getDocument', { depth: -1, pierce: true });
  type N = { nodeId: number; attributes?: string[]; children?: N[]; shadowRoots?: N[] };
  const isBar = (n: N) => (n.attributes ?? []).some((a, i) => i % 2 === 0 && a === 'data-duban-bar');
  const find = (n: N): N | undefined => {
    if (isBar(n)) return n;
    for (const k of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) {
      const hit = find(k);
      if (hit) return hit;
    }
    return undefined;
  };
  const host = find(root as N);
  const shadow = host?.shadowRoots?.[0];
  if (!shadow) return { missing: 'no [data-duban-bar] shadow root' };
  const { nodeId } = await s.send('DOM.querySelector', { nodeId: shadow.nodeId, selector });
  if (!nodeId) return { missing: `no ${selector} in the bar` };
  return { s, nodeId };
}

export async function barEval<T>(page: Page, selector: string, fn: string, ...args: unknown[]): Promise<T> {
  const { s, nodeId } = await barNode(page, selector);
  const { object } = await s.send('DOM.resolveNode', { nodeId });
  const r = await s.send('Runtime.callFunctionOn', {
    objectId: object.objectId,
    functionDeclaration: fn,
    arguments: args.map((v) => ({ value: v })),
    returnByValue: true,
  });
  return r.result.value as T;
}

/** What the bar shows of the user's data (counts, orphans) is generated content: its data-label. */
export const barLabel = (page: Page, selector: string) =>
  barEval<string | null>(page, selector, 'function () { return this.getAttribute("data-label") }');

export async function barClick(page: Page, selector: string): Promise<void> {
  const { s, nodeId } = await barNode(page, selector);
  await s.send('DOM.scrollIntoViewIfNeeded', { nodeId });
  const { model } = await s.send('DOM.getBoxModel', { nodeId });
  const q = model.border;
  await page.mouse.click((q[0]! + q[4]!) / 2, (q[1]! + q[5]!) / 2);
}

export async function barFocus(page: Page, selector: string): Promise<void> {
  const { s, nodeId } = await barNode(page, selector);
  await s.send('DOM.focus', { nodeId });
}

/** Item numbers whose overlays the page shows (not filtered out). */
export const visibleItems = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-duban-item]')].filter((h) => h.checkVisibility()).map((h) => Number(h.dataset.dubanItem)),
  );

export const waitReady = (page: Page) => page.locator('html[data-duban="ready"]').waitFor({ state: 'attached', timeout: 30_000 });

/** The keys of the items whose overlays the page shows (not filtered out), as strings (`一、3.`). */
export const visibleKeys = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-duban-item]')].filter((h) => h.checkVisibility()).map((h) => h.dataset.dubanItem!));
