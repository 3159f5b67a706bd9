import { ITEM_STATUSES, type ItemStatus } from '../lib/annotation/status';
import { statusText, TEXT } from '../lib/overlay-text';

interface Props {
  value: ItemStatus;
  /** Each change; arrowing through the list changes it once per key, so the caller debounces. */
  onChange: (s: ItemStatus) => void;
  /** Leaving the badge saves at once. */
  onBlur?: () => void;
}

/** The item's status as a coloured badge; a native select, so mouse and keyboard both work. */
export function StatusBadge({ value, onChange, onBlur }: Props) {
  return (
    <span class={`status s-${value}`}>
      <select aria-label={TEXT.status} value={value} onChange={(e) => onChange(e.currentTarget.value as ItemStatus)} onBlur={onBlur}>
        {ITEM_STATUSES.map((s) => (
          <option key={s} value={s}>
            {statusText(s)}
          </option>
        ))}
      </select>
    </span>
  );
}
