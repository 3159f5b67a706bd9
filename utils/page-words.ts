/**
 * The words the notice script carries in itself: its rows' and bar's, a few dozen in each
 * language. In a page, chrome.i18n's first getMessage fetches duban's whole catalogue from the
 * browser, synchronously (6–10 ms in a trace), while the page waits for its rows: with these in
 * hand (utils/i18n.ts holdWords) the first draw asks the browser for none. Built from locales/ at
 * build time (scripts/page-words.ts), so there is still one catalogue; any other word goes through
 * browser.i18n as before.
 */

/** The message keys (as in messages.json: dots made underscores) the notice script's words start with. */
export const PAGE_WORD_PREFIXES = [
  'lang',
  'bar_',
  'row_',
  'status_',
  'common_',
  'editor_frameTitle',
  'authors_rowColleagues',
  'attachment_open',
  'recogniseCover_',
] as const;

/** By locale (zh_CN, en), each message by its key. */
export type PageWords = Record<string, Record<string, string>>;

/**
 * The catalogue the browser answers in for `uiLanguage` (chrome.i18n.getUILanguage(): zh-CN,
 * en-US …), as Chrome chooses it: the locale itself (zh_CN), else its language (en), else the
 * default locale.
 */
export function pageLocale(uiLanguage: string, locales: readonly string[], fallback: string): string {
  const [language = '', region] = uiLanguage.split(/[-_]/);
  const exact = region ? `${language.toLowerCase()}_${region.toUpperCase()}` : language.toLowerCase();
  if (locales.includes(exact)) return exact;
  if (locales.includes(language.toLowerCase())) return language.toLowerCase();
  return fallback;
}
