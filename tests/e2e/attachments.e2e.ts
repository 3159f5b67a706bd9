// A breakdown whose list is an attachment (Chromium + the built extension): a JCMS cover page at
// its government URL links its .docx through /module/download/downfile.jsp, which redirects to
// object storage on another host. The probe finds the cover; 在督办中打开 opens duban's document
// viewer, which fetches the file itself, shows the table and overlays every item; a note typed
// there is saved, is there after a reload (the file then comes from the database, not fetched
// again), and the overview's link opens the viewer, not the file. The notice is the cover's 文号
// at the cover's site plus the attachment's title, never the storage host. The same for an .xlsx
// (a second cover), 识别本页 on a cover offers its attachments, a Chinese PDF with a predefined
// CMap reads, and a file dropped on the viewer is kept and reopens from the overview.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDb } from './db';
import { USER_ACTION_ARGS, userAsks } from './user-asks';
import { editorSaved, field, itemInEditor, openEditor, rowLabel } from './editor';
import { extensionPage, launchDuban, ROOT, screenshot, serveHtml, type Duban } from './harness';
import { XLSX_DEADLINES } from '../../scripts/make-attachments';

const COVER_URL = 'http://www.zhonglou.gov.cn/art/2021/3/18/art_1229_3251.html';
const DOWNLOAD = 'http://www.zhonglou.gov.cn/module/download/downfile.jsp?classid=0&filename=2103181620.docx';
const STORAGE_HOST = 'zhonglou-gov.oss-cn-hangzhou.aliyuncs.com';
const STORED_PATH = '/jcms/2021/03/2103181620.docx';
const LEGACY = 'http://www.zhonglou.gov.cn/uploadfile/2021/0318/old.doc';
const CMAP_PDF = 'http://www.zhonglou.gov.cn/uploadfile/2021/0318/P020210319.pdf';
// A second cover, its list an .xlsx behind the same kind of download link.
const XLSX_COVER_URL = 'https://www.gongshu.gov.cn/art/2024/3/8/art_1229290402_4246200.html';
const XLSX_DOWNLOAD = 'https://www.gongshu.gov.cn/module/download/downfile.jsp?classid=0&filename=2403081620.xlsx';
const XLSX_STORED_PATH = '/jcms/2024/03/2403081620.xlsx';
const XLSX_TITLE = '关于印发区2024年政府工作报告重点工作责任分解表的通知';
const XLSX_ATTACHMENT = '2024年区政府工作报告重点工作责任分解表';
const XLSX_DOC_NO = '拱政办发〔2024〕5号';
const xlsxCoverHtml = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${XLSX_TITLE}</title><meta name="ArticleTitle" content="${XLSX_TITLE}"></head>
<body><table class="xxgk"><tr><th>文号</th><td>${XLSX_DOC_NO}</td></tr></table><h1>${XLSX_TITLE}</h1><div id="zoom">
<p>各街道办事处，区政府各部门、各直属单位：</p><p>现将《${XLSX_ATTACHMENT}》印发给你们，请认真抓好落实。</p>
<p>杭州市拱墅区人民政府办公室</p><p>2024年3月8日</p>
<p>附件：<a href="/module/download/downfile.jsp?classid=0&amp;filename=2403081620.xlsx">${XLSX_ATTACHMENT}.xlsx</a></p></div></body></html>`;
const PDF = 'http://www.zhonglou.gov.cn/uploadfile/2021/0318/P020210318.pdf';
const TITLE = '关于印发2021年重大民生实事项目目标任务责任分解表的通知';
const ATTACHMENT = '2021年重大民生实事项目目标任务责任分解表';
const DOC_NO = '常钟政办〔2021〕3号';
const ISSUER = '常州市钟楼区人民政府办公室';
/**
 * The viewer's worker whose script matches `url`. Playwright may hear of a worker after the page
 * is ready (it attaches to it on its own time): its event, when it is not listed yet.
 */
async function viewerWorker(page: Page, url: RegExp): Promise<Worker> {
  return page.workers().find((w) => url.test(w.url())) ?? page.waitForEvent('worker', { predicate: (w) => url.test(w.url()), timeout: 10_000 });
}

const expected = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/notices/zhonglou-2021.expected.json'), 'utf8')) as { lists: { items: { key: string }[] }[] };
const keys = expected.lists.flatMap((l) => l.items.map((i) => i.key));

const coverHtml = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${TITLE}</title><meta name="ArticleTitle" content="${TITLE}"></head>
<body><table class="xxgk"><tr><th>文号</th><td>${DOC_NO}</td></tr></table><h1>${TITLE}</h1><div id="zoom">
<p>各镇人民政府、街道办事处，区各有关部门：</p><p>现将《${ATTACHMENT}》印发给你们，请认真抓好落实。</p>
<p>${ISSUER}</p><p>2021年3月18日</p>
<p>附件：<a href="/module/download/downfile.jsp?classid=0&amp;filename=2103181620.docx">1.${ATTACHMENT}.docx</a></p>
<p><a href="/uploadfile/2021/0318/old.doc">2.旧格式附件.doc</a></p>
<p><a href="/uploadfile/2021/0318/P020210318.pdf">3.重点工作责任分解.pdf</a></p>
<p><a href="/uploadfile/2021/0318/P020210319.pdf">4.重点工作责任分解（扫描版式）.pdf</a></p></div></body></html>`;
const prose = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/notices/haiyan-2022.expected.json'), 'utf8')) as typeof expected;

describe('a notice whose list is an attachment', () => {
  let duban: Duban;
  let cover: Page;
  let viewer: Page;
  let downloads = 0;
  // The cover's 文号 at the cover's site plus the attachment's title: not the object-storage host the download went to.
  const key = `${DOC_NO}@www.zhonglou.gov.cn 附件：${ATTACHMENT}`;

  let storage: Server;

  beforeAll(async () => {
    // The file lives on object storage, another host, which the site's download link redirects
    // to. The browser does not route the request a routed redirect leads to, so that host is a
    // local server the browser resolves it to.
    const stored: Record<string, Buffer> = {
      [STORED_PATH]: readFileSync(join(ROOT, 'tests/fixtures/attachments/zhonglou-2021-table.docx')),
      [XLSX_STORED_PATH]: readFileSync(join(ROOT, 'tests/fixtures/attachments/gongshu-2024-breakdown.xlsx')),
    };
    storage = createServer((req, res) => {
      const file = stored[req.url ?? ''];
      if (!file) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': file.length }).end(file);
    });
    await new Promise<void>((resolve) => storage.listen(0, '127.0.0.1', resolve));
    const storedAt = (path: string) => `http://${STORAGE_HOST}:${(storage.address() as AddressInfo).port}${path}`;
    duban = await launchDuban({ args: [`--host-resolver-rules=MAP ${STORAGE_HOST} 127.0.0.1`, ...USER_ACTION_ARGS] });
    await serveHtml(duban.context, COVER_URL, coverHtml);
    await serveHtml(duban.context, XLSX_COVER_URL, xlsxCoverHtml);
    await duban.context.route(DOWNLOAD, (route) => {
      downloads++;
      return route.fulfill({ status: 302, headers: { location: storedAt(STORED_PATH) } });
    });
    await duban.context.route(XLSX_DOWNLOAD, (route) => route.fulfill({ status: 302, headers: { location: storedAt(XLSX_STORED_PATH) } }));
    await duban.context.route(CMAP_PDF, (route) => route.fulfill({ status: 200, contentType: 'application/pdf', body: readFileSync(join(ROOT, 'tests/fixtures/attachments/haiyan-2022-prose-cmap.pdf')) }));
    await duban.context.route(PDF, (route) => route.fulfill({ status: 200, contentType: 'application/pdf', body: readFileSync(join(ROOT, 'tests/fixtures/attachments/haiyan-2022-prose.pdf')) }));
    await duban.context.route(LEGACY, (route) => route.fulfill({ status: 200, contentType: 'application/msword', body: readFileSync(join(ROOT, 'tests/fixtures/attachments/legacy-breakdown.doc')) }));
  }, 60_000);
  afterAll(async () => {
    await duban?.close();
    storage?.close();
  });

  const openFromCover = async (index: number, from = cover) => {
    const opened = duban.context.waitForEvent('page');
    await from.bringToFront();
    await from.locator(`[data-duban-attachment="${index}"]`).click();
    const page = await opened;
    await page.waitForLoadState('domcontentloaded');
    return page;
  };

  it('marks the cover page and puts 在督办中打开 beside each attachment', async () => {
    cover = await duban.context.newPage();
    await cover.goto(COVER_URL);
    await cover.locator('html[data-duban="cover"]').waitFor({ state: 'attached', timeout: 30_000 });
    expect(await cover.locator('[data-duban-attachment]').count()).toBe(4);
    // The button is in a closed root: the page sees a plain host, no text.
    expect(await cover.evaluate(() => document.querySelector('[data-duban-attachment]')!.shadowRoot)).toBeNull();
  });

  it('opens the docx in the viewer (through the redirect) with every item overlaid', async () => {
    viewer = await openFromCover(0);
    expect(viewer.url()).toMatch(/^chrome-extension:\/\/[^/]+\/viewer\.html\?src=/);
    await viewer.locator('html[data-duban="ready"]').waitFor({ state: 'attached', timeout: 30_000 });
    expect(Number(await viewer.locator('html').getAttribute('data-duban-items'))).toBe(keys.length);
    expect(await viewer.locator('article td[rowspan]').count()).toBeGreaterThan(0);
    expect(await viewer.locator('[data-duban-viewer-bar]').evaluate((h) => h.shadowRoot!.querySelector('a[data-duban-cover-link]')!.getAttribute('href'))).toBe(COVER_URL);
    expect(downloads).toBe(1);
    // Read in the viewer's docx worker, off the page's thread.
    expect((await viewerWorker(viewer, /\/assets\/docx-worker-[\w-]+\.js$/)).url()).toMatch(/docx-worker/);
    await screenshot(viewer, 'viewer-docx');
  });

  it('saves a note typed in the viewer, and shows it after a reload without fetching the file again', async () => {
    const item = keys[0];
    const frame = await openEditor(viewer, item);
    const note = await field(frame, 'note');
    await note.pressSequentially('附件里的第一项已开工');
    await editorSaved(frame);
    await viewer.reload();
    await viewer.locator('html[data-duban="ready"]').waitFor({ state: 'attached', timeout: 30_000 });
    await expect.poll(() => rowLabel(viewer, item, 'note')).toContain('附件里的第一项已开工');
    expect((await itemInEditor(viewer, item)).note).toBe('附件里的第一项已开工');
    expect(downloads).toBe(1);
    const db = await readDb(duban.context, duban.extensionId);
    const stored = db.notices.find((n) => n.key === key);
    expect(stored).toMatchObject({ docNo: DOC_NO, issuer: ISSUER, attachment: { cover: COVER_URL } });
    expect(db.notices.some((n) => String(n.key).includes(STORAGE_HOST))).toBe(false);
    expect(db.annotations.find((a) => a.noticeKey === key && a.itemKey === item)).toMatchObject({ note: '附件里的第一项已开工' });
  });

  it('is in the overview, whose link opens the viewer from the kept file', async () => {
    // No tab shows the notice any more: the link opens one.
    await viewer.close();
    const overview = await extensionPage(duban.context, duban.extensionId, 'overview.html');
    await overview.locator('table.overview tbody tr[data-item]').first().waitFor();
    expect(await overview.locator('table.overview').textContent()).toContain('附件里的第一项已开工');
    await overview.locator('table.overview tbody tr[data-item]').first().locator('td.c-no').click();
    const opened = duban.context.waitForEvent('page');
    await overview.locator('aside.details a[href*="downfile.jsp"]').click();
    const again = await opened;
    await again.locator('html[data-duban="ready"]').waitFor({ state: 'attached', timeout: 30_000 });
    expect(again.url()).toContain('viewer.html?notice=');
    expect(downloads).toBe(1);
    await again.close();
    await overview.close();
  });

  it('reads a PDF’s text layer in pdf.js’s worker and overlays every item', async () => {
    const page = await openFromCover(2);
    await page.locator('html[data-duban="ready"]').waitFor({ state: 'attached', timeout: 30_000 });
    expect(Number(await page.locator('html').getAttribute('data-duban-items'))).toBe(prose.lists.flatMap((l) => l.items).length);
    await screenshot(page, 'viewer-pdf');
    await page.close();
  });

  it('says plainly that a .doc cannot be read, and how to make it work', async () => {
    const page = await openFromCover(1);
    await page.locator('html[data-duban-viewer="refused"]').waitFor({ state: 'attached', timeout: 30_000 });
    expect(await page.locator('html').getAttribute('data-duban-viewer-code')).toBe('attachment.legacy');
    const said = await page.locator('[data-duban-viewer-bar]').evaluate((h) => h.shadowRoot!.querySelector('[role=status]')!.textContent);
    expect(said).toContain('另存为 .docx');
    await page.close();
  });

  it('opens a file picked from disk, Word’s own numbering read', async () => {
    const page = await extensionPage(duban.context, duban.extensionId, 'viewer.html');
    await page.locator('[data-duban-viewer-bar] input[type=file]').setInputFiles(join(ROOT, 'tests/fixtures/attachments/numbered-prose.docx'));
    await page.locator('html[data-duban="ready"]').waitFor({ state: 'attached', timeout: 30_000 });
    expect(Number(await page.locator('html').getAttribute('data-duban-items'))).toBe(3);
    expect(await page.locator('article').textContent()).toContain('二、办好民生实事');
    await page.close();
  });

  it('reads a Chinese PDF whose font uses a predefined CMap, with the CMaps shipped in duban', async () => {
    const page = await openFromCover(3);
    await page.locator('html[data-duban="ready"]').waitFor({ state: 'attached', timeout: 30_000 });
    expect(Number(await page.locator('html').getAttribute('data-duban-items'))).toBe(prose.lists.flatMap((l) => l.items).length);
    await page.close();
  });

  describe('an .xlsx attachment', () => {
    let xlsxCover: Page;
    let sheet: Page;
    const sheetKey = `${XLSX_DOC_NO}@www.gongshu.gov.cn 附件：${XLSX_ATTACHMENT}`;
    const firstItem = '1';

    it('opens from its cover in the viewer: the table with its merged cells, every item overlaid', async () => {
      xlsxCover = await duban.context.newPage();
      await xlsxCover.goto(XLSX_COVER_URL);
      await xlsxCover.locator('html[data-duban="cover"]').waitFor({ state: 'attached', timeout: 30_000 });
      sheet = await openFromCover(0, xlsxCover);
      await sheet.locator('html[data-duban="ready"]').waitFor({ state: 'attached', timeout: 30_000 });
      expect(Number(await sheet.locator('html').getAttribute('data-duban-items'))).toBe(156);
      expect(await sheet.locator('[data-duban-item]').count()).toBe(156);
      // The group rows across the table; each group's leader and deadline one cell down its tasks.
      expect(await sheet.locator('article td[colspan="6"]', { hasText: /牵头工作$/ }).count()).toBe(9);
      expect(await sheet.locator('article td[rowspan]', { hasText: XLSX_DEADLINES[0] }).first().getAttribute('rowspan')).toBe('4');
      // Read in the viewer's sheet worker, off the page's thread.
      expect((await viewerWorker(sheet, /\/assets\/xlsx-worker-[\w-]+\.js$/)).url()).toMatch(/xlsx-worker/);
      await screenshot(sheet, 'viewer-xlsx');
    });

    it('keeps a note typed on an item after a reload, under the cover’s 文号 at the cover’s site', async () => {
      const frame = await openEditor(sheet, firstItem);
      await (await field(frame, 'note')).pressSequentially('表格里的第一项已落实');
      await editorSaved(frame);
      await sheet.reload();
      await sheet.locator('html[data-duban="ready"]').waitFor({ state: 'attached', timeout: 30_000 });
      await expect.poll(() => rowLabel(sheet, firstItem, 'note')).toContain('表格里的第一项已落实');
      const db = await readDb(duban.context, duban.extensionId);
      expect(db.notices.find((n) => n.key === sheetKey)).toMatchObject({ docNo: XLSX_DOC_NO, attachment: { cover: XLSX_COVER_URL } });
      expect(db.annotations.find((a) => a.noticeKey === sheetKey && a.itemKey === firstItem)).toMatchObject({ note: '表格里的第一项已落实' });
      expect(db.attachments.find((a) => a.noticeKey === sheetKey)).toMatchObject({ kind: 'xlsx', url: XLSX_DOWNLOAD });
      await sheet.close();
    });

    it('识别本页 on the cover says its list is in an attachment and offers to open it', async () => {
      const found = await userAsks(duban, xlsxCover);
      expect(found).toMatchObject({ ok: true, value: { verdict: 'cover', attachments: [{ url: XLSX_DOWNLOAD, kind: 'sheet', cover: { url: XLSX_COVER_URL, docNo: XLSX_DOC_NO } }] } });
      await xlsxCover.close();
    });
  });

  it('keeps a file dropped on the viewer, so its notice reopens from the overview without the file', async () => {
    const page = await extensionPage(duban.context, duban.extensionId, 'viewer.html');
    const b64 = readFileSync(join(ROOT, 'tests/fixtures/attachments/haiyan-2022-prose.docx')).toString('base64');
    await page.evaluate((data) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], '海盐县2022年重点工作责任分解.docx', { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, b64);
    await page.locator('html[data-duban="ready"]').waitFor({ state: 'attached', timeout: 30_000 });
    const item = prose.lists[0].items[0].key;
    expect(Number(await page.locator('html').getAttribute('data-duban-items'))).toBe(prose.lists.flatMap((l) => l.items).length);
    const frame = await openEditor(page, item);
    await (await field(frame, 'note')).pressSequentially('拖入的文件也记下了');
    await editorSaved(frame);
    const db = await readDb(duban.context, duban.extensionId);
    const kept = db.attachments.find((a) => a.url === 'file:///' + encodeURIComponent('海盐县2022年重点工作责任分解.docx'));
    expect(kept).toMatchObject({ kind: 'docx', title: '海盐县2022年重点工作责任分解' });
    await page.close();
    // The overview's link opens the viewer from the kept file: nothing is picked again.
    const overview = await extensionPage(duban.context, duban.extensionId, 'overview.html');
    await overview.locator('table.overview tbody tr[data-item]').first().waitFor();
    // Only the rows in view are drawn: the search brings the item's row up.
    await overview.locator('.filters input[type="search"]').fill('拖入的文件也记下了');
    const row = overview.locator('table.overview tbody tr[data-item]', { hasText: '拖入的文件也记下了' });
    await row.locator('td.c-no').click();
    const opened = duban.context.waitForEvent('page');
    await overview.locator('aside.details a[href^="file:"]').click();
    const again = await opened;
    await again.locator('html[data-duban="ready"]').waitFor({ state: 'attached', timeout: 30_000 });
    expect(again.url()).toContain('viewer.html?notice=');
    await expect.poll(() => rowLabel(again, item, 'note')).toContain('拖入的文件也记下了');
    await again.close();
    await overview.close();
  });
});
