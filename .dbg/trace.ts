// Main-thread timeline of a notice load between duban:start (or probe) and duban:ready: each task >0.3ms and its biggest children.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchDuban, noticeSeed, ROOT, serveHtml, serveSeeds } from '../tests/e2e/harness';
const TABLE_URL = 'https://www.gongshu.gov.cn/art/2024/3/7/art_1229138302_1841066.html';
const url = process.env.PAGE === 'table' ? TABLE_URL : noticeSeed().url;
const duban = await launchDuban({ extensionDir: process.argv[2] });
await serveSeeds(duban.context);
await serveHtml(duban.context, TABLE_URL, readFileSync(join(ROOT, 'tests/fixtures/notices/gongshu-2024-2-table.html'), 'utf8'));
for (let r = 0; r < 3; r++) {
  const page = await duban.context.newPage();
  const cdp = await duban.context.newCDPSession(page);
  const events: any[] = [];
  cdp.on('Tracing.dataCollected', (d: any) => events.push(...d.value));
  const done = new Promise((res) => cdp.once('Tracing.tracingComplete', res));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,blink.user_timing,v8.execute,disabled-by-default-devtools.timeline,toplevel,v8,disabled-by-default-devtools.timeline.stack', transferMode: 'ReportEvents' });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  for (;;) { await new Promise((r) => setTimeout(r, 100)); const v = await cdp.send('Runtime.evaluate', { expression: "document.documentElement.hasAttribute('data-duban-rendered')", returnByValue: true }) as any; if (v.result.value) break; }
  await page.waitForTimeout(100);
  await cdp.send('Tracing.end'); await done; await page.close();
  if (r < 2) continue;
  const mark = (n: string) => events.find((e) => e.name === n && e.cat.includes('user_timing'));
  const s = mark('duban:start'); const e = mark('duban:ready');
  const tid = s.tid, pid = s.pid; const t0 = s.ts; const t1 = e.ts;
  const from = Number(process.env.FROM ?? -20) * 1000;
  const mine = events.filter((x) => x.pid === pid && x.tid === tid && x.ts >= t0 + from && x.ts <= t1 + 2000 && x.ph === 'X').sort((a, b) => a.ts - b.ts);
  const tasks = mine.filter((x) => x.name === 'ThreadControllerImpl::RunTask' || x.name === 'RunTask');
  for (const m of events.filter((x) => x.pid === pid && x.cat.includes('user_timing') && x.name.startsWith('duban:'))) console.log('MARK', ((m.ts - t0) / 1000).toFixed(1), m.name);
  for (const x of mine) if ((x.name === 'Layout' || x.name === 'UpdateLayoutTree' || x.name==='RecalculateStyles' || x.name==='Paint' || x.name==='PrePaint') && x.dur > 500) console.log('  ', x.name, ((x.ts - t0) / 1000).toFixed(1), (x.dur / 1000).toFixed(1), JSON.stringify((x.args?.beginData?.stackTrace ?? x.args?.data?.stackTrace ?? []).slice(0, 4).map((f: any) => f.functionName + ':' + f.lineNumber)), x.args?.beginData?.dirtyObjects ?? '', x.args?.elementCount ?? '');
  for (const x of mine) if ((x.name === 'EventDispatch' || x.name === 'MinorGC' || x.name==='MajorGC' || x.name==='FunctionCall') && x.dur > 300) console.log('  EV', x.name, ((x.ts - t0) / 1000).toFixed(1), (x.dur / 1000).toFixed(1), x.args?.data?.type ?? '', x.args?.data?.functionName ?? '', String(x.args?.data?.url ?? '').split('/').pop());
  for (const t of tasks) {
    if (t.dur < 300) continue;
    const kids = mine.filter((x) => x !== t && x.ts >= t.ts && x.ts + (x.dur ?? 0) <= t.ts + t.dur && x.dur > 500 && !/RunTask/.test(x.name));
    console.log(((t.ts - t0) / 1000).toFixed(1).padStart(7), (t.dur / 1000).toFixed(1).padStart(6), kids.slice(0, 8).map((k) => `${k.name}${k.args?.data?.url ? '(' + String(k.args.data.url).split('/').pop() + ')' : ''}${k.args?.data?.functionName ? '[' + k.args.data.functionName + ']' : ''}:${(k.dur / 1000).toFixed(1)}`).join(' '));
  }
}
await duban.close();
