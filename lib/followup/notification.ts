/**
 * What a reminder says: the notice and the item (number and the start of its text), zh_CN first
 * with English beside it. Pure: the background turns these into chrome.notifications calls.
 */
import { daysBetween } from '../annotation/shanghai-time';
import type { ActiveFollowUp } from './reminders';
import { shortText } from './text';

export interface ReminderNotice {
  title: string;
  docNo?: string;
  items: { itemNo: number; text: string }[];
}

export interface ReminderMessage {
  title: string;
  message: string;
  contextMessage?: string;
  /** Chrome shows at most two buttons. */
  buttons: string[];
}

/** The buttons of an item's reminder, in order: snooze to tomorrow, mark the follow-up done. */
export const REMINDER_BUTTONS = ['明天再提醒 Tomorrow', '已跟进 Done'] as const;
const ITEM_TEXT_CHARS = 60;
/** More reminders than this at once come as one summary instead of a flood. */
export const MAX_SINGLE_REMINDERS = 3;

function lateness(followUp: string, today: string): string {
  const late = daysBetween(followUp, today);
  return late > 0 ? `（逾期 ${late} 天 / ${late} day${late > 1 ? 's' : ''} overdue）` : '';
}

export function itemReminder(a: ActiveFollowUp, notice: ReminderNotice | undefined, today: string): ReminderMessage {
  const item = notice?.items.find((i) => i.itemNo === a.itemNo);
  return {
    title: `跟进提醒 · 第 ${a.itemNo} 项 / Follow-up: item ${a.itemNo}${lateness(a.followUp, today)}`,
    message: item ? shortText(item.text, ITEM_TEXT_CHARS) : '原文中已无此项 / the notice no longer has this item',
    contextMessage: shortText(notice ? (notice.docNo ? `${notice.docNo} ${notice.title}` : notice.title) : a.noticeKey, 80),
    buttons: [...REMINDER_BUTTONS],
  };
}

/** Many reminders at once (e.g. the first start after a holiday): one notification lists them. */
export function summaryReminder(due: ActiveFollowUp[], notices: Map<string, ReminderNotice>): ReminderMessage {
  const lines = due.slice(0, 3).map((a) => {
    const item = notices.get(a.noticeKey)?.items.find((i) => i.itemNo === a.itemNo);
    return `第 ${a.itemNo} 项 ${item ? shortText(item.text, 24) : ''}`.trim();
  });
  if (due.length > 3) lines.push(`…… 另 ${due.length - 3} 项 / ${due.length - 3} more`);
  return {
    title: `${due.length} 项跟进到期 / ${due.length} follow-ups due`,
    message: lines.join('\n'),
    contextMessage: '点击打开总览 / click to open the overview',
    buttons: [],
  };
}
