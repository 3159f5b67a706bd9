import { readFileSync } from 'node:fs';
import { extensionPage, launchDuban } from '../tests/e2e/harness';
const text = readFileSync('/tmp/bench10k.json', 'utf8');
const duban = await launchDuban();
const page = await extensionPage(duban.context, duban.extensionId, 'popup.html');
const full = process.argv[2] === 'full';
if (full) await page.evaluate((text) => new Promise((res) => chrome.runtime.sendMessage({ id: 1, type: 'applyImport', data: { text }, timestamp: Date.now() }, (x) => res(x?.res?.ok))), text);
for (let i = 0; i < 2; i++) { await page.reload(); await page.waitForFunction(() => performance.getEntriesByName('duban:popup-summary').length > 0); }
const cdp = await page.context().newCDPSession(page);
const events: any[] = [];
cdp.on('Tracing.dataCollected', (e: any) => events.push(...e.value));
const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
for (let i = 0; i < 3; i++) { await page.reload(); await page.waitForFunction(() => performance.getEntriesByName('duban:popup-summary').length > 0); }
await cdp.send('Tracing.end');
await done;
const agg = new Map<string, number>();
for (const e of events) if (e.ph === 'X' && e.dur) agg.set(e.name, (agg.get(e.name) ?? 0) + e.dur / 1000);
console.log(full ? 'FULL' : 'EMPTY', [...agg].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${(v / 3).toFixed(1)}ms ${k}`).join('\n'));
await duban.close();
