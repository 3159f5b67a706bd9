import type { LeadUnit } from '../lib/notice/types';
import { t } from '../utils/i18n';

/**
 * The item's units: the one that leads or collects marked 牵头 (the first, in the format that
 * states no role), a unit the notice names as co-operating marked 配合 where one leads; others
 * plain (units answering for an item none leads, 分别负责, work with no lead).
 */
export function LeadUnitTags({ units }: { units: readonly LeadUnit[] }) {
  if (!units.length) return null;
  const led = units.some((u) => u.lead);
  return (
    <ul class="units" aria-label={t('row.units')}>
      {units.map((u) => {
        const co = led && !u.lead && u.role === 'co';
        return (
          <li key={u.name} class={u.lead ? 'unit lead' : co ? 'unit co' : 'unit'} title={u.lead ? t('row.leadTitle') : co ? t('row.coTitle') : undefined}>
            {u.lead && <span class="lead-mark">{t('row.leadMark')}</span>}
            {co && <span class="co-mark">{t('row.coMark')}</span>}
            {u.name}
          </li>
        );
      })}
    </ul>
  );
}
