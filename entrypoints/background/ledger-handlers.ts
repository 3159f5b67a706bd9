/**
 * The background's handlers of the ledger (督办台账, lib/transfer/ledger-*.ts): its data for the
 * page that writes the .xlsx, and a ledger's cells made a transfer file and previewed as the JSON
 * import is (./transfer-handlers.ts); the page then applies that file with applyImport.
 */
import { readAuthorDirectory } from '../../lib/db/authors';
import type { DubanDatabase } from '../../lib/db/database';
import { applyImport, readNoticesAndAnnotations, readSnapshot } from '../../lib/db/transfer-store';
import type { LedgerGrid } from '../../lib/transfer/ledger-grid';
import type { RecordSet } from '../../lib/annotation/record-set';
import { message } from '../../lib/message';
import type { Handler } from '../../lib/protocol';
import { serializeTransferFile } from '../../lib/transfer/export-json';
import { buildLedger } from '../../lib/transfer/ledger-export';
import { packLedger } from '../../lib/transfer/ledger-packed';
import { countUnchangedRows, readLedger } from '../../lib/transfer/ledger-import';
import { REFUSED } from '../../lib/transfer/parse-file';
import { importJob } from '../../lib/transfer/plan';
import { failure, ok } from '../../lib/util/result';
import { runImport } from './transfer-handlers';

type LedgerCall = 'getLedger' | 'previewLedgerImport' | 'applyLedgerImport' | 'prepareLedgerImport';

/** How long records read for a ledger import are kept, unless a write comes first. */
const KEEP_RECORDS_MS = 60_000;

/**
 * A ledger's cells made a transfer file against the database as it is (for the single ledger
 * import and for a batch of units' files alike), with the records it is matched against read
 * ahead while the page still parses the file (`prepare`).
 */
export function createLedgerReader(db: DubanDatabase, durable: DubanDatabase = db) {
  const instances = [...new Set([db, durable])];
  const writes = () => instances.reduce((n, d) => n + d.writes, 0);
  // Any write of either instance since the read began makes the records read ahead stale.
  let kept: { writes: number; records: Promise<RecordSet> } | undefined;
  let forget: ReturnType<typeof setTimeout> | undefined;
  function records(): Promise<RecordSet> {
    if (kept && kept.writes === writes()) return kept.records;
    const read = readSnapshot(db);
    const entry = { writes: writes(), records: read };
    kept = entry;
    read.catch(() => {
      if (kept === entry) kept = undefined;
    });
    clearTimeout(forget);
    forget = setTimeout(() => (kept = undefined), KEEP_RECORDS_MS);
    return read;
  }

  return {
    prepare() {
      void records().catch(() => {});
    },
    /** The ledger's cells as a transfer file (and its text, as an import checks it), and what matched nothing. */
    async transferFile(grid: LedgerGrid, at: number) {
      const snapshot = await records();
      const read = readLedger(grid, snapshot, at);
      return read.ok ? { ...read, text: serializeTransferFile(read.file), records: snapshot } : read;
    },
  };
}
export type LedgerReader = ReturnType<typeof createLedgerReader>;

/** `durable`: the instance imports write through (strict durability); `db` for the rest. */
export function createLedgerHandlers(
  db: DubanDatabase, now: () => number, durable: DubanDatabase = db, ledgers: LedgerReader = createLedgerReader(db, durable), allNotices?: string,
) {
  const ledgerFile = ledgers.transferFile;
  return {
    async prepareLedgerImport() {
      ledgers.prepare();
      return ok(true as const);
    },

    async getLedger({ noticeKeys }) {
      const [records, { authors }] = await Promise.all([readNoticesAndAnnotations(db), readAuthorDirectory(db)]);
      const ledger = buildLedger({ ...records, authors }, now(), noticeKeys, allNotices);
      return ledger ? ok(packLedger(ledger)) : failure(message('export.nothing'));
    },

    async previewLedgerImport(grid) {
      const at = now();
      const read = await ledgerFile(grid, at);
      if (!read.ok) return failure(REFUSED, read.errors);
      // Planned against the records just read (every notice's), as previewImport would read them again.
      const previewed = await runImport(read.text, async (file) => importJob(file, at).plan(read.records).preview);
      if (!previewed.ok) return previewed;
      countUnchangedRows(previewed.value, read.report);
      return ok({ preview: previewed.value, ledger: read.report });
    },

    async applyLedgerImport({ grid, fileName, importId }) {
      const at = now();
      const read = await ledgerFile(grid, at);
      if (!read.ok) return failure(REFUSED, read.errors);
      return runImport(read.text, async (file) => (await applyImport(durable, importJob(file, at, fileName), at, { fileName, importId })).preview);
    },
  } satisfies { [K in LedgerCall]: Handler<K> };
}
