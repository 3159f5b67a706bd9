// Popup summary, export and import end to end: profile A annotates (on the real overlay, plus
// messages for bulk data) and exports from its popup; a separate profile B imports the file through
// its popup's file chooser and sees the same data in its popup and on the notice; tampered files are
// refused (nothing written) or their HTML shown as text.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, shanghaiDayOf } from '../../lib/annotation/shanghai-time';
import { launchDuban, noticeSeed, openNotice, openPopup, screenshot, serveSeeds, type Duban } from './harness';
import { sendFromPage } from './db';
import { arrowStatus, closeEditor, editorSaved, field, itemInEditor, openEditor, reveal, rowLabel, rowStatus } from './editor';
import { shadowEval } from './shadow';

/** The seed notice's key (lib/notice/notice-key.ts); its 文号 is DOC_NO. */
const KEY = '拱政办发〔2024〕2号@www.gongshu.gov.cn';
const DOC_NO = '拱政办发〔2024〕2号';
const today = shanghaiDayOf(Date.now());

const send = sendFromPage;

/** Every row of duban's database, read from an extension page (same origin as the background). */
async function readDb(page: Page) {
  return page.evaluate(
    () =>
      new Promise<Record<string, any[]>>((resolve, reject) => {
        const open = indexedDB.open('duban');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = ['notices', 'annotations', 'history', 'historyPacks', 'meta'].filter((n) => db.objectStoreNames.contains(n));
          const tx = db.transaction(names, 'readonly');
          const out: Record<string, any[]> = {};
          for (const n of names) {
            const req = tx.objectStore(n).getAll();
            req.onsuccess = () => (out[n] = req.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
        };
      }),
  );
}

/** History rows and import packs' entries, without ids or import entries, sorted. */
const historyOf = (db: Record<string, any[]>) =>
  [...db.history, ...(db.historyPacks ?? []).flatMap((p) => p.entries)]
    .filter((h) => h.field !== 'import')
    // The editing session is local bookkeeping (it folds one editor's saves), never exported.
    .map(({ id: _id, session: _local, ...h }) => JSON.stringify(h))
    .sort();

/** Choose `file` in the popup's import chooser the way a keyboard user would: Tab to it, Enter. */
async function chooseImportFile(page: Page, file: string) {
  await page.bringToFront();
  await page.locator('body').focus();
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.getAttribute('data-action') === 'choose-import')) break;
  }
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('choose-import');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Enter')]);
  await chooser.setFiles(file);
}

/** A's note on `item` typed in its editor on the notice, then A's JSON export saved as `name`: the file's path. */
async function noteAndExport(a: Duban, item: number, note: string, dir: string, name: string, replace = false): Promise<{ notice: Page; popup: Page; file: string }> {
  const notice = await openNotice(a.context, noticeSeed().url);
  await openEditor(notice, item);
  if (replace) await notice.keyboard.press('Control+A');
  await notice.keyboard.type(note);
  await notice.keyboard.press('Tab');
  const popup = await openPopup(a);
  await expect.poll(async () => (await readDb(popup)).annotations.find((x) => x.itemKey === String(item))?.note).toBe(note);
  const [download] = await Promise.all([popup.waitForEvent('download'), popup.locator('.transfer [data-export="json"]').click()]);
  const file = join(dir, name);
  await download.saveAs(file);
  return { notice, popup, file };
}

describe('export from one profile, import into another', () => {
  let a: Duban;
  let b: Duban;
  let dir: string;
  let exported: string;
  let fileText: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'duban-transfer-'));
    a = await launchDuban();
    await serveSeeds(a.context);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('profile A annotates on the notice and sees the summary in its popup', async () => {
    const notice = await openNotice(a.context, noticeSeed().url);
    // A note typed into duban's editor on the notice, saved when the field loses focus.
    await openEditor(notice, 1);
    await notice.keyboard.type('已召开专题会，方案已报区政府');
    await notice.keyboard.press('Tab');
    // A status chosen with the keyboard on the editor's select.
    const editor = await openEditor(notice, 2);
    await arrowStatus(notice, editor, 1);
    await closeEditor(notice, 'escape');

    const page = await openPopup(a);
    await expect.poll(async () => (await readDb(page)).annotations?.length ?? 0, { timeout: 10_000 }).toBe(2);
    const db = await readDb(page);
    expect(db.annotations.find((x) => x.itemKey === '1')).toMatchObject({ note: '已召开专题会，方案已报区政府' });
    expect(db.annotations.find((x) => x.itemKey === '2')).toMatchObject({ status: 'in_progress' });

    // Bulk data through the popup page's own messaging: follow-ups, progress, statuses.
    const items = db.notices.find((n) => n.key === KEY).items as { key: string; fingerprint: string }[];
    const fp = (n: number) => items[n - 1].fingerprint;
    const edits = [
      { itemKey: '3', status: 'behind', followUp: addDays(today, -3), note: '街道尚未回复\n需再次催办' },
      { itemKey: '4', status: 'in_progress', followUp: addDays(today, 2), progress: 10 },
      { itemKey: '5', status: 'done', progress: 100 },
      { itemKey: '6', status: 'paused', note: '=HYPERLINK("http://evil")' },
      { itemKey: '40', status: 'in_progress', progress: 95, followUp: addDays(today, 6) },
    ];
    for (const e of edits) expect(await send(page, 'saveAnnotation', { noticeKey: KEY, fingerprint: fp(Number(e.itemKey)), ...e })).toMatchObject({ ok: true });

    await page.reload();
    await page.locator('main[aria-busy="false"]').waitFor();
    const card = page.locator(`section.notice[data-notice-key="${KEY}"]`);
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.locator('[data-status="done"]').textContent()).toBe('1');
    expect(await card.locator('[data-status="behind"]').textContent()).toBe('1');
    expect(await card.locator('[data-status="in_progress"]').textContent()).toBe('3');
    expect(await card.textContent()).toContain('已批注 7 / 156 项');
    expect(await card.locator('details.urgent a').getAttribute('href')).toBe(`${noticeSeed().url}#duban-item-3`);
    expect(await card.locator('details.urgent .note').textContent()).toBe('街道尚未回复');
    expect(await page.locator('[data-testid="backup"]').textContent()).toContain('尚未导出过备份');
    await screenshot(page, 'transfer-a-popup-light', { fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'transfer-a-popup-dark', { fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });

    // 总览 opens the overview page in a new tab.
    const [overview] = await Promise.all([a.context.waitForEvent('page'), page.locator('[data-action="overview"]').click()]);
    await expect.poll(() => overview.url()).toBe(`chrome-extension://${a.extensionId}/overview.html`);
    await overview.close();

    // An overdue item opens the notice (the tab already showing it) at the item's hash.
    await card.locator('details.urgent a').click();
    await expect.poll(() => notice.url()).toBe(`${noticeSeed().url}#duban-item-3`);
  });

  it('profile A exports JSON, CSV and W3C files; the JSON export is remembered', async () => {
    const page = await openPopup(a);
    const all = page.locator('.transfer .export-row');
    const [json] = await Promise.all([page.waitForEvent('download'), all.locator('[data-export="json"]').click()]);
    expect(json.suggestedFilename()).toBe(`duban-${DOC_NO}-${today}.json`);
    exported = join(dir, json.suggestedFilename());
    await json.saveAs(exported);
    fileText = readFileSync(exported, 'utf8');
    const file = JSON.parse(fileText);
    expect(file).toMatchObject({ format: 'duban-annotations', version: 4, notices: [{ key: KEY, docNo: DOC_NO, url: noticeSeed().url }] });
    expect(file.notices[0].items.map((i: any) => i.itemKey)).toEqual(['1', '2', '3', '4', '5', '6', '40']);
    expect(file.notices[0].items[0]).toMatchObject({ note: '已召开专题会，方案已报区政府', section: 1 });
    await expect.poll(() => page.locator('[data-testid="backup"]').textContent()).toContain('上次导出');

    const [csv] = await Promise.all([page.waitForEvent('download'), all.locator('[data-export="csv"]').click()]);
    expect(csv.suggestedFilename()).toBe(`duban-${DOC_NO}-${today}.csv`);
    const csvText = readFileSync((await csv.path())!, 'utf8');
    expect(csvText.startsWith('\uFEFF文号 Doc No.,序号 No.')).toBe(true);
    expect(csvText).toContain(`"'=HYPERLINK(""http://evil"")"`);
    // The popup counts what the file holds: a row for every item of the notice, not the 7 annotated.
    const said = page.locator('[data-testid="export-status"]');
    await expect.poll(() => said.textContent()).toBe(`已导出 ${csv.suggestedFilename()}（156 项）`);

    const [w3c] = await Promise.all([page.waitForEvent('download'), all.locator('[data-export="jsonld"]').click()]);
    const anno = JSON.parse(readFileSync((await w3c.path())!, 'utf8'));
    expect(anno).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', total: 7 });
    // Each target quotes its item and says where it is on the page (docs/transfer.md).
    expect(anno.first.items[0].target.selector.map((sel: { type: string }) => sel.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
  });

  it('profile B imports the file through its popup and sees the same data', async () => {
    b = await launchDuban();
    await serveSeeds(b.context);
    const page = await openPopup(b);
    expect(await page.locator('[data-testid="empty"]').count()).toBe(1);
    // A user in any city is told where notices are, not sent to one district's site.
    expect(await page.locator('[data-testid="empty"]').textContent()).toContain('在政府网站上打开重点工作责任分解通知');

    await chooseImportFile(page, exported);
    const preview = page.locator('[data-testid="import-preview"]');
    await preview.waitFor();
    expect(await preview.locator('[data-kind="new"]').textContent()).toBe('7');
    expect(await preview.locator('[data-kind="conflict"]').textContent()).toBe('0');
    expect(await preview.textContent()).toContain('新通知');
    await screenshot(page, 'transfer-b-import-preview', { fullPage: true });
    // The preview took focus; Tab reaches 确认导入, Enter applies.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('apply-import');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="import-done"]').waitFor();
    await page.locator(`section.notice[data-notice-key="${KEY}"]`).waitFor();
    await screenshot(page, 'transfer-b-after-import', { fullPage: true });

    const pageA = await openPopup(a);
    const [dbA, dbB] = [await readDb(pageA), await readDb(page)];
    // As a file carries them: the note's revision and editing session are each database's own.
    const sort = (list: any[]) => [...list].sort((x, y) => Number(x.itemKey) - Number(y.itemKey)).map(({ noteRev: _r, noteSession: _s, ...a }) => a);
    expect(sort(dbB.annotations)).toEqual(sort(dbA.annotations));
    expect(historyOf(dbB)).toEqual(historyOf(dbA));
    // Until B opens the notice, its popup knows only the imported items, and says so.
    expect(await page.locator('[data-testid="imported-only"]').textContent()).toContain('全文 156 项');

    // The same file again changes nothing.
    await chooseImportFile(page, exported);
    await preview.waitFor();
    expect(await preview.locator('[data-kind="unchanged"]').textContent()).toBe('7');
    // Nothing to confirm: the preview says so and offers only 关闭, which has the keyboard next.
    expect(await preview.textContent()).toContain('此文件不会带来任何变化');
    expect(await page.locator('[data-action="apply-import"]').count()).toBe(0);
    await screenshot(page, 'transfer-b-import-no-change', { fullPage: true });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('关闭');
    await page.keyboard.press('Enter');
    await preview.waitFor({ state: 'detached' });
    await page.locator('[data-action="choose-import"]').waitFor();
    const again = await readDb(page);
    expect(again.annotations).toEqual(dbB.annotations);
    expect(again.history).toEqual(dbB.history);
    expect(again.historyPacks).toEqual(dbB.historyPacks);

    // …and the notice in profile B shows A's work in its rows and its editor.
    const notice = await openNotice(b.context, noticeSeed().url);
    await expect.poll(() => rowLabel(notice, 1, 'note')).toBe('已召开专题会，方案已报区政府');
    expect(await rowLabel(notice, 3, 'note')).toBe('街道尚未回复 需再次催办');
    expect(await itemInEditor(notice, 3)).toMatchObject({ note: '街道尚未回复\n需再次催办', status: 'behind', followup: addDays(today, -3) });
    expect(await shadowEval(notice, 2, '.status', 'function () { return this.className }')).toContain('s-in_progress');
    expect(await rowStatus(notice, 2)).toBe('in_progress');
    await openEditor(notice, 3);
    await screenshot(notice, 'transfer-b-notice');
    await notice.close();
    // Having seen the page, B's summary is A's.
    const summaryA = await send<any>(pageA, 'getPopupSummary', {});
    const summaryB = await send<any>(page, 'getPopupSummary', {});
    expect(summaryB.ok && summaryB.value.notices).toEqual(summaryA.ok && summaryA.value.notices);
    // The item's timeline in B holds A's entries and the import: one note typed is one entry.
    const timeline = await send<any[]>(page, 'getItemHistory', { noticeKey: KEY, itemKey: '1' });
    expect(timeline.ok && timeline.value.map((h) => h.field)).toEqual(['created', 'note', 'import']);
  });

  it('refuses a tampered file with a message and writes nothing', async () => {
    const page = await openPopup(b);
    const before = await readDb(page);
    const f = JSON.parse(fileText);
    f.notices[0].items[0].status = 'urgent';
    f.notices[0].items[1].progress = 'half';
    f.notices[0].items[2].note = '<img src=x onerror="document.title=\'pwned\'">';
    const tampered = join(dir, 'tampered.json');
    writeFileSync(tampered, JSON.stringify(f));
    await chooseImportFile(page, tampered);
    const error = page.locator('[data-testid="import-error"]');
    await error.waitFor();
    const text = (await error.textContent())!;
    expect(text).toContain('文件未导入，未作任何更改');
    expect(text).toContain('第 1 项，字段 status（状态）：未知的值 "urgent"');
    expect(text).toContain('第 2 项，字段 progress（进度）：应为数字，实为文字 "half"');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('import-error');
    await screenshot(page, 'transfer-b-import-error', { fullPage: true });
    expect(await readDb(page)).toEqual(before);
    expect(await page.locator('[data-testid="import-preview"]').count()).toBe(0);
  });

  it('shows a note with HTML from a file as text, in the popup and on the notice', async () => {
    const page = await openPopup(b);
    const f = JSON.parse(fileText);
    const html = '<img src=x onerror="document.title=\'pwned\'"><b>粗体</b>';
    const now = new Date().toISOString();
    f.notices[0].items.push({
      itemKey: '150',
      fingerprint: 'x',
      status: 'in_progress',
      note: html,
      followUp: addDays(today, 1),
      createdAt: now,
      updatedAt: now,
      noteUpdatedAt: now,
      history: [],
    });
    const file = join(dir, 'html-note.json');
    writeFileSync(file, JSON.stringify(f));
    await chooseImportFile(page, file);
    await page.locator('[data-testid="import-preview"] [data-kind="new"]').waitFor();
    expect(await page.locator('[data-testid="import-preview"] [data-kind="new"]').textContent()).toBe('1');
    await page.locator('[data-action="apply-import"]').click();
    await page.locator('[data-testid="import-done"]').waitFor();
    // The coming follow-ups of a notice not in the active tab are folded: open them with the keyboard.
    await page.locator('section.notice summary', { hasText: '7 日内跟进' }).focus();
    await page.keyboard.press('Enter');
    const note = page.locator('section.notice li', { hasText: '第 150 项' }).locator('.note');
    await expect.poll(() => note.textContent()).toBe(html);
    expect(await page.locator('main img, main b:has-text("粗体")').count()).toBe(0);
    expect(await page.title()).not.toBe('pwned');

    const notice = await openNotice(b.context, noticeSeed().url);
    await reveal(notice, 150);
    await expect.poll(() => rowLabel(notice, 150, 'note')).toBe(html);
    const editor = await openEditor(notice, 150);
    expect(await editor.locator('#ed-note').inputValue()).toBe(html);
    expect(await editor.locator('img, b').count()).toBe(0);
    expect(await editor.title()).not.toBe('pwned');
    expect(await notice.title()).not.toBe('pwned');
    await notice.close();
  });

  it('keeps B’s progress when A’s later file changed only the note: each keeps the change made on one side', async () => {
    // B raises item 4's progress in its editor; then A, who never touched it, writes a note on item 4.
    const noticeB = await openNotice(b.context, noticeSeed().url);
    const editorB = await openEditor(noticeB, 4);
    const progress = await field(editorB, 'progress');
    await progress.fill('60');
    await noticeB.keyboard.press('Tab');
    await editorSaved(editorB);
    const pageB = await openPopup(b);
    await expect.poll(async () => (await readDb(pageB)).annotations.find((x) => x.itemKey === '4')?.progress).toBe(60);
    const { notice: noticeA, popup: pageA, file } = await noteAndExport(a, 4, 'A：资金已到位', dir, 'a-note-later.json');

    await chooseImportFile(pageB, file);
    await pageB.locator('[data-testid="import-preview"]').waitFor();
    await pageB.locator('[data-action="apply-import"]').click();
    await pageB.locator('[data-testid="import-done"]').waitFor();
    // A's note comes in; B's progress stays, on the notice's editor too.
    expect((await readDb(pageB)).annotations.find((x) => x.itemKey === '4')).toMatchObject({ progress: 60, note: 'A：资金已到位', status: 'in_progress' });
    const fresh = await openNotice(b.context, noticeSeed().url);
    expect(await itemInEditor(fresh, 4)).toMatchObject({ progress: '60', note: 'A：资金已到位' });
    await Promise.all([noticeA.close(), noticeB.close(), fresh.close(), pageA.close(), pageB.close()]);
  });

  it('keeps both notes when both colleagues changed the same note, and shows them on the notice', async () => {
    // B and A both edit item 1's note on their overlays.
    const noticeB = await openNotice(b.context, noticeSeed().url);
    await openEditor(noticeB, 1);
    await noticeB.keyboard.press('End');
    await noticeB.keyboard.type('；B：区发改局要求补材料');
    await noticeB.keyboard.press('Tab');
    const { notice: noticeA, file } = await noteAndExport(a, 1, 'A：方案已通过', dir, 'second.json', true);

    const pageB = await openPopup(b);
    await expect
      .poll(async () => (await readDb(pageB)).annotations.find((x) => x.itemKey === '1')?.note)
      .toBe('已召开专题会，方案已报区政府；B：区发改局要求补材料');
    await chooseImportFile(pageB, file);
    const preview = pageB.locator('[data-testid="import-preview"]');
    await preview.waitFor();
    expect(await preview.locator('[data-kind="conflict"]').textContent()).toBe('1');
    expect(await preview.locator('.conflicts').textContent()).toContain('A：方案已通过');
    await screenshot(pageB, 'transfer-b-conflict-preview', { fullPage: true });
    await pageB.locator('[data-action="apply-import"]').click();
    await pageB.locator('[data-testid="import-done"]').waitFor();

    // B's note stays as B wrote it; A's text is kept beside it, a conflict copy: no marker in the note.
    const local = '已召开专题会，方案已报区政府；B：区发改局要求补材料';
    const stored = (await readDb(pageB)).annotations.find((x) => x.itemKey === '1') as { note: string; noteCopies?: { kind: string; text: string }[] };
    expect(stored.note).toBe(local);
    expect(stored.noteCopies?.map((c) => [c.kind, c.text])).toEqual([['conflict', 'A：方案已通过']]);
    // The notice shows both: the row counts the copy, the editor shows it with 追加到备注 and 忽略.
    const fresh = await openNotice(b.context, noticeSeed().url);
    await expect.poll(() => rowLabel(fresh, 1, 'note')).toBe(local);
    expect(await shadowEval<string | null>(fresh, 1, '.copies', 'function () { return this.getAttribute("data-label") }')).toBe('冲突副本 1');
    const editor = await openEditor(fresh, 1);
    expect(await editor.locator('#ed-note').inputValue()).toBe(local);
    const copy = editor.locator('.note-copies li', { hasText: 'A：方案已通过' });
    await copy.waitFor();
    // It says where it came from: the file B chose.
    expect(await copy.locator('.source').textContent()).toBe('来自导入的文件 second.json');
    // The editor opens tall enough to show the whole list of copies without scrolling inside it.
    const frameBox = (await fresh.locator('[data-duban-editor]').boundingBox())!;
    const list = (await editor.locator('section.note-copies').boundingBox())!;
    expect(list.y + list.height).toBeLessThanOrEqual(frameBox.y + frameBox.height);
    // …and the history below it, nothing scrolled inside the frame.
    expect(await editor.evaluate(() => document.documentElement.scrollHeight <= innerHeight)).toBe(true);
    await screenshot(fresh, 'transfer-b-conflict-overlay');
    await copy.getByRole('button', { name: '追加到备注' }).click();
    await expect.poll(async () => (await readDb(pageB)).annotations.find((x) => x.itemKey === '1')?.note).toBe(`${local}\nA：方案已通过`);
    expect(((await readDb(pageB)).annotations.find((x) => x.itemKey === '1') as { noteCopies?: unknown[] }).noteCopies ?? []).toEqual([]);
    await Promise.all([noticeA.close(), noticeB.close(), fresh.close()]);
  });
});
