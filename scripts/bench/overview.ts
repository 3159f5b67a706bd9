/**
 * The overview with 10,000 annotations, measured in Chromium on the built extension
 * (.output/chrome-mv3, `npx wxt build` first):
 *  - overview_render_ms: navigation start → the first frame with the table's first screen painted,
 *    read from the page's own performance mark `duban-overview-rendered` (set after that frame).
 *    It includes loading the page, the background's answer for the first screen and rendering.
 *    Median of several reloads, each after a write (so nothing is answered from memory).
 *  - overview_complete_ms: the same until all 10,000 rows are in the page and painted
 *    (`duban-overview-complete`): the IndexedDB read, the join and the JSON message of 10,000 rows.
 *  - overview_complete_warm_ms: the same when the background answers from memory.
 *  - overview_filter_ms: one filter or search change → the next painted frame (event dispatched,
 *    Preact re-render, layout, paint). Median over keystrokes in the search box and changes of the
 *    status, lead official, lead unit and follow-up menus.
 * The 10,000 annotations are written straight into duban's IndexedDB from the extension page
 * (setup only), with their digests: 65 copies of the seed notice under other 文号, every item annotated.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Page } from 'playwright-core';
import type { ItemAnnotation } from '../../lib/annotation/model';
import { ITEM_STATUSES } from '../../lib/annotation/model';
import { addDays, shanghaiDayOf } from '../../lib/annotation/shanghai-time';
import type { NoticeRecord } from '../../lib/notice/notice-record';
import { deriveDigests } from '../../lib/summary/digests';
import { recogniseNotice } from '../../lib/notice/recognise';
import { GONGSHU } from '../../lib/notice/sites';
import { EXTENSION_DIR, extensionPage, launchDuban, ROOT } from '../../tests/e2e/harness';
import { median, round } from './stats';

export const OVERVIEW_ROWS = 10_000;

/** Notices and annotations: every item of 65 notices (156 items each) until `count`. */
export function syntheticData(count = OVERVIEW_ROWS): { notices: NoticeRecord[]; annotations: ItemAnnotation[] } {
  const url = GONGSHU.samples.notice;
  const r = recogniseNotice(parseHTML(readFileSync(join(ROOT, 'seeds/gongshu-2024-2.html'), 'utf8')).document as unknown as Document, { url });
  if (!r.ok) throw new Error(`the seed page did not parse: ${r.reason}`);
  const today = shanghaiDayOf(Date.now());
  const notices: NoticeRecord[] = [];
  const annotations: ItemAnnotation[] = [];
  for (let n = 0; annotations.length < count; n++) {
    const docNo = `拱政办发〔${2000 + n}〕${(n % 9) + 1}号`;
    notices.push({ ...r.notice, docNo, key: docNo, year: 2000 + n, urls: [url], firstSeenAt: 1, lastSeenAt: 1 });
    for (const item of r.notice.items) {
      if (annotations.length >= count) break;
      const i = annotations.length;
      annotations.push({
        noticeKey: docNo,
        itemKey: item.key,
        status: ITEM_STATUSES[i % ITEM_STATUSES.length],
        note: i % 3 ? `第${i}条备注：已与${item.units[0]?.name ?? '牵头单位'}对接，${i % 7 ? '按计划推进' : '资金缺口待协调'}` : '',
        ...(i % 4 === 0 ? { followUp: addDays(today, (i % 60) - 30) } : {}),
        ...(i % 5 === 0 ? { progress: i % 100 } : {}),
        fingerprint: item.fingerprint,
        createdAt: 1,
        updatedAt: 1 + i,
      });
    }
  }
  return { notices, annotations };
}

/**
 * Writes straight into duban's empty database (already opened, so already at its current version),
 * with the digests the background's own writes would have kept beside them (lib/summary/digests.ts).
 */
export async function seed(page: Page, data: { notices: NoticeRecord[]; annotations: ItemAnnotation[] }): Promise<void> {
  const digests = deriveDigests(data.notices, data.annotations);
  const rows: Record<string, unknown[]> = {
    notices: data.notices,
    annotations: data.annotations,
    noticeDigests: digests.notices,
    annotationDigests: digests.annotations,
    summaryDigests: digests.summaries,
  };
  await page.evaluate(
    (rows) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('duban');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          // A build older than the digests has no such tables (A/B runs of the benchmarks).
          const stores = Object.keys(rows).filter((name) => db.objectStoreNames.contains(name));
          const tx = db.transaction(stores, 'readwrite');
          for (const name of stores) for (const row of rows[name]) tx.objectStore(name).put(row);
          tx.oncomplete = () => (db.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    rows,
  );
}

/** Re-saves one annotation with a new time, around the background: its cached answer is stale. */
export async function touch(page: Page, a: ItemAnnotation): Promise<void> {
  await page.evaluate(
    (a) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('duban');
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('annotations', 'readwrite');
          tx.objectStore('annotations').put({ ...a, updatedAt: Date.now() });
          tx.oncomplete = () => (db.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    a,
  );
}

/** Reloads the overview; answers [first screen painted, every row loaded and painted] in ms from navigation. */
export async function renderTime(page: Page): Promise<[number, number]> {
  await page.reload({ waitUntil: 'load' });
  const handle = await page.waitForFunction(
    () => {
      const [first] = performance.getEntriesByName('duban-overview-rendered');
      const [all] = performance.getEntriesByName('duban-overview-complete');
      return first && all && [first.startTime, all.startTime];
    },
    undefined,
    { timeout: 30_000 },
  );
  const rows = await page.locator('table.overview tbody tr[data-item]').count();
  if (rows === 0) throw new Error('the overview rendered no rows');
  return (await handle.jsonValue()) as [number, number];
}

/** Runs `change` in the page and answers the time to the next painted frame. */
export function timeChange(page: Page, selector: string, value: string, event: 'input' | 'change'): Promise<number> {
  return page.evaluate(
    ({ selector, value, event }) =>
      new Promise<number>((resolve) => {
        const el = document.querySelector<HTMLInputElement | HTMLSelectElement>(selector)!;
        const t0 = performance.now();
        el.value = value;
        el.dispatchEvent(new Event(event, { bubbles: true }));
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0)));
      }),
    { selector, value, event },
  );
}

export async function benchOverview(opts: { renders?: number; rounds?: number } = {}): Promise<{
  overview_render_ms: number;
  overview_filter_ms: number;
  overview_complete_ms: number;
  overview_complete_warm_ms: number;
}> {
  if (!existsSync(join(EXTENSION_DIR, 'overview.html'))) throw new Error(`no built overview at ${EXTENSION_DIR}: run \`npx wxt build\` first`);
  const duban = await launchDuban({ headless: true });
  try {
    const page = await extensionPage(duban.context, duban.extensionId, 'overview.html');
    // The background has opened (and created) the database once the page has its first answer.
    await page.waitForFunction(() => performance.getEntriesByName('duban-overview-complete').length > 0, undefined, { timeout: 30_000 });
    const data = syntheticData();
    await seed(page, data);
    await renderTime(page); // warm: code compiled once
    // Cold: the background's answer must be rebuilt from IndexedDB (a write before each load).
    const cold: [number, number][] = [];
    for (let i = 0; i < (opts.renders ?? 7); i++) {
      await touch(page, data.annotations[i]);
      cold.push(await renderTime(page));
    }
    // Warm: the background answers from memory (the tab coming back, a second opening).
    const warm: [number, number][] = [];
    for (let i = 0; i < (opts.renders ?? 7); i++) warm.push(await renderTime(page));
    // Every item of every notice, annotated or not (10,000 annotated).
    const items = data.notices.reduce((n, x) => n + x.items.length, 0);
    const shown = await page.locator('.top .counts strong').textContent();
    if (shown !== String(items)) throw new Error(`the overview shows ${shown} rows, not ${items}`);

    const search = '.filters input[type="search"]';
    const n = data.notices[0].items;
    const steps: [string, string, 'input' | 'change'][] = [
      [search, '区', 'input'],
      [search, '区政', 'input'],
      [search, '区政府', 'input'],
      [search, '资金缺口', 'input'],
      [search, 'gdp', 'input'],
      [search, '', 'input'],
      ['select[name="status"]', 'behind', 'change'],
      ['select[name="status"]', '', 'change'],
      ['select[name="leader"]', data.notices[0].sections[2].leader, 'change'],
      ['select[name="leader"]', '', 'change'],
      ['select[name="unit"]', n[40].units[0].name, 'change'],
      ['select[name="unit"]', '', 'change'],
      ['select[name="followUp"]', 'overdue', 'change'],
      ['select[name="followUp"]', 'all', 'change'],
    ];
    const filters: number[] = [];
    for (let round = 0; round < (opts.rounds ?? 5); round++) {
      for (const [sel, value, event] of steps) filters.push(await timeChange(page, sel, value, event));
    }
    return {
      overview_render_ms: round(median(cold.map((t) => t[0]))),
      overview_filter_ms: round(median(filters)),
      overview_complete_ms: round(median(cold.map((t) => t[1]))),
      overview_complete_warm_ms: round(median(warm.map((t) => t[1]))),
    };
  } finally {
    await duban.close();
  }
}

// `npx tsx scripts/bench/overview.ts` runs it alone.
if (process.argv[1]?.endsWith('overview.ts')) {
  benchOverview().then((r) => console.log(JSON.stringify(r)));
}
