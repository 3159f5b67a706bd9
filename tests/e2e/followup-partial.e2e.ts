// A row's follow-up day in the overview, one part of it cleared to be typed again: the field is
// half-typed (it reads ''), not cleared on purpose, so the stored day and its reminder stay.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, shanghaiDayOf } from '../../lib/annotation/shanghai-time';
import { sendFromPage } from './db';
import { closeEditor, openEditor } from './editor';
import { extensionPage, launchDuban, noticeSeed, openNotice, serveSeeds, type Duban } from './harness';

const KEY = '拱政办发〔2024〕2号@www.gongshu.gov.cn';

describe('a half-typed follow-up day in the overview', () => {
  let duban: Duban;
  let overview: Page;
  beforeAll(async () => {
    duban = await launchDuban();
    await serveSeeds(duban.context);
    // The overview lists a notice once something is written on it.
    const page = await openNotice(duban.context, noticeSeed().url);
    await openEditor(page, 3);
    await page.keyboard.type('已对接');
    await page.keyboard.press('Tab');
    await closeEditor(page, 'escape');
    await page.close();
    overview = await extensionPage(duban.context, duban.extensionId, 'overview.html');
  });
  afterAll(() => duban?.close());

  const stored = async () => {
    const r = await sendFromPage<{ items: { itemKey: string; followUp?: string }[] }>(overview, 'getOverview', {});
    if (!r.ok) throw new Error(r.error);
    return r.value.items.find((i) => i.itemKey === '3')?.followUp;
  };

  it('keeps the stored day while one part is cleared, and shows it again when the field is left', async () => {
    const input = overview.locator('tr[data-item="3"] input[type="date"]');
    const day = addDays(shanghaiDayOf(Date.now()), 12);
    await input.fill(day);
    await input.press('Enter');
    await expect.poll(stored).toBe(day);
    // The field reads yyyy-mm-dd in zh-CN: two steps right is the day part; Backspace clears it.
    await input.focus();
    await overview.keyboard.press('ArrowRight');
    await overview.keyboard.press('ArrowRight');
    await overview.keyboard.press('Backspace');
    expect(await input.inputValue()).toBe('');
    expect(await input.evaluate((el: HTMLInputElement) => el.validity.badInput)).toBe(true);
    expect(await stored()).toBe(day);
    // Left half-typed (a click elsewhere): nothing saved, and the field shows the stored day again.
    await overview.locator('h1').first().click();
    await expect.poll(() => input.inputValue()).toBe(day);
    expect(await stored()).toBe(day);
    const history = await sendFromPage<{ field: string }[]>(overview, 'getItemHistory', { noticeKey: KEY, itemKey: '3' });
    if (!history.ok) throw new Error(history.error);
    expect(history.value.filter((h) => h.field === 'followUp')).toHaveLength(1);
  });

  it('clears the day when the keyboard clears every part, one by one, and leaves the field', async () => {
    const input = overview.locator('tr[data-item="3"] input[type="date"]');
    const day = addDays(shanghaiDayOf(Date.now()), 9);
    await input.fill(day);
    await input.press('Enter');
    await expect.poll(stored).toBe(day);
    // Year, month, day: Backspace in each part, Tab to the next, and Tab out of the field.
    await input.focus();
    await overview.keyboard.press('Backspace');
    await overview.keyboard.press('Tab');
    await overview.keyboard.press('Backspace');
    await overview.keyboard.press('Tab');
    await overview.keyboard.press('Backspace');
    expect(await input.inputValue()).toBe('');
    // No day now, at once: not the one stored before it was half-typed.
    await expect.poll(stored).toBeUndefined();
    // Left (Chrome's Tab goes round the field's parts once more first), it stays without a day.
    for (let k = 0; k < 4 && (await input.evaluate((el) => el === document.activeElement)); k++) await overview.keyboard.press('Tab');
    expect(await input.evaluate((el) => el === document.activeElement)).toBe(false);
    expect(await input.inputValue()).toBe('');
    expect(await stored()).toBeUndefined();
  });

  it('still clears the day when the whole field is emptied on purpose', async () => {
    await overview.locator('tr[data-item="3"] input[type="date"]').fill(addDays(shanghaiDayOf(Date.now()), 4));
    await expect.poll(stored).toBeDefined();
    const input = overview.locator('tr[data-item="3"] input[type="date"]');
    await input.fill('');
    await expect.poll(stored).toBeUndefined();
  });
});
