/**
 * Opens a page and waits for one of duban's markers without Playwright touching the page while it
 * loads: a locator or an evaluate makes Playwright evaluate its own scripts in the page, 10–30 ms
 * of its main thread mid-load (seen in traces, between the rows' build and the background's
 * answer), on the thread the rows wait for. A raw CDP session reads the marker instead, every
 * 50 ms, a fraction of a millisecond each.
 */
import type { BrowserContext, Page } from 'playwright-core';

export async function openQuietly(context: BrowserContext, url: string, marker = 'data-duban-rendered', timeout = 30_000): Promise<Page> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout });
    const until = Date.now() + timeout;
    const expression = `document.documentElement.hasAttribute(${JSON.stringify(marker)})`;
    for (;;) {
      const { result } = await cdp.send('Runtime.evaluate', { expression, returnByValue: true });
      if (result.value === true) return page;
      if (Date.now() > until) throw new Error(`${url}: no ${marker} within ${timeout} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await cdp.detach().catch(() => {});
  }
}
