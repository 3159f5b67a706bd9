/**
 * Files chosen for import, read in the page before anything goes to the background: a JSON file's
 * size and strict UTF-8 text, a ledger's (.xlsx) size, zip and cells (lib/transfer/ledger-cells.ts,
 * loaded only once a ledger is chosen: the popup's own bundle does not carry it). No messaging, so
 * the unit tests run it in Node.
 */
import type { Message } from '../lib/message';
import type { BatchFileRequest } from '../lib/protocol';
import type { LedgerGrid } from '../lib/transfer/ledger-grid';
import { LEDGER_LIMITS } from '../lib/transfer/ledger-limits';
import { batchFileProblem, otherSpreadsheet, tooLarge } from '../lib/transfer/limits';
import { checkFileSize, decodeImportFile } from '../lib/transfer/read-file';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What the page reads of a chosen file (a File; tests pass their own). */
export type ChosenFile = Pick<File, 'name' | 'type' | 'size' | 'arrayBuffer'>;

/** Whether a chosen file is a spreadsheet (by its name or type), not duban's JSON. */
export const isLedgerFile = (file: Pick<File, 'name' | 'type'>) => /\.xlsx$/i.test(file.name) || file.type === XLSX_MIME;

/**
 * Spreadsheets duban does not read, by the name's ending, for the pickers too: shown there, they
 * are refused saying to save them as .xlsx, not left out of the list or read as a broken JSON file.
 */
const OTHER_SPREADSHEETS = ['.ods', '.fods', '.xls', '.et'];
export const OTHER_SPREADSHEET_ACCEPT = OTHER_SPREADSHEETS.join(',');

/** A chosen spreadsheet saved as another format than .xlsx: what to save it as; else undefined. */
export function otherSpreadsheetProblem(file: Pick<File, 'name'>): Message | undefined {
  const format = OTHER_SPREADSHEETS.find((ending) => file.name.toLowerCase().endsWith(ending));
  return format ? otherSpreadsheet(format) : undefined;
}

/** A ledger's cells: its size (never read when too large), then its zip checked before its sheets are read. */
export async function readLedgerGrid(file: ChosenFile): Promise<{ ok: true; grid: LedgerGrid } | { ok: false; error: Message }> {
  if (file.size > LEDGER_LIMITS.maxBytes) return { ok: false, error: tooLarge(file.size) };
  const [bytes, { readLedgerFile }] = await Promise.all([file.arrayBuffer().then((b) => new Uint8Array(b)), import('../lib/transfer/ledger-cells')]);
  return readLedgerFile(bytes);
}

/**
 * The files of a batch (collect from units) as the background takes them, a JSON file's text or a
 * ledger's cells, and every problem found here, each naming its file: a bad file does not stop the
 * reading of the others, so the user hears of all of them at once.
 */
export async function readBatchFiles(list: readonly ChosenFile[]): Promise<{ files: BatchFileRequest[]; problems: Message[] }> {
  const files: BatchFileRequest[] = [];
  const problems: Message[] = [];
  for (const file of list) {
    const fileName = file.name;
    const other = otherSpreadsheetProblem(file);
    if (other) {
      problems.push(batchFileProblem(fileName, other));
      continue;
    }
    if (isLedgerFile(file)) {
      const read = await readLedgerGrid(file);
      if (read.ok) files.push({ fileName, grid: read.grid });
      else problems.push(batchFileProblem(fileName, read.error));
      continue;
    }
    const decoded = checkFileSize(file.size) ?? decodeImportFile(new Uint8Array(await file.arrayBuffer()));
    if (decoded.ok) files.push({ fileName, text: decoded.text });
    else problems.push(batchFileProblem(fileName, decoded.error));
  }
  return { files, problems };
}
