import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
for (const page of ['seeds/gongshu-2024-2.html', 'tests/fixtures/notices/gongshu-2024-2-table.html']) {
const doc = parseHTML(readFileSync(page, 'utf8')).document as unknown as Document;
const w = doc.createTreeWalker(doc.body, 0xffffffff); let el = 0, tx = 0, attrs = 0; const names = new Map<string, number>();
for (let n = w.nextNode(); n; n = w.nextNode()) { if (n.nodeType === 1) { el++; attrs += (n as Element).attributes.length; names.set((n as Element).localName, (names.get((n as Element).localName) ?? 0) + 1); } else if (n.nodeType === 3) tx++; }
console.log(page, { el, tx, attrs }, [...names].sort((a, b) => b[1] - a[1]).slice(0, 12));
}
