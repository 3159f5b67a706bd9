/** The one rule for who leads an item (popup, overview, reports and CSV exports use it). */
import type { LeadUnit, NoticeItem, NoticeSection } from './types';

/** The unit that leads the item: the first marked lead, else the first listed; undefined when none is named. */
export function leadUnit(units: readonly LeadUnit[]): LeadUnit | undefined {
  return units.find((u) => u.lead) ?? units[0];
}

/** The names of the units that lead (as leadUnit tells: marked lead, else the first) and of those that work with them (配合). */
export function unitsByRole(units: readonly LeadUnit[]): { lead: string[]; co: string[] } {
  const first = leadUnit(units);
  const leads = (u: LeadUnit) => u.lead || (u === first && !units.some((x) => x.lead));
  return { lead: units.filter(leads).map((u) => u.name), co: units.filter((u) => !leads(u)).map((u) => u.name) };
}

/**
 * The item's lead officials: its own when the notice names them per item, else its section's. A
 * section whose items name no official keeps its heading as its `leader` (lib/notice/from-reading.ts:
 * the popup's and report's groups go by it), and a heading names no one.
 */
export function itemLeaders(item: Pick<NoticeItem, 'leaders'>, section: Pick<NoticeSection, 'leader' | 'heading'> | undefined): string[] {
  if (item.leaders?.length) return item.leaders;
  return section?.leader && section.leader !== section.heading ? [section.leader] : [];
}
