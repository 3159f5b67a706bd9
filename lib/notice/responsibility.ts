/**
 * Who answers for an item, read from the page's words however it writes them: a labelled line
 * (`牵头单位：X`, `责任单位：X、Y`, `部门分工：X牵头，Y配合。`, `牵头市领导：Z`), a bracket closing the
 * item (`（牵头单位：X；配合单位：Y）`, `（X牵头，Y按职责分工负责，年内持续推进）`) or a table cell.
 * Texts come in as the page writes them (layoutText) and names go out so; matching is done on the
 * same text folded to half-width (foldWidth keeps every position).
 */
import { foldWidth, isLayoutSpace } from './normalize';
import type { ReadUnit } from './reading';

/**
 * How a group of units answers for the item. lead: marked `X牵头`; leadLabel: under a 牵头单位
 * label or column; co: `配合`, 配合单位; resp: named with no role (责任单位, a bare list);
 * noLead: `负责`, `分别负责`, `按职责分工负责`, `共同落实`, `组织实施` (every unit answers, none leads).
 */
export type GroupKind = 'lead' | 'leadLabel' | 'co' | 'resp' | 'noLead';

export interface UnitGroup {
  kind: GroupKind;
  names: string[];
}

export interface Responsibility {
  groups: UnitGroup[];
  leaders: string[];
  deadline?: string;
  /** A label or a verb said it is a responsibility (a bare bracket like （市下达指标） does not). */
  marked: boolean;
}

/** The page's rule for who leads, stated once (in the cover notice or a unit line). */
export const enum LeadRule {
  /** None stated: 责任单位 are co, 牵头单位 all lead. */
  None = 0,
  /** `列第一位的为牵头或汇总单位`, `首位单位为牵头单位`, `第一个单位为牵头单位`: the first unit listed leads. */
  FirstListed = 1,
  /** `同责单位，无先后大小责任之分`: no unit leads. */
  NoOrder = 2,
}

export type LabelKind = 'leadLabel' | 'co' | 'resp' | 'leader' | 'split' | 'deadline' | 'skip';

// On folded text: the labels a line or a bracket starts with, then `:`. A leader is named by how
// they answer for the item too: 领衔领导, 挂钩区领导, 包抓责任领导, 包联领导, 主管领导 (as regions call
// them), and by level: 牵头县级领导, 县级包抓领导, 市级领导. A department's
// own breakdown names its divisions: 牵头处室, 责任科室, 配合股室; a 民生实事 list its 责任主体. Some write
// the role alone: 牵头：X；配合：Y (never 主办： alone, a site footer's label).
const LABEL =
  /^((?:(?:牵头(?:组织实施|责任|负责|实施)?|主办|主责|主要责任)(?:单位|部门|处室|科室|股室)|(?:主要|其他)?(?:配合|协办|参与|协同|协助|协作|参加)(?:责任)?(?:单位|部门|处室|科室|股室)|(?:其他责任|次要责任|责任|实施|承办)(?:单位|部门|处室|科室|股室)|(?:责任|实施)主体(?:单位)?)(?:[(（](?:单位|部门|处室|科室|股室)[)）])?(?:及其?(?:责任人|负责人))?|(?:[省市区县]政府)?(?:[省市区县]级)?(?:牵头|责任|分管|联系|协管|协同|配合|督办|督导|主管|(?:领衔|挂钩|包抓|包保|包联)(?:责任)?)?(?:[省市区县]级?)?领导|(?:牵头|责任|分管|联系|协管)(?:常务)?副?[省市区县州]长|(?:部门|责任)?分工|(?:完成|办结)(?:时限|时间|期限|节点)(?:节点)?(?:要求)?|时间节点|时限(?:要求)?|时间要求|责任人|牵头|配合|参与|责任)[:：∶]/;

export function labelKind(label: string): LabelKind {
  if (label.endsWith('领导') || label.endsWith('长')) return 'leader';
  if (label.endsWith('分工')) return 'split';
  if (label.startsWith('完成') || label.startsWith('办结') || label.startsWith('时')) return 'deadline';
  if (label === '责任人') return 'skip';
  if (label.startsWith('牵头') || label.startsWith('主办') || label.startsWith('主责') || label.startsWith('主要责任')) return 'leadLabel';
  if (label.startsWith('责任') || label.startsWith('实施') || label.startsWith('承办')) return 'resp';
  // 其他责任单位, 次要责任单位 and every 配合 / 协办 / 参与 label: the units helping.
  return 'co';
}

/** A colon as pages write it: half-width, full-width, or the ratio sign ∶ typed for one. */
const isColon = (c: number) => c === 0x3a || c === 0xff1a || c === 0x2236;

/** Where a label's colon can be at the latest (牵头组织实施单位及责任人： is the longest). */
const LABEL_REACH = 13;

/** The label a text (as written or folded) starts with: its kind and where the labelled text starts. */
export function readLabel(text: string): { kind: LabelKind; end: number } | undefined {
  if (text.charCodeAt(0) === 0x3010) return bracketLabel(text);
  // Most lines have no colon near their start: no label, without trying the pattern.
  let colon = -1;
  for (let i = 2; i < text.length && i <= LABEL_REACH; i++) {
    const c = text.charCodeAt(i);
    if (isColon(c)) {
      colon = i;
      break;
    }
  }
  if (colon < 0) return bracketedLabel(text);
  const m = LABEL.exec(text);
  return m && m[0].length === colon + 1 ? { kind: labelKind(m[1]), end: colon + 1 } : bracketedLabel(text);
}

/** How long a note in a label's bracket may be: 列第一位的为牵头单位, 排名第一的为牵头单位. */
const LABEL_NOTE = 20;

/**
 * A label with a note in a bracket before its colon, the page's lead rule as a rule note
 * (责任单位（列第一位的为牵头单位）：): the label without its note. The note is read with the page's
 * lines for the rule (leadRule), never as a unit.
 */
function bracketedLabel(text: string): { kind: LabelKind; end: number } | undefined {
  let open = -1;
  for (let i = 2; i < text.length && i < LABEL_REACH; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xff08 || c === 0x28) {
      open = i;
      break;
    }
  }
  if (open < 0) return undefined;
  let close = -1;
  for (let i = open + 1; i < text.length && i <= open + LABEL_NOTE + 1; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xff09 || c === 0x29) {
      close = i;
      break;
    }
  }
  const colon = text.charCodeAt(close + 1);
  if (close < 0 || !isColon(colon)) return undefined;
  const m = LABEL.exec(`${text.slice(0, open)}：`);
  return m && m[0].length === open + 1 ? { kind: labelKind(m[1]), end: close + 2 } : undefined;
}

/** A label in 【】, a colon after it or none: 【牵头单位】区发改局, 【责任领导】：李红梅. */
function bracketLabel(text: string): { kind: LabelKind; end: number } | undefined {
  const close = text.indexOf('】');
  if (close < 3 || close > LABEL_REACH) return undefined;
  const m = LABEL.exec(`${text.slice(1, close)}：`);
  if (!m || m[0].length !== close) return undefined;
  const colon = text.charCodeAt(close + 1);
  return { kind: labelKind(m[1]), end: isColon(colon) ? close + 2 : close + 1 };
}

/** Whether norm[a, b) has a colon where readLabel looks for one (folded: `:` only). */
function hasColonNear(norm: string, a: number, b: number): boolean {
  const end = Math.min(b, a + LABEL_REACH + 1);
  for (let i = a + 2; i < end; i++) if (norm.charCodeAt(i) === 0x3a) return true;
  return false;
}

// A verb closing a list of names: who leads, who helps, who answers without a lead. Its manner
// (按职责分工, 共同, 具体…), its core (牵头, 配合, 负责, 落实…) and what it adds (落实, 实施, 做好相关工作):
// 按照职责分工负责, 协助配合, 协同推进, 抓好落实. The core decides the role (verbKind).
const VERB =
  /(?:按照?(?:职责|职能)(?:分工)?|分工|分别|共同|具体|各自|组织|抓好)?(牵头|负责|配合|参与|协助|协办|协同|落实|实施|推进)(负责|落实|实施|推进|配合|做好相关工作)?$/;
/** The last characters VERB's words end with (头 责 合 与 助 办 同 实 施 进 作): most clauses are names alone. */
const endsLikeVerb = (s: string) => {
  switch (s.charCodeAt(s.length - 1)) {
    case 0x5934: case 0x8d23: case 0x5408: case 0x4e0e: case 0x52a9: case 0x529e:
    case 0x540c: case 0x5b9e: case 0x65bd: case 0x8fdb: case 0x4f5c:
      return true;
    default:
      return false;
  }
};
/** 牵头… leads; 配合, 参与, 协助, 协办, 协同 (and …配合) help; 负责, 落实, 实施, 推进 answer without a lead. */
const verbKind = (core: string, tail: string | undefined): GroupKind =>
  core === '牵头' ? 'lead' : /^(?:配合|参与|协助|协办|协同)$/.test(core) || tail === '配合' ? 'co' : 'noLead';

// A clause that is a time, not names: 年内持续推进, 2022年12月底前完成, 6月底前, 力争年底前完成, 二〇二四年十二月底前,
// 次年3月底前, 第三季度末前完成, 常态化推进, 分年度实施, 按时间节点推进, 2024年春节前; said with what is asked or
// planned before it (须于年底前完成, 计划2024年底完工, 在6月底前). A unit never starts so: 于都县, 在杭高校 name no time.
const DEADLINE =
  /^(?:力争|争取|确保|务必|计划|预计|[须需要])?(?:[在于到至]|截至)?(?:年内|年底|年末|年中|全年|长期|持续|常态|常年|每年|每季度?|每月|按期|按时|逐年|分年度|分阶段|分步|按(?:时间|进度|计划|序时)|[今本当次明来]年|\d{4}(?:年|-|—|–|~|至|\.|\/)|[一二][〇零九][〇零一二三四五六七八九]{2}年|\d{1,2}月|(?:[一二三四五六七八九]|十[一二]?)月|第?[一二三四1-4]季度|[上下]半年|春节|元旦|国庆|汛前|汛期)/;

// A rule's note, never a unit: （列第一位的为牵头或汇总单位，下同）, （首位单位为牵头单位，下同）, （第一个单位为牵头单位）.
const RULE_NOTE = /第一(?:位|个|单位)|首位|首个|排(?:名|序)?第一|下同|无先后/;
/** Words (folded, as a table's header cell) without a bracket stating the lead rule: 责任单位(牵头单位列第一位) → 责任单位. */
export const withoutRuleNote = (words: string) => words.replace(/\([^()]*\)/g, (note) => (RULE_NOTE.test(note) ? '' : note));
// The first-listed rule in its wordings: 列第一位的（责任单位）为牵头或汇总单位, 列第一位者为…, 首位单位为…, 列在首位的为…,
// 第一个单位为…, 第一单位为…, 首个单位为…, 排名首位的为…, 排第一的为…, 排序第一的单位为…, 列第一位的为总牵头单位 (never 排名第一 alone: a ranking);
// the lead named first: 牵头单位列第一位, 牵头单位排在首位.
const FIRST_LISTED =
  /(?:(?:列|排)(?:名|序)?在?(?:第一位?|首位)|第一个?|首个|首位)(?:的|者)?(?:责任|工作)?(?:单位|部门)?(?:的|者)?(?:为|是|负责)(?:工作)?总?(?:牵头|汇总|主办|主责)|(?:牵头|主办|主责)(?:或汇总)?(?:单位|部门)(?:为|是)?(?:列|排)(?:名|序)?在?(?:第一位?|首位)/;
const NO_ORDER = /无先后|不分先后|同责单位/;

/** The page's lead rule, from any line that states one (lines folded). */
export function leadRule(norms: Iterable<string>): LeadRule {
  let rule = LeadRule.None;
  for (const s of norms) {
    if (NO_ORDER.test(s)) return LeadRule.NoOrder;
    if (FIRST_LISTED.test(s)) rule = LeadRule.FirstListed;
  }
  return rule;
}

/** Words a rule is stated with (no other width to them): leadRule reads only lines holding one. */
export const RULE_HINT = /第一|首位|首个|先后|同责/;

/** ( [ 【 《 and ) ] 】 》: a separator inside them splits nothing. */
const isOpen = (c: number) => c === 0x28 || c === 0x5b || c === 0x3010 || c === 0x300a;
const isClose = (c: number) => c === 0x29 || c === 0x5d || c === 0x3011 || c === 0x300b;
/** Where clauses part (folded): `，` `；` `。`. */
const isClauseEnd = (norm: string, i: number) => {
  const c = norm.charCodeAt(i);
  return c === 0x2c || c === 0x3b || c === 0x3002;
};
/**
 * Where a name ends in a list: a 、, or a 及 or 和 joining two units (区统计局及各街道, 区委宣传部和区文明办,
 * 区发改局及相关部门): after a name's end and before a level, 各, 相关 or 有关; never inside a name
 * (区住房和城乡建设局, 区教育局及所属学校, 各镇（街道）及村（社区）).
 */
const isNameEnd = (norm: string, i: number) => {
  const c = norm.charCodeAt(i);
  if (c === 0x3001) return true;
  if ((c !== 0x53ca && c !== 0x548c) || i === 0 || !UNIT_LAST.has(norm.charCodeAt(i - 1))) return false;
  const next = norm.charCodeAt(i + 1);
  return UNIT_FIRST.has(next) || ((next === 0x76f8 || next === 0x6709) && norm.charCodeAt(i + 2) === 0x5173);
};

/**
 * The runs of `norm` between separators outside brackets, white space trimmed (none is left by
 * layoutText but at the edges of a cut), as flat [start, end) pairs: read on every unit line of a
 * page, so no array per run and no string per character.
 */
function splitTop(norm: string, isSep: (norm: string, i: number) => boolean): number[] {
  const runs: number[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < norm.length; i++) {
    const c = norm.charCodeAt(i);
    if (isOpen(c)) depth++;
    else if (isClose(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && isSep(norm, i)) {
      pushTrimmed(runs, norm, start, i);
      start = i + 1;
    }
  }
  pushTrimmed(runs, norm, start, norm.length);
  return runs;
}

/** Adds norm[from, to) to `runs` without the white space at its edges. */
function pushTrimmed(runs: number[], norm: string, from: number, to: number) {
  while (from < to && norm.charCodeAt(from) <= 0x20) from++;
  while (to > from && norm.charCodeAt(to - 1) <= 0x20) to--;
  runs.push(from, to);
}

/** `text` without its bracketed rule notes (列第一位的…，下同), and their folded twin. */
function withoutNotes(text: string, norm: string): [string, string] {
  if (!RULE_NOTE.test(norm)) return [text, norm];
  let out = '';
  let outNorm = '';
  let from = 0;
  let depth = 0;
  let open = -1;
  for (let i = 0; i < norm.length; i++) {
    const c = norm.charCodeAt(i);
    if (c === 0x28) {
      if (depth++ === 0) open = i;
    } else if (c === 0x29 && depth > 0 && --depth === 0 && RULE_NOTE.test(norm.slice(open, i))) {
      out += text.slice(from, open);
      outNorm += norm.slice(from, open);
      from = i + 1;
    }
  }
  return [out + text.slice(from), outNorm + norm.slice(from)];
}

// 各区、县（市）政府: one body (the districts and county-level cities), though a 、 stands inside.
const EACH_LEVEL = /^各[\u4e00-\u9fa5]$/;
const LEVEL_ALTERNATIVE = /^[县市区镇乡旗]\(/;
/** 省 市 县 区 乡 镇: a level alone before 、 names no unit (市、县两级政府). */
const isLevel = (c: number) => c === 0x7701 || c === 0x5e02 || c === 0x53bf || c === 0x533a || c === 0x4e61 || c === 0x9547;
/** 各镇、街道: 各 holds for the level after it too (各街道), the name other items write. */
const EACH_ALSO = /^(?:乡镇|镇|乡|街道(?:办事处)?|社区|村(?:社区)?)$/;
const EACH = 0x5404; // 各

/**
 * The names of a list split at 、 outside brackets (县发改局（粮食局）, 各县（市、区）政府, 各区、县（市）政府
 * and 市、县两级政府 stay whole; 各镇、街道 is 各镇 and 各街道).
 */
export function splitNames(text: string, norm = foldWidth(text)): string[] {
  const names: string[] = [];
  const runs = splitTop(norm, isNameEnd);
  let prevA = -1;
  let prevB = -1;
  let from = -1; // where a lone level starts the name that follows it
  for (let k = 0; k < runs.length; k += 2) {
    const a = runs[k];
    const b = runs[k + 1];
    if (b <= a || isNoneMark(norm, a, b)) continue;
    if (b - a === 1 && k + 2 < runs.length && isLevel(norm.charCodeAt(a))) {
      if (from < 0) from = a;
      continue;
    }
    // 县（ after 各区: checked on the characters first, the pattern only then.
    if (prevA >= 0 && b - a > 1 && norm.charCodeAt(a + 1) === 0x28 && LEVEL_ALTERNATIVE.test(norm.slice(a, b)) && EACH_LEVEL.test(norm.slice(prevA, prevB))) {
      names[names.length - 1] = text.slice(prevA, b);
      prevB = b;
      continue;
    }
    if (from >= 0) {
      names.push(text.slice(from, b));
      from = -1;
    } else if (prevA >= 0 && norm.charCodeAt(prevA) === EACH && norm.charCodeAt(a) !== EACH && b - a <= 5 && EACH_ALSO.test(norm.slice(a, b))) {
      names.push('各' + text.slice(a, b));
    } else names.push(text.slice(a, b));
    prevA = a;
    prevB = b;
  }
  return names;
}

/** The last character of a unit's name (局, 委, 政府, 办, 街道, 开发区…). */
const UNIT_LAST = new Set([...'局委办府会院室部厅处科股队所站心司行社团馆组区道镇乡村园'].map((c) => c.charCodeAt(0)));
/** The first of the next unit's name after a <br>: its level (省, 市, 区, 县) or 各 (各街道). */
const UNIT_FIRST = new Set([...'省市区县各'].map((c) => c.charCodeAt(0)));

/**
 * Whether a <br> between these two characters parts two units' names (市发改委<br>市住建局): a
 * name's end, then a level or 各; anywhere else it breaks one name (台州湾产业集聚区<br>管委会).
 */
export const unitsApart = (before: number, after: number) => UNIT_LAST.has(before) && UNIT_FIRST.has(after);

/**
 * Whether a name reads as a unit's (or a body's): it ends as one does (局, 委, 办, 政府, 街道, 公司…),
 * or names units as a whole (各街道, 相关部门, 有关单位). Not 市下达指标, not 含加装电梯.
 */
export function isUnitLike(name: string): boolean {
  const norm = foldWidth(name).replace(/\([^()]*\)$/, '');
  return norm.length >= 2 && (UNIT_LAST.has(norm.charCodeAt(norm.length - 1)) || /^各|(?:部门|单位|企业)$/.test(norm)) && !/^(?:含|包括|如|即|详见|见)/.test(norm);
}

/** Where a name stops: 、 ， , ； ; ： : and layout space. */
const isNameStop = (c: number) => c === 0x3001 || c === 0xff0c || c === 0x2c || c === 0xff1b || c === 0x3b || isColon(c) || c <= 0x20 || c === 0x3000 || c === 0xa0;
// Words that finish the name before them: 台州湾产业集聚区 管委会, 某某街道 办事处.
const FINISH_WORDS = ['管委会', '管理委员会', '办事处', '办公室', '党工委', '工委', '委员会', '分局', '支队', '大队'];
const FINISHES = new RegExp(`^(?:${FINISH_WORDS.join('|')})`);
/** Whether `rest`, all that is left of the line after a space, begins such a word that a <br> cuts (各街道　办事<br>处). */
const cutFinish = (rest: string) => FINISH_WORDS.some((w) => w.length > rest.length && w.startsWith(rest));

/**
 * Whether the layout space s[at, end) parts two units' names, as Word pastes a list (区发改局　区经信局,
 * 教育局 人社局, 经开区 高新园（邹区镇） 各街道): a name of two characters or more ending as a unit's
 * does (局, 委, 办, 政府, 街道, 公司… or a bracket after one), then a name of two or more that does not
 * finish it (管委会, 办事处). Any other space is layout: 区 城管局, a person's name padded 王　丹.
 */
export function spaceApart(s: string, at: number, end: number): boolean {
  let last = at - 1;
  const c = s.charCodeAt(last);
  if (c === 0xff09 || c === 0x29) last--;
  if (!UNIT_LAST.has(s.charCodeAt(last))) return false;
  let before = 0;
  for (let i = at - 1; i >= 0 && before < 2 && !isNameStop(s.charCodeAt(i)); i--) before++;
  let after = 0;
  for (let i = end; i < s.length && after < 2 && !isNameStop(s.charCodeAt(i)); i++) after++;
  return before >= 2 && after >= 2 && !FINISHES.test(s.slice(end, end + 5)) && !(s.length - end < 5 && cutFinish(s.slice(end)));
}

/**
 * Whether the layout space s[at, end) parts two officials' names, as Word pastes them (王宏　李四,
 * 王宏副区长　李四副区长): a person's name, a post after it or not, then two characters of another
 * that start no label. A padded name (王　丹) or a post before its person (办公室主任　李明) is layout.
 */
export function leadersSpaceApart(s: string, at: number, end: number): boolean {
  let from = at;
  // Back to a stop, or a heading's number closing in a bracket (（一）王宏　李四副市长牵头).
  while (from > 0 && !isNameStop(s.charCodeAt(from - 1)) && s.charCodeAt(from - 1) !== 0xff09 && s.charCodeAt(from - 1) !== 0x29) from--;
  let name = s.slice(from, at);
  // A two-character name padded to three before it (王　丹　李四): its two characters.
  if (name.length === 1) {
    let k = from;
    while (k > 0 && isLayoutSpace(s.charCodeAt(k - 1))) k--;
    if (k < from && k > 0 && isHan(s.charCodeAt(k - 1)) && (k === 1 || isNameStop(s.charCodeAt(k - 2)))) name = s[k - 1] + name;
  }
  if (name.length < 2 || !isPerson(leaderName(name)) || POST_CUT_BEFORE.test(name)) return false;
  // The next name's two characters, or a two-character name padded to three (王宏　王　丹); not the
  // rest of a post the space cut (王宏副　市长, 于会游市　长).
  if (!isHan(s.charCodeAt(end)) || POST_CUT_AFTER.test(s.slice(end, end + 4))) return false;
  let second = end + 1;
  if (isLayoutSpace(s.charCodeAt(second))) while (second < s.length && isLayoutSpace(s.charCodeAt(second))) second++;
  return isHan(s.charCodeAt(second)) && !readLabel(s.slice(end, end + LABEL_REACH + 1));
}

const isHan = (c: number) => c >= 0x4e00 && c <= 0x9fa5;
/** A post's start a space cut off from its rest (王宏副　市长, 黄飞常务　副区长, 于会游市　长). */
const POST_CUT_BEFORE = /(?:副|常务|[省市县区州镇乡])$/;
/** A post's rest after a space (…　市长, …　长, …　助理). */
const POST_CUT_AFTER = /^(?:长|副|常务|助理|[省市县区州镇乡](?:长|委|政府)|秘书长|书记|主任|主席|常委|党组|[一二]级|巡视员|调研员)/;

/** Whether the label nearest before s[at] names leaders (责任领导：王宏　李四), not units. */
function afterLeaderLabel(s: string, at: number): boolean {
  const colon = Math.max(s.lastIndexOf('：', at), s.lastIndexOf(':', at), s.lastIndexOf('∶', at));
  for (let k = Math.max(0, colon - LABEL_REACH); k < colon - 1; k++) {
    const label = readLabel(s.slice(k, colon + 1));
    if (label && k + label.end === colon + 1) return label.kind === 'leader';
  }
  return false;
}

/**
 * Whether the layout space s[at, end) of a responsibility line parts two names: two units' (spaceApart),
 * or two officials' after a leader's label (责任领导：王宏　李四).
 */
export const namesSpaceApart = (s: string, at: number, end: number) =>
  spaceApart(s, at, end) || (afterLeaderLabel(s, at) && leadersSpaceApart(s, at, end));

/** / \\ - — – ― − _ . · … ~ (folded): a cell or a list written with nothing but these names no one. */
const NONE_CHARS = new Set([...'/\\-—–―−_.·…~'].map((c) => c.charCodeAt(0)));

/** Whether folded norm[a, b) is a mark standing for none (/, —, －, 无, 暂无): no unit, no leader, no deadline. */
export function isNoneMark(norm: string, a = 0, b = norm.length): boolean {
  const c = norm.charCodeAt(a);
  if (c === 0x65e0) return b - a === 1; // 无
  if (c === 0x6682) return b - a === 2 && norm.charCodeAt(a + 1) === 0x65e0; // 暂无
  for (let i = a; i < b; i++) if (!NONE_CHARS.has(norm.charCodeAt(i))) return false;
  return b > a;
}

// A post after a person's name: 王丹县长, 黄飞常务副区长, 樊峥常委, 刘忻市长, 樊峥区委常委, 孙七区政府党组成员,
// 王五区长助理, 赵六二级巡视员.
const POST =
  /(?:[省市县区州镇乡](?:委|政府))?(?:(?:常务)?副?(?:省|市|县|区|州|镇|乡)长(?:助理)?|副?秘书长|常委|副?书记|副?主任|副?主席|党组成员|(?:[一二]级)?(?:巡视员|调研员))$/;
// A post before the name: 区长冯晶, 常务副区长黄飞, 副区长欧阳建国, 区委书记张三, 区长助理王五, 一级巡视员赵六.
const POST_BEFORE = /(?:[省市县区州镇乡]长(?:助理)?|秘书长|常委|书记|主任|主席|党组成员|巡视员|调研员)([\u4e00-\u9fa5]{2,4})$/;
const NOT_A_NAME = /^(?:分管|协管|联系|常务|牵头)/;
// What follows a name and is no part of it: 王五同志, 李四副区长（挂职）.
const REMARK = /(?:同志|[（(][^（）()]*[）)])$/;
/** A person's name: two to four characters, not a post's words, not a body (区委, 区政府, 区发改局). */
const isPerson = (s: string) => s.length >= 2 && s.length <= 4 && !NOT_A_NAME.test(s) && !/[委府局厅办部、，,]/.test(s);

/** A leading official or a post (分管副省长), not a unit. */
export const isLeaderLike = (name: string) => POST.test(name) || /领导$/.test(name) || NOT_A_NAME.test(name);

/**
 * The person a leader's words name, as every item writes them: 王丹县长, 区长冯晶, 常务副区长黄飞,
 * 王五同志 → 王丹, 冯晶, 黄飞, 王五; a post where the page names no one stays as written (分管副省长, 区委常委).
 */
export function leaderName(s: string): string {
  const t = s.replace(REMARK, '');
  const after = POST.exec(t);
  if (after) {
    const name = t.slice(0, after.index);
    return isPerson(name) ? name : s;
  }
  const before = POST_BEFORE.exec(t);
  if (before && isPerson(before[1])) return before[1];
  return t !== s && isPerson(t) ? t : s;
}

/**
 * Leaders named in a line, a cell paragraph or a clause: 汤飞帆; 董贵波、郑敏强; 区委常委、副区长张三
 * (one person, after the posts that name no one).
 */
export function leaderNames(text: string): string[] {
  const norm = foldWidth(text);
  let names: string[];
  if (norm.includes(',')) {
    // 王建国，李红梅: a comma parts them as a 、 does (outside brackets: 李四（挂职，兼）).
    names = [];
    const runs = splitTop(norm, (s, i) => s.charCodeAt(i) === 0x2c);
    for (let k = 0; k < runs.length; k += 2) names.push(...splitNames(text.slice(runs[k], runs[k + 1]), norm.slice(runs[k], runs[k + 1])).map(leaderName));
  } else names = splitNames(text, norm).map(leaderName);
  if (names.length < 2) return names;
  const people = names.filter((n) => POST.exec(n)?.index !== 0);
  return people.length && people.length < names.length ? people : names;
}

// A heading naming who leads its section: 一、王丹县长牵头重点工作, （一）刘忻市长牵头重点工作, 洪湖鹏市长主抓重点工作,
// 七、周八副区长牵头, 由王丹区长牵头的工作, 王五、赵六副区长共同牵头, 王丹副区长联系工作, …重点工作（共12项）.
const LEADER_HEADING =
  /^由?(.+?)(?:共同)?(?:牵头|主抓|分管|负责|领衔|联系)(?:负责|推进|落实)?的?(?:(?:重点)?(?:工作|任务|事项))?(?:\(共?\d{1,3}项\))?[。.:]?$/;

/**
 * The officials a section heading names (after its ordinal), or none: at least one by post (冯晶区长,
 * 区长冯晶), the others by name alone where the post is shared (王五、赵六副区长); posts naming no one
 * beside a person are dropped (区委常委、副区长张三 → 张三). A heading naming a unit or a theme names none.
 * `spaced`, its words with a 、 where a layout space may part two officials' names (王宏　李四副市长牵头),
 * is read first; where that names no one (the space was padding: 于会游市　长), the heading as written.
 */
export function headingLeaders(text: string, spaced = text): string[] {
  if (spaced !== text) {
    const apart = headingLeaders(spaced);
    if (apart.length) return apart;
  }
  const whole = leadHeadingLeaders(text);
  if (whole.length) return whole;
  // 经济发展（王丹县长牵头）, 稳增长（牵头领导：王丹）: the theme, then who leads it in a closing bracket.
  const inner = closingBracketText(text);
  if (!inner) return [];
  const label = readLabel(inner);
  if (!label) return leadHeadingLeaders(inner);
  return label.kind === 'leader' ? leaderNames(inner.slice(label.end)).filter(isPerson) : [];
}

/** The inside of the bracket closing `text` after some words of its own (经济发展（王丹县长牵头） → 王丹县长牵头), or ''. */
function closingBracketText(text: string): string {
  const norm = foldWidth(text.trimEnd());
  if (norm.charCodeAt(norm.length - 1) !== 0x29) return '';
  let depth = 0;
  for (let i = norm.length - 1; i > 0; i--) {
    const c = norm.charCodeAt(i);
    if (c === 0x29) depth++;
    else if (c === 0x28 && --depth === 0) return text.slice(i + 1, norm.length - 1);
  }
  return '';
}

function leadHeadingLeaders(text: string): string[] {
  const norm = foldWidth(text);
  const m = LEADER_HEADING.exec(norm);
  if (!m) return [];
  // 由王丹区长牵头: the names start after 由.
  const from = m[1].length < norm.length && norm.charCodeAt(0) === 0x7531 && norm.startsWith(m[1], 1) ? 1 : 0;
  const names: string[] = [];
  const posts: string[] = [];
  let byPost = false;
  for (const piece of splitNames(text.slice(from, from + m[1].length))) {
    const t = piece.replace(REMARK, '');
    const after = POST.exec(t);
    const before = after ? null : POST_BEFORE.exec(t);
    if (after) {
      byPost = true;
      const name = t.slice(0, after.index);
      if (isPerson(name)) names.push(name);
      else if (name === '' || NOT_A_NAME.test(name)) posts.push(piece);
      else return [];
    } else if (before && isPerson(before[1])) {
      byPost = true;
      names.push(before[1]);
    } else if (isPerson(t)) names.push(t);
    else return [];
  }
  return !byPost ? [] : names.length ? names : posts;
}

/** Enough of a line to hold the longest label and its colon (牵头组织实施单位及责任人：). */
export const LABEL_SPAN = 14;
/** A colon as pages write it: full-width, half-width, or the ratio sign typed for one. */
const COLONS = ['：', ':', '∶'];

/**
 * A labelled line with its labels set apart by `；`: several labels on one line are often set off
 * by spaces only (as Word pastes them: 牵头单位：区住建局　配合单位：各街道), which the line's
 * words lose with its layout, or by nothing. Each colon after the first label is tried as the end
 * of another, from its earliest possible start, so 区政府分管领导： is one label.
 */
export function separateLabels(line: string): string {
  const first = readLabel(line);
  if (!first) return line;
  if (line.includes('【', first.end)) line = separateBracketLabels(line, first.end);
  let out = '';
  let from = 0;
  let after = first.end; // where the text after the last colon starts
  for (let colon = indexOfColon(line, after); colon >= 0; after = colon + 1, colon = indexOfColon(line, after)) {
    for (let start = Math.max(after, colon - LABEL_SPAN); start < colon - 1; start++) {
      const label = readLabel(line.slice(start, colon + 1));
      if (!label || start + label.end !== colon + 1) continue;
      const before = line.charCodeAt(start - 1);
      if (before !== 0xff1b && before !== 0x3b) out += `${line.slice(from, start)}；`;
      else out += line.slice(from, start);
      from = start;
      break;
    }
  }
  return from ? out + line.slice(from) : line;
}

/** 【牵头单位】区财政局【配合单位】区税务局: a ； before each label in 【】 after `from` not set off by one. */
function separateBracketLabels(line: string, from: number): string {
  let out = '';
  let last = 0;
  for (let k = line.indexOf('【', from); k >= 0; k = line.indexOf('【', k + 1)) {
    if (!readLabel(line.slice(k, k + LABEL_SPAN))) continue;
    const before = line.charCodeAt(k - 1);
    if (before === 0xff1b || before === 0x3b) continue;
    out += `${line.slice(last, k)}；`;
    last = k;
  }
  return last ? out + line.slice(last) : line;
}

/** The next colon (full- or half-width) at or after `from`, or -1. */
export function indexOfColon(line: string, from: number): number {
  let at = -1;
  for (const colon of COLONS) {
    const i = line.indexOf(colon, from);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  return at;
}

/**
 * Reads a responsibility: `text` is a labelled line's rest (`label` its kind), a bracket's inside or
 * a cell paragraph. Clauses split at `，` `；` `。` outside brackets; a clause may start with its own
 * label (`牵头单位：X；配合单位：Y`); a bare clause goes on with the label before it, so
 * `责任单位：A，B` is one list. Rule notes are dropped; names keep their own brackets.
 */
export function readResponsibility(textIn: string, label?: LabelKind): Responsibility {
  const [text, norm] = withoutNotes(textIn, foldWidth(textIn));
  const r: Responsibility = { groups: [], leaders: [], marked: label !== undefined };
  let current = label;
  let bare: UnitGroup | undefined; // the group bare clauses add to
  let persons = false; // the label names a person beside each unit (责任单位及责任人：)
  const runs = splitTop(norm, isClauseEnd);
  for (let k = 0; k < runs.length; k += 2) {
    let a = runs[k];
    const b = runs[k + 1];
    const lab = hasColonNear(norm, a, b) || norm.charCodeAt(a) === 0x3010 ? readLabel(norm.slice(a, b)) : undefined;
    if (lab) {
      current = lab.kind;
      persons = PERSON_LABEL.test(norm.slice(a, a + lab.end));
      r.marked = true;
      bare = undefined;
      a += lab.end;
    }
    if (b <= a) continue;
    const clause = text.slice(a, b);
    const clauseNorm = norm.slice(a, b);
    if (current === 'skip') continue;
    if (current === 'leader') {
      r.leaders.push(...leaderNames(clause));
      continue;
    }
    if (current === 'deadline' || DEADLINE.test(clauseNorm)) {
      if (!isNoneMark(clauseNorm)) r.deadline ??= clause;
      continue;
    }
    const verb = endsLikeVerb(clauseNorm) ? VERB.exec(clauseNorm) : null;
    if (verb) {
      const names = splitNames(clause.slice(0, verb.index), clauseNorm.slice(0, verb.index));
      const kind = verbKind(verb[1], verb[2]);
      r.marked = true;
      bare = undefined;
      if (kind === 'noLead' && names.length && names.every(isLeaderLike)) r.leaders.push(...names.map(leaderName));
      else if (names.length) r.groups.push({ kind, names });
      continue;
    }
    const names = persons ? unitsOnly(splitNames(clause, clauseNorm)) : splitNames(clause, clauseNorm);
    if (!names.length) continue;
    const kind = current === 'leadLabel' || current === 'co' ? current : 'resp';
    if (!LEAD_MARK.test(clauseNorm)) {
      if (bare) bare.names.push(...names);
      else r.groups.push((bare = { kind, names }));
      continue;
    }
    // 县住建局（牵头）、县生态环境分局: the unit so marked leads, the others are as their label says.
    r.marked = true;
    for (const name of names) {
      const mark = LEAD_MARK_END.exec(foldWidth(name));
      if (mark) {
        if (mark.index) r.groups.push({ kind: 'lead', names: [name.slice(0, mark.index)] });
        bare = undefined;
      } else if (bare) bare.names.push(name);
      else r.groups.push((bare = { kind, names: [name] }));
    }
  }
  return r;
}

/** A unit label naming the person answering beside each unit: 责任单位及责任人：, 牵头部门及负责人：. */
const PERSON_LABEL = /及其?(?:责任|负责)人:$/;
const PERSON_BRACKET = /[(（]([\u4e00-\u9fa5]{2,4})[)）]$/;
const PERSON_AFTER_SPACE = /[\s\u3000]+[\u4e00-\u9fa5]{2,3}$/;

/**
 * The units of names that a unit-and-person label gives (区城管局张三, 区发改局（张三）, 区卫健局 李四):
 * each unit without its person, a person alone dropped. The person answers within the unit: no
 * leading official, and no unit.
 */
function unitsOnly(names: readonly string[]): string[] {
  const out: string[] = [];
  for (const name of names) {
    const bracket = PERSON_BRACKET.exec(name);
    if (bracket && isPerson(bracket[1])) {
      out.push(name.slice(0, bracket.index));
      continue;
    }
    const last = name.charCodeAt(name.length - 1);
    if (UNIT_LAST.has(last)) {
      out.push(name);
      continue;
    }
    // A person of two or three characters right after the unit's last one, or after a space.
    const spaced = PERSON_AFTER_SPACE.exec(name);
    const cut = spaced && UNIT_LAST.has(name.charCodeAt(spaced.index - 1))
      ? spaced.index
      : [name.length - 2, name.length - 3].find((c) => c >= 2 && UNIT_LAST.has(name.charCodeAt(c - 1)));
    if (cut !== undefined) out.push(name.slice(0, cut));
    else if (!isPerson(name)) out.push(name);
  }
  return out;
}

// A unit marked lead after its name, in brackets (folded): 县住建局（牵头）, 县农业农村局（牵头单位）.
const LEAD_MARK = /[([【](?:牵头|主办|主责)(?:单位|部门|处室|科室|股室)?[)\]】]/;
const LEAD_MARK_END = new RegExp(`${LEAD_MARK.source}$`);

/**
 * readResponsibility, remembered for one page: notices repeat the same unit lines (牵头单位：区财政局)
 * dozens of times. One per page reading, never shared across pages: a page read once (as every
 * visit reads it) pays for each of its own lines. The result is shared: callers never change it.
 */
export function responsibilityReader(): (text: string, label?: LabelKind) => Responsibility {
  const memo = new Map<string, Responsibility>();
  return (text, label) => {
    const key = label ? `${label}\u0000${text}` : text;
    let r = memo.get(key);
    if (!r) memo.set(key, (r = readResponsibility(text, label)));
    return r;
  };
}

/** Joins the readings of an item's labelled lines (or cells) into one. */
export function mergeResponsibilities(parts: readonly Responsibility[]): Responsibility {
  if (parts.length === 1) return parts[0];
  const r: Responsibility = { groups: [], leaders: [], marked: false };
  for (const p of parts) {
    r.groups.push(...p.groups);
    r.leaders.push(...p.leaders);
    r.deadline ??= p.deadline;
    r.marked ||= p.marked;
  }
  return r;
}

/**
 * Each unit's role by the page's rule: units marked 牵头 (by verb or label) lead and the rest help;
 * with none marked, a stated no-order rule or a `负责` clause leaves every unit co, a first-listed
 * rule makes the first lead, and no rule leaves them all co. Under a 牵头单位 label, every unit
 * leads unless the page says the first listed does.
 */
export function assignRoles(groups: readonly UnitGroup[], rule: LeadRule): ReadUnit[] {
  const units: ReadUnit[] = [];
  let marked = false;
  let noLead = false;
  for (const g of groups) {
    if (g.kind === 'lead' || g.kind === 'leadLabel') marked = true;
    else if (g.kind === 'noLead') noLead = true;
  }
  const firstLeads = !marked && !noLead && rule === LeadRule.FirstListed;
  // A table's 责任单位 often lists its 牵头单位 again: one unit, in its first place, leading if either leads.
  const seen = new Map<string, ReadUnit>();
  for (const g of groups) {
    for (let i = 0; i < g.names.length; i++) {
      let lead: boolean;
      if (g.kind === 'lead') lead = true;
      else if (g.kind === 'leadLabel') lead = rule === LeadRule.FirstListed ? i === 0 : true;
      else lead = firstLeads && units.length === 0;
      const name = g.names[i];
      const before = seen.get(name);
      if (before) {
        if (lead) before.role = 'lead';
        continue;
      }
      const unit: ReadUnit = { name, role: lead ? 'lead' : 'co' };
      seen.set(name, unit);
      units.push(unit);
    }
  }
  return units;
}
