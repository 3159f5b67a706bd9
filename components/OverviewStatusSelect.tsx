import { ITEM_STATUSES, type ItemStatus } from '../lib/annotation/status';
import { statusText } from '../utils/i18n';

/** An item's status (未开始 / 推进中 / 已完成 / 滞后 / 暂缓) as a native select. */
export function OverviewStatusSelect(props: { value: ItemStatus; label: string; onChange(status: ItemStatus): void; id?: string }) {
  return (
    <select
      id={props.id}
      class={`status status-${props.value}`}
      value={props.value}
      aria-label={props.label}
      onChange={(e) => props.onChange(e.currentTarget.value as ItemStatus)}
    >
      {ITEM_STATUSES.map((s) => (
        <option key={s} value={s}>
          {statusText(s)}
        </option>
      ))}
    </select>
  );
}
