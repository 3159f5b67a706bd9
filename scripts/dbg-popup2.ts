import { readFileSync } from 'node:fs';
import { extensionPage, launchDuban } from '../tests/e2e/harness';
const text = readFileSync('/tmp/bench10k.json', 'utf8');
const duban = await launchDuban();
const page = await extensionPage(duban.context, duban.extensionId, 'popup.html');
const r = await page.evaluate((text) => new Promise((res) => chrome.runtime.sendMessage({ id: 1, type: 'applyImport', data: { text }, timestamp: Date.now() }, (x) => res(x?.res?.ok))), text);
console.log('import', r);
for (let i = 0; i < 2; i++) { await page.reload(); await page.waitForFunction(() => performance.getEntriesByName('duban:popup-summary').length > 0); }
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
const agg = new Map<string, number>();
for (let k = 0; k < 3; k++) {
  await cdp.send('Profiler.start');
  await page.reload(); await page.waitForFunction(() => performance.getEntriesByName('duban:popup-summary').length > 0);
  const { profile } = await cdp.send('Profiler.stop');
  const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
  const dt = profile.timeDeltas as number[];
  (profile.samples as number[]).forEach((s, i) => { const n: any = byId.get(s); const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; agg.set(key, (agg.get(key) ?? 0) + (dt[i] ?? 0) / 1000); });
  console.log(JSON.stringify(await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)])))));
}
console.log([...agg].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => `${(v / 3).toFixed(1)}ms ${k}`).join('\n'));
await duban.close();
