/**
 * An annotation as a file item and back, field by field by the descriptors' file rules
 * (lib/annotation/fields.ts): no field is named here, so a new one travels as its rule says.
 * The file's item also holds the notice's text of the item and its history (./export-json.ts).
 */
import { ANNOTATION_FIELDS, FIELD_NAMES, NOTE_RECORD_FILE, type FileRule } from '../annotation/fields';
import type { ItemAnnotation, NoteCopy } from '../annotation/model';
import { toInstant, type FileItem, type FileItemJson } from './format';

/** What a file item holds of the annotation itself. */
type FileItemFields = Omit<FileItemJson, 'text' | 'section' | 'units' | 'history'>;

/** A value as the file writes it; undefined: left out. */
function toFile(rule: FileRule, v: unknown): unknown {
  switch (rule) {
    case 'value':
    case 'optional':
      return v;
    case 'nullable':
      return v ?? null;
    case 'instant':
      return toInstant(v as number);
    case 'nullableInstant':
      return v === undefined ? null : toInstant(v as number);
    case 'records':
      return (v as NoteCopy[] | undefined)?.length ? (v as NoteCopy[]).map((r) => convert(RECORD_RULES, r, toFile)) : undefined;
    case 'notice':
    case 'local':
      return undefined;
  }
}

/** A value of a checked file (instants already epoch milliseconds) as stored; undefined: absent. */
function fromFile(rule: FileRule, v: unknown): unknown {
  switch (rule) {
    case 'value':
    case 'instant':
      return v;
    case 'nullable':
    case 'optional':
    case 'nullableInstant':
      return v ?? undefined;
    case 'records':
      return (v as unknown[] | undefined)?.length ? (v as object[]).map((r) => convert(RECORD_RULES, r, fromFile)) : undefined;
    case 'notice':
    case 'local':
      return undefined;
  }
}

type Rules = readonly (readonly [string, FileRule])[];
const FILE_RULES: Rules = FIELD_NAMES.map((k) => [k, ANNOTATION_FIELDS[k].file]);
const RECORD_RULES: Rules = Object.entries(NOTE_RECORD_FILE);

/** Every field of `from` with a rule, converted, in the rules' order, into `out`; undefined ones left out. */
function convert(rules: Rules, from: object, by: (rule: FileRule, v: unknown) => unknown, out: Record<string, unknown> = {}): Record<string, unknown> {
  for (const [k, rule] of rules) {
    const v = by(rule, (from as Record<string, unknown>)[k]);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/**
 * The annotation's fields as a file item holds them, in the schema's order, written into `head`
 * (a field `head` already has keeps its place).
 */
export function fileItemFields<H extends object>(a: ItemAnnotation, head: H): H & FileItemFields {
  return convert(FILE_RULES, a, toFile, head as Record<string, unknown>) as H & FileItemFields;
}

/** The annotation a checked file item holds, for the notice it is listed under. */
export function annotationFromFile(noticeKey: string, item: FileItem): ItemAnnotation {
  return convert(FILE_RULES, item, (rule, v) => (rule === 'notice' ? noticeKey : fromFile(rule, v))) as ItemAnnotation;
}
