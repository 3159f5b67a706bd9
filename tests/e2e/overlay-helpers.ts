// Driving duban's overlay rows and bar as a user does: real clicks and keys into closed shadow roots.
import type { CDPSession, Page } from 'playwright-core';
import { cdp, shadowEval, shadowFocus, shadowWaitFor, type Item } from './shadow';

/** Scrolls overlay `item` into view and waits until it has rendered its controls. */
export async function reveal(page: Page, item: Item): Promise<void> {
  await page.evaluate((n) => document.querySelector(`[data-duban-item="${n}"]`)!.scrollIntoView({ block: 'center' }), String(item));
  await shadowWaitFor(page, item, 'select');
}

export const value = (page: Page, item: Item, selector: string) =>
  shadowEval<string>(page, item, selector, 'function () { return this.value }');
export const text = (page: Page, item: Item, selector: string) =>
  shadowEval<string>(page, item, selector, 'function () { return this.textContent }');

/** Waits until the item's save state reads 已保存 Saved. */
export const saved = (page: Page, item: Item) =>
  shadowWaitFor(page, item, '.save', 'function () { return this.classList.contains("save-saved") }');

/** Types a day into a date input as a user would; the field's order follows the browser's locale. */
export async function typeDate(page: Page, item: Item, day: string): Promise<void> {
  const [y, m, d] = day.split('-');
  for (const keys of [`${m}${d}${y}`, `${y}${m}${d}`, `${d}${m}${y}`]) {
    await shadowFocus(page, item, 'input[type=date]');
    await page.keyboard.type(keys);
    if ((await value(page, item, 'input[type=date]')) === day) return;
    // Start over: clear each segment.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace').then(() => page.keyboard.press('Shift+Tab'));
  }
  throw new Error(`could not type ${day} into item ${item}'s date field`);
}

/** The bar lives in <duban-bar>'s closed shadow root; shadow.ts finds only item hosts, so: */
export async function barNode(page: Page, selector: string): Promise<{ s: CDPSession; nodeId: number }> {
  const s = await cdp(page);
  const { root } = await s.send('DOM.getDocument', { depth: -1, pierce: true });
  type N = { nodeId: number; nodeName: string; children?: N[]; shadowRoots?: N[] };
  const find = (n: N): N | undefined => {
    if (n.nodeName === 'DUBAN-BAR') return n;
    for (const k of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) {
      const hit = find(k);
      if (hit) return hit;
    }
    return undefined;
  };
  const host = find(root as N);
  const shadow = host?.shadowRoots?.[0];
  if (!shadow) throw new Error('no <duban-bar> shadow root');
  const { nodeId } = await s.send('DOM.querySelector', { nodeId: shadow.nodeId, selector });
  if (!nodeId) throw new Error(`no ${selector} in the bar`);
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
