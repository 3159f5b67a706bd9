/**
 * The 督办台账 (.xlsx) with 10,000 items (8 notices × 1,250), in Chromium through duban's pages:
 *  - xlsx_export_10k_ms: the overview's 导出台账 clicked → the browser's download of the file
 *    (the background's ledger data, exceljs writing the workbook in the page, the download).
 *  - xlsx_import_10k_ms: the same ledger, every row edited (a status in Chinese, a longer note),
 *    chosen in the popup's import → its preview shown (zip checks, exceljs reading the cells, the
 *    background matching every row and planning the import).
 *  - xlsx_apply_10k_ms / json_apply_10k_ms: that preview's 导入 clicked → done, next to the same
 *    edits imported as a duban JSON file (each undone after), alternating.
 * The data goes in as a JSON import (setup). Medians after one warm-up run (which loads the
 * spreadsheet library's chunk).
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTransferFile, serializeTransferFile } from '../../lib/transfer/export-json';
import { col } from '../../lib/transfer/test/ledger-edit';
import { sendFromPage } from '../../tests/e2e/db';
import { extensionPage, launchDuban } from '../../tests/e2e/harness';
import { median, round } from './stats';
import { syntheticData } from './transfer';

const ROWS = 10_000;

export async function benchLedger(runs = 3) {
  const data = syntheticData();
  const text = serializeTransferFile(buildTransferFile(data, Date.now()).file);
  const dir = mkdtempSync(join(tmpdir(), 'duban-bench-ledger-'));
  const duban = await launchDuban();
  try {
    const popup = await extensionPage(duban.context, duban.extensionId, 'popup.html');
    const imported = await sendFromPage(popup, 'applyImport', { text });
    if (!imported.ok) throw new Error(`setup import failed: ${imported.error}`);

    const overview = await extensionPage(duban.context, duban.extensionId, 'overview.html');
    const button = overview.locator('[data-action="export-ledger"]:not([disabled])');
    await button.waitFor();
    const exportTimes: number[] = [];
    let file = '';
    for (let i = 0; i < runs + 1; i++) {
      const t0 = performance.now();
      const [download] = await Promise.all([overview.waitForEvent('download', { timeout: 120_000 }), button.click()]);
      if (i > 0) exportTimes.push(performance.now() - t0);
      file = join(dir, `ledger-${i}.xlsx`);
      await download.saveAs(file);
      await button.waitFor();
    }

    // A colleague's edit of every row: the status as a word, the note grown.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    let rows = 0;
    for (const ws of wb.worksheets.filter((w) => w.name !== '汇总')) {
      const [st, note] = [col(ws, '状态'), col(ws, '进展情况')];
      for (let r = 4; r <= ws.rowCount; r++) {
        const row = ws.getRow(r);
        row.getCell(st).value = row.getCell(st).value === '已完成' ? '推进中' : '已完成';
        row.getCell(note).value = `${row.getCell(note).value ?? ''}（区督查室复核）`;
        rows++;
      }
    }
    if (rows !== ROWS) throw new Error(`the ledger has ${rows} rows, not ${ROWS}`);
    const edited = join(dir, 'edited.xlsx');
    await wb.xlsx.writeFile(edited);

    await popup.reload();
    await popup.locator('main[aria-busy="false"]').waitFor();
    const importTimes: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      const t0 = performance.now();
      await popup.locator('[data-testid="import-file"]').setInputFiles(edited);
      await popup.locator('[data-testid="import-preview"], [data-testid="import-error"]').first().waitFor({ timeout: 120_000 });
      if (i > 0) importTimes.push(performance.now() - t0);
      const updated = await popup.locator('[data-kind="updated"]').textContent().catch(() => null);
      if (updated !== String(ROWS)) throw new Error(`the preview shows ${updated} updated items, not ${ROWS}`);
      await popup.locator('[data-action="cancel-import"]').click();
    }

    // The apply step beside the JSON import's, the same edits of every row as a duban file: the
    // preview's 导入 clicked → done, then undone; ledger and JSON alternating.
    const now = Date.now();
    const editedData = {
      ...data,
      annotations: data.annotations.map((a) => ({
        ...a,
        status: a.status === 'done' ? ('in_progress' as const) : ('done' as const),
        note: `${a.note}（区督查室复核）`,
        updatedAt: now,
        noteUpdatedAt: now,
      })),
      history: [],
    };
    const editedJson = join(dir, 'edited.json');
    writeFileSync(editedJson, serializeTransferFile(buildTransferFile(editedData, now).file));
    const applyTimes: Record<'ledger' | 'json', number[]> = { ledger: [], json: [] };
    for (let i = 0; i < runs + 1; i++) {
      for (const [kind, path] of [['ledger', edited], ['json', editedJson]] as const) {
        await popup.reload();
        await popup.locator('main[aria-busy="false"]').waitFor();
        await popup.locator('[data-testid="import-file"]').setInputFiles(path);
        await popup.locator('[data-testid="import-preview"]').waitFor({ timeout: 120_000 });
        const updated = await popup.locator('[data-kind="updated"]').textContent();
        if (updated !== String(ROWS)) throw new Error(`the ${kind} preview shows ${updated} updated items, not ${ROWS}`);
        const t0 = performance.now();
        await popup.locator('[data-action="apply-import"]').click();
        await popup.locator('[data-testid="import-done"], [data-testid="import-error"]').first().waitFor({ timeout: 120_000 });
        if (i > 0) applyTimes[kind].push(performance.now() - t0);
        if (!(await popup.locator('[data-testid="import-done"]').count())) throw new Error(`the ${kind} import failed`);
        await popup.locator('[data-action="undo-import"]').click();
        await popup.locator('[data-testid="undo-done"], [data-testid="undo-error"]').first().waitFor({ timeout: 120_000 });
        if (!(await popup.locator('[data-testid="undo-done"]').count())) throw new Error(`undoing the ${kind} import failed`);
      }
    }
    return {
      xlsx_export_10k_ms: round(median(exportTimes)),
      xlsx_import_10k_ms: round(median(importTimes)),
      xlsx_apply_10k_ms: round(median(applyTimes.ledger)),
      json_apply_10k_ms: round(median(applyTimes.json)),
    };
  } finally {
    await duban.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
