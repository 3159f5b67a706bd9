/**
 * Collecting from units in the overview: several files picked or dropped at once, each read and
 * checked (size, UTF-8) here, then one preview of all of them from the background, applied as one
 * batch (one transaction, one restore point) and undone as one.
 */
import { useState } from 'preact/hooks';
import type { BatchState } from '../../components/BatchImport';
import { MAX_BATCH_FILES, REFUSED } from '../../lib/transfer/limits';
import { checkFileSize, decodeImportFile } from '../../lib/transfer/read-file';
import { say, sayFailureLines } from '../../utils/i18n';
import { sendMessage } from '../../utils/messaging';

export function useBatchImport(onChanged: () => Promise<void>) {
  const [state, setState] = useState<BatchState>({ step: 'idle' });
  const [files, setFiles] = useState<{ fileName: string; text: string }[]>([]);

  async function choose(list: readonly File[]) {
    if (!list.length) return;
    const picked = list.slice(0, MAX_BATCH_FILES);
    setState({ step: 'reading', count: picked.length });
    const read: { fileName: string; text: string }[] = [];
    for (const file of picked) {
      const refused = (reason: string) => setState({ step: 'error', lines: [say(REFUSED), `${file.name}: ${reason}`] });
      const tooLarge = checkFileSize(file.size);
      if (tooLarge && !tooLarge.ok) return refused(say(tooLarge.error));
      const decoded = decodeImportFile(new Uint8Array(await file.arrayBuffer()));
      if (!decoded.ok) return refused(say(decoded.error));
      read.push({ fileName: file.name, text: decoded.text });
    }
    const r = await sendMessage('previewImportBatch', { files: read }).catch((e: Error) => ({ ok: false as const, error: e.message }));
    if (!r.ok) return setState({ step: 'error', lines: sayFailureLines(r) });
    setFiles(read);
    setState({ step: 'preview', preview: r.value });
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
