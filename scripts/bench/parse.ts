/**
 * Recognise + parse + anchor the seed page in Node as the notice script does (its items' fingerprints
 * left to the background, their quotes to idle time), next to a bare TreeWalker text walk over the
 * same DOM in the same run: the ratio says how much the parser costs over merely reading the text;
 * the same on its old table layout (the same 156 items).
 * The richer reading (lib/notice/read-notice.ts: its lists and an anchor per item) is measured
 * the same way on the seed and on its old table layout (the same 156 items), each against a text
 * walk of its own page.
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { extractLines } from '../../lib/notice/extract-text';
import { readNotice } from '../../lib/notice/read-notice';
import { isRefusal } from '../../lib/notice/reading';
import { recogniseNotice } from '../../lib/notice/recognise';
import { GONGSHU } from '../../lib/notice/sites';
import { median, medianMs, round } from './stats';

const load = (page: string) => parseHTML(readFileSync(page, 'utf8')).document as unknown as Document;

let sink = 0;
function textWalk(doc: Document) {
  const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) sink += (n as Text).data.length;
}

/**
 * A reading's time and the text walk's on one page, measured in alternating rounds (the load of
 * a shared machine drifts: each round compares the two under the same conditions); the ratio is
 * the median of the rounds' ratios.
 */
function againstWalk(doc: Document, read: () => void) {
  const walks: number[] = [];
  const reads: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < 9; round++) {
    const w = medianMs(() => textWalk(doc), 60, round ? 20 : 300);
    const r = medianMs(read, 60, round ? 20 : 300);
    walks.push(w);
    reads.push(r);
    ratios.push(r / w);
  }
  return { parse: median(reads), walk: median(walks), ratio: median(ratios) };
}

/** What the notice script does on a page: recognise, read and anchor (fingerprints and quotes come after). */
function recognising(doc: Document, url: string) {
  return () => {
    const r = recogniseNotice(doc, { url, fingerprints: false, quotes: false });
    if (!r.ok || r.notice.items.length !== 156) throw new Error(`${url} did not parse as 156 items`);
  };
}

/** The richer reading alone (lib/notice/read-notice.ts): its lists and an anchor per item. */
function reading(doc: Document, url: string) {
  return () => {
    const r = readNotice(doc, url);
    if (isRefusal(r) || r.lists.reduce((n, l) => n + l.items.length, 0) !== 156) throw new Error(`${url} did not read as 156 items`);
  };
}

/**
 * The floor under any reading of a page's blocks: its lines alone (extract-text.ts: the elements
 * visited in order, each text node put on its line), no word of them read.
 */
function lining(doc: Document) {
  return () => {
    if (!extractLines(doc.body, true).raws.length) throw new Error('no lines');
  };
}

export function benchParse(seedPage: string, tablePage: string, tableUrl: string) {
  const doc = load(seedPage);
  const table = load(tablePage);
  // Both warm up past V8's tiering (the parser settles after some 200 runs): steady state is compared.
  const parse = againstWalk(doc, recognising(doc, GONGSHU.samples.notice));
  const parseTable = againstWalk(table, recognising(table, tableUrl));
  const seed = againstWalk(doc, reading(doc, GONGSHU.samples.notice));
  const twin = againstWalk(table, reading(table, tableUrl));
  const lines = againstWalk(doc, lining(doc));
  const tableLines = againstWalk(table, lining(table));
  if (sink < 0) console.log(sink);
  return {
    parse_ms: round(parse.parse),
    textwalk_ms: round(parse.walk),
    parse_ratio: round(parse.ratio),
    parse_table_ms: round(parseTable.parse),
    textwalk_table_ms: round(parseTable.walk),
    parse_table_ratio: round(parseTable.ratio),
    lists_parse_ms: round(seed.parse),
    lists_textwalk_ms: round(seed.walk),
    lists_parse_ratio: round(seed.ratio),
    lists_table_parse_ms: round(twin.parse),
    lists_table_textwalk_ms: round(twin.walk),
    lists_table_parse_ratio: round(twin.ratio),
    lines_ratio: round(lines.ratio),
    lines_table_ratio: round(tableLines.ratio),
  };
}
