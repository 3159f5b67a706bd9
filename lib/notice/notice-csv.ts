import { toCsv } from '../util/csv';
import type { ReadNotice, ReadUnit } from './reading';
import type { Notice } from './types';
import { itemLeaders, leadUnit } from './units';

/** One row per item, for analysts who open the parsed notice in Excel or WPS. */
export function noticeToCsv(notice: Notice): string {
  const sections = new Map(notice.sections.map((s) => [s.ordinal, s]));
  return toCsv(
    ['序号 No.', '牵头领导 Lead official', '事项 Item', '牵头或汇总单位 Lead unit', '全部牵头单位 All lead units', '指纹 Fingerprint'],
    notice.items.map((item) => [
      item.key,
      itemLeaders(item, sections.get(item.section)).join('、'),
      item.text,
      leadUnit(item.units)?.name ?? '',
      item.units.map((u) => u.name).join('、'),
      item.fingerprint,
    ]),
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
