// The notice is not the page's to rewrite (issue 10, finding 10), end to end: Debian Chromium and
// the built extension (`npx wxt build` first). The seed notice at its official https URL, then a
// forged page with the same 文号 and three items at another /art/ URL on the same host over http,
// then query-string variants; the database is read from duban's own page (./db.ts).
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recogniseNotice } from '../../lib/notice/recognise';
import type { Notice } from '../../lib/notice/types';
import { forgedNoticeHtml } from '../fixtures/forged-notice';
import { readDb, sendFromPage } from './db';
import { dubanState, extensionPage, launchDuban, openNotice, screenshot, serveHtml, serveSeeds, waitForDuban, type Duban, type SeedPage } from './harness';
import { reveal, rowLabel } from './editor';

/** The seed notice's key (lib/notice/notice-key.ts). */
const KEY = '拱政办发〔2024〕2号@www.gongshu.gov.cn';
const DOC_NO = '拱政办发〔2024〕2号';
const FORGED_URL = 'http://www.gongshu.gov.cn/art/2024/3/8/art_1229290402_9999999.html';
/** Query strings that name no article: one URL. */
const TRACKING_VARIANTS = 12;
/** Query strings that may name an article (`?articleId=`): more than the cap of 20. */
const ID_VARIANTS = 22;

interface StoredNotice {
  key: string;
  sourceUrl: string;
  urls: string[];
  items: Notice['items'];
  revisions?: { id: number; origin: string; url: string; items: Notice['items'] }[];
}

function parse(html: string, url: string): Notice {
  const r = recogniseNotice(parseHTML(html).document as unknown as Document, { url });
  if (!r.ok) throw new Error(r.reason);
  return r.notice;
}

describe('a page cannot rewrite the stored notice', () => {
  let duban: Duban;
  let seed: SeedPage;
  let seedHtml: string;
  let real: Notice;
  let forged: Notice;

  const stored = async () => (await readDb(duban.context, duban.extensionId)).notices.find((n) => n.key === KEY) as unknown as StoredNotice;

  beforeAll(async () => {
    duban = await launchDuban();
    seed = (await serveSeeds(duban.context)).find((s) => s.notice)!;
    seedHtml = readFileSync(seed.path, 'utf8');
    real = parse(seedHtml, seed.url);
    forged = parse(forgedNoticeHtml(), FORGED_URL);
    await serveHtml(duban.context, FORGED_URL, forgedNoticeHtml());
    await serveHtml(duban.context, seed.url.replace('https:', 'http:'), seedHtml);
    for (let n = 0; n < TRACKING_VARIANTS; n++) await serveHtml(duban.context, `${seed.url}?from=share&t=${n}`, seedHtml);
    for (let n = 0; n < ID_VARIANTS; n++) await serveHtml(duban.context, `${seed.url}?articleId=${n}`, seedHtml);
  });
  afterAll(async () => {
    await duban?.close();
  });

  it('keeps the 156 items, their texts and the https link when a forged http page with the same 文号 is seen; the forged text is a revision', async () => {
    const page = await openNotice(duban.context, seed.url);
    expect(await dubanState(page)).toEqual({ state: 'ready', items: 156 });
    await page.close();

    const fake = await openNotice(duban.context, FORGED_URL);
    expect(await dubanState(fake)).toEqual({ state: 'ready', items: 3 });
    // Its rows say the text is not the stored one, though nothing was annotated on them.
    for (const n of [1, 2, 3]) {
      await reveal(fake, n);
      expect(await rowLabel(fake, n, 'changed')).toContain('原文已更改');
    }
    await fake.close();
    // The real notice over http gains nothing either.
    const http = await openNotice(duban.context, seed.url.replace('https:', 'http:'));
    await http.close();

    const n = await stored();
    expect(n.items).toHaveLength(156);
    expect(n.items.map((i) => [i.key, i.text])).toEqual(real.items.map((i) => [i.key, i.text]));
    expect(n.sourceUrl).toBe(seed.url);
    expect(n.revisions).toHaveLength(1);
    expect(n.revisions![0]).toMatchObject({ origin: 'page', url: FORGED_URL });
    expect(n.revisions![0].items.map((i) => i.text)).toEqual(forged.items.map((i) => i.text));
  });

  it(`adds one URL for ${TRACKING_VARIANTS} query variants that name no article, and at most 20 in all`, async () => {
    const page = await duban.context.newPage();
    const visit = async (url: string) => {
      const done = waitForDuban(page);
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      expect((await done).state).toBe('ready');
    };
    const before = (await stored()).urls;
    for (let n = 0; n < TRACKING_VARIANTS; n++) await visit(`${seed.url}?from=share&t=${n}`);
    // The same URLs (the latest seen moves last).
    expect([...(await stored()).urls].sort()).toEqual([...before].sort());
    for (let n = 0; n < ID_VARIANTS; n++) await visit(`${seed.url}?articleId=${n}`);
    await page.close();
    const n = await stored();
    expect(n.urls.length).toBeLessThanOrEqual(20);
    expect(n.urls).toContain(seed.url);
    expect(n.urls).toContain(`${seed.url}?articleId=${ID_VARIANTS - 1}`);
    expect(n.sourceUrl).toBe(seed.url);
    expect(n.items).toHaveLength(156);
  });

  it('shows the revision in the overview; accepting it there makes it the notice’s text and keeps the old one, which can be restored', async () => {
    const overview: Page = await extensionPage(duban.context, duban.extensionId, 'overview.html');
    const pending = overview.locator('[data-testid="notice-revision"][data-origin="page"]');
    await pending.waitFor();
    expect(await pending.textContent()).toContain('网页上的原文与已保存的不同（156 项）');
    await screenshot(overview, 'overview-revision-light');

    await pending.locator('[data-action="accept-revision"]').click();
    const replaced = overview.locator('[data-testid="notice-revision"][data-origin="replaced"]');
    await replaced.waitFor();
    let n = await stored();
    expect(n.items.map((i) => i.text)).toEqual(forged.items.map((i) => i.text));
    // Accepted from an http page: the link stays https.
    expect(n.sourceUrl).toBe(seed.url);
    expect(n.revisions!.find((r) => r.origin === 'replaced')!.items.map((i) => i.text)).toEqual(real.items.map((i) => i.text));
    expect(await overview.locator('[data-testid="notice-revision"][data-origin="page"]').count()).toBe(0);
    // The page whose text was accepted reads as stored now: its rows no longer say 原文已更改,
    // though what the background remembered of its last visit (peekNotice) said they did.
    const again = await openNotice(duban.context, FORGED_URL);
    for (const k of [1, 2, 3]) {
      await reveal(again, k);
      await expect.poll(() => rowLabel(again, k, 'changed')).toBeNull();
    }
    await again.close();

    await replaced.locator('[data-action="accept-revision"]').click();
    // Done when the kept text is the forged one (3 items).
    await overview.locator('[data-testid="notice-revision"][data-origin="replaced"]', { hasText: '此版本 3 项' }).waitFor();
    n = await stored();
    expect(n.items.map((i) => i.text)).toEqual(real.items.map((i) => i.text));
    await overview.close();
  });
});

// Issue 12, Identity: a notice is its 文号 at its issuer's site. The seed's page served at another
// government host (it claims the same 文号 and even the same issuer) is another notice.
describe('a page at another government host claiming the seed’s 文号', () => {
  const OTHER_GOV_URL = 'https://www.hangzhou.gov.cn/art/2024/3/7/art_1229290402_4246130.html';
  const OTHER_KEY = `${DOC_NO}@www.hangzhou.gov.cn`;
  const NOTE = '只属于拱墅区这份通知的备注';
  let duban: Duban;
  let seed: SeedPage;

  beforeAll(async () => {
    duban = await launchDuban();
    seed = (await serveSeeds(duban.context)).find((s) => s.notice)!;
    await serveHtml(duban.context, OTHER_GOV_URL, readFileSync(seed.path, 'utf8'));
    const official = await openNotice(duban.context, seed.url);
    await official.close();
    const popup = await extensionPage(duban.context, duban.extensionId, 'popup.html');
    const item3 = parse(readFileSync(seed.path, 'utf8'), seed.url).items[2]!;
    expect(await sendFromPage(popup, 'saveAnnotation', { noticeKey: KEY, itemKey: '3', fingerprint: item3.fingerprint, note: NOTE, status: 'in_progress' })).toMatchObject({ ok: true });
    await popup.close();
  }, 60_000);
  afterAll(async () => {
    await duban?.close();
  });

  it('gets a notice of its own: the seed’s notes are not shown there, and the seed’s record gains nothing', async () => {
    const other = await openNotice(duban.context, OTHER_GOV_URL);
    expect(await dubanState(other)).toEqual({ state: 'ready', items: 156 });
    await reveal(other, 3);
    expect(await rowLabel(other, 3, 'status')).toBe('未开始');
    expect(await rowLabel(other, 3, 'note')).not.toBe(NOTE);
    await other.close();

    const db = await readDb(duban.context, duban.extensionId);
    expect(db.notices.map((n) => n.key).sort()).toEqual([KEY, OTHER_KEY].sort());
    const own = db.notices.find((n) => n.key === KEY) as unknown as StoredNotice;
    expect(own.urls).toEqual([seed.url]);
    expect(own.revisions ?? []).toEqual([]);
    expect(db.annotations.filter((a) => a.noticeKey === OTHER_KEY)).toEqual([]);

    // The seed's own page still shows its note.
    const page = await openNotice(duban.context, seed.url);
    await reveal(page, 3);
    expect(await rowLabel(page, 3, 'note')).toBe(NOTE);
    await page.close();
  });
});

// The notice script asks, as it starts, for the notice last opened at its page (peekNotice) and
// shows those annotations before openNotice answers only when the page reads exactly as then.
describe('a page whose text changed since it was last opened at the same address', () => {
  let duban: Duban;
  afterAll(async () => {
    await duban?.close();
  });

  it('says 原文已更改 on the changed item only, as on any other page with a different text', async () => {
    duban = await launchDuban();
    const seed = (await serveSeeds(duban.context)).find((s) => s.notice)!;
    const html = readFileSync(seed.path, 'utf8');
    const url = 'https://www.gongshu.gov.cn/art/2024/3/7/art_1229290402_7777777.html';
    await serveHtml(duban.context, url, html);
    const first = await openNotice(duban.context, url);
    expect(await dubanState(first)).toEqual({ state: 'ready', items: 156 });
    await reveal(first, 3);
    expect(await rowLabel(first, 3, 'changed')).toBeNull();
    await first.close();

    // Item 3 edited on the site, at the same address: a few of its words no other item has (the
    // page holds its body twice, the second copy hidden: both are edited).
    const items = parse(html, url).items;
    const text = items[2]!.text;
    let words = '';
    for (let at = 0; at + 6 <= text.length && !words; at++) {
      const slice = text.slice(at, at + 6);
      if (html.includes(slice) && items.every((i, k) => k === 2 || !i.text.includes(slice))) words = slice;
    }
    expect(words).not.toBe('');
    await serveHtml(duban.context, url, html.replaceAll(words, `${words}（修订）`));
    const again = await openNotice(duban.context, url);
    expect(await dubanState(again)).toEqual({ state: 'ready', items: 156 });
    await reveal(again, 3);
    expect(await rowLabel(again, 3, 'changed')).toContain('原文已更改');
    await reveal(again, 4);
    expect(await rowLabel(again, 4, 'changed')).toBeNull();
    await again.close();
  });
});
