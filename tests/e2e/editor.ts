// Driving duban on a notice page as a user does: click a row's 编辑 Edit button (in a closed
// shadow root, reached through CDP), wait until duban's editor frame shows that item and has
// focus, then type with the real keyboard. The frame is an extension page, so Playwright reaches
// its document as a frame of the page.
import type { Frame, Page } from 'playwright-core';
import { shadowClick, shadowEval, type Item } from './shadow';

/** duban's editor frame on `page` (its document is duban's, not the page's). */
export function editorFrame(page: Page): Frame {
  const frame = page.frames().find((f) => /^chrome-extension:\/\/[^/]+\/editor\.html/.test(f.url()));
  if (!frame) throw new Error('no duban editor frame on the page');
  return frame;
}

/** Waits until the editor frame has attached (the host's test hook). */
export const waitEditorReady = (page: Page) =>
  page.locator('[data-duban-editor="ready"]').waitFor({ state: 'attached', timeout: 30_000 });

/** Scrolls row `item` into view and waits until it has rendered. */
export async function reveal(page: Page, item: Item): Promise<void> {
  await page.evaluate((n) => document.querySelector(`[data-duban-item="${n}"]`)!.scrollIntoView({ block: 'center' }), String(item));
  await shadowEval(page, item, 'button.edit', 'function () { return true }');
}

/** Opens the editor at `item` by clicking its row's Edit button; resolves once it has focus there. */
export async function openEditor(page: Page, item: Item): Promise<Frame> {
  await waitEditorReady(page);
  await reveal(page, item);
  await shadowClick(page, item, 'button.edit');
  await page.locator(`[data-duban-editor-open="${item}"]`).waitFor({ state: 'attached', timeout: 30_000 });
  const frame = editorFrame(page);
  await frame.locator(`h1:text-matches("${item}")`).waitFor();
  return frame;
}

/** Focuses a field of the open editor with a click, as a user would. */
export async function field(frame: Frame, name: 'status' | 'progress' | 'followup' | 'note') {
  const loc = frame.locator(`#ed-${name}`);
  await loc.click();
  return loc;
}

/** Waits until the editor says 已保存 Saved. */
export const editorSaved = (frame: Frame) => frame.locator('.save.save-saved').waitFor({ timeout: 30_000 });

/** Types a day into the editor's date field as a user would; the field's order follows the browser's locale. */
export async function typeDay(page: Page, frame: Frame, day: string): Promise<void> {
  const [y, m, d] = day.split('-');
  const input = frame.locator('#ed-followup');
  for (const keys of [`${m}${d}${y}`, `${y}${m}${d}`, `${d}${m}${y}`]) {
    await input.click();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await input.focus();
    await page.keyboard.type(keys);
    if ((await input.inputValue()) === day) return;
  }
  throw new Error(`could not type ${day} into the editor's date field`);
}

/** A row's generated labels (what it shows of the annotation), by part. */
export const rowLabel = (page: Page, item: Item, part: 'status' | 'progress' | 'followup' | 'note' | 'changed') =>
  shadowEval<string | null>(page, item, `.${part}`, 'function () { return this.getAttribute("data-label") }').catch(() => null);
