/**
 * The day a written deadline (完成时限) names, so the overview can tell an item overdue against
 * the notice's own deadline: 2024年6月底前 → 2024-06-30. Pure; a deadline naming no date
 * (年内持续推进, 长期坚持) gives none, and so never makes an item overdue.
 */

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 6, 06, 六, 十二 → number. */
function numberOf(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 1) return CN_DIGITS[s] ?? NaN;
  // 十一, 十二; 二十, 二十八, 三十一
  const [tens, ones] = s.split('十');
  return (tens ? CN_DIGITS[tens] ?? NaN : 1) * 10 + (ones ? CN_DIGITS[ones] ?? NaN : 0);
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
function iso(year: number, month: number, day?: number): string | undefined {
  if (!(month >= 1 && month <= 12)) return undefined;
  const last = lastDay(year, month);
  const d = day ?? last;
  return d >= 1 && d <= last ? `${year}-${pad(month)}-${pad(d)}` : undefined;
}

const NUM = '[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3}';
/**
 * The forms, each read from left to right: an optional year, then a date (月日, 月底/末/前, 季度,
 * 上/下半年, 年底/年末/年内). A year written once holds for the dates after it
 * (2024年6月底前完成初稿，9月底前完成 → 2024-09-30).
 */
const PART = new RegExp(
  `(?<year>(?:19|20)\\d\\d)\\s*年|` +
    `(?<month>${NUM})\\s*月(?:份)?\\s*(?:(?<day>${NUM})\\s*[日号])?|` +
    `第?(?<quarter>[一二三四1-4])\\s*季度|` +
    `(?<half>[上下])半年|` +
    `(?<yearEnd>年底|年末|年内)`,
  'g',
);

const QUARTER: Record<string, number> = { 一: 3, 二: 6, 三: 9, 四: 12, '1': 3, '2': 6, '3': 9, '4': 12 };

/** Work that never ends by a date: 持续推进, 长期坚持, 常态化. */
const ONGOING = /持续|长期|常态|常年/;

/**
 * The last day the deadline allows, as YYYY-MM-DD, or undefined when it names no date. `year` is
 * the notice's (6月底前 in a 2024 notice is 2024-06-30). Several dates: the latest (the item is
 * overdue only once its last stage is late).
 */
export function deadlineDay(text: string | undefined, year?: number): string | undefined {
  if (!text) return undefined;
  const written = text.normalize('NFKC');
  let y = year;
  let latest: string | undefined;
  let yearOnly: number | undefined;
  for (const m of written.matchAll(PART)) {
    const g = m.groups!;
    let day: string | undefined;
    if (g.year) {
      y = Number(g.year);
      // 2024年 alone (2024年完成) is the year's end, unless a date follows it.
      yearOnly = y;
      continue;
    }
    yearOnly = undefined;
    if (y === undefined) continue;
    if (g.month) day = iso(y, numberOf(g.month), g.day ? numberOf(g.day) : undefined);
    else if (g.quarter) day = iso(y, QUARTER[g.quarter]);
    else if (g.half) day = iso(y, g.half === '上' ? 6 : 12);
    else if (g.yearEnd) day = g.yearEnd === '年内' && ONGOING.test(written) ? undefined : iso(y, 12);
    if (day && (!latest || day > latest)) latest = day;
  }
  if (yearOnly !== undefined && !latest && !ONGOING.test(written)) latest = iso(yearOnly, 12);
  return latest;
}
