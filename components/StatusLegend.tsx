import { ITEM_STATUSES, STATUS_LABELS, type ItemStatus } from '../lib/annotation/status';

/** Counts by status with their colours (popup), the words the bar above stands for. */
export function StatusLegend({ counts }: { counts: Record<ItemStatus, number> }) {
  return (
    <ul class="legend">
      {ITEM_STATUSES.map((s) => (
        <li key={s} class={counts[s] ? '' : 'zero'}>
          <span class={`dot s-${s}`} aria-hidden="true" />
          {STATUS_LABELS[s].zh}
          <span class="en" lang="en">
            {STATUS_LABELS[s].en}
          </span>{' '}
          <b data-status={s}>{counts[s]}</b>
        </li>
      ))}
    </ul>
  );
}
