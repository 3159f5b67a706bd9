// CPU profile of notice loads (unminified build dir in argv[2]); self/inclusive time of functions in duban's scripts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchDuban, noticeSeed, ROOT, serveHtml, serveSeeds } from '../tests/e2e/harness';
const TABLE_URL = 'https://www.gongshu.gov.cn/art/2024/3/7/art_1229138302_1841066.html';
const url = process.env.PAGE === 'table' ? TABLE_URL : noticeSeed().url;
const duban = await launchDuban({ extensionDir: process.argv[2] });
await serveSeeds(duban.context);
await serveHtml(duban.context, TABLE_URL, readFileSync(join(ROOT, 'tests/fixtures/notices/gongshu-2024-2-table.html'), 'utf8'));
const self = new Map<string, number>(); const incl = new Map<string, number>(); let total = 0; let loads = 0;
for (let r = 0; r < Number(process.env.ROUNDS ?? 6); r++) {
  const page = await duban.context.newPage();
  const cdp = await duban.context.newCDPSession(page);
  await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 100 }); await cdp.send('Profiler.start');
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.locator('html[data-duban="ready"]').waitFor({ state: 'attached' });
  const { profile } = await cdp.send('Profiler.stop') as any;
  await page.close();
  if (r < 2) continue; loads++;
  const byId = new Map(profile.nodes.map((n: any) => [n.id, n])); const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n: any) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
  profile.samples.forEach((id: number, i: number) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const chain: any[] = []; for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) chain.push(byId.get(x));
    if (!chain.some((n) => /chrome-extension/.test(n.callFrame.url))) { const k = 'OTHER ' + name(chain[0]); self.set(k, (self.get(k) ?? 0) + dt); return; }
    total += dt; self.set(name(chain[0]), (self.get(name(chain[0])) ?? 0) + dt);
    const seen = new Set<string>(); for (const n of chain) { const k = name(n); if (!seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) ?? 0) + dt); } }
  });
}
await duban.close();
const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, t]) => `${(t / loads).toFixed(2).padStart(7)} ms ${k}`).join('\n');
console.log('duban total per load', (total / loads).toFixed(1)); console.log('SELF\n' + top(self, 50)); console.log('INCL\n' + top(incl, 70));
