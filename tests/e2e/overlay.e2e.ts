// The overlay on the official notice, end to end: Debian Chromium + the built extension
// (`npx wxt build` first), the seed pages served at their official URLs.
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recogniseNotice } from '../../lib/notice/recognise';
import { dubanState, launchDuban, openNotice, screenshot, serveHtml, serveSeeds, type Duban, type SeedPage } from './harness';
import { barClick, barEval, barFocus, reveal, saved, text, typeDate, value, visibleItems, waitReady } from './overlay-helpers';
import { shadowClick, shadowEval, shadowExists, shadowFocus, shadowWaitFor } from './shadow';

const XSS = '<img src=x onerror="window.__pwned=1">';
/** The seed notice moved to another official URL, item 156 gone and item 155 reworded. */
const MOVED_URL = 'https://www.gongshu.gov.cn/art/2024/3/8/art_1229290402_9999999.html';
const OTHER_HOST_URL = 'https://example.com/art/2024/3/7/art_1229290402_4246130.html';

// ---------------------------------------------------------------- tests

describe('the overlay on the official notice', () => {
  let duban: Duban;
  let seed: SeedPage;
  let seedHtml: string;
  let page: Page;

  beforeAll(async () => {
    duban = await launchDuban();
    const seeds = await serveSeeds(duban.context);
    seed = seeds.find((s) => s.notice)!;
    seedHtml = readFileSync(seed.path, 'utf8');
    const moved = seedHtml
      .replaceAll(/<p>[^<]*156\.开展“家家有救护员”行动[^<]*<\/p>\s*<p>[^<]*<strong>牵头单位：区红十字会<\/strong><\/p>/g, '')
      .replaceAll('新增婴幼儿成长驿站9个', '新增婴幼儿成长驿站12个');
    await serveHtml(duban.context, MOVED_URL, moved);
    await serveHtml(duban.context, OTHER_HOST_URL, seedHtml);
    page = await openNotice(duban.context, seed.url);
  });
  afterAll(async () => {
    await duban?.close();
  });

  it('mounts exactly 156 overlays, one per item in the visible copy, and marks the page ready', async () => {
    expect(await dubanState(page)).toEqual({ state: 'ready', items: 156 });
    const hosts = await page.evaluate(() =>
      [...document.querySelectorAll('[data-duban-item]')].map((h) => ({
        n: h.getAttribute('data-duban-item'),
        tag: h.localName,
        inPrintCopy: !!h.closest('.print-version'),
      })),
    );
    expect(hosts).toHaveLength(156);
    expect(hosts.map((h) => h.n)).toEqual(Array.from({ length: 156 }, (_, i) => String(i + 1)));
    expect(hosts.every((h) => h.tag === 'duban-item' && !h.inPrintCopy)).toBe(true);
    expect(await page.locator('duban-bar').count()).toBe(1);
    // Every overlay renders its content soon after (those far down in idle time).
    await page.locator('html[data-duban-rendered="156"]').waitFor({ state: 'attached' });
    for (const n of [1, 78, 156]) expect(await shadowExists(page, n, '.overlay select')).toBe(true);
    const t = await page.evaluate(() => {
      const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
      return { ready: at('duban:ready') - at('duban:start'), rendered: at('duban:rendered') - at('duban:start') };
    });
    console.log(`overlays ready ${t.ready.toFixed(1)} ms after the script started; all rendered at ${t.rendered.toFixed(1)} ms`);
    expect(t.ready).toBeGreaterThan(0);
  });

  it('keeps notes from page scripts: every overlay root is closed', async () => {
    const open = await page.evaluate(() =>
      [...document.querySelectorAll('[data-duban-item], duban-bar')].filter((h) => h.shadowRoot !== null).length,
    );
    expect(open).toBe(0);
  });

  it('tags the lead units, the first marked 牵头/汇总', async () => {
    await reveal(page, 1);
    expect(await text(page, 1, '.unit.lead')).toBe('牵头/汇总区政府办公室');
    expect(await shadowEval(page, 1, '.units', 'function () { return this.children.length }')).toBe(3);
  });

  it('saves statuses, notes, dates and progress, and they are all there after a reload', async () => {
    // Status by keyboard: focus the badge, arrow down twice (未开始 → 推进中 → 已完成).
    await reveal(page, 5);
    await shadowFocus(page, 5, 'select');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await value(page, 5, 'select')).toBe('done');
    await reveal(page, 6);
    await shadowFocus(page, 6, 'select');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    expect(await value(page, 6, 'select')).toBe('behind');

    // A multi-line note, typed.
    await reveal(page, 12);
    await shadowFocus(page, 12, 'textarea');
    await page.keyboard.type('已联系区发改经信局');
    await page.keyboard.press('Enter');
    await page.keyboard.type('周五前回复');
    await shadowWaitFor(page, 12, '.save', 'function () { return this.textContent.includes("未保存") || this.textContent.includes("保存中") }');
    await saved(page, 12);

    // A follow-up day in the past: overdue (Shanghai calendar days).
    await reveal(page, 30);
    await typeDate(page, 30, '2024-03-20');
    await page.keyboard.press('Tab');
    await saved(page, 30);
    expect(await shadowExists(page, 30, '.fu-overdue .flag')).toBe(true);

    // Progress far under 序时进度 (the 2024 notice's year is over: 100 %): red.
    await reveal(page, 40);
    await shadowFocus(page, 40, 'input[type=number]');
    await page.keyboard.type('35');
    await page.keyboard.press('Tab');
    await saved(page, 40);
    expect(await shadowExists(page, 40, '.progress.g-behind')).toBe(true);

    await saved(page, 5);
    await saved(page, 6);
    await page.reload();
    await waitReady(page);
    await reveal(page, 5);
    expect(await value(page, 5, 'select')).toBe('done');
    await reveal(page, 6);
    expect(await value(page, 6, 'select')).toBe('behind');
    await reveal(page, 12);
    expect(await value(page, 12, 'textarea')).toBe('已联系区发改经信局\n周五前回复');
    await reveal(page, 30);
    expect(await value(page, 30, 'input[type=date]')).toBe('2024-03-20');
    await reveal(page, 40);
    expect(await value(page, 40, 'input[type=number]')).toBe('35');
    // The bar counts them.
    expect(await barEval<string>(page, '.chip.s-done b', 'function () { return this.textContent }')).toBe('1');
  });

  it('flushes a note typed just before the page goes away (pagehide)', async () => {
    await reveal(page, 60);
    await shadowFocus(page, 60, 'textarea');
    await page.keyboard.type('离开前写的');
    await page.reload(); // well inside the 600 ms debounce
    await waitReady(page);
    await reveal(page, 60);
    expect(await value(page, 60, 'textarea')).toBe('离开前写的');
  });

  it('shows the history of an item: status from → to, note edited, date set', async () => {
    await reveal(page, 5);
    await shadowClick(page, 5, '.history-btn');
    await shadowWaitFor(page, 5, '.history li');
    const lines = await shadowEval<string[]>(page, 5, '.history ol', 'function () { return [...this.children].map((li) => li.textContent) }');
    // Arrowing through the statuses saved once: the history has no step per key.
    expect(lines[0]).toContain('状态：未开始 → 已完成 status: Not started → Done');
    expect(lines.at(-1)).toContain('开始跟踪 started tracking');
    await shadowClick(page, 5, '.history-btn'); // closes
    expect(await shadowExists(page, 5, '.history')).toBe(false);
    await reveal(page, 30);
    await shadowClick(page, 30, '.history-btn');
    await shadowWaitFor(page, 30, '.history li');
    expect(await text(page, 30, '.history ol')).toContain('设定跟进日期 2024-03-20 follow-up set for 2024-03-20');
    await shadowClick(page, 30, '.history-btn');
  });

  it('keeps a second tab on the same notice in step without a reload', async () => {
    const other = await openNotice(duban.context, seed.url);
    await reveal(other, 7);
    expect(await value(other, 7, 'select')).toBe('not_started');
    await reveal(page, 7);
    await shadowFocus(page, 7, 'select');
    await page.keyboard.press('ArrowDown');
    await shadowFocus(page, 7, 'textarea');
    await page.keyboard.type('另一个标签页也能看到');
    await saved(page, 7);
    await shadowWaitFor(other, 7, 'select', 'function () { return this.value === "in_progress" }');
    await shadowWaitFor(other, 7, 'textarea', 'function () { return this.value === "另一个标签页也能看到" }');
    // An item the other tab has not rendered yet comes up to date when it does.
    await reveal(page, 150);
    await shadowFocus(page, 150, 'select');
    await page.keyboard.press('ArrowDown');
    await saved(page, 150);
    await reveal(other, 150);
    await shadowWaitFor(other, 150, 'select', 'function () { return this.value === "in_progress" }');
    await other.close();
  });

  it('opens scrolled to the item a link names (#duban-item-N), its overlay focused', async () => {
    const linked = await openNotice(duban.context, `${seed.url}#duban-item-120`);
    await linked.waitForFunction(() => (document.activeElement as HTMLElement | null)?.dataset.dubanItem === '120');
    const inView = (n: number) =>
      linked.evaluate((k) => {
        const r = document.querySelector(`[data-duban-item="${k}"]`)!.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight;
      }, n);
    expect(await inView(120)).toBe(true);
    // A link to another item of the same tab only changes the hash.
    await linked.evaluate(() => (location.hash = '#duban-item-12'));
    await linked.waitForFunction(() => (document.activeElement as HTMLElement | null)?.dataset.dubanItem === '12');
    expect(await inView(12)).toBe(true);
    await linked.close();
  });

  it('shows a note with markup as text and runs nothing', async () => {
    await reveal(page, 20);
    await shadowFocus(page, 20, 'textarea');
    await page.keyboard.type(XSS);
    await saved(page, 20);
    await page.reload();
    await waitReady(page);
    await reveal(page, 20);
    expect(await value(page, 20, 'textarea')).toBe(XSS);
    expect(await shadowExists(page, 20, 'img')).toBe(false);
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  });

  it('filters items by status and by lead unit, hiding their paragraphs, and jumps to an item', async () => {
    await barClick(page, '.chip.s-done');
    await expect.poll(() => visibleItems(page)).toEqual([5]);
    // The hidden items' own text is hidden too; item 5's is not.
    const hidden = await page.evaluate(() =>
      [...document.querySelectorAll('#zoom p')].filter((p) => !p.checkVisibility()).map((p) => p.textContent?.trim().slice(0, 3)),
    );
    expect(hidden).toContain('1.坚');
    expect(hidden).not.toContain('5.地');
    await barClick(page, '.clear');
    await expect.poll(async () => (await visibleItems(page)).length).toBe(156);

    // By unit: every item that lists 区卫健局.
    const doc = parseHTML(seedHtml).document as unknown as Document;
    const r = recogniseNotice(doc, {});
    const health = r.ok ? r.notice.items.filter((i) => i.units.some((u) => u.name === '区卫健局')).map((i) => i.itemNo) : [];
    expect(health.length).toBeGreaterThan(3);
    await barEval(page, '.unit-filter select', 'function (v) { this.value = v; this.dispatchEvent(new Event("change", { bubbles: true })) }', '区卫健局');
    await expect.poll(() => visibleItems(page)).toEqual(health);
    await barClick(page, '.clear');

    // Jump: type a number, press Enter; the item scrolls into view with its status focused.
    await barFocus(page, '.jump input');
    await page.keyboard.type('120');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-duban-item'))).toBe('120');
    const inView = await page.evaluate(() => {
      const r = document.querySelector('[data-duban-item="120"]')!.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    });
    expect(inView).toBe(true);
    expect(await shadowEval(page, 120, 'select', 'function () { return this.getRootNode().activeElement === this }')).toBe(true);
    // A number the notice does not have says so.
    await barEval(page, '.jump input', 'function () { this.select() }');
    await page.keyboard.type('999');
    await page.keyboard.press('Enter');
    expect(await barEval<string>(page, '.jump .error', 'function () { return this.textContent }')).toContain('999');
  });

  it('reaches every control of a row with the keyboard', async () => {
    await reveal(page, 8);
    await shadowFocus(page, 8, 'select');
    const order: string[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      order.push(
        await shadowEval<string>(page, 8, '.overlay', 'function () { const a = this.getRootNode().activeElement; return a ? a.localName + (a.type ? ":" + a.type : "") : "" }'),
      );
    }
    // The date input takes three Tabs (month, day, year) in Chromium; its segments count as one element.
    expect(order[0]).toBe('input:number');
    expect(order[1]).toBe('input:date');
    expect(order).not.toContain('');
  });

  it('on a moved copy of the notice: lists the orphaned note and says when an item’s text changed', async () => {
    // Notes on items 155 and 156, made on the original page.
    await reveal(page, 155);
    await shadowFocus(page, 155, 'textarea');
    await page.keyboard.type('9 个驿站');
    await saved(page, 155);
    await reveal(page, 156);
    await shadowFocus(page, 156, 'textarea');
    await page.keyboard.type(`红十字会 ${XSS}`);
    await saved(page, 156);

    const moved = await openNotice(duban.context, MOVED_URL);
    expect(await dubanState(moved)).toEqual({ state: 'ready', items: 155 });
    expect(await barEval<string>(moved, '.orphans summary', 'function () { return this.textContent }')).toBe('孤立批注 Orphaned notes (1)');
    const orphan = await barEval<{ text: string; imgs: number }>(
      moved,
      '.orphans',
      'function () { return { text: this.querySelector("li").textContent, imgs: this.querySelectorAll("img").length } }',
    );
    expect(orphan.text).toContain(`#156`);
    expect(orphan.text).toContain(XSS);
    expect(orphan.imgs).toBe(0);
    await reveal(moved, 155);
    expect(await text(moved, 155, '.changed strong')).toContain('原文已更改');
    expect(await value(moved, 155, 'textarea')).toBe('9 个驿站');
    expect(await moved.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    await barEval(moved, '.orphans', 'function () { this.open = true }');
    await moved.evaluate(() => window.scrollTo(0, document.querySelector('duban-bar')!.getBoundingClientRect().top + scrollY - 60));
    await screenshot(moved, 'overlay-orphans-light');
    await moved.emulateMedia({ colorScheme: 'dark' });
    await screenshot(moved, 'overlay-orphans-dark');
    await moved.close();
  });

  it('saves screenshots in light and dark', async () => {
    await reveal(page, 5);
    await shadowClick(page, 5, '.history-btn');
    await shadowWaitFor(page, 5, '.history li');
    await page.evaluate(() => document.querySelector('[data-duban-item="5"]')!.scrollIntoView({ block: 'start' }));
    await page.evaluate(() => scrollBy(0, -200));
    await screenshot(page, 'overlay-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'overlay-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });
});

describe('pages that are not the notice', () => {
  let duban: Duban;
  let seeds: SeedPage[];

  beforeAll(async () => {
    duban = await launchDuban();
    seeds = await serveSeeds(duban.context);
    await serveHtml(duban.context, OTHER_HOST_URL, readFileSync(seeds.find((s) => s.notice)!.path, 'utf8'));
  });
  afterAll(async () => {
    await duban?.close();
  });

  it('marks the official non-notice page "none" and adds nothing', async () => {
    const page = await openNotice(duban.context, seeds.find((s) => !s.notice)!.url);
    expect((await dubanState(page)).state).toBe('none');
    expect(await page.locator('[data-duban-item], duban-bar, style[data-duban]').count()).toBe(0);
    await page.close();
  });

  it('leaves the notice alone when another host serves it', async () => {
    const page = await duban.context.newPage();
    const s = await duban.context.newCDPSession(page);
    const origins: string[] = [];
    s.on('Runtime.executionContextCreated', (e) => origins.push(e.context.origin));
    await s.send('Runtime.enable');
    await page.goto(OTHER_HOST_URL, { waitUntil: 'load' });
    await page.waitForTimeout(1000);
    expect(await dubanState(page)).toEqual({ state: null, items: null });
    expect(await page.locator('[data-duban-item], duban-bar').count()).toBe(0);
    expect(origins).not.toContain(`chrome-extension://${duban.extensionId}`);
    await page.close();
  });
});
