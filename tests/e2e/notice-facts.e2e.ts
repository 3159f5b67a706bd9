// What a notice says of its items, in the overview (Chromium + the built extension): a notice
// with 牵头 and 配合 units and a dated 完成时限 (xianyang-2022 at its own URL) shows each row's lead
// and co units and its deadline, marked past; the filters find items by any unit, by leading
// only, and by the notice's deadline.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysBetween, shanghaiDayOf } from '../../lib/annotation/shanghai-time';
import { noticeKey } from '../../lib/notice/notice-key';
import { recogniseNotice } from '../../lib/notice/recognise';
import type { Notice } from '../../lib/notice/types';
import { sendFromPage } from './db';
import { shadowEval } from './shadow';
import { extensionPage, launchDuban, openNotice, openPopup, ROOT, screenshot, serveHtml, type Duban } from './harness';

const DIR = join(ROOT, 'tests/fixtures/notices');
const fixture = (JSON.parse(readFileSync(join(DIR, 'index.json'), 'utf8')) as { file: string; url: string }[]).find((f) => f.file === 'xianyang-2022.html')!;
const html = readFileSync(join(DIR, fixture.file), 'utf8');

describe('the notice’s facts in the overview', () => {
  let duban: Duban;
  let overview: Page;
  let notice: Notice;

  beforeAll(async () => {
    const read = recogniseNotice(parseHTML(html).document as unknown as Document, { url: fixture.url });
    if (!read.ok) throw new Error(read.reason);
    notice = read.notice;
    duban = await launchDuban();
    await serveHtml(duban.context, fixture.url, html);
    const page = await openNotice(duban.context, fixture.url);
    await page.close();
    overview = await extensionPage(duban.context, duban.extensionId, 'overview.html');
    const status: Record<string, string> = { '1': 'in_progress', '2': 'done', '3': 'behind' };
    for (const item of notice.items) {
      const r = await sendFromPage<{ ok: boolean }>(overview, 'saveAnnotation', {
        noticeKey: noticeKey(notice),
        itemKey: item.key,
        fingerprint: item.fingerprint,
        status: status[item.key],
      });
      expect(r.ok).toBe(true);
    }
  }, 60_000);
  afterAll(() => duban?.close());

  const rowsShown = () => overview.locator('table.overview tbody tr[data-item]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-item')));
  const select = (name: string, value: string) => overview.locator(`.filters select[name="${name}"]`).selectOption(value);

  it('shows lead and co units apart and the deadline, past for an item not done', async () => {
    await overview.reload();
    await overview.locator('table.overview tbody tr[data-item]').first().waitFor();
    expect(await rowsShown()).toEqual(['1', '2', '3']);
    const row = overview.locator('table.overview tbody tr[data-item="3"]');
    expect(await row.locator('td.c-unit').textContent()).toBe('市行政审批服务局配合：市级各有关部门及各县市区政府');
    expect(await row.locator('td.c-deadline').textContent()).toBe('2022年12月底前完成超期');
    expect(await overview.locator('tr[data-item="1"] td.c-deadline').textContent()).toBe('');
    await screenshot(overview, 'overview-notice-facts');
    // The details name the lead and the co units apart, and the deadline.
    await row.locator('td.c-no').click();
    const details = overview.locator('aside.details');
    await expect.poll(() => details.textContent()).toContain('配合单位：市级各有关部门及各县市区政府');
    expect(await details.textContent()).toContain('牵头单位：市行政审批服务局');
    expect(await details.textContent()).toContain('完成时限：2022年12月底前完成');
    await details.locator('button.close').click();
  });

  it('filters by any unit, by leading only, and by the notice’s deadline', async () => {
    await select('unit', '市级各有关部门及各县市区政府');
    expect(await rowsShown()).toEqual(['1', '3']);
    await overview.locator('.filters input[name="unitLeads"]').check();
    expect(await rowsShown()).toEqual([]);
    await select('unit', '市行政审批服务局');
    expect(await rowsShown()).toEqual(['2', '3']);
    await overview.locator('.filters input[name="unitLeads"]').uncheck();
    await select('unit', '');
    await select('deadline', 'overdue');
    expect(await rowsShown()).toEqual(['3']);
    await select('deadline', 'undated');
    expect(await rowsShown()).toEqual(['1', '2']);
  });

  it('counts the items past the notice’s deadline at the overview’s top, a button that shows only them', async () => {
    await overview.reload();
    await overview.locator('table.overview tbody tr[data-item]').first().waitFor();
    const past = overview.locator('.top .counts button', { hasText: '超过完成时限' });
    expect(await past.textContent()).toBe('超过完成时限 1');
    await past.click();
    expect(await overview.locator('.filters select[name="deadline"]').inputValue()).toBe('overdue');
    expect(await rowsShown()).toEqual(['3']);
    await overview.locator('.filters button', { hasText: '清除筛选' }).click();
    expect(await rowsShown()).toEqual(['1', '2', '3']);
  });

  it('counts the items past the deadline in the meeting report, in its counts line and a column of its own', async () => {
    await overview.reload();
    await overview.locator('table.overview tbody tr[data-item]').first().waitFor();
    await overview.getByRole('button', { name: '会议报告' }).click();
    const table = overview.locator('table.report-counts');
    const head = await table.locator('thead th').allTextContents();
    const at = head.indexOf('超过完成时限');
    expect(at).toBeGreaterThan(0);
    expect(await table.locator('tbody tr.all > *').nth(at).textContent()).toBe('1');
    expect(await overview.locator('.report-meta').textContent()).toContain('超过完成时限 1');
    await overview.keyboard.press('Escape');
  });

  it('marks co units 配合 and shows the deadline on the notice page’s own rows', async () => {
    const page = await openNotice(duban.context, fixture.url);
    const tags = (key: string) =>
      shadowEval<string[]>(page, key, 'ul.units', 'function () { return [...this.querySelectorAll("li")].map((li) => li.className + ":" + li.textContent) }');
    expect(await tags('3')).toEqual(['unit lead:牵头/汇总市行政审批服务局', 'unit co:配合市级各有关部门及各县市区政府']);
    // The deadline is the page's own text, drawn as generated content like the row's other values.
    expect(await shadowEval<string>(page, '3', '.deadline', 'function () { return this.getAttribute("data-label") }')).toContain('2022年12月底前完成');
    await page.close();
  });

  it('lists in the popup, open at once, the items past the notice’s deadline that are not done, with the deadline and how long past', async () => {
    const popup = await openPopup(duban);
    const card = popup.locator('section.notice').first();
    const past = card.locator('details.urgent', { hasText: '超过完成时限' });
    expect(await past.locator('summary').textContent()).toBe('超过完成时限（1）');
    expect(await past.getAttribute('open')).not.toBeNull();
    // Item 3 (滞后), due by the end of December 2022: each day since then in Shanghai.
    const days = daysBetween('2022-12-31', shanghaiDayOf(Date.now()));
    expect(await past.locator('li').allTextContents()).toEqual([expect.stringContaining(`2022年12月底前完成 · 超期 ${days} 天`)]);
    expect(await past.locator('li a').getAttribute('href')).toBe(`${fixture.url}#duban-item-3`);
    await screenshot(popup, 'popup-past-deadline');
    await popup.close();
  });

  it('groups its items by section in the popup, not under 按牵头领导: its headings name no official', async () => {
    const popup = await openPopup(duban);
    const card = popup.locator('section.notice').first();
    await card.waitFor();
    const groups = card.locator('details', { hasText: '按部分' });
    expect(await groups.locator('summary').textContent()).toBe(`按部分（${notice.sections.length}）`);
    expect(await card.locator('details', { hasText: '按牵头领导' }).count()).toBe(0);
    await popup.close();
  });
});

describe('items the notice says none leads (分别负责, 按职责分工负责)', () => {
  const none = (JSON.parse(readFileSync(join(DIR, 'index.json'), 'utf8')) as { file: string; url: string }[]).find((f) => f.file === 'guowuyuan-2020.html')!;
  let duban: Duban;
  beforeAll(async () => {
    duban = await launchDuban();
    await serveHtml(duban.context, none.url, readFileSync(join(DIR, none.file), 'utf8'));
  }, 60_000);
  afterAll(() => duban?.close());

  it('names no lead unit on the page, in the overview and its details: its units answer, none marked 配合', async () => {
    const page = await openNotice(duban.context, none.url);
    const tags = (key: string) => shadowEval<string[]>(page, key, 'ul.units', 'function () { return [...this.querySelectorAll("li")].map((li) => li.className + ":" + li.textContent) }');
    // Item 1: （国务院各部门分别负责，年内持续推进）; item 2: （国家发展改革委牵头，国务院各部门按职责分工负责）.
    expect(await tags('1')).toEqual(['unit:国务院各部门']);
    expect(await tags('2')).toEqual(['unit lead:牵头/汇总国家发展改革委', 'unit co:配合国务院各部门']);
    await page.close();
    const overview = await extensionPage(duban.context, duban.extensionId, 'overview.html');
    // The overview lists the items of notices the user annotated.
    const read = recogniseNotice(parseHTML(readFileSync(join(DIR, none.file), 'utf8')).document as unknown as Document, { url: none.url });
    if (!read.ok) throw new Error(read.reason);
    const item = read.notice.items[0];
    expect((await sendFromPage<{ ok: boolean }>(overview, 'saveAnnotation', { noticeKey: noticeKey(read.notice), itemKey: item.key, fingerprint: item.fingerprint, status: 'in_progress' })).ok).toBe(true);
    await overview.reload();
    await overview.locator('table.overview tbody tr[data-item]').first().waitFor();
    expect(await overview.locator('tr[data-item="1"] td.c-unit').textContent()).toBe('国务院各部门');
    expect(await overview.locator('tr[data-item="2"] td.c-unit').textContent()).toBe('国家发展改革委配合：国务院各部门');
    await overview.locator('tr[data-item="1"] td.c-no').click();
    const details = overview.locator('aside.details');
    await expect.poll(() => details.textContent()).toContain('责任单位：国务院各部门');
    expect(await details.textContent()).not.toContain('牵头单位');
    expect(await details.textContent()).not.toContain('配合单位');
    await screenshot(overview, 'overview-no-lead');
    // 仅牵头 with its unit: it leads nothing here.
    await overview.locator('.filters select[name="unit"]').selectOption('国务院各部门');
    await overview.locator('.filters input[name="unitLeads"]').check();
    expect(await overview.locator('table.overview tbody tr[data-item]').count()).toBe(0);
    await overview.close();
  });
});
