import type { SaveStatus } from '../lib/annotation/save-queue';
import { MAX_NOTE_LENGTH } from '../lib/annotation/status';
import { TEXT } from '../lib/overlay-text';

interface Props {
  value: string;
  save: SaveStatus;
  /** Every keystroke: the caller debounces the save. */
  onInput: (text: string) => void;
  /** Leaving the editor saves at once. */
  onBlur: () => void;
}

/** A plain-text, multi-line note with its save state (已保存 / 未保存 / 保存中 / 保存失败). */
export function NoteEditor({ value, save, onInput, onBlur }: Props) {
  return (
    <div class="note">
      <textarea
        rows={1}
        maxLength={MAX_NOTE_LENGTH}
        aria-label={TEXT.note}
        placeholder={TEXT.notePlaceholder}
        title={TEXT.noteHint}
        value={value}
        onInput={(e) => onInput(e.currentTarget.value)}
        onBlur={onBlur}
      />
      <span
        class={`save save-${save.state}`}
        role="status"
        aria-live="polite"
        title={save.state === 'failed' ? `${TEXT.retrying}${save.error ? ` (${save.error})` : ''}` : undefined}
      >
        {TEXT.save[save.state]}
      </span>
    </div>
  );
}
