// The meeting report and the exports other tools read, end to end in the built extension: the
// notice page prints without duban's rows; the report covers every item, names the notice on
// every printed page and fits the page; its Word file is made under the extension's CSP and read
// back; every Web Annotation anchors to its own item on the served page the way Hypothesis does.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anchorQuote } from '../anchor-quote';
import { addDays, shanghaiDayOf } from '../../lib/annotation/shanghai-time';
import type { Notice } from '../../lib/notice/types';
import { sendFromPage } from './db';
import { barClick, visibleItems } from './overlay-helpers';
import { EXTENSION_DIR, extensionPage, launchDuban, noticeSeed, openNotice, ROOT, screenshot, serveSeeds, type Duban } from './harness';

const DOC_NO = '拱政办发〔2024〕2号';
/** The seed notice's key: its 文号 at its site (lib/notice/notice-key.ts). */
const KEY = `${DOC_NO}@www.gongshu.gov.cn`;
const OUT = join(ROOT, 'artifacts/report');

async function send<T>(page: Page, type: string, data: unknown): Promise<T> {
  const r = await sendFromPage<T>(page, type, data);
  if (!r.ok) throw new Error(`${type} failed: ${r.error}`);
  return r.value;
}

/** A PDF's pages as text (pdftotext, poppler-utils: scripts/setup.sh installs it), and each page as a PNG to look at. */
function pdfPages(pdf: string, name: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-l', '3', pdf, join(OUT, name)]);
  return text.split('\f').filter((p) => p.trim());
}

describe('reports and exports for people and other tools', () => {
  let duban: Duban;
  let notice: Page;
  let overview: Page;
  let items: Notice['items'];

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    duban = await launchDuban();
    await serveSeeds(duban.context);
    notice = await openNotice(duban.context, noticeSeed().url, { timeout: 30_000 });
    overview = await extensionPage(duban.context, duban.extensionId, 'overview.html');
    const stored = await overview.evaluate(async (key) => {
      const open = indexedDB.open('duban');
      const db = await new Promise<IDBDatabase>((res, rej) => ((open.onsuccess = () => res(open.result)), (open.onerror = () => rej(open.error))));
      const req = db.transaction('notices').objectStore('notices').get(key);
      return new Promise<{ items: Notice['items'] }>((res) => (req.onsuccess = () => res(req.result)));
    }, KEY);
    items = stored.items;
    const edits: [string, Record<string, unknown>][] = [
      ['1', { status: 'in_progress', note: '已召开专题会\n第二行：材料待报', progress: 40 }],
      ['2', { status: 'done', progress: 100 }],
      // Followed up a fortnight ago, not done: 跟进 says the date and 逾期.
      ['20', { status: 'behind', note: '资金缺口待协调', followUp: addDays(shanghaiDayOf(Date.now()), -14) }],
      ['150', { status: 'paused', note: '指标调整' }],
    ];
    for (const [itemKey, edit] of edits) {
      const item = items.find((i) => i.key === itemKey)!;
      await send(overview, 'saveAnnotation', { noticeKey: KEY, itemKey, fingerprint: item.fingerprint, ...edit });
    }
  }, 90_000);
  afterAll(async () => {
    await duban?.close();
  });

  it('prints the notice page without duban’s rows and bar', async () => {
    await notice.bringToFront();
    const shown = () =>
      notice.evaluate(() =>
        [...document.querySelectorAll('[data-duban-item], [data-duban-bar]')].map((h) => getComputedStyle(h).display !== 'none'),
      );
    const onScreen = await shown();
    expect(onScreen.length).toBeGreaterThan(156);
    expect(onScreen.every(Boolean)).toBe(true);
    await notice.emulateMedia({ media: 'print' });
    expect((await shown()).some(Boolean)).toBe(false);
    // Back to the page's own media (a forced 'screen' would hold in the PDF too).
    await notice.emulateMedia({ media: null });
    const pdf = join(OUT, 'notice.pdf');
    await notice.pdf({ path: pdf, format: 'A4' });
    const pages = pdfPages(pdf, 'notice');
    // The page's own words print; none of duban's (its rows say 编辑 and the statuses).
    expect(pages.join('')).toContain('坚持政治引领');
    expect(pages.join('')).not.toMatch(/编辑|未开始|推进中/);
  });

  it('prints the whole notice while the bar filters it on screen', async () => {
    await notice.bringToFront();
    await barClick(notice, '.chip.s-done');
    await expect.poll(() => visibleItems(notice)).toEqual([2]);
    const pdf = join(OUT, 'notice-filtered.pdf');
    await notice.pdf({ path: pdf, format: 'A4' });
    const printed = pdfPages(pdf, 'notice-filtered').join('').replace(/\s+/g, '');
    // Every item's words, not only item 2's: the filter is a view on screen, the page prints as published.
    for (const key of ['1', '20', '150']) expect(printed).toContain(items.find((i) => i.key === key)!.text.replace(/\s+/g, '').slice(0, 12));
    await barClick(notice, '.chip.s-done');
    await expect.poll(async () => (await visibleItems(notice)).length).toBe(156);
  });

  it('reports every item, the notice named on every printed page, the table inside the page', async () => {
    await overview.bringToFront();
    await overview.reload();
    await overview.getByRole('button', { name: /会议报告/ }).click();
    await overview.locator('.report').waitFor();
    const reported = await overview.locator('.report-items tbody tr').evaluateAll((trs) => new Set(trs.map((tr) => tr.getAttribute('data-item'))).size);
    expect(reported).toBe(156);
    const counts = await overview.locator('.report-counts tr.all').textContent();
    expect(counts).toContain('156');
    // The note keeps its line break; the item its full text.
    const first = overview.locator('.report-items tr[data-item="1"]').first();
    expect(await first.locator('td.note').innerText()).toBe('已召开专题会\n第二行：材料待报');
    const longest = items.reduce((a, b) => (b.text.length > a.text.length ? b : a));
    expect(await overview.locator(`.report-items tr[data-item="${longest.key}"] td.r-item`).first().textContent()).toBe(longest.text);

    // Printed on A4 landscape (277 mm wide inside the margins, about 1047 px): no table wider than the page.
    await overview.setViewportSize({ width: 1047, height: 740 });
    await overview.emulateMedia({ media: 'print' });
    const overflow = await overview.evaluate(() =>
      [...document.querySelectorAll('.report table')].filter((t) => t.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).length,
    );
    expect(overflow).toBe(0);
    // The follow-up's date stays whole on one line (its state may go to the next).
    const follow = overview.locator('.report-items tr[data-item="20"] td.r-follow').first();
    expect(await follow.textContent()).toMatch(/^\d{4}-\d{2}-\d{2}（逾期）$/);
    const dateLines = await follow.evaluate((td) => {
      const range = document.createRange();
      range.setStart(td.firstChild!, 0);
      range.setEnd(td.firstChild!, 10);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    expect(dateLines).toBe(1);
    await overview.emulateMedia({ media: null });
    const pdf = join(OUT, 'report.pdf');
    await overview.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const pages = pdfPages(pdf, 'report');
    expect(pages.length).toBeGreaterThan(3);
    for (const [i, page] of pages.entries()) {
      expect(page, `page ${i + 1}`).toContain(DOC_NO);
      expect(page, `page ${i + 1}`).toContain('政府工作报告重点工作责任分解');
    }
    // Landscape: the PDF's pages are wider than tall.
    const size = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }).match(/Page size:\s+([\d.]+) x ([\d.]+)/)!;
    expect(Number(size[1])).toBeGreaterThan(Number(size[2]));
    await overview.setViewportSize({ width: 1280, height: 720 });
    await screenshot(overview, 'report-every-item');
  });

  it('exports the report as a Word document, made and read back under the extension’s CSP', async () => {
    const errors: string[] = [];
    overview.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const [download] = await Promise.all([overview.waitForEvent('download'), overview.locator('[data-export="docx"]').click()]);
    expect(download.suggestedFilename()).toMatch(/^duban-拱政办发〔2024〕2号-\d{4}-\d{2}-\d{2}\.docx$/);
    const file = join(OUT, 'report.docx');
    await download.saveAs(file);
    const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toContain('督办通报');
    expect(text).toContain(DOC_NO);
    // The counts table: the row of all items counts 156, 4 of them annotated.
    const rows = [...xml.matchAll(/<w:tr>.*?<\/w:tr>/g)].map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('|'));
    expect(rows).toContain('全部|156|0|1|1|1|1|152|1');
    // Each group's items: every item's full text, the note's line break.
    for (const item of items) expect(text.replace(/&amp;/g, '&'), item.key).toContain(item.text.replace(/&/g, '&'));
    expect(xml).toMatch(/已召开专题会<\/w:t><\/w:r><w:r>(?:<w:rPr>.*?<\/w:rPr>)?<w:br\/>/);
    const header = execFileSync('sh', ['-c', `unzip -p '${file}' 'word/header*.xml'`], { encoding: 'utf8' });
    expect(header).toContain(DOC_NO);
    expect(errors.filter((e) => /Content Security Policy|eval/i.test(e))).toEqual([]);
    // Escape leaves the report, as 返回 does, and the keyboard is back on 会议报告.
    await overview.keyboard.press('Escape');
    await overview.locator('.report').waitFor({ state: 'detached' });
    await expect.poll(() => overview.evaluate(() => document.activeElement?.textContent)).toMatch(/会议报告/);
  });

  it('keeps docx out of the notice page’s script and the popup: only the overview loads it, when asked', () => {
    const dir = EXTENSION_DIR;
    const files = readdirSync(join(dir, 'chunks')).map((f) => join('chunks', f));
    // docx writes the WordprocessingML namespace; only its own chunk holds it.
    const holding = [...files, 'content-scripts/notice.js', 'probe.js'].filter(
      (f) => existsSync(join(dir, f)) && readFileSync(join(dir, f), 'utf8').includes('schemas.openxmlformats.org/wordprocessingml'),
    );
    expect(holding).toHaveLength(1);
    expect(holding[0]).toMatch(/^chunks\/report-docx-/);
    const popup = files.filter((f) => /^chunks\/popup-/.test(f)).map((f) => readFileSync(join(dir, f), 'utf8'));
    expect(popup.length).toBe(1);
    expect(popup[0]).not.toContain('report-docx');
  });

  it('exports Web Annotations that anchor each to its own item on the served page, as Hypothesis anchors', async () => {
    const exported = await send<{ text: string }>(overview, 'exportAnnotations', { format: 'jsonld', noticeKeys: [KEY] });
    writeFileSync(join(OUT, 'annotations.jsonld'), exported.text);
    const collection = JSON.parse(exported.text) as {
      first: { items: { '@context': string; id: string; motivation: string; target: { source: string; selector: Record<string, unknown>[] } }[] };
    };
    expect(collection.first.items).toHaveLength(4);
    // The page as a matcher sees it now, duban's rows mounted (closed shadow roots add no text).
    await notice.bringToFront();
    const body = await notice.evaluate(() => document.body.textContent ?? '');
    for (const a of collection.first.items) {
      expect(a['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
      expect(a.motivation).toBe('http://www.w3.org/ns/oa#assessing');
      expect(a.target.source).toBe(noticeSeed().url);
      const itemKey = decodeURIComponent(a.id.split(':').pop()!);
      const quote = a.target.selector.find((s) => s.type === 'TextQuoteSelector') as { exact: string; prefix: string; suffix: string };
      const position = a.target.selector.find((s) => s.type === 'TextPositionSelector') as { start: number; end: number };
      const item = items.find((i) => i.key === itemKey)!;
      expect(quote.exact).toBe(item.text);
      // The seed page holds its body twice: the quote is found twice, the position tells which.
      expect(body.split(quote.exact).length - 1).toBe(2);
      expect(anchorQuote(body, { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, hint: position.start })).toEqual({ start: position.start, end: position.end });
      expect(body.slice(position.start, position.end)).toBe(quote.exact);
    }
  });
});
