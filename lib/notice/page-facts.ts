/**
 * What a notice page says about itself, in its own words: its title (ArticleTitle), 文号 (as
 * written, 〔〕 or 【】), issuer (the body signing it), the year the breakdown is for, the rule for
 * who leads, and the headings of its lists. Read from the page's text and metadata, never from
 * which site it is on.
 */
import { MetaTags } from './metadata';
import { foldWidth, layoutText } from './normalize';
import { isDateLine, type PageLines } from './page-lines';
import { LeadRule, leadRule, readLabel, RULE_HINT } from './responsibility';
import { NATIONAL_META, type MetaNames } from './sites';

export interface PageFacts {
  title: string;
  docNo?: string;
  issuer?: string;
  year?: number;
  /** The publication time its metadata gives (PubDate, or the site's name for it), normalised. */
  publishedAt?: string;
  rule: LeadRule;
  /**
   * What the page says a bracket closing an item holds, where it says so (括号内为牵头单位, 括号中为责任单位):
   * such a bracket of names alone is the item's units, their label's kind.
   */
  bracketUnits?: 'leadLabel' | 'resp';
}

/** The page's title: its ArticleTitle (or the site's name for it), else <title>, as written. */
function pageTitle(doc: Document, metas: MetaTags, names: MetaNames): string {
  for (const name of names.title) {
    const v = metas.raw(name);
    if (v && v.trim()) return layoutText(v);
  }
  return layoutText(doc.title ?? '');
}

// 盐政办发〔2022〕16号, 武昌政办【2019】3号: a whole line (an info-table cell, or labelled), never one cited in running text.
const DOC_NO = /^(?:(?:备注\/)?(?:发文字号|文件编号|文号|字号|编号):?)?([\u4e00-\u9fa5]{2,12}[〔[(【](?:19|20)\d{2}[〕\])】]\d{1,4}号)$/;
const DOC_NO_YEAR = /[〔[(（【［]((?:19|20)\d{2})/;

/** What the page's own lines say: its 文号, who signs it, an info table's issuer, the rule lines. */
interface LineFacts {
  docNo?: string;
  /** The line above the date that closes the notice (its issuer, when it names a body in full). */
  signer?: string;
  /** The value of an info table's 发文机关 line. */
  labelled?: string;
  /** Lines stating the rule for who leads, folded. */
  ruleLines: string[];
  /** What the page says its closing brackets hold. */
  bracketUnits?: 'leadLabel' | 'resp';
}

/**
 * One pass over the page's lines for every fact they hold; each line's length is read once, and
 * a line is read whole only when it holds the character its fact needs.
 */
function lineFacts(pl: PageLines): LineFacts {
  const facts: LineFacts = { ruleLines: [] };
  for (let i = 0; i < pl.count; i++) {
    const length = pl.rawLength(i);
    if (length <= 80) {
      if (facts.docNo === undefined && pl.mayHold(i, '号')) {
        const norm = pl.norm(i);
        const m = DOC_NO.exec(norm);
        if (m) facts.docNo = pl.disp(i).slice(norm.length - m[1].length);
      }
      if (length <= 40 && i > 0 && facts.signer === undefined && pl.mayHold(i, '日') && isDateLine(pl.norm(i)) && isIssuer(pl.disp(i - 1))) {
        facts.signer = pl.disp(i - 1);
      }
      if (length <= 20 && i + 1 < pl.count && facts.labelled === undefined && pl.mayHold(i, '发')) {
        const label = pl.norm(i);
        if ((label === '发文机关' || label === '发布机构' || label === '发文单位') && isIssuer(pl.disp(i + 1))) facts.labelled = pl.disp(i + 1);
      }
    }
    // Every rule speaks of 位 (第一位, 首位, 同责单位, 责任单位…无先后): one character first, since
    // layout may stand inside 第一位 on the raw line, then the words.
    if (pl.mayHold(i, '位') && RULE_HINT.test(pl.disp(i))) facts.ruleLines.push(pl.norm(i));
    if (facts.bracketUnits === undefined && pl.mayHold(i, '括')) {
      const said = BRACKET_UNITS.exec(pl.norm(i));
      if (said) facts.bracketUnits = said[1] === '牵头' || said[1] === '主办' || said[1] === '主要责任' ? 'leadLabel' : 'resp';
    }
  }
  return facts;
}

// 括号内为牵头单位, 各项工作后括号中为责任单位, （括号内为责任部门）: what the page's closing brackets hold;
// 牵头, 主办 and 主要责任 units lead, as on a labelled line (responsibility.ts labelKind).
const BRACKET_UNITS = /括[号弧](?:内|中|里)(?:的|所列)?(?:为|是)(牵头|主办|责任|承办|主要责任)?(?:单位|部门)/;

const ORG = /(?:人民政府|政府|办公室|办公厅|国务院|委员会|管委会|政府办)$/;
/** A body named in full starts with its place: 市人民政府 alone names no one. */
const PARTIAL = /^(?:省|市|区|县|镇|乡|州|本)/;
const isIssuer = (s: string) => s.length <= 30 && ORG.test(s) && !PARTIAL.test(s) && !/[,:;，：；]/.test(s);

/** The body that signs the notice (the line above its date), else the title's, the info table's or the metadata's. */
function issuerOf(lines: LineFacts, metas: MetaTags, title: string): string | undefined {
  if (lines.signer !== undefined) return lines.signer;
  const byTitle = /^(.{2,30}?)关于/.exec(title)?.[1];
  if (byTitle && isIssuer(byTitle)) return byTitle;
  if (lines.labelled !== undefined) return lines.labelled;
  const source = layoutText(metas.raw('ContentSource') ?? '');
  return isIssuer(source) ? source : undefined;
}

const YEAR = /((?:19|20)\d{2})年/;

export function readPageFacts(doc: Document, pl: PageLines, names: MetaNames = NATIONAL_META): PageFacts {
  const metas = new MetaTags(doc);
  const title = pageTitle(doc, metas, names);
  const lines = lineFacts(pl);
  const { docNo } = lines;
  const issuer = issuerOf(lines, metas, title);
  const year = Number(YEAR.exec(foldWidth(title))?.[1] ?? (docNo && DOC_NO_YEAR.exec(foldWidth(docNo))?.[1])) || undefined;
  const publishedAt = metas.first(names.published);
  return {
    title, docNo, issuer, year, ...(publishedAt ? { publishedAt } : {}), rule: leadRule(lines.ruleLines),
    ...(lines.bracketUnits ? { bracketUnits: lines.bracketUnits } : {}),
  };
}

/** The year a list's title or the signature's date gives, for a page whose title and 文号 give none. */
export function yearFrom(texts: readonly string[]): number | undefined {
  for (const t of texts) {
    const y = Number(YEAR.exec(foldWidth(t))?.[1]);
    if (y) return y;
  }
  return undefined;
}

/** A closing bracket naming who leads or answers (folded): (县人社局牵头), (各街道按职责分工负责). */
const RESPONSIBILITY_END = /\([^()]*(?:牵头|负责|配合|落实)[^()]*\)$/;

/**
 * A line that can be (part of) a list's heading: short, not a sentence (no closing 。 ： ；), no
 * colon, not a date, a bracketed remark (（此件公开发布）), an 附件 line or a labelled line.
 */
export function isTitleLike(norm: string): boolean {
  if (norm.length < 4 || norm.length > 60) return false;
  // A sentence is no heading, closed or not: 2.一般公共预算收入增长5%。（县财政局牵头）, an item before a table.
  if (/[。.:;,!?、]$/.test(norm) || norm.includes(':') || norm.includes('。')) return false;
  // Nor an item closed by who answers for it, its sentence left open: 3.新增就业1万人(县人社局牵头).
  if (RESPONSIBILITY_END.test(norm)) return false;
  if (/^\(.*\)$/.test(norm) || /^附件/.test(norm) || isDateLine(norm) || readLabel(norm)) return false;
  return /[\u4e00-\u9fa5]/.test(norm);
}

/**
 * The heading of the list that starts at line `start`, read backwards down to (not including) line
 * `stop`: up to three heading-like lines, joined as printed over several lines; a few sentences of
 * preamble between heading and list are passed over (为全面贯彻…，制定分工方案如下。).
 */
export function listTitle(pl: PageLines, start: number, stop: number, pageTitleNorm: string): string | undefined {
  const parts: string[] = [];
  let preamble = 0;
  for (let i = start - 1; i > stop && i >= 0; i--) {
    const norm = pl.norm(i);
    if (norm === pageTitleNorm) break;
    if (isTitleLike(norm)) {
      parts.unshift(pl.disp(i));
      if (parts.length === 3) break;
      continue;
    }
    if (!parts.length && norm.endsWith('。') && preamble++ < 4) continue;
    break;
  }
  return parts.length ? parts.join('') : undefined;
}
