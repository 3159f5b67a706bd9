/** Handlers of the transfer messages (see ./protocol.ts), merged into lib/db/service.ts. */
import { getMeta, setMeta } from '../db/annotations';
import type { DubanDatabase } from '../db/database';
import { message } from '../message';
import { failure, type Result } from '../protocol';
import { buildCsv } from './export-csv';
import { buildTransferFile, serializeTransferFile } from './export-json';
import { buildWebAnnotations } from './export-web-annotation';
import { parseTransferFile, REFUSED } from './parse-file';
import type { ExportedFile, ExportFormat, ImportOutcome } from './protocol';
import type { UndoableImport } from './restore-point';
import { exportFileName, groupByNotice } from './snapshot';
import {
  applyImport,
  ImportRefused,
  LAST_EXPORT_KEY,
  lastImport,
  previewImport,
  readSnapshot,
  undoLastImport,
  UndoRefused,
  type LastExport,
} from './store';
import { detailedNotices, summariseDigests, withDetails, type PopupSummary } from './summary';

const MIME: Record<ExportFormat, string> = {
  json: 'application/json',
  csv: 'text/csv;charset=utf-8',
  jsonld: 'application/ld+json',
};

/** `durable`: the instance imports and undo write through (strict durability); `db` for the rest. */
export function createTransferHandlers(db: DubanDatabase, now: () => number, durable: DubanDatabase = db) {
  return {
    async getPopupSummary({ activeUrl }: { activeUrl?: string }): Promise<Result<PopupSummary>> {
      // The summary digests (a few KB per notice), then the digests of the notices shown in full:
      // never every annotation (lib/db/digests.ts). One transaction, so all of it is consistent.
      const tables = [db.summaryDigests, db.noticeDigests, db.annotationDigests, db.meta];
      const summary = await db.transaction('r', tables, async () => {
        const [digests, lastExport] = await Promise.all([db.summaryDigests.toArray(), getMeta<LastExport>(db, LAST_EXPORT_KEY)]);
        const skeleton = summariseDigests({ digests, lastExport, now: now(), activeUrl });
        const keys = detailedNotices(skeleton);
        const [notices, annotations] = await Promise.all([db.noticeDigests.bulkGet(keys), db.annotationDigests.bulkGet(keys)]);
        return withDetails(skeleton, notices, annotations);
      });
      return ok(summary);
    },

    async exportAnnotations({ format, noticeKeys }: { format: ExportFormat; noticeKeys?: string[] }): Promise<Result<ExportedFile>> {
      const at = now();
      const snapshot = await readSnapshot(db);
      const { groups } = groupByNotice(snapshot, noticeKeys);
      if (!groups.length) return failure(message('export.nothing'));
      const notices = groups.map((g) => g.notice);
      const items = groups.reduce((n, g) => n + g.annotations.length, 0);
      let text: string;
      if (format === 'json') {
        text = serializeTransferFile(buildTransferFile(snapshot, at, noticeKeys).file);
        // Only the JSON file can be imported again: it is the backup the reminder asks for.
        await setMeta(db, LAST_EXPORT_KEY, { at, notices: notices.length, items } satisfies LastExport);
      } else if (format === 'csv') {
        text = buildCsv(snapshot, noticeKeys);
      } else {
        text = JSON.stringify(buildWebAnnotations(snapshot, at, noticeKeys), null, 1) + '\n';
      }
      return ok({ filename: exportFileName(notices, at, format), mimeType: MIME[format], text, notices: notices.length, items });
    },

    async previewImport({ text }: { text: string }): Promise<Result<ImportOutcome>> {
      return runImport(text, (file) => previewImport(db, file, now()));
    },

    async applyImport({ text, fileName, importId }: { text: string; fileName?: string; importId?: string }): Promise<Result<ImportOutcome>> {
      return runImport(text, (file) => applyImport(durable, file, now(), { fileName, importId }));
    },

    async getLastImport(_: Record<string, never>): Promise<Result<UndoableImport | null>> {
      return ok((await lastImport(db)) ?? null);
    },

    async undoLastImport({ id }: { id: number }): Promise<Result<UndoableImport>> {
      try {
        return ok(await undoLastImport(durable, id));
      } catch (e) {
        if (e instanceof UndoRefused) return failure(e.reason);
        return failure(message('undo.failed', { detail: (e as Error).message }));
      }
    },
  };
}

async function runImport(
  text: string,
  run: (file: Extract<ReturnType<typeof parseTransferFile>, { ok: true }>['file']) => Promise<ImportOutcome>,
): Promise<Result<ImportOutcome>> {
  const parsed = parseTransferFile(text);
  if (!parsed.ok) return failure(REFUSED, parsed.errors);
  try {
    return ok(await run(parsed.file));
  } catch (e) {
    if (e instanceof ImportRefused) return failure(REFUSED, e.errors);
    return failure(REFUSED, [message('import.failed', { detail: (e as Error).message })]);
  }
}

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
