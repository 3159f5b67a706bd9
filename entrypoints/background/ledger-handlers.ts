/**
 * The background's handlers of the ledger (督办台账, lib/transfer/ledger-*.ts): its data for the
 * page that writes the .xlsx, and a ledger's cells made a transfer file and previewed as the JSON
 * import is (./transfer-handlers.ts); the page then applies that file with applyImport.
 */
import { readAuthorDirectory } from '../../lib/db/authors';
import type { DubanDatabase } from '../../lib/db/database';
import { readNoticesAndAnnotations, readSnapshot } from '../../lib/db/transfer-store';
import { message } from '../../lib/message';
import type { Handler } from '../../lib/protocol';
import { serializeTransferFile } from '../../lib/transfer/export-json';
import { buildLedger } from '../../lib/transfer/ledger-export';
import { readLedger } from '../../lib/transfer/ledger-import';
import { REFUSED } from '../../lib/transfer/parse-file';
import { importJob } from '../../lib/transfer/plan';
import { failure, ok } from '../../lib/util/result';
import { runImport } from './transfer-handlers';

type LedgerCall = 'getLedger' | 'previewLedgerImport';

export function createLedgerHandlers(db: DubanDatabase, now: () => number) {
  return {
    async getLedger({ noticeKeys }) {
      const [records, { authors }] = await Promise.all([readNoticesAndAnnotations(db), readAuthorDirectory(db)]);
      const ledger = buildLedger({ ...records, authors }, now(), noticeKeys);
      return ledger ? ok(ledger) : failure(message('export.nothing'));
    },

    async previewLedgerImport(grid) {
      const at = now();
      const records = await readSnapshot(db);
      const read = readLedger(grid, records, at);
      if (!read.ok) return failure(REFUSED, read.errors);
      const text = serializeTransferFile(read.file);
      // Planned against the records just read (every notice's), as previewImport would read them again.
      const previewed = await runImport(text, async (file) => importJob(file, at).plan(records).preview);
      return previewed.ok ? ok({ text, preview: previewed.value, ledger: read.report }) : previewed;
    },
  } satisfies { [K in LedgerCall]: Handler<K> };
}
