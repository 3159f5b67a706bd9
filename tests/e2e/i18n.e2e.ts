// One language at a time, the browser's: Chromium started in English shows duban in English only
// (the notice's rows and bar, the popup, the overview), started in zh-CN (every other e2e test's
// default) in Chinese only, and each says its language (lang) for screen readers. What the user or
// the notice wrote (unit names, item texts, notes, 文号) stays as written; everything else is
// duban's words. Screenshots of both: artifacts/screenshots/i18n-<lang>-*.png.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, shanghaiDayOf } from '../../lib/annotation/shanghai-time';
import { recogniseNotice } from '../../lib/notice/recognise';
import type { Notice } from '../../lib/notice/types';
import { exportJsonText, readDb, sendFromPage } from './db';
import { extensionPage, launchDuban, noticeSeed, openNotice, ROOT, screenshot, serveHtml, serveSeeds, type Duban } from './harness';
import { barEval } from './overlay-helpers';
import { shadowClick, shadowEval } from './shadow';
import { editorFrame, reveal, waitEditorReady } from './editor';

/** The seed notice's key (lib/notice/notice-key.ts). */
const KEY = '拱政办发〔2024〕2号@www.gongshu.gov.cn';
const DOC_NO = '拱政办发〔2024〕2号';
const today = shanghaiDayOf(Date.now());
const NOTES = ['已召开专题会，材料待报', '资金缺口待协调'];

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
/** Latin words a Chinese UI still uses: file formats and key names. */
const LATIN_IN_CHINESE = new Set(['JSON', 'CSV', 'W3C', 'Web', 'Annotation', 'JSON-LD', 'Markdown', 'PDF', 'Excel', 'WPS', 'Esc']);

const LANGUAGES = [
  {
    lang: 'en',
    /** Duban's words in English carry no Chinese character. */
    foreign: (words: string) => words.split('\n').filter((l) => CJK.test(l)),
    row: { status: 'In progress', edit: 'Edit', total: '156 items' },
    popup: { title: 'duban', overview: 'Overview' },
    overview: { title: 'duban overview', report: 'Meeting report' },
  },
  {
    lang: 'zh-CN',
    /** Duban's words in Chinese carry no English word (file formats aside). */
    foreign: (words: string) => words.split('\n').filter((l) => (l.match(/[A-Za-z][A-Za-z0-9-]*/g) ?? []).some((w) => !LATIN_IN_CHINESE.has(w))),
    row: { status: '推进中', edit: '编辑', total: '156 项' },
    popup: { title: '督办', overview: '总览' },
    overview: { title: '督办总览', report: '会议报告' },
  },
] as const;

/** The seed notice as duban reads it: its names and texts are the notice's, not duban's words. */
function seedNotice(url: string): Notice {
  const r = recogniseNotice(parseHTML(readFileSync(`${ROOT}/seeds/gongshu-2024-2.html`, 'utf8')).document as unknown as Document, { url });
  if (!r.ok) throw new Error(r.reason);
  return r.notice;
}

/** `words` without what the notice or the user wrote. */
function withoutData(words: string, notice: Notice): string {
  const data = [KEY, DOC_NO, notice.title, ...NOTES, ...notice.sections.map((s) => s.leader), ...notice.items.flatMap((i) => i.units.map((u) => u.name))];
  // Longest first, so a unit named inside another's name goes with it.
  return data.sort((a, b) => b.length - a.length).reduce((w, d) => w.replaceAll(d, ''), words);
}

/**
 * Everything a page of duban says under `root`: text, generated content (data-label), accessible
 * names and tooltips, one per line; `skip`: elements that hold the notice's or the user's text.
 */
const SAY_FN = `function (skip) {
  const lines = [];
  const walk = (el) => {
    if (skip && el.matches(skip)) return;
    for (const a of ['data-label', 'aria-label', 'title', 'placeholder']) if (el.getAttribute(a)) lines.push(el.getAttribute(a));
    for (const n of el.childNodes) {
      if (n.nodeType === 3 && n.nodeValue.trim()) lines.push(n.nodeValue.trim());
      else if (n.nodeType === 1 && n.localName !== 'style' && n.localName !== 'script') walk(n);
    }
  };
  walk(this);
  return { lang: this.closest('[lang]')?.getAttribute('lang') ?? null, words: lines.join('\\n') };
}`;

type Said = { lang: string | null; words: string };

/** What a page of duban says, its <html lang> and its title. */
const pageSays = (page: Page, skip: string): Promise<Said & { title: string }> =>
  page.evaluate(`({ ...(${SAY_FN}).call(document.body, ${JSON.stringify(skip)}), lang: document.documentElement.lang, title: document.title })`);

describe.each(LANGUAGES)('duban in $lang', (L) => {
  let duban: Duban;
  let notice: Notice;

  beforeAll(async () => {
    duban = await launchDuban({ lang: L.lang });
    await serveSeeds(duban.context);
    notice = seedNotice(noticeSeed().url);
    // Visiting the notice records it; then a few annotations, as if typed.
    (await openNotice(duban.context, noticeSeed().url)).close();
    const pages = await extensionPage(duban.context, duban.extensionId, 'popup.html');
    const edits = [
      { itemKey: '1', status: 'in_progress', progress: 20, followUp: addDays(today, -2), note: NOTES[0] },
      { itemKey: '2', status: 'done', progress: 100 },
      { itemKey: '5', status: 'behind', followUp: addDays(today, 3), note: NOTES[1] },
      // The longest labels a row shows: progress in three digits against 序时, a follow-up due today.
      { itemKey: '7', status: 'not_started', progress: 100, followUp: today },
    ];
    for (const e of edits) {
      const item = notice.items.find((i) => i.key === e.itemKey)!;
      const r = await sendFromPage(pages, 'saveAnnotation', { noticeKey: KEY, fingerprint: item.fingerprint, ...e });
      if (!r.ok) throw new Error(r.error);
    }
    await pages.close();
  });
  afterAll(async () => {
    await duban?.close();
  });

  it('words the rows and the bar on the notice page in that language only, marked with it', async () => {
    const page = await openNotice(duban.context, noticeSeed().url);
    const row = await shadowEval<Said>(page, 1, 'section.overlay', SAY_FN, '.note');
    expect(row.lang).toBe(L.lang);
    expect(row.words).toContain(L.row.status);
    expect(row.words).toContain(L.row.edit);
    expect(L.foreign(withoutData(row.words, notice))).toEqual([]);
    const bar = await barEval<Said>(page, '.bar', SAY_FN, '');
    expect(bar.lang).toBe(L.lang);
    expect(bar.words).toContain(L.row.total);
    expect(L.foreign(withoutData(bar.words, notice))).toEqual([]);
    // The bar and the first rows under it.
    await page.evaluate(() => document.querySelector('[data-duban-bar]')!.scrollIntoView({ block: 'start' }));
    await screenshot(page, `i18n-${L.lang}-notice`);
    await page.close();
  });

  it('shows every label of a row whole: status, progress against 序时, follow-up and whether it is due', async () => {
    const page = await openNotice(duban.context, noticeSeed().url);
    await page.locator('html[data-duban-rendered]').waitFor({ state: 'attached', timeout: 30_000 });
    // Each label's right edge against its cell's: a cell cuts what does not fit (overflow: hidden).
    const CUT_FN = `function () {
      return [...this.querySelectorAll('.slot > [data-label]')].map((el) => ({
        label: getComputedStyle(el, '::before').content,
        cut: Math.max(0, el.getBoundingClientRect().right - el.parentElement.getBoundingClientRect().right),
      }));
    }`;
    // And the row keeps within its width: nothing, Edit included, spills out of it.
    const SPILL_FN = `function () { return Math.max(0, this.scrollWidth - this.clientWidth); }`;
    const check = async () => {
      const labels: { label: string; cut: number }[] = [];
      const spills: number[] = [];
      for (const item of ['1', '2', '7']) {
        labels.push(...(await shadowEval<{ label: string; cut: number }[]>(page, item, 'section.overlay', CUT_FN)));
        spills.push(await shadowEval<number>(page, item, 'section.overlay', SPILL_FN));
      }
      // Statuses of items 1, 2 and 7; progress of each; follow-ups of 1 (overdue) and 7 (due today).
      expect(labels).toHaveLength(8);
      expect(labels.filter((l) => l.cut > 0.5)).toEqual([]);
      expect(spills.filter((px) => px > 0.5)).toEqual([]);
    };
    await check();
    // A page whose text column is narrow (560 px): the rows take two lines rather than cut or spill.
    await page.evaluate(() => {
      const column = document.querySelector('[data-duban-item="1"]')!.parentElement!;
      column.style.maxWidth = '560px';
    });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await check();
    await page.evaluate(() => document.querySelector('[data-duban-item="1"]')!.scrollIntoView({ block: 'center' }));
    await screenshot(page, `i18n-${L.lang}-narrow-rows`);
    await page.close();
  });

  it("says how many of a row's units it has no room for (+1), and counts again when the row's room changes", async () => {
    const page = await openNotice(duban.context, noticeSeed().url);
    await page.locator('html[data-duban-rendered]').waitFor({ state: 'attached', timeout: 30_000 });
    // Items 1–4 name three units each (区政府办公室 leads; 区政府各部门, 各街道办事处 co-operate).
    // What the row shows: the units on its one visible line, and the count it gives of the rest.
    const UNITS_FN = `function () {
      const units = [...this.querySelectorAll('.units > li')];
      const top = units[0].getBoundingClientRect().top;
      const more = this.querySelector('.more');
      const box = more.getBoundingClientRect();
      return {
        total: units.length,
        shown: units.filter((u) => u.getBoundingClientRect().top === top).length,
        says: box.width > 0 ? getComputedStyle(more, '::before').content : 'none',
      };
    }`;
    type Units = { total: number; shown: number; says: string };
    const rows = async () => {
      const out: Units[] = [];
      for (const item of ['1', '2', '3', '4']) out.push(await shadowEval<Units>(page, item, '.who', UNITS_FN));
      return out;
    };
    const counted = (r: Units) => (r.shown === r.total ? 'none' : `"+${r.total - r.shown}"`);
    // The page as published, 1280 pixels wide: the rows' column for units holds two of the three.
    // Each row's count against its own units of the same moment (the page may still be laying out).
    const agree = async () => (await rows()).map((r) => r.says === counted(r));
    await expect.poll(agree, { timeout: 20_000 }).toEqual([true, true, true, true]);
    const wide = await rows();
    expect(wide.every((r) => r.total === 3)).toBe(true);
    expect(wide.some((r) => r.shown < r.total)).toBe(true);
    // A narrow text column: the row wraps, its units get a line of their own and all fit.
    const column = (width: string) =>
      page.evaluate((w) => {
        for (const host of document.querySelectorAll('[data-duban-item]')) (host.parentElement as HTMLElement).style.maxWidth = w;
      }, width);
    await column('560px');
    await expect.poll(async () => (await rows()).map((r) => r.says), { timeout: 20_000 }).toEqual(['none', 'none', 'none', 'none']);
    expect((await rows()).every((r) => r.shown === 3)).toBe(true);
    // Wide again: the count comes back.
    await column('');
    await expect.poll(agree, { timeout: 20_000 }).toEqual([true, true, true, true]);
    expect((await rows()).map((r) => r.says)).toEqual(wide.map(counted));
    await page.evaluate(() => document.querySelector('[data-duban-item="2"]')!.scrollIntoView({ block: 'center' }));
    await screenshot(page, `i18n-${L.lang}-units-more`);
    await page.close();
  });

  it("shows duban's pages at their own text size (not Chromium's 75% for extension pages), the editor whole in its frame", async () => {
    const bodyFont = (page: Page) => page.evaluate(() => getComputedStyle(document.body).fontSize);
    const popup = await extensionPage(duban.context, duban.extensionId, 'popup.html');
    expect(await bodyFont(popup)).toBe('13px');
    await popup.close();
    const overview = await extensionPage(duban.context, duban.extensionId, 'overview.html');
    expect(await bodyFont(overview)).toBe('14px');
    await overview.close();
    // The editor: its labels and fields at 13px, and all of it inside its frame (no scrolling in it).
    const page = await openNotice(duban.context, noticeSeed().url);
    await waitEditorReady(page);
    await reveal(page, 5);
    await shadowClick(page, 5, 'button.edit');
    await page.locator('[data-duban-editor-open="5"]').waitFor({ state: 'attached' });
    const frame = editorFrame(page);
    await frame.locator('#ed-note').waitFor();
    const sizes = await frame.evaluate(() => ({
      note: getComputedStyle(document.querySelector('#ed-note')!).fontSize,
      label: parseFloat(getComputedStyle(document.querySelector('.field > span')!).fontSize),
      fits: document.documentElement.scrollHeight <= innerHeight,
    }));
    expect(sizes).toEqual({ note: '13px', label: expect.any(Number), fits: true });
    expect(sizes.label).toBeGreaterThanOrEqual(11);
    await page.close();
  });

  it('words the popup in that language only', async () => {
    const page = await extensionPage(duban.context, duban.extensionId, 'popup.html');
    await page.setViewportSize({ width: 460, height: 900 });
    await page.locator('main[aria-busy="false"] section.notice').waitFor();
    const said = await pageSays(page, '.title, .text, .note');
    expect(said.lang).toBe(L.lang);
    expect(said.title).toBe(L.popup.title);
    expect(await page.locator('h1').textContent()).toBe(L.popup.title);
    expect(await page.locator('[data-action="overview"]').textContent()).toBe(L.popup.overview);
    expect(L.foreign(withoutData(said.words, notice))).toEqual([]);
    await screenshot(page, `i18n-${L.lang}-popup`, { fullPage: true });
    await page.close();
  });

  it('words the overview in that language only', async () => {
    const page = await extensionPage(duban.context, duban.extensionId, 'overview.html');
    await page.locator('table.overview tbody tr[data-item]').first().waitFor();
    const said = await pageSays(page, '.c-text, .c-note, .c-leader, .c-unit');
    expect(said.lang).toBe(L.lang);
    expect(said.title).toBe(L.overview.title);
    expect(await page.locator('h1').textContent()).toBe(L.overview.title);
    expect(said.words).toContain(L.overview.report);
    expect(L.foreign(withoutData(said.words, notice))).toEqual([]);
    await screenshot(page, `i18n-${L.lang}-overview`);
    await page.close();
  });

  it('words the preview of files collected from units in that language only, item lists included', async () => {
    const page = await extensionPage(duban.context, duban.extensionId, 'overview.html');
    page.on('filechooser', () => {});
    await page.locator('table.overview tbody tr[data-item]').first().waitFor();
    // A unit's file with notes on items 3 and 4, new here.
    const file = JSON.parse(await exportJsonText(page));
    const [first] = file.notices[0].items;
    file.notices[0].items = ['3', '4'].map((itemKey) => ({
      ...first, itemKey, fingerprint: notice.items.find((i) => i.key === itemKey)!.fingerprint, note: NOTES[1], history: [],
    }));
    const path = join(mkdtempSync(join(tmpdir(), 'duban-i18n-')), 'unit.json');
    writeFileSync(path, JSON.stringify(file));
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('[data-action="choose-batch"]').click()]);
    await chooser.setFiles(path);
    const preview = page.locator('[data-testid="batch-preview"]');
    await preview.waitFor();
    const said = (await page.evaluate(`(${SAY_FN}).call(document.querySelector('[data-testid="batch-preview"]'), '')`)) as Said;
    expect(said.words).toContain(L.lang === 'en' ? '3, 4' : '3、4');
    expect(L.foreign(withoutData(said.words, notice).replaceAll('unit.json', ''))).toEqual([]);
    await screenshot(page, `i18n-${L.lang}-batch-preview`);
    await page.close();
  });

  it('keeps the items\' words readable in a narrower window: the table scrolls sideways instead', async () => {
    const page = await extensionPage(duban.context, duban.extensionId, 'overview.html');
    for (const width of [1100, 900]) {
      await page.setViewportSize({ width, height: 800 });
      const cell = page.locator('table.overview tbody tr[data-item="3"] td.c-text');
      await cell.waitFor();
      expect((await cell.boundingBox())!.width).toBeGreaterThanOrEqual(130);
      expect(await page.locator('.scroller').evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    }
    await screenshot(page, `i18n-${L.lang}-overview-900`);
    await page.close();
  });

  it('shows the overview\'s statuses, tags, filters and the search hint whole on a 1280-pixel screen, each field named by its label', async () => {
    const page = await extensionPage(duban.context, duban.extensionId, 'overview.html');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.locator('table.overview tbody tr[data-item="3"]').waitFor();
    // Each part's box against its cell's inner box and the window; a select against the width its
    // shown option's words take in its own font (plus the arrow).
    const fit = (selector: string) =>
      page.locator(selector).evaluate((el) => {
        const td = el.closest('td')!;
        const cell = td.getBoundingClientRect();
        const box = el.getBoundingClientRect();
        let words = 0;
        if (el instanceof HTMLSelectElement) {
          const probe = document.createElement('span');
          probe.style.font = getComputedStyle(el).font;
          probe.style.whiteSpace = 'pre';
          probe.textContent = el.selectedOptions[0]!.textContent;
          document.body.append(probe);
          words = probe.getBoundingClientRect().width;
          probe.remove();
        }
        return {
          text: el.textContent,
          clipped: box.right > cell.right - parseFloat(getComputedStyle(td).paddingRight) + 0.5 || box.right > window.innerWidth,
          roomy: !(el instanceof HTMLSelectElement) || box.width >= words + 20,
        };
      });
    // Item 3: nobody has updated it (its status and the 暂无进展 tag); item 1: its follow-up is past.
    for (const part of ['tr[data-item="3"] td.c-status select', 'tr[data-item="3"] td.c-status .tag.no-update', 'tr[data-item="1"] td.c-follow input', 'tr[data-item="1"] td.c-follow .tag.overdue', 'tr[data-item="7"] td.c-follow .tag.today']) {
      expect({ part, ...(await fit(`table.overview tbody ${part}`)) }).toMatchObject({ part, clipped: false, roomy: true });
    }
    // Item 7's follow-up is today: its row says so, as the notice page, the popup and the report do.
    expect(await page.locator('table.overview tbody tr[data-item="7"] td.c-follow .tag.today').textContent()).toBe(L.lang === 'en' ? 'Today' : '今天');
    // 暂无进展 is words beside the status, not something that looks pressable: no border, no fill.
    expect(
      await page.locator('table.overview tbody tr[data-item="3"] td.c-status .tag.no-update').evaluate((el) => {
        const s = getComputedStyle(el);
        return { border: s.borderTopStyle, fill: s.backgroundColor };
      }),
    ).toEqual({ border: 'none', fill: 'rgba(0, 0, 0, 0)' });
    // The 填报人 filters sit with the others: a label above a field as tall as theirs.
    const shape = (selector: string) =>
      page.locator(selector).evaluate((select) => {
        const label = select.closest('label')!.querySelector('span')!.getBoundingClientRect();
        const box = select.getBoundingClientRect();
        return { above: label.bottom <= box.top + 0.5, height: Math.round(box.height), inPanel: !!select.closest('form.filters') };
      });
    // The search field shows its hint whole, in its own font, inside its padding and beside its clear button.
    const search = await page.locator('form.filters input[type="search"]').evaluate((input: HTMLInputElement) => {
      const probe = document.createElement('span');
      probe.style.font = getComputedStyle(input).font;
      probe.style.whiteSpace = 'pre';
      probe.textContent = input.placeholder;
      document.body.append(probe);
      const words = probe.getBoundingClientRect().width;
      probe.remove();
      const s = getComputedStyle(input);
      // A search field keeps room for its clear button (×) at the right, as a select does for its arrow.
      const room = input.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
      return { hint: input.placeholder, words: Math.round(words), room: Math.round(room), whole: words + 20 <= room };
    });
    expect(search).toMatchObject({ whole: true });
    // Every field of the panel is named by its label (what a screen reader says), the 填报人 ones too.
    const unnamed = await page.locator('form.filters').evaluate((form) =>
      [...form.querySelectorAll('input, select')].filter((f) => !((f as HTMLInputElement).labels?.[0]?.textContent ?? '').trim()).map((f) => f.outerHTML.slice(0, 80)),
    );
    expect(unnamed).toEqual([]);
    const status = await shape('form.filters select[name="status"]');
    expect(await shape('select[data-filter="author"]')).toEqual(status);
    expect(await shape('select[data-filter="author-unit"]')).toEqual(status);
    // Every column's header whole, the panel closed too: none cut to "Reported …".
    const cutHeaders = () =>
      page.locator('table.overview th button.sort').evaluateAll((buttons) =>
        // (The columns the panel folds away are hidden, not cut.)
        buttons.filter((b) => getComputedStyle(b).visibility !== 'hidden' && b.scrollWidth > b.clientWidth + 0.5).map((b) => b.textContent),
      );
    expect(await cutHeaders()).toEqual([]);
    // With an item's details open beside the table, the statuses and the 逾期 tag stay whole and
    // left of the panel.
    await page.locator('table.overview tbody tr[data-item="3"] td.c-text').click();
    const edge = (await page.locator('.details').boundingBox())!.x;
    for (const part of ['tr[data-item="3"] td.c-status select', 'tr[data-item="3"] td.c-status .tag.no-update', 'tr[data-item="1"] td.c-follow .tag.overdue']) {
      expect({ part, ...(await fit(`table.overview tbody ${part}`)) }).toMatchObject({ part, clipped: false, roomy: true });
      const box = (await page.locator(`table.overview tbody ${part}`).boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(edge);
    }
    // Every column's header shown whole beside the panel: none cut to "Lead offici…".
    expect(await cutHeaders()).toEqual([]);
    await screenshot(page, `i18n-${L.lang}-overview-details`);
    await page.close();
  });

  it('names every column of the overview whole with several notices (its 文件 column shown) on a 1280-pixel screen', async () => {
    // A second notice, from another city's site (the last test here: the others count the seed's alone).
    const [other] = (JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/notices/index.json'), 'utf8')) as { file: string; url: string }[]).filter((f) => f.file === 'caidian-2023.html');
    await serveHtml(duban.context, other.url, readFileSync(join(ROOT, 'tests/fixtures/notices', other.file), 'utf8'));
    (await openNotice(duban.context, other.url)).close();
    // Followed too: the overview lists the notices one follows.
    const page = await extensionPage(duban.context, duban.extensionId, 'overview.html');
    const db = await readDb(duban.context, duban.extensionId);
    const caidian = (db.notices as { key: string; items: { key: string; fingerprint: string }[] }[]).find((n) => n.key !== KEY)!;
    const saved = await sendFromPage(page, 'saveAnnotation', { noticeKey: caidian.key, itemKey: caidian.items[0].key, fingerprint: caidian.items[0].fingerprint, status: 'in_progress' });
    if (!saved.ok) throw new Error(saved.error);
    await page.reload();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.locator('table.overview th.c-notice').waitFor();
    const cut = await page.locator('table.overview th button.sort').evaluateAll((buttons) =>
      buttons.filter((b) => b.scrollWidth > b.clientWidth + 0.5 || b.scrollHeight > b.clientHeight + 0.5).map((b) => b.textContent),
    );
    await screenshot(page, `i18n-${L.lang}-overview-notices`);
    expect(cut).toEqual([]);
    // Each row names its notice whole (a 文号 cut to 拱政办发〔20… reads like any other year's).
    const names = () =>
      page.locator('table.overview tbody td.c-notice').evaluateAll((cells) =>
        [...new Set(cells.map((c) => {
          const name = (c.firstElementChild ?? c) as HTMLElement;
          return `${name.textContent}${name.scrollHeight > name.clientHeight + 0.5 || name.scrollWidth > name.clientWidth + 0.5 ? ' (cut)' : ''}`;
        }))],
      );
    expect(await names()).toEqual(['拱政办发〔2024〕2号']);
    const filter = page.locator('form.filters select[name="notice"]');
    await filter.selectOption(await filter.evaluate((s: HTMLSelectElement) => [...s.options].find((o) => o.text.startsWith('蔡政办'))!.value));
    await expect.poll(names).toEqual(['蔡政办〔2023〕1号']);
    // The ledger of both is named in the language's words, not duban-all-<day>.
    await filter.selectOption('');
    const ledger = page.locator('[data-action="export-ledger"]');
    await expect.poll(() => ledger.isEnabled()).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), ledger.click()]);
    expect(download.suggestedFilename()).toBe(`duban-${L.lang === 'en' ? 'all-notices' : '全部通知'}-${today}.xlsx`);
    // The meeting report names both notices, apart by the language's own mark.
    await page.getByRole('button', { name: L.overview.report }).click();
    const line = await page.locator('.running-notice').textContent();
    expect(line).toContain(L.lang === 'en' ? '; ' : '；');
    if (L.lang === 'en') expect(line).not.toContain('；');
    // Every printed page names them short, by 文号; the report's head names them whole, titles too.
    expect(line!.split(L.lang === 'en' ? '; ' : '；').sort()).toEqual(['拱政办发〔2024〕2号', '蔡政办〔2023〕1号']);
    const head = await page.locator('.report-notices').textContent();
    expect(head).toContain(L.lang === 'en' ? `${notice.title} (拱政办发〔2024〕2号)` : `${notice.title}》（拱政办发〔2024〕2号）`);
    await page.close();
  });
});
