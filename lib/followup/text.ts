/** Small text helpers shared by the overview, the report and the reminders. */

/** The start of `text`, at most `max` characters (code points, not UTF-16 units), with … when cut. */
export function shortText(text: string, max: number): string {
  const chars = Array.from(text.trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/** Folds what a search should not tell apart: full-width ASCII (，：１Ａ) and letter case. */
export function foldForSearch(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).toLowerCase();
}
