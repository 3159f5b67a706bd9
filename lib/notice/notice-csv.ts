import { toCsv } from '../util/csv';
import type { ReadNotice, ReadUnit } from './reading';
import type { Notice } from './types';
import { itemLeaders, unitsByRole } from './units';

/**
 * One row per item, for analysts who open the parsed notice in Excel or WPS: its section, its lead
 * units and the others apart (as duban's exports tell them, units.ts unitsByRole), its leaders and
 * its deadline, in the page's own words.
 */
export function noticeToCsv(notice: Notice): string {
  const sections = new Map(notice.sections.map((s) => [s.ordinal, s]));
  return toCsv(
    ['序号 No.', '所属部分 Section', '事项 Item', '牵头单位 Lead units', '配合/责任单位 Other units', '牵头领导 Leaders', '完成时限 Deadline', '指纹 Fingerprint'],
    notice.items.map((item) => {
      const section = sections.get(item.section);
      const { lead, co } = unitsByRole(item.units);
      return [
        item.key,
        section?.heading ?? '',
        item.text,
        lead.join('、'),
        co.join('、'),
        itemLeaders(item, section).join('、'),
        item.deadline ?? '',
        item.fingerprint,
      ];
    }),
  );
}

/** One row per item of the richer reading (read-notice.ts), every list in page order. */
export function readingToCsv(notice: ReadNotice): string {
  const names = (units: readonly ReadUnit[], role: ReadUnit['role']) => units.filter((u) => u.role === role).map((u) => u.name).join('、');
  return toCsv(
    ['清单 List', '编号 Key', '序号 No.', '所属部分 Section', '事项 Item', '牵头单位 Lead units', '配合/责任单位 Other units', '牵头领导 Leaders', '完成时限 Deadline'],
    notice.lists.flatMap((list) => list.items.map((item) => [
      list.title ?? '',
      item.key,
      item.number,
      item.section ?? '',
      item.text,
      names(item.units, 'lead'),
      names(item.units, 'co'),
      item.leaders.join('、'),
      item.deadline ?? '',
    ])),
  );
}
