import { ITEM_STATUSES, type ItemStatus } from '../lib/annotation/status';
import { statusText } from '../utils/i18n';

/** Counts by status with their colours (popup), the words the bar above stands for. */
export function StatusLegend({ counts }: { counts: Record<ItemStatus, number> }) {
  return (
    <ul class="legend">
      {ITEM_STATUSES.map((s) => (
        <li key={s} class={counts[s] ? '' : 'zero'}>
          <span class={`dot s-${s}`} aria-hidden="true" />
          {statusText(s)}{' '}
          <b data-status={s}>{counts[s]}</b>
        </li>
      ))}
    </ul>
  );
}
