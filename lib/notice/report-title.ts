/**
 * A page whose title names a report on the tasks (a 督查 通报, a 完成情况 or 进展情况 report), not
 * their breakdown. Such a page lists the same tasks in the same way (its lagging items, each with
 * its 责任单位 line) and must not become a notice of its own, nor join the one it reports on. Read
 * at the title's end, where a Chinese title says what the document is (…的通知 issues a breakdown,
 * …的通报 reports on one); a site's name after a separator (…_拱墅区人民政府) and a closing remark
 * in brackets (（截至6月底）) are passed over. Plain string work: the probe (≤ 10 KB) uses it too.
 */

/** 通报; …情况, …情况的报告, …情况汇总, …情况表, …情况一览表. */
const REPORT_END = /(?:通报|情况(?:的?(?:报告|汇报|汇总))?|情况(?:一览|汇总|统计)?表)$/;
/** Where a site's name follows the document's title. */
const SEPARATOR = /\s*(?:[-_|–—]+|\s{2,})\s*/;
/** A closing remark in brackets, and the punctuation or spaces after the title. */
const TRAILING = /(?:\s*[（(][^（()）]*[)）])?[\s。.]*$/;

export function namesReport(title: string): boolean {
  return title.split(SEPARATOR).some((part) => REPORT_END.test(part.replace(TRAILING, '')));
}
