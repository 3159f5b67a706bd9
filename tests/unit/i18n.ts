/**
 * browser.i18n.getMessage for unit tests, from the catalogues themselves (locales/*.yml, turned
 * into messages.json the way the build does), so components render the words users read.
 * zh_CN, the default locale, unless a test asks for another with useLocale().
 */
import { join } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { catalogueMessages } from '../../scripts/page-words';
import { vi } from 'vitest';
import type { Message } from '../../lib/message';
import type { Failure } from '../../lib/protocol';

export const LOCALES_DIR = join(import.meta.dirname, '../../locales');

type ChromeMessages = Record<string, { message: string }>;

/** Each locale's messages.json as the browser gets it (keys lower-cased: the browser ignores case). */
export const catalogues: Record<string, ChromeMessages> = Object.fromEntries(
  Object.entries(await catalogueMessages(LOCALES_DIR)).map(([locale, messages]) => [
    locale,
    Object.fromEntries(Object.entries(messages).map(([k, v]) => [k.toLowerCase(), v])),
  ]),
);

let current = catalogues.zh_CN;

/** Chrome's substitution: $1…$9 from `substitutions`, $$ a dollar sign; '' for an unknown name. */
function getMessage(name: string, substitutions?: string | string[]): string {
  const entry = current[name.toLowerCase()];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return entry.message.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : (subs[Number(d) - 1] ?? '')));
}

/** Words from `locale`'s catalogue from now on (zh_CN or en). */
export function useLocale(locale: string): void {
  if (!catalogues[locale]) throw new Error(`no catalogue locales/${locale}.yml`);
  current = catalogues[locale];
  // The UI's memo of words (utils/i18n.ts) was of the other catalogue.
  ((globalThis as Record<symbol, unknown>)[Symbol.for('duban.words')] as Map<string, string> | undefined)?.clear();
}

fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
// As WXT's own test setup does; here first, so utils/i18n (via @wxt-dev/browser) finds the fake.
vi.stubGlobal('browser', fakeBrowser);
vi.stubGlobal('chrome', fakeBrowser);
const { say, sayFailure } = await import('../../utils/i18n');

/** `m` as the UI words it in `locale` (utils/i18n.ts say), for tests of what lib/ tells the user. */
export function sayIn(locale: string, m: Message): string {
  const before = current;
  useLocale(locale);
  try {
    return say(m);
  } finally {
    current = before;
  }
}

/** A failure as the UI words it in `locale` (utils/i18n.ts sayFailure): lib/ tests never import utils/. */
export function sayFailureIn(locale: string, f: Failure): string {
  const before = current;
  useLocale(locale);
  try {
    return sayFailure(f);
  } finally {
    current = before;
  }
}

/**
 * What `m` leaves unsaid: codes missing from a catalogue, and {name} placeholders of its message
 * (or of a message among its parameters) that it gives no value for. [] when it is complete.
 */
export function unsaid(m: Message): string[] {
  const out: string[] = [];
  const walk = (msg: Message) => {
    for (const [locale, messages] of Object.entries(catalogues)) {
      const entry = messages[msg.code.replaceAll('.', '_').toLowerCase()];
      if (!entry) {
        out.push(`${locale}: no ${msg.code}`);
        continue;
      }
      for (const [, name] of entry.message.matchAll(/\{([A-Za-z0-9_]+)\}/g)) {
        if (!msg.params || !(name in msg.params)) out.push(`${locale}: ${msg.code} lacks {${name}}`);
      }
    }
    for (const p of Object.values(msg.params ?? {})) {
      if (Array.isArray(p)) for (const x of p) typeof x === 'object' && walk(x);
      else if (typeof p === 'object') walk(p as Message);
    }
  };
  walk(m);
  return out;
}
