import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchDuban, noticeSeed, ROOT, serveHtml, serveSeeds } from '../tests/e2e/harness';
const TABLE_URL = 'https://www.gongshu.gov.cn/art/2024/3/7/art_1229138302_1841066.html';
const duban = await launchDuban({ extensionDir: process.argv[2] });
await serveSeeds(duban.context);
await serveHtml(duban.context, TABLE_URL, readFileSync(join(ROOT, 'tests/fixtures/notices/gongshu-2024-2-table.html'), 'utf8'));
for (let r = 0; r < 8; r++) for (const url of [noticeSeed().url, TABLE_URL]) {
  const page = await duban.context.newPage(); const cdp = await duban.context.newCDPSession(page);
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  for (;;) { await new Promise((r) => setTimeout(r, 100)); const v = await cdp.send('Runtime.evaluate', { expression: "document.documentElement.hasAttribute('data-duban-rendered')", returnByValue: true }) as any; if (v.result.value) break; }
  const v = await cdp.send('Runtime.evaluate', { expression: "document.documentElement.dataset.peek + ' ready=' + (performance.getEntriesByName('duban:ready')[0].startTime - performance.getEntriesByName('duban:start')[0].startTime).toFixed(0)", returnByValue: true }) as any;
  console.log(url === TABLE_URL ? 'table' : 'seed ', 'recv,handler-start,db-done,answered(content):', v.result.value);
  await page.close();
}
await duban.close();
