/**
 * A page whose title names a report on the tasks (a 督查 通报 or 专报, a 完成情况 or 进展情况 report or
 * 公示), not their breakdown. Such a page lists the same tasks in the same way (its lagging items, each with
 * its 责任单位 line) and must not become a notice of its own, nor join the one it reports on. Read
 * at the title's end, where a Chinese title says what the document is (…的通知 issues a breakdown,
 * …的通报 reports on one); a site's name after a separator (…_拱墅区人民政府), a closing remark
 * in brackets (（截至6月底）) and an issue number (（第3期）, 第12期) are passed over. A 公示 or 公告
 * is a report only of what was done (…完成情况的公示): a breakdown may be published as a 公示 too.
 * Plain string work: the probe (≤ 10 KB) uses it too. The body says so too, read with the items
 * (saysProgress, namesLagging): a report retitled (督查专报（第3期）) is known by its lines.
 */

/**
 * 通报, 专报; a 督查 (督办, 督导) 快报 or 简报; 晾晒 (the tasks' progress set out side by side); …情况,
 * …情况的报告, …情况汇总, …情况的公示, …情况公告, …情况表, …情况一览表.
 */
const REPORT_END = /(?:通报|专报|(?:督查|督办|督导).*(?:快报|简报)|晾晒|情况(?:的?(?:报告|汇报|汇总|公示|公告))?|情况(?:一览|汇总|统计)?表)$/;
/** Where a site's name follows the document's title. */
const SEPARATOR = /\s*(?:[-_|–—]+|\s{2,})\s*/;
/** A closing remark in brackets or an issue number, and the punctuation or spaces after the title. */
const TRAILING = /(?:\s*[（(][^（()）]*[)）]|\s*第[\d一二三四五六七八九十〇零]+期)?[\s。.]*$/;

export function namesReport(title: string): boolean {
  return title.split(SEPARATOR).some((part) => REPORT_END.test(part.replace(TRAILING, '')));
}

/**
 * A line saying what was done for the task above it (完成情况：…, 落实情况：…, 进展情况：…, 完成进度：…),
 * at the line's start or after a sentence: a report's, never a breakdown's, which says what is to
 * be done and by when (完成时限：…). Takes a line folded to half-width.
 */
const PROGRESS_LINE = /(?:^|[。;])\s*(?:累计|目前|当前)?(?:(?:完成|落实|执行|推进|进展)情况|完成进度|工作进展)\s*:/;
export const saysProgress = (line: string) => PROGRESS_LINE.test(line);

/**
 * A heading over tasks that lag (二、进度滞后的事项, 推进缓慢的工作, 滞后事项): the items of a 督查
 * report, whatever its title. Not 滞后 alone: a breakdown's theme may be to lift what lags (补齐发展滞后短板).
 */
const LAGGING = /(?:进度|进展|推进)(?:滞后|缓慢)|滞后的?事项|未达序时/;
export const namesLagging = (heading: string) => LAGGING.test(heading);
