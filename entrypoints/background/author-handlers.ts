/**
 * The background's handlers of who said what (the local author, the directory) and of collecting
 * from units (several files, units' JSON files and edited ledgers, imported as one batch: one
 * preview, one transaction, one restore point). Merged into ./router.ts.
 */
import { localAuthor, nameLocalAuthor, readAuthorDirectory, skipAuthorForm } from '../../lib/db/authors';
import type { DubanDatabase } from '../../lib/db/database';
import { applyImport, previewImport } from '../../lib/db/transfer-store';
import { message, type Message } from '../../lib/message';
import type { BatchFileRequest, BatchOutcome, Handler } from '../../lib/protocol';
import { countUnchangedRows, type LedgerReport } from '../../lib/transfer/ledger-import';
import { batchFileProblem } from '../../lib/transfer/limits';
import { parseTransferFile, REFUSED } from '../../lib/transfer/parse-file';
import { importBatchJob, ImportRefused, type BatchFile, type BatchPreview } from '../../lib/transfer/plan';
import { failure, ok, type Result } from '../../lib/util/result';
import { createLedgerReader, type LedgerReader } from './ledger-handlers';

type AuthorCall = 'getAuthors' | 'setLocalAuthor' | 'skipAuthorForm' | 'previewImportBatch' | 'applyImportBatch';

const plain = ({ id, name, unit }: { id: string; name: string; unit: string }) => ({ id, name, unit });

/** `ledgers`: reads a batch's ledgers, sharing what prepareLedgerImport read ahead (./ledger-handlers.ts). */
export function createAuthorHandlers(
  db: DubanDatabase,
  now: () => number,
  durable: DubanDatabase = db,
  ledgers: LedgerReader = createLedgerReader(db, durable),
  listSeparator = '、',
) {
  return {
    async getAuthors() {
      const me = await localAuthor(db);
      const { authors } = await readAuthorDirectory(db);
      return ok({ me: plain(me), asked: me.askedAt !== undefined, authors });
    },
    async setLocalAuthor({ name, unit }) {
      return ok(plain(await nameLocalAuthor(db, name, unit, now())));
    },
    async skipAuthorForm() {
      return ok(plain(await skipAuthorForm(db, now())));
    },
    async previewImportBatch({ files }) {
      const at = now();
      return runBatch(files, at, ledgers, async (checked) => (await previewImport(db, importBatchJob(checked, at))).preview);
    },
    async applyImportBatch({ files, importId }) {
      const at = now();
      // In the language's list (A.json, B.json in English): the undo panel and conflict copies show it.
      const fileName = files.map((f) => f.fileName).join(listSeparator).slice(0, 300);
      return runBatch(files, at, ledgers, async (checked) => (await applyImport(durable, importBatchJob(checked, at), at, { fileName, importId })).preview);
    },
  } satisfies { [K in AuthorCall]: Handler<K> };
}

/**
 * Every file checked whole first, a ledger made the transfer file its single import makes: any bad
 * file refuses the batch, and the refusal names every bad file's problems, each with its file.
 */
async function runBatch(
  files: readonly BatchFileRequest[],
  at: number,
  ledgers: LedgerReader,
  run: (files: BatchFile[]) => Promise<BatchPreview>,
): Promise<Result<BatchOutcome>> {
  const checked: BatchFile[] = [];
  const reports: (LedgerReport | undefined)[] = [];
  const problems: Message[] = [];
  for (const [i, request] of files.entries()) {
    // A ledger's changes are made when it is read. Each is read a moment after the one chosen
    // before it (the last at `at`), so where two units report an item differently the file chosen
    // last is the later change and wins, the other's value staying in the history, as any later
    // change does: never the order of the status codes.
    const readAt = at - (files.length - 1 - i);
    const ledger = 'grid' in request ? await ledgers.transferFile(request.grid, readAt) : undefined;
    if (ledger && !ledger.ok) {
      problems.push(...ledger.errors.map((e) => batchFileProblem(request.fileName, e)));
      continue;
    }
    const parsed = parseTransferFile(ledger ? ledger.text : (request as { text: string }).text);
    if (!parsed.ok) {
      problems.push(...parsed.errors.map((e) => batchFileProblem(request.fileName, e)));
      continue;
    }
    checked.push({ fileName: request.fileName, file: parsed.file });
    reports.push(ledger?.report);
  }
  if (problems.length) return failure(REFUSED, problems);
  try {
    const preview = await run(checked);
    const files = preview.files.map((f, i) => {
      const report = reports[i];
      if (!report) return f;
      preview.counts.unchanged += countUnchangedRows(f.preview, report);
      return { ...f, ledger: report };
    });
    return ok({ ...preview, files });
  } catch (e) {
    if (e instanceof ImportRefused) return failure(REFUSED, e.errors);
    return failure(REFUSED, [message('import.failed', { detail: (e as Error).message })]);
  }
}
