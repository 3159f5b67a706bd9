/**
 * The popup's import flow: choose a file (size and UTF-8 checked here, the rest by the background),
 * preview, apply, and undo the last import. An apply the background never answered (its service
 * worker stopped) is looked up by its request id: it either landed whole or not at all, and
 * applying again is always safe (the same file twice changes nothing more).
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ImportState } from '../../components/ImportPanel';
import type { UndoState } from '../../components/UndoImport';
import { REFUSED } from '../../lib/transfer/limits';
import { checkFileSize, decodeImportFile } from '../../lib/transfer/read-file';
import type { UndoableImport } from '../../lib/db/restore-point';
import { say, sayFailureLines, t } from '../../utils/i18n';
import type { LedgerGrid } from '../../lib/transfer/ledger-grid';
import { isLedgerFile, otherSpreadsheetProblem } from '../../utils/import-files';
import { previewLedger } from '../../utils/ledger-files';
import { sendMessage } from '../../utils/messaging';

export function useImport(onChanged: () => Promise<void>) {
  const [imp, setImp] = useState<ImportState>({ step: 'idle' });
  const [last, setLast] = useState<UndoableImport | null>(null);
  const [undo, setUndo] = useState<UndoState>({ step: 'idle' });
  // The chosen file's text (a ledger's cells) and the id of its apply request, kept for a retry.
  const pending = useRef<({ text: string } | { grid: LedgerGrid }) & { importId: string } | undefined>(undefined);

  // Asked again while the background (re)starts: a stopped worker may drop the first request.
  const loadLast = useCallback(async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const r = await sendMessage('getLastImport', {}).catch(() => undefined);
      if (r?.ok) return setLast(r.value);
      await new Promise((res) => setTimeout(res, 200 * (attempt + 1)));
    }
  }, []);
  useEffect(() => {
    void loadLast();
  }, [loadLast]);

  async function choose(file: File) {
    setUndo({ step: 'idle' });
    pending.current = undefined;
    const fileName = file.name;
    const refused = (reason: string) => setImp({ step: 'error', fileName, lines: [say(REFUSED), reason] });
    const tooLarge = checkFileSize(file.size);
    if (tooLarge && !tooLarge.ok) return refused(say(tooLarge.error));
    const other = otherSpreadsheetProblem(file);
    if (other) return refused(say(other));
    setImp({ step: 'reading', fileName });
    try {
      if (isLedgerFile(file)) {
        // A ledger (.xlsx): read here, matched by the background into the JSON import's file.
        const r = await previewLedger(file);
        if (!r.ok) return setImp({ step: 'error', fileName, lines: sayFailureLines(r) });
        pending.current = { grid: r.value.grid, importId: crypto.randomUUID() };
        return setImp({ step: 'preview', fileName, preview: r.value.preview, ledger: r.value.ledger });
      }
      const decoded = decodeImportFile(new Uint8Array(await file.arrayBuffer()));
      if (!decoded.ok) return refused(say(decoded.error));
      const r = await sendMessage('previewImport', { text: decoded.text });
      if (!r.ok) return setImp({ step: 'error', fileName, lines: sayFailureLines(r) });
      pending.current = { text: decoded.text, importId: crypto.randomUUID() };
      setImp({ step: 'preview', fileName, preview: r.value });
    } catch (e) {
      refused(String(e));
    }
  }

  async function apply() {
    const request = pending.current;
    if ((imp.step !== 'preview' && imp.step !== 'interrupted') || !request) return;
    const { fileName, preview, ledger } = imp;
    setImp({ step: 'applying', fileName, preview, ledger });
    try {
      const { importId } = request;
      const r = await ('grid' in request
        ? sendMessage('applyLedgerImport', { grid: request.grid, fileName, importId })
        : sendMessage('applyImport', { text: request.text, fileName, importId }));
      pending.current = undefined;
      setImp(r.ok ? { step: 'done', fileName, result: r.value } : { step: 'error', fileName, lines: sayFailureLines(r) });
    } catch {
      // No answer: ask the (restarted) background whether this very request was written.
      const r = await sendMessage('getLastImport', {}).catch(() => undefined);
      if (r?.ok && r.value?.importId === request.importId) {
        pending.current = undefined;
        setImp({ step: 'done', fileName, result: { ...preview, counts: r.value.counts } });
      } else {
        setImp({ step: 'interrupted', fileName, preview, ledger, message: r?.ok ? t('import.interrupted') : t('import.interruptedUnknown') });
      }
    }
    await Promise.all([onChanged(), loadLast()]);
  }

  function cancel() {
    pending.current = undefined;
    setImp({ step: 'idle' });
  }

  async function undoLast(id: number) {
    const undone = last;
    setUndo({ step: 'working' });
    try {
      const r = await sendMessage('undoLastImport', { id });
      setUndo(r.ok ? { step: 'done', fileName: r.value.fileName ?? undone?.fileName } : { step: 'refused', lines: sayFailureLines(r) });
      if (r.ok) setImp({ step: 'idle' });
    } catch {
      // No answer: the undo is one transaction, so its restore point is gone exactly when it landed.
      const r = await sendMessage('getLastImport', {}).catch(() => undefined);
      if (!r?.ok) setUndo({ step: 'refused', lines: [t('undo.unknown')] });
      else if (r.value?.id !== id) setUndo({ step: 'done', fileName: undone?.fileName });
      else setUndo({ step: 'refused', lines: [t('undo.interrupted')] });
    }
    await Promise.all([onChanged(), loadLast()]);
  }

  return { imp, last, undo, choose, apply, cancel, undoLast };
}
