// Follow-ups end to end: set follow-ups, fire the alarm, see the notification and the badge;
// the overview's filters, search, inline edits, history and keyboard; the printed meeting report.
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, shanghaiDayOf } from '../../lib/annotation/shanghai-time';
import { recogniseNotice } from '../../lib/notice/recognise';
import type { Notice } from '../../lib/notice/types';
import { extensionPage, launchDuban, noticeSeed, openNotice, ROOT, screenshot, serveSeeds, type Duban } from './harness';
import { sendFromPage } from './db';

/** The seed notice's key (lib/notice/notice-key.ts); its 文号 is DOC_NO. */
const KEY = '拱政办发〔2024〕2号@www.gongshu.gov.cn';
const DOC_NO = '拱政办发〔2024〕2号';

/** The seed notice as duban reads it: the oracle for sections, lead units and texts. */
function seedNotice(url: string): Notice {
  const r = recogniseNotice(parseHTML(readFileSync(`${ROOT}/seeds/gongshu-2024-2.html`, 'utf8')).document as unknown as Document, { url });
  if (!r.ok) throw new Error(r.reason);
  return r.notice;
}

/** A message to the background from an extension page; a refusal fails the test. */
async function send<T>(page: Page, type: string, data: unknown): Promise<T> {
  const r = await sendFromPage<T>(page, type, data);
  if (!r.ok) throw new Error(`${type} failed: ${r.error}`);
  return r.value;
}

async function until<T>(what: string, fn: () => Promise<T>, ok: (v: T) => boolean, timeout = 15_000): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: T;
  for (;;) {
    last = await fn();
    if (ok(last)) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

type Notified = [string, { title: string; message: string; contextMessage?: string; buttons?: { title: string }[] }];

describe('follow-ups, overview and meeting report', () => {
  let duban: Duban;
  let worker: Worker;
  let notice: Notice;
  let overview: Page;
  const today = shanghaiDayOf(Date.now());
  const yesterday = addDays(today, -1);
  const twoDaysAgo = addDays(today, -2);
  const inThreeDays = addDays(today, 3);
  const leaderOf = (itemNo: number) => {
    const item = notice.items.find((i) => i.number === itemNo)!;
    return notice.sections.find((s) => s.ordinal === item.section)!.leader;
  };
  const unitOf = (itemNo: number) => notice.items.find((i) => i.number === itemNo)!.units[0].name;
  const unitsOf = (itemNo: number) => notice.items.find((i) => i.number === itemNo)!.units.map((u) => u.name);
  const textOf = (itemNo: number) => notice.items.find((i) => i.number === itemNo)!.text;

  /** What the test annotates: item → edit. Items 1 and 150 are overdue; 2 is done. */
  const EDITS: Record<number, Record<string, unknown>> = {
    1: { status: 'in_progress', note: '已召开专题会，材料待报', followUp: yesterday },
    2: { status: 'done', followUp: twoDaysAgo, progress: 100 },
    20: { status: 'behind', note: '资金缺口待协调', followUp: inThreeDays },
    60: { progress: 30 },
    100: { status: 'paused', note: '指标调整，等待区委意见' },
    150: { status: 'in_progress', followUp: twoDaysAgo },
  };
  const annotated = Object.keys(EDITS).map(Number);

  beforeAll(async () => {
    duban = await launchDuban();
    const [seed] = (await serveSeeds(duban.context)).filter((s) => s.notice);
    notice = seedNotice(seed.url);
    worker = duban.context.serviceWorkers()[0];
    // Watch the notifications the background asks for (headless Chromium shows none).
    await worker.evaluate(() => {
      const g = globalThis as unknown as { __notified: unknown[] };
      g.__notified = [];
      const n = chrome.notifications;
      const create = n.create.bind(n) as (...a: unknown[]) => unknown;
      (n as unknown as { create: unknown }).create = (...args: unknown[]) => {
        g.__notified.push(args.slice(0, 2));
        return create(...args);
      };
    });
    overview = await extensionPage(duban.context, duban.extensionId, 'overview.html');
    // The notice is recorded by visiting it (the content script); fall back to telling the
    // background directly if the overlay cannot mark the page ready.
    try {
      const page = await openNotice(duban.context, noticeSeed().url, { timeout: 20_000 });
      await page.close();
    } catch {
      await send(overview, 'openNotice', notice);
    }
    for (const [itemKey, edit] of Object.entries(EDITS)) {
      const item = notice.items.find((i) => i.key === itemKey)!;
      await send(overview, 'saveAnnotation', { noticeKey: KEY, itemKey: item.key, fingerprint: item.fingerprint, ...edit });
    }
  });
  afterAll(async () => {
    await duban?.close();
  });

  const notified = () => worker.evaluate(() => (globalThis as unknown as { __notified: Notified[] }).__notified);
  const badge = () => worker.evaluate(() => chrome.action.getBadgeText({}));

  it('shows the number of overdue follow-ups on the toolbar badge', async () => {
    expect(await until('badge 2', badge, (t) => t === '2')).toBe('2');
  });

  it('reminds of each overdue follow-up with a notification naming the notice and the item', async () => {
    const list = await until('two notifications', notified, (l) => l.length >= 2);
    expect(list).toHaveLength(2); // item 2 is done: no reminder
    const byItem = new Map(list.map(([id, o]) => [JSON.parse(id.replace(/^duban-item:/, ''))[1] as string, o]));
    expect([...byItem.keys()].sort((a, b) => Number(a) - Number(b))).toEqual(['1', '150']);
    const one = byItem.get('1')!;
    expect(one.title).toContain('第 1 项');
    expect(one.title).toContain('逾期 1 天');
    expect(textOf(1).startsWith(one.message.replace(/…$/, ''))).toBe(true);
    expect(one.contextMessage).toContain(DOC_NO);
    expect(one.buttons?.map((b) => b.title)).toEqual(['明天再提醒', '已跟进']);
  });

  it('fires a future day’s alarm when the clock reaches it', async () => {
    const alarm = await worker.evaluate((name) => chrome.alarms.get(name), `duban-followup:${inThreeDays}`);
    expect(alarm?.scheduledTime).toBe(Date.parse(`${inThreeDays}T01:00:00Z`)); // 09:00 Shanghai
    // Advance the worker's clock four days, then fire the alarm now.
    await worker.evaluate((name) => {
      const g = globalThis as unknown as { __realNow: () => number };
      g.__realNow = Date.now;
      const real = Date.now;
      Date.now = () => real() + 4 * 86_400_000;
      return chrome.alarms.create(name, { when: real() });
    }, `duban-followup:${inThreeDays}`);
    try {
      const list = await until('the third notification', notified, (l) => l.length >= 3);
      expect(list[2][0]).toBe(`duban-item:${JSON.stringify([KEY, '20'])}`);
      expect(list[2][1].title).toContain('第 20 项');
      expect(await until('badge 3', badge, (t) => t === '3')).toBe('3');
    } finally {
      await worker.evaluate(() => {
        Date.now = (globalThis as unknown as { __realNow: () => number }).__realNow;
      });
    }
  });

  /** The annotated rows shown (the rows of items nobody annotated yet are left out). */
  const rowsShown = (page: Page) =>
    page.locator('table.overview tbody tr[data-item]:not([data-no-update])').evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-item'))));
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

  it('lists every item of the notice in the overview (those nobody annotated as 暂无进展), and its filters and search give the right rows', async () => {
    // Tall enough for the virtualised table to render all 156 rows.
    await overview.setViewportSize({ width: 1280, height: 7000 });
    await overview.reload();
    await overview.locator('table.overview tbody tr[data-item]').first().waitFor();
    await expect.poll(() => overview.locator('table.overview tbody tr[data-item]').count(), { timeout: 15_000 }).toBe(156);
    expect(sorted(await rowsShown(overview))).toEqual(annotated);
    await expect.poll(() => overview.locator('.top .counts').textContent()).toContain('共 156 项');
    await overview.setViewportSize({ width: 1280, height: 720 });
    await screenshot(overview, 'overview-light');
    await overview.setViewportSize({ width: 1280, height: 7000 });
    await screenshot(overview, 'overview-light');

    const select = (name: string, value: string) => overview.locator(`.filters select[name="${name}"]`).selectOption(value);
    await select('status', 'in_progress');
    expect(sorted(await rowsShown(overview))).toEqual([1, 150]);
    // 暂无进展: the 150 items nobody annotated, apart from 未开始 (item 60 is annotated, status 未开始).
    await select('status', 'noUpdate');
    await expect.poll(() => overview.locator('.top .counts strong').textContent(), { timeout: 15_000 }).toBe('150');
    await overview.locator('table.overview tbody tr[data-no-update]').first().waitFor();
    expect(await rowsShown(overview)).toEqual([]);
    await select('status', 'not_started');
    expect(await rowsShown(overview)).toEqual([60]);
    expect(await overview.locator('table.overview tbody tr[data-no-update]').count()).toBe(0);
    await select('status', '');

    const leader = leaderOf(20);
    await select('leader', leader);
    expect(sorted(await rowsShown(overview))).toEqual(annotated.filter((n) => leaderOf(n) === leader));
    await select('leader', '');

    const unit = unitOf(100);
    // Any unit the item names; then only the items it leads.
    await select('unit', unit);
    expect(sorted(await rowsShown(overview))).toEqual(annotated.filter((n) => unitsOf(n).includes(unit)));
    await overview.locator('.filters input[name="unitLeads"]').check();
    expect(sorted(await rowsShown(overview))).toEqual(annotated.filter((n) => unitOf(n) === unit));
    await overview.locator('.filters input[name="unitLeads"]').uncheck();
    await select('unit', '');

    await select('followUp', 'overdue');
    expect(sorted(await rowsShown(overview))).toEqual([1, 150]);
    await select('followUp', 'all');

    const search = overview.locator('.filters input[type="search"]');
    await search.fill('专题会'); // a note
    expect(await rowsShown(overview)).toEqual([1]);
    const phrase = textOf(60).slice(5, 13); // words from an item's text
    await search.fill(phrase);
    expect(await rowsShown(overview)).toEqual(annotated.filter((n) => textOf(n).includes(phrase)));
    await search.fill('');
    expect(sorted(await rowsShown(overview))).toEqual(annotated);
  });

  it('offers in the unit menu only the units of the chosen leader’s items, counted so, and finds items by a unit typed in the search', async () => {
    await overview.reload();
    await overview.locator('table.overview tbody tr[data-item]').first().waitFor();
    const select = (name: string, value: string) => overview.locator(`.filters select[name="${name}"]`).selectOption(value);
    const offered = async (name: string) => (await overview.locator(`.filters select[name="${name}"] option`).allTextContents()).slice(1).sort();
    const shownCount = () => overview.locator('.top .counts strong').textContent();
    const leader = leaderOf(100);
    await select('leader', leader);
    const counts = new Map<string, number>();
    for (const item of notice.items.filter((i) => leaderOf(i.number) === leader)) {
      for (const name of new Set(unitsOf(item.number))) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    await expect.poll(() => offered('unit')).toEqual([...counts].map(([name, n]) => `${name} (${n})`).sort());
    // Fewer than every unit of the notice: the others would show nothing.
    expect(counts.size).toBeLessThan(new Set(notice.items.flatMap((i) => unitsOf(i.number))).size);
    // The status and 跟进 menus count that leader's items too: each row under one status (or 暂无进展),
    // with a follow-up day or without; a choice that would show none is not offered.
    const tally = async (name: string) => (await offered(name)).map((o) => Number(/\((\d+)\)$/.exec(o)?.[1] ?? NaN));
    const ofLeader = Number(await shownCount());
    const statuses = await tally('status');
    expect(statuses.every((n) => n > 0)).toBe(true);
    expect(statuses.reduce((a, b) => a + b, 0)).toBe(ofLeader);
    const days = await overview.locator('.filters select[name="followUp"] option').evaluateAll((os) =>
      Object.fromEntries((os as HTMLOptionElement[]).map((o) => [o.value, Number(/\((\d+)\)$/.exec(o.text)?.[1] ?? NaN)])));
    expect((days.set ?? 0) + (days.none ?? 0)).toBe(ofLeader);
    expect(Object.entries(days).filter(([k, n]) => k !== 'all' && !(n > 0))).toEqual([]);
    // Each unit offered gives the items it counts.
    const [unit, n] = [...counts].sort((a, b) => a[1] - b[1])[0]!;
    await select('unit', unit);
    await expect.poll(shownCount).toBe(String(n));
    // The leaders' menu, under that unit, offers only the leaders of its items (the chosen one among them).
    expect(await offered('leader')).toContain(`${leader} (${n})`);
    await overview.locator('.filters button', { hasText: '清除筛选' }).click();

    // A unit typed into the search finds the items naming it, as the unit menu does.
    const named = unitOf(100);
    const search = overview.locator('.filters input[type="search"]');
    await search.fill(named);
    const naming = notice.items.filter((i) => unitsOf(i.number).some((u) => u.includes(named)) || i.text.includes(named));
    await expect.poll(shownCount).toBe(String(naming.length));
    expect(naming.length).toBeGreaterThan(1);
    await search.fill('');
  });

  it('gives the items’ words the room of a column the notice has nothing for: no 完成时限 column or filter without deadlines, each item on two lines', async () => {
    // A page of its own: the tests after this one go on with the shared overview as it is.
    const overview = await extensionPage(duban.context, duban.extensionId, 'overview.html');
    await overview.setViewportSize({ width: 1280, height: 720 });
    await overview.locator('table.overview tbody tr[data-item="1"]').waitFor();
    // The seed names no deadline: neither a column nor a filter for one.
    expect(await overview.locator('table.overview thead th').allTextContents()).not.toContainEqual(expect.stringContaining('完成时限'));
    expect(await overview.locator('.filters select[name="deadline"]').count()).toBe(0);
    // Item 1's words (long) take two lines of its row, cut at the second's end; its row as tall as any.
    const text = await overview.locator('table.overview tbody tr[data-item="1"] td.c-text .item-text').evaluate((el) => {
      const line = parseFloat(getComputedStyle(el).lineHeight);
      const td = el.closest('td')!;
      return { lines: Math.round(el.getBoundingClientRect().height / line), inCell: el.getBoundingClientRect().bottom <= td.getBoundingClientRect().bottom + 0.5, cut: el.scrollHeight > el.clientHeight };
    });
    expect(text).toEqual({ lines: 2, inCell: true, cut: true });
    const heights = await overview.locator('table.overview tbody tr[data-item]').evaluateAll((trs) => [...new Set(trs.map((tr) => Math.round(tr.getBoundingClientRect().height)))]);
    expect(heights).toEqual([40]);
    await screenshot(overview, 'overview-item-room');
    await overview.close();
  });

  it('counts the overdue follow-ups at the top, a button that shows only them, pressed again every item', async () => {
    const overview = await extensionPage(duban.context, duban.extensionId, 'overview.html');
    const count = overview.locator('.top .counts button', { hasText: '逾期跟进' });
    const shown = () => overview.locator('table.overview tbody tr[data-item]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-item')));
    expect(await count.textContent()).toBe('逾期跟进 2');
    expect(await count.getAttribute('aria-pressed')).toBe('false');
    // Every row in: the first screen, drawn before the rest arrives, may show other rows in view.
    await overview.waitForFunction(() => performance.getEntriesByName('duban-overview-complete').length > 0);
    const all = await shown();
    await count.click();
    expect(await overview.locator('.filters select[name="followUp"]').inputValue()).toBe('overdue');
    await expect.poll(shown).toEqual(['1', '150']);
    expect(await count.getAttribute('aria-pressed')).toBe('true');
    // As the notice bar's 逾期: pressed again, the filter is off (by the keyboard too).
    await count.focus();
    await overview.keyboard.press('Enter');
    expect(await overview.locator('.filters select[name="followUp"]').inputValue()).toBe('all');
    await expect.poll(shown).toEqual(all);
    expect(await count.getAttribute('aria-pressed')).toBe('false');
    await overview.close();
  });

  it('opens preset by its URL: due follow-ups (a summary notification), one item’s details', async () => {
    const due = await extensionPage(duban.context, duban.extensionId, 'overview.html?followUp=due');
    await due.locator('table.overview tbody tr[data-item]').first().waitFor();
    expect(sorted(await rowsShown(due))).toEqual([1, 150]);
    await due.goto(`chrome-extension://${duban.extensionId}/overview.html?notice=${encodeURIComponent(KEY)}&item=20`);
    await expect.poll(() => due.locator('.details h2').textContent()).toContain('第 20 项');
    await due.close();
  });

  it('sorts by a column and moves between rows with the keyboard', async () => {
    await overview.locator('th.c-follow button').click();
    expect(await overview.locator('th.c-follow').getAttribute('aria-sort')).toBe('ascending');
    expect(await rowsShown(overview)).toEqual([2, 150, 1, 20, 60, 100]); // no day last
    await overview.locator('th.c-no button').click();
    expect(await rowsShown(overview)).toEqual(annotated);

    await overview.locator('tr[data-index="0"]').focus();
    await overview.keyboard.press('ArrowDown');
    await overview.keyboard.press('ArrowDown');
    expect(await overview.evaluate(() => document.activeElement?.getAttribute('data-item'))).toBe('3');
    await overview.keyboard.press('End');
    expect(await overview.evaluate(() => document.activeElement?.getAttribute('data-item'))).toBe('156');
    // Tab reaches a row's status; ↓ there still moves down the table, never changes the status
    // by accident (Alt+↓ or Space opens its list).
    await overview.locator('tr[data-index="1"]').focus();
    const status2 = await overview.locator('tr[data-index="1"] td.c-status select').inputValue();
    await overview.keyboard.press('Tab');
    expect(await overview.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    await overview.keyboard.press('ArrowDown');
    expect(await overview.evaluate(() => document.activeElement?.getAttribute('data-index'))).toBe('2');
    expect(await overview.locator('tr[data-index="1"] td.c-status select').inputValue()).toBe(status2);
    await overview.keyboard.press('Home');
    await overview.keyboard.press('Enter');
    await expect.poll(() => overview.locator('.details h2').textContent()).toContain('第 1 项');
    await overview.keyboard.press('Escape');
    await expect.poll(() => overview.locator('.details').count()).toBe(0);
  });

  it('changes status and follow-up inline, and the history shows each change', async () => {
    const row = overview.locator('tr[data-item="60"]');
    await row.locator('select').selectOption('in_progress');
    const day = addDays(today, 10);
    await row.locator('input[type="date"]').fill(day);
    await row.locator('input[type="date"]').press('Enter');
    await expect.poll(() => row.locator('input[type="date"]').inputValue()).toBe(day);

    await row.locator('td.c-text').click();
    const details = overview.locator('.details');
    await expect.poll(() => details.locator('h2').textContent()).toContain('第 60 项');
    // The note saves as it is typed (no save button).
    await details.locator('#details-note').fill('已与区发改局对接');
    await details.locator('.save.save-saved').waitFor();
    await details.getByRole('button', { name: /下周再提醒/ }).click();
    const nextWeek = addDays(today, 7);
    await expect.poll(() => details.locator('.timeline li').count()).toBe(6);
    const lines = await details.locator('.timeline li .change').allTextContents();
    expect(lines).toEqual([
      `跟进日期：${day} → ${nextWeek}`,
      '写了备注（8 字）',
      `设定跟进日期 ${day}`,
      '状态：未开始 → 推进中',
      '进度：— → 30%',
      '开始跟踪',
    ]);
    const stored = await send<{ field: string }[]>(overview, 'getItemHistory', { noticeKey: KEY, itemKey: '60' });
    expect(stored.map((h) => h.field)).toEqual(['created', 'progress', 'status', 'followUp', 'note', 'followUp']);
    await screenshot(overview, 'overview-details');
    await overview.emulateMedia({ colorScheme: 'dark' });
    await screenshot(overview, 'overview-dark');
    await overview.emulateMedia({ colorScheme: 'light' });
    // The worker's clock is back: items 1 and 150 are overdue again.
    expect(await until('badge 2 again', badge, (t) => t === '2')).toBe('2');
  });

  it('prints a meeting report with every item of the notice in its group', async () => {
    await overview.locator('.details .close').click();
    await overview.getByRole('button', { name: /会议报告/ }).click();
    const groups = () =>
      overview.locator('.report-group').evaluateAll((sections) =>
        sections.map((s) => ({
          name: s.getAttribute('data-group'),
          counts: s.querySelector('.counts')?.textContent,
          items: [...s.querySelectorAll('tr[data-item]')].map((tr) => Number(tr.getAttribute('data-item'))),
        })),
      );
    await overview.locator('.report').waitFor();
    const every = notice.items.map((i) => i.number);
    const byLeader = await groups();
    expect(byLeader.flatMap((g) => g.items).sort((a, b) => a - b)).toEqual(every);
    for (const g of byLeader) {
      for (const n of g.items) expect(leaderOf(n)).toBe(g.name);
      expect(g.counts).toMatch(new RegExp(`^${g.items.length} 项`));
    }
    // The name-and-unit form is still unanswered on screen…
    expect(await overview.locator('[data-testid="author-form"]').isVisible()).toBe(true);
    await overview.emulateMedia({ media: 'print' });
    expect(await overview.locator('.top').isVisible()).toBe(false);
    expect(await overview.locator('.report').isVisible()).toBe(true);
    // …and the printout holds the report alone (with its running head, which names the notice on
    // every page): no word of the page outside it is laid out (a screen reader's 1-pixel line aside).
    const besides = await overview.evaluate(() =>
      [...document.body.querySelectorAll('*')]
        .filter((el) => {
          if (el.closest('.report-frame') || el.querySelector('.report-frame')) return false;
          const box = el.getBoundingClientRect();
          return box.width > 1 && box.height > 1;
        })
        .flatMap((el) => [...el.childNodes].filter((n) => n.nodeType === 3 && n.textContent!.trim()).map((n) => n.textContent!.trim())),
    );
    expect(besides).toEqual([]);
    await screenshot(overview, 'report-print-by-leader', { fullPage: true });

    await overview.emulateMedia({ media: 'screen' });
    await overview.getByLabel(/按牵头单位/).check();
    await overview.emulateMedia({ media: 'print' });
    const byUnit = await groups();
    // An item goes under each of its lead units.
    expect([...new Set(byUnit.flatMap((g) => g.items))].sort((a, b) => a - b)).toEqual(every);
    for (const g of byUnit) for (const n of g.items) expect(notice.items.find((i) => i.number === n)!.units.filter((u) => u.lead).map((u) => u.name)).toContain(g.name);
    await screenshot(overview, 'report-print-by-unit', { fullPage: true });
    await overview.emulateMedia({ media: 'screen' });
  });

  it('says in a meeting report made under a filter which filter and how many of all the items', async () => {
    const page = await extensionPage(duban.context, duban.extensionId, 'overview.html');
    await page.locator('table.overview tbody tr[data-item]').first().waitFor();
    await page.locator('.filters select[name="status"]').selectOption('in_progress');
    const shown = await page.locator('.top .counts strong').textContent();
    await page.getByRole('button', { name: /会议报告/ }).click();
    const scope = page.locator('.report .report-scope');
    expect(await scope.textContent()).toBe(`筛选：状态 推进中（共 156 项中的 ${shown} 项）`);
    expect(Number(shown)).toBeLessThan(156);
    // Printed, the line is there too; a report of every item has none.
    await page.emulateMedia({ media: 'print' });
    expect(await scope.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    await page.keyboard.press('Escape');
    await page.locator('.filters select[name="status"]').selectOption('');
    await page.getByRole('button', { name: /会议报告/ }).click();
    await page.locator('.report').waitFor();
    expect(await page.locator('.report .report-scope').count()).toBe(0);
    await page.close();
  });

  it('copies the same report as Markdown', async () => {
    // Record what the page writes to the clipboard (reading it back needs a permission prompt).
    await overview.evaluate(() => {
      const g = window as unknown as { __copied: string };
      g.__copied = '';
      const write = navigator.clipboard.writeText.bind(navigator.clipboard);
      navigator.clipboard.writeText = (text: string) => ((g.__copied = text), write(text));
    });
    await overview.getByRole('button', { name: /复制为 Markdown/ }).click();
    // Copied, or (no clipboard access) shown in a text box to copy by hand.
    const md = await until(
      'the Markdown',
      async () =>
        (await overview.locator('#markdown').count())
          ? overview.locator('#markdown').inputValue()
          : overview.evaluate(() => (window as unknown as { __copied: string }).__copied),
      (t) => t.startsWith('# 督办事项会议报告'),
    );
    expect(md).toContain('# 督办事项会议报告（按牵头单位）');
    for (const n of annotated) expect(md).toMatch(new RegExp(`^\\| ${n} \\|`, 'm'));
    expect(md).toContain(`## ${unitOf(100)}`);
  });

  it('rebuilds the alarms from the database when the service worker starts again', async () => {
    const ours = () =>
      overview.evaluate(async () => (await chrome.alarms.getAll()).map((a) => a.name).filter((n) => n.startsWith('duban-')).sort());
    const before = await ours();
    expect(before).toContain('duban-daily');
    expect(before).toContain(`duban-followup:${addDays(today, 7)}`); // item 60, snoozed to next week
    await overview.evaluate(() => chrome.alarms.clearAll());
    expect(await ours()).toEqual([]);
    // Stop the worker; the next message starts it again, and its start rebuilds the alarms.
    const cdp = await duban.context.newCDPSession(overview);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await send(overview, 'getItemHistory', { noticeKey: KEY, itemKey: '1' });
    expect(await until('the alarms again', ours, (names) => names.length === before.length)).toEqual(before);
  });
});
