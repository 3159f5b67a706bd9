/**
 * Records as lib/db stores them and lib/transfer plans them: what an export reads, what an import
 * is planned against and what it writes. Shared by both layers, so it lives in the core.
 */
import type { NoticeRecord } from '../notice/notice-record';
import type { Author } from './author';
import type { HistoryEntry, ItemAnnotation } from './model';

export interface RecordSet {
  notices: NoticeRecord[];
  annotations: ItemAnnotation[];
  history: HistoryEntry[];
  /** Authors the records name (an export, an import's reading) or an import brings (its writes). */
  authors?: Author[];
  /** The local author (read, never written through a record set). */
  me?: Author;
}

// Key of one item across tables: the one item key (./item-key.ts), re-exported for the record sets' users.
export { itemRef } from './item-ref';

/** What an imported item is to the database: new, updated, unchanged or in conflict (lib/transfer/merge.ts). */
export type MergeKind = 'new' | 'updated' | 'unchanged' | 'conflict';

/** How many items of an import are of each kind; kept with its restore point (lib/db/restore-point.ts). */
export type ImportCounts = Record<MergeKind, number>;
