// The overview's table printed (Ctrl+P, or a PDF): every row of the current filter, not only the
// ~20 the virtualised table draws on screen, and every column (跟进 last) inside the page's width.
// The PDFs and their first pages as PNGs: artifacts/overview-print/.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, shanghaiDayOf } from '../../lib/annotation/shanghai-time';
import { sendFromPage } from './db';
import { extensionPage, launchDuban, noticeSeed, openNotice, ROOT, serveSeeds, type Duban } from './harness';

const KEY = '拱政办发〔2024〕2号@www.gongshu.gov.cn';
const OUT = join(ROOT, 'artifacts/overview-print');
const LEADER = '黄飞';

interface StoredRow {
  itemKey: string;
  place?: number;
  leaders: string[];
}

async function send<T>(page: Page, type: string, data: unknown): Promise<T> {
  const r = await sendFromPage<T>(page, type, data);
  if (!r.ok) throw new Error(`${type} failed: ${r.error}`);
  return r.value;
}

/** The overview printed as Chromium prints it (A4, the page's own @page), as text a page at a time; its first pages as PNGs. */
async function printed(page: Page, name: string): Promise<string[]> {
  const pdf = join(OUT, `${name}.pdf`);
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-l', '2', pdf, join(OUT, name)]);
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((p) => p.trim());
}

/** The item numbers that start the printed table's lines, in order. */
const printedItems = (pages: string[]) => pages.flatMap((p) => [...p.matchAll(/^\s*(\d{1,3})\s{2,}/gm)].map((m) => m[1]));

describe('the overview’s table, printed', () => {
  let duban: Duban;
  let overview: Page;
  let stored: StoredRow[];
  const day = addDays(shanghaiDayOf(Date.now()), 5);

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    duban = await launchDuban();
    await serveSeeds(duban.context);
    const notice = await openNotice(duban.context, noticeSeed().url, { timeout: 30_000 });
    await notice.close();
    overview = await extensionPage(duban.context, duban.extensionId, 'overview.html');
    const items = await overview.evaluate(async (key) => {
      const open = indexedDB.open('duban');
      const db = await new Promise<IDBDatabase>((res, rej) => ((open.onsuccess = () => res(open.result)), (open.onerror = () => rej(open.error))));
      const req = db.transaction('notices').objectStore('notices').get(key);
      return new Promise<{ key: string; fingerprint: string }[]>((res) => (req.onsuccess = () => res(req.result.items)));
    }, KEY);
    const last = items.at(-1)!;
    await send(overview, 'saveAnnotation', { noticeKey: KEY, itemKey: last.key, fingerprint: last.fingerprint, status: 'behind', note: '最后一项的备注', followUp: day });
    stored = (await send<{ items: StoredRow[] }>(overview, 'getOverview', {})).items.sort((a, b) => a.place! - b.place!);
    await overview.reload();
    await overview.locator('tbody tr[data-item]').first().waitFor();
  }, 90_000);
  afterAll(() => duban?.close());

  it('prints every row, the last one’s note and follow-up day included, with the 跟进 column on the page', async () => {
    expect(stored).toHaveLength(156);
    // On screen the table draws only the rows in view.
    expect(await overview.locator('tbody tr[data-item]').count()).toBeLessThan(156);
    const pages = await printed(overview, 'all');
    expect(printedItems(pages)).toEqual(stored.map((r) => r.itemKey));
    const text = pages.join('\n');
    expect(text).toContain('最后一项的备注');
    // The last column's heading and the day in it are laid out on the page, not cut off past its edge.
    expect(pages.every((p) => /跟进/.test(p.split('\n').find((l) => l.includes('序号'))!))).toBe(true);
    expect(text).toContain(day.replace(/-/g, '/'));
    // The paper says what it is (the page's top bar and filters do not print): rows, no filter, the day.
    expect(pages[0]).toMatch(/督办总览\s+显示 156 \/ 共 156 项\s+全部事项，未筛选\s+打印于 (\d{4}-\d{2}-\d{2})/);
    expect(/打印于 (\S+)/.exec(pages[0])![1]).toBe(shanghaiDayOf(Date.now()));
    // After printing, the screen draws only the rows in view again.
    await expect.poll(() => overview.locator('tbody tr[data-item]').count()).toBeLessThan(156);
  });

  it('prints the follow-up day inside its cell, and the status without a menu\'s arrow', async () => {
    await overview.emulateMedia({ media: 'print' });
    const cells = await overview.evaluate(() =>
      [...document.querySelectorAll('tbody tr[data-item]')].slice(0, 20).map((tr) => {
        const td = tr.querySelector('td.c-follow')!.getBoundingClientRect();
        const input = tr.querySelector('td.c-follow input')!.getBoundingClientRect();
        const select = tr.querySelector('td.c-status select')!;
        return { inside: input.left >= td.left - 0.5 && input.right <= td.right + 0.5, arrow: getComputedStyle(select).appearance !== 'none' };
      }),
    );
    await overview.emulateMedia({ media: null });
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.filter((c) => !c.inside)).toEqual([]);
    expect(cells.filter((c) => c.arrow)).toEqual([]);
  });

  it('prints a row without a follow-up day blank in 跟进, not the empty field’s 年/月/日', async () => {
    const pages = await printed(overview, 'blank-days');
    const rowOf = (key: string) => pages.join('\n').split('\n').find((l) => l.trimStart().startsWith(`${key} `))!;
    expect(rowOf('1')).not.toMatch(/年|月|日/);
    expect(rowOf(stored.at(-1)!.itemKey)).toContain(day.replace(/-/g, '/'));
  });

  it('prints every row dark on light in a dark colour scheme, the row in focus too', async () => {
    await overview.emulateMedia({ colorScheme: 'dark' });
    await overview.locator('tbody tr[data-item]').first().click();
    await overview.locator('tbody tr.active').first().waitFor();
    await overview.emulateMedia({ colorScheme: 'dark', media: 'print' });
    const colours = await overview.evaluate(() =>
      [...document.querySelectorAll('tbody tr[data-item]')].slice(0, 5).map((tr) => {
        const cell = tr.querySelector('td')!;
        return { row: getComputedStyle(tr).backgroundColor, text: getComputedStyle(cell).color, active: tr.classList.contains('active') };
      }),
    );
    await overview.emulateMedia({ colorScheme: 'light', media: null });
    expect(colours.some((c) => c.active)).toBe(true);
    const light = (rgb: string) => {
      const [r, g, b, a = 1] = rgb.match(/[\d.]+/g)!.map(Number);
      return a === 0 || (r + g + b) / 3 > 200;
    };
    for (const c of colours) {
      expect(light(c.row), c.row).toBe(true);
      expect(light(c.text), c.text).toBe(false);
    }
  });

  it('prints each item’s whole text and whole note, over as many lines as they take', async () => {
    // The screen shows one line a row (the text cut at 60 characters, the note at 40, with …); paper has room.
    const note = '第一季度：已完成选址论证，报区政府常务会议审议。\n第二季度：完成立项、招标和施工图审查，预计九月底前开工建设，年内完成主体工程的百分之三十。';
    const item = stored[1];
    const fingerprint = await overview.evaluate(async ({ key, itemKey }) => {
      const open = indexedDB.open('duban');
      const db = await new Promise<IDBDatabase>((res, rej) => ((open.onsuccess = () => res(open.result)), (open.onerror = () => rej(open.error))));
      const req = db.transaction('notices').objectStore('notices').get(key);
      const items = await new Promise<{ key: string; fingerprint: string }[]>((res) => (req.onsuccess = () => res(req.result.items)));
      return items.find((i) => i.key === itemKey)!.fingerprint;
    }, { key: KEY, itemKey: item.itemKey });
    await send(overview, 'saveAnnotation', { noticeKey: KEY, itemKey: item.itemKey, fingerprint, note });
    const rows = (await send<{ items: (StoredRow & { text: string })[] }>(overview, 'getOverview', {})).items;
    const longest = rows.reduce((a, b) => (b.text.length > a.text.length ? b : a));
    expect(longest.text.length).toBeGreaterThan(150);
    await overview.reload();
    await expect.poll(() => overview.locator(`tbody tr[data-item="${item.itemKey}"] td.c-note`).textContent()).toContain('…');
    const pdf = join(OUT, 'whole-text.pdf');
    await overview.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-l', '1', pdf, join(OUT, 'whole-text')]);
    // In the order it is drawn, cell by cell: each cell's lines follow each other.
    const raw = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(raw).toContain(note.replace(/\s+/g, ''));
    expect(raw).toContain(longest.text.replace(/\s+/g, ''));
    expect(raw).not.toContain('…');
    // Every row still prints, in order, each once.
    expect(printedItems(await printed(overview, 'whole-text-layout'))).toEqual(stored.map((r) => r.itemKey));
  });

  it('prints every row of the current filter, and only those', async () => {
    await overview.locator('.filters select[name="leader"]').selectOption(LEADER);
    const wanted = stored.filter((r) => r.leaders.includes(LEADER)).map((r) => r.itemKey);
    expect(wanted.length).toBeGreaterThan(30);
    await expect.poll(() => overview.locator('.top .counts strong').textContent()).toBe(String(wanted.length));
    const pages = await printed(overview, 'filtered');
    expect(printedItems(pages)).toEqual(wanted);
    // Its heading names the filter, as its menu does.
    const head = pages[0].replace(/\s+/g, ' ');
    expect(head).toContain(`显示 ${wanted.length} / 共 156 项`);
    expect(head).toContain(`筛选：牵头领导 ${LEADER}`);
  });
});
