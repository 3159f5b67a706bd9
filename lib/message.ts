/**
 * What lib/ tells the user, as a code (a key of the catalogue, locales/<lang>.yml) and its
 * parameters, never as a sentence: the UI words it in the browser's language (utils/i18n.ts).
 * Plain data, so a message crosses the message boundary and can be compared in tests.
 */

/**
 * A parameter: text or a number as it is, another message worded first; a list of messages
 * (clauses: "notice …, item 12, field …") or of numbers ("items 3, 5") joined as the language does.
 */
/** A list of strings or numbers is a list of items (keys), worded as one list. */
export type MessageParam = string | number | Message | readonly Message[] | readonly number[] | readonly string[];
export type MessageParams = Readonly<Record<string, MessageParam>>;

export interface Message {
  code: string;
  params?: MessageParams;
  /** Picks the plural form ("1 item" / "2 items") and is its `$1`. */
  count?: number;
}

export function message(code: string, params?: MessageParams, count?: number): Message {
  return { code, ...(params && { params }), ...(count !== undefined && { count }) };
}

/** A message as one technical line (logs, a Failure's `error`): its code and parameters. */
export function messageDetail(m: Message): string {
  const params = m.params ? ` ${JSON.stringify(m.params)}` : '';
  return `${m.code}${m.count !== undefined ? ` (${m.count})` : ''}${params}`;
}

/** An error whose meaning for the user is a message (a refusal, not a fault). */
export class Refusal extends Error {
  constructor(readonly reason: Message) {
    super(messageDetail(reason));
  }
}
