/**
 * The background's handlers of the popup's calls (lib/protocol.ts): its summary, export, import
 * and undo. Each joins the transfer feature's pure work (lib/transfer) with the database's
 * (lib/db); merged into ./router.ts.
 */
import type { DubanDatabase } from '../../lib/db/database';
import { LAST_EXPORT_KEY, setMeta } from '../../lib/db/meta';
import { createPopupSummaryReader } from '../../lib/db/popup-summary';
import { message } from '../../lib/message';
import { applyImport, lastImport, previewImport, readSnapshot, undoLastImport, UndoRefused } from '../../lib/db/transfer-store';
import type { ExportFormat, Handler, ImportOutcome } from '../../lib/protocol';
import type { LastExport } from '../../lib/summary/summary';
import { csvExport } from '../../lib/transfer/export-csv';
import { buildTransferFile, serializeTransferFile } from '../../lib/transfer/export-json';
import { buildWebAnnotations } from '../../lib/transfer/export-web-annotation';
import type { TransferFile } from '../../lib/transfer/format';
import { parseTransferFile, REFUSED } from '../../lib/transfer/parse-file';
import { ImportRefused, importJob } from '../../lib/transfer/plan';
import { exportFileName, groupByNotice, type TransferSnapshot } from '../../lib/transfer/snapshot';
import { failure, ok, type Result } from '../../lib/util/result';

type TransferCall = 'getPopupSummary' | 'exportAnnotations' | 'previewImport' | 'applyImport' | 'getLastImport' | 'undoLastImport';

/**
 * Every export format: its MIME type and its text, from a snapshot of the database, and how many
 * items it holds when that is not the annotated ones (the CSV has a row for every item).
 */
const EXPORTS: Record<ExportFormat, { mimeType: string; build(snapshot: TransferSnapshot, at: number, only?: string[]): { text: string; rows?: number } }> = {
  json: { mimeType: 'application/json', build: (snapshot, at, only) => ({ text: serializeTransferFile(buildTransferFile(snapshot, at, only).file) }) },
  csv: { mimeType: 'text/csv;charset=utf-8', build: (snapshot, _at, only) => csvExport(snapshot, only) },
  jsonld: { mimeType: 'application/ld+json', build: (snapshot, at, only) => ({ text: JSON.stringify(buildWebAnnotations(snapshot, at, only), null, 1) + '\n' }) },
};

/** `durable`: the instance imports and undo write through (strict durability); `db` for the rest. */
export function createTransferHandlers(db: DubanDatabase, now: () => number, durable: DubanDatabase = db, allNotices?: string) {
  // Kept warm between openings of the popup; read again after any write of either instance.
  const popupSummary = createPopupSummaryReader(db, [db, durable]);
  return {
    async getPopupSummary({ activeUrl }) {
      return ok(await popupSummary.read(now(), activeUrl));
    },

    async exportAnnotations({ format, noticeKeys }) {
      const at = now();
      const snapshot = await readSnapshot(db);
      const { groups } = groupByNotice(snapshot, noticeKeys);
      if (!groups.length) return failure(message('export.nothing'));
      const notices = groups.map((g) => g.notice);
      const items = groups.reduce((n, g) => n + g.annotations.length, 0);
      const { text, rows } = EXPORTS[format].build(snapshot, at, noticeKeys);
      // Only the JSON file can be imported again: it is the backup the reminder asks for.
      if (format === 'json') await setMeta(db, LAST_EXPORT_KEY, { at, notices: notices.length, items } satisfies LastExport);
      return ok({ filename: exportFileName(notices, at, format, allNotices), mimeType: EXPORTS[format].mimeType, text, notices: notices.length, items: rows ?? items });
    },

    async previewImport({ text }) {
      return runImport(text, async (file) => (await previewImport(db, importJob(file, now()))).preview);
    },

    async applyImport({ text, fileName, importId }) {
      const at = now();
      return runImport(text, async (file) => (await applyImport(durable, importJob(file, at, fileName), at, { fileName, importId })).preview);
    },

    async getLastImport() {
      return ok((await lastImport(db)) ?? null);
    },

    async undoLastImport({ id }) {
      try {
        return ok(await undoLastImport(durable, id));
      } catch (e) {
        if (e instanceof UndoRefused) return failure(e.reason);
        return failure(message('undo.failed', { detail: (e as Error).message }));
      }
    },
  } satisfies { [K in TransferCall]: Handler<K> };
}

/** Checks a file whole and runs `run` on it; any refusal comes back as a Failure naming what is wrong. */
export async function runImport(text: string, run: (file: TransferFile) => Promise<ImportOutcome>): Promise<Result<ImportOutcome>> {
  const parsed = parseTransferFile(text);
  if (!parsed.ok) return failure(REFUSED, parsed.errors);
  try {
    return ok(await run(parsed.file));
  } catch (e) {
    if (e instanceof ImportRefused) return failure(REFUSED, e.errors);
    return failure(REFUSED, [message('import.failed', { detail: (e as Error).message })]);
  }
}
