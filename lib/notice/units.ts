/** The one rule for who leads an item (popup, overview, reports and CSV exports use it). */
import type { LeadUnit, NoticeItem, NoticeSection } from './types';

/**
 * The unit that leads the item: the first marked lead, else, where the notice states no roles (an
 * old reading, a file naming units alone), the first listed; undefined when none is named, or when
 * the notice says none leads (roles stated, every unit answering: 分别负责, 按职责分工负责).
 */
export function leadUnit(units: readonly LeadUnit[]): LeadUnit | undefined {
  return units.find((u) => u.lead) ?? (units.some((u) => u.role !== undefined) ? undefined : units[0]);
}

/** The names of the units that lead (as leadUnit tells) and of those that work with them or answer with none leading (配合, 责任). */
export function unitsByRole(units: readonly LeadUnit[]): { lead: string[]; co: string[] } {
  const first = leadUnit(units);
  const leads = (u: LeadUnit) => u.lead || u === first;
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
