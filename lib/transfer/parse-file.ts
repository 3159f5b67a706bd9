/**
 * Reads an import file: size, JSON, format and version, then the whole file through Zod. Nothing
 * is written here; a refused file comes back with messages (codes the UI words, lib/message.ts)
 * that name the notice, the item and the field, e.g. in zh_CN
 *   通知「拱政办发〔2024〕2号」，第 12 项，字段 status（状态）：未知的值 "urgent"…
 */
import type { z } from 'zod';
import { CSV_HEADER } from './export-csv';
import { keyedItem } from '../annotation/legacy-keys';
import { message, type Message, type MessageParam } from '../message';
import { ITEM_STATUSES } from '../annotation/status';
import { itemKeyWords } from '../notice/item-key';
import { legacyNoticeKey, noticeKey } from '../notice/notice-key';
import { FORMAT_NAME, FORMAT_VERSION, LEGACY_KEY_VERSIONS, NUMBERED_VERSIONS, TransferFileSchema, type TransferFile } from './format';
import { EMPTY_FILE, IMPORT_LIMITS, REFUSED, tooLarge } from './limits';

export { REFUSED };

type ParsedFile = { ok: true; file: TransferFile } | { ok: false; errors: Message[] };

/** How many problems one message lists. */
const SHOWN = 5;

/** UTF-8 length without encoding the text when the answer is clear. */
function utf8Length(text: string): number {
  if (text.length * 3 <= IMPORT_LIMITS.maxBytes || text.length > IMPORT_LIMITS.maxBytes) return text.length;
  return new TextEncoder().encode(text).length;
}

/**
 * Never throws: whatever the text (deeply nested, huge, hostile keys), the answer is a checked file
 * or messages. Unknown keys, `__proto__` among them, are dropped by the schema.
 */
export function parseTransferFile(text: string): ParsedFile {
  try {
    return parse(text);
  } catch (e) {
    return refuse(message('import.uncheckable', { detail: oneLine(String((e as Error)?.message ?? e)) }));
  }
}

/**
 * Where a file stops being JSON, in the user's words (line and column), never the engine's English
 * sentence: a file cut short or edited by hand is the usual cause.
 */
function notJson(text: string, e: Error): Message {
  const json = text.replace(/^\uFEFF/, '');
  const at = /position (\d+)/.exec(e.message)?.[1] ?? (/end of JSON input/.test(e.message) ? json.length : undefined);
  if (at === undefined) return message('import.notJsonAnywhere');
  const before = json.slice(0, Number(at));
  const lines = before.split('\n');
  return message('import.notJson', { line: lines.length, column: lines[lines.length - 1]!.length + 1 });
}

function parse(text: string): ParsedFile {
  const bytes = utf8Length(text);
  if (bytes > IMPORT_LIMITS.maxBytes) return refuse(tooLarge(bytes));
  if (!/[^\s\uFEFF]/.test(text)) return refuse(EMPTY_FILE);
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    // duban's own CSV, chosen for import: say what it is for, not where it stops being JSON.
    if (text.replace(/^\uFEFF/, '').startsWith(`${CSV_HEADER[0]},`)) return refuse(message('import.isCsv'));
    return refuse(notJson(text, e as Error));
  }
  if (isObject(raw) && (raw.type === 'AnnotationCollection' || String(raw['@context'] ?? '').includes('anno.jsonld'))) {
    return refuse(message('import.isWebAnnotation'));
  }
  if (!isObject(raw) || raw.format !== FORMAT_NAME) {
    return refuse(message('import.notDuban', { format: FORMAT_NAME }));
  }
  if (typeof raw.version === 'number' && raw.version > FORMAT_VERSION) {
    return refuse(message('import.newerVersion', { version: raw.version }));
  }
  // Count before the schema walks every item: a huge file is refused fast.
  if (Array.isArray(raw.notices)) {
    const items = raw.notices.reduce<number>((n, x) => n + (isObject(x) && Array.isArray(x.items) ? x.items.length : 0), 0);
    if (items > IMPORT_LIMITS.maxItems) {
      return refuse(message('import.tooManyItems', { items, limit: IMPORT_LIMITS.maxItems }));
    }
  }
  const version = raw.version as number;
  if (NUMBERED_VERSIONS.includes(version)) raw = keyedFile(raw);
  if (LEGACY_KEY_VERSIONS.includes(version)) raw = movedFile(raw as Record<string, unknown>);
  const parsed = TransferFileSchema.safeParse(raw, { reportInput: true });
  if (parsed.success) return { ok: true, file: parsed.data };
  const issues = parsed.error.issues;
  const errors = issues.slice(0, SHOWN).map((i) => describeIssue(i, raw));
  if (issues.length > SHOWN) errors.push(message('import.moreProblems', undefined, issues.length - SHOWN));
  return { ok: false, errors };
}

const refuse = (reason: Message): ParsedFile => ({ ok: false, errors: [reason] });

/**
 * A file of version 1 or 2 with its items keyed as today's are: `itemNo: 12` becomes
 * `itemKey: '12'` (a copy; the schema then checks it as any other file).
 */
function keyedFile(raw: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(raw.notices)) return raw;
  const notices = raw.notices.map((n: unknown) =>
    isObject(n) && Array.isArray(n.items) ? { ...n, items: n.items.map((i: unknown) => (isObject(i) ? keyedItem(i) : i)) } : n,
  );
  return { ...raw, notices };
}

/**
 * A file of version 1 to 3 with its notices keyed as today's are: a key made by the old rule (the
 * 文号 alone, else host + path) from the notice's own 文号 and URL becomes the key today's rule
 * makes of them, so the file's notes land on the notice duban stores under it. Any other key is
 * left for the schema to refuse.
 */
function movedFile(raw: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(raw.notices)) return raw;
  const notices = raw.notices.map((n: unknown) => {
    if (!isObject(n) || typeof n.url !== 'string' || typeof n.key !== 'string') return n;
    const docNo = typeof n.docNo === 'string' && n.docNo ? n.docNo : undefined;
    const identity = { docNo, sourceUrl: n.url };
    return n.key === legacyNoticeKey(identity) ? { ...n, key: noticeKey(identity) } : n;
  });
  return { ...raw, notices };
}

/** The parser's message quotes the file: one line, no control characters, not too long. */
const oneLine = (s: string) => {
  const line = s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
  return line.length > 160 ? `${line.slice(0, 160)}…` : line;
};

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Fields of the file that have a name in the catalogue (`field.<name>`). */
export const NAMED_FIELDS = new Set([
  'format', 'version', 'exportedAt', 'notices', 'key', 'docNo', 'url', 'title', 'year', 'publishedAt',
  'sections', 'items', 'itemKey', 'fingerprint', 'text', 'section', 'units', 'status', 'note', 'followUp',
  'progress', 'createdAt', 'updatedAt', 'noteUpdatedAt', 'history', 'noteCopies', 'id', 'kind', 'author',
  'at', 'field', 'from', 'to',
]);

/** Where a problem is: the notice, the item and the field, as far as the path goes. */
function locate(path: readonly PropertyKey[], raw: unknown): Message[] {
  const where: Message[] = [];
  let rest = path;
  const root = isObject(raw) ? raw : {};
  if (path[0] === 'notices' && typeof path[1] === 'number') {
    const notice = Array.isArray(root.notices) ? root.notices[path[1]] : undefined;
    const name = isObject(notice) ? [notice.docNo, notice.key].find((v) => typeof v === 'string' && v) : undefined;
    where.push(message('import.at.notice', { label: typeof name === 'string' ? name.slice(0, 60) : `#${path[1] + 1}` }));
    rest = path.slice(2);
    if (path[2] === 'items' && typeof path[3] === 'number') {
      const items = isObject(notice) && Array.isArray(notice.items) ? notice.items : [];
      const item = items[path[3]];
      const key = isObject(item) && typeof item.itemKey === 'string' && item.itemKey.length <= 40 ? item.itemKey : undefined;
      where.push(key !== undefined ? message('import.at.item', { itemKey: itemKeyWords(key) }) : message('import.at.entry', { n: path[3] + 1 }));
      rest = path.slice(4);
    }
  }
  if (rest.length) {
    const dotted = rest.map(String).join('.');
    const last = [...rest].reverse().find((p) => typeof p === 'string') as string | undefined;
    where.push(
      last && NAMED_FIELDS.has(last)
        ? message('import.at.namedField', { path: dotted, name: message(`field.${last}`) })
        : message('import.at.field', { path: dotted }),
    );
  }
  return where.length ? where : [message('import.at.file')];
}

/** JSON types that have a name in the catalogue (`type.<name>`). */
export const TYPE_NAMES = new Set(['string', 'number', 'int', 'boolean', 'array', 'object', 'null', 'undefined']);
/** A JSON type as a message (`type.<name>`), or as Zod spells it. */
const typeName = (t: string): MessageParam => (TYPE_NAMES.has(t) ? message(`type.${t}`) : t);

function typeOf(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'array';
  return typeof x;
}

/** Known English messages of shared schemas (lib/annotation/model.ts), as codes. */
const SCHEMA_MESSAGES: Record<string, string> = {
  'must be a date YYYY-MM-DD': 'import.problem.day',
  'not a real calendar day': 'import.problem.realDay',
};

const SHOW = 40;

/**
 * A value as JSON, cut at SHOW characters. Walks only what it shows, so a huge or deeply nested
 * value costs no more than a short one (JSON.stringify overflows the stack at 10,000 levels).
 */
function show(x: unknown): string {
  let out = '';
  const put = (s: string) => {
    out += s;
    return out.length <= SHOW;
  };
  const walk = (v: unknown): boolean => {
    if (Array.isArray(v)) {
      if (!put('[')) return false;
      for (let i = 0; i < v.length; i++) if ((i && !put(',')) || !walk(v[i])) return false;
      return put(']');
    }
    if (typeof v === 'object' && v !== null) {
      if (!put('{')) return false;
      let first = true;
      for (const k in v) {
        if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
        if ((!first && !put(',')) || !put(`${JSON.stringify(k.slice(0, SHOW + 1))}:`) || !walk((v as Record<string, unknown>)[k])) return false;
        first = false;
      }
      return put('}');
    }
    if (typeof v === 'string') return put(JSON.stringify(v.slice(0, SHOW + 1)));
    return put(v === undefined ? 'undefined' : String(JSON.stringify(v) ?? v));
  };
  walk(x);
  return out.length > SHOW ? `${out.slice(0, SHOW)}…` : out;
}

function problem(issue: z.core.$ZodIssue): Message {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return message('import.problem.missing');
      return message('import.problem.type', { expected: typeName(issue.expected), got: typeName(typeOf(issue.input)), value: show(issue.input) });
    case 'invalid_value':
      // A status is written as its code in the file: each code with the word the user knows it by.
      return message('import.problem.value', {
        value: show(issue.input),
        options: issue.values.every((v) => (ITEM_STATUSES as readonly unknown[]).includes(v))
          ? issue.values.map((v) => message('import.problem.statusOption', { code: String(v), word: message(`status.${String(v)}`) }))
          : issue.values.map((v) => String(v)).join(', '),
      });
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return message('import.problem.tooLong', undefined, max);
      if (issue.origin === 'array') return message('import.problem.tooManyEntries', undefined, max);
      return message('import.problem.tooBig', { max: String(issue.maximum) });
    }
    case 'too_small': {
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return message('import.problem.empty');
      return message('import.problem.tooSmall', { min: String(issue.minimum) });
    }
    default: {
      // The file format's own checks (./format.ts) give their code as the message.
      const m = issue.message;
      if (m.startsWith('import.')) return message(m, (issue as { params?: Record<string, string | number> }).params);
      const code = SCHEMA_MESSAGES[m];
      return code ? message(code) : message('import.problem.invalid', { detail: oneLine(m) });
    }
  }
}

/** One problem of a file: where (notice, item, field) and what. */
export function describeIssue(issue: z.core.$ZodIssue, raw: unknown): Message {
  return message('import.issue', { where: locate(issue.path, raw), what: problem(issue) });
}
