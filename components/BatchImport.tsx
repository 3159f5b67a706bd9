import { Fragment } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { BatchOutcome } from '../lib/protocol';
import { itemLabel, numbers, t } from '../utils/i18n';
import { OTHER_SPREADSHEET_ACCEPT, XLSX_MIME } from '../utils/import-files';
import { LedgerReportPanel } from './LedgerReportPanel';

export type BatchState =
  | { step: 'idle' }
  | { step: 'reading'; count: number }
  | { step: 'preview'; preview: BatchOutcome }
  | { step: 'applying'; preview: BatchOutcome }
  | { step: 'done'; result: BatchOutcome; undoId?: number }
  | { step: 'undone' }
  | { step: 'error'; lines: string[] };

interface Props {
  state: BatchState;
  onChoose(files: File[]): void;
  onApply(): void;
  onCancel(): void;
  onUndo(id: number): void;
}

/**
 * Collect from units (overview): pick or drop several files, JSON files and edited ledgers; one
 * preview lists each file's new and changed items (a ledger's, what its sheets and rows matched);
 * they are imported together, and undone together.
 */
export function BatchImport({ state, onChoose, onApply, onCancel, onUndo }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const focusTarget = useRef<HTMLElement>(null);
  const [over, setOver] = useState(false);
  useEffect(() => {
    if (state.step === 'preview' || state.step === 'done' || state.step === 'error') focusTarget.current?.focus();
  }, [state.step]);
  const busy = state.step === 'reading' || state.step === 'applying';
  const files = (list: FileList | null | undefined) => [...(list ?? [])];

  return (
    <section
      class={`batch-import no-print${over ? ' over' : ''}`}
      data-testid="batch-import"
      aria-label={t('batch.choose')}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        if (!busy) onChoose(files(e.dataTransfer?.files));
      }}
    >
      <input
        ref={input}
        type="file"
        multiple
        accept={`.json,application/json,.xlsx,${XLSX_MIME},${OTHER_SPREADSHEET_ACCEPT}`}
        class="sr-only"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="batch-files"
        onChange={(e) => {
          const list = files(e.currentTarget.files);
          e.currentTarget.value = '';
          onChoose(list);
        }}
      />
      <button type="button" data-action="choose-batch" disabled={busy} onClick={() => input.current?.click()}>
        {t('batch.choose')}
      </button>
      <span class="muted"> {t('batch.drop')}</span>
      {state.step === 'reading' && <p role="status">{t('batch.reading', state.count)}</p>}
      {(state.step === 'preview' || state.step === 'applying') && (
        <div class="panel" data-testid="batch-preview">
          <h3 tabIndex={-1} ref={focusTarget as never}>
            {t('batch.previewTitle', state.preview.files.length)}
          </h3>
          <ul>
            {state.preview.files.map((f, i) => (
              // Two units may send files of the same name: the key is the place in the batch.
              <li key={i} data-file={f.fileName}>
                <p>{t('batch.file', { file: f.fileName, ...f.preview.counts })}</p>
                {f.preview.notices.map((n) => (
                  <Fragment key={n.key}>
                    <p class="muted">
                      {n.docNo ?? n.title}: {t('batch.items', { new: numbers(n.itemKeys.new.map(itemLabel)) || '—', updated: numbers([...n.itemKeys.updated, ...n.itemKeys.conflict].map(itemLabel)) || '—' })}
                    </p>
                    {/* Said apart: a unit's ledger with 进展情况 cells deleted would wipe those notes. */}
                    {n.changed?.noteCleared && (
                      <p class="cleared" data-field="noteCleared">
                        {t('import.kindItems', { kind: t('import.changed.noteCleared'), items: numbers(n.changed.noteCleared.map(itemLabel)) })}
                      </p>
                    )}
                  </Fragment>
                ))}
                {f.ledger && <LedgerReportPanel report={f.ledger} />}
              </li>
            ))}
          </ul>
          {/* Two units may report one item differently: the rule that decides, said before it applies. */}
          {state.preview.files.length > 1 && <p class="muted" data-testid="batch-order">{t('batch.orderRule')}</p>}
          {/* Files that change nothing have nothing to confirm (applying them writes nothing): only 关闭. */}
          {state.preview.changes ? <p class="muted">{t('batch.undoHint')}</p> : <p class="muted" data-testid="batch-no-change">{t('batch.noChange')}</p>}
          <div class="actions">
            {state.preview.changes && (
              <button type="button" class="primary" data-action="apply-batch" disabled={state.step === 'applying'} onClick={onApply}>
                {t('batch.apply')}
              </button>
            )}
            <button type="button" data-action="cancel-batch" disabled={state.step === 'applying'} onClick={onCancel}>
              {state.preview.changes ? t('common.cancel') : t('common.close')}
            </button>
          </div>
        </div>
      )}
      {state.step === 'done' && (
        <div class="panel ok" role="status" tabIndex={-1} ref={focusTarget as never} data-testid="batch-done">
          <p>{t('batch.done', { files: state.result.files.length, ...state.result.counts })}</p>
          {state.undoId !== undefined && (
            <button type="button" data-action="undo-batch" onClick={() => onUndo(state.undoId!)}>
              {t('undo.button')}
            </button>
          )}
        </div>
      )}
      {state.step === 'undone' && (
        <p role="status" data-testid="batch-undone">
          {t('undo.done')}
        </p>
      )}
      {state.step === 'error' && (
        <div class="panel error" role="alert" tabIndex={-1} ref={focusTarget as never} data-testid="batch-error">
          {state.lines.map((line, i) => (
            <p key={i}>{line}</p>
          ))}
        </div>
      )}
    </section>
  );
}
