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
 * The forms, each read from left to right: an optional year (2024年, 二〇二四年, 今年 本年 当年, 次年
 * 明年 来年: the year named before, else the notice's, and the next), then a date (月日, 月底/末, 月前,
 * 季度, 上/下半年, 年中 (its first half's end), 年底/年末/年内/全年, 春节前 元旦前 国庆前). A year written once holds for the dates after
 * it (2024年6月底前完成初稿，9月底前完成 → 2024-09-30). Before a month (10月前, 10月份前, 10月以前) is
 * before it begins, as official usage has it: 09-30; its end only when said (10月底前, 10月末前);
 * 10月前后 (around October) is the month's end. A third of a month, 前 or not (10月中旬前, 10月上旬),
 * allows up to its last day: 10-20, 10-10; 下旬, the month's end. A date in figures, as a
 * spreadsheet's cell has it (2024.12, 2024.6.30, 2024-06-30, 2024/6/30), is read as its words.
 */
const PART = new RegExp(
  `(?<ny>(?:19|20)\\d\\d)\\s*[./-]\\s*(?<nm>1[0-2]|0?[1-9])(?!\\d)(?:\\s*[./-]\\s*(?<nd>3[01]|[12]\\d|0?[1-9])(?!\\d)|(?<nbefore>[以之]?前)(?!后))?|` +
    `(?<year>(?:19|20)\\d\\d|[一二][〇零九][〇零一二三四五六七八九]{2})\\s*年|` +
    `(?<next>[今本当次明来])年|` +
    `(?<month>${NUM})\\s*月(?:份)?\\s*(?:(?<day>${NUM})\\s*[日号]|(?<third>[上中下])旬|(?<before>[以之]?前)(?!后))?|` +
    `第?(?<quarter>[一二三四1-4])\\s*季度|` +
    `(?<half>[上下])半年|` +
    `(?<yearEnd>年底|年末|年内|全年)|` +
    `(?<midYear>年中)(?![央心])|` +
    `(?<festival>春节|元旦|国庆)节?前`,
  'g',
);

/** The last day of a third of a month (上旬 1–10, 中旬 11–20); 下旬 ends with the month. */
const THIRD_END: Record<string, number | undefined> = { 上: 10, 中: 20, 下: undefined };

const QUARTER: Record<string, number> = { 一: 3, 二: 6, 三: 9, 四: 12, '1': 3, '2': 6, '3': 9, '4': 12 };
/** 二〇二四 → 2024. */
const WORD_DIGITS = '〇一二三四五六七八九';
const yearOf = (s: string) =>
  /^\d/.test(s) ? Number(s) : Number(Array.from(s, (c) => (c === '零' ? 0 : WORD_DIGITS.indexOf(c))).join(''));

/**
 * 春节 of 2000–2027, each year's month and day as MMDD (2024: 0210), for a deadline 春节前. Beyond
 * these years a 春节前 names no day: none rather than a wrong one.
 */
const SPRING_FESTIVAL =
  '0205012402120201012202090129021802070126021402030123021002310219020801280216020501250212020101220210012902170206';
const SPRING_FESTIVAL_FROM = 2000;
/** The day before 春节 of `year`, else undefined. */
function springFestivalEve(year: number): string | undefined {
  const k = (year - SPRING_FESTIVAL_FROM) * 4;
  if (k < 0 || k >= SPRING_FESTIVAL.length) return undefined;
  const eve = new Date(Date.UTC(year, Number(SPRING_FESTIVAL.slice(k, k + 2)) - 1, Number(SPRING_FESTIVAL.slice(k + 2, k + 4)) - 1));
  return iso(eve.getUTCFullYear(), eve.getUTCMonth() + 1, eve.getUTCDate());
}

/**
 * The last day before month `month` of `year` begins: 10月前 → 09-30. Before January is the eve of
 * the year, as 元旦前: 2025年1月前 → 2024-12-31; 1月前 with no year, the January after the notice's.
 */
function eveOfMonth(year: number, month: number, named: boolean): string | undefined {
  if (month === 1) return iso(named ? year - 1 : year, 12);
  return month >= 2 && month <= 12 ? iso(year, month - 1) : undefined;
}

/** 底 or 末 right after a year's 年: its end (2024年底). */
const YEAR_CLOSE = /[底末]/;
/** 中 right after a year's 年, as its middle (2025年中), not a word it begins (2024年中央预算). */
const YEAR_MIDDLE = /^中(?![央心])/;

/** Work that never ends by a date: 持续推进, 长期坚持, 常态化. */
const ONGOING = /持续|长期|常态|常年/;

/**
 * The last day the deadline allows, as YYYY-MM-DD, or undefined when it names no date. `year` is
 * the notice's (6月底前 in a 2024 notice is 2024-06-30; 次年3月底前, 2025-03-31). Several dates: the
 * latest (the item is overdue only once its last stage is late); a year with no date after it
 * (2025年完成) is its end. Before a festival: the day before it; 春节前 with no year is the 春节 that
 * closes the notice's year (a 2024 notice's work due before 2025-01-29).
 */
export function deadlineDay(text: string | undefined, year?: number): string | undefined {
  if (!text) return undefined;
  const written = text.normalize('NFKC');
  const ongoing = ONGOING.test(written);
  let y = year;
  let named = false; // whether y is a year the text names
  let latest: string | undefined;
  let yearOnly: number | undefined; // a year no date has followed yet
  const take = (day: string | undefined) => {
    if (day && (!latest || day > latest)) latest = day;
  };
  for (const m of written.matchAll(PART)) {
    const g = m.groups!;
    if (g.ny) {
      if (yearOnly !== undefined && !ongoing) take(iso(yearOnly, 12));
      yearOnly = undefined;
      y = Number(g.ny);
      named = true;
      const month = Number(g.nm);
      take(g.nd ? iso(y, month, Number(g.nd)) : g.nbefore ? eveOfMonth(y, month, true) : iso(y, month));
      continue;
    }
    if (g.year || g.next) {
      // 2024年 alone (2024年完成) is the year's end, unless a date follows it.
      if (yearOnly !== undefined && !ongoing) take(iso(yearOnly, 12));
      y = g.year ? yearOf(g.year) : y === undefined ? undefined : '次明来'.includes(g.next) ? y + 1 : y;
      named = true;
      // 2024年底, 今年末 name their day even beside work that goes on (2024年底前完成，并长期坚持); 2024年 alone does not.
      const after = m.index + m[0].length;
      const close = YEAR_CLOSE.test(written.charAt(after));
      const middle = !close && YEAR_MIDDLE.test(written.slice(after, after + 2));
      if (close && y !== undefined) take(iso(y, 12));
      if (middle && y !== undefined) take(iso(y, 6));
      yearOnly = close || middle ? undefined : y;
      continue;
    }
    yearOnly = undefined;
    if (y === undefined) continue;
    if (g.month && g.before) take(eveOfMonth(y, numberOf(g.month), named));
    else if (g.month) take(iso(y, numberOf(g.month), g.day ? numberOf(g.day) : g.third ? THIRD_END[g.third] : undefined));
    else if (g.quarter) take(iso(y, QUARTER[g.quarter]));
    else if (g.half) take(iso(y, g.half === '上' ? 6 : 12));
    else if (g.yearEnd) take(g.yearEnd !== '年底' && g.yearEnd !== '年末' && ongoing ? undefined : iso(y, 12));
    else if (g.midYear) take(iso(y, 6));
    // 2025年元旦前: the last day of 2024; 春节 alone: the one after the notice's year.
    else if (g.festival === '元旦') take(iso(named ? y - 1 : y, 12));
    else if (g.festival === '国庆') take(iso(y, 9));
    else if (g.festival) take(springFestivalEve(named ? y : y + 1));
  }
  if (yearOnly !== undefined && !ongoing) take(iso(yearOnly, 12));
  return latest;
}
