import { afterEach, describe, expect, it } from 'vitest';
import { describeChange } from '../lib/annotation/history';
import type { HistoryEntry } from '../lib/annotation/model';
import { message } from '../lib/message';
import { failure } from '../lib/protocol';
import { useLocale } from '../tests/unit/i18n';
import { itemReminder } from '../lib/followup/notification';
import { aroundSlot, itemLabel, say, sayFailure, sayFailureLines, SLOT, statusText, t, uiLang } from './i18n';

const entry = (field: HistoryEntry['field'], from?: string | number | null, to?: string | number | null): HistoryEntry => ({ noticeKey: 'k', itemKey: '1', at: 0, field, from, to });

describe('the UI words what lib/ says as codes', () => {
  afterEach(() => useLocale('zh_CN'));

  it('words a message once, in the catalogue of the browser’s language', () => {
    const change = describeChange(entry('status', 'not_started', 'in_progress'));
    expect(say(change)).toBe('状态：未开始 → 推进中');
    expect(uiLang()).toBe('zh-CN');
    useLocale('en');
    expect(say(change)).toBe('status: Not started → In progress');
    expect(uiLang()).toBe('en');
    expect(statusText('paused')).toBe('Paused');
  });

  it("names an item of a page of several lists by its list in words, in labels and reminders alike", () => {
    expect(itemLabel('12')).toBe('12');
    expect(itemLabel('二、3.')).toBe('二、3.');
    expect(itemLabel('2/1')).toBe('清单2·1');
    const reminder = itemReminder({ noticeKey: 'k', itemKey: '2/1', followUp: '2024-06-28', status: 'in_progress' }, undefined, '2024-06-30');
    expect(say(reminder.title as Parameters<typeof say>[0])).toBe('跟进提醒 · 第 清单2·1 项（逾期 2 天）');
    useLocale('en');
    expect(itemLabel('1/一、2.')).toBe('list 1·一、2.');
  });

  it('picks the plural form by the count', () => {
    expect(say(describeChange(entry('note', 0, 1)))).toBe('写了备注（1 字）');
    useLocale('en');
    expect(say(describeChange(entry('note', 0, 1)))).toBe('note written (1 character)');
    expect(say(describeChange(entry('note', 0, 15)))).toBe('note written (15 characters)');
    expect(t('bar.items', 0)).toBe('0 items');
  });

  it('joins a list of clauses and a list of numbers as the language does', () => {
    const where = [message('import.at.notice', { label: 'K' }), message('import.at.item', { itemKey: '12' })];
    const issue = message('import.issue', { where, what: message('import.problem.missing') });
    expect(say(issue)).toBe('通知「K」，第 12 项：缺失');
    const items = message('undo.noticeItems', { notice: 'K', items: [3, 5] }, 2);
    expect(say(items)).toBe('K 第 3、5 项');
    useLocale('en');
    expect(say(issue)).toBe('notice "K", item 12: missing');
    expect(say(items)).toBe('K items 3, 5');
  });

  it('says a failure by its code, else by its technical detail; details one a line', () => {
    expect(sayFailure({ ok: false, error: 'the page does not save' })).toBe('the page does not save');
    const refused = failure(message('import.refused'), [message('import.empty')]);
    expect(refused.error).toBe('import.refused\nimport.empty');
    expect(sayFailureLines(refused)).toEqual(['文件未导入，未作任何更改', '文件是空的']);
  });

  it('leaves a slot in a message for a part the UI draws itself', () => {
    expect(aroundSlot(t('overview.counts', 156, { shown: SLOT }))).toEqual(['显示 ', ' / 共 156 项']);
    useLocale('en');
    expect(aroundSlot(t('overview.counts', 1, { shown: SLOT }))).toEqual(['', ' of 1 item']);
  });
});
