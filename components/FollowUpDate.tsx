import { followUpState } from '../lib/annotation/schedule';
import { TEXT } from '../lib/overlay-text';

interface Props {
  value?: string;
  /** Today in Asia/Shanghai, YYYY-MM-DD. */
  today: string;
  /** A done item is not overdue, whatever its day says. */
  settled?: boolean;
  /** Each change while typing (the year arrives digit by digit: 0002, 0020, …): debounce it. */
  onChange: (day: string | null) => void;
  /** Leaving the field saves at once. */
  onBlur?: () => void;
}

/** The personal follow-up day; an overdue one (before today in Shanghai) is marked. */
export function FollowUpDate({ value, today, settled, onChange, onBlur }: Props) {
  const state = value && !settled ? followUpState(value, today) : undefined;
  return (
    <span class={`followup${state ? ` fu-${state}` : ''}`}>
      <span class="lbl" aria-hidden="true">
        {TEXT.followUp}
      </span>
      <input
        type="date"
        aria-label={TEXT.followUpLabel}
        value={value ?? ''}
        aria-invalid={state === 'overdue' || undefined}
        onChange={(e) => {
          const v = e.currentTarget.value;
          if (v === '' || /^\d{4}-\d{2}-\d{2}$/.test(v)) onChange(v || null);
        }}
        onBlur={onBlur}
      />
      {state === 'overdue' && <span class="flag">{TEXT.overdue}</span>}
      {state === 'today' && <span class="flag">{TEXT.dueToday}</span>}
    </span>
  );
}
