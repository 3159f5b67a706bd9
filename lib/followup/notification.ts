/**
 * What a reminder says: the notice and the item (key and the start of its text). Pure: the
 * words are messages (reminder.* in locales/) the background words and turns into
 * chrome.notifications calls.
 */
import { daysBetween } from '../annotation/shanghai-time';
import { message, type Message } from '../message';
import { itemKeyWords } from '../notice/item-key';
import type { ActiveFollowUp } from './reminders';
import { shortText } from './text';

export interface ReminderNotice {
  title: string;
  docNo?: string;
  items: { key: string; text: string }[];
}

/** Text from the notice as it is, or a message to word. */
export type ReminderText = string | Message;

export interface ReminderMessage {
  title: Message;
  /** Lines of the notification's body. */
  lines: ReminderText[];
  contextMessage?: ReminderText;
  /** Chrome shows at most two buttons. */
  buttons: Message[];
}

/** The buttons of an item's reminder, in order: snooze to tomorrow, mark the follow-up done. */
export const REMINDER_BUTTONS: readonly Message[] = [message('reminder.tomorrow'), message('reminder.done')];
const ITEM_TEXT_CHARS = 60;
/** More reminders than this at once come as one summary instead of a flood. */
export const MAX_SINGLE_REMINDERS = 3;

export function itemReminder(a: ActiveFollowUp, notice: ReminderNotice | undefined, today: string): ReminderMessage {
  const item = notice?.items.find((i) => i.key === a.itemKey);
  const late = daysBetween(a.followUp, today);
  return {
    title: late > 0 ? message('reminder.titleLate', { itemKey: itemKeyWords(a.itemKey) }, late) : message('reminder.title', { itemKey: itemKeyWords(a.itemKey) }),
    lines: [item ? shortText(item.text, ITEM_TEXT_CHARS) : message('reminder.itemGone')],
    contextMessage: shortText(notice ? (notice.docNo ? `${notice.docNo} ${notice.title}` : notice.title) : a.noticeKey, 80),
    buttons: [...REMINDER_BUTTONS],
  };
}

/** Many reminders at once (e.g. the first start after a holiday): one notification lists them. */
export function summaryReminder(due: ActiveFollowUp[], notices: Map<string, ReminderNotice>): ReminderMessage {
  const lines: ReminderText[] = due.slice(0, 3).map((a) => {
    const item = notices.get(a.noticeKey)?.items.find((i) => i.key === a.itemKey);
    return message('reminder.summaryLine', { itemKey: itemKeyWords(a.itemKey), text: item ? shortText(item.text, 24) : '' });
  });
  if (due.length > 3) lines.push(message('reminder.summaryMore', undefined, due.length - 3));
  return {
    title: message('reminder.summaryTitle', undefined, due.length),
    lines,
    contextMessage: message('reminder.summaryContext'),
    buttons: [],
  };
}
