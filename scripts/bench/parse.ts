/**
 * Recognise + parse + anchor the seed page in Node, next to a bare TreeWalker text walk over the
 * same DOM in the same run: the ratio says how much the parser costs over merely reading the text.
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { recogniseNotice } from '../../lib/notice/recognise';
import { GONGSHU } from '../../lib/notice/sites';
import { medianMs, round } from './stats';

export function benchParse(seedPage: string) {
  const { document } = parseHTML(readFileSync(seedPage, 'utf8'));
  const doc = document as unknown as Document;
  let sink = 0;
  // Both warm up past V8's tiering (the parser settles after some 200 runs): steady state is compared.
  const textwalk_ms = medianMs(() => {
    const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) sink += (n as Text).data.length;
  }, 300, 300);
  const parse_ms = medianMs(() => {
    const r = recogniseNotice(doc, { url: GONGSHU.samples.notice });
    if (!r.ok || r.notice.items.length !== 156) throw new Error('the seed page did not parse');
  }, 300, 300);
  if (sink < 0) console.log(sink);
  return { parse_ms: round(parse_ms), textwalk_ms: round(textwalk_ms), parse_ratio: round(parse_ms / textwalk_ms) };
}
