import { useEffect, useRef } from 'preact/hooks';
import type { UndoableImport } from '../lib/db/restore-point';
import { shanghaiDateTimeOf } from '../lib/annotation/shanghai-time';
import { ZhEn } from './ZhEn';

export type UndoState =
  | { step: 'idle' }
  | { step: 'working' }
  | { step: 'done'; fileName?: string }
  | { step: 'refused'; message: string };

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
            <ZhEn
              zh={`上次导入：${last.fileName ?? '（文件名未知）'}，${shanghaiDateTimeOf(last.at)}（新增 ${last.counts.new}，更新 ${last.counts.updated}，冲突 ${last.counts.conflict}）`}
              en={`Last import: ${last.fileName ?? '(unknown file)'}, ${shanghaiDateTimeOf(last.at)} Shanghai time`}
            />
          </p>
          <button type="button" data-action="undo-import" disabled={disabled || state.step === 'working'} onClick={() => onUndo(last.id)}>
            <ZhEn zh="撤销上次导入" en="Undo last import" />
          </button>
        </div>
      )}
      {state.step === 'done' && (
        <div class="panel ok" role="status" tabIndex={-1} ref={message} data-testid="undo-done">
          <p>
            <ZhEn
              zh={`已撤销导入${state.fileName ? `「${state.fileName}」` : ''}：数据已恢复到导入之前。`}
              en="Import undone: the data is back as it was before."
            />
          </p>
        </div>
      )}
      {state.step === 'refused' && (
        <div class="panel error" role="alert" tabIndex={-1} ref={message} data-testid="undo-error">
          {state.message.split('\n').map((line, i) => (
            <p key={i}>{line}</p>
          ))}
        </div>
      )}
    </div>
  );
}
