/**
 * The background's handlers of the ledger (督办台账, lib/transfer/ledger-*.ts): its data for the
 * page that writes the .xlsx, and a ledger's cells made a transfer file and previewed as the JSON
 * import is (./transfer-handlers.ts); the page then applies that file with applyImport.
 */
import { readAuthorDirectory } from '../../lib/db/authors';
import type { DubanDatabase } from '../../lib/db/database';
import { previewImport, readNoticesAndAnnotations, readSnapshot } from '../../lib/db/transfer-store';
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
      const read = readLedger(grid, await readSnapshot(db), at);
      if (!read.ok) return failure(REFUSED, read.errors);
      const text = serializeTransferFile(read.file);
      const previewed = await runImport(text, async (file) => (await previewImport(db, importJob(file, at))).preview);
      return previewed.ok ? ok({ text, preview: previewed.value, ledger: read.report }) : previewed;
    },
  } satisfies { [K in LedgerCall]: Handler<K> };
}
