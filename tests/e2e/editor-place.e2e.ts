// Where the editor opens: under the row of the item it edits, the page scrolled to make room when
// the row is low in the window; above the item only where the page ends too soon (its last item),
// and then above the item's text, never over it. The user must see the item they edit.
// Screenshots: artifacts/screenshots/editor-place-*.png.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { editorFrame, openEditor, shownAt, waitEditorReady } from './editor';
import { launchDuban, openNotice, ROOT, screenshot, serveHtml, type Duban } from './harness';
import { shadowClick } from './shadow';

type Fixture = { file: string; expected: string; url: string };
const DIR = join(ROOT, 'tests/fixtures/notices');
const fixtures = JSON.parse(readFileSync(join(DIR, 'index.json'), 'utf8')) as Fixture[];
const fixture = (name: string) => fixtures.find((f) => f.file.startsWith(name))!;
const itemText = (f: Fixture, key: string): string => {
  const parse = JSON.parse(readFileSync(join(DIR, f.expected), 'utf8')) as { lists: { items: { key: string; text: string }[] }[] };
  return parse.lists.flatMap((l) => l.items).find((i) => i.key === key)!.text;
};

interface Layout {
  text: { top: number; bottom: number };
  row: { top: number; bottom: number };
  editor: { top: number; bottom: number };
  window: number;
}

/** Where the item's own text (from its first words to its last), its row and the editor are in the window. */
function layout(page: Page, key: string, text: string): Promise<Layout> {
  const lines = text.split('\n');
  return page.evaluate(
    ([k, start, end]) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let from: Text | undefined;
      let to: Text | undefined;
      for (let n = walker.nextNode() as Text | null; n && !to; n = walker.nextNode() as Text | null) {
        if (!from && n.data.includes(start)) from = n;
        if (from && n.data.includes(end)) to = n;
      }
      const range = document.createRange();
      range.setStart(from!, 0);
      range.setEnd(to!, to!.length);
      const box = (r: DOMRect) => ({ top: Math.round(r.top), bottom: Math.round(r.bottom) });
      return {
        text: box(range.getBoundingClientRect()),
        row: box(document.querySelector(`[data-duban-item="${k}"]`)!.getBoundingClientRect()),
        editor: box(document.querySelector('[data-duban-editor]')!.getBoundingClientRect()),
        window: innerHeight,
      };
    },
    [key, lines[0]!.slice(0, 6), lines.at(-1)!.slice(-6)] as const,
  );
}

/** The item's text, its row and the editor all in the window, the editor over neither. */
function expectItemSeen(l: Layout) {
  expect(l.text.top).toBeGreaterThanOrEqual(0);
  expect(l.row.bottom).toBeLessThanOrEqual(l.window);
  expect(l.editor.top).toBeGreaterThanOrEqual(0);
  expect(l.editor.bottom).toBeLessThanOrEqual(l.window);
  expect(l.editor.top >= l.row.bottom || l.editor.bottom <= l.text.top).toBe(true);
}

describe('the editor opened from a row low in the window, the page going on below', () => {
  let duban: Duban;
  afterAll(() => duban?.close());

  it('opens under the row, the page scrolled to make room, the item’s text still in view', async () => {
    duban = await launchDuban({ viewport: { width: 1280, height: 800 } });
    const f = fixture('gongshu-2024-2-table');
    await serveHtml(duban.context, f.url, readFileSync(join(DIR, f.file), 'utf8'));
    const page = await openNotice(duban.context, f.url);
    await waitEditorReady(page);
    // Item 20's row near the bottom of the window, as a user who scrolled there finds it.
    await page.evaluate(() => {
      const row = document.querySelector('[data-duban-item="20"]')!;
      scrollBy(0, row.getBoundingClientRect().bottom - 650);
    });
    await shadowClick(page, '20', 'button.edit');
    await shownAt(page, '20');
    const l = await layout(page, '20', itemText(f, '20'));
    await screenshot(page, 'editor-place-low-row');
    expectItemSeen(l);
    expect(l.editor.top).toBeGreaterThanOrEqual(l.row.bottom);

    // The history opened in it: the editor grows only as tall as the window holds beside the item,
    // the page scrolled to make room, and still covers none of it.
    const frame = editorFrame(page);
    await frame.locator('details.history > summary').click();
    await expect.poll(() => page.evaluate(() => document.querySelector('[data-duban-editor]')!.getBoundingClientRect().height)).toBeGreaterThan(l.editor.bottom - l.editor.top);
    const tall = await layout(page, '20', itemText(f, '20'));
    await screenshot(page, 'editor-place-history');
    expectItemSeen(tall);
    expect(tall.editor.top).toBeGreaterThanOrEqual(tall.row.bottom);
  });
});

describe('the editor opened at the last item of a page', () => {
  let duban: Duban;
  afterAll(() => duban?.close());

  it.each([
    ['guowuyuan-2020', '4'],
    ['quzhou-2021', '3/2'],
    ['haiyan-2022', '2/3'],
  ])('on %s (item %s) leaves the item’s text and row in view and uncovered', async (name, key) => {
    duban ??= await launchDuban();
    const f = fixture(name);
    await serveHtml(duban.context, f.url, readFileSync(join(DIR, f.file), 'utf8'));
    const page = await openNotice(duban.context, f.url);
    await openEditor(page, key);
    const l = await layout(page, key, itemText(f, key));
    await screenshot(page, `editor-place-last-${name}`);
    expectItemSeen(l);
    await page.close();
  });
});

describe('the open editor in a narrow window while content comes in above its item', () => {
  let duban: Duban;
  afterAll(() => duban?.close());

  it('stays under its row, the page scrolled with it, the item still in view and uncovered', async () => {
    duban = await launchDuban({ viewport: { width: 400, height: 700 } });
    const f = fixture('gongshu-2024-2-table');
    await serveHtml(duban.context, f.url, readFileSync(join(DIR, f.file), 'utf8'));
    const page = await openNotice(duban.context, f.url);
    await waitEditorReady(page);
    // Item 20 in the middle of the page, its row in the upper part of the window.
    await page.evaluate(() => scrollBy(0, document.querySelector('[data-duban-item="20"]')!.getBoundingClientRect().top - 300));
    await shadowClick(page, '20', 'button.edit');
    await shownAt(page, '20');
    const before = await layout(page, '20', itemText(f, '20'));
    expectItemSeen(before);
    expect(before.editor.top).toBeGreaterThanOrEqual(before.row.bottom);
    // A banner the page's script puts in above the notice (a notice of its own, an image loading).
    await page.evaluate(() => {
      const banner = document.createElement('div');
      banner.style.height = '150px';
      banner.textContent = '网站公告';
      const table = document.querySelector('table')!;
      table.parentElement!.insertBefore(banner, table);
    });
    await expect.poll(async () => {
      const l = await layout(page, '20', itemText(f, '20'));
      return l.editor.top - l.row.bottom;
    }).toBe(before.editor.top - before.row.bottom);
    const after = await layout(page, '20', itemText(f, '20'));
    await screenshot(page, 'editor-place-narrow-moved');
    expectItemSeen(after);
  });
});
