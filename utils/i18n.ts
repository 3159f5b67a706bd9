/**
 * The UI's words: locales/<lang>.yml, read through browser.i18n in the browser's UI language
 * (zh_CN, the default locale, when duban has no catalogue for it). `t` for a label by its key,
 * `say` for a message lib/ returns as a code (lib/message.ts).
 */
import { i18n } from '#i18n';
import type { ItemStatus } from '../lib/annotation/status';
import type { Message, MessageParam } from '../lib/message';
import type { Failure } from '../lib/protocol';

/**
 * Messages already looked up: browser.i18n.getMessage costs a call into the browser each time.
 * Named globally so that unit tests, which switch catalogues (a browser never does), can clear it.
 */
const known: Map<string, string> = ((globalThis as Record<symbol, unknown>)[Symbol.for('duban.words')] ??= new Map()) as Map<string, string>;
const KNOWN_MAX = 4000;

/**
 * A label by its key, with its arguments (a count, named values). Memoised: a notice's 156 rows
 * ask the same labels hundreds of times while the page waits for them.
 */
export const t = ((key: string, ...args: unknown[]): string => {
  const id = args.length ? `${key}\u0000${JSON.stringify(args)}` : key;
  let text = known.get(id);
  if (text === undefined) {
    text = (i18n.t as unknown as typeof untyped)(key, ...args);
    if (known.size >= KNOWN_MAX) known.clear();
    known.set(id, text);
  }
  return text;
}) as typeof i18n.t;

// Codes from lib/ are checked against both catalogues by locales/locales.test.ts, not by type.
const untyped = t as unknown as (key: string, ...args: unknown[]) => string;

/** A message in words; its parameters first (a message, a list of clauses, a list of numbers). */
export function say(m: Message): string {
  const params = m.params && Object.fromEntries(Object.entries(m.params).map(([k, v]) => [k, word(v)]));
  if (m.count !== undefined) return params ? untyped(m.code, m.count, params) : untyped(m.code, m.count);
  return params ? untyped(m.code, params) : untyped(m.code);
}

function word(p: MessageParam): string | number {
  if (typeof p === 'string' || typeof p === 'number') return p;
  if (!Array.isArray(p)) return say(p as Message);
  const list = p as readonly (Message | number | string)[];
  return list.every((x) => typeof x !== 'object') ? numbers(list as (number | string)[]) : (list as Message[]).map(say).join(t('common.clauseSeparator'));
}

/** 3、5、8 or 3, 5, 8: item numbers or keys. */
export const numbers = (list: readonly (number | string)[]): string => list.join(t('common.listSeparator'));

/** Stands for a part the UI draws itself (a number in bold) in a message; see aroundSlot. */
export const SLOT = '\u0001';

/** The words before and after SLOT in a message given SLOT as a parameter. */
export function aroundSlot(text: string): [string, string] {
  const [before = '', after = ''] = text.split(SLOT);
  return [before, after];
}

/** The language of the catalogue in use, for `lang` attributes (BCP 47: zh-CN, en). */
export const uiLang = (): string => t('lang');

/** 未开始 / Not started … */
export const statusText = (s: ItemStatus): string => t(`status.${s}`);

/** What a failed request tells the user: its message when it has one, else its technical detail. */
export const sayFailure = (f: Failure): string => (f.code ? say(f as Failure & Message) : f.error);

/** A failure's message and its details (e.g. what is wrong with a file), one a line. */
export const sayFailureLines = (f: Failure): string[] => [sayFailure(f), ...(f.details ?? []).map(say)];

/** A page of duban in the UI's language: <html lang> for screen readers, and its title. */
export function localiseDocument(doc: Document, title: string): void {
  doc.documentElement.lang = uiLang();
  doc.title = title;
}
