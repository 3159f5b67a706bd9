import { afterEach, describe, expect, it } from 'vitest';
import { pageWords } from '../scripts/page-words';
import { catalogues, LOCALES_DIR, useLocale } from '../tests/unit/i18n';
import { formatMessage, holdWords, t } from './i18n';
import { PAGE_WORD_PREFIXES, pageLocale } from './page-words';

const words = await pageWords(LOCALES_DIR);

/** Arguments a word may be given: none, counts (plural forms), named values, both. */
function argsFor(message: string): unknown[][] {
  const named = Object.fromEntries([...message.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map(([, n]) => [n, `«${n}»`]));
  return [[], [0], [1], [7], [named], [1, named], [12, named], [['甲', '乙']]];
}

describe('the words the notice script carries', () => {
  afterEach(() => {
    holdWords(undefined);
    useLocale('zh_CN');
  });

  it('are the catalogues’ own, for every prefix, in each locale', () => {
    expect(Object.keys(words).sort()).toEqual(Object.keys(catalogues).sort());
    for (const [locale, held] of Object.entries(words)) {
      // A prefix that matches nothing would send its words the slow way unnoticed.
      for (const prefix of PAGE_WORD_PREFIXES) expect(Object.keys(held).some((k) => k.startsWith(prefix)), `${locale} ${prefix}`).toBe(true);
      for (const [key, message] of Object.entries(held)) expect(message).toBe(catalogues[locale][key.toLowerCase()].message);
    }
    expect(Object.keys(words.en).sort()).toEqual(Object.keys(words.zh_CN).sort());
    expect(words.zh_CN.bar_title).toBe('督办');
    expect(words.en.bar_title).toBe('duban');
  });

  it('read, with any arguments, exactly as the browser’s catalogue does', () => {
    for (const locale of Object.keys(words)) {
      useLocale(locale);
      for (const [key, message] of Object.entries(words[locale])) {
        const dotted = key.replaceAll('_', '.');
        for (const args of argsFor(message)) {
          holdWords(undefined);
          const fromBrowser = (t as (k: string, ...a: unknown[]) => string)(dotted, ...args);
          holdWords(words[locale]);
          expect((t as (k: string, ...a: unknown[]) => string)(dotted, ...args), `${locale} ${key} ${JSON.stringify(args)}`).toBe(fromBrowser);
        }
      }
    }
  });

  it('answer before the browser once held, and any other word still comes from the browser', () => {
    holdWords({ ...words.zh_CN, bar_title: '只在手中' });
    expect(t('bar.title')).toBe('只在手中');
    expect(t('overview.title')).toBe(catalogues.zh_CN.overview_title.message);
    holdWords(undefined);
    expect(t('bar.title')).toBe('督办');
  });

  it('format counts, lists, dollar signs and names as the browser and @wxt-dev/i18n do', () => {
    expect(formatMessage('$1 项 | $1 项', [1])).toBe('1 项');
    expect(formatMessage('1 item | $1 items', [3])).toBe('3 items');
    expect(formatMessage('none | one | $1 many', [0])).toBe('none');
    expect(formatMessage('none | one | $1 many', [5])).toBe('5 many');
    expect(formatMessage('$1 and $2 cost $$5', [['a', 'b']])).toBe('a and b cost $5');
    expect(formatMessage('{who} wrote $1', [2, { who: '王' }])).toBe('王 wrote 2');
    expect(formatMessage('{who} and {other}', [{ who: '王' }])).toBe('王 and {other}');
    expect(() => formatMessage('$1', ['text'])).toThrow();
  });
});

describe('the notice script’s catalogue', () => {
  const locales = ['en', 'zh_CN'];
  it('is the one the browser answers in: the locale, else its language, else the default', () => {
    expect(pageLocale('zh-CN', locales, 'zh_CN')).toBe('zh_CN');
    expect(pageLocale('en-US', locales, 'zh_CN')).toBe('en');
    expect(pageLocale('en', locales, 'zh_CN')).toBe('en');
    expect(pageLocale('EN_gb', locales, 'zh_CN')).toBe('en');
    expect(pageLocale('fr', locales, 'zh_CN')).toBe('zh_CN');
    expect(pageLocale('zh-TW', locales, 'zh_CN')).toBe('zh_CN');
    expect(pageLocale('zh-TW', [...locales, 'zh_TW'], 'zh_CN')).toBe('zh_TW');
  });
});
