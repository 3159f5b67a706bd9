import { useCallback, useEffect, useState } from 'preact/hooks';
import { AuthorForm } from '../../components/AuthorForm';
import { BackupStatus } from '../../components/BackupStatus';
import { ExportButtons, type FileFormat } from '../../components/ExportButtons';
import { ImportPanel } from '../../components/ImportPanel';
import { ProgressSummary } from '../../components/ProgressSummary';
import { UndoImport } from '../../components/UndoImport';
import type { PopupSummary } from '../../lib/summary/summary';
import { sayFailure, t } from '../../utils/i18n';
import { exportLedger } from '../../utils/ledger-files';
import { sendMessage } from '../../utils/messaging';
import { useAuthors } from '../../utils/use-author';
import { activeTabId, downloadText, openItem, openOverview } from './browser';
import { RecognisePage } from './RecognisePage';
import { useImport } from './use-import';

type Load = { state: 'loading' } | { state: 'ready'; summary: PopupSummary } | { state: 'failed'; error: string };

async function requestSummary(): Promise<Load> {
  try {
    const r = await sendMessage('getPopupSummary', { activeTabId: await activeTabId() });
    return r.ok ? { state: 'ready', summary: r.value } : { state: 'failed', error: sayFailure(r) };
  } catch (e) {
    return { state: 'failed', error: String(e) };
  }
}

/** The toolbar popup: where the year stands, per notice, and export / import for colleagues. */
export function App() {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [busy, setBusy] = useState(false);
  const [exported, setExported] = useState<{ ok: boolean; text: string } | undefined>();

  // The first request leaves while the first frame is drawn, not after it (effects run after paint).
  const [first] = useState(requestSummary);
  useEffect(() => {
    void first.then(setLoad);
  }, [first]);
  const refresh = useCallback(async () => setLoad(await requestSummary()), []);
  const imports = useImport(refresh);
  const who = useAuthors();
  const importing = imports.imp.step === 'reading' || imports.imp.step === 'applying';
  // duban:popup-summary marks the first render of the summary (scripts/bench/transfer.ts reads it).
  useEffect(() => {
    if (load.state === 'ready' && !performance.getEntriesByName('duban:popup-summary').length) performance.mark('duban:popup-summary');
  }, [load.state]);

  async function exportFile(format: FileFormat, noticeKeys?: string[]) {
    setBusy(true);
    try {
      if (format === 'xlsx') {
        const r = await exportLedger(noticeKeys);
        setExported(r.ok ? { ok: true, text: t('popup.exported', r.value.items, { file: r.value.filename }) } : { ok: false, text: sayFailure(r) });
        return;
      }
      const r = await sendMessage('exportAnnotations', { format, ...(noticeKeys && { noticeKeys }) });
      if (!r.ok) {
        setExported({ ok: false, text: sayFailure(r) });
        return;
      }
      downloadText(r.value.filename, r.value.mimeType, r.value.text);
      setExported({ ok: true, text: t('popup.exported', r.value.items, { file: r.value.filename }) });
      if (format === 'json') await refresh();
    } catch (e) {
      setExported({ ok: false, text: t('popup.exportFailed', { detail: String(e) }) });
    } finally {
      setBusy(false);
    }
  }

  const summary = load.state === 'ready' ? load.summary : undefined;
  // With one annotated notice, its own export is the "all notices" export: offer it once.
  const annotatedNotices = summary ? summary.notices.filter((n) => n.annotated > 0).length : 0;
  return (
    <main aria-busy={load.state === 'loading'}>
      <header class="top">
        <h1>{t('popup.title')}</h1>
        <button type="button" class="primary" data-action="overview" onClick={() => void openOverview()}>
          {t('popup.overview')}
        </button>
      </header>
      {who.authors && !who.authors.asked && <AuthorForm onSave={who.save} onSkip={() => void who.skip()} idPrefix="popup-author" autoFocus />}
      {who.saved && who.authors?.asked && (
        <p class="author-saved" role="status" data-testid="author-saved">
          {t('authors.form.saved', { who: who.saved })}
        </p>
      )}
      <RecognisePage onRecognised={() => void refresh()} />

      {load.state === 'loading' && (
        <p class="muted" role="status">
          {t('common.loading')}
        </p>
      )}
      {load.state === 'failed' && (
        <p class="error" role="alert">
          {t('popup.loadFailed', { detail: load.error })}
        </p>
      )}

      {summary && (
        <>
          <BackupStatus summary={summary} busy={busy} onBackup={() => void exportFile('json')} />
          {summary.notices.length === 0 && (
            <p class="empty" data-testid="empty">
              {t('popup.empty')}
            </p>
          )}
          {summary.notices.map((n, i) => (
            <ProgressSummary
              onExport={annotatedNotices > 1 && n.annotated > 0 ? (f, keys) => void exportFile(f, keys) : undefined}
              key={n.key}
              notice={n}
              first={i === 0}
              busy={busy}
              onOpen={(href) => void openItem(href)}
              onOverview={() => void openOverview()}
            />
          ))}
        </>
      )}

      <section class="transfer" aria-labelledby="transfer-h">
        <h2 id="transfer-h">
          {t('popup.transfer')}
        </h2>
        {summary && summary.annotations > 0 && <ExportButtons busy={busy} scope={t('popup.allNotices')} onExport={(f) => void exportFile(f)} />}
        {exported && (
          <p class={exported.ok ? 'muted' : 'error'} role={exported.ok ? 'status' : 'alert'} data-testid="export-status">
            {exported.text}
          </p>
        )}
        <ImportPanel
          state={imports.imp}
          onChoose={(f) => void imports.choose(f)}
          onApply={() => void imports.apply()}
          onCancel={imports.cancel}
        />
        <UndoImport last={imports.last} state={imports.undo} disabled={importing} onUndo={(id) => void imports.undoLast(id)} />
      </section>
    </main>
  );
}
