/**
 * The richer reading of a notice page: its lists of items, each keyed, with units and their roles,
 * leading officials and deadline, in the page's own words (./reading.ts). Recognised from the
 * page's structure — a table of tasks and units, numbered items followed by labelled lines, items
 * closed by a responsibility bracket (./formats, LIST_FORMATS) — never from its site. A look-alike
 * (the report itself, a 解读, measures with no units, a progress table or a 督查 bulletin, by its
 * title or its body, a cover page whose list is an attachment) is refused with the reason.
 *
 * A pure reading: it changes nothing in the page, and is not yet what the overlay and the database
 * use (recognise.ts gives today's model); the model migration wires it in.
 */
import { extractLines, type TextLines } from './extract-text';
import { LIST_FORMATS, type ListAnchor, type ListFormat, type ListPage, type ListsReading } from './formats';
import { mergeLists } from './formats/merge-lists';
import { MIN_ITEMS } from './formats/outline';
import { readPageFacts, yearFrom } from './page-facts';
import { PageLines } from './page-lines';
import { namesLagging, namesReport, saysProgress } from './report-title';
import type { NoticeReading, ReadList, ReadRefusal } from './reading';
import { siteOf } from './sites';

export interface ReadNoticeOptions {
  /** The formats to try, in order; the registry's by default. */
  formats?: readonly ListFormat[];
}

export interface NoticePageReading {
  reading: NoticeReading;
  /** The id of the format that read it, for a notice. */
  format?: string;
  /** The publication time the page's metadata gives, for a notice. */
  publishedAt?: string;
  /**
   * For a notice, where each of its items sits in the page and where its overlay goes, by item
   * key (ReadItem.key): every item of every list has one.
   */
  anchors?: Map<string, ListAnchor>;
  /** For a notice, the walk of the page it was read from (where its quotes are, ./page-quote.ts). */
  walked?: TextLines;
}

const refuse = (url: string, reason: string, report = false, numbered = 0): ReadRefusal => ({
  url, refused: true, reason, ...(report ? { report } : {}), ...(numbered >= MIN_ITEMS ? { numbered } : {}),
});

const REPORT = '标题是完成情况、落实情况的报告或公示，或督查通报、专报，不是责任分解 / the title names a report on the tasks\' progress (完成情况, 落实情况, a 通报 or 专报), not their breakdown';

const REPORT_BODY = '页面报告任务的进展（事项后的完成情况、落实情况，或进度滞后的事项），不是责任分解 / the page reports on the tasks\' progress (a 完成情况 line after its items, or items under 进度滞后的事项), not their breakdown';

/**
 * What a line saysProgress holds, as characters layout cannot split: a colon (few lines have one:
 * the labelled lines), then 况, 度 or 展 (情况, 进度, 进展); 发展 and 年度 stand in most lines of a
 * notice. Tested on the page's lines as they are, before a line is read.
 */
const mayTellProgress = (raw: string) =>
  (raw.includes('：') || raw.includes(':')) && (raw.includes('况') || raw.includes('度') || raw.includes('展'));

/**
 * Read like a breakdown, the page reports on one: its items sit under a heading naming them lagging
 * (二、进度滞后的事项), or at least MIN_ITEMS of its lines say what was done (完成情况：…).
 */
function reportsProgress(lines: PageLines, lists: readonly ReadList[]): boolean {
  if (lists.some((l) => l.items.some((it) => it.section !== undefined && namesLagging(it.section)))) return true;
  let said = 0;
  let read = -1; // the last line read: a line of several in the page is read once
  const { raws } = lines.lines;
  for (let p = 0; p < raws.length; p++) {
    if (!mayTellProgress(raws[p])) continue;
    const i = lines.logical(p);
    if (i === read) continue;
    read = i;
    if (saysProgress(lines.norm(i)) && ++said >= MIN_ITEMS) return true;
  }
  return false;
}

// A link to an office file: the list may be only there.
const ATTACHMENT = /\.(?:xlsx?|docx?|pdf|wps|et|ofd|zip|rar)(?:$|[?#])/i;

function attachmentOnly(doc: Document): boolean {
  for (const a of doc.getElementsByTagName('a')) if (ATTACHMENT.test(a.getAttribute('href') ?? '')) return true;
  return false;
}

/** Reads the page at `url`; the text a reader sees first, the hidden copies too only when that holds no notice. */
export function readNoticePage(doc: Document, url: string, options: ReadNoticeOptions = {}): NoticePageReading {
  const root = doc.body ?? doc.documentElement;
  if (!root) return { reading: refuse(url, '页面为空 / the page is empty') };
  const formats = options.formats ?? LIST_FORMATS;
  const meta = siteOf(url)?.meta;
  let reasons: string[] = [];
  let report = false;
  let numbered = 0;
  for (const skipHidden of [true, false]) {
    const lines = new PageLines(extractLines(root, skipHidden));
    const facts = readPageFacts(doc, lines, meta);
    reasons = [];
    const page: ListPage = { doc, lines, facts, skipHidden };
    for (const [at, format] of formats.entries()) {
      const first = format.readLists(page);
      if (!first.ok) {
        reasons.push(first.reason);
        report ||= first.report === true;
        numbered = Math.max(numbered, first.numbered ?? 0);
        continue;
      }
      const r = format.partial ? withListsBeyond(first, formats.slice(at + 1), page) : first;
      const { title, docNo, issuer } = facts;
      // Read like a breakdown, titled a report on one (a 督查 通报, a 完成情况): the same tasks, not a notice.
      if (namesReport(title)) return { reading: refuse(url, REPORT, true) };
      // Its items followed by what was done, or headed as the lagging ones: whatever its title says.
      if (reportsProgress(lines, r.lists)) return { reading: refuse(url, REPORT_BODY, true) };
      const year = facts.year ?? yearFrom(r.lists.flatMap((l) => (l.title ? [l.title] : [])));
      return {
        format: format.id,
        anchors: r.anchors,
        walked: lines.lines,
        ...(facts.publishedAt ? { publishedAt: facts.publishedAt } : {}),
        reading: {
          url,
          ...(docNo ? { docNo } : {}),
          ...(issuer ? { issuer } : {}),
          title,
          ...(year ? { year } : {}),
          lists: r.lists,
        },
      };
    }
  }
  if (attachmentOnly(doc)) reasons.unshift('清单只在附件中 / the list is only in an attachment, the page holds its cover notice');
  return { reading: refuse(url, reasons.join('；') || '没有可读的格式 / no notice format to read it', report, report ? 0 : numbered) };
}

/** A partial format's lists (its tables') and the first other format's lists outside them. */
function withListsBeyond(r: ListsReading & { ok: true }, others: readonly ListFormat[], page: ListPage): ListsReading & { ok: true } {
  for (const format of others) {
    const more = format.readLists(page);
    if (more.ok) return mergeLists(r, more);
  }
  return r;
}

export function readNotice(doc: Document, url: string, options?: ReadNoticeOptions): NoticeReading {
  return readNoticePage(doc, url, options).reading;
}
