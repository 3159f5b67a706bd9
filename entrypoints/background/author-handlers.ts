/**
 * The background's handlers of who said what (the local author, the directory) and of collecting
 * from units (several files imported as one batch: one preview, one transaction, one restore
 * point). Merged into ./router.ts.
 */
import { localAuthor, nameLocalAuthor, readAuthorDirectory, skipAuthorForm } from '../../lib/db/authors';
import type { DubanDatabase } from '../../lib/db/database';
import { applyImport, previewImport } from '../../lib/db/transfer-store';
import { message } from '../../lib/message';
import type { Handler } from '../../lib/protocol';
import { parseTransferFile, REFUSED } from '../../lib/transfer/parse-file';
import { importBatchJob, ImportRefused, type BatchFile, type BatchPreview } from '../../lib/transfer/plan';
import { failure, ok, type Result } from '../../lib/util/result';

type AuthorCall = 'getAuthors' | 'setLocalAuthor' | 'skipAuthorForm' | 'previewImportBatch' | 'applyImportBatch';

const plain = ({ id, name, unit }: { id: string; name: string; unit: string }) => ({ id, name, unit });

export function createAuthorHandlers(db: DubanDatabase, now: () => number, durable: DubanDatabase = db) {
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
      return runBatch(files, async (checked) => (await previewImport(db, importBatchJob(checked, now()))).preview);
    },
    async applyImportBatch({ files, importId }) {
      const at = now();
      const fileName = files.map((f) => f.fileName).join('、').slice(0, 300);
      return runBatch(files, async (checked) => (await applyImport(durable, importBatchJob(checked, at), at, { fileName, importId })).preview);
    },
  } satisfies { [K in AuthorCall]: Handler<K> };
}

/** Every file checked whole first: one bad file refuses the batch, naming the file. */
async function runBatch(
  files: readonly { fileName: string; text: string }[],
  run: (files: BatchFile[]) => Promise<BatchPreview>,
): Promise<Result<BatchPreview>> {
  const checked: BatchFile[] = [];
  for (const { fileName, text } of files) {
    const parsed = parseTransferFile(text);
    if (!parsed.ok) return failure(REFUSED, [message('batch.inFile', { file: fileName }), ...parsed.errors]);
    checked.push({ fileName, file: parsed.file });
  }
  try {
    return ok(await run(checked));
  } catch (e) {
    if (e instanceof ImportRefused) return failure(REFUSED, e.errors);
    return failure(REFUSED, [message('import.failed', { detail: (e as Error).message })]);
  }
}
