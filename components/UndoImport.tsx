import { useEffect, useRef } from 'preact/hooks';
import type { UndoableImport } from '../lib/db/restore-point';
import { shanghaiDateTimeOf } from '../lib/annotation/shanghai-time';
import { t } from '../utils/i18n';

export type UndoState =
  | { step: 'idle' }
  | { step: 'working' }
  | { step: 'done'; fileName?: string }
  /** `lines`: why, one a line. */
  | { step: 'refused'; lines: string[] };

interface Props {
  /** The import that can be undone, if any. */
  last: UndoableImport | null;
  state: UndoState;
  /** An import is being previewed or applied. */
  disabled: boolean;
  onUndo: (id: number) => void;
}

/** "Undo last import", with the time and file of that import, and what the undo did (popup). */
export function UndoImport({ last, state, disabled, onUndo }: Props) {
  const message = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.step === 'done' || state.step === 'refused') message.current?.focus();
  }, [state.step]);

  return (
    <div class="undo-import">
      {last && (
        <div class="panel" data-testid="undo-import">
          <p>
            {t('undo.last', {
              file: last.fileName ?? t('undo.unknownFile'),
              at: shanghaiDateTimeOf(last.at),
              new: last.counts.new,
              updated: last.counts.updated,
              conflict: last.counts.conflict,
            })}
          </p>
          <button type="button" data-action="undo-import" disabled={disabled || state.step === 'working'} onClick={() => onUndo(last.id)}>
            {t('undo.button')}
          </button>
        </div>
      )}
      {state.step === 'done' && (
        <div class="panel ok" role="status" tabIndex={-1} ref={message} data-testid="undo-done">
          <p>{state.fileName ? t('undo.doneFile', { file: state.fileName }) : t('undo.done')}</p>
        </div>
      )}
      {state.step === 'refused' && (
        <div class="panel error" role="alert" tabIndex={-1} ref={message} data-testid="undo-error">
          {state.lines.map((line, i) => (
            <p key={i}>{line}</p>
          ))}
        </div>
      )}
    </div>
  );
}
