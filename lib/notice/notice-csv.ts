import { toCsv } from '../util/csv';
import type { Notice } from './types';
import { leadUnit } from './units';

/** One row per item, for analysts who open the parsed notice in Excel or WPS. */
export function noticeToCsv(notice: Notice): string {
  const leaders = new Map(notice.sections.map((s) => [s.ordinal, s.leader]));
  return toCsv(
    ['序号 No.', '牵头领导 Lead official', '事项 Item', '牵头或汇总单位 Lead unit', '全部牵头单位 All lead units', '指纹 Fingerprint'],
    notice.items.map((item) => [
      item.itemNo,
      leaders.get(item.section) ?? '',
      item.text,
      leadUnit(item.units)?.name ?? '',
      item.units.map((u) => u.name).join('、'),
      item.fingerprint,
    ]),
  );
}
