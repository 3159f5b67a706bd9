/** The one rule for who leads an item (popup, overview, reports and CSV exports use it). */
import type { LeadUnit } from './types';

/** The unit that leads the item: the first marked lead, else the first listed; undefined when none is named. */
export function leadUnit(units: readonly LeadUnit[]): LeadUnit | undefined {
  return units.find((u) => u.lead) ?? units[0];
}
