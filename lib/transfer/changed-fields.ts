/**
 * The parts of an item an import may change, in the order its preview lists them (./plan.ts): a
 * module of its own, without the import's schema, so that the popup's preview panel stays small.
 */
/** `noteCleared`: a note the import empties (a ledger's 进展情况 cell deleted), said apart from `note` so that no one wipes notes unawares. */
export const CHANGED_FIELDS = ['status', 'progress', 'followUp', 'note', 'noteCleared', 'colleague', 'copy'] as const;
export type ChangedField = (typeof CHANGED_FIELDS)[number];
