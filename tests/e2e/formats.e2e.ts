// Every notice format end to end (Chromium + the built extension): each fixture page of
// tests/fixtures/notices/ served at its own government URL gets exactly one overlay per item of
// its expected reading, keyed as the reading keys it, never inside a table's cell; each look-alike
// is marked "none" with nothing added; a copy of a notice at a non-government host gets nothing
// on its own (./probe.e2e.ts: it does when the user asks).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { recogniseNotice } from '../../lib/notice/recognise';
import { seeNotice } from '../../lib/notice/notice-record';
import { buildTransferFile, serializeTransferFile } from '../../lib/transfer/export-json';
import { rowLabel } from './editor';
import { dubanState, extensionPage, launchDuban, openNotice, ROOT, screenshot, serveHtml, type Duban } from './harness';
import { barNode } from './overlay-helpers';
import { shadowEval } from './shadow';

interface Fixture {
  file: string;
  expected: string;
  url: string;
  family?: string;
  copyUrl?: string;
}
interface Expected {
  refused?: true;
  lists?: { items: { key: string }[] }[];
}

const DIR = join(ROOT, 'tests/fixtures/notices');
const fixtures = JSON.parse(readFileSync(join(DIR, 'index.json'), 'utf8')) as Fixture[];
const expected = (f: Fixture) => JSON.parse(readFileSync(join(DIR, f.expected), 'utf8')) as Expected;
const notices = fixtures.filter((f) => !expected(f).refused);
const lookAlikes = fixtures.filter((f) => expected(f).refused);

/**
 * What duban put in the page: its rows' keys in page order, and rows inside a cell of a task
 * table (a page cell holding no other row: a page laid out in a table holds them all in one cell).
 */
function overlays(page: Page) {
  return page.evaluate(() => {
    const hosts = [...document.querySelectorAll<HTMLElement>('[data-duban-item]')];
    return {
      keys: hosts.map((h) => h.dataset.dubanItem!),
      inPageCells: hosts.filter((h) => {
        const cell = h.closest('td, th');
        return cell && !h.closest('tr[data-duban-row]') && cell.querySelectorAll('[data-duban-item]').length < 2;
      }).length,
      others: document.querySelectorAll('[data-duban-bar]').length,
      // The bar sits over the list: never among a table's rows, nor in a task's cell (a page laid
      // out in a table may hold the whole list, bar and all, in one cell).
      barInTable: (() => {
        const parent = document.querySelector('[data-duban-bar]')?.parentElement;
        if (!parent || /^(TABLE|TBODY|THEAD|TFOOT|TR)$/.test(parent.tagName)) return true;
        const cell = parent.closest('td, th');
        return Boolean(cell && cell.querySelectorAll('[data-duban-item]').length < 2);
      })(),
    };
  });
}

let duban: Duban;
beforeAll(async () => {
  duban = await launchDuban();
  for (const f of fixtures) {
    const html = readFileSync(join(DIR, f.file), 'utf8');
    await serveHtml(duban.context, f.url, html);
    if (f.copyUrl) await serveHtml(duban.context, f.copyUrl, html);
  }
}, 60_000);
afterAll(() => duban?.close());

describe('each notice format at its own government site', () => {
  it.each(notices.map((f) => [f.file, f] as const))('%s: one overlay per item, keyed as the reading keys it', async (_name, f) => {
    const keys = expected(f).lists!.flatMap((l) => l.items.map((i) => i.key));
    const page = await openNotice(duban.context, f.url);
    expect(await dubanState(page)).toEqual({ state: 'ready', items: keys.length });
    const o = await overlays(page);
    expect(o.keys).toEqual(keys);
    expect(o.inPageCells).toBe(0);
    expect(o.others).toBe(1);
    expect(o.barInTable).toBe(false);
    if (f.family === 'table') {
      // The rows as a reader meets them: the table with duban's row under each task.
      await page.evaluate(() => document.querySelector('[data-duban-item]')!.scrollIntoView({ block: 'start' }));
      await page.evaluate(() => scrollBy(0, -160));
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await screenshot(page, `format-${f.file.replace('.html', '')}`);
    }
    await page.close();
  });
});

describe('a row narrower than its units', () => {
  it('shows each unit tag whole or not at all, never cut to its role mark', async () => {
    // The seed's table layout: its rows sit beside the number column, too narrow for items 1–4's
    // three units (区政府办公室, 区政府各部门, 各街道办事处): the third was cut to 配.
    const f = notices.find((n) => n.file === 'gongshu-2024-2-table.html')!;
    const page = await openNotice(duban.context, f.url);
    await page.evaluate(() => document.querySelector('[data-duban-item="1"]')!.scrollIntoView({ block: 'center' }));
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-duban-rendered'));
    const tags = await shadowEval<{ shown: number; cut: number; all: number }>(
      page,
      '1',
      'ul.units',
      `function () {
        const box = this.getBoundingClientRect();
        const inside = (r) => r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5;
        const outside = (r) => r.left >= box.right - 0.5 || r.top >= box.bottom - 0.5;
        const rects = [...this.children].map((li) => li.getBoundingClientRect());
        return { shown: rects.filter(inside).length, cut: rects.filter((r) => !inside(r) && !outside(r)).length, all: rects.length };
      }`,
    );
    expect(tags.all).toBe(3);
    expect(tags.cut).toBe(0);
    expect(tags.shown).toBeGreaterThan(0);
    await page.close();
  });
});

describe('rows gathered after a shared cell', () => {
  it('say which task each is: the rows after a rowspan group show their item\'s number, a row under its own task none', async () => {
    // 2006's table: 分管领导 and 完成时限 span all five tasks, so their five rows follow the last.
    const f = notices.find((n) => n.file === 'shizhengfu-2006.html')!;
    const keys = expected(f).lists!.flatMap((l) => l.items.map((i) => i.key));
    const page = await openNotice(duban.context, f.url);
    await page.evaluate(() => document.querySelector('[data-duban-item]')!.scrollIntoView({ block: 'center' }));
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-duban-rendered'));
    const label = (key: string) => shadowEval<string | null>(page, key, '.overlay', 'function () { return this.querySelector(".key")?.getAttribute("data-label") ?? null }');
    for (const key of keys) expect(await label(key)).toBe(key);
    await page.close();
    // The seed: every row right under its own item's text.
    const seed = notices.find((n) => n.file === 'gongshu-2024-2-table.html')!;
    const table = await openNotice(duban.context, seed.url);
    await table.evaluate(() => document.querySelector('[data-duban-item="5"]')!.scrollIntoView({ block: 'center' }));
    await table.waitForFunction(() => document.documentElement.hasAttribute('data-duban-rendered'));
    expect(await shadowEval<string | null>(table, '5', '.overlay', 'function () { return this.querySelector(".key")?.getAttribute("data-label") ?? null }')).toBeNull();
    await table.close();
  });
});

describe('look-alikes', () => {
  it.each(lookAlikes.map((f) => [f.file, f] as const))('%s: marked none (or cover, its list in an attachment), no item added', async (_name, f) => {
    const page = await openNotice(duban.context, f.url);
    // A cover notice whose list is an attachment gets 在督办中打开 beside its links, no rows (issue 14).
    expect((await dubanState(page)).state).toBe(/attachment/.test(f.file) ? 'cover' : 'none');
    expect(await page.locator('[data-duban-item], [data-duban-bar], [data-duban-editor]').count()).toBe(0);
    await page.close();
  });
});

describe('copies at hosts that are not government sites', () => {
  it.each(fixtures.filter((f) => f.copyUrl).map((f) => [f.copyUrl!, f] as const))('%s: nothing on its own', async (_url, f) => {
    const page = await duban.context.newPage();
    // No duban script runs at such a host unless the user asks: nothing to wait for but the load.
    await page.goto(f.copyUrl!, { waitUntil: 'load' });
    expect(await dubanState(page)).toEqual({ state: null, items: null });
    expect(await page.locator('[data-duban-item], [data-duban-bar]').count()).toBe(0);
    await page.close();
  });
});

describe('layouts a breakdown is also printed in', () => {
  const page = (title: string, body: string) =>
    `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title><meta name="ArticleTitle" content="${title}"></head>` +
    `<body><div class="header">人民政府</div><div id="zoom"><p>　　各乡镇人民政府，县政府各部门：现将责任分解印发给你们，请认真贯彻执行。</p>` +
    `<p style="text-align:center">2024年政府工作报告重点工作责任分解</p>${body}</div></body></html>`;

  const item = (n: number, text: string, unit: string) => `<p>　　${n}．${text}</p><p>　　责任单位：${unit}</p>`;
  const leaderLines = () => page('某县人民政府办公室关于印发2024年政府工作报告重点工作责任分解的通知',
    `<p><strong>王丹县长牵头重点工作</strong></p>${item(1, '全县生产总值增长7%。', '县发改局')}${item(2, '严控一般性支出。', '县财政局')}` +
    `<p><strong>曹惠明常务副县长牵头重点工作</strong></p>${item(1, '坚持集体学法。', '县司法局')}${item(2, '深化亩均论英雄改革。', '县经信局')}`);

  it('reads unnumbered lines naming who leads as sections of one list, numbering restarting under each', async () => {
    const url = 'https://www.example-county.gov.cn/art/2024/3/7/art_1_7.html';
    await serveHtml(duban.context, url, leaderLines());
    const tab = await openNotice(duban.context, url);
    expect(await dubanState(tab)).toEqual({ state: 'ready', items: 4 });
    expect((await overlays(tab)).keys).toEqual(['一、1.', '一、2.', '二、1.', '二、2.']);
    // Each row closes its item's 责任单位 line (the row's host holds no text of its own): the second
    // 1. is the one under 曹惠明's line, not 王丹's.
    const before = await tab.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-duban-item]')].map((h) => h.parentElement?.textContent?.trim()));
    expect(before).toEqual(['责任单位：县发改局', '责任单位：县财政局', '责任单位：县司法局', '责任单位：县经信局']);
    await screenshot(tab, 'format-leader-lines');
    await tab.close();
  });

  it('shows a colleague’s note, from a file an earlier duban keyed 2/2, on the item the page now keys 二、2.', async () => {
    const url = 'https://www.example-county.gov.cn/art/2024/3/8/art_1_9.html';
    const html = leaderLines();
    await serveHtml(duban.context, url, html);
    // The colleague's file: the items as duban read them before leader lines headed sections (two
    // lists numbered from 1), a note on the last.
    const read = recogniseNotice(parseHTML(html).document as unknown as Document, { url });
    if (!read.ok) throw new Error(read.reason);
    const older = { ...read.notice, items: read.notice.items.map(({ leaders: _l, ...it }, i) => ({ ...it, key: ['1/1', '1/2', '2/1', '2/2'][i] })) };
    const now = Date.now() - 60_000;
    const record = seeNotice(undefined, older, now).record;
    const note = { noticeKey: record.key, itemKey: '2/2', fingerprint: older.items[3].fingerprint, status: 'in_progress' as const, note: '同事：改革方案已报审', createdAt: now, updatedAt: now };
    const file = join(mkdtempSync(join(tmpdir(), 'duban-rekey-')), 'colleague.json');
    writeFileSync(file, serializeTransferFile(buildTransferFile({ notices: [record], annotations: [note], history: [] }, now).file));

    // Imported before this profile ever saw the page.
    const popup = await extensionPage(duban.context, duban.extensionId, 'popup.html');
    await popup.locator('main[aria-busy="false"]').waitFor();
    await popup.locator('[data-testid="import-file"]').setInputFiles(file);
    await popup.locator('[data-action="apply-import"]').click();
    await popup.locator('[data-testid="import-done"]').waitFor();
    await popup.close();

    const tab = await openNotice(duban.context, url);
    expect((await overlays(tab)).keys).toEqual(['一、1.', '一、2.', '二、1.', '二、2.']);
    await expect.poll(() => rowLabel(tab, '二、2.', 'note')).toContain('同事：改革方案已报审');
    expect(await rowLabel(tab, '二、2.', 'changed')).toBeNull();
    // No note left over as an orphan: the bar has no 孤立批注 button.
    await barNode(tab, '.total');
    await expect(barNode(tab, 'button.orphans', 500)).rejects.toThrow();
    await tab.close();
  });

  it('reads items written as a numbered list (<ol>, its numbers drawn by the browser) and units set apart by spaces', async () => {
    const url = 'https://www.example-district.gov.cn/art/2024/3/7/art_1_10.html';
    const li = (text: string, unit: string) => `<li><p>${text}</p><p>牵头单位：${unit}</p></li>`;
    await serveHtml(duban.context, url, page('某区人民政府办公室关于印发2024年政府工作报告重点工作责任分解的通知',
      `<p>一、稳增长</p><ol>${li('推进数字经济发展。', '区发改局　区经信局')}${li('抓好项目建设。', '区住建局')}</ol>` +
      `<p>二、惠民生</p><ol>${li('稳定就业。', '区人社局 区财政局 各街道')}${li('办好民生实事。', '区民政局')}</ol>`));
    const tab = await openNotice(duban.context, url);
    expect(await dubanState(tab)).toEqual({ state: 'ready', items: 4 });
    expect((await overlays(tab)).keys).toEqual(['一、1.', '一、2.', '二、1.', '二、2.']);
    // Each row inside its item, after its unit line; the page's list still draws its own numbers.
    const rows = await tab.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-duban-item]')].map((h) => h.closest('li')?.textContent?.trim()));
    expect(rows).toEqual(['推进数字经济发展。牵头单位：区发改局　区经信局', '抓好项目建设。牵头单位：区住建局', '稳定就业。牵头单位：区人社局 区财政局 各街道', '办好民生实事。牵头单位：区民政局']);
    const tags = (key: string) => shadowEval<string[]>(tab, key, 'ul.units', 'function () { return [...this.querySelectorAll("li")].map((li) => li.textContent) }');
    expect(await tags('一、1.')).toEqual(['牵头/汇总区发改局', '牵头/汇总区经信局']);
    expect(await tags('二、1.')).toEqual(['牵头/汇总区人社局', '牵头/汇总区财政局', '牵头/汇总各街道']);
    await screenshot(tab, 'format-ordered-list');
    await tab.close();
  });

  it('reads a bracket of unit names alone closing each item of a breakdown that says nowhere what its brackets hold: the units answering, none leading, none marked 配合', async () => {
    const url = 'https://www.example-district.gov.cn/art/2024/3/7/art_1_11.html';
    await serveHtml(duban.context, url, page('某区人民政府办公室关于印发2024年政府工作报告重点工作任务分解的通知',
      '<p>1.全区生产总值增长6%左右。（区发改局、区统计局）</p><p>2.固定资产投资增长5%。（区发改局）</p>' +
      '<p>3.推进城市更新，实施老旧小区改造10个（含加装电梯）。（区住建局、各街道）</p><p>4.新增就业1万人。（区人社局）</p>'));
    const tab = await openNotice(duban.context, url);
    expect(await dubanState(tab)).toEqual({ state: 'ready', items: 4 });
    expect((await overlays(tab)).keys).toEqual(['1', '2', '3', '4']);
    // Each row closes its item's paragraph, bracket and all (the row's host holds no text of its own).
    const after = await tab.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-duban-item]')].map((h) => h.parentElement?.textContent?.trim()));
    expect(after).toEqual(['1.全区生产总值增长6%左右。（区发改局、区统计局）', '2.固定资产投资增长5%。（区发改局）', '3.推进城市更新，实施老旧小区改造10个（含加装电梯）。（区住建局、各街道）', '4.新增就业1万人。（区人社局）']);
    const tags = (key: string) => shadowEval<string[]>(tab, key, 'ul.units', 'function () { return [...this.querySelectorAll("li")].map((li) => li.textContent) }');
    expect(await tags('1')).toEqual(['区发改局', '区统计局']);
    expect(await tags('3')).toEqual(['区住建局', '各街道']);
    await screenshot(tab, 'format-bare-brackets');
    await tab.close();
  });

  it('reads a table the page breaks in two, numbering going on, as one list with a row after each task in either table', async () => {
    const url = 'https://www.example-district.gov.cn/art/2024/3/7/art_1_8.html';
    const head = '<tr><td>序号</td><td>重点工作</td><td>牵头单位</td><td>配合单位</td></tr>';
    const task = (n: number, text: string, lead: string, co: string) => `<tr><td>${n}</td><td>${text}</td><td>${lead}</td><td>${co}</td></tr>`;
    await serveHtml(duban.context, url, page('某区人民政府办公室关于印发2024年政府工作报告重点工作责任分解的通知',
      `<table border="1">${head}${task(1, '全区生产总值增长6%。', '区发改局', '区统计局')}${task(2, '一般公共预算收入增长5%。', '区财政局', '区税务局')}</table>` +
      `<p> </p><table border="1">${head}${task(3, '新增就业1万人。', '区人社局', '各街道')}${task(4, '完成老旧小区改造10个。', '区住建局', '各街道')}</table>`));
    const tab = await openNotice(duban.context, url);
    expect(await dubanState(tab)).toEqual({ state: 'ready', items: 4 });
    const o = await overlays(tab);
    expect(o.keys).toEqual(['1', '2', '3', '4']);
    expect(o.inPageCells).toBe(0);
    // Each in a row of its own right after its task's row, in the table that holds the task.
    const rows = await tab.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-duban-item]')].map((h) => {
        const row = h.closest('tr[data-duban-row]');
        const tables = [...document.querySelectorAll('table')];
        return { table: row ? tables.indexOf(row.closest('table')!) : -1, after: row?.previousElementSibling?.firstElementChild?.textContent };
      }));
    expect(rows).toEqual([{ table: 0, after: '1' }, { table: 0, after: '2' }, { table: 1, after: '3' }, { table: 1, after: '4' }]);
    await screenshot(tab, 'format-split-table');
    await tab.close();
  });

  it('reads a second list\'s table under a title of its own that repeats no header, with a row after each of its tasks', async () => {
    const url = 'https://www.example-district.gov.cn/art/2024/3/7/art_1_9.html';
    const task = (n: number, text: string, lead: string, co: string) => `<tr><td>${n}</td><td>${text}</td><td>${lead}</td><td>${co}</td></tr>`;
    await serveHtml(duban.context, url, page('某区人民政府办公室关于印发2024年政府工作报告重点工作责任分解的通知',
      `<table border="1"><tr><td>序号</td><td>重点工作</td><td>牵头单位</td><td>配合单位</td></tr>${task(1, '全区生产总值增长6%。', '区发改局', '区统计局')}` +
      `${task(2, '一般公共预算收入增长5%。', '区财政局', '区税务局')}${task(3, '新增就业1万人。', '区人社局', '各街道')}</table>` +
      `<p style="text-align:center">2024年民生实事项目责任分解</p><table border="1">${task(1, '新建公园2个。', '区城管局', '各街道')}${task(2, '新增托位300个。', '区卫健局', '区教育局')}</table>`));
    const tab = await openNotice(duban.context, url);
    expect(await dubanState(tab)).toEqual({ state: 'ready', items: 5 });
    const o = await overlays(tab);
    expect(o.keys).toEqual(['1/1', '1/2', '1/3', '2/1', '2/2']);
    expect(o.inPageCells).toBe(0);
    const rows = await tab.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-duban-item]')].map((h) => {
        const row = h.closest('tr[data-duban-row]');
        const tables = [...document.querySelectorAll('table')];
        return { table: row ? tables.indexOf(row.closest('table')!) : -1, after: row?.previousElementSibling?.children[1]?.textContent };
      }));
    expect(rows).toEqual([
      { table: 0, after: '全区生产总值增长6%。' }, { table: 0, after: '一般公共预算收入增长5%。' }, { table: 0, after: '新增就业1万人。' },
      { table: 1, after: '新建公园2个。' }, { table: 1, after: '新增托位300个。' },
    ]);
    await screenshot(tab, 'format-second-list-table');
    await tab.close();
  });
});
