/**
 * The probe's verdict: is this government page likely a breakdown notice, worth loading the
 * parser and overlay for? Cheap, bounded signals only, so that the thousands of pages that are
 * not notices (portals, news, service guides) cost next to nothing. First the page's title (its
 * <title>, then its ArticleTitle metadata): a page whose titles name neither a breakdown nor tasks
 * is "no" at once, without reading its body (a 2,000-link portal's text alone takes about 1 ms) or
 * touching an element. Then how often the body says who leads (牵头, 责任单位), counted in its first
 * TEXT_BUDGET characters and only up to the count that decides. Said "likely" wrongly, the full
 * recogniser refuses the page; said "no" wrongly, the user can still ask (popup, keyboard command).
 */

import { namesReport } from './report-title';

export type ProbeVerdict = 'likely' | 'no';

/** Title words that name a breakdown (责任分解, 任务分工方案, 目标任务分解表, 部门分工…). */
export const BREAKDOWN_TITLE_WORDS = ['责任分解', '任务分解', '任务分工', '分工方案', '部门分工', '分解清单', '分解表', '责任清单'] as const;
/**
 * Title words a breakdown often has, but news, plans and reports too (重点工作推进会, 民生实事
 * news, the 政府工作报告 itself): these ask more of the body.
 */
export const TASK_TITLE_WORDS = ['重点工作', '目标任务', '民生实事', '工作要点', '重点任务', '政府工作报告'] as const;

/**
 * Words a breakdown writes for its items or its table's header: who leads, who is responsible
 * (a table header may space its characters: 牵 头 部 门).
 */
export const RESPONSIBILITY_WORDS = ['牵头', '责任单位', '责任领导', '责任部门', '责任处室', '责任科室', '责任主体', '牵 头'] as const;

/**
 * A unit's name closing a bracket (（区发改局、区统计局）): on a page titled a breakdown, it says who
 * answers too, as a breakdown naming its units in brackets alone writes it; on any other page it
 * is a byline or a remark, and does not count.
 */
export const BRACKETED_UNIT_WORDS = ['局）', '委）', '办）', '府）', '道）', '部）', '厅）', '局)', '委)', '办)'] as const;

/** How many responsibility words make the page likely, by what its title says. */
export const NEEDED = { breakdown: 1, task: 2 } as const;
/** Only the start of the body text is read: a notice says who leads long before this. */
export const TEXT_BUDGET = 200_000;

export interface ProbeSignals {
  verdict: ProbeVerdict;
  /** What the title says: a breakdown, tasks, or neither (a report on the tasks names neither). */
  title: keyof typeof NEEDED | 'untitled';
  /** Responsibility words counted, stopped at the count that decides. */
  responsibility: number;
  /** A titled page with too few such words links an office file: maybe a cover page, its list attached. */
  attachment?: boolean;
}

/** A link to an office file (a TRS file link, or JCMS's download script whose text names the file). */
const ATTACHMENT_HREF = /\.(?:docx?|xlsx?|pdf|wps|et)(?:$|[?#])|\/module\/download\/downfile\.jsp/i;
/** Only the first links are looked at: a cover page links its attachments near its text. */
export const LINK_BUDGET = 400;

export function probePage(doc: Document): ProbeSignals {
  const kind = probeTitle(doc);
  return kind === 'untitled' ? { verdict: 'no', title: kind, responsibility: 0 } : probeBody(doc, kind);
}

/**
 * The verdict's first step, and on most government pages its last: what the page's titles say.
 * 'untitled' is "no" at once.
 */
export function probeTitle(doc: Document): ProbeSignals['title'] {
  // The <title> first: a string, read without touching any element.
  const title = doc.title ?? '';
  const first = titleKind(title);
  const kind = first === 'breakdown' ? first : titleKind(`${title} ${articleTitle(doc) ?? ''}`);
  // A report on the tasks (…推进情况的通报, …完成情况) lists them as a breakdown does: its title says
  // what it is. Asked only of a title naming a breakdown or tasks: on every other government page
  // its patterns, compiled on their first use, cost more than the rest of the verdict.
  return kind !== 'untitled' && namesReport(title) ? 'untitled' : kind;
}

/** The verdict on a page whose titles name a breakdown or tasks: how often its body says who leads. */
export function probeBody(doc: Document, kind: keyof typeof NEEDED): ProbeSignals {
  const need = NEEDED[kind];
  const text = (doc.body ?? doc.documentElement)?.textContent ?? '';
  const read = text.length > TEXT_BUDGET ? text.slice(0, TEXT_BUDGET) : text;
  let responsibility = countUpTo(read, RESPONSIBILITY_WORDS, need);
  if (responsibility < need && kind === 'breakdown') responsibility += countUpTo(read, BRACKETED_UNIT_WORDS, need - responsibility);
  if (responsibility >= need) return { verdict: 'likely', title: kind, responsibility };
  // The notice script reads the cover and puts its buttons beside the attachments (lib/notice/cover.ts).
  const attachment = linksAttachment(doc);
  return { verdict: attachment ? 'likely' : 'no', title: kind, responsibility, attachment };
}

function titleKind(title: string): ProbeSignals['title'] {
  if (BREAKDOWN_TITLE_WORDS.some((w) => title.includes(w))) return 'breakdown';
  return TASK_TITLE_WORDS.some((w) => title.includes(w)) ? 'task' : 'untitled';
}

/**
 * The ArticleTitle metadata JCMS and TRS article pages carry. Found with the collection's
 * namedItem, so that a page without one (a portal) costs no element object: the first element a
 * content script touches makes its world build the DOM's element interfaces, ~0.7–4 ms measured in
 * Chromium, more than the whole verdict otherwise. linkedom (unit tests) has no namedItem.
 */
function articleTitle(doc: Document): string | null | undefined {
  const metas = doc.getElementsByTagName('meta');
  const meta = typeof metas.namedItem === 'function'
    ? metas.namedItem('ArticleTitle')
    : Array.from(metas).find((m) => m.getAttribute('name') === 'ArticleTitle');
  return meta?.getAttribute('content');
}

function linksAttachment(doc: Document): boolean {
  const links = doc.getElementsByTagName('a');
  for (let i = 0; i < links.length && i < LINK_BUDGET; i++) if (ATTACHMENT_HREF.test(links[i].getAttribute('href') ?? '')) return true;
  return false;
}

/** Occurrences of any of `words` in `text`, stopping once `limit` is reached. */
function countUpTo(text: string, words: readonly string[], limit: number): number {
  let n = 0;
  for (const w of words) {
    for (let at = text.indexOf(w); at !== -1 && n < limit; at = text.indexOf(w, at + w.length)) n++;
    if (n >= limit) break;
  }
  return n;
}
