// Issue 15, "a user's first week": each point a newcomer tripped on, checked as they would meet it,
// with a screenshot in artifacts/first-week/<point>.png.
import 'fake-indexeddb/auto'; // only to write the colleague's file with duban's own export
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { createService } from '../../entrypoints/background/router';
import { saveAnnotation } from '../../lib/db/annotations';
import { readSnapshot } from '../../lib/db/transfer-store';
import { buildTransferFile, serializeTransferFile } from '../../lib/transfer/export-json';
import { dispose, freshDb, SEED_KEY, seedNotice } from '../../lib/transfer/test/fixtures';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { addDays, shanghaiDayOf } from '../../lib/annotation/shanghai-time';
import { recogniseNotice } from '../../lib/notice/recognise';
import { sendFromPage } from './db';
import { extensionPage, launchDuban, noticeSeed, openNotice, openPopup, ROOT, serveHtml, serveSeeds, type Duban } from './harness';
import { barEval, barLabel } from './overlay-helpers';
import { closeEditor, openEditor, reveal, rowLabel } from './editor';
import { shadowBox, shadowEval } from './shadow';

const OUT = join(ROOT, 'artifacts/first-week');
mkdirSync(OUT, { recursive: true });

describe('first week', () => {
  it('1: npm start says the items were recognised, and how many are annotated (none yet)', async () => {
    const env = { ...process.env };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'scripts/start.ts'], { cwd: ROOT, env, timeout: 110_000 });
    const last = stdout.trim().split('\n').at(-1) ?? '';
    expect(last).toMatch(/156 items recognised/);
    expect(last).toMatch(/\b0 annotated\b/);
    expect(last).not.toMatch(/items annotated/);
    copyFileSync(join(ROOT, 'artifacts/start/notice.png'), join(OUT, '1.png'));
  });
});

/** A colleague's JSON file: 8 of the seed's 156 items annotated, item 5 explicitly 未开始. */
async function colleaguesFile(): Promise<string> {
  const db = await freshDb('first-week');
  const now = Date.now();
  const notice = seedNotice();
  await createService(db, () => now - 10_000).handle('openNotice', notice);
  const statuses = ['in_progress', 'done', 'behind', 'paused', 'not_started', 'in_progress', 'done', 'in_progress'] as const;
  for (const [i, status] of statuses.entries()) {
    const item = notice.items[i];
    await saveAnnotation(db, { noticeKey: SEED_KEY, itemKey: item.key, fingerprint: item.fingerprint, status, note: `第 ${i + 1} 项的进展` }, now - 5000 + i);
  }
  const { file } = buildTransferFile(await readSnapshot(db), now);
  await dispose(db);
  const path = join(mkdtempSync(join(tmpdir(), 'duban-first-week-')), 'colleague.json');
  writeFileSync(path, serializeTransferFile(file));
  return path;
}

describe('first week: a profile minutes old imports a colleague\'s file', () => {
  let duban: Duban;
  let popup: Page;
  beforeAll(async () => {
    const file = await colleaguesFile();
    duban = await launchDuban();
    popup = await openPopup(duban);
    const [chooser] = await Promise.all([popup.waitForEvent('filechooser'), popup.locator('[data-action="choose-import"]').click()]);
    await chooser.setFiles(file);
    await popup.locator('[data-action="apply-import"]').click();
    await popup.locator('[data-testid="import-done"]').waitFor();
    await popup.close();
    popup = await openPopup(duban);
  });
  afterAll(() => duban?.close());

  it('3: the backup reminder says there was never a backup, and claims no 30 days', async () => {
    const backup = popup.locator('[data-testid="backup"]');
    const text = await backup.innerText();
    expect(text).toContain('尚未导出过备份');
    expect(text).toContain('卸载扩展会删除全部批注');
    expect(text).not.toContain('30 天');
    await backup.screenshot({ path: join(OUT, '3.png') });
  });

  it('4: the counts are of the notice\'s 156 items, the rest not started, of which those nobody updated are named as the report names them', async () => {
    const notice = popup.locator('section.notice').first();
    expect(await notice.locator('.count-line').innerText()).toBe('已批注 8 / 156 项');
    // 148 items the file did not carry, and item 5 set to 未开始.
    expect(await notice.locator('b[data-status="not_started"]').innerText()).toBe('149');
    // Of those, the 148 nobody updated: what the overview and the report count as 暂无进展.
    expect(await notice.locator('[data-testid="no-update"]').innerText()).toBe('含暂无进展 148');
    expect(await notice.locator('b[data-status="in_progress"]').innerText()).toBe('3');
    await notice.screenshot({ path: join(OUT, '4.png') });
  });

  it('10: with one notice, one set of export buttons', async () => {
    expect(await popup.locator('[data-export="json"]').count()).toBe(1);
    expect(await popup.getByText('导出此通知').count()).toBe(0);
    await popup.screenshot({ path: join(OUT, '10.png'), fullPage: true });
  });
});

describe('first week: on the notice page', () => {
  let duban: Duban;
  let page: Page;
  const today = shanghaiDayOf(Date.now());
  beforeAll(async () => {
    duban = await launchDuban();
    await serveSeeds(duban.context);
    const { url } = noticeSeed();
    page = await openNotice(duban.context, url);
    const r = recogniseNotice(parseHTML(readFileSync(join(ROOT, 'seeds/gongshu-2024-2.html'), 'utf8')).document as unknown as Document, { url });
    if (!r.ok) throw new Error(r.reason);
    const ext = await extensionPage(duban.context, duban.extensionId, 'popup.html');
    const edits: Record<string, Record<string, unknown>> = {
      '3': { status: 'in_progress', followUp: addDays(today, -2) },
      '7': { status: 'behind', followUp: addDays(today, -1) },
      '9': { status: 'in_progress', followUp: addDays(today, 3) }, // coming, not overdue
      '12': { status: 'done', followUp: addDays(today, -5) }, // done: no longer followed up
      '20': { status: 'not_started', note: '待启动' }, // not started, but updated
    };
    for (const [itemKey, edit] of Object.entries(edits)) {
      const item = r.notice.items.find((i) => i.key === itemKey)!;
      const saved = await sendFromPage(ext, 'saveAnnotation', { noticeKey: '拱政办发〔2024〕2号@www.gongshu.gov.cn', itemKey, fingerprint: item.fingerprint, ...edit });
      expect(saved.ok).toBe(true);
    }
    await ext.close();
    await page.bringToFront();
    await page.reload();
    await page.locator('html[data-duban="ready"]').waitFor({ state: 'attached' });
  });
  afterAll(() => duban?.close());

  const visible = () =>
    page.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-duban-item]')].filter((h) => h.checkVisibility()).map((h) => h.dataset.dubanItem));

  it('8: the bar\'s 逾期 is reached by Tab and filters to the overdue items', async () => {
    const focused = () => barEval<boolean>(page, 'button.overdue', 'function () { return this.getRootNode().activeElement === this }');
    await page.locator('body').focus();
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await focused();
    }
    expect(reached).toBe(true);
    expect(await barEval(page, 'button.overdue', 'function () { return this.getAttribute("data-label") }')).toBe('逾期 2');
    await page.keyboard.press('Enter');
    await expect.poll(visible).toEqual(['3', '7']);
    expect(await barEval(page, 'button.overdue', 'function () { return this.getAttribute("aria-pressed") }')).toBe('true');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(OUT, '8.png') });
    await page.keyboard.press('Enter'); // pressed again: every item again
    await expect.poll(async () => (await visible()).length).toBe(156);
  });

  it('4: the bar’s 未开始 says how many of its items nobody updated, as the popup does', async () => {
    expect(await barLabel(page, '.chip.s-not_started b')).toBe('152');
    expect(await barLabel(page, '.chip.s-not_started .of-which')).toBe('含暂无进展 151');
  });

  it('9: progress 150 is refused in words beside the field, which stay after leaving it', async () => {
    const frame = await openEditor(page, 30);
    await frame.locator('#ed-progress').click();
    await page.keyboard.type('150');
    await page.keyboard.press('Tab'); // on to the follow-up day
    const msg = frame.locator('#ed-progress-msg');
    expect(await msg.innerText()).toBe('“150”不是 0–100 之间的整数，未保存');
    expect(await msg.evaluate((e) => getComputedStyle(e).display !== 'none' && e.getBoundingClientRect().width > 0)).toBe(true);
    await page.locator('[data-duban-editor-open="30"]').screenshot({ path: join(OUT, '9.png') });
    await closeEditor(page);
  });

  it('a progress refused on one item is not said on the next item the editor opens', async () => {
    const frame = await openEditor(page, 32);
    await frame.locator('#ed-progress').click();
    await page.keyboard.type('150');
    const msg = frame.locator('#ed-progress-msg');
    await expect.poll(() => msg.innerText()).toBe('“150”不是 0–100 之间的整数，未保存');
    await closeEditor(page, 'escape');
    await openEditor(page, 33);
    expect(await frame.locator('#ed-progress').inputValue()).toBe('');
    expect(await frame.locator('#ed-progress').getAttribute('aria-invalid')).toBeNull();
    expect(await msg.innerText()).not.toContain('150');
    await closeEditor(page);
  });

  it('a decimal typed after a saved progress is refused in words and keeps the saved value, on the row and after a reload', async () => {
    const frame = await openEditor(page, 31);
    await frame.locator('#ed-progress').click();
    await page.keyboard.type('50');
    await expect.poll(() => rowLabel(page, 31, 'progress')).toBe('进度 50% / 序时 100%');
    await page.keyboard.type('.5');
    const msg = frame.locator('#ed-progress-msg');
    await expect.poll(() => msg.innerText()).toBe('“50.5”不是 0–100 之间的整数，未保存（进度仍为 50%）');
    await page.keyboard.press('Tab');
    await closeEditor(page);
    expect(await rowLabel(page, 31, 'progress')).toBe('进度 50% / 序时 100%');
    await page.reload();
    await page.locator('html[data-duban="ready"]').waitFor({ state: 'attached' });
    await reveal(page, 31);
    await expect.poll(() => rowLabel(page, 31, 'progress')).toBe('进度 50% / 序时 100%');
  });

  it('the overview\'s details: a progress refused on one item is not said on the next item opened', async () => {
    const overview = await extensionPage(duban.context, duban.extensionId, 'overview.html');
    // Items 3 and 7, followed up (the tests before), among the overview's first rows.
    await overview.locator('table.overview tbody tr[data-item="3"] td.c-text').click();
    const progress = overview.locator('#details-progress');
    await progress.click();
    await overview.keyboard.type('150');
    const msg = overview.locator('#details-progress-msg');
    await expect.poll(() => msg.innerText()).toBe('“150”不是 0–100 之间的整数，未保存');
    await overview.locator('table.overview tbody tr[data-item="7"] td.c-text').click();
    await expect.poll(() => overview.locator('#details-title').innerText()).toContain('7');
    expect(await progress.inputValue()).toBe('');
    expect(await progress.getAttribute('aria-invalid')).toBeNull();
    expect(await msg.innerText()).not.toContain('150');
    await overview.close();
  });

  it.each([1280, 1024])('5: with the details panel open, the 跟进 column, its days and 逾期 tags stay in view, the item\'s words too (%i px wide)', async (width) => {
    const overview = await extensionPage(duban.context, duban.extensionId, 'overview.html');
    await overview.setViewportSize({ width, height: 800 });
    const row = overview.locator('table.overview tbody tr[data-item="3"]');
    // The item's text opens its details (the row's middle is its status now that 填报人 has a column).
    await row.locator('td.c-text').click();
    const panel = overview.locator('.details');
    await panel.waitFor();
    const edge = (await panel.boundingBox())!.x;
    for (const part of [row.locator('td.c-follow input'), row.locator('td.c-follow .tag.overdue'), overview.locator('th.c-follow')]) {
      const box = (await part.boundingBox())!;
      expect(box.width).toBeGreaterThan(10);
      expect(box.x + box.width).toBeLessThanOrEqual(edge);
    }
    expect(await row.locator('td.c-follow .tag.overdue').innerText()).toBe('逾期');
    // The item's words stay readable beside it.
    expect((await row.locator('td.c-text').boundingBox())!.width).toBeGreaterThan(150);
    await overview.screenshot({ path: join(OUT, `5-${width}.png`) });
    await overview.close();
  });

  it('6: 复制为 Markdown says it copied, in words the user sees', async () => {
    const overview = await extensionPage(duban.context, duban.extensionId, 'overview.html');
    await overview.bringToFront();
    // What the page hands the clipboard (reading it back would need a permission prompt).
    await overview.evaluate(() => {
      const g = window as unknown as { __copied: string };
      const write = navigator.clipboard.writeText.bind(navigator.clipboard);
      navigator.clipboard.writeText = (text: string) => ((g.__copied = text), write(text));
    });
    await overview.getByRole('button', { name: '会议报告' }).click();
    await overview.getByRole('button', { name: '复制为 Markdown' }).click();
    const done = overview.locator('[data-testid="report-done"]');
    await done.waitFor();
    expect(await done.isVisible()).toBe(true);
    expect(await done.innerText()).toBe('✓ 已复制为 Markdown，可粘贴到文档或聊天中');
    expect(await overview.evaluate(() => (window as unknown as { __copied: string }).__copied)).toMatch(/^# 督办事项会议报告/);
    await overview.screenshot({ path: join(OUT, '6.png') });
    await overview.close();
  });
});

/** The page's own text nodes drawn under duban's bar (or its handle) where the page is scrolled now. */
const textUnderBar = (page: Page) =>
  page.evaluate(() => {
    const boxes = [...document.querySelectorAll<HTMLElement>('[data-duban-bar], [data-duban-handle]')]
      .filter((h) => h.checkVisibility())
      .map((h) => h.getBoundingClientRect())
      .filter((b) => b.width > 0 && b.height > 0 && b.bottom > 0 && b.top < innerHeight);
    const hits: string[] = [];
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      if (!n.textContent?.trim()) continue;
      range.selectNodeContents(n);
      for (const r of range.getClientRects()) {
        if (r.width === 0 || r.bottom < 0 || r.top > innerHeight) continue;
        // A pixel of slack: glyph boxes touch the bar's margin without being under it.
        if (boxes.some((b) => r.left < b.right - 1 && r.right > b.left + 1 && r.top < b.bottom - 1 && r.bottom > b.top + 1)) {
          hits.push(n.textContent.trim().slice(0, 20));
          break;
        }
      }
    }
    return hits;
  });

describe('first week: the page keeps its text and its colours', () => {
  let duban: Duban;
  afterAll(() => duban?.close());

  it('2: the bar covers no page text at any scroll position, and the rows stay light on a white page in dark mode', async () => {
    duban = await launchDuban({ colorScheme: 'dark' });
    await serveSeeds(duban.context);
    const page = await openNotice(duban.context, noticeSeed().url);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    // The signature line at the end of the cover text, just under the top of the window…
    const signature = await page.evaluate(() => {
      const p = [...document.querySelectorAll('p, div')].find((e) => e.textContent?.trim() === '杭州市拱墅区人民政府办公室');
      return p!.getBoundingClientRect().top + scrollY;
    });
    const positions = [0, signature - 10, signature - 40, ...Array.from({ length: 12 }, (_, i) => Math.round(((i + 1) * height) / 13))];
    for (const y of positions) {
      await page.evaluate((y) => window.scrollTo(0, y), y);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      expect({ y, hits: await textUnderBar(page) }).toEqual({ y, hits: [] });
    }
    // Scrolled away, the handle in the margin brings the bar back.
    await page.evaluate((y) => window.scrollTo(0, y), signature - 10);
    await page.locator('[data-duban-handle][data-shown]').waitFor({ state: 'attached' });
    await page.screenshot({ path: join(OUT, '2.png') });
    await page.locator('[data-duban-handle]').click();
    await expect.poll(() => page.evaluate(() => document.querySelector('[data-duban-bar]')!.getBoundingClientRect().top)).toBeLessThan(5);

    // Dark system, white page: the rows are light like the page.
    await reveal(page, 1);
    const background = await shadowEval<string>(page, 1, '.overlay', 'function () { return getComputedStyle(this).backgroundColor }');
    expect(background).toBe('rgb(246, 248, 251)');
    // …and so is the editor, whatever the system.
    const light = await openEditor(page, 1);
    expect(await light.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    await page.screenshot({ path: join(OUT, '2-dark-system.png') });
    await closeEditor(page);
  });

  it('2: on a dark page the rows are dark, whatever the system', async () => {
    await duban.close();
    duban = await launchDuban({ colorScheme: 'light' });
    const { url } = noticeSeed();
    const html = readFileSync(join(ROOT, 'seeds/gongshu-2024-2.html'), 'utf8').replace(
      '</head>',
      '<style>html, body, body * { background: #121212 !important; color: #ddd !important; }</style></head>',
    );
    await serveHtml(duban.context, url, html);
    const page = await openNotice(duban.context, url);
    await reveal(page, 1);
    const background = await shadowEval<string>(page, 1, '.overlay', 'function () { return getComputedStyle(this).backgroundColor }');
    expect(background).toBe('rgb(29, 33, 39)');
    const dark = await openEditor(page, 1);
    expect(await dark.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(21, 27, 35)');
    await page.screenshot({ path: join(OUT, '2-dark-page.png') });
    await closeEditor(page);
  });

  it('7: every row is one line with the same columns, whatever the length of its units', async () => {
    await duban.close();
    duban = await launchDuban();
    await serveSeeds(duban.context);
    const { url } = noticeSeed();
    const page = await openNotice(duban.context, url);
    const r = recogniseNotice(parseHTML(readFileSync(join(ROOT, 'seeds/gongshu-2024-2.html'), 'utf8')).document as unknown as Document, { url });
    if (!r.ok) throw new Error(r.reason);
    const byLength = [...r.notice.items].sort((a, b) => a.units.map((u) => u.name).join('').length - b.units.map((u) => u.name).join('').length);
    const picked = [byLength[0]!, byLength[Math.floor(byLength.length / 2)]!, byLength.at(-1)!].map((i) => i.key);
    expect(new Set(picked).size).toBe(3);
    const layout = [];
    for (const key of picked) {
      await reveal(page, key);
      const row = await shadowBox(page, key, '.overlay');
      const status = await shadowBox(page, key, '.slot');
      const edit = await shadowBox(page, key, 'button.edit');
      layout.push({ height: Math.round(row.height), status: Math.round(status.x - row.x), edit: Math.round(edit.x - row.x) });
    }
    expect(layout[1]).toEqual(layout[0]);
    expect(layout[2]).toEqual(layout[0]);
    expect(layout[0]!.height).toBeLessThan(34); // one line of 12px text with its padding
    await reveal(page, picked[2]!);
    await page.screenshot({ path: join(OUT, '7.png') });
  });
});
