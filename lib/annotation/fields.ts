/**
 * The annotation's fields, one descriptor each. ItemAnnotation (./model.ts) says what a field
 * holds; its descriptor here says how an import merges it (lib/transfer/merge.ts), which history
 * entry records its change (./history.ts words it), its column in the progress sheet
 * (lib/transfer/export-csv.ts), how the JSON file carries it (lib/transfer/file-item.ts), and
 * whether the overview's rows carry it (lib/followup/overview.ts). Those modules iterate this
 * table instead of naming fields, so a field added to the schema is a compile error here until it
 * has a descriptor, and fields.test.ts fails if merge or export still drop it.
 * Zod-free (the model's types only): the overview page imports it.
 */
import type { HistoryEntry, ItemAnnotation, NoteCopy } from './model';
import { shanghaiDateTimeOf } from './shanghai-time';
import { STATUS_LABELS } from './status';

export type AnnotationField = keyof ItemAnnotation;

/** How an import merges a field of the local and the imported record. */
type MergeRule =
  /** The item's identity: the same on both sides. */
  | 'key'
  /** The value of the side changed later (updatedAt); a tie goes to the larger values, so both machines agree. */
  | 'later'
  /** The earlier of the two (when the item was first annotated). */
  | 'earliest'
  /** The later of the two (when it last changed). */
  | 'latest'
  /** The note and its bookkeeping: the local side's, unless the note rule takes or joins the imported note. */
  | 'note'
  /** The note records of both sides, each (by id) once. */
  | 'records';

/** How the JSON file (duban-annotations, docs/transfer.md) carries a field. */
export type FileRule =
  /** As stored. */
  | 'value'
  /** As stored; null when absent. */
  | 'nullable'
  /** As stored; left out when absent (null reads as absent). */
  | 'optional'
  /** Epoch milliseconds written as an ISO 8601 UTC instant. */
  | 'instant'
  /** An instant; null when absent. */
  | 'nullableInstant'
  /** Note records, each field by NOTE_RECORD_FILE; left out when there are none. */
  | 'records'
  /** Not in the item: the key of the notice the file lists it under. */
  | 'notice'
  /** This database's own bookkeeping: never in a file. */
  | 'local';

interface CsvColumn {
  header: string;
  /** The cell of an item; `a` undefined when the item has no annotation. */
  cell(a: ItemAnnotation | undefined): string | number;
}

export interface FieldDescriptor {
  merge: MergeRule;
  file: FileRule;
  /** The history entry a change of the field writes (HistoryEntry.field, the key ./history.ts words). */
  history?: HistoryEntry['field'];
  /** Its column in the progress sheet; the columns' order is CSV_COLUMNS. */
  csv?: CsvColumn;
  /** The overview's rows carry it (to show and edit the item there). */
  overview?: true;
}

/** Each note record on its own lines: [冲突副本 2026-11-25 16:30] text, [同事 王明（区发改局） …] text. */
const recordsCell = (a: ItemAnnotation | undefined) =>
  (a?.noteCopies ?? [])
    .map((c) => {
      const who = c.author ? ` ${c.author}${c.unit ? `（${c.unit}）` : ''}` : '';
      return `[${c.kind === 'colleague' ? '同事' : '冲突副本'}${who} ${shanghaiDateTimeOf(c.at)}] ${c.text}`;
    })
    .join('\n');

/**
 * In the schema's order, which is also the file's (the item's number and fingerprint first) and
 * the order of the values that break a tie between two later-wins sides.
 */
export const ANNOTATION_FIELDS = {
  noticeKey: { merge: 'key', file: 'notice', overview: true },
  itemKey: { merge: 'key', file: 'value', overview: true },
  status: {
    merge: 'later',
    file: 'value',
    history: 'status',
    csv: { header: '状态 Status', cell: (a) => STATUS_LABELS[a?.status ?? 'not_started'].zh },
    overview: true,
  },
  note: { merge: 'note', file: 'value', history: 'note', csv: { header: '备注 Note', cell: (a) => a?.note ?? '' }, overview: true },
  followUp: {
    merge: 'later',
    file: 'nullable',
    history: 'followUp',
    csv: { header: '跟进日期 Follow-up', cell: (a) => a?.followUp ?? '' },
    overview: true,
  },
  progress: {
    merge: 'later',
    file: 'nullable',
    history: 'progress',
    csv: { header: '进度 Progress (%)', cell: (a) => a?.progress ?? '' },
    overview: true,
  },
  fingerprint: { merge: 'later', file: 'value', overview: true },
  createdAt: { merge: 'earliest', file: 'instant' },
  updatedAt: { merge: 'latest', file: 'instant', csv: { header: '更新时间 Updated', cell: (a) => (a ? shanghaiDateTimeOf(a.updatedAt) : '') }, overview: true },
  noteUpdatedAt: { merge: 'note', file: 'nullableInstant' },
  // The note's revision and sessions are this database's own bookkeeping: an edit made in the
  // overview is checked against the revision its row shows.
  noteRev: { merge: 'note', file: 'local', overview: true },
  noteSession: { merge: 'note', file: 'local' },
  noteCopies: { merge: 'records', file: 'records', history: 'noteCopy', csv: { header: '冲突副本与同事备注 Conflict copies and colleagues\' notes', cell: recordsCell }, overview: true },
  // Author ids; the file names them in its `authors` (lib/transfer/format.ts). The last change's
  // author goes with the side whose later-wins fields win; the note's author with the note.
  author: { merge: 'later', file: 'optional', overview: true },
  noteAuthor: { merge: 'note', file: 'optional', overview: true },
} as const satisfies Record<AnnotationField, FieldDescriptor>;

/** How the file carries each field of a note record (the `records` rule). */
export const NOTE_RECORD_FILE = {
  id: 'value',
  text: 'value',
  at: 'instant',
  kind: 'value',
  author: 'optional',
  unit: 'optional',
  authorId: 'optional',
  session: 'local',
  source: 'optional',
} as const satisfies Record<keyof NoteCopy, FileRule>;

type Fields = typeof ANNOTATION_FIELDS;
/** The fields whose descriptor has `P`. */
type FieldsWith<P extends PropertyKey> = { [K in AnnotationField]: Fields[K] extends Record<P, unknown> ? K : never }[AnnotationField];
type CsvField = FieldsWith<'csv'>;
export type OverviewField = FieldsWith<'overview'>;
/** The fields a file item holds. */
export type FileField = { [K in AnnotationField]: Fields[K]['file'] extends 'notice' | 'local' ? never : K }[AnnotationField];

/** The progress sheet's annotation columns, left to right, after the notice's own columns. */
export const CSV_COLUMNS = ['status', 'progress', 'note', 'followUp', 'updatedAt', 'noteCopies'] as const satisfies readonly CsvField[];

/** Every field, in the schema's order. */
export const FIELD_NAMES = Object.keys(ANNOTATION_FIELDS) as AnnotationField[];

export const fieldsMerged = (rule: MergeRule): AnnotationField[] => FIELD_NAMES.filter((k) => ANNOTATION_FIELDS[k].merge === rule);

const OVERVIEW_FIELDS = FIELD_NAMES.filter((k): k is OverviewField => 'overview' in ANNOTATION_FIELDS[k]);

/** What the overview's rows carry of an annotation: only the fields it has. */
export function overviewFields(a: Partial<ItemAnnotation>): Pick<ItemAnnotation, OverviewField> {
  const out: Partial<Record<OverviewField, unknown>> = {};
  for (const k of OVERVIEW_FIELDS) if (a[k] !== undefined) out[k] = a[k];
  return out as Pick<ItemAnnotation, OverviewField>;
}

/** A row's annotation fields replaced by those of `a`, absent ones cleared. */
export function withOverviewFields<R extends Partial<Pick<ItemAnnotation, OverviewField>>>(row: R, a: ItemAnnotation): R {
  const out: Record<string, unknown> = { ...row };
  for (const k of OVERVIEW_FIELDS) out[k] = a[k];
  return out as R;
}
