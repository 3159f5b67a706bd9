import { readFileSync } from 'node:fs';
import { extensionPage, launchDuban } from '../tests/e2e/harness';
const text = readFileSync('/tmp/bench10k.json', 'utf8');
const duban = await launchDuban();
const page = await extensionPage(duban.context, duban.extensionId, 'popup.html');
await page.evaluate((text) => new Promise((res) => chrome.runtime.sendMessage({ id: 1, type: 'applyImport', data: { text }, timestamp: Date.now() }, (x) => res(x?.res?.ok))), text);
for (let i = 0; i < 4; i++) console.log(await page.evaluate(() => new Promise((res) => { const t0 = performance.now(); chrome.runtime.sendMessage({ id: 1, type: 'getPopupSummary', data: {}, timestamp: Date.now() }, (x) => { const t1 = performance.now(); const s = JSON.stringify(x); const v = x.res.value; res(JSON.stringify({ ms: Math.round(t1 - t0), kb: Math.round(s.length / 1024), parts: Object.fromEntries(Object.keys(v.notices[0]).map((k) => [k, Math.round(JSON.stringify(v.notices[0][k]).length / 1024)])) })); }); })));
await duban.close();
