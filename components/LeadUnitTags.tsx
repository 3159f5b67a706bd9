import type { LeadUnit } from '../lib/notice/types';
import { t } from '../utils/i18n';

/** The item's 牵头单位, the first marked as the one that leads or collects (牵头/汇总). */
export function LeadUnitTags({ units }: { units: readonly LeadUnit[] }) {
  if (!units.length) return null;
  return (
    <ul class="units" aria-label={t('row.units')}>
      {units.map((u) => (
        <li key={u.name} class={u.lead ? 'unit lead' : 'unit'} title={u.lead ? t('row.leadTitle') : undefined}>
          {u.lead && <span class="lead-mark">{t('row.leadMark')}</span>}
          {u.name}
        </li>
      ))}
    </ul>
  );
}
