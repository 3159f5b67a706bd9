/**
 * Annotations with every field of the model set, for the tests that check each field is handled
 * (fields.test.ts beside the model, lib/transfer/fields.test.ts). A field added to ItemAnnotation
 * or NoteCopy makes `missingFields` name it until it is set here too.
 */
import type { ItemAnnotation, NoteCopy } from '../model';

const T0 = Date.UTC(2026, 10, 20, 2, 30);
const FULL_KEY = '拱政办发〔2024〕2号@www.gongshu.gov.cn';

export const FULL_COPY: Required<NoteCopy> = {
  id: 'c1',
  text: '同事：区发改局要求补材料',
  at: T0 + 4_500,
  kind: 'conflict',
  author: '王明',
  unit: '区发改局',
  authorId: 'author-wm',
  session: 'tab-b',
  source: '区发改局 督办台账.json',
};

export const FULL: Required<ItemAnnotation> = {
  noticeKey: FULL_KEY,
  itemKey: '7',
  status: 'behind',
  note: '街道尚未回复',
  followUp: '2026-11-28',
  progress: 40,
  fingerprint: 'fp-7',
  createdAt: T0,
  updatedAt: T0 + 5_000,
  noteUpdatedAt: T0 + 4_000,
  noteRev: 3,
  noteSession: 'tab-a',
  noteCopies: [FULL_COPY],
  author: 'author-a',
  noteAuthor: 'author-a',
};

/**
 * The same item with every field but its key different: an earlier start, a later change, another
 * note written before FULL's, another conflict copy.
 */
export const OTHER: Required<ItemAnnotation> = {
  noticeKey: FULL_KEY,
  itemKey: '7',
  status: 'done',
  note: '已召开专题会',
  followUp: '2026-12-01',
  progress: 100,
  fingerprint: 'fp-7b',
  createdAt: T0 - 1_000,
  updatedAt: T0 + 9_000,
  noteUpdatedAt: T0 + 1_000,
  noteRev: 9,
  noteSession: 'tab-z',
  noteCopies: [{ ...FULL_COPY, id: 'c2', text: '另一份副本', at: T0 + 2_000, author: '李华', session: 'tab-y' }],
  author: 'author-b',
  noteAuthor: 'author-b',
};

/** The keys of `shape` a record does not set. */
export function missingFields(shape: object, record: object): string[] {
  return Object.keys(shape).filter((k) => (record as Record<string, unknown>)[k] === undefined);
}
