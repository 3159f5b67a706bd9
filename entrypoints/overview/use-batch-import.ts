/**
 * Collecting from units in the overview: several files picked or dropped at once, units' JSON
 * files and the ledgers (.xlsx) they edited, each read and checked here (size, UTF-8; a ledger's
 * zip and cells), then one preview of all of them from the background, applied as one batch (one
 * transaction, one restore point) and undone as one. A refusal names every bad file, the ones
 * found here and those the background found, each on its own line.
 */
import { useState } from 'preact/hooks';
import type { BatchState } from '../../components/BatchImport';
import type { Message } from '../../lib/message';
import type { BatchFileRequest } from '../../lib/protocol';
import { MAX_BATCH_FILES, REFUSED } from '../../lib/transfer/limits';
import type { Failure } from '../../lib/util/result';
import { say, sayFailureLines } from '../../utils/i18n';
import { isLedgerFile, readBatchFiles } from '../../utils/import-files';
import { sendMessage } from '../../utils/messaging';
import { sendLarge } from '../../utils/page-channel';

export function useBatchImport(onChanged: () => Promise<void>) {
  const [state, setState] = useState<BatchState>({ step: 'idle' });
  const [files, setFiles] = useState<BatchFileRequest[]>([]);

  async function choose(list: readonly File[]) {
    if (!list.length) return;
    const picked = list.slice(0, MAX_BATCH_FILES);
    setState({ step: 'reading', count: picked.length });
    // A ledger is matched against the records here: the background reads them while the page reads the files.
    if (picked.some(isLedgerFile)) void sendMessage('prepareLedgerImport', {}).catch(() => {});
    let read: { files: BatchFileRequest[]; problems: Message[] };
    try {
      read = await readBatchFiles(picked);
    } catch (e) {
      return setState({ step: 'error', lines: [say(REFUSED), String(e)] });
    }
    const lines = read.problems.map(say);
    if (read.files.length) {
      // The files read well go to the background even when others did not: their problems are told at once too.
      const r = await sendLarge('previewImportBatch', { files: read.files }).catch((e: Error): Failure => ({ ok: false, error: e.message }));
      if (r.ok && !lines.length) {
        setFiles(read.files);
        return setState({ step: 'preview', preview: r.value });
      }
      if (!r.ok) lines.push(...(r.code === REFUSED.code ? (r.details ?? []).map(say) : sayFailureLines(r)));
    }
    setState({ step: 'error', lines: [say(REFUSED), ...lines] });
  }

  async function apply() {
    if (state.step !== 'preview') return;
    const { preview } = state;
    setState({ step: 'applying', preview });
    const r = await sendMessage('applyImportBatch', { files, importId: crypto.randomUUID() }).catch((e: Error) => ({ ok: false as const, error: e.message }));
    setFiles([]);
    const last = r.ok ? await sendMessage('getLastImport', {}).catch(() => undefined) : undefined;
    setState(r.ok ? { step: 'done', result: r.value, undoId: last?.ok ? last.value?.id : undefined } : { step: 'error', lines: sayFailureLines(r) });
    await onChanged();
  }

  async function undo(id: number) {
    const r = await sendMessage('undoLastImport', { id }).catch((e: Error) => ({ ok: false as const, error: e.message }));
    setState(r.ok ? { step: 'undone' } : { step: 'error', lines: sayFailureLines(r) });
    await onChanged();
  }

  const cancel = () => {
    setFiles([]);
    setState({ step: 'idle' });
  };

  return { state, choose, apply, undo, cancel };
}
