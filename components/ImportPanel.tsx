import { useEffect, useRef } from 'preact/hooks';
import type { ImportOutcome } from '../lib/protocol';
import type { LedgerReport } from '../lib/transfer/ledger-import';
import { ImportPreviewPanel } from './ImportPreviewPanel';
import { LedgerReportPanel } from './LedgerReportPanel';
import { t } from '../utils/i18n';
import { OTHER_SPREADSHEET_ACCEPT, XLSX_MIME } from '../utils/import-files';

export type ImportState =
  | { step: 'idle' }
  | { step: 'reading'; fileName: string }
  /** `ledger`: a ledger (.xlsx) was chosen: its sheets and rows that matched nothing. */
  | { step: 'preview'; fileName: string; preview: ImportOutcome; ledger?: LedgerReport }
  | { step: 'applying'; fileName: string; preview: ImportOutcome; ledger?: LedgerReport }
  /** The background never answered and the import did not land: the preview stays, to retry. */
  | { step: 'interrupted'; fileName: string; preview: ImportOutcome; ledger?: LedgerReport; message: string }
  | { step: 'done'; fileName: string; result: ImportOutcome }
  /** `lines`: the headline (what happened), then what is wrong, one a line. */
  | { step: 'error'; fileName?: string; lines: string[] };

interface Props {
  state: ImportState;
  onChoose: (file: File) => void;
  onApply: () => void;
  onCancel: () => void;
}

/** Choose a file, see what it would change, then import it or not (popup). */
export function ImportPanel({ state, onChoose, onApply, onCancel }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const focusTarget = useRef<HTMLElement>(null);
  // Keyboard and screen-reader users land on what just appeared.
  useEffect(() => {
    if (state.step === 'preview' || state.step === 'done' || state.step === 'error' || state.step === 'interrupted') focusTarget.current?.focus();
  }, [state.step]);

  const busy = state.step === 'reading' || state.step === 'applying';
  return (
    <section class="import" aria-labelledby="import-h">
      <h2 id="import-h" class="sr-only">
        {t('import.heading')}
      </h2>
      <input
        ref={input}
        type="file"
        accept={`.json,application/json,.xlsx,${XLSX_MIME},${OTHER_SPREADSHEET_ACCEPT}`}
        class="sr-only"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="import-file"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) onChoose(file);
        }}
      />
      {(state.step === 'idle' || state.step === 'done' || state.step === 'error') && (
        <button type="button" data-action="choose-import" disabled={busy} onClick={() => input.current?.click()}>
          {t('import.choose')}
        </button>
      )}
      {state.step === 'reading' && (
        <p role="status">{t('import.checking', { file: state.fileName })}</p>
      )}
      {(state.step === 'preview' || state.step === 'applying' || state.step === 'interrupted') && (
        <div class="panel" data-testid="import-preview">
          {state.step === 'interrupted' ? (
            <p class="error" role="alert" tabIndex={-1} ref={focusTarget as never} data-testid="import-interrupted">
              {state.message}
            </p>
          ) : (
            <h3 tabIndex={-1} ref={focusTarget as never}>
              {t('import.previewTitle', { file: state.fileName })}
            </h3>
          )}
          <ImportPreviewPanel outcome={state.preview} />
          {state.ledger && <LedgerReportPanel report={state.ledger} />}
          {!state.preview.changes && (
            <p class="muted">{t('import.noChange')}</p>
          )}
          {state.step === 'applying' && (
            <p role="status" data-testid="import-applying">
              {t('import.applying')}
            </p>
          )}
          <div class="actions">
            {/* A file that changes nothing has nothing to confirm (applying it writes nothing): only 关闭. */}
            {state.preview.changes && (
              <button type="button" class="primary" data-action="apply-import" disabled={state.step === 'applying'} onClick={onApply}>
                {state.step === 'interrupted' ? t('import.retry') : t('import.apply')}
              </button>
            )}
            <button type="button" data-action="cancel-import" disabled={state.step === 'applying'} onClick={onCancel}>
              {state.preview.changes ? t('common.cancel') : t('common.close')}
            </button>
          </div>
        </div>
      )}
      {state.step === 'done' && (
        <div class="panel ok" role="status" tabIndex={-1} ref={focusTarget as never} data-testid="import-done">
          <p>{t('import.done', { file: state.fileName, ...state.result.counts })}</p>
        </div>
      )}
      {state.step === 'error' && (
        <div class="panel error" role="alert" tabIndex={-1} ref={focusTarget as never} data-testid="import-error">
          {state.lines.map((line, i) => (i === 0 ? <p key={i} class="headline">{line}</p> : <p key={i}>{line}</p>))}
        </div>
      )}
    </section>
  );
}
