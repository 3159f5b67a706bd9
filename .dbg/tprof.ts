// CPU samples from a trace, between duban:start (or FROM mark) and duban:ready (or TO mark): self and inclusive time per function.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchDuban, noticeSeed, ROOT, serveHtml, serveSeeds } from '../tests/e2e/harness';
const TABLE_URL = 'https://www.gongshu.gov.cn/art/2024/3/7/art_1229138302_1841066.html';
const url = process.env.PAGE === 'table' ? TABLE_URL : noticeSeed().url;
const FROM = process.env.FROM ?? 'duban:start', TO = process.env.TO ?? 'duban:ready';
const duban = await launchDuban({ extensionDir: process.argv[2] });
await serveSeeds(duban.context);
await serveHtml(duban.context, TABLE_URL, readFileSync(join(ROOT, 'tests/fixtures/notices/gongshu-2024-2-table.html'), 'utf8'));
const self = new Map<string, number>(), incl = new Map<string, number>(); let loads = 0; let span = 0;
const ROUNDS = Number(process.env.ROUNDS ?? 6);
for (let r = 0; r < ROUNDS + 2; r++) {
  const page = await duban.context.newPage();
  const cdp = await duban.context.newCDPSession(page);
  const events: any[] = [];
  cdp.on('Tracing.dataCollected', (d: any) => events.push(...d.value));
  const done = new Promise((res) => cdp.once('Tracing.tracingComplete', res));
  await cdp.send('Tracing.start', { categories: 'blink.user_timing,disabled-by-default-v8.cpu_profiler', transferMode: 'ReportEvents', options: 'sampling-frequency=10000' } as any);
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  for (;;) { await new Promise((r) => setTimeout(r, 100)); const v = await cdp.send('Runtime.evaluate', { expression: "document.documentElement.hasAttribute('data-duban-rendered')", returnByValue: true }) as any; if (v.result.value) break; }
  await cdp.send('Tracing.end'); await done; await page.close();
  if (r < 2) continue;
  const mark = (n: string) => events.find((e) => e.name === n && e.cat.includes('user_timing'));
  const s = mark(FROM), e = mark(TO); if (!s || !e) { console.log('no marks'); continue; }
  loads++; span += (e.ts - s.ts) / 1000;
  // Profile chunks of the renderer main thread (same pid/tid as the marks).
  const prof = events.find((x) => x.name === 'Profile' && x.pid === s.pid && x.tid === s.tid);
  const chunks = events.filter((x) => x.name === 'ProfileChunk' && x.pid === s.pid && x.id === prof?.id);
  const nodes = new Map<number, any>(); let t = prof.args.data.startTime;
  for (const c of chunks) {
    const d = c.args.data; for (const n of d.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    const samples = d.cpuProfile?.samples ?? []; const deltas = d.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      t += deltas[i]; if (t < s.ts || t > e.ts) continue;
      const dt = (deltas[i + 1] ?? 100) / 1000;
      const chain: any[] = []; for (let x: any = nodes.get(samples[i]); x; x = x.parent ? nodes.get(x.parent) : undefined) chain.push(x);
      const nm = (n: any) => `${n.callFrame.functionName || '(anon)'} ${String(n.callFrame.url).split('/').pop()}:${(n.callFrame.lineNumber ?? 0) + 1}`;
      self.set(nm(chain[0]), (self.get(nm(chain[0])) ?? 0) + dt);
      const seen = new Set<string>(); for (const n of chain) { const k = nm(n); if (!seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) ?? 0) + dt); } }
    }
  }
}
await duban.close();
const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${(v / loads).toFixed(2).padStart(7)} ms ${k}`).join('\n');
console.log(`${FROM} → ${TO}: ${(span / loads).toFixed(1)} ms per load`); console.log('SELF\n' + top(self, Number(process.env.NS ?? 40))); console.log('INCL\n' + top(incl, Number(process.env.NI ?? 60)));
