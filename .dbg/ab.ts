// Alternating A/B of built extensions (dirs in argv): median marks from duban:start and from the probe.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchDuban, noticeSeed, openNotice, ROOT, serveHtml, serveSeeds } from '../tests/e2e/harness';
const TABLE_URL = 'https://www.gongshu.gov.cn/art/2024/3/7/art_1229138302_1841066.html';
const dirs = process.argv.slice(2);
async function quietly(context: any, url: string) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  for (;;) {
    await new Promise((r) => setTimeout(r, 100));
    const r = await cdp.send('Runtime.evaluate', { expression: "document.documentElement.hasAttribute('data-duban-rendered')", returnByValue: true });
    if (r.result.value) break;
  }
  await cdp.detach();
  return page;
}
const ROUNDS = Number(process.env.ROUNDS ?? 8);
const med = (a: number[]) => { const s = [...a].sort((x, y) => x - y); return s.length ? s[s.length >> 1] : NaN; };
const res: Record<string, Record<string, number[]>> = {};
const ds = [];
for (const d of dirs) { const duban = await launchDuban({ extensionDir: d }); await serveSeeds(duban.context); await serveHtml(duban.context, TABLE_URL, readFileSync(join(ROOT, 'tests/fixtures/notices/gongshu-2024-2-table.html'), 'utf8')); ds.push(duban); }
for (let r = 0; r < ROUNDS + 1; r++) for (let k = 0; k < dirs.length; k++) for (const url of [noticeSeed().url, TABLE_URL]) {
  let page;
  if (process.env.MODE === 'pw') { page = await openNotice(ds[k].context, url);
  await page.locator('html[data-duban-rendered]').waitFor({ state: 'attached', timeout: 30_000 }); }
  else { page = await quietly(ds[k].context, url); }
  const marks = await page.evaluate(() => {
    const start = performance.getEntriesByName('duban:start')[0].startTime;
    const probe = performance.getEntriesByName('duban:probe', 'measure')[0]?.startTime ?? NaN;
    const o: Record<string, number> = {};
    for (const e of performance.getEntriesByType('mark')) if (e.name.startsWith('duban:')) { o[e.name] = e.startTime - start; o['P' + e.name] = e.startTime - probe; }
    return o;
  });
  await page.close();
  if (r === 0) continue;
  const key = `${k}:${url === TABLE_URL ? 'table' : 'seed'}`;
  res[key] ??= {};
  for (const [n, v] of Object.entries(marks)) (res[key][n] ??= []).push(v);
}
for (const d of ds) await d.close();
for (const [key, m] of Object.entries(res)) {
  const names = Object.keys(m).filter((n) => !n.startsWith('P')).sort((a, b) => med(m[a]) - med(m[b]));
  console.log(key, dirs[Number(key[0])], names.map((n) => `${n.slice(6)}=${med(m[n]).toFixed(0)}`).join(' '), '| fromProbe ready', med(m['Pduban:ready']).toFixed(0));
}
