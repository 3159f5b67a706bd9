// Government sites that fetch their article by script after the page loads, end to end (Chromium +
// the built extension): the probe, finding no notice yet, watches the page for a while and asks
// again once the words came (entrypoints/probe.ts watchLate); the notice script, having found
// none, reads the page again once it brought new words (entrypoints/notice.content/index.ts).
// Each page below brings its words only after duban marked it data-duban="none": the late path,
// never the load's.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dubanState, launchDuban, noticeSeed, screenshot, serveHtml, type Duban } from './harness';
import { userAsks, USER_ACTION_ARGS } from './user-asks';

const seed = readFileSync(noticeSeed().path, 'utf8');
const seedHead = seed.slice(seed.indexOf('<head>') + 6, seed.indexOf('</head>'));
const seedBody = seed.slice(seed.indexOf('>', seed.indexOf('<body')) + 1, seed.lastIndexOf('</body>'));
const SEED_TITLE = /<title>([^<]*)<\/title>/.exec(seed)![1];

/** A script literal safe inside <script> (no `</script>` in it). */
const literal = (s: string) => JSON.stringify(s).replace(/</g, '\\u003c');

/**
 * A page that, once duban marked it data-duban="none" (a verdict made without its words), writes
 * `body` into its #app and, when given, sets its title: as a site that fetches its article does.
 */
function latePage(head: string, body: string, loading: string, title?: string): string {
  return `<!DOCTYPE html><html><head>${head}</head><body><div id="app">${loading}</div><script>
const html = document.documentElement;
const arrive = () => {
  ${title === undefined ? '' : `document.title = ${literal(title)};`}
  document.getElementById('app').innerHTML = ${literal(body)};
  html.setAttribute('data-late', 'in');
};
new MutationObserver((_, o) => {
  if (html.getAttribute('data-duban') === 'none' && !html.hasAttribute('data-late')) (o.disconnect(), arrive());
}).observe(html, { attributes: true, attributeFilter: ['data-duban'] });
</script></body></html>`;
}

/** Government hosts outside the registry (lib/notice/sites.ts): the probe's verdict, not the registry's. */
const TITLED_URL = 'https://www.xihu.gov.cn/art/2024/3/8/art_1229290402_4246201.html';
const UNTITLED_URL = 'https://www.xihu.gov.cn/col/col1229290402/index.html#/detail/4246202';
const NEWS_URL = 'https://www.xihu.gov.cn/art/2024/3/8/art_1229290402_4246203.html';
const REFUSED_URL = 'https://www.xihu.gov.cn/art/2024/3/8/art_1229290402_4246204.html';
/** A copy off government sites: read only when the user asks. */
const COPY_URL = 'https://news.example.com/2024/late-zerenfenjie.html';

const NEWS = `<p>${'区政府召开常务会议，研究部署近期重点工作。会议听取了有关情况汇报，要求各部门抓好落实。'.repeat(12)}</p>`;
const NOT_YET = '<p>各单位要牵头抓总，加强统筹，确保各项工作落到实处。</p>';

let duban: Duban;
beforeAll(async () => {
  duban = await launchDuban({ args: USER_ACTION_ARGS });
  await serveHtml(duban.context, TITLED_URL, latePage(seedHead, seedBody, '加载中…'));
  // An app page: no title, no metadata, until its article comes with both.
  await serveHtml(duban.context, UNTITLED_URL, latePage('<meta charset="utf-8"><title></title>', seedBody, '加载中…', SEED_TITLE));
  await serveHtml(duban.context, NEWS_URL, latePage(seedHead, NEWS, '加载中…'));
  // Its first words say who leads (the probe's likely) but hold no notice: the notice script says none.
  await serveHtml(duban.context, REFUSED_URL, latePage(seedHead, seedBody, NOT_YET));
  await serveHtml(duban.context, COPY_URL, latePage(seedHead, seedBody, '加载中…'));
}, 60_000);
afterAll(() => duban?.close());

async function open(url: string): Promise<Page> {
  const page = await duban.context.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return page;
}

const ready = (page: Page) => page.locator('html[data-duban="ready"]').waitFor({ state: 'attached', timeout: 30_000 });
const measures = (page: Page, name: string) => page.evaluate((name) => performance.getEntriesByName(name).length, name);

/** Opens `url` and waits for its rows: every item of the seed's notice, the notice script run `starts` times. */
async function openRead(url: string, starts: number): Promise<Page> {
  const page = await open(url);
  await ready(page);
  expect(await dubanState(page)).toEqual({ state: 'ready', items: 156 });
  expect(await measures(page, 'duban:start')).toBe(starts);
  expect(await page.locator('[data-duban-item]').count()).toBe(156);
  return page;
}

describe('a government page whose article comes after it loaded', () => {
  it('gets every row once its words come: the probe looked again', async () => {
    const page = await open(TITLED_URL);
    await ready(page);
    expect(await dubanState(page)).toEqual({ state: 'ready', items: 156 });
    expect(await page.getAttribute('html', 'data-late')).toBe('in');
    expect(await page.locator('[data-duban-item]').count()).toBe(156);
    expect(await measures(page, 'duban:probe-again')).toBeGreaterThan(0);
    await page.locator('[data-duban-item="1"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'late-notice-rows');
    await page.close();
  });

  it('the same page opened again: the notice script the browser runs finds none, then reads the article when it comes', async () => {
    // Known since the test above: the browser runs the notice script at load, before the article.
    const page = await openRead(TITLED_URL, 2);
    expect(await measures(page, 'duban:probe-handover')).toBe(1);
    await page.close();
  });

  it('an app page with no title until its article comes: its title is watched, then its words', async () => {
    const page = await open(UNTITLED_URL);
    await ready(page);
    expect(await dubanState(page)).toEqual({ state: 'ready', items: 156 });
    expect(await page.title()).toBe(SEED_TITLE);
    await page.close();
  });

  it('a page whose late words are no notice stays alone: looked at again, no notice script', async () => {
    const page = await open(NEWS_URL);
    await page.waitForFunction(() => performance.getEntriesByName('duban:probe-again').length > 0, undefined, { timeout: 30_000 });
    expect(await page.getAttribute('html', 'data-late')).toBe('in');
    expect(await dubanState(page)).toEqual({ state: 'none', items: null });
    expect(await measures(page, 'duban:start')).toBe(0);
    expect(await page.locator('[data-duban-item], [data-duban-bar]').count()).toBe(0);
    await page.close();
  });

  it('a page the notice script found no notice in is read again once its article came', async () => {
    // The notice script ran twice: once on the first words (none), once on the article.
    const page = await openRead(REFUSED_URL, 2);
    await page.close();
  });

  it('a copy the user asked about before its article came: asked again, it is read again', async () => {
    const page = await open(COPY_URL);
    expect(await userAsks(duban, page)).toEqual({ ok: true, value: { verdict: 'none', copy: true } });
    await page.locator('html[data-late="in"]').waitFor({ state: 'attached' });
    expect(await userAsks(duban, page)).toEqual({ ok: true, value: { verdict: 'notice', copy: true } });
    await ready(page);
    expect(await dubanState(page)).toEqual({ state: 'ready', items: 156 });
    await page.close();
  });
});
