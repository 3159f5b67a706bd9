import { useRef, useState } from 'preact/hooks';
import type { EditableFields, ItemView } from '../lib/annotation/item-store';
import { ITEM_STATUSES, MAX_NOTE_LENGTH, type ItemStatus } from '../lib/annotation/status';
import { followUpState, itemGrade } from '../lib/annotation/schedule';
import { statusText, t } from '../utils/i18n';
import { NoteCopies } from './NoteCopies';

export interface ItemEditorProps {
  view: ItemView;
  /** Today in Asia/Shanghai. */
  today: string;
  /** 序时进度 in percent, when the notice's year is known. */
  expected?: number;
  /** Every change, as it is typed: the caller sends it at once (one save in flight per item). */
  onEdit(fields: Partial<EditableFields>): void;
  /** A field was left: send anything pending now. */
  onLeave(): void;
  /** The note field got or lost the keyboard: one editing session of the note. */
  onNoteFocus?(): void;
  onNoteLeave?(): void;
  /** Resolve a conflict copy of the note (append it to the note, or dismiss it). */
  onResolveCopy?(copyId: string, action: 'append' | 'dismiss'): void;
  /** Prefix for element ids (several editors may share a document). */
  idPrefix?: string;
}

/**
 * The one editor of an item's status, progress, follow-up day and note, used in the editor frame
 * on notice pages and in the overview's details. Every field is saved as it is typed and never
 * reset by a re-render while it has focus (a save answering for another field redraws the form).
 */
export function ItemEditor({ view, today, expected, onEdit, onLeave, onNoteFocus, onNoteLeave, onResolveCopy, idPrefix = 'ed' }: ItemEditorProps) {
  const id = (s: string) => `${idPrefix}-${s}`;
  const progress = useDraft(view.progress === undefined ? '' : String(view.progress));
  const followUp = useDraft(view.followUp ?? '');
  const note = useDraft(view.note);
  // The value last refused (outside 0–100): said in words beside the field, also after leaving it.
  const [progressRefused, setProgressRefused] = useState<string | null>(null);
  const progressError = progressRefused !== null;
  // The progress stored when the field was entered: a value typed past 100 puts it back, so a
  // half-typed 15 of 150 is not what stays saved.
  const [progressBefore, setProgressBefore] = useState<number | null>(null);
  // The last whole number typed (saved): a decimal (50.5) keeps it, the digits before its point.
  const [progressKept, setProgressKept] = useState<number | null>(null);
  // The values saved since the field was entered: 150 typed over a saved 30 puts 30 back (its 1
  // and 15 were only 150 being typed), not the value the field was entered with.
  const progressSaved = useRef<(number | null)[]>([]);
  // A day typed that duban does not keep (a year outside 1900–2199): said beside the field.
  const [dayRefused, setDayRefused] = useState<string | null>(null);

  const grade = itemGrade(view, expected);
  const due = view.followUp && view.status !== 'done' ? followUpState(view.followUp, today) : undefined;
  const hint = statusHint(view);
  const leave = (d: Draft) => () => {
    d.blur();
    onLeave();
  };

  return (
    <div class="editor-fields" data-status={view.status}>
      {view.textChanged && (
        <p class="changed" role="note">
          <strong>⚠ {t('row.textChanged')}</strong> {t('row.textChangedHint')}
        </p>
      )}
      <div class="line">
        <label class="field status-field">
          <span>{t('editor.status')}</span>
          <select
            id={id('status')}
            class={`s-${view.status}`}
            value={view.status}
            onChange={(e) => onEdit({ status: e.currentTarget.value as ItemStatus })}
            onBlur={onLeave}
          >
            {ITEM_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusText(s)}
              </option>
            ))}
          </select>
        </label>
        <label class={`field progress-field${grade ? ` g-${grade}` : ''}`}>
          <span>{t('editor.progress')}</span>
          <input
            id={id('progress')}
            type="number"
            min={0}
            max={100}
            step={1}
            inputMode="numeric"
            value={progress.value}
            aria-invalid={progressError || undefined}
            aria-describedby={id('progress-msg')}
            onFocus={() => {
              progress.focus();
              setProgressBefore(view.progress ?? null);
              setProgressKept(view.progress ?? null);
              progressSaved.current = [];
            }}
            onInput={(e) => {
              const input = e.currentTarget;
              const raw = input.value;
              progress.set(raw);
              // Half-typed (50. : the field reads as empty): nothing to save yet, and nothing cleared.
              if (input.validity.badInput) return;
              const n = input.valueAsNumber;
              // Digits only: the browser also reads 1e2 as 100, which no one means as a percentage.
              const valid = raw === '' || (/^\d+(?:\.0*)?$/.test(raw) && Number.isInteger(n) && n >= 0 && n <= 100);
              setProgressRefused(valid ? null : raw || '?');
              if (valid) {
                const value = raw === '' ? null : n;
                setProgressKept(value);
                progressSaved.current.push(value);
                onEdit({ progress: value });
              } else if (n < 0 || n > 100 || /e/i.test(raw)) {
                // What was saved on the way (the 15 of 150, the 1 of 1e2) goes back to the value before;
                // a decimal (50.5) keeps the whole number typed before its point.
                const value = lastNotTyping(progressSaved.current, raw) ?? progressBefore;
                setProgressKept(value);
                onEdit({ progress: value });
              }
            }}
            onBlur={leave(progress)}
          />
          <span class={progressError ? 'field-error' : 'muted'} id={id('progress-msg')} role={progressError ? 'alert' : undefined}>
            {progressError ? progressKept === null ? t('editor.progressRefused', { value: progressRefused }) : t('editor.progressRefusedKept', { value: progressRefused, kept: progressKept }) : expected !== undefined ? t('editor.expected', { expected: Math.round(expected) }) : ''}
            {!progressError && grade && grade !== 'on_track' ? ` · ${t(`grade.${grade}`)}` : ''}
          </span>
        </label>
        <label class={`field followup-field${due ? ` fu-${due}` : ''}`}>
          <span>{t('editor.followUp')}</span>
          <input
            id={id('followup')}
            type="date"
            value={followUp.value}
            aria-invalid={due === 'overdue' || undefined}
            onFocus={followUp.focus}
            aria-describedby={dayRefused !== null ? id('followup-msg') : undefined}
            onInput={(e) => {
              const input = e.currentTarget;
              const v = input.value;
              followUp.set(v);
              // A part cleared or half-typed: the field reads empty, and the stored day stays.
              if (v === '' && input.validity.badInput) return;
              // A year typed digit by digit passes through 0002, 0020, 0202: only a plausible day is saved.
              const kept = v === '' || /^(19|20|21)\d\d-\d\d-\d\d$/.test(v);
              setDayRefused(kept ? null : v);
              if (kept) onEdit({ followUp: v === '' ? null : v });
            }}
            onBlur={() => {
              setDayRefused(null);
              leave(followUp)();
            }}
          />
          {dayRefused !== null && (
            <span class="field-error" id={id('followup-msg')} role="alert">
              {view.followUp ? t('editor.dayRefusedKept', { value: dayRefused, kept: view.followUp }) : t('editor.dayRefused', { value: dayRefused })}
            </span>
          )}
          {due === 'overdue' && <span class="flag">{t('row.overdue')}</span>}
          {due === 'today' && <span class="flag">{t('row.dueToday')}</span>}
        </label>
        {hint && (
          <div class="field status-hint" role="note">
            <span>{t('editor.statusHint', { progress: view.progress ?? 0, status: statusText(view.status) })}</span>
            <button
              type="button"
              onClick={() => {
                onEdit({ status: hint });
                // The button goes with the contradiction: the keyboard stays on the status it changed.
                document.getElementById(id('status'))?.focus();
              }}
            >
              {t('editor.markStatus', { status: statusText(hint) })}
            </button>
          </div>
        )}
      </div>
      <label class="field note-field">
        <span>{t('editor.note')}</span>
        <textarea
          id={id('note')}
          rows={4}
          maxLength={MAX_NOTE_LENGTH}
          placeholder={t('editor.notePlaceholder')}
          value={note.value}
          aria-describedby={note.value.length >= MAX_NOTE_LENGTH ? id('note-msg') : undefined}
          onFocus={() => {
            note.focus();
            onNoteFocus?.();
          }}
          onInput={(e) => {
            note.set(e.currentTarget.value);
            onEdit({ note: e.currentTarget.value });
          }}
          onBlur={() => {
            leave(note)();
            onNoteLeave?.();
          }}
        />
        {/* The field stops at the limit (a paste is cut there): said, never silently. */}
        {note.value.length >= MAX_NOTE_LENGTH && (
          <span class="field-error" id={id('note-msg')} role="alert">
            {t('editor.noteFull', { max: MAX_NOTE_LENGTH })}
          </span>
        )}
      </label>
      {onResolveCopy && <NoteCopies copies={view.stored?.noteCopies ?? []} onResolve={onResolveCopy} />}
      <p
        class={`save save-${view.save.state}`}
        role="status"
        aria-live="polite"
        title={view.save.state === 'failed' ? `${t('editor.retrying')}${view.save.error ? ` (${view.save.error})` : ''}` : undefined}
      >
        {view.save.state === 'idle' ? '' : t(`editor.save.${view.save.state}`)}
        {view.save.state === 'failed' && <span class="muted"> · {t('editor.retrying')}</span>}
      </p>
    </div>
  );
}

/**
 * The status the progress suggests when the two disagree: 100% but not done → done; some progress
 * but not started → in progress. Only offered: 滞后 or 暂缓 at any progress may be what the user means.
 */
function statusHint(view: ItemView): ItemStatus | undefined {
  if (view.progress === undefined) return undefined;
  if (view.progress === 100 && (view.status === 'not_started' || view.status === 'in_progress')) return 'done';
  if (view.progress > 0 && view.progress < 100 && view.status === 'not_started') return 'in_progress';
  return undefined;
}

interface Draft {
  value: string;
  focus(): void;
  set(v: string): void;
  blur(): void;
}

/** What a field shows: the stored value, or while the field has focus, what the user typed. */
function useDraft(stored: string): Draft {
  const [draft, setDraft] = useState<string | null>(null);
  return {
    value: draft ?? stored,
    focus: () => setDraft((d) => d ?? stored),
    set: (v) => setDraft(v),
    blur: () => setDraft(null),
  };
}

/** The last value saved that was not `raw` being typed (1 and 15 on the way to 150): undefined when none. */
function lastNotTyping(saved: readonly (number | null)[], raw: string): number | undefined {
  for (let i = saved.length - 1; i >= 0; i--) {
    const v = saved[i];
    if (v !== null && !raw.startsWith(String(v))) return v;
  }
  return undefined;
}
