/**
 * Breakdowns laid out as HTML tables (余杭, 杭州, 上城, 台州, 钟楼 …):
 *
 *   序号 | 重 点 工 作 任 务 | 牵头领导 | 牵头单位 | 责任单位 | 完成时限
 *
 * The header row is found among the first rows (spaced words, a note row above it) and repeated
 * header rows further down are passed over; columns are mapped by meaning. The number is in its
 * own cell or at the start of the task cell; rows whose task cell spans the number (or the whole
 * table) are group headings (一、…, （一）刘忻市长牵头重点工作); a cell spanning rows (a project, a
 * leader, a lead unit) counts for every task it covers; paragraphs of a cell are several names, and
 * so are the lines a <br> parts where each side is a name (市发改委<br>市住建局, 李红梅<br>赵强).
 * Each table is one list, but for a table going on with the one before (a CMS breaking a long table
 * in two: no title between, the same columns, its numbering or groups going on, its header repeated
 * or not); a table with a 完成情况 (落实情况, 完成进度…) column is a progress report, never a breakdown.
 */
import { extractLines, type TextLines } from '../extract-text';
import { foldWidth, layoutBreaks, layoutText, withBreaks } from '../normalize';
import { cellNumber, Level, listKeys, readMarker } from '../numbering';
import { listTitle } from '../page-facts';
import { startsOwnLine, type PageLines } from '../page-lines';
import type { ReadItem, ReadList } from '../reading';
import {
  assignRoles, headingLeaders, isLeaderLike, isNoneMark, leaderName, leaderNames, leadersSpaceApart, mergeResponsibilities, readLabel, readResponsibility, separateLabels, spaceApart, unitsApart, type LabelKind, type Responsibility, withoutRuleNote,
} from '../responsibility';
import { AFTER_ROWS } from '../row-placement';
import { cellSpan, isCell, tableRows } from '../table-rows';
import type { ListAnchor, ListFormat, ListPage, ListsReading } from './format';
import { MIN_ITEMS } from './outline';

type Column = 'number' | 'task' | 'leader' | 'lead' | 'co' | 'resp' | 'deadline' | 'progress' | 'other';

/**
 * A column of what was done: 累计完成情况, 落实情况, 执行情况, 推进情况, 进展情况, 完成进度. A column of
 * the plan (工作进度, 进度安排, 时间进度要求) is a breakdown's own, beside its 完成时限; a column that
 * breaks the tasks down (年度重点工作任务分解、执行及落实情况) holds them.
 */
const PROGRESS = /(?:完成|落实|执行|推进)情况|进展|进度/;
const SCHEDULE = /(?:工作|时间|计划)进度|进度(?:安排|要求|计划)/;

/** What a header cell's words (spaces gone, folded) say its column holds; a bracket stating the lead rule says nothing of it. */
export function columnOf(header: string): Column {
  const words = header.includes('(') ? withoutRuleNote(header) : header;
  if (/^(?:序号|编号|序)$/.test(words)) return 'number';
  if (PROGRESS.test(words) && !/分解/.test(words)) return SCHEDULE.test(words) ? 'other' : 'progress';
  if (/领导|责任人|(?:牵头|责任|分管|联系|协管)(?:常务)?副?[省市区县州]长/.test(words)) return 'leader';
  // 牵头 | 配合 alone, under a 责任单位 spanning both.
  if (/^(?:牵头|主办|主责)$/.test(words)) return 'lead';
  if (/(?:配合|协办|参与|协同|协助|协作|参加)(?:责任)?(?:单位|部门|处室|科室|股室)|^(?:配合|协办|参与|协同|协助|协作)$/.test(words)) return 'co';
  if (/(?:牵头|主办|主责|主要责任)/.test(words) && /单位|部门|处室|科室|股室/.test(words)) return 'lead';
  if (/(?:责任|实施|承办)(?:单位|部门|处室|科室|股室)|(?:责任|实施)主体/.test(words)) return 'resp';
  if (/时限|完成时间|时间节点|完成期限|时间要求/.test(words)) return 'deadline';
  if (/类型|类别|备注|分类|考核|属性|分值/.test(words)) return 'other';
  if (/任务|工作|内容|项目|事项|指标|目标|举措|措施/.test(words)) return 'task';
  return 'other';
}

interface Cell {
  el: Element;
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
  paras?: string[];
  /** Each paragraph's pieces, where a <br> broke it (one piece for most). */
  pieces?: string[][];
  /** Its text nodes, read with its paragraphs. */
  nodes?: Text[];
  /** Its lines, as its paragraphs were read from. */
  lines?: TextLines;
}

/** The cell's paragraphs in the page's own words; a <br> goes on with its paragraph, as in PageLines. */
function paras(cell: Cell): string[] {
  if (cell.paras) return cell.paras;
  const lines = extractLines(cell.el);
  cell.nodes = lines.nodes;
  cell.lines = lines;
  const { paras: out, pieces } = cellParas(lines, layoutText);
  cell.pieces = pieces;
  return (cell.paras = out);
}

/** Paragraphs and their pieces, each line's words as `words` gives them. */
function cellParas(lines: TextLines, words: (raw: string, first: number) => string): { paras: string[]; pieces: string[][] } {
  const paras: string[] = [];
  const pieces: string[][] = [];
  lines.raws.forEach((raw, i) => {
    const text = words(raw, lines.firsts[i]);
    if (!text) return;
    if (lines.softs[i] && paras.length && !startsOwnLine(raw, lines.firsts[i])) {
      paras[paras.length - 1] += text;
      pieces[pieces.length - 1].push(text);
    } else {
      paras.push(text);
      pieces.push([text]);
    }
  });
  return { paras, pieces };
}

/** A line's words with a 、 where a layout space `apart` says parted two names. */
function spacedWords(apart: (s: string, at: number, end: number) => boolean) {
  return (raw: string, first: number): string => {
    const text = layoutText(raw, first);
    return text.length === raw.length - first ? text : withBreaks(text, layoutBreaks(raw, first, apart));
  };
}
/** Units' names a layout space parted (区发改局　区经信局). */
const unitWords = spacedWords(spaceApart);
/** Leaders' names a layout space parted (王宏　李四, 王宏副市长　李四副市长; not 王　丹). */
const leaderWords = spacedWords(leadersSpaceApart);

/**
 * The cell's lines as a unit or leader cell lists names, one a line: a <br> sets two apart where
 * `apart` says the pieces either side are two names (市发改委<br>市住建局, 李红梅<br>赵强); else it
 * goes on with the name it breaks, as everywhere (台州湾产业集聚区<br>管委会). `spaced` gives a line's
 * words with the names a layout space parts set apart (unitWords, leaderWords).
 */
function nameLines(cell: Cell, apart: (pieces: readonly string[], k: number) => boolean, spaced?: (raw: string, first: number) => string): string[] {
  const out: string[] = [];
  paras(cell);
  const all = spaced ? cellParas(cell.lines!, spaced).pieces : cell.pieces!;
  for (const pieces of all) {
    let line = pieces[0];
    for (let k = 1; k < pieces.length; k++) {
      if (apart(pieces, k)) {
        out.push(line);
        line = pieces[k];
      } else line += pieces[k];
    }
    out.push(line);
  }
  return out;
}

/** Two names where one piece ends a unit's name and the next starts one (responsibility.ts unitsApart). */
const piecesApart = (pieces: readonly string[], k: number) => unitsApart(pieces[k - 1].charCodeAt(pieces[k - 1].length - 1), pieces[k].charCodeAt(0));
/** Every piece a name of its own (two to four characters, no post or body): 李红梅<br>赵强. */
const leadersApart = (pieces: readonly string[]) => pieces.every((p) => p.length >= 2 && p.length <= 4 && leaderName(p) === p && !isLeaderLike(p) && !/[委府局厅办部]/.test(p));

const cellText = (cell: Cell | undefined, sep = '\n') => (cell ? paras(cell).join(sep) : '');

/** The text nodes of the row's cells in `cols`, each cell once (a cell spanning columns or rows is one). */
function cellsNodes(row: Row, cols: readonly (number | undefined)[]): Text[] {
  const out: Text[] = [];
  const seen = new Set<Cell>();
  for (const c of cols) {
    const cell = c === undefined ? undefined : row[c];
    if (!cell || seen.has(cell)) continue;
    seen.add(cell);
    paras(cell);
    out.push(...cell.nodes!);
  }
  return out;
}

/**
 * The table as a grid, built row by row as far as asked (the header is looked for in the first
 * rows before a long table is read whole): a cell spanning rows or columns sits in every slot it covers.
 */
class Grid {
  readonly rows: (Cell | undefined)[][] = [];
  private built = 0;

  constructor(private readonly trs: Element[]) {}

  get length() {
    return this.trs.length;
  }

  row(r: number): (Cell | undefined)[] {
    while (this.built <= r) this.build(this.built++);
    return this.rows[r];
  }

  private build(r: number) {
    const row = (this.rows[r] ??= []);
    let c = 0;
    for (let el = this.trs[r].firstElementChild; el; el = el.nextElementSibling) {
      if (!isCell(el)) continue;
      while (row[c]) c++;
      const cell: Cell = { el, row: r, col: c, rowspan: cellSpan(el, 'rowspan'), colspan: cellSpan(el, 'colspan') };
      for (let dr = 0; dr < cell.rowspan && r + dr < this.trs.length; dr++) {
        const spanned = (this.rows[r + dr] ??= []);
        for (let dc = 0; dc < cell.colspan; dc++) spanned[c + dc] = cell;
      }
      c += cell.colspan;
    }
  }
}

interface Header {
  row: number;
  /** Its first row, when it spans two (责任单位 over 牵头单位 | 配合单位). */
  top?: number;
  columns: Column[];
  /** The header's words per column, to know the header when it is repeated further down. */
  words: string[];
}

const squeeze = (s: string) => foldWidth(s).replace(/\s+/g, '');

/** The header row: among the first rows, one naming a task column and a unit or leader column (or the row below it, those). */
function findHeader(rows: Grid): Header | undefined {
  for (let r = 0; r < Math.min(rows.length, 4); r++) {
    const columns: Column[] = [];
    const words: string[] = [];
    const row = rows.row(r);
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      words[c] = cell && cell.row === r ? squeeze(cellText(cell, '')) : '';
      columns[c] = words[c] && words[c].length <= 30 ? columnOf(words[c]) : 'other';
    }
    if (!columns.includes('task')) continue;
    // Its unit or leader columns may be named in the row below only (责任主体 over 牵头领导 | 牵头单位).
    const header = subHeader(rows, { row: r, columns, words });
    if (header.columns.some((c) => ROLE_COLUMNS.has(c))) return header;
  }
  return undefined;
}

/**
 * A header over two rows: a cell spanning columns (责任单位) with their own headings below it
 * (牵头单位 | 配合单位). The row below then names those columns, and the tasks start after it.
 */
function subHeader(rows: Grid, header: Header): Header {
  const r = header.row + 1;
  if (r >= rows.length) return header;
  const row = rows.row(r);
  const above = rows.row(header.row);
  const columns = [...header.columns];
  const words = [...header.words];
  let named = 0;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (!cell || cell.row !== r) continue;
    const word = squeeze(cellText(cell, ''));
    const column = word.length <= 30 ? columnOf(word) : 'other';
    // Only under a heading spanning columns, and only words that head a column.
    if (!above[c] || above[c]!.colspan < 2 || column === 'other' || column === 'task') return header;
    columns[c] = column;
    words[c] = word;
    named++;
  }
  return named ? { row: r, top: header.row, columns, words } : header;
}

const LABEL_KIND: Partial<Record<Column, LabelKind>> = { lead: 'leadLabel', co: 'co', resp: 'resp' };

/**
 * The units a cell names: its lines without a label one list (the first of them the first listed),
 * a labelled line on its own; a line labelled for someone else (省牵头单位：…) is not the item's.
 */
function cellUnits(cell: Cell, column: Column): Responsibility[] {
  const out: Responsibility[] = [];
  let bare = '';
  const flush = () => {
    if (bare) out.push(readResponsibility(bare, LABEL_KIND[column]));
    bare = '';
  };
  for (const p of nameLines(cell, piecesApart, unitWords)) {
    const norm = foldWidth(p);
    if (readLabel(norm)) {
      flush();
      // Several labels in one paragraph, a space (lost with the layout) or nothing between them.
      out.push(readResponsibility(separateLabels(p)));
    } else if (!norm.includes(':')) bare += bare ? `，${p}` : p;
  }
  flush();
  return out;
}

interface Heading {
  level: number;
  text: string;
  leaders: string[];
  number?: number;
}

type Row = (Cell | undefined)[];

/**
 * A group row (一、…, （一）刘忻市长牵头重点工作, an unnumbered theme): numbered groups nest by their
 * numbering, an unnumbered one is the innermost. An unnumbered one keys as numbered by its place
 * among the unnumbered rows under the same group (王丹县长牵头重点工作 then 李四副县长牵头重点工作: 一、
 * and 二、), so tasks numbered again under each keep keys apart (outline.ts withLead, the same rule).
 */
function groupHeading(task: Cell, headings: Heading[]) {
  const text = cellText(task, '');
  const marker = readMarker(text);
  const level = marker ? marker.level : 4;
  let before: Heading | undefined; // the unnumbered row before it under the same group
  while (headings.length && headings[headings.length - 1].level >= level) before = headings.pop();
  const number = marker ? marker.number : before?.level === 4 ? before.number! + 1 : 1;
  // Its leaders also from its words with names a space parts set apart (（一）王宏　李四副市长牵头):
  // a 、 goes only after a name, never inside the marker, which ends at the same place in both.
  const words = nameLines(task, () => false, leaderWords).join('');
  const from = marker ? marker.end : 0;
  headings.push({ level, text, number, leaders: headingLeaders(text.slice(from), words.slice(from)) });
}

const ownEmpty = (cell: Cell | undefined, r: number) => !cell || (cell.row === r && squeeze(cellText(cell, '')) === '');

/**
 * A group row the editor left unmerged (as Word pastes it): its 序号, unit, leader and deadline
 * cells empty, and its task cell a heading: numbered above the tasks (一、, （一）), naming who leads,
 * or, beside an empty 序号 cell, a short line that is no sentence (经济发展).
 */
function unmergedGroup(row: Row, r: number, task: Cell, numberCol: number | undefined, roleCols: readonly number[]): boolean {
  if ((numberCol !== undefined && !ownEmpty(row[numberCol], r)) || !roleCols.every((c) => ownEmpty(row[c], r))) return false;
  const text = cellText(task, '');
  const marker = readMarker(text);
  if (marker) return marker.level <= Level.ParenChinese;
  return text !== '' && (headingLeaders(text).length > 0 || (numberCol !== undefined && text.length <= 30 && !/[。；;]/.test(text)));
}

interface TaskNumber {
  number: number;
  /** The k-th task under a 序号 cell spanning rows. */
  share?: number;
  /** Where the task's text starts in its first paragraph (after a number written there). */
  textCut: number;
}

/** The task's number: its own cell (shared by the tasks a spanning 序号 cell covers), else the task cell's start. */
function taskNumber(row: Row, task: Cell, numberCol: number | undefined, prevNumber: number, shared: Map<Cell, number>): TaskNumber | undefined {
  if (numberCol !== undefined) {
    const cell = row[numberCol];
    const number = cell && cellNumber(squeeze(cellText(cell, '')));
    if (!cell || number === undefined) return undefined;
    let share: number | undefined;
    if (cell.rowspan > 1) shared.set(cell, (share = (shared.get(cell) ?? 0) + 1));
    return { number, share, textCut: 0 };
  }
  const first = paras(task)[0] ?? '';
  const marker = readMarker(first, prevNumber + 1);
  if (marker) return { number: marker.number, textCut: marker.end };
  return first ? { number: prevNumber + 1, textCut: 0 } : undefined;
}

/** The task cells' paragraphs (项目名称 then 主要内容), joined by \n; a cell spanning rows counts for each task. */
function taskText(row: Row, taskCols: number[], task: Cell, textCut: number): string {
  const parts: string[] = [];
  const seen = new Set<Cell>();
  for (const c of taskCols) {
    const cell = row[c];
    if (!cell || seen.has(cell)) continue;
    seen.add(cell);
    paras(cell).forEach((p, i) => {
      const part = cell === task && i === 0 ? p.slice(textCut).trim() : p;
      if (part) parts.push(part);
    });
  }
  return parts.join('\n');
}

/** Who answers for the task, from its unit, leader and deadline cells. */
function taskRoles(row: Row, roleCols: number[], columns: Column[]) {
  const resps: Responsibility[] = [];
  const leaders: string[] = [];
  let deadline: string | undefined;
  const done = new Set<Cell>();
  for (const c of roleCols) {
    const cell = row[c];
    if (!cell || done.has(cell)) continue;
    done.add(cell);
    const kind = columns[c];
    // One list, so that a post on a line of its own (副市长<br>赵强) names no one beside the person.
    if (kind === 'leader') leaders.push(...leaderNames(nameLines(cell, leadersApart, leaderWords).join('、')));
    else if (kind === 'deadline') {
      const due = cellText(cell, '');
      if (due && !isNoneMark(foldWidth(due))) deadline ??= due;
    }
    else resps.push(...cellUnits(cell, kind));
  }
  return { resp: resps.length ? mergeResponsibilities(resps) : undefined, leaders, deadline };
}

interface TableList {
  list: ReadList;
  tops: (number | undefined)[];
  /** The group heading under the top one, where there is one (（一）X副市长牵头重点工作 under 一、). */
  subs: (number | undefined)[];
  shares: (number | undefined)[];
  /** Each item's number and task cells' text nodes, and its role cells'. */
  nodes: Pick<ListAnchor, 'nodes' | 'unitNodes'>[];
  /** What a table going on with this one starts from: its header, its groups in effect after its last task, that task's number. */
  header: Header;
  headings: Heading[];
  last: number;
  /** The group row read before its first task, if any. */
  opening?: Heading;
}

/**
 * One table (its first line `first`) as a list, or undefined when it is no task table. Given the
 * table `before`, it takes that one's header when it repeats none; read as going on with it (a list
 * the page breaks over two tables, `carry`), it starts with that one's groups and last number.
 */
function readTable(
  table: Element, page: ListPage, first: number, stop: number, progress: { seen: boolean }, before?: TableList, carry = true,
): TableList | undefined {
  const rows = new Grid(tableRows(table));
  const header = findHeader(rows) ?? (before && rows.length && rows.row(0).length === before.header.columns.length ? { ...before.header, row: -1 } : undefined);
  if (!header) return undefined;
  if (header.columns.includes('progress')) {
    progress.seen = true;
    return undefined;
  }
  const cols = (k: Column) => header.columns.flatMap((c, i) => (c === k ? [i] : []));
  const taskCols = cols('task');
  const numberCol = cols('number')[0];
  const roleCols = header.columns.flatMap((c, i) => (c !== 'task' && c !== 'number' && c !== 'other' ? [i] : []));

  const headings: Heading[] = before && carry ? before.headings.slice() : [];
  const out: TableList = { list: { items: [] }, tops: [], subs: [], shares: [], nodes: [], header, headings, last: 0 };
  const shared = new Map<Cell, number>();
  let prevNumber = before && carry ? before.last : 0;
  for (let r = header.row + 1; r < rows.length; r++) {
    const row = rows.row(r);
    const task = row[taskCols[0]];
    if (!task) continue;
    // The header again (a table printed over several pages): every cell of its own says what the header does.
    if (row.some((cell) => cell?.row === r) && row.every((cell, c) => !cell || cell.row !== r || squeeze(cellText(cell, '')) === header.words[c])) continue;
    // A row whose task cell spans the number (or a unit or leader column) is a group heading.
    const spansOther = task.row === r && (
      (numberCol !== undefined && task.col <= numberCol && task.col + task.colspan > numberCol) ||
      (task.colspan > 1 && roleCols.some((c) => c >= task.col && c < task.col + task.colspan)));
    if (spansOther || (task.row === r && unmergedGroup(row, r, task, numberCol, roleCols))) {
      groupHeading(task, headings);
      if (!out.list.items.length) out.opening ??= headings[headings.length - 1];
      continue;
    }
    const n = taskNumber(row, task, numberCol, prevNumber, shared);
    const text = n && taskText(row, taskCols, task, n.textCut);
    if (!n || !text) continue;

    const { resp, leaders: own, deadline } = taskRoles(row, roleCols, header.columns);
    let leaders = own.length ? own : resp?.leaders ?? [];
    for (let h = headings.length - 1; h >= 0 && !leaders.length; h--) leaders = headings[h].leaders;
    const inner = headings[headings.length - 1];
    const item: ReadItem = inner
      ? { key: '', number: n.number, section: inner.text, text, units: [], leaders: leaders.slice() }
      : { key: '', number: n.number, text, units: [], leaders: leaders.slice() };
    item.units = resp ? assignRoles(resp.groups, page.facts.rule) : [];
    const due = deadline ?? resp?.deadline;
    if (due) item.deadline = due;
    out.list.items.push(item);
    out.tops.push(headings[0]?.number);
    out.subs.push(headings[1]?.number);
    out.shares.push(n.share);
    out.nodes.push({ nodes: cellsNodes(row, [numberCol, ...taskCols]), unitNodes: cellsNodes(row, roleCols) });
    prevNumber = n.number;
  }
  if (!out.list.items.length) return undefined;
  out.last = prevNumber;
  // Its title may be the table's own: a caption, or a row above the header spanning the table.
  const titleNorm = foldWidth(page.facts.title);
  const head = header.row >= 0 ? headerLine(page.lines, first, table, header.top ?? header.row) : first;
  const title = (head > first ? listTitle(page.lines, head, first - 1, titleNorm) : undefined) ?? listTitle(page.lines, first, stop, titleNorm);
  if (title) out.list = { title, items: out.list.items };
  return out;
}

/** The line the header row (the table's row `row`) starts at, after the table's caption and the rows above it. */
function headerLine(pl: PageLines, first: number, table: Element, row: number): number {
  const text = firstText(tableRows(table)[row]);
  if (!text) return first;
  for (let i = first; i < first + HEAD_LINES && i < pl.count; i++) if (pl.nodes(i).includes(text)) return i;
  return first;
}

/** The first text node below `el` holding more than white space. */
function firstText(el: Node): Text | undefined {
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3 && /\S/.test((c as Text).data)) return c as Text;
    const t = c.nodeType === 1 ? firstText(c) : undefined;
    if (t) return t;
  }
  return undefined;
}

/**
 * Whether `next`, a table read as going on with `list`, does: the same columns, and its first
 * task numbered next (4 after 3), or its first group row the next of one in effect (二、 after 一、,
 * 李四副县长牵头重点工作 after 王丹县长牵头重点工作): numbering starting again under a group of its own.
 */
function goesOn(list: TableList, next: TableList): boolean {
  if (next.header.words.join('\u0000') !== list.header.words.join('\u0000')) return false;
  const g = next.opening;
  if (!g) return next.list.items[0].number === list.last + 1;
  return list.headings.some((h) => h.level === g.level && h.number !== undefined && g.number === h.number + 1);
}

/** Adds the tasks of `next` (a table going on with `list`) to `list`. */
function append(list: TableList, next: TableList) {
  list.list.items.push(...next.list.items);
  list.tops.push(...next.tops);
  list.subs.push(...next.subs);
  list.shares.push(...next.shares);
  list.nodes.push(...next.nodes);
  list.headings = next.headings;
  list.last = next.last;
}

/** Lines of a table's first rows that may head its columns. */
const HEAD_LINES = 40;
const ROLE_COLUMNS = new Set<Column>(['lead', 'co', 'resp', 'leader', 'progress']);
/**
 * A character each heading of those columns holds (单位 部门 处室 科室 领导 责任人 责任主体 完成情况 进展
 * 进度), one character since headers space their words (牵 头 单 位); a colon says a labelled line.
 */
const ROLE_CHAR = /[位门室导人体况展度]/;
const COLON = /[:：∶]/;

/**
 * Whether the table's first lines (lines first to last are the table's) hold a word heading a unit,
 * leader or progress column, a cell of its own: the cheap test before a table's cells are read.
 */
function namesColumns(pl: PageLines, first: number, last: number): boolean {
  for (let i = first; i <= last && i < first + HEAD_LINES; i++) {
    // A header cell is a few words, never a labelled line (牵头单位：区财政局).
    if (pl.rawLength(i) > 60 || !pl.mayMatch(i, ROLE_CHAR) || pl.mayMatch(i, COLON)) continue;
    const words = pl.norm(i).replace(/\s+/g, '');
    if (words.length <= 30 && ROLE_COLUMNS.has(columnOf(words))) return true;
  }
  return false;
}

/** Whether line i starts with a number (4, 4., 二、, （三）): the first row of a table that repeats no header. */
const startsNumbered = (pl: PageLines, i: number) => readMarker(pl.disp(i)) !== undefined || cellNumber(pl.norm(i)) !== undefined;

function readLists(page: ListPage): ListsReading {
  const lists: TableList[] = [];
  const progress = { seen: false };
  const pl = page.lines;
  const titleNorm = foldWidth(page.facts.title);
  let stop = -1;
  // The tables the page's lines passed through (hidden ones were left out with their lines);
  // only those holding no other table: page layouts nest the notice in theirs.
  for (const t of pl.lines.tables) {
    if (!t.leaf || t.first > t.last) continue;
    const first = pl.logical(t.first);
    const named = namesColumns(pl, first, pl.logical(t.last));
    // Only a table after a list may go on with it or borrow its columns: the tests after the first list only.
    const last = lists[lists.length - 1];
    const numbered = last !== undefined && startsNumbered(pl, first);
    const titled = last !== undefined && (named || numbered) && listTitle(pl, first, stop, titleNorm) !== undefined;
    // A table going on with the one before, no title between (a CMS breaking a long table in two), its header repeated or not.
    const before = last && (named || numbered) && !titled ? last : undefined;
    const more = before && readTable(t.el, page, first, stop, progress, before);
    if (more && goesOn(before!, more)) {
      append(before!, more);
      stop = pl.logical(t.last);
      continue;
    }
    // Under a title of its own, a table that repeats no header is a list of its own in the columns
    // of the table before (民生实事 after the tasks, the page's header given once), when it has as many.
    const read = named ? readTable(t.el, page, first, stop, progress) : titled && numbered ? readTable(t.el, page, first, stop, progress, last, false) : undefined;
    if (!read) continue;
    lists.push(read);
    stop = pl.logical(t.last);
  }
  const withUnits = lists.reduce((n, l) => n + l.list.items.filter((i) => i.units.length).length, 0);
  if (withUnits < MIN_ITEMS) {
    return progress.seen
      ? { ok: false, report: true, reason: '表格是完成情况（进度）报告，不是责任分解 / a progress report (完成情况 column), not the breakdown' }
      : { ok: false, reason: '没有列出任务和责任单位的表格 / no table of tasks with their units' };
  }
  const many = lists.length > 1;
  const anchors = new Map<string, ListAnchor>();
  lists.forEach(({ list, tops, subs, shares, nodes }, li) => {
    const keys = listKeys(list.items.map((it, i) => ({ number: it.number, top: tops[i], sub: subs[i], share: shares[i] })), many ? li + 1 : undefined);
    list.items.forEach((it, i) => {
      it.key = keys[i];
      // The overlay in a row of its own after the task's row (its group's last, when a cell spans several tasks).
      anchors.set(it.key, { key: it.key, ...nodes[i], placement: AFTER_ROWS });
    });
  });
  return { ok: true, lists: lists.map((l) => l.list), anchors };
}

export const table: ListFormat = { id: 'table', partial: true, readLists };
