// Driving duban on a notice page as a user does: click a row's 编辑 Edit button (in a closed
// shadow root, reached through CDP), wait until duban's editor frame shows that item and has
// focus, then type with the real keyboard. The frame is an extension page, so Playwright reaches
// its document as a frame of the page.
import type { Frame, Page } from 'playwright-core';
import { shadowClick, shadowEval, type Item } from './shadow';

export type FieldName = 'status' | 'progress' | 'followup' | 'note';

/** duban's editor frame on `page` (its document is duban's, not the page's). */
export function editorFrame(page: Page): Frame {
  const frame = page.frames().find((f) => /^chrome-extension:\/\/[^/]+\/editor\.html/.test(f.url()));
  if (!frame) throw new Error('no duban editor frame on the page');
  return frame;
}

/**
 * Waits until the editor frame has attached (the host's test hook); a timeout says how far it got
 * (no host yet: never made; 'loading': made, the background's attach never came).
 */
export async function waitEditorReady(page: Page): Promise<void> {
  try {
    await page.locator('[data-duban-editor="ready"]').waitFor({ state: 'attached', timeout: 30_000 });
  } catch (e) {
    const state = await page.evaluate(() => document.querySelector('[data-duban-editor]')?.getAttribute('data-duban-editor') ?? 'no editor host').catch(() => 'page gone');
    throw new Error(`the editor frame was not ready in 30 s (${state}): ${(e as Error).message}`);
  }
}

/** Scrolls row `item` into view and waits until it has rendered. */
export async function reveal(page: Page, item: Item): Promise<void> {
  await page.evaluate((n) => document.querySelector(`[data-duban-item="${n}"]`)!.scrollIntoView({ block: 'center' }), String(item));
  await shadowEval(page, item, 'button.edit', 'function () { return true }');
}

/**
 * Opens the editor at `item` by clicking its row's Edit button; resolves once it shows the item
 * and the keyboard is in its note field. An editor open elsewhere is closed first (it floats over
 * the rows below the one it edits, as a user would see).
 */
/** The editor's heading for an item, as a user reads it in Chinese: 事项 12 督办, 事项 清单2·1 督办 on a page of several lists. */
export const editorHeading = (item: Item) => `事项 ${String(item).replace(/^([1-9][0-9]{0,3})\/(.+)$/, '清单$1·$2')} 督办`;

export async function openEditor(page: Page, item: Item, heading = editorHeading(item)): Promise<Frame> {
  await waitEditorReady(page);
  await closeEditor(page);
  await reveal(page, item);
  await shadowClick(page, item, 'button.edit');
  return shownAt(page, item, heading);
}

/**
 * The editor frame once it shows `item` (its heading names the item as the user reads its key:
 * 事项 清单2·1 督办 on a page of several lists) with the keyboard in its note field.
 */
export async function shownAt(page: Page, item: Item, heading = editorHeading(item)): Promise<Frame> {
  await page.locator(`[data-duban-editor-open="${item}"]`).waitFor({ state: 'attached', timeout: 30_000 });
  const frame = editorFrame(page);
  await frame.locator('h1', { hasText: heading }).waitFor();
  await frame.waitForFunction(() => document.hasFocus() && document.activeElement?.id === 'ed-note');
  return frame;
}

/** Closes the open editor (if any) as a user would: its × button, or Escape; resolves once the page hid it. */
export async function closeEditor(page: Page, how: 'button' | 'escape' = 'button'): Promise<void> {
  const open = page.locator('[data-duban-editor-open]');
  if (!(await open.count())) return;
  // A user clicks in the tab they see. Chromium routes a click into the frame (its own process)
  // by where it last drew it, and a tab behind another draws nothing: the click would go astray.
  await page.bringToFront();
  if (how === 'escape') await page.keyboard.press('Escape');
  else await editorFrame(page).locator('button.close').click();
  await open.waitFor({ state: 'detached' });
}

/** Focuses a field of the open editor with a click, as a user would. */
export async function field(frame: Frame, name: FieldName) {
  const loc = frame.locator(`#ed-${name}`);
  await frame.page().bringToFront();
  await loc.click();
  return loc;
}

/**
 * Changes the open editor's status with the keyboard: focus the select (as Tab does, without
 * opening its list) and press ArrowDown `steps` times (未开始 → 推进中 → 已完成 → 滞后 → 暂缓).
 */
export async function arrowStatus(page: Page, frame: Frame, steps: number): Promise<void> {
  await frame.locator('#ed-status').focus();
  for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowDown');
}

/** Waits until the editor says 已保存 Saved. */
export const editorSaved = (frame: Frame) => frame.locator('.save.save-saved').waitFor({ timeout: 30_000 });

/** Every field of the open editor, as it shows them. */
export async function editorValues(frame: Frame): Promise<Record<FieldName, string>> {
  const v = (name: FieldName) => frame.locator(`#ed-${name}`).inputValue();
  return { status: await v('status'), progress: await v('progress'), followup: await v('followup'), note: await v('note') };
}

/** Opens the editor at `item`, reads its fields and closes it again. */
export async function itemInEditor(page: Page, item: Item): Promise<Record<FieldName, string>> {
  const frame = await openEditor(page, item);
  const values = await editorValues(frame);
  await closeEditor(page);
  return values;
}

/** Opens the open editor's 历史 History and returns its lines (the change only, newest first) once loaded. */
export async function editorHistory(frame: Frame): Promise<string[]> {
  const history = frame.locator('details.history');
  await frame.page().bringToFront();
  if (!(await history.evaluate((d) => (d as HTMLDetailsElement).open))) await history.locator(':scope > summary').click();
  await history.locator('ol.timeline li').first().waitFor();
  return history.locator('ol.timeline li .change').allTextContents();
}

/**
 * Records the open editor's save state each time it changes (e.g. ['saving', 'saved']): a save
 * answers too fast to catch by polling. Call the returned function to read what was seen so far.
 */
export async function recordSaveStates(frame: Frame): Promise<() => Promise<string[]>> {
  await frame.evaluate(() => {
    const g = window as unknown as { __saveStates: string[] };
    g.__saveStates = [];
    const note = () => {
      const state = /save-(\w+)/.exec(document.querySelector('.save')?.className ?? '')?.[1] ?? '';
      if (g.__saveStates.at(-1) !== state) g.__saveStates.push(state);
    };
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
  });
  return () => frame.evaluate(() => (window as unknown as { __saveStates: string[] }).__saveStates);
}

/** Types a day into the editor's date field as a user would; the field's order follows the browser's locale. */
export async function typeDay(page: Page, frame: Frame, day: string): Promise<void> {
  const [y, m, d] = day.split('-');
  const input = frame.locator('#ed-followup');
  // The browser's UI language sets the fields' order. A year field first takes up to six digits:
  // the user moves on to the month (→) by hand.
  const monthFirst = [`${m}${d}${y}`];
  const yearFirst = [y!, 'ArrowRight', `${m}${d}`];
  const chinese = (await frame.evaluate(() => navigator.language)).startsWith('zh');
  await page.bringToFront();
  for (const keys of chinese ? [yearFirst, monthFirst] : [monthFirst, yearFirst, [`${d}${m}${y}`]]) {
    await input.click();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await input.focus();
    for (const k of keys) await (k === 'ArrowRight' ? page.keyboard.press(k) : page.keyboard.type(k));
    if ((await input.inputValue()) === day) return;
  }
  throw new Error(`could not type ${day} into the editor's date field`);
}

/** A row's generated labels (what it shows of the annotation), by part; null when the row has no such part. */
export const rowLabel = (page: Page, item: Item, part: 'status' | 'progress' | 'followup' | 'note' | 'changed') =>
  shadowEval<string | null>(page, item, `.${part}`, 'function () { return this.getAttribute("data-label") }').catch(() => null);

/** A row's status, as its data-status says (the colour the row shows). */
export const rowStatus = (page: Page, item: Item) =>
  shadowEval<string>(page, item, '.overlay', 'function () { return this.getAttribute("data-status") }');
