import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { recogniseNotice } from '../lib/notice/recognise';
import { GONGSHU } from '../lib/notice/sites';
const which = process.env.PAGE ?? 'seed';
const page = which === 'seed' ? 'seeds/gongshu-2024-2.html' : 'tests/fixtures/notices/gongshu-2024-2-table.html';
const url = which === 'seed' ? GONGSHU.samples.notice : 'https://www.gongshu.gov.cn/art/2024/3/7/art_1229138302_1841065.html';
const doc = parseHTML(readFileSync(page, 'utf8')).document as unknown as Document;
let sink = 0;
function walk() { const w = doc.createTreeWalker(doc.body, 4); for (let n = w.nextNode(); n; n = w.nextNode()) sink += (n as Text).data.length; }
const parse = () => { const r = recogniseNotice(doc, { url, fingerprints: false, quotes: false }); if (!r.ok || r.notice.items.length !== 156) throw new Error('bad'); };
const N = Number(process.env.N ?? 2000);
for (let i = 0; i < 300; i++) { walk(); parse(); }
let t = performance.now(); for (let i = 0; i < N; i++) walk(); const w = (performance.now() - t) / N;
t = performance.now(); for (let i = 0; i < N; i++) parse(); const p = (performance.now() - t) / N;
console.log(which, 'walk', w.toFixed(3), 'parse', p.toFixed(3), 'ratio', (p / w).toFixed(2), sink > 0);
