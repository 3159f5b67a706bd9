/**
 * What an export reads: notices, annotations and history as the database holds them, grouped by
 * notice and item. Pure: the database read lives in lib/db/transfer-store.ts.
 */
import { itemRef, type ItemRef } from '../annotation/item-ref';
import type { HistoryEntry, ItemAnnotation } from '../annotation/model';
import type { RecordSet } from '../annotation/record-set';
import { noticeOrder } from '../notice/item-key';
import type { NoticeRecord } from '../notice/notice-record';
import { shanghaiDayOf } from '../annotation/shanghai-time';

/** Everything an export reads (lib/db/transfer-store.ts readSnapshot). */
export type TransferSnapshot = RecordSet;

export interface NoticeGroup {
  notice: NoticeRecord;
  /** In the notice's order. */
  annotations: ItemAnnotation[];
}

/**
 * Annotated notices in a stable order (by key), each with its annotations. Annotations whose
 * notice has no record (no URL to point at) are left out and counted.
 */
export function groupByNotice(
  snapshot: Pick<TransferSnapshot, 'notices' | 'annotations'>,
  only?: readonly string[],
): { groups: NoticeGroup[]; orphans: number } {
  const byKey = new Map(snapshot.notices.map((n) => [n.key, n]));
  const wanted = only ? new Set(only) : undefined;
  const groups = new Map<string, NoticeGroup>();
  let orphans = 0;
  for (const a of snapshot.annotations) {
    if (wanted && !wanted.has(a.noticeKey)) continue;
    const notice = byKey.get(a.noticeKey);
    if (!notice) {
      orphans++;
      continue;
    }
    let g = groups.get(a.noticeKey);
    if (!g) groups.set(a.noticeKey, (g = { notice, annotations: [] }));
    g.annotations.push(a);
  }
  const list = [...groups.values()].sort((a, b) => (a.notice.key < b.notice.key ? -1 : a.notice.key > b.notice.key ? 1 : 0));
  // Each notice's annotations in its own order (keys it lacks after, naturally).
  for (const g of list) {
    const order = noticeOrder(g.notice.items.map((i) => i.key));
    g.annotations.sort((a, b) => order(a.itemKey, b.itemKey));
  }
  return { groups: list, orphans };
}

/** History entries by item, each list in the order written (by time, then id). */
export function historyByItem(history: readonly HistoryEntry[]): Map<ItemRef, HistoryEntry[]> {
  const map = new Map<ItemRef, HistoryEntry[]>();
  for (const h of history) {
    const k = itemRef(h.noticeKey, h.itemKey);
    const list = map.get(k);
    if (list) list.push(h);
    else map.set(k, [h]);
  }
  for (const list of map.values()) list.sort((a, b) => a.at - b.at || (a.id ?? 0) - (b.id ?? 0));
  return map;
}

// Characters Windows, macOS or Linux refuse in a file name, and control characters.
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;

/**
 * duban-拱政办发〔2024〕2号-2026-11-25.json: the notice's 文号 (else its key) and the export's day
 * in Shanghai; several notices make duban-<several>-<day>, `several` in the UI's language
 * (duban-全部通知-2026-11-25.xlsx).
 */
export function exportFileName(notices: readonly Pick<NoticeRecord, 'key' | 'docNo'>[], now: number, extension: string, several = 'all'): string {
  const name = notices.length === 1 ? (notices[0].docNo ?? notices[0].key) : several;
  const safe = name.replace(UNSAFE, '_').replace(/^[.\s]+|[.\s]+$/g, '').slice(0, 80) || 'notice';
  return `duban-${safe}-${shanghaiDayOf(now)}.${extension}`;
}
