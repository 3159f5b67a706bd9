/**
 * Prose items followed by labelled lines (the Zhejiang standard and its kin), read with the
 * richer model: one or several lines after each item —
 *
 *   1.全县生产总值增长7.5%左右；……
 *   牵头单位：县发改局           责任单位：县发改局（首位单位为牵头单位，下同）、县财政局
 *   配合单位：县财政局           牵头市领导：汤飞帆
 *   部门分工：省发展改革委牵头，各地、各部门配合。        完成时限：6月底前
 *
 * — or the label after the item's last sentence on its own line (…。责任单位：X, …；责任单位：X, or set
 * off by spaces only: …增长5%　　牵头单位：X). Items with no
 * line of their own share the next item's (拱墅's items 1–4 under one 牵头单位 line). The
 * numbering, sections and lists are the outline's (./outline.ts).
 *
 * Today's prose format (./prose-lead-line.ts) reads the same pages into today's model for the
 * overlay; this one replaces it when the model migrates. Kept apart meanwhile, so the content
 * script does not carry it.
 */
import type { PageLines } from '../page-lines';
import { indexOfColon, LABEL_SPAN, mergeResponsibilities, readLabel, responsibilityReader, separateLabels, type Responsibility } from '../responsibility';
import { closingBracket } from './bracket';
import type { ListFormat, ListPage, ListsReading } from './format';
import { entryText, readOutline, type EntryReading, type OutlineEntry } from './outline';

/**
 * Where a label starts inside a line, or -1: after a sentence ends (…。责任单位：区发改局), after a
 * `；` (…5家；牵头单位：), or set off by layout space only (…增长5%　　牵头单位：, the page's spaces):
 * never in the middle of a sentence (明确各责任单位：…).
 */
function inlineLabel(pl: PageLines, line: number, from: number): number {
  const disp = pl.disp(line);
  // 【牵头单位】 after the item's last sentence.
  for (let k = disp.indexOf('【', from + 1); k >= 0; k = disp.indexOf('【', k + 1)) {
    const before = disp.charCodeAt(k - 1);
    if ((before === 0x3002 || before === 0xff1b || before === 0x3b) && readLabel(disp.slice(k, k + LABEL_SPAN)) && !inBracket(disp, from, k)) return k;
  }
  for (let colon = indexOfColon(disp, from); colon >= 0; colon = indexOfColon(disp, colon + 1)) {
    for (let start = Math.max(from + 1, colon - LABEL_SPAN); start < colon - 1; start++) {
      const label = readLabel(disp.slice(start, colon + 1));
      if (!label || label.end !== colon + 1 - start) continue;
      const before = disp.charCodeAt(start - 1);
      // Inside a bracket, the label is the bracket's (（牵头单位：X；配合单位：Y）: the bracket family's).
      if ((before === 0x3002 || before === 0xff1b || before === 0x3b || pl.spacedBefore(line, disp.slice(start, colon + 1))) && !inBracket(disp, from, start)) return start;
      break;
    }
  }
  return -1;
}
/** Whether disp[at] stands inside a bracket opened after `from`: （ ( 【 [ not yet closed. */
function inBracket(disp: string, from: number, at: number): boolean {
  let depth = 0;
  for (let i = from; i < at; i++) {
    const c = disp.charCodeAt(i);
    if (c === 0xff08 || c === 0x28 || c === 0x3010 || c === 0x5b) depth++;
    else if ((c === 0xff09 || c === 0x29 || c === 0x3011 || c === 0x5d) && depth > 0) depth--;
  }
  return depth > 0;
}

/** How many paragraphs of an item without labelled lines may close with its own bracket. */
const ASIDE_LINES = 3;

/** A label's colon (or the 【 of a label in 【】), which layout cannot split: a line without one holds no label. */
const COLON = /[:：∶【]/;
/**
 * A line after items saying who answers for them all: 以上工作由区城管局牵头，各街道配合。
 * 以上2项任务均由区文旅局负责。 Its clause after 由 is read as a bracket's is (the verbs say the roles).
 */
const ABOVE = /^以上[^，。；：:由]{0,10}由(.+?)[。.]?$/;
const mayBeAbove = (pl: PageLines, line: number) => pl.first(line) === 0x4ee5 && pl.mayHold(line, '由');

/**
 * An item and the labelled lines after it — or a label on its own last line, after its last
 * sentence; items with none take the next item's (a shared unit line).
 */
function readEntry(e: OutlineEntry, pl: PageLines, readOnce: (text: string) => Responsibility): EntryReading {
  if (!e.labels.length) {
    // Who answers for the items above, on a line of its own after the last (the items before it
    // without their own share it, as they share a next item's labelled lines).
    const tail = e.body[e.body.length - 1];
    const above = tail !== undefined && mayBeAbove(pl, tail) ? ABOVE.exec(pl.disp(tail)) : null;
    if (above) {
      const last = e.body.length > 1 ? e.body[e.body.length - 2] : e.line;
      return { resp: readOnce(above[1]), text: entryText(pl, e, e.body.slice(0, -1)), last: tail, textLast: last, respLines: [tail] };
    }
    // The label after the item's last sentence: on its last line, or on an earlier one when the
    // lines after it are not the item's (the unnumbered heading of the next items, 李四副县长牵头重点工作).
    for (let k = e.body.length; k >= 0; k--) {
      const line = k ? e.body[k - 1] : e.line;
      if (!pl.mayMatch(line, COLON)) continue;
      const at = inlineLabel(pl, line, line === e.line ? e.textStart : 0);
      if (at < 0) continue;
      const disp = pl.disp(line);
      const resp = readOnce(separateLabels(pl.units(line, at)));
      // A ； joining the item to its label is the label's, not the item's (a 。 ends the item's sentence).
      const end = disp.charCodeAt(at - 1) === 0xff1b || disp.charCodeAt(at - 1) === 0x3b ? at - 1 : at;
      return { resp, text: entryText(pl, e, e.body.slice(0, k), { line, end }), last: line, textLast: line, respLines: [line] };
    }
    // An item closed by a bracket of its own among items with labelled lines (…。（区人社局牵头，各街道配合）):
    // its first paragraphs only, where such a bracket stands.
    const lines = [e.line, ...e.body.slice(0, ASIDE_LINES)];
    for (let k = 0; k < lines.length; k++) {
      const line = lines[k];
      const found = closingBracket(pl.disp(line), pl.norm(line), (from) => pl.units(line, from));
      if (!found) continue;
      const text = entryText(pl, e, lines.slice(1, k + 1), { line, end: found.open });
      return { resp: found.resp, text, last: line, textLast: line, respLines: [line], aside: true };
    }
    const last = e.body.length ? e.body[e.body.length - 1] : e.line;
    return { text: entryText(pl, e), last, textLast: last, respLines: [] };
  }
  const resp = e.labels.length === 1
    ? readOnce(separateLabels(pl.units(e.labels[0])))
    : mergeResponsibilities(e.labels.map((i) => readOnce(separateLabels(pl.units(i)))));
  const textLast = e.body.length ? e.body[e.body.length - 1] : e.line;
  return { resp, text: entryText(pl, e), last: e.labels[e.labels.length - 1], textLast, respLines: e.labels };
}

function readLists({ lines, facts }: ListPage): ListsReading {
  const readOnce = responsibilityReader();
  const r = readOutline(lines, facts, { read: (e, pl) => readEntry(e, pl, readOnce), shares: true });
  return 'lists' in r
    ? { ok: true, lists: r.lists, anchors: r.anchors }
    : { ok: false, reason: `没有后接“牵头单位/责任单位”等行的编号事项 / no numbered items followed by 牵头单位 or 责任单位 lines (${r.reason})`, numbered: r.numbered };
}

export const proseLines: ListFormat = { id: 'prose-lines', readLists };
