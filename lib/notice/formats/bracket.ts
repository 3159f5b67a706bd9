/**
 * Items whose responsibility closes them in brackets (国务院 and provincial 部门分工 意见, 工作要点):
 *
 *   2.优先稳就业保民生，……重大金融风险有效防控。（国家发展改革委牵头，国务院各部门按职责分工负责，年内持续推进）
 *   1、切实提高政治站位，……[牵头单位：区卫健局；责任单位：区疫情防控指挥部成员单位、各街办（新区）]
 *
 * An item may run over several paragraphs before its bracket (总体要求… then 主要预期目标…（…）).
 * The numbering, sections and lists are the outline's (./outline.ts).
 */
import type { PageLines } from '../page-lines';
import type { PageFacts } from '../page-facts';
import { BREAKDOWN_TITLE_WORDS } from '../probe';
import { isUnitLike, readResponsibility, separateLabels, type Responsibility } from '../responsibility';
import type { ListFormat, ListPage, ListsReading } from './format';
import { entryText, readOutline, type EntryReading, type OutlineEntry } from './outline';

const PAIRS = new Map([[0x29, 0x28], [0x5d, 0x5b], [0x3011, 0x3010]]); // ) ( ] [ 】 【
const TRAILING = /[。.;]+$/;

/**
 * The responsibility bracket a folded line ends with (a full stop after it allowed), and where it
 * opens; `units(from)` gives the line's words from `from` with its names set apart as PageLines.units does;
 * `stated`, what the page says its brackets hold (PageFacts.bracketUnits), makes names of units alone one.
 */
export function closingBracket(
  disp: string, norm: string, units?: (from: number) => string, stated?: 'leadLabel' | 'resp',
): { open: number; resp: Responsibility } | undefined {
  const end = norm.length - (TRAILING.exec(norm)?.[0].length ?? 0);
  const close = norm.charCodeAt(end - 1);
  const open = PAIRS.get(close);
  if (open === undefined) return undefined;
  let depth = 0;
  for (let i = end - 1; i >= 0; i--) {
    const c = norm.charCodeAt(i);
    if (c === close) depth++;
    else if (c === open && --depth === 0) {
      const inner = units ? units(i + 1) : disp.slice(i + 1);
      // Its labels apart where only a space (lost with the layout) or nothing parts them (责任领导：李四　责任单位：…).
      const words = separateLabels(inner.slice(0, inner.length - (disp.length - end + 1)));
      const resp = readResponsibility(words);
      // Only a label or a verb makes a bracket a responsibility: not （市下达指标）, not （此件公开发布）;
      // or names of units alone, where the page says its brackets hold them (括号内为牵头单位).
      if (resp.marked) return resp.groups.length || resp.leaders.length ? { open: i, resp } : undefined;
      if (!stated || !resp.groups.length || !resp.groups.every((g) => g.names.every(isUnitLike))) return undefined;
      return { open: i, resp: readResponsibility(words, stated) };
    }
  }
  return undefined;
}

function readEntry(e: OutlineEntry, pl: PageLines, facts: PageFacts): EntryReading {
  const lines = [e.line, ...e.body];
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    const found = closingBracket(pl.disp(line), pl.norm(line), (from) => pl.units(line, from), facts.bracketUnits);
    if (!found) continue;
    const text = entryText(pl, e, lines.slice(1, k + 1), { line, end: found.open });
    return { resp: found.resp, text, last: line, textLast: line, respLines: [line] };
  }
  // No bracket: its first line only, so a signature or a heading after it is not taken in.
  return { text: entryText(pl, e, []), last: e.line, textLast: e.line, respLines: [] };
}

/**
 * A breakdown that closes its items with names of units alone and says nowhere what its brackets
 * hold (（区发改局、区统计局）): read as the units answering for each item, none leading (no rule
 * says who), where its title names a breakdown and most of its items close so. Anywhere else such a
 * bracket stays words of the item (a list of measures or projects naming who took part).
 */
function unsaid(lines: PageLines, facts: PageFacts, numbered: number) {
  if (facts.bracketUnits !== undefined || !BREAKDOWN_TITLE_WORDS.some((w) => facts.title.includes(w))) return undefined;
  const read = { ...facts, bracketUnits: 'resp' as const };
  const r = readOutline(lines, read, { read: (e, pl) => readEntry(e, pl, read), shares: false });
  if (!('lists' in r)) return undefined;
  // Against the page's numbered entries, not the lists' items: a list ends with its last item answering for something.
  const answering = r.lists.reduce((n, l) => n + l.items.filter((i) => i.units.length).length, 0);
  return answering * 2 >= numbered ? r : undefined;
}

export const bracket: ListFormat = {
  id: 'bracket',
  readLists({ lines, facts }: ListPage): ListsReading {
    const first = readOutline(lines, facts, { read: (e, pl) => readEntry(e, pl, facts), shares: false });
    const r = 'lists' in first ? first : (unsaid(lines, facts, first.numbered) ?? first);
    return 'lists' in r
      ? { ok: true, lists: r.lists, anchors: r.anchors }
      : { ok: false, reason: `没有以括号注明责任单位的编号事项 / no numbered items closed by a responsibility in brackets (${r.reason})`, numbered: r.numbered };
  },
};
