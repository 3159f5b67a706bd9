/**
 * Item statuses and their labels, free of Zod so the content script can import them without
 * carrying a schema library (model.ts builds its schemas on these and re-exports them).
 */

/** 未开始 / 推进中 / 已完成 / 滞后 / 暂缓 */
export const ITEM_STATUSES = ['not_started', 'in_progress', 'done', 'behind', 'paused'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/**
 * The statuses as exported files write them (CSV, Web Annotation), the same whatever the UI's
 * language. The UI words statuses from its catalogue (status.<status> in locales/).
 */
export const STATUS_LABELS: Record<ItemStatus, { zh: string; en: string }> = {
  not_started: { zh: '未开始', en: 'Not started' },
  in_progress: { zh: '推进中', en: 'In progress' },
  done: { zh: '已完成', en: 'Done' },
  behind: { zh: '滞后', en: 'Behind' },
  paused: { zh: '暂缓', en: 'Paused' },
};

/** Limits that keep one note or one file from filling the database. */
export const MAX_NOTE_LENGTH = 20_000;
/** Conflict copies one item keeps at most (./note-copies.ts): past that, stale saves are refused. */
export const MAX_NOTE_COPIES = 100;

/**
 * Kinds of note records kept beside an item's note: a conflict copy (a stale save of this
 * profile), a colleague's note (another author's, arrived by import: one record per author).
 */
export const NOTE_COPY_KINDS = ['conflict', 'colleague'] as const;

/** History entries an item keeps at most (its own, written here): past that the oldest are dropped and counted. */
export const MAX_HISTORY_PER_ITEM = 200;
