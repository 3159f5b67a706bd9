import { useEffect, useRef } from 'preact/hooks';
import type { ImportOutcome } from '../lib/protocol';
import { ImportPreviewPanel } from './ImportPreviewPanel';
import { ZhEn } from './ZhEn';

export type ImportState =
  | { step: 'idle' }
  | { step: 'reading'; fileName: string }
  | { step: 'preview'; fileName: string; preview: ImportOutcome }
  | { step: 'applying'; fileName: string; preview: ImportOutcome }
  /** The background never answered and the import did not land: the preview stays, to retry. */
  | { step: 'interrupted'; fileName: string; preview: ImportOutcome; message: string }
  | { step: 'done'; fileName: string; result: ImportOutcome }
  | { step: 'error'; fileName?: string; message: string };

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
        导入 Import
      </h2>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
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
          <ZhEn zh="导入文件…" en="Import a file…" />
        </button>
      )}
      {state.step === 'reading' && (
        <p role="status">
          <ZhEn zh={`正在检查 ${state.fileName}…`} en="Checking the file…" />
        </p>
      )}
      {(state.step === 'preview' || state.step === 'applying' || state.step === 'interrupted') && (
        <div class="panel" data-testid="import-preview">
          {state.step === 'interrupted' ? (
            <p class="error" role="alert" tabIndex={-1} ref={focusTarget as never} data-testid="import-interrupted">
              {state.message}
            </p>
          ) : (
            <h3 tabIndex={-1} ref={focusTarget as never}>
              <ZhEn zh={`导入预览：${state.fileName}`} en="Import preview" />
            </h3>
          )}
          <ImportPreviewPanel outcome={state.preview} />
          {!state.preview.changes && (
            <p class="muted">
              <ZhEn zh="此文件不会带来任何变化。" en="This file changes nothing." />
            </p>
          )}
          {state.step === 'applying' && (
            <p role="status" data-testid="import-applying">
              <ZhEn zh="正在导入…" en="Importing…" />
            </p>
          )}
          <div class="actions">
            <button type="button" class="primary" data-action="apply-import" disabled={state.step === 'applying'} onClick={onApply}>
              {state.step === 'interrupted' ? <ZhEn zh="重试导入" en="Try again" /> : <ZhEn zh="确认导入" en="Import" />}
            </button>
            <button type="button" data-action="cancel-import" disabled={state.step === 'applying'} onClick={onCancel}>
              <ZhEn zh="取消" en="Cancel" />
            </button>
          </div>
        </div>
      )}
      {state.step === 'done' && (
        <div class="panel ok" role="status" tabIndex={-1} ref={focusTarget as never} data-testid="import-done">
          <p>
            <ZhEn
              zh={`已导入 ${state.fileName}：新增 ${state.result.counts.new}，更新 ${state.result.counts.updated}，冲突 ${state.result.counts.conflict}，不变 ${state.result.counts.unchanged}`}
              en={`Imported: ${state.result.counts.new} new, ${state.result.counts.updated} updated, ${state.result.counts.conflict} conflicts, ${state.result.counts.unchanged} unchanged`}
            />
          </p>
        </div>
      )}
      {state.step === 'error' && (
        <div class="panel error" role="alert" tabIndex={-1} ref={focusTarget as never} data-testid="import-error">
          {state.message.split('\n').map((line, i) => (i === 0 ? <p key={i} class="headline">{line}</p> : <p key={i}>{line}</p>))}
        </div>
      )}
    </section>
  );
}
