/** What the notice says of an item, as every export writes it: who leads, who works with them, which officials, by when. */
import type { NoticeItem, NoticeSection } from '../notice/types';
import { itemLeaders, unitsByRole } from '../notice/units';

export interface ItemFacts {
  /** 牵头单位 (../notice/units.ts: marked lead, else the first). */
  lead: string[];
  /** 配合单位: the others. */
  co: string[];
  /** 牵头领导: the item's own, else its section's (none when the section is a theme: lib/notice/units.ts). */
  leaders: string[];
  /** 完成时限 as written. */
  deadline?: string;
}

export function itemFacts(item: NoticeItem, sections: readonly NoticeSection[]): ItemFacts {
  const { lead, co } = unitsByRole(item.units);
  const leaders = itemLeaders(item, sections.find((s) => s.ordinal === item.section));
  return { lead, co, leaders, ...(item.deadline && { deadline: item.deadline }) };
}
