import type { LeadUnit } from '../lib/notice/types';
import { TEXT } from '../lib/overlay-text';

/** The item's 牵头单位, the first marked as the one that leads or collects (牵头/汇总). */
export function LeadUnitTags({ units }: { units: readonly LeadUnit[] }) {
  if (!units.length) return null;
  return (
    <ul class="units" aria-label={TEXT.units}>
      {units.map((u) => (
        <li key={u.name} class={u.lead ? 'unit lead' : 'unit'} title={u.lead ? TEXT.leadTitle : undefined}>
          {u.lead && <span class="lead-mark">{TEXT.leadMark}</span>}
          {u.name}
        </li>
      ))}
    </ul>
  );
}
