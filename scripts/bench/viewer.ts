/**
 * The document viewer, in Chromium with the built extension: from the click on 在督办中打开 on a
 * cover page to every item of the attachment overlaid in the viewer (its data-duban="ready"
 * marker, every item counted), for a 150-item docx table and a 20-page text PDF, each fetched and
 * read afresh (another cover, so another notice, every run); median of several runs. Both clocks
 * are the machine's wall clock: the click's, taken just before it, and the viewer's ready mark.
 */
import type { BrowserContext } from 'playwright-core';
import { launchDuban, serveHtml } from '../../tests/e2e/harness';
import { benchProsePdf, benchTableDocx } from '../make-attachments';
import { median, round } from './stats';

const SITE = 'http://www.gongshu.gov.cn';

const cover = (run: number, file: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>关于印发2024年区政府工作报告重点工作责任分解的通知</title></head>
<body><table><tr><td>文号</td><td>拱政办发〔2024〕${100 + run}号</td></tr></table><div id="zoom">
<p>现将《2024年区政府工作报告重点工作责任分解表》印发给你们，请认真抓好落实。</p>
<p>附件：<a href="${file}">2024年区政府工作报告重点工作责任分解表</a></p></div></body></html>`;

async function openOnce(context: BrowserContext, run: number, file: string, bytes: Buffer, type: string): Promise<{ ms: number; items: number }> {
  const url = `${SITE}/art/2024/bench/${run}.html`;
  const fileUrl = `${SITE}/uploadfile/bench/${run}/${file}`;
  await serveHtml(context, url, cover(run, fileUrl));
  await context.route(fileUrl, (route) => route.fulfill({ status: 200, contentType: type, body: bytes }));
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('html[data-duban="cover"]').waitFor({ state: 'attached', timeout: 30_000 });
  const opened = context.waitForEvent('page');
  const clicked = Date.now();
  await page.locator('[data-duban-attachment="0"]').click();
  const viewer = await opened;
  await viewer.locator('html[data-duban="ready"]').waitFor({ state: 'attached', timeout: 60_000 });
  const t = await viewer.evaluate(() => ({
    ready: performance.timeOrigin + (performance.getEntriesByName('duban:ready')[0]?.startTime ?? NaN),
    items: Number(document.documentElement.getAttribute('data-duban-items')),
    marks: performance.getEntriesByType('mark').map((m) => `${m.name.replace('duban:', '')} ${Math.round(performance.timeOrigin + m.startTime)}`),
  }));
  if (process.env.DUBAN_BENCH_MARKS) console.error(file, clicked, t.marks.map((m) => { const [n, at] = m.split(' '); return `${n}+${Number(at) - clicked}`; }).join(' '));
  await viewer.close();
  await page.close();
  return { ms: t.ready - clicked, items: t.items };
}

export async function benchViewer(runs = 5) {
  const duban = await launchDuban();
  try {
    const docx = await benchTableDocx(150);
    const pdf = benchProsePdf(20);
    const docxTimes: number[] = [];
    const pdfTimes: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      const d = await openOnce(duban.context, 2 * i, 'table.docx', docx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      if (d.items !== 150) throw new Error(`the docx table gave ${d.items} items, not 150`);
      const p = await openOnce(duban.context, 2 * i + 1, 'tasks.pdf', pdf, 'application/pdf');
      if (p.items < 200) throw new Error(`the 20-page PDF gave ${p.items} items`);
      if (i === 0) continue; // the first run warms the browser's caches
      docxTimes.push(d.ms);
      pdfTimes.push(p.ms);
    }
    return { viewer_ready_docx_ms: round(median(docxTimes)), viewer_ready_pdf_ms: round(median(pdfTimes)) };
  } finally {
    await duban.close();
  }
}
