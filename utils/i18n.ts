/**
 * The UI's words: locales/<lang>.yml, read through browser.i18n in the browser's UI language
 * (zh_CN, the default locale, when duban has no catalogue for it); the notice script holds its own
 * few first (holdWords, utils/page-words.ts). `t` for a label by its key, `say` for a message lib/
 * returns as a code (lib/message.ts).
 */
import { i18n } from '#i18n';
import type { ItemStatus } from '../lib/annotation/status';
import { itemKeyWords } from '../lib/notice/item-key';
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
    const held = inHand?.[key.replaceAll('.', '_')];
    text = held !== undefined ? formatMessage(held, args) : (i18n.t as unknown as typeof untyped)(key, ...args);
    if (known.size >= KNOWN_MAX) known.clear();
    known.set(id, text);
  }
  return text;
}) as typeof i18n.t;

/** Words in hand (utils/page-words.ts), by message key: looked up before asking the browser. */
let inHand: Record<string, string> | undefined;

/**
 * From now on, `words` (one locale's, by message key) answer before the browser does; undefined:
 * the browser answers every word again.
 */
export function holdWords(words: Record<string, string> | undefined): void {
  inHand = words;
  known.clear();
}

/**
 * A message of the catalogue with its arguments, as @wxt-dev/i18n's `t` makes it with the
 * browser's getMessage: a count (also $1 when no list is given), a list for $1…$9 ($$ a dollar
 * sign), the plural form by the count (`one | many`, `zero | one | many`), then {name}s.
 */
export function formatMessage(message: string, args: readonly unknown[]): string {
  let count: number | undefined;
  let list: unknown[] | undefined;
  let named: Record<string, unknown> | undefined;
  for (const arg of args) {
    if (arg == null) continue;
    if (typeof arg === 'number') count = arg;
    else if (Array.isArray(arg)) list = arg;
    else if (typeof arg === 'object') named = arg as Record<string, unknown>;
    else throw new Error(`Unknown argument ${String(arg)}: a count, a list or named values`);
  }
  if (count != null && list == null) list = [String(count)];
  let text = message.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : list?.[Number(d) - 1] === undefined ? '' : String(list[Number(d) - 1])));
  if (count != null) {
    const forms = text.split(' | ');
    if (forms.length > 3) throw new Error('Unknown plural formatting');
    text = forms.length === 1 ? forms[0] : forms.length === 2 ? forms[count === 1 ? 0 : 1] : forms[count === 0 || count === 1 ? count : 2];
  }
  return named ? text.replace(/\{([A-Za-z0-9_]+)\}/g, (m, name: string) => (Object.prototype.hasOwnProperty.call(named, name) ? String(named![name]) : m)) : text;
}

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

/** An item's key as a user reads it: 12, 二、3., 清单2·1 on a page of several lists (lib/notice/item-key.ts). */
export function itemLabel(key: string): string {
  const w = itemKeyWords(key);
  return typeof w === 'string' ? w : say(w);
}

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
