// Smoke test of the e2e harness itself, plus the first real check that duban runs on a notice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import {
  dubanState,
  launchDuban,
  openNotice,
  screenshot,
  serveHtml,
  serveSeeds,
  type Duban,
  type SeedPage,
} from './harness';
import { shadowBox, shadowClick, shadowEval, shadowExists, shadowFocus, shadowWaitFor } from './shadow';

// A page whose own script builds CLOSED shadow roots shaped like duban's overlays.
// Item 1 lies below the fold (so clicking must scroll); #veil is moved over item 2 later.
const TINY_URL = 'https://harness.invalid/closed-shadow.html';
const TINY = `<!doctype html><meta charset="utf-8"><title>closed shadow</title>
<body style="margin:0">
<div style="height:1600px">spacer</div>
<div id="h1" data-duban-item="1"></div>
<div id="h2" data-duban-item="2"></div>
<div id="veil" style="position:absolute;top:0;left:0;width:100%;height:10px"></div>
<script>
  for (const id of ['h1', 'h2']) {
    const root = document.getElementById(id).attachShadow({ mode: 'closed' });
    root.innerHTML = '<button class="go">督办</button><span class="out">未点击</span><textarea class="note"></textarea>';
    root.querySelector('.go').addEventListener('click', () => { root.querySelector('.out').textContent = '已点击'; });
  }
</script>`;

describe('e2e harness', () => {
  let duban: Duban;
  let page: Page;

  beforeAll(async () => {
    duban = await launchDuban();
    await serveHtml(duban.context, TINY_URL, TINY);
    page = await duban.context.newPage();
    await page.goto(TINY_URL);
  });
  afterAll(async () => {
    await duban?.close();
  });

  it('loads the extension with a service worker and a 32-letter a–p id', () => {
    expect(duban.context.serviceWorkers().length).toBeGreaterThan(0);
    expect(duban.extensionId).toMatch(/^[a-p]{32}$/);
  });

  it('page scripts cannot see into the closed roots, the CDP helpers can', async () => {
    expect(await page.evaluate(() => document.getElementById('h1')!.shadowRoot)).toBeNull();
    expect(await shadowExists(page, 1, 'button.go')).toBe(true);
    expect(await shadowExists(page, 1, '.missing')).toBe(false);
    expect(await shadowExists(page, 99, 'button')).toBe(false);
  });

  it('shadowClick scrolls into view and really clicks', async () => {
    expect(await page.evaluate(() => scrollY)).toBe(0);
    await shadowClick(page, 1, 'button.go');
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(0);
    await shadowWaitFor(page, 1, '.out', function (this: Element) {
      return this.textContent === '已点击';
    });
    expect(await shadowEval(page, 2, '.out', 'function () { return this.textContent }')).toBe('未点击');
    const b = await shadowBox(page, 1, 'button.go');
    expect(b.width).toBeGreaterThan(0);
    expect(b.height).toBeGreaterThan(0);
  });

  it('shadowClick refuses a point covered by another element', async () => {
    await page.evaluate(() => {
      const h2 = document.getElementById('h2')!.getBoundingClientRect();
      const veil = document.getElementById('veil')!;
      veil.style.top = `${h2.top + scrollY}px`;
      veil.style.height = `${h2.height}px`;
    });
    await expect(shadowClick(page, 2, 'button.go')).rejects.toThrow(/covered by <div id="veil"/);
    expect(await shadowEval(page, 2, '.out', 'function () { return this.textContent }')).toBe('未点击');
  });

  it('shadowFocus + keyboard.type fills a textarea, shadowEval reads it back', async () => {
    await shadowFocus(page, 1, 'textarea.note');
    await page.keyboard.type('已联系街道，周五前回复');
    expect(await shadowEval(page, 1, 'textarea.note', 'function () { return this.value }')).toBe(
      '已联系街道，周五前回复',
    );
    expect(await shadowEval(page, 1, 'textarea.note', 'function (a) { return this.getAttribute(a) }', 'class')).toBe(
      'note',
    );
  });

  it('openNotice waits for the ready marker, whoever sets it', async () => {
    // Not a duban URL: this page's own script plays the content script's part.
    const url = 'https://harness.invalid/marker.html';
    await serveHtml(
      duban.context,
      url,
      `<p>late</p><script>setTimeout(() => { document.documentElement.dataset.dubanItems = '3';
        document.documentElement.dataset.duban = 'ready'; }, 300);</script>`,
    );
    const p = await openNotice(duban.context, url);
    expect(await dubanState(p)).toEqual({ state: 'ready', items: 3 });
    await p.close();
  });

  it('openNotice fails with the state and page errors when no marker comes', async () => {
    const url = 'https://harness.invalid/never.html';
    await serveHtml(duban.context, url, `<script>throw new Error('boom')</script>`);
    await expect(openNotice(duban.context, url, { timeout: 1500 })).rejects.toThrow(
      /did not mark .*never\.html ready\/none within 1500 ms \(data-duban=null\); page errors:\n.*boom/,
    );
  });

  it('screenshot writes artifacts/screenshots/<name>.png', async () => {
    const path = await screenshot(page, 'harness-closed-shadow');
    expect(path).toMatch(/artifacts\/screenshots\/harness-closed-shadow\.png$/);
    expect(readFileSync(path).subarray(1, 4).toString()).toBe('PNG');
  });

  it('aborts requests to any non-served remote URL', async () => {
    const p = await duban.context.newPage();
    await expect(p.goto('https://www.gongshu.gov.cn/not-served.html')).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
    await p.close();
  });
});

describe('duban on the seed pages', () => {
  let duban: Duban;
  let seeds: SeedPage[];

  beforeAll(async () => {
    duban = await launchDuban();
    seeds = await serveSeeds(duban.context);
  });
  afterAll(async () => {
    await duban?.close();
  });

  it('serves every seed page at its official URL', async () => {
    expect(seeds.some((s) => s.notice)).toBe(true);
    for (const s of seeds) {
      const p = await duban.context.newPage();
      const res = await p.goto(s.url, { waitUntil: 'domcontentloaded' });
      expect(res?.status()).toBe(200);
      expect(res?.headers()['content-type']).toContain('text/html');
      await p.close();
    }
  });

  it('injects the content script at the official notice URL', async () => {
    // Independent of what the script does: its isolated world exists in the page.
    const notice = seeds.find((s) => s.notice)!;
    const page = await duban.context.newPage();
    await page.goto(notice.url, { waitUntil: 'load' });
    const s = await duban.context.newCDPSession(page);
    const origins: string[] = [];
    s.on('Runtime.executionContextCreated', (e) => origins.push(e.context.origin));
    await s.send('Runtime.enable'); // replays the contexts that already exist
    expect(origins).toContain(`chrome-extension://${duban.extensionId}`);
    await page.close();
  });

  it('marks the notice page ready with at least one overlay', async () => {
    const notice = seeds.find((s) => s.notice)!;
    const page = await openNotice(duban.context, notice.url);
    const { state, items } = await dubanState(page);
    expect(state).toBe('ready');
    expect(items).toBeGreaterThan(0);
    expect(await page.locator('[data-duban-item]').count()).toBe(items);
    expect(await shadowExists(page, 1, 'button.edit')).toBe(true);
    // duban's one editor frame loads once the rows are ready.
    await page.locator('[data-duban-editor="ready"]').waitFor({ state: 'attached' });
    await page.close();
  });

  it('marks a non-notice page "none"', async () => {
    const other = seeds.find((s) => !s.notice)!;
    const page = await openNotice(duban.context, other.url);
    expect((await dubanState(page)).state).toBe('none');
    expect(await page.locator('[data-duban-item]').count()).toBe(0);
    await page.close();
  });
});
