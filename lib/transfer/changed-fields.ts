/**
 * The parts of an item an import may change, in the order its preview lists them (./plan.ts): a
 * module of its own, without the import's schema, so that the popup's preview panel stays small.
 */
export const CHANGED_FIELDS = ['status', 'progress', 'followUp', 'note', 'colleague', 'copy'] as const;
export type ChangedField = (typeof CHANGED_FIELDS)[number];
