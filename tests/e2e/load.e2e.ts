// A year of heavy use (50 notices × 200 items, long notes, ≈ 10 MB): the overlay, the popup and the
// overview all still work on it. Their speed under this load is measured by `npm run bench -- --only load`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../../scripts/bench/overview';
import { buildOverviewRows, DEFAULT_SORT, sortRows } from '../../lib/followup/overview';
import { LOAD_ITEMS, LOAD_NOTICES, loadData, SEED_KEY } from '../fixtures/load-data';
import { extensionPage, launchDuban, noticeSeed, openNotice, serveSeeds, type Duban } from './harness';
import { itemInEditor, reveal, rowLabel, rowStatus } from './editor';
import { barLabel } from './overlay-helpers';

describe('with 50 notices × 200 long-noted items in the database', () => {
  let duban: Duban;
  const data = loadData();

  beforeAll(async () => {
    duban = await launchDuban();
    await serveSeeds(duban.context);
    const overview = await extensionPage(duban.context, duban.extensionId, 'overview.html');
    await overview.waitForFunction(() => performance.getEntriesByName('duban-overview-complete').length > 0);
    await seed(overview, data);
    await overview.close();
  });
  afterAll(() => duban?.close());

  it('is the size the guarantee speaks of', () => {
    expect(data.annotations).toHaveLength(LOAD_NOTICES * LOAD_ITEMS);
    expect(data.annotations.reduce((n, a) => n + Buffer.byteLength(a.note), 0)).toBeGreaterThan(10_000_000);
  });

  it('still overlays the notice with its notes, and lists the 44 notes whose items it lacks', async () => {
    const page = await openNotice(duban.context, noticeSeed().url);
    expect(await page.locator('[data-duban-item]').count()).toBe(156);
    const expected = data.annotations.find((a) => a.noticeKey === SEED_KEY && a.itemKey === '120')!;
    await reveal(page, 120);
    expect(await rowStatus(page, 120)).toBe(expected.status);
    // The row shows the start of the long note, the editor all of it.
    expect(await rowLabel(page, 120, 'note')).toContain(expected.note.replace(/\s+/g, ' ').slice(0, 40));
    expect(await itemInEditor(page, 120)).toMatchObject({ note: expected.note, status: expected.status });
    expect(await barLabel(page, 'button.orphans')).toBe('孤立批注（44）');
    await page.close();
  });

  it('still summarises every notice in the popup', async () => {
    const popup = await extensionPage(duban.context, duban.extensionId, 'popup.html');
    await popup.locator('section.notice').first().waitFor();
    expect(await popup.locator('section.notice[data-notice-key]').count()).toBe(LOAD_NOTICES);
    await popup.close();
  });

  it("draws the overview's first screen before the rest comes, as the top of the whole table", async () => {
    const overview = await duban.context.newPage();
    // What the table holds at the first screen's mark, before the whole answer comes.
    await overview.addInitScript(() => {
      const mark = performance.mark.bind(performance);
      performance.mark = (name: string, options?: PerformanceMarkOptions) => {
        if (name === 'duban-overview-rendered') {
          const rows = [...document.querySelectorAll<HTMLElement>('table.overview tbody tr[data-item]')];
          (window as unknown as { firstScreen: unknown }).firstScreen = {
            rows: rows.map((tr) => `${tr.dataset.notice} ${tr.dataset.item}`),
            counts: document.querySelector('.top .counts')?.textContent ?? '',
          };
        }
        return mark(name, options);
      };
    });
    await overview.goto(`chrome-extension://${duban.extensionId}/overview.html`);
    await overview.waitForFunction(() => performance.getEntriesByName('duban-overview-complete').length > 0);
    const first = (await overview.evaluate(() => (window as unknown as { firstScreen: unknown }).firstScreen)) as { rows: string[]; counts: string };
    const whole = sortRows(buildOverviewRows(data.notices, data.annotations), DEFAULT_SORT).map((r) => `${r.noticeKey} ${r.itemKey}`);
    expect(first.rows.length).toBeGreaterThan(10);
    expect(first.rows).toEqual(whole.slice(0, first.rows.length));
    // Not counted yet: the whole answer counts the rows.
    expect(first.counts).toContain('载入中');
    await overview.close();
  });

  it('still shows all 10,000 rows in the overview and finds one note among them', async () => {
    const overview = await extensionPage(duban.context, duban.extensionId, 'overview.html');
    await overview.waitForFunction(() => performance.getEntriesByName('duban-overview-complete').length > 0);
    expect(await overview.locator('.top .counts strong').textContent()).toBe(String(LOAD_NOTICES * LOAD_ITEMS));
    await overview.locator('.filters input[type="search"]').fill('【记录7777】');
    await overview.waitForFunction(() => document.querySelectorAll('table.overview tbody tr[data-item]').length === 1);
    const row = data.annotations[7777];
    expect(await overview.locator('table.overview tbody tr[data-item]').getAttribute('data-item')).toBe(String(row.itemKey));
    expect(await overview.locator('table.overview tbody tr[data-item]').getAttribute('data-notice')).toBe(row.noticeKey);
    // With 文件 shown (several notices), the item's words still get room on a 1280-pixel screen.
    await overview.setViewportSize({ width: 1280, height: 800 });
    expect(await overview.locator('table.overview th.c-notice').count()).toBe(1);
    expect((await overview.locator('table.overview tbody tr[data-item] td.c-text').boundingBox())!.width).toBeGreaterThanOrEqual(130);
    // …and the 跟进 column is still in the window.
    const follow = (await overview.locator('table.overview th.c-follow').boundingBox())!;
    expect(follow.x + follow.width).toBeLessThanOrEqual(1280);
    await overview.close();
  });
});
