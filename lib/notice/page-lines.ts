/**
 * The page's text lines (extract-text.ts) as the richer reading needs them: each in the page's own
 * words without layout (`disp`, what is shown and stored) and folded to half-width (`norm`, what
 * is matched), the two at the same positions. Worked out for a line only when asked: most of a
 * page is chrome no reader looks at twice.
 *
 * A line begun by a <br> goes on the line before it unless it starts something of its own (a
 * number, a label such as 责任单位：, a date): editors break lines anywhere, and `1.坚持…<br>…。`
 * is one item, `责任单位：A、<br>B` one list of units; so does a line after one ending in 、, even
 * in a paragraph of its own.
 */
import { lineNodes, type TextLines } from './extract-text';
import { foldWidth, isLayoutSpace, layoutBreaks, layoutText, withBreaks } from './normalize';
import { isEnclosedNumber, readMarker } from './numbering';
import { leadersSpaceApart, namesSpaceApart, readLabel, unitsApart } from './responsibility';

// 2022年4月18日, 二〇〇六年四月二十八日: the date under a signature.
const DATE = /^(?:(?:19|20)\d{2}|[〇○零一二][〇○零一二三四五六七八九]{3})年[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日$/;
export const isDateLine = (norm: string) => DATE.test(norm);

const CN_FIRST = new Set([...'一二三四五六七八九十〇○零'].map((c) => c.charCodeAt(0)));
/** First characters of the labels readLabel knows (牵头单位, 责任单位, 区政府分管领导, 领衔领导, 完成时限, 办结时限, 【牵头单位】, …). */
export const LABEL_FIRST = new Set([...'牵主配协参责实承省市区县分联部完办时其次督领挂包【'].map((c) => c.charCodeAt(0)));

const fold = (c: number) => (c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c);

export class PageLines {
  /** Logical lines. */
  readonly count: number;
  /** The physical line each logical line starts at, then where the last one ends (heads[count] = physical count). */
  private readonly heads: number[] = [];
  private readonly disps: (string | undefined)[] = [];
  private readonly norms: (string | undefined)[] = [];

  constructor(readonly lines: TextLines) {
    const { raws, firsts, softs } = lines;
    for (let p = 0; p < raws.length; p++) {
      if (p > 0 && (softs[p] || endsInEnumerationComma(raws[p - 1])) && !startsOwnLine(raws[p], firsts[p])) continue;
      this.heads.push(p);
    }
    this.count = this.heads.length;
    this.heads.push(raws.length);
  }

  /** Line i as written, without layout. */
  disp(i: number): string {
    let d = this.disps[i];
    if (d === undefined) {
      const { raws, firsts } = this.lines;
      const head = this.heads[i];
      d = layoutText(raws[head], firsts[head]);
      for (let p = head + 1; p < this.heads[i + 1]; p++) d += layoutText(raws[p], firsts[p]);
      this.disps[i] = d;
    }
    return d;
  }

  /** Line i without layout, folded to half-width: same length and positions as disp(i). */
  norm(i: number): string {
    return (this.norms[i] ??= foldWidth(this.disp(i)));
  }

  /**
   * Line i from `from` as disp has it, with a 、 where a layout space or a <br> it dropped parted
   * two units' names (牵头单位：区发改局　区经信局, 区住建局<br>区城管局), or a space two leaders'
   * (责任领导：王宏　李四): the words a responsibility line is read from.
   */
  units(i: number, from = 0): string {
    return this.apart(i, from, namesSpaceApart, true);
  }

  /**
   * Line i from `from` as disp has it, with a 、 where a layout space it dropped parted two
   * officials' names (王宏　李四副市长牵头): the words a heading's leaders are read from.
   */
  leaders(i: number, from = 0): string {
    return this.apart(i, from, leadersSpaceApart, false);
  }

  /** Line i from `from`, a 、 where a space `spaceApart` tells, or (`lineBreaks`) a <br>, parted two names. */
  private apart(i: number, from: number, spaceApart: (s: string, at: number, end: number) => boolean, lineBreaks: boolean): string {
    const d = this.disp(i);
    const { raws, firsts } = this.lines;
    const head = this.heads[i];
    const next = this.heads[i + 1];
    // Most lines are one line of the page that lost no space inside: disp as it is.
    if (next === head + 1 && d.length === raws[head].length - firsts[head]) return from ? d.slice(from) : d;
    const breaks: number[] = [];
    let offset = 0;
    for (let p = head; p < next; p++) {
      if (lineBreaks && p > head && offset > 0 && offset < d.length && unitsApart(d.charCodeAt(offset - 1), d.charCodeAt(offset))) breaks.push(offset);
      for (const b of layoutBreaks(raws[p], firsts[p], spaceApart)) breaks.push(offset + b);
      offset += layoutText(raws[p], firsts[p]).length;
    }
    return withBreaks(d, breaks, from);
  }

  /** How long line i is in the page (layout included): a cheap bound before reading it. */
  rawLength(i: number): number {
    let n = 0;
    for (let p = this.heads[i]; p < this.heads[i + 1]; p++) n += this.lines.raws[p].length;
    return n;
  }

  /** Whether line i may hold `s` (on its raw text when it is one line of the page: a cheap test before reading it). */
  mayHold(i: number, s: string): boolean {
    return this.rawOrDisp(i).includes(s);
  }

  /** Whether line i may match `re`, a pattern of single characters (which layout cannot split), as mayHold. */
  mayMatch(i: number, re: RegExp): boolean {
    return re.test(this.rawOrDisp(i));
  }

  /** Whether `word` stands in line i right after a layout space, as the page has it (…增长5%　　牵头单位：). */
  spacedBefore(i: number, word: string): boolean {
    for (let p = this.heads[i]; p < this.heads[i + 1]; p++) {
      const raw = this.lines.raws[p];
      for (let at = raw.indexOf(word); at > 0; at = raw.indexOf(word, at + 1)) if (isLayoutSpace(raw.charCodeAt(at - 1))) return true;
    }
    return false;
  }

  /** Line i as the page has it when it is one line of the page (not read yet), else as read. */
  private rawOrDisp(i: number): string {
    const head = this.heads[i];
    return this.heads[i + 1] === head + 1 ? this.lines.raws[head] : this.disp(i);
  }

  /** The first visible character of line i, folded (１ → 1, （ → (). */
  first(i: number): number {
    const head = this.heads[i];
    return fold(this.lines.raws[head].charCodeAt(this.lines.firsts[head]));
  }

  /** Line i was begun by a <br> (a number or a label after a break in the same paragraph). */
  soft(i: number): boolean {
    return this.lines.softs[this.heads[i]];
  }

  /** The text nodes of logical lines `first` to `last`, in order: to anchor an item back into the page. */
  nodes(first: number, last = first): Text[] {
    return lineNodes(this.lines, this.heads[first], this.heads[last + 1] - 1);
  }

  /** The logical line physical line `p` (an index into `lines`) is part of. */
  logical(p: number): number {
    return lastAtOrBefore(this.heads, p, this.count);
  }
}

/** The last index k < n with sorted[k] <= v, or -1. */
function lastAtOrBefore(sorted: readonly number[], v: number, n: number): number {
  let lo = 0;
  let hi = n - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= v) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * A line that ends in 、 goes on in the next, whatever breaks them (区财政局、</p><p>区商务局): a
 * list of names is never done at a 、.
 */
function endsInEnumerationComma(raw: string): boolean {
  let i = raw.length - 1;
  while (i >= 0 && isLayoutSpace(raw.charCodeAt(i))) i--;
  return i >= 0 && raw.charCodeAt(i) === 0x3001;
}

/** A line after a <br> that starts a number, a label or a date keeps its own line. */
export function startsOwnLine(raw: string, first: number): boolean {
  const c = fold(raw.charCodeAt(first));
  if (!((c >= 0x30 && c <= 0x39) || c === 0x28 || CN_FIRST.has(c) || LABEL_FIRST.has(c) || isEnclosedNumber(c))) return false;
  // A number or a label is read from the line's start: its first characters, not the whole line.
  const cut = first + OWN_LINE_REACH < raw.length;
  let text = layoutText(raw, first, cut ? first + OWN_LINE_REACH : raw.length);
  if (readMarker(text) !== undefined || readLabel(text) !== undefined) return true;
  if (text.length > DATE_LENGTH) return false;
  if (cut) text = layoutText(raw, first);
  return text.length <= DATE_LENGTH && isDateLine(foldWidth(text));
}

/** Enough of a line for a number or a label (readLabel's colon is within its first characters). */
const OWN_LINE_REACH = 32;
/** The longest date line: 二〇〇六年十二月二十八日. */
const DATE_LENGTH = 13;
