import { useCallback, useEffect, useState } from 'preact/hooks';
import { BackupStatus } from '../../components/BackupStatus';
import { ExportButtons } from '../../components/ExportButtons';
import { ImportPanel, type ImportState } from '../../components/ImportPanel';
import { ProgressSummary } from '../../components/ProgressSummary';
import { ZhEn } from '../../components/ZhEn';
import { IMPORT_LIMITS, tooLargeMessage, REFUSED } from '../../lib/transfer/limits';
import type { ExportFormat } from '../../lib/transfer/protocol';
import type { PopupSummary } from '../../lib/transfer/summary';
import { sendMessage } from '../../utils/messaging';
import { activeTabUrl, downloadText, openItem, openOverview } from './browser';

type Load = { state: 'loading' } | { state: 'ready'; summary: PopupSummary } | { state: 'failed'; error: string };

/** The toolbar popup: where the year stands, per notice, and export / import for colleagues. */
export function App() {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [busy, setBusy] = useState(false);
  const [exported, setExported] = useState<{ ok: boolean; text: string } | undefined>();
  const [imp, setImp] = useState<ImportState>({ step: 'idle' });
  const [fileText, setFileText] = useState<string>('');

  const refresh = useCallback(async () => {
    try {
      const r = await sendMessage('getPopupSummary', { activeUrl: await activeTabUrl() });
      setLoad(r.ok ? { state: 'ready', summary: r.value } : { state: 'failed', error: r.error });
    } catch (e) {
      setLoad({ state: 'failed', error: String(e) });
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  // duban:popup-summary marks the first render of the summary (scripts/bench/transfer.ts reads it).
  useEffect(() => {
    if (load.state === 'ready' && !performance.getEntriesByName('duban:popup-summary').length) performance.mark('duban:popup-summary');
  }, [load.state]);

  async function exportFile(format: ExportFormat, noticeKeys?: string[]) {
    setBusy(true);
    try {
      const r = await sendMessage('exportAnnotations', { format, ...(noticeKeys && { noticeKeys }) });
      if (!r.ok) {
        setExported({ ok: false, text: r.error });
        return;
      }
      downloadText(r.value.filename, r.value.mimeType, r.value.text);
      setExported({ ok: true, text: `已导出 Exported: ${r.value.filename}（${r.value.items} 项 items）` });
      if (format === 'json') await refresh();
    } catch (e) {
      setExported({ ok: false, text: `导出失败 / export failed: ${String(e)}` });
    } finally {
      setBusy(false);
    }
  }

  async function chooseFile(file: File) {
    if (file.size > IMPORT_LIMITS.maxBytes) {
      setImp({ step: 'error', fileName: file.name, message: `${REFUSED}\n${tooLargeMessage(file.size)}` });
      return;
    }
    setImp({ step: 'reading', fileName: file.name });
    try {
      const text = await file.text();
      const r = await sendMessage('previewImport', { text });
      if (!r.ok) return setImp({ step: 'error', fileName: file.name, message: r.error });
      setFileText(text);
      setImp({ step: 'preview', fileName: file.name, preview: r.value });
    } catch (e) {
      setImp({ step: 'error', fileName: file.name, message: `${REFUSED}\n${String(e)}` });
    }
  }

  async function applyFile() {
    if (imp.step !== 'preview') return;
    const { fileName, preview } = imp;
    setImp({ step: 'applying', fileName, preview });
    try {
      const r = await sendMessage('applyImport', { text: fileText });
      setImp(r.ok ? { step: 'done', fileName, result: r.value } : { step: 'error', fileName, message: r.error });
    } catch (e) {
      setImp({ step: 'error', fileName, message: `${REFUSED}\n${String(e)}` });
    }
    setFileText('');
    await refresh();
  }

  const summary = load.state === 'ready' ? load.summary : undefined;
  return (
    <main aria-busy={load.state === 'loading'}>
      <header class="top">
        <h1>
          督办
          <span class="en" lang="en">
            duban
          </span>
        </h1>
        <button type="button" class="primary" data-action="overview" onClick={() => void openOverview()}>
          <ZhEn zh="总览" en="Overview" />
        </button>
      </header>

      {load.state === 'loading' && (
        <p class="muted" role="status">
          <ZhEn zh="加载中…" en="Loading…" />
        </p>
      )}
      {load.state === 'failed' && (
        <p class="error" role="alert">
          <ZhEn zh="无法读取批注" en="Could not read the annotations" />: {load.error}
        </p>
      )}

      {summary && (
        <>
          <BackupStatus summary={summary} busy={busy} onBackup={() => void exportFile('json')} />
          {summary.notices.length === 0 && (
            <p class="empty" data-testid="empty">
              <ZhEn
                zh="还没有批注。打开拱墅区政府网站上的责任分解通知，在事项旁记录进度；或导入同事的文件。"
                en="No annotations yet. Open a breakdown notice on the Gongshu site and annotate its items, or import a colleague's file."
              />
            </p>
          )}
          {summary.notices.map((n) => (
            <ProgressSummary
              key={n.key}
              notice={n}
              busy={busy}
              onOpen={(href) => void openItem(href)}
              onExport={(f, keys) => void exportFile(f, keys)}
              onOverview={() => void openOverview()}
            />
          ))}
        </>
      )}

      <section class="transfer" aria-labelledby="transfer-h">
        <h2 id="transfer-h">
          <ZhEn zh="导出与导入" en="Export and import" />
        </h2>
        {summary && summary.annotations > 0 && <ExportButtons busy={busy} scope="全部 all" onExport={(f) => void exportFile(f)} />}
        {exported && (
          <p class={exported.ok ? 'muted' : 'error'} role={exported.ok ? 'status' : 'alert'} data-testid="export-status">
            {exported.text}
          </p>
        )}
        <ImportPanel state={imp} onChoose={(f) => void chooseFile(f)} onApply={() => void applyFile()} onCancel={() => setImp({ step: 'idle' })} />
      </section>
    </main>
  );
}
