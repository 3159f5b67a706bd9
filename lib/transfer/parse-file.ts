/**
 * Reads an import file: size, JSON, format and version, then the whole file through Zod. Nothing
 * is written here; a refused file comes back with messages in Chinese and English that name the
 * notice, the item and the field, e.g.
 *   通知「拱政办发〔2024〕2号」第 12 项，字段 status（状态）：未知的值 "urgent"… / notice "…", item 12, field status: …
 */
import type { z } from 'zod';
import { FORMAT_NAME, FORMAT_VERSION, TransferFileSchema, type TransferFile } from './format';
import { EMPTY_FILE, IMPORT_LIMITS, REFUSED, tooLargeMessage } from './limits';

export { REFUSED };

type ParsedFile = { ok: true; file: TransferFile } | { ok: false; errors: string[] };

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
    return refuse(`无法检查此文件 / the file could not be checked: ${oneLine(String((e as Error)?.message ?? e))}`);
  }
}

function parse(text: string): ParsedFile {
  const bytes = utf8Length(text);
  if (bytes > IMPORT_LIMITS.maxBytes) return refuse(tooLargeMessage(bytes));
  if (!/[^\s\uFEFF]/.test(text)) return refuse(EMPTY_FILE);
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return refuse(`不是有效的 JSON 文件 / not a valid JSON file: ${oneLine((e as Error).message)}`);
  }
  if (!isObject(raw) || raw.format !== FORMAT_NAME) {
    return refuse(`不是督办导出的文件（format 应为 "${FORMAT_NAME}"）/ not a duban export (format must be "${FORMAT_NAME}")`);
  }
  if (typeof raw.version === 'number' && raw.version > FORMAT_VERSION) {
    return refuse(
      `文件由较新版本的督办导出（版本 ${raw.version}），请先更新督办 / the file comes from a newer duban (version ${raw.version}); update duban first`,
    );
  }
  // Count before the schema walks every item: a huge file is refused fast.
  if (Array.isArray(raw.notices)) {
    const items = raw.notices.reduce<number>((n, x) => n + (isObject(x) && Array.isArray(x.items) ? x.items.length : 0), 0);
    if (items > IMPORT_LIMITS.maxItems) {
      return refuse(`事项过多：${items} 项，上限 ${IMPORT_LIMITS.maxItems} / too many items: ${items}; the limit is ${IMPORT_LIMITS.maxItems}`);
    }
  }
  const parsed = TransferFileSchema.safeParse(raw, { reportInput: true });
  if (parsed.success) return { ok: true, file: parsed.data };
  const issues = parsed.error.issues;
  const errors = issues.slice(0, SHOWN).map((i) => describeIssue(i, raw));
  if (issues.length > SHOWN) errors.push(`还有 ${issues.length - SHOWN} 处问题 / and ${issues.length - SHOWN} more problems`);
  return { ok: false, errors };
}

const refuse = (message: string): ParsedFile => ({ ok: false, errors: [message] });

/** The parser's message quotes the file: one line, no control characters, not too long. */
const oneLine = (s: string) => {
  const line = s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
  return line.length > 160 ? `${line.slice(0, 160)}…` : line;
};

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

const FIELD_NAMES: Record<string, string> = {
  format: '格式',
  version: '版本',
  exportedAt: '导出时间',
  notices: '通知',
  key: '标识',
  docNo: '文号',
  url: '网址',
  title: '标题',
  year: '年份',
  publishedAt: '发布日期',
  sections: '领导分工',
  items: '事项',
  itemNo: '序号',
  fingerprint: '指纹',
  text: '事项文字',
  section: '所属领导',
  units: '牵头单位',
  status: '状态',
  note: '备注',
  followUp: '跟进日期',
  progress: '进度',
  createdAt: '创建时间',
  updatedAt: '更新时间',
  noteUpdatedAt: '备注更新时间',
  history: '历史',
  noteCopies: '冲突副本',
  id: '编号',
  kind: '类别',
  author: '作者',
  at: '时间',
  field: '字段',
  from: '原值',
  to: '新值',
};

/** 通知「…」第 12 项，字段 status（状态） / notice "…", item 12, field status */
function locate(path: readonly PropertyKey[], raw: unknown): { zh: string; en: string } {
  const zh: string[] = [];
  const en: string[] = [];
  let rest = path;
  const root = isObject(raw) ? raw : {};
  if (path[0] === 'notices' && typeof path[1] === 'number') {
    const notice = Array.isArray(root.notices) ? root.notices[path[1]] : undefined;
    const name = isObject(notice) ? [notice.docNo, notice.key].find((v) => typeof v === 'string' && v) : undefined;
    const label = typeof name === 'string' ? name.slice(0, 60) : `#${path[1] + 1}`;
    zh.push(`通知「${label}」`);
    en.push(`notice "${label}"`);
    rest = path.slice(2);
    if (path[2] === 'items' && typeof path[3] === 'number') {
      const items = isObject(notice) && Array.isArray(notice.items) ? notice.items : [];
      const item = items[path[3]];
      const no = isObject(item) && Number.isInteger(item.itemNo) ? (item.itemNo as number) : undefined;
      zh.push(no !== undefined ? `第 ${no} 项` : `第 ${path[3] + 1} 条事项记录`);
      en.push(no !== undefined ? `item ${no}` : `item entry ${path[3] + 1}`);
      rest = path.slice(4);
    }
  }
  if (rest.length) {
    const dotted = rest.map(String).join('.');
    const last = [...rest].reverse().find((p) => typeof p === 'string') as string | undefined;
    const name = last && FIELD_NAMES[last];
    zh.push(`字段 ${dotted}${name ? `（${name}）` : ''}`);
    en.push(`field ${dotted}`);
  }
  if (!zh.length) return { zh: '文件', en: 'the file' };
  return { zh: zh.join('，'), en: en.join(', ') };
}

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: '是/否',
  array: '列表',
  object: '对象',
  null: '空值',
  undefined: '缺失',
};

function typeOf(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'array';
  return typeof x;
}

/** Known English messages of shared schemas (lib/annotation/model.ts), in Chinese. */
const MESSAGES_ZH: Record<string, string> = {
  'must be a date YYYY-MM-DD': '应为日期 YYYY-MM-DD',
  'not a real calendar day': '不是真实的日期',
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

function problem(issue: z.core.$ZodIssue): { zh: string; en: string } {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return { zh: '缺失', en: 'missing' };
      return {
        zh: `应为${TYPE_NAMES[issue.expected] ?? issue.expected}，实为${TYPE_NAMES[typeOf(issue.input)] ?? typeOf(issue.input)} ${show(issue.input)}`,
        en: `expected ${issue.expected}, got ${typeOf(issue.input)} ${show(issue.input)}`,
      };
    case 'invalid_value': {
      const options = issue.values.map((v) => String(v)).join(', ');
      return {
        zh: `未知的值 ${show(issue.input)}，应为 ${options} 之一`,
        en: `unknown value ${show(issue.input)}, expected one of ${options}`,
      };
    }
    case 'too_big': {
      const unit = issue.origin === 'string' ? ' 字' : issue.origin === 'array' ? ' 项' : '';
      const enUnit = issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' entries' : '';
      return { zh: `超出上限 ${issue.maximum}${unit}`, en: `more than the limit of ${issue.maximum}${enUnit}` };
    }
    case 'too_small': {
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return { zh: '不能为空', en: 'must not be empty' };
      return { zh: `小于下限 ${issue.minimum}`, en: `less than the minimum of ${issue.minimum}` };
    }
    default: {
      const m = issue.message;
      if (m.includes(' / ')) {
        const [zh, en] = m.split(' / ', 2);
        return { zh, en };
      }
      return { zh: MESSAGES_ZH[m] ?? '不符合格式', en: m };
    }
  }
}

export function describeIssue(issue: z.core.$ZodIssue, raw: unknown): string {
  const where = locate(issue.path, raw);
  const what = problem(issue);
  return `${where.zh}：${what.zh} / ${where.en}: ${what.en}`;
}
