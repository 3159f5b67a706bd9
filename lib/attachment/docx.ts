/**
 * Reads a .docx into an attachment document (./document.ts): word/document.xml's body in order —
 * paragraphs (their automatic numbering from word/numbering.xml written in front, as Word shows
 * it: 1. 一、 （一）), tables with cells spanning columns (gridSpan) and rows (vMerge), a table
 * inside a cell read as that cell's paragraphs. Tracked deletions, field codes and anything
 * embedded (images, objects, macros) are left out: only text is read, nothing is run. The XML
 * parser comes in as a parameter (the browser's DOMParser, linkedom in Node).
 */
import type { AttachmentDocument, DocBlock, DocCell } from './document';
import { openZip, ZIP_LIMITS } from './zip';

export type ParseXml = (text: string) => Document;

const local = (n: Node) => n.nodeName.replace(/^.*:/, '');
const kids = (el: Element, name?: string) => Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1 && (!name || local(n) === name));
const kid = (el: Element | undefined, name: string) => (el ? kids(el, name)[0] : undefined);
const val = (el: Element | undefined) => el?.getAttribute('w:val') ?? undefined;

export class NotDocx extends Error {}

/** One numbering level: its format and text pattern (%1.), where it starts. */
interface Level {
  format: string;
  text: string;
  start: number;
}

/** numId → its levels (numbering.xml: num → abstractNum, with level overrides of start). */
function readNumbering(xml: Document | undefined): Map<string, Map<number, Level>> {
  const byNum = new Map<string, Map<number, Level>>();
  const root = xml?.documentElement;
  if (!root) return byNum;
  const abstract = new Map<string, Map<number, Level>>();
  for (const a of kids(root, 'abstractNum')) {
    const levels = new Map<number, Level>();
    for (const l of kids(a, 'lvl')) {
      levels.set(Number(l.getAttribute('w:ilvl') ?? 0), {
        format: val(kid(l, 'numFmt')) ?? 'decimal',
        text: val(kid(l, 'lvlText')) ?? '',
        start: Number(val(kid(l, 'start')) ?? 1),
      });
    }
    abstract.set(a.getAttribute('w:abstractNumId') ?? '', levels);
  }
  for (const n of kids(root, 'num')) {
    const levels = new Map(abstract.get(val(kid(n, 'abstractNumId')) ?? '') ?? []);
    for (const o of kids(n, 'lvlOverride')) {
      const ilvl = Number(o.getAttribute('w:ilvl') ?? 0);
      const start = val(kid(o, 'startOverride'));
      const l = levels.get(ilvl);
      if (l && start !== undefined) levels.set(ilvl, { ...l, start: Number(start) });
    }
    byNum.set(n.getAttribute('w:numId') ?? '', levels);
  }
  return byNum;
}

const CN_DIGITS = '零一二三四五六七八九';
function chinese(n: number): string {
  if (n < 10) return CN_DIGITS[n];
  if (n < 20) return '十' + (n % 10 ? CN_DIGITS[n % 10] : '');
  if (n < 100) return CN_DIGITS[Math.floor(n / 10)] + '十' + (n % 10 ? CN_DIGITS[n % 10] : '');
  return String(n);
}
const letters = (n: number) => String.fromCharCode(96 + (((n - 1) % 26) + 1));
const ROMAN: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
function roman(n: number): string {
  let s = '';
  for (const [v, r] of ROMAN) while (n >= v) (s += r), (n -= v);
  return s;
}

/** A number in a numbering format, as Word writes it. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'ideographTraditional':
    case 'taiwaneseCounting':
    case 'japaneseCounting':
      return chinese(n);
    case 'lowerLetter':
      return letters(n);
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerRoman':
      return roman(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    case 'decimalFullWidth':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'none':
    case 'bullet':
      return '';
    default:
      return String(n);
  }
}

/** Counts numbered paragraphs per list and level, and writes each one's number. */
function numberer(numbering: Map<string, Map<number, Level>>) {
  const counters = new Map<string, number[]>();
  return (numId: string, ilvl: number): string => {
    const levels = numbering.get(numId);
    const level = levels?.get(ilvl);
    if (!levels || !level || numId === '0') return '';
    const c = counters.get(numId) ?? [];
    c[ilvl] = c[ilvl] === undefined ? level.start : c[ilvl] + 1;
    // A level restarts under a new parent.
    c.length = ilvl + 1;
    counters.set(numId, c);
    if (level.format === 'bullet') return '';
    return level.text.replace(/%(\d)/g, (_, d: string) => {
      const i = Number(d) - 1;
      const l = levels.get(i);
      return formatNumber(c[i] ?? l?.start ?? 1, i === ilvl ? level.format : (l?.format ?? 'decimal'));
    });
  };
}

/** The text of runs, in order: text, tabs, breaks; deletions and field codes left out. */
function runText(el: Element): string {
  let s = '';
  for (const n of kids(el)) {
    const name = local(n);
    if (name === 't') s += n.textContent ?? '';
    else if (name === 'tab') s += '\t';
    else if (name === 'br' || name === 'cr') s += '\n';
    else if (name === 'delText' || name === 'instrText' || name === 'del' || name === 'rPr' || name === 'pPr' || name === 'drawing' || name === 'object' || name === 'pict') continue;
    else s += runText(n); // r, ins, hyperlink, smartTag, fldSimple, sdt content…
  }
  return s;
}

function paragraph(p: Element, number: (numId: string, ilvl: number) => string): { text: string; heading?: number } {
  const pPr = kid(p, 'pPr');
  const numPr = kid(pPr, 'numPr');
  let text = runText(p);
  if (numPr) {
    const n = number(val(kid(numPr, 'numId')) ?? '0', Number(val(kid(numPr, 'ilvl')) ?? 0));
    if (n) text = n + text;
  }
  const style = val(kid(pPr, 'pStyle')) ?? '';
  const h = /^(?:heading|Heading|标题)\s*(\d)$/.exec(style)?.[1];
  return { text, ...(h ? { heading: Number(h) } : {}) };
}

function table(tbl: Element, number: (numId: string, ilvl: number) => string): DocBlock {
  const rows: DocCell[][] = [];
  // The cell that started a vertical merge, by grid column.
  const openMerge = new Map<number, DocCell>();
  for (const tr of kids(tbl, 'tr')) {
    const row: DocCell[] = [];
    let col = Number(val(kid(kid(tr, 'trPr'), 'gridBefore')) ?? 0);
    for (const tc of kids(tr).flatMap((n) => (local(n) === 'sdt' ? kids(kid(n, 'sdtContent')!, 'tc') : local(n) === 'tc' ? [n] : []))) {
      const tcPr = kid(tc, 'tcPr');
      const span = Math.max(1, Number(val(kid(tcPr, 'gridSpan')) ?? 1));
      const vMerge = kid(tcPr, 'vMerge');
      const continues = vMerge !== undefined && (val(vMerge) ?? 'continue') === 'continue';
      const above = openMerge.get(col);
      if (continues && above) {
        above.rowSpan++;
      } else {
        const cell: DocCell = { paragraphs: cellParagraphs(tc, number), colSpan: span, rowSpan: 1 };
        row.push(cell);
        if (vMerge) openMerge.set(col, cell);
        else openMerge.delete(col);
      }
      col += span;
    }
    rows.push(row);
  }
  return { kind: 'table', rows };
}

function cellParagraphs(tc: Element, number: (numId: string, ilvl: number) => string): string[] {
  const out: string[] = [];
  for (const n of kids(tc)) {
    if (local(n) === 'p') out.push(paragraph(n, number).text);
    else if (local(n) === 'tbl') {
      const inner = table(n, number);
      if (inner.kind === 'table') for (const r of inner.rows) out.push(r.map((c) => c.paragraphs.join(' ')).join(' '));
    } else if (local(n) === 'sdt') out.push(...cellParagraphs(kid(n, 'sdtContent') ?? n, number));
  }
  return out;
}

function blocks(container: Element, number: (numId: string, ilvl: number) => string, out: DocBlock[]): void {
  for (const n of kids(container)) {
    const name = local(n);
    if (name === 'p') out.push({ kind: 'paragraph', ...paragraph(n, number) });
    else if (name === 'tbl') out.push(table(n, number));
    else if (name === 'sdt') blocks(kid(n, 'sdtContent') ?? n, number, out);
  }
}

const DOCUMENT = 'word/document.xml';
const NUMBERING = 'word/numbering.xml';

/** Reads a docx's bytes (zip limits checked first, ./zip.ts); throws NotDocx for a zip that is not one. */
export function readDocx(bytes: Uint8Array, parseXml: ParseXml, limits = ZIP_LIMITS): AttachmentDocument {
  const files = openZip(bytes, (n) => n === DOCUMENT || n === NUMBERING, limits);
  const main = files[DOCUMENT];
  if (!main) throw new NotDocx('no word/document.xml');
  const decode = (b: Uint8Array) => new TextDecoder().decode(b);
  const xml = parseXml(decode(main));
  const body = Array.from(xml.getElementsByTagName('w:body'))[0] ?? xml.documentElement;
  const numbering = readNumbering(files[NUMBERING] ? parseXml(decode(files[NUMBERING])) : undefined);
  const out: DocBlock[] = [];
  blocks(body, numberer(numbering), out);
  return { blocks: out };
}
