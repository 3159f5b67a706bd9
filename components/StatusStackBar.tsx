import { ITEM_STATUSES, type ItemStatus } from '../lib/annotation/status';
import { statusText, t } from '../utils/i18n';

interface Props {
  counts: Record<ItemStatus, number>;
  total: number;
  /** Read before the counts by screen readers, e.g. the notice's 文号. */
  label?: string;
}

/** Items by status as one stacked bar (popup); its accessible name spells out the counts. */
export function StatusStackBar({ counts, total, label }: Props) {
  const text = ITEM_STATUSES.filter((s) => counts[s])
    .map((s) => `${statusText(s)} ${counts[s]}`)
    .join(t('common.listSeparator'));
  return (
    <div class="stack" role="img" aria-label={label ? `${label}: ${text}` : text}>
      {ITEM_STATUSES.map((s) =>
        counts[s] ? <span key={s} class={`seg s-${s}`} style={{ width: `${(counts[s] / Math.max(1, total)) * 100}%` }} /> : null,
      )}
    </div>
  );
}
