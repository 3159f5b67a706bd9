/**
 * Export, import and the popup's summary with 10,000 annotations across 8 notices.
 * Node (fake-indexeddb): export = read + build + serialise the JSON file; import = parse + Zod +
 * plan + one transaction into an empty database; popup_summary_compute_ms = what the background
 * computes for one opening of the popup, from the digests it reads (lib/summary/digests.ts).
 * With `chromium` (default when the extension is built): the same import and export as messages to
 * the real background (IndexedDB), and popup_summary_ms: the popup's time to first render of its
 * summary (navigation start → the `duban:popup-summary` mark, set after that frame), reloading
 * popup.html with the background running; popup_summary_cold_ms: the same when Chromium had
 * stopped the background's service worker (as it does after 30 s idle), so it starts again first.
 * Goals: import ≤ 1 s, export ≤ 0.5 s, popup summary ≤ 100 ms.
 */
import Dexie from 'dexie';
import { noticeKey } from '../../lib/notice/notice-key';
import type { Page } from 'playwright-core';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ITEM_STATUSES, type HistoryEntry, type ItemAnnotation } from '../../lib/annotation/model';
import { DubanDatabase } from '../../lib/db/database';
import type { NoticeRecord } from '../../lib/notice/notice-record';
import { deriveDigests } from '../../lib/summary/digests';
import { createTransferHandlers } from '../../entrypoints/background/transfer-handlers';
import { detailedNotices, summariseDigests, withDetails } from '../../lib/summary/summary';
import { EXTENSION_DIR } from '../../tests/e2e/harness';
import { median, medianMs, round } from './stats';

const NOTICES = 8;
const PER_NOTICE = 1250;
const NOW = Date.UTC(2025, 5, 15, 2, 0);

/** A deterministic PRNG (mulberry32). */
function prng(seed: number) {
  let a = seed >>> 0;
  return (n: number) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

export function syntheticData(): { notices: NoticeRecord[]; annotations: ItemAnnotation[]; history: HistoryEntry[] } {
  const pick = prng(2024);
  const leaders = ['冯晶区长', '王明副区长', '李华副区长', '张伟副区长', '陈静副区长', '刘洋副区长'];
  const units = ['区发改局', '区经信局', '区建设局', '区财政局', '区商务局', '区教育局', '区卫健局', '区民政局', '区城管局', '各街道'];
  const notices: NoticeRecord[] = [];
  const annotations: ItemAnnotation[] = [];
  const history: HistoryEntry[] = [];
  for (let n = 1; n <= NOTICES; n++) {
    const docNo = `拱政办发〔2025〕${n}号`;
    const url = `https://www.gongshu.gov.cn/art/2025/1/${n}/art_${9000 + n}.html`;
    const key = noticeKey({ docNo, sourceUrl: url });
    notices.push({
      key,
      docNo,
      title: `关于印发2025年重点工作责任分解的通知（${n}）`,
      year: 2025,
      sourceUrl: url,
      sections: leaders.map((leader, i) => ({ ordinal: i + 1, leader, heading: `${i + 1}、${leader}牵头工作` })),
      items: Array.from({ length: PER_NOTICE }, (_, i) => ({
        key: String(i + 1),
        number: i + 1,
        text: `推进第${i + 1}项重点工作：深化数字化改革，完善城市更新与民生实事项目的协同推进机制，确保按期完成`,
        section: (i % leaders.length) + 1,
        units: [units[i % units.length], units[(i + 3) % units.length]].map((name, j) => ({ name, lead: j === 0 })),
        fingerprint: `fp${n}-${i + 1}`,
      })),
      gaps: [],
      urls: [url],
      firstSeenAt: NOW - 90 * 86_400_000,
      lastSeenAt: NOW - pick(30) * 86_400_000,
    });
    for (let i = 1; i <= PER_NOTICE; i++) {
      const created = NOW - pick(150) * 86_400_000;
      const status = ITEM_STATUSES[pick(ITEM_STATUSES.length)];
      const noteAt = created + pick(86_400_000);
      const note = pick(10) < 6 ? `第${i}项：已召开专题会，${['街道已回复', '材料已报送', '待区政府审定', '进度正常'][pick(4)]}，下周再跟进。` : '';
      const a: ItemAnnotation = { noticeKey: key, itemKey: String(i), status, note, fingerprint: `fp${n}-${i}`, createdAt: created, updatedAt: noteAt + 1000 };
      if (note) a.noteUpdatedAt = noteAt;
      if (pick(10) < 3) a.followUp = new Date(NOW + (pick(40) - 20) * 86_400_000).toISOString().slice(0, 10);
      if (pick(10) < 4) a.progress = pick(101);
      annotations.push(a);
      history.push({ noticeKey: key, itemKey: String(i), at: created, field: 'created' });
      history.push({ noticeKey: key, itemKey: String(i), at: created, field: 'status', from: 'not_started', to: status });
      if (note) history.push({ noticeKey: key, itemKey: String(i), at: noteAt, field: 'note', from: 0, to: note.length });
    }
  }
  return { notices, annotations, history };
}

let seq = 0;
async function freshDb(): Promise<DubanDatabase> {
  const db = new DubanDatabase(`bench-transfer-${process.pid}-${seq++}`);
  await db.open();
  return db;
}
async function drop(db: DubanDatabase) {
  db.close();
  await Dexie.delete(db.name);
}

async function timeAsync(fn: () => Promise<void>, runs: number, setup?: () => Promise<void>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    await setup?.();
    const t0 = performance.now();
    await fn();
    if (i > 0) times.push(performance.now() - t0); // the first run warms the JIT
  }
  return median(times);
}

/** In Node: the three goals' numbers. */
async function benchNode() {
  // Node has no IndexedDB: Dexie gets fake-indexeddb's, whatever was imported first.
  if (typeof globalThis.indexedDB === 'undefined') Object.assign(Dexie.dependencies, { indexedDB, IDBKeyRange });
  const data = syntheticData();
  const source = await freshDb();
  await source.transaction('rw', source.notices, source.annotations, source.history, async () => {
    await source.notices.bulkPut(data.notices);
    await source.annotations.bulkPut(data.annotations);
    await source.history.bulkAdd(data.history);
  });
  const handlers = createTransferHandlers(source, () => NOW);
  let text = '';
  const export_10k_ms = await timeAsync(async () => {
    const r = await handlers.exportAnnotations({ format: 'json' });
    if (!r.ok || r.value.items !== NOTICES * PER_NOTICE) throw new Error('export failed');
    text = r.value.text;
  }, 5);

  let target: DubanDatabase | undefined;
  const import_10k_ms = await timeAsync(
    async () => {
      const r = await createTransferHandlers(target!, () => NOW).applyImport({ text });
      if (!r.ok || r.value.counts.new !== NOTICES * PER_NOTICE) throw new Error(`import failed: ${r.ok ? JSON.stringify(r.value.counts) : r.error}`);
    },
    3,
    async () => {
      if (target) await drop(target);
      target = await freshDb();
    },
  );
  if (target) await drop(target);
  await drop(source);

  // What getPopupSummary computes from the digests it reads.
  const digests = deriveDigests(data.notices, data.annotations);
  const byKey = <T>(rows: T[], key: (row: T) => string) => new Map(rows.map((r) => [key(r), r]));
  const noticeDigests = byKey(digests.notices, (n) => n.key);
  const annotationDigests = byKey(digests.annotations, (a) => a.noticeKey);
  const popup_summary_compute_ms = medianMs(
    () => {
      const skeleton = summariseDigests({ digests: digests.summaries, now: NOW, activeUrl: data.notices[3].sourceUrl });
      const keys = detailedNotices(skeleton);
      const s = withDetails(skeleton, keys.map((k) => noticeDigests.get(k)), keys.map((k) => annotationDigests.get(k)));
      if (s.notices.length !== NOTICES || !s.notices[0].overdue.entries[0]?.text) throw new Error('summary failed');
    },
    30,
    10,
  );
  return {
    export_10k_ms: round(export_10k_ms),
    import_10k_ms: round(import_10k_ms),
    popup_summary_compute_ms: round(popup_summary_compute_ms),
    file_mb: round(text.length / 1024 / 1024),
    text,
  };
}

/** Reloads the popup page; answers ms from navigation to its summary's first render. */
export async function popupRenderMs(page: Page, opts: { stopWorker?: boolean } = {}): Promise<number> {
  if (opts.stopWorker) await stopServiceWorkers(page);
  await page.reload();
  // A string, not a function: tsx would wrap a named inner function in a __name() the page lacks.
  return page.evaluate<number>(`new Promise((resolve) => {
    const check = () => {
      const mark = performance.getEntriesByName('duban:popup-summary')[0];
      if (mark) resolve(mark.startTime);
      else requestAnimationFrame(check);
    };
    check();
  })`);
}

/** Stops duban's background service worker, as Chromium does to an idle extension: the next message starts it again. */
export async function stopServiceWorkers(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
  } finally {
    await cdp.detach();
  }
}

/** Medians of the popup's first render: `runs` reloads after one to warm up, with the background running, then after stopping it. */
export async function popupRenderTimes(page: Page, runs: number): Promise<{ warm: number; cold: number }> {
  const warm: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const ms = await popupRenderMs(page);
    if (i > 0) warm.push(ms);
  }
  const cold: number[] = [];
  for (let i = 0; i < runs; i++) cold.push(await popupRenderMs(page, { stopWorker: true }));
  return { warm: round(median(warm)), cold: round(median(cold)) };
}

/** In Chromium with the built extension: the same through the real background, and the popup's first render. */
async function benchChromium(text: string, runs = 3) {
  const { extensionPage, launchDuban } = await import('../../tests/e2e/harness');
  const duban = await launchDuban();
  try {
    const page = await extensionPage(duban.context, duban.extensionId, 'popup.html');
    const send = (type: string, data: unknown) =>
      page.evaluate(
        ([type, data]) =>
          new Promise<{ ms: number; ok: boolean; error?: string }>((resolve) => {
            const t0 = performance.now();
            chrome.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() }, (reply) =>
              resolve({ ms: performance.now() - t0, ok: Boolean(reply?.res?.ok), error: reply?.res?.error ?? reply?.err?.message }),
            );
          }),
        [type, data] as const,
      );
    // The same popup with an empty database, in the same run: what any popup costs here.
    const empty = await popupRenderTimes(page, Math.max(runs, 7));
    // The first import writes 10,000 new items; the file is then re-imported (all unchanged) to time reading + planning again.
    const first = await send('applyImport', { text });
    if (!first.ok) throw new Error(`chromium import failed: ${first.error}`);
    const exportTimes: number[] = [];
    for (let i = 0; i < runs; i++) exportTimes.push((await send('exportAnnotations', { format: 'json' })).ms);
    const popup = await popupRenderTimes(page, Math.max(runs, 7));
    const shown = await page.locator('section.notice').count();
    if (shown !== NOTICES) throw new Error(`the popup shows ${shown} notices, not ${NOTICES}`);
    return {
      import_10k_chromium_ms: round(first.ms),
      export_10k_chromium_ms: round(median(exportTimes)),
      popup_summary_ms: popup.warm,
      popup_summary_cold_ms: popup.cold,
      popup_empty_ms: empty.warm,
      popup_summary_ratio: round(popup.warm / empty.warm),
      popup_kb: popupKb(),
    };
  } finally {
    await duban.close();
  }
}

export async function benchTransfer(opts: { chromium?: boolean } = {}) {
  const { text, file_mb: _mb, ...node } = await benchNode();
  const chromium = opts.chromium ?? existsSync(join(EXTENSION_DIR, 'manifest.json'));
  if (!chromium) return node;
  return { ...node, ...(await benchChromium(text)) };
}

/**
 * The popup's own bundle: its page's script and every chunk the page preloads (its static
 * imports), minified; what it loads on demand (the ledger's spreadsheet library) is not in it.
 */
export function popupKb(): number {
  const html = readFileSync(join(EXTENSION_DIR, 'popup.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]*\bsrc|link rel="modulepreload"[^>]*\bhref)="\/([^"]+\.js)"/g)].map((m) => m[1]);
  if (!files.length) throw new Error('popup.html names no script');
  return round(files.reduce((n, f) => n + statSync(join(EXTENSION_DIR, f)).size, 0) / 1024);
}
