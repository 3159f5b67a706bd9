/**
 * A progress sheet for Excel and WPS: one row per item of each notice (items without an annotation
 * read 未开始), UTF-8 with a BOM, formula-like cells neutralised (see lib/util/csv.ts).
 */
import { annotationAuthor, authorDirectory, authorLabel } from '../annotation/author';
import { ANNOTATION_FIELDS, CSV_COLUMNS } from '../annotation/fields';
import type { ItemAnnotation } from '../annotation/model';
import { noticeOrder } from '../notice/item-key';
import { toCsv } from '../util/csv';
import { itemFacts } from './item-facts';
import { groupByNotice, type TransferSnapshot } from './snapshot';

/** The notice's columns, then the annotation's (lib/annotation/fields.ts). */
export const CSV_HEADER = [
  '文号 Doc No.',
  '序号 No.',
  '牵头领导 Lead official',
  '事项 Item',
  '牵头单位 Lead units',
  '配合单位 Co units',
  '完成时限 Deadline',
  ...CSV_COLUMNS.map((f) => ANNOTATION_FIELDS[f].csv.header),
  '填报人 Reported by',
];

export function buildCsv(snapshot: CsvSnapshot, only?: readonly string[]): string {
  return csvExport(snapshot, only).text;
}

type CsvSnapshot = Pick<TransferSnapshot, 'notices' | 'annotations' | 'authors' | 'me'>;

/** The CSV file and its count of item rows (every item of each notice, not only those annotated). */
export function csvExport(snapshot: CsvSnapshot, only?: readonly string[]): { text: string; rows: number } {
  const { groups } = groupByNotice(snapshot, only);
  // 填报人: who made the item's last change, by name and unit.
  const authors = authorDirectory([...(snapshot.authors ?? []), ...(snapshot.me ? [snapshot.me] : [])]);
  const rows: unknown[][] = [];
  for (const { notice, annotations } of groups) {
    const byItem = new Map<string, ItemAnnotation>(annotations.map((a) => [a.itemKey, a]));
    // The notice's items in its order, then annotated keys it lacks.
    const keys = [...new Set([...notice.items.map((i) => i.key), ...byItem.keys()])].sort(noticeOrder(notice.items.map((i) => i.key)));
    const items = new Map(notice.items.map((i) => [i.key, i]));
    for (const no of keys) {
      const item = items.get(no);
      const a = byItem.get(no);
      const facts = item && itemFacts(item, notice.sections);
      rows.push([
        notice.docNo || notice.key,
        no,
        facts?.leaders.join('、') ?? '',
        item?.text ?? '',
        facts?.lead.join('、') ?? '',
        facts?.co.join('、') ?? '',
        facts?.deadline ?? '',
        ...CSV_COLUMNS.map((f) => ANNOTATION_FIELDS[f].csv.cell(a)),
        a ? authorLabel(annotationAuthor(a, authors)) : '',
      ]);
    }
  }
  return { text: toCsv(CSV_HEADER, rows), rows: rows.length };
}
