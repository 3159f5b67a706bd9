import { ITEM_STATUSES, type ItemStatus } from '../lib/annotation/status';
import { statusText, t } from '../utils/i18n';

interface Props {
  counts: Record<ItemStatus, number>;
  /**
   * Of the 未开始 items, those nobody has updated: the overview and the meeting report count them
   * apart as 暂无进展, so the popup names them too and the numbers add up across the three.
   */
  noUpdate?: number;
}

/** Counts by status with their colours (popup), the words the bar above stands for. */
export function StatusLegend({ counts, noUpdate = 0 }: Props) {
  return (
    <ul class="legend">
      {ITEM_STATUSES.map((s) => (
        <li key={s} class={counts[s] ? '' : 'zero'}>
          <span class={`dot s-${s}`} aria-hidden="true" />
          {statusText(s)}{' '}
          <b data-status={s}>{counts[s]}</b>
          {s === 'not_started' && noUpdate > 0 && (
            <span class="of-which" data-testid="no-update">
              {t('summary.noUpdateOf', noUpdate)}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
