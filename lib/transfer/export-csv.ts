/**
 * A progress sheet for Excel and WPS: one row per item of each notice (items without an annotation
 * read 未开始), UTF-8 with a BOM, formula-like cells neutralised (see lib/util/csv.ts).
 */
import { STATUS_LABELS } from '../annotation/status';
import type { ItemAnnotation } from '../annotation/model';
import { toCsv } from '../util/csv';
import { groupByNotice, type TransferSnapshot } from './snapshot';
import { shanghaiTime } from './time';

export const CSV_HEADER = [
  '文号 Doc No.',
  '序号 No.',
  '牵头领导 Lead official',
  '事项 Item',
  '牵头单位 Lead units',
  '状态 Status',
  '进度 Progress (%)',
  '备注 Note',
  '跟进日期 Follow-up',
  '更新时间 Updated',
  '冲突副本 Conflict copies',
] as const;

/** Each copy on its own lines: [冲突副本 2026-11-25 16:30] text (with its author, when known). */
const copiesCell = (a: ItemAnnotation | undefined) =>
  (a?.noteCopies ?? []).map((c) => `[冲突副本${c.author ? ` ${c.author}` : ''} ${shanghaiTime(c.at)}] ${c.text}`).join('\n');

export function buildCsv(snapshot: Pick<TransferSnapshot, 'notices' | 'annotations'>, only?: readonly string[]): string {
  const { groups } = groupByNotice(snapshot, only);
  const rows: unknown[][] = [];
  for (const { notice, annotations } of groups) {
    const leaders = new Map(notice.sections.map((s) => [s.ordinal, s.leader]));
    const byItem = new Map<number, ItemAnnotation>(annotations.map((a) => [a.itemNo, a]));
    const numbers = [...new Set([...notice.items.map((i) => i.itemNo), ...byItem.keys()])].sort((a, b) => a - b);
    const items = new Map(notice.items.map((i) => [i.itemNo, i]));
    for (const no of numbers) {
      const item = items.get(no);
      const a = byItem.get(no);
      rows.push([
        notice.docNo || notice.key,
        no,
        item ? (leaders.get(item.section) ?? '') : '',
        item?.text ?? '',
        item?.units.map((u) => u.name).join('、') ?? '',
        STATUS_LABELS[a?.status ?? 'not_started'].zh,
        a?.progress ?? '',
        a?.note ?? '',
        a?.followUp ?? '',
        a ? shanghaiTime(a.updatedAt) : '',
        copiesCell(a),
      ]);
    }
  }
  return toCsv(CSV_HEADER, rows);
}
