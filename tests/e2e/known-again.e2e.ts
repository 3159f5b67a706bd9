// A notice page known again without reading it (lib/notice/page-map.ts), end to end in Chromium:
// once its notice has opened and the page has sent where its items are, the next load of the same
// page puts up the same rows in the same places without reading the page, with their notes, and
// may edit them, also after Chromium stopped duban's worker (entrypoints/background/
// page-memory.ts); a page whose text changed is read again, and its changed item says so. On the
// seed and on its old table layout (overlay rows in the table).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorSaved, openEditor, rowLabel } from './editor';
import { launchDuban, noticeSeed, openNotice, ROOT, screenshot, serveHtml, type Duban } from './harness';
import { shadowEval } from './shadow';

const SEED_URL = noticeSeed().url;
const SEED = readFileSync(noticeSeed().path, 'utf8');
const TABLE_URL = 'https://www.gongshu.gov.cn/art/2024/3/7/art_1229138302_1841066.html';
const TABLE = readFileSync(join(ROOT, 'tests/fixtures/notices/gongshu-2024-2-table.html'), 'utf8');

let duban: Duban;
beforeAll(async () => {
  duban = await launchDuban();
  await serveHtml(duban.context, SEED_URL, SEED);
  await serveHtml(duban.context, TABLE_URL, TABLE);
}, 60_000);
afterAll(() => duban?.close());

/** Each row as the page shows it: its item and the last words of the page's text before it. */
function rowPlaces(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-duban-item]')].map((host) => {
      const range = document.createRange();
      range.setStart(document.body, 0);
      range.setEndBefore(host.closest('tr[data-duban-row]') ?? host);
      return `${host.getAttribute('data-duban-item')} ← ${range.toString().replace(/\s+/g, '').slice(-24)}`;
    }),
  );
}

/** Opens `url` once every row is drawn; whether duban knew the page again rather than reading it. */
async function visit(url: string): Promise<{ page: Page; known: boolean }> {
  const page = await openNotice(duban.context, url);
  await page.locator('html[data-duban-rendered]').waitFor({ state: 'attached' });
  const known = await page.evaluate(() => performance.getEntriesByName('duban:remembered').length === 1);
  return { page, known };
}

/** Loads `url` until duban knows it again (the first load sends where the items are once its rows are ready). */
async function visitKnown(url: string): Promise<Page> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const v = await visit(url);
    if (v.known) return v.page;
    await v.page.waitForTimeout(500); // (the rows' idle work, where the map goes, is not timed by any marker)
    await v.page.close();
  }
  throw new Error(`${url} was read at each of 5 loads, never known again`);
}

describe.each([
  ['the seed', SEED_URL, SEED, '区发改经信局'],
  ['its old table layout', TABLE_URL, TABLE, '区发改经信局'],
])('%s, visited again', (_name, url, html, lead) => {
  let firstPlaces: string[];

  it('is read on the first visit, and known again on a later one: the same 156 rows in the same places, with their notes', async () => {
    const first = await visit(url);
    expect(first.known).toBe(false);
    firstPlaces = await rowPlaces(first.page);
    expect(firstPlaces).toHaveLength(156);
    const frame = await openEditor(first.page, 5);
    await first.page.keyboard.type('回访不必再读页面');
    await editorSaved(frame);
    await first.page.close();

    const again = await visitKnown(url);
    expect(await again.evaluate(() => [document.documentElement.dataset.duban, document.documentElement.dataset.dubanItems])).toEqual(['ready', '156']);
    await again.evaluate(() => document.querySelector('[data-duban-item="5"]')!.scrollIntoView({ block: 'center' }));
    await screenshot(again, `known-again-${url === SEED_URL ? 'seed' : 'table'}`);
    expect(await rowPlaces(again)).toEqual(firstPlaces);
    expect(await rowLabel(again, 5, 'note')).toContain('回访不必再读页面');
    expect(await rowLabel(again, 5, 'changed')).toBeNull();
    // The units of the notice then read come with it: the row's tags name the item's lead unit.
    expect(await shadowEval<string>(again, 5, 'li.unit.lead', 'function () { return this.getAttribute("title") + "|" + this.textContent }')).toContain(lead);
    await again.close();
  });

  it('may be edited when known again, and the edit is there on the next visit', async () => {
    const page = await visitKnown(url);
    const frame = await openEditor(page, 7);
    await page.keyboard.type('已知页面上也能记');
    await editorSaved(frame);
    await page.close();
    const next = await visitKnown(url);
    expect(await rowLabel(next, 7, 'note')).toContain('已知页面上也能记');
    await next.close();
  });

  it('is known again after Chromium stopped duban’s worker (as it does after 30 idle seconds)', async () => {
    await visitKnown(url).then((p) => p.close());
    const blank = await duban.context.newPage();
    const cdp = await duban.context.newCDPSession(blank);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    await blank.close();
    const v = await visit(url);
    expect(v.known).toBe(true);
    expect(await rowPlaces(v.page)).toEqual(firstPlaces);
    expect(await rowLabel(v.page, 5, 'note')).toContain('回访不必再读页面');
    await v.page.close();
  });

  it('is read again once its text changed, and says which item changed', async () => {
    const edited = html.replace('地区生产总值增长5.5%', '地区生产总值增长6%');
    expect(edited).not.toBe(html);
    expect(html).toContain(lead);
    await serveHtml(duban.context, url, edited);
    try {
      const changed = await visit(url);
      expect(changed.known).toBe(false);
      expect(await rowLabel(changed.page, 5, 'changed')).toContain('原文已更改');
      expect(await rowLabel(changed.page, 5, 'note')).toContain('回访不必再读页面');
      const places = await rowPlaces(changed.page);
      expect(places.filter((_, i) => i !== 4)).toEqual(firstPlaces.filter((_, i) => i !== 4));
      expect(places[4]).toMatch(/增长6%。牵头单位：区发改经信局$/);
      await changed.page.close();
    } finally {
      await serveHtml(duban.context, url, html);
    }
  });
});

describe('a page whose hit counter changes on every visit (JCMS fills 点击率 as the page loads)', () => {
  const url = 'https://www.gongshu.gov.cn/art/2024/3/7/art_1229138302_1841067.html';
  // As JCMS's counter script does, before duban looks at the page: a new number each load.
  const counted = SEED.replace(
    '<span id="ClickCount"></span>',
    '<span id="ClickCount"></span><script>document.getElementById("ClickCount").textContent = String(1000 + Math.floor(Math.random() * 1e6));</script>',
  );

  it('is known again all the same, its rows where the reading puts them', async () => {
    expect(counted).not.toBe(SEED);
    await serveHtml(duban.context, url, counted);
    const first = await visit(url);
    expect(first.known).toBe(false);
    const places = await rowPlaces(first.page);
    const hits = await first.page.locator('#ClickCount').textContent();
    await first.page.close();
    const again = await visitKnown(url);
    expect(await again.locator('#ClickCount').textContent()).not.toBe(hits);
    expect(await rowPlaces(again)).toEqual(places);
    await again.close();
  });
});
