import { gradeProgress } from '../lib/annotation/schedule';
import { TEXT } from '../lib/overlay-text';

interface Props {
  value?: number;
  /** 序时进度 for the notice's year, in percent. */
  expected: number;
  onChange: (percent: number | null) => void;
}

/**
 * An optional progress percentage beside 序时进度: red when more than BEHIND_MARGIN points under
 * it, yellow when slightly under, as supervision offices grade tasks.
 */
export function ProgressInput({ value, expected, onChange }: Props) {
  const grade = value === undefined ? undefined : gradeProgress(value, expected);
  const shown = Math.round(expected);
  return (
    <span class={`progress${grade ? ` g-${grade}` : ''}`}>
      <span class="lbl" aria-hidden="true">
        {TEXT.progress}
      </span>
      <input
        type="number"
        min={0}
        max={100}
        step={1}
        inputMode="numeric"
        aria-label={`${TEXT.progressLabel}; ${TEXT.expected(shown)}`}
        value={value ?? ''}
        onChange={(e) => {
          const input = e.currentTarget;
          const n = input.valueAsNumber;
          if (input.value === '') onChange(null);
          else if (input.validity.valid && n >= 0 && n <= 100) onChange(n);
          else input.setCustomValidity(TEXT.progressInvalid);
        }}
        onInput={(e) => e.currentTarget.setCustomValidity('')}
      />
      <span class="pct" aria-hidden="true">
        %
      </span>
      <span class="expected" title={TEXT.expectedTitle}>
        {TEXT.expected(shown)}
      </span>
      {grade && grade !== 'on_track' && <span class="flag">{TEXT.grade[grade]}</span>}
    </span>
  );
}
