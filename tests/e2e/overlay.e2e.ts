// The overlay on the official notice, end to end: Debian Chromium + the built extension
// (`npx wxt build` first), the seed pages served at their official URLs.
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recogniseNotice } from '../../lib/notice/recognise';
import { dubanState, launchDuban, openNotice, screenshot, serveHtml, serveSeeds, type Duban, type SeedPage } from './harness';
import {
  arrowStatus,
  closeEditor,
  editorFrame,
  editorHistory,
  editorSaved,
  field,
  itemInEditor,
  openEditor,
  recordSaveStates,
  reveal,
  rowLabel,
  rowStatus,
  shownAt,
  typeDay,
} from './editor';
import { barClick, barEval, barFocus, barLabel, visibleItems, waitReady } from './overlay-helpers';
import { shadowEval, shadowExists, shadowFocus } from './shadow';

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
    // Plain elements: a page that defines a custom element of duban's name gets no handle on them.
    expect(hosts.every((h) => h.tag === 'div' && !h.inPrintCopy)).toBe(true);
    expect(await page.locator('[data-duban-bar]').count()).toBe(1);
    // Every overlay renders its content soon after (those far down in idle time).
    await page.locator('html[data-duban-rendered="156"]').waitFor({ state: 'attached' });
    for (const n of [1, 78, 156]) expect(await shadowExists(page, n, '.overlay button.edit')).toBe(true);
    const t = await page.evaluate(() => {
      const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
      return { ready: at('duban:ready') - at('duban:start'), rendered: at('duban:rendered') - at('duban:start') };
    });
    console.log(`overlays ready ${t.ready.toFixed(1)} ms after the script started; all rendered at ${t.rendered.toFixed(1)} ms`);
    expect(t.ready).toBeGreaterThan(0);
  });

  it('keeps notes from page scripts: every overlay root is closed', async () => {
    await page.locator('[data-duban-editor="ready"]').waitFor({ state: 'attached' });
    const roots = await page.evaluate(() =>
      [...document.querySelectorAll('[data-duban-item], [data-duban-bar], [data-duban-handle], [data-duban-editor]')].map((h) => h.shadowRoot),
    );
    expect(roots).toHaveLength(159);
    expect(roots.every((r) => r === null)).toBe(true);
  });

  it('has every row in view drawn when it marks the page ready, however many items the window shows', async () => {
    const tall = await duban.context.newPage();
    // Tall enough to show the notice's first dozen or so items under the site's header.
    const height = 4000;
    await tall.setViewportSize({ width: 1280, height });
    // At the moment duban says ready, the page notes where each host is and stops in the
    // debugger, and DevTools (which sees into closed roots) reads which hosts hold a drawn row.
    await tall.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.documentElement.getAttribute('data-duban') !== 'ready') return;
        observer.disconnect();
        (window as unknown as { atReady: unknown }).atReady = [...document.querySelectorAll<HTMLElement>('[data-duban-item]')].map((h) => {
          const r = h.getBoundingClientRect();
          return { key: h.dataset.dubanItem, top: r.top, bottom: r.bottom };
        });
        // eslint-disable-next-line no-debugger
        debugger;
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-duban'] });
    });
    type DomNode = { attributes?: string[]; children?: DomNode[]; shadowRoots?: DomNode[]; nodeName: string };
    const cdp = await duban.context.newCDPSession(tall);
    const drawn = new Promise<Map<string, boolean>>((resolve) => {
      cdp.on('Debugger.paused', async () => {
        const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
        const hosts = new Map<string, boolean>();
        const visit = (n: DomNode) => {
          const at = n.attributes?.indexOf('data-duban-item') ?? -1;
          // A drawn row is an element in the host's root; a host not drawn yet holds nothing.
          if (at >= 0) hosts.set(n.attributes![at + 1]!, (n.shadowRoots?.[0]?.children ?? []).some((c) => !c.nodeName.startsWith('#')));
          for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) visit(c);
        };
        visit(root);
        await cdp.send('Debugger.resume');
        resolve(hosts);
      });
    });
    await cdp.send('DOM.enable');
    await cdp.send('Debugger.enable');
    await tall.goto(seed.url, { waitUntil: 'domcontentloaded' });
    const hosts = await drawn;
    await waitReady(tall);
    const atReady = await tall.evaluate(() => (window as unknown as { atReady: { key: string; top: number; bottom: number }[] }).atReady);
    expect(atReady).toHaveLength(156);
    expect(hosts.size).toBe(156);
    const inView = atReady.filter((h) => h.top < height && h.bottom >= 0).map((h) => h.key);
    expect(inView.length).toBeGreaterThan(8);
    expect(inView.filter((key) => !hosts.get(key))).toEqual([]);
    // The check could see a host not drawn yet: those far below are drawn later, in idle time.
    expect([...hosts.values()].some((d) => !d)).toBe(true);
    await cdp.detach();
    await tall.close();
  });

  it('tags the lead units, the first marked 牵头/汇总', async () => {
    await reveal(page, 1);
    expect(await shadowEval(page, 1, '.unit.lead', 'function () { return this.textContent }')).toBe('牵头/汇总区政府办公室');
    expect(await shadowEval(page, 1, '.units', 'function () { return this.children.length }')).toBe(3);
  });

  it('saves statuses, notes, dates and progress, and they are all there after a reload', async () => {
    // Status by keyboard in the editor: focus the select, arrow down twice (未开始 → 推进中 → 已完成).
    let frame = await openEditor(page, 5);
    await arrowStatus(page, frame, 2);
    expect(await frame.locator('#ed-status').inputValue()).toBe('done');
    await editorSaved(frame);
    await expect.poll(() => rowLabel(page, 5, 'status')).toBe('已完成');
    frame = await openEditor(page, 6);
    await arrowStatus(page, frame, 3);
    expect(await frame.locator('#ed-status').inputValue()).toBe('behind');
    await editorSaved(frame);

    // A multi-line note, typed: the editor says it is saving, then saved.
    frame = await openEditor(page, 12);
    const states = await recordSaveStates(frame);
    await page.keyboard.type('已联系区发改经信局');
    await page.keyboard.press('Enter');
    await page.keyboard.type('周五前回复');
    await editorSaved(frame);
    expect((await states()).some((s) => s === 'saving' || s === 'unsaved')).toBe(true);
    expect((await states()).at(-1)).toBe('saved');
    // The row shows it on one line.
    await expect.poll(() => rowLabel(page, 12, 'note')).toBe('已联系区发改经信局 周五前回复');

    // A follow-up day in the past: overdue (Shanghai calendar days).
    frame = await openEditor(page, 30);
    await typeDay(page, frame, '2024-03-20');
    await page.keyboard.press('Tab');
    await editorSaved(frame);
    expect(await frame.locator('.followup-field.fu-overdue .flag').count()).toBe(1);
    await expect.poll(() => rowLabel(page, 30, 'followup')).toBe('跟进 2024-03-20 · 已逾期');
    expect(await shadowExists(page, 30, '.followup.fu-overdue')).toBe(true);

    // Progress far under 序时进度 (the 2024 notice's year is over: 100 %): red.
    frame = await openEditor(page, 40);
    await field(frame, 'progress');
    await page.keyboard.type('35');
    await page.keyboard.press('Tab');
    await editorSaved(frame);
    expect(await frame.locator('.progress-field.g-behind').count()).toBe(1);
    await expect.poll(() => rowLabel(page, 40, 'progress')).toBe('进度 35% / 序时 100%');
    expect(await shadowExists(page, 40, '.progress.g-behind')).toBe(true);
    await closeEditor(page);

    await page.reload();
    await waitReady(page);
    await reveal(page, 5);
    expect(await rowStatus(page, 5)).toBe('done');
    expect(await rowLabel(page, 5, 'status')).toBe('已完成');
    expect((await itemInEditor(page, 5)).status).toBe('done');
    await reveal(page, 6);
    expect(await rowLabel(page, 6, 'status')).toBe('滞后');
    expect((await itemInEditor(page, 6)).status).toBe('behind');
    await reveal(page, 12);
    expect(await rowLabel(page, 12, 'note')).toBe('已联系区发改经信局 周五前回复');
    expect((await itemInEditor(page, 12)).note).toBe('已联系区发改经信局\n周五前回复');
    await reveal(page, 30);
    expect(await rowLabel(page, 30, 'followup')).toContain('2024-03-20');
    expect((await itemInEditor(page, 30)).followup).toBe('2024-03-20');
    await reveal(page, 40);
    expect(await rowLabel(page, 40, 'progress')).toContain('35%');
    expect((await itemInEditor(page, 40)).progress).toBe('35');
    // The bar counts them.
    expect(await barLabel(page, '.chip.s-done b')).toBe('1');
    expect(await barLabel(page, '.chip.s-behind b')).toBe('1');
  });

  it('flushes a note typed just before the page goes away (pagehide)', async () => {
    await openEditor(page, 60);
    await page.keyboard.type('离开前写的');
    await page.reload(); // at once, without leaving the field
    await waitReady(page);
    await reveal(page, 60);
    expect(await rowLabel(page, 60, 'note')).toBe('离开前写的');
    expect((await itemInEditor(page, 60)).note).toBe('离开前写的');
  });

  it('shows the history of an item: status from → to, note edited, date set', async () => {
    let frame = await openEditor(page, 5);
    const lines = await editorHistory(frame);
    const steps = lines.filter((l) => l.startsWith('状态：'));
    expect(lines[0]).toMatch(/^状态：.* → 已完成$/);
    expect(steps.at(-1)).toMatch(/^状态：未开始 → /);
    expect(lines.at(-1)).toBe('开始跟踪');
    // One language: no English beside it.
    expect(await frame.locator('details.history ol.timeline li .change').first().textContent()).not.toMatch(/[A-Za-z]/);
    frame = await openEditor(page, 30);
    expect(await editorHistory(frame)).toContain('设定跟进日期 2024-03-20');
    await closeEditor(page);
    // Arrowing through the statuses is one change: the history has no step per key.
    expect(steps).toEqual(['状态：未开始 → 已完成']);
  });

  it('keeps a second tab on the same notice in step without a reload', async () => {
    const other = await openNotice(duban.context, seed.url);
    await reveal(other, 7);
    expect(await rowStatus(other, 7)).toBe('not_started');
    const frame = await openEditor(page, 7);
    await arrowStatus(page, frame, 1);
    await frame.locator('#ed-note').focus();
    await page.keyboard.type('另一个标签页也能看到');
    await editorSaved(frame);
    await expect.poll(() => rowStatus(other, 7)).toBe('in_progress');
    await expect.poll(() => rowLabel(other, 7, 'note')).toBe('另一个标签页也能看到');
    // The other tab's editor has it too.
    expect(await itemInEditor(other, 7)).toMatchObject({ status: 'in_progress', note: '另一个标签页也能看到' });
    // An item the other tab has not rendered yet comes up to date when it does.
    const f150 = await openEditor(page, 150);
    await arrowStatus(page, f150, 1);
    await editorSaved(f150);
    await closeEditor(page);
    await reveal(other, 150);
    await expect.poll(() => rowStatus(other, 150)).toBe('in_progress');
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
    await openEditor(page, 20);
    await page.keyboard.type(XSS);
    await editorSaved(editorFrame(page));
    await page.reload();
    await waitReady(page);
    await reveal(page, 20);
    expect(await rowLabel(page, 20, 'note')).toBe(XSS);
    expect(await shadowExists(page, 20, 'img')).toBe(false);
    const frame = await openEditor(page, 20);
    expect(await frame.locator('#ed-note').inputValue()).toBe(XSS);
    expect(await frame.locator('img').count()).toBe(0);
    expect(await frame.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    await closeEditor(page);
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
    const health = r.ok ? r.notice.items.filter((i) => i.units.some((u) => u.name === '区卫健局')).map((i) => i.number) : [];
    expect(health.length).toBeGreaterThan(3);
    await barEval(page, '.unit-filter select', 'function (v) { this.value = v; this.dispatchEvent(new Event("change", { bubbles: true })) }', '区卫健局');
    await expect.poll(() => visibleItems(page)).toEqual(health);
    // A longer name chosen shows whole, its count too, beside the menu's arrow.
    await barEval(page, '.unit-filter select', 'function (v) { this.value = v; this.dispatchEvent(new Event("change", { bubbles: true })) }', '区政府各部门');
    const room = await barEval<{ text: string; need: number; have: number }>(page, '.unit-filter select', `function () {
      const ctx = document.createElement('canvas').getContext('2d');
      ctx.font = getComputedStyle(this).font;
      const text = this.options[this.selectedIndex].text;
      return { text, need: ctx.measureText(text).width, have: this.clientWidth };
    }`);
    expect(room.text).toMatch(/^区政府各部门/);
    expect(room.have - room.need).toBeGreaterThanOrEqual(16);
    await screenshot(page, 'bar-unit-chosen');
    await barClick(page, '.clear');

    // Jump: type a number, press Enter; the item scrolls into view with its Edit button focused.
    await barFocus(page, '.jump input');
    await page.keyboard.type('120');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-duban-item'))).toBe('120');
    const inView = await page.evaluate(() => {
      const r = document.querySelector('[data-duban-item="120"]')!.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    });
    expect(inView).toBe(true);
    expect(await shadowEval(page, 120, 'button.edit', 'function () { return this.getRootNode().activeElement === this }')).toBe(true);
    // Enter there opens the editor at that item, the keyboard in its note.
    await page.keyboard.press('Enter');
    await shownAt(page, 120);
    await closeEditor(page, 'escape');
    // A number the notice does not have says so.
    await barEval(page, '.jump input', 'function () { this.select() }');
    await page.keyboard.type('999');
    await page.keyboard.press('Enter');
    expect(await barEval<string>(page, '.jump .error', 'function () { return this.textContent }')).toContain('999');
    // Full-width digits, as a Chinese input method types them, find the item too.
    await barEval(page, '.jump input', 'function () { this.select() }');
    await page.keyboard.insertText('１２');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-duban-item'))).toBe('12');
    expect(await barEval<number>(page, '.jump .error', 'function () { return 1 }').catch(() => 0)).toBe(0);
  });

  it('keeps keys pressed on a row from the page’s own shortcuts, drawn at ready or later', async () => {
    await page.evaluate(() => {
      const w = window as unknown as { __heard: string[] };
      w.__heard = [];
      document.addEventListener('keydown', (e) => w.__heard.push(e.key));
    });
    const heard = () => page.evaluate(() => (window as unknown as { __heard: string[] }).__heard);
    // The page's listener works: a key pressed on the page reaches it.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('q');
    expect(await heard()).toEqual(['q']);
    // Item 140 is far below the first screen: its row is drawn as it comes near.
    for (const item of [3, 140]) {
      await reveal(page, item);
      await shadowFocus(page, item, 'button.edit');
      await page.keyboard.press('j');
    }
    expect(await heard()).toEqual(['q']);
  });

  it('reaches every control with the keyboard: the row’s Edit, every editor field, Escape back to the row', async () => {
    await reveal(page, 8);
    await shadowFocus(page, 8, 'button.edit');
    await page.keyboard.press('Enter');
    const frame = await shownAt(page, 8);
    const active = () =>
      frame.evaluate(() => {
        const a = document.activeElement as HTMLInputElement | null;
        return a && a !== document.body ? a.localName + (a.type ? `:${a.type}` : '') : '';
      });
    await frame.locator('#ed-status').focus();
    const order: string[] = [];
    while (order.length < 8 && order.at(-1) !== 'textarea:textarea') {
      await page.keyboard.press('Tab');
      order.push(await active());
    }
    // The date input takes several Tabs in Chromium (its segments and picker); they count as one element.
    expect([...new Set(order)]).toEqual(['input:number', 'input:date', 'textarea:textarea']);
    expect(order).not.toContain('');
    // Escape closes the editor and gives the keyboard back to the row's Edit button.
    await closeEditor(page, 'escape');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-duban-item'))).toBe('8');
    expect(await shadowEval(page, 8, 'button.edit', 'function () { return this.getRootNode().activeElement === this }')).toBe(true);
  });

  it('on a moved copy of the notice: lists the orphaned note and says when an item’s text changed', async () => {
    // Notes on items 155 and 156, made on the original page.
    let frame = await openEditor(page, 155);
    await page.keyboard.type('9 个驿站');
    await editorSaved(frame);
    frame = await openEditor(page, 156);
    await page.keyboard.type(`红十字会 ${XSS}`);
    await editorSaved(frame);
    await closeEditor(page);

    const moved = await openNotice(duban.context, MOVED_URL);
    expect(await dubanState(moved)).toEqual({ state: 'ready', items: 155 });
    expect(await barLabel(moved, 'button.orphans')).toBe('孤立批注（1）');
    await moved.locator('[data-duban-editor="ready"]').waitFor({ state: 'attached' });
    await barClick(moved, 'button.orphans');
    await moved.locator('[data-duban-editor-open="orphans"]').waitFor({ state: 'attached' });
    const orphans = editorFrame(moved);
    await orphans.locator('section.orphans li').first().waitFor();
    const orphan = await orphans.locator('section.orphans').evaluate((s) => ({
      items: s.querySelectorAll('li').length,
      text: s.querySelector('li')!.textContent,
      imgs: s.querySelectorAll('img').length,
    }));
    expect(orphan.items).toBe(1);
    expect(orphan.text).toContain('#156');
    // What item 156 was: the notice's words, as stored.
    const seedDoc = parseHTML(seedHtml).document as unknown as Document;
    const seedParse = recogniseNotice(seedDoc, {});
    const text156 = seedParse.ok ? seedParse.notice.items.find((i) => i.key === '156')!.text : '?';
    expect(orphan.text).toContain(text156.slice(0, 20));
    expect(orphan.text).toContain(XSS);
    expect(orphan.imgs).toBe(0);
    await moved.evaluate(() => window.scrollTo(0, document.querySelector('[data-duban-bar]')!.getBoundingClientRect().top + scrollY - 60));
    await screenshot(moved, 'overlay-orphans-light');
    await moved.emulateMedia({ colorScheme: 'dark' });
    await screenshot(moved, 'overlay-orphans-dark');
    await moved.emulateMedia({ colorScheme: 'light' });
    await closeEditor(moved);

    await reveal(moved, 155);
    expect(await rowLabel(moved, 155, 'changed')).toContain('原文已更改');
    expect(await rowLabel(moved, 155, 'note')).toBe('9 个驿站');
    frame = await openEditor(moved, 155);
    expect(await frame.locator('#ed-note').inputValue()).toBe('9 个驿站');
    expect(await frame.locator('.changed').textContent()).toContain('原文已更改');
    await closeEditor(moved);
    expect(await moved.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    await moved.close();
  });

  it('saves screenshots in light and dark', async () => {
    const frame = await openEditor(page, 5);
    await editorHistory(frame);
    await page.evaluate(() => document.querySelector('[data-duban-item="5"]')!.scrollIntoView({ block: 'start' }));
    await page.evaluate(() => scrollBy(0, -200));
    await screenshot(page, 'overlay-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'overlay-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await closeEditor(page);
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
    expect(await page.locator('[data-duban-item], [data-duban-bar], [data-duban-editor], style[data-duban]').count()).toBe(0);
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
    expect(await page.locator('[data-duban-item], [data-duban-bar], [data-duban-editor]').count()).toBe(0);
    expect(origins).not.toContain(`chrome-extension://${duban.extensionId}`);
    await page.close();
  });
});
