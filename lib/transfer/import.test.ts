import fc from 'fast-check';
import { noticeKey } from '../notice/notice-key';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DubanDatabase } from '../db/database';
import { saveAnnotation } from '../db/annotations';
import { createService } from '../../entrypoints/background/router';
import { buildTransferFile, serializeTransferFile } from './export-json';
import { parseTransferFile, REFUSED } from './parse-file';
import { sayFailureIn, sayIn } from '../../tests/unit/i18n';
import { importJob } from './plan';
import { applyImport, readSnapshot } from '../db/transfer-store';
import type { ImportOutcome } from '../protocol';
import type { PopupSummary } from '../summary/summary';
import { allHistory, applyEdits, dispose, dump, editArb, freshDb, SEED_DOC_NO, SEED_KEY, seedNotice, syntheticNotice, type Edit } from './test/fixtures';

const T0 = Date.UTC(2025, 2, 1);
const notices = [syntheticNotice(1, 10), syntheticNotice(2, 6)];
let opened: DubanDatabase[] = [];
async function db(): Promise<DubanDatabase> {
  const d = await freshDb('import');
  opened.push(d);
  return d;
}
afterEach(async () => {
  await Promise.all(opened.map(dispose));
  opened = [];
});

async function exportText(from: DubanDatabase, at: number): Promise<string> {
  return serializeTransferFile(buildTransferFile(await readSnapshot(from), at).file);
}

function must<T>(r: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** Annotations keyed and sorted, for comparing two databases. */
/** Annotations as a file carries them: the note's revision and editing sessions are each database's own. */
const annotationsOf = async (d: DubanDatabase) =>
  (await d.annotations.toArray())
    .map(({ noteRev: _rev, noteSession: _session, ...a }) => ({
      ...a,
      ...(a.noteCopies && { noteCopies: a.noteCopies.map(({ session: _s, ...c }) => c) }),
    }))
    .sort((a, b) => (a.noticeKey + a.itemKey).localeCompare(b.noticeKey + b.itemKey));
// The editing session is local bookkeeping (it folds one editor's saves), never exported.
const historyOf = async (d: DubanDatabase) =>
  (await allHistory(d))
    .filter((h) => h.field !== 'import')
    .map(({ session: _local, ...h }) => JSON.stringify(h))
    .sort();

describe('importing a file', () => {
  let a: DubanDatabase;
  let b: DubanDatabase;
  beforeEach(async () => {
    a = await db();
    b = await db();
  });

  it('previews first and writes nothing while previewing', async () => {
    await applyEdits(a, notices, [{ notice: 0, item: 1, status: 'done', after: 1 }, { notice: 1, item: 2, note: '甲', after: 1 }], T0);
    const text = await exportText(a, T0 + 10);
    const service = createService(b, () => T0 + 20);
    const before = await dump(b);
    const preview = must((await service.handle('previewImport', { text })) as any) as ImportOutcome;
    expect(preview.counts).toEqual({ new: 2, updated: 0, unchanged: 0, conflict: 0 });
    expect(preview.notices.map((n) => [n.key, n.isNew, n.itemKeys.new])).toEqual([
      [noticeKey(notices[0]), true, ['1']],
      [noticeKey(notices[1]), true, ['2']],
    ]);
    expect(await dump(b)).toEqual(before);
  });

  it('creates notices it does not know from the file, with the item text, section and units', async () => {
    await applyEdits(a, notices, [{ notice: 0, item: 4, status: 'behind', followUp: '2025-03-03', after: 1 }], T0);
    const service = createService(b, () => T0 + 20);
    must((await service.handle('applyImport', { text: await exportText(a, T0 + 10) })) as any);
    const record = await b.notices.get(noticeKey(notices[0]));
    expect(record).toMatchObject({ key: noticeKey(notices[0]), title: notices[0].title, sourceUrl: notices[0].sourceUrl, year: 2025, sections: notices[0].sections });
    expect(record!.items).toEqual([notices[0].items[3]]);
    const summary = must((await service.handle('getPopupSummary', {})) as any) as PopupSummary;
    expect(summary.notices[0]).toMatchObject({ key: noticeKey(notices[0]), counts: { behind: 1 }, sections: [{ name: '王明区长', total: 1 }] });
    expect(summary.notices[0].units[0].name).toBe('区发改局');
  });

  it('changes nothing when the same file is imported twice', async () => {
    await applyEdits(a, notices, [{ notice: 0, item: 1, note: '甲', status: 'in_progress', after: 1 }], T0);
    await applyEdits(b, notices, [{ notice: 0, item: 1, note: '乙', after: 5 }, { notice: 1, item: 3, progress: 40, after: 1 }], T0);
    const text = await exportText(a, T0 + 10);
    const service = createService(b, () => T0 + 100);
    const first = must((await service.handle('applyImport', { text })) as any) as ImportOutcome;
    expect(first.counts.conflict).toBe(1);
    const between = await dump(b);
    const second = must((await service.handle('applyImport', { text })) as any) as ImportOutcome;
    expect(second.counts).toEqual({ new: 0, updated: 0, unchanged: 1, conflict: 0 });
    expect(second.changes).toBe(false);
    expect(await dump(b)).toEqual(between);
  });

  /** The seed's item 1: A writes `common`, B imports it, then A writes `onA` and B `onB` (A's file comes at T0 + 70). */
  async function clashOnItem1(common: string, onA: string, onB: string) {
    const seed = seedNotice();
    const fp = seed.items[0].fingerprint;
    await createService(a, () => T0).handle('openNotice', seed);
    await saveAnnotation(a, { noticeKey: SEED_KEY, itemKey: '1', fingerprint: fp, note: common }, T0);
    must((await createService(b, () => T0 + 1).handle('applyImport', { text: await exportText(a, T0) })) as any);
    await saveAnnotation(a, { noticeKey: SEED_KEY, itemKey: '1', fingerprint: fp, note: onA }, T0 + 50);
    await saveAnnotation(b, { noticeKey: SEED_KEY, itemKey: '1', fingerprint: fp, note: onB }, T0 + 60);
  }

  it('keeps both notes when both colleagues changed the same note: the local one, and the file\'s as a conflict copy', async () => {
    await clashOnItem1('已召开专题会', '已召开专题会，街道已回复', '区发改局要求补材料');
    const service = createService(b, () => T0 + 100);
    const text = await exportText(a, T0 + 70);
    const preview = must((await service.handle('previewImport', { text })) as any) as ImportOutcome;
    expect(preview.conflicts).toEqual([{ noticeKey: SEED_KEY, docNo: SEED_DOC_NO, itemKey: '1', local: '区发改局要求补材料', imported: '已召开专题会，街道已回复' }]);
    must((await service.handle('applyImport', { text })) as any);
    const stored = (await b.annotations.get([SEED_KEY, '1']))!;
    expect(stored.note).toBe('区发改局要求补材料');
    expect(stored.noteCopies?.map((c) => [c.kind, c.text])).toEqual([['conflict', '已召开专题会，街道已回复']]);
  });

  it('refuses a clash on an item already holding the most conflict copies, naming it, and writes nothing', async () => {
    await clashOnItem1('甲', '甲改', '乙改');
    const full = (await b.annotations.get([SEED_KEY, '1']))!;
    const copies = Array.from({ length: 100 }, (_, i) => ({ id: `c${i}`, text: `副本${i}`, at: T0 + i, kind: 'conflict' as const }));
    await b.annotations.put({ ...full, noteCopies: copies });
    const before = await dump(b);
    const r = await createService(b, () => T0 + 100).handle('applyImport', { text: await exportText(a, T0 + 70) });
    expect(r.ok).toBe(false);
    expect(sayFailureIn('zh_CN', r as any)).toBe('文件未导入，未作任何更改');
    expect(sayIn('zh_CN', (r as any).details[0])).toBe(`通知「${SEED_DOC_NO}」第 1 项：合并后的冲突副本超过 100 份`);
    expect(await dump(b)).toEqual(before);
  });

  it('writes all or nothing: a failure in the last write leaves the database as it was', async () => {
    await applyEdits(a, notices, [{ notice: 0, item: 1, note: '甲', after: 1 }, { notice: 1, item: 2, status: 'done', after: 1 }], T0);
    await applyEdits(b, notices, [{ notice: 0, item: 5, note: '乙', after: 1 }], T0);
    const parsed = parseTransferFile(await exportText(a, T0 + 10));
    if (!parsed.ok) throw new Error('bad export');
    const before = await dump(b);
    const bulkAdd = b.historyPacks.bulkAdd.bind(b.historyPacks);
    b.historyPacks.bulkAdd = (async () => {
      throw new Error('disk full');
    }) as never;
    await expect(applyImport(b, importJob(parsed.file, T0 + 20), T0 + 20)).rejects.toThrow('disk full');
    b.historyPacks.bulkAdd = bulkAdd;
    expect(await dump(b)).toEqual(before);
  });

  it('refuses a tampered file with a message naming the problems, and writes nothing', async () => {
    await applyEdits(a, notices, [{ notice: 0, item: 1, note: '甲', after: 1 }, { notice: 0, item: 2, note: '乙', after: 1 }], T0);
    const f = JSON.parse(await exportText(a, T0 + 10));
    f.notices[0].items[0].status = 'urgent';
    f.notices[0].items[1].progress = 'half';
    f.notices[0].items[1].note = '<script>alert(1)</script>';
    const before = await dump(b);
    const r = await createService(b, () => T0).handle('applyImport', { text: JSON.stringify(f) });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe(REFUSED.code);
    expect(r.details?.map((m) => sayIn('zh_CN', m)).join('\n')).toContain('第 1 项，字段 status（状态）：未知的值 "urgent"');
    expect(r.details?.map((m) => sayIn('en', m)).join('\n')).toContain('item 2, field progress (progress): expected a number, got text "half"');
    expect(await dump(b)).toEqual(before);
  });
});

describe('properties', () => {
  const edits = fc.array(editArb(notices.length, 10), { minLength: 1, maxLength: 25 });

  it('import(export(db)) into an empty database gives back the same annotations and history', async () => {
    await fc.assert(
      fc.asyncProperty(edits, async (list: Edit[]) => {
        const a = await db();
        const b = await db();
        try {
          const end = await applyEdits(a, notices, list, T0);
          const r = await createService(b, () => end + 1).handle('applyImport', { text: await exportText(a, end) });
          expect(r.ok).toBe(true);
          expect(await annotationsOf(b)).toEqual(await annotationsOf(a));
          expect(await historyOf(b)).toEqual(await historyOf(a));
          // …and exporting again from the copy gives the same annotations.
          const again = JSON.parse(await exportText(b, end));
          const first = JSON.parse(await exportText(a, end));
          for (const n of [...again.notices, ...first.notices]) for (const i of n.items) i.history = i.history.filter((h: any) => h.field !== 'import');
          // Each profile is its own author and exports as itself; the first's authors travel on
          // with what its file carries (a file of no notices changes nothing and writes nothing).
          if (first.notices.length) for (const a of first.authors) expect(again.authors).toContainEqual(a);
          else expect(r.ok && r.value.changes).toBe(false);
          for (const f of [again, first]) delete f.exportedBy, delete f.authors;
          expect(again).toEqual(first);
        } finally {
          await Promise.all([dispose(a), dispose(b)]);
          opened = [];
        }
      }),
      { numRuns: 30 },
    );
  });

  it('a second import of the same file changes nothing, whatever both sides did before', async () => {
    await fc.assert(
      fc.asyncProperty(edits, edits, edits, async (common, onA, onB) => {
        const a = await db();
        const b = await db();
        try {
          let clock = await applyEdits(a, notices, common, T0);
          must((await createService(b, () => clock).handle('applyImport', { text: await exportText(a, clock) })) as any);
          clock = await applyEdits(a, notices, onA, clock);
          const endB = await applyEdits(b, notices, onB, T0 + 1 + (clock - T0) / 2);
          const text = await exportText(a, clock);
          const service = createService(b, () => Math.max(clock, endB) + 10);
          const localNotes = new Map((await b.annotations.toArray()).map((x) => [`${x.noticeKey}/${x.itemKey}`, x.note]));
          must((await service.handle('applyImport', { text })) as any);
          const snapshot = await dump(b);
          const second = must((await service.handle('applyImport', { text })) as any) as ImportOutcome;
          expect(second.changes).toBe(false);
          expect(await dump(b)).toEqual(snapshot);
          // No note text was lost: where both sides' notes clashed, the local note stays as it
          // was and the file's is its conflict copy; no marker is written into a note.
          const fileNotes = new Map<string, string>();
          for (const n of JSON.parse(text).notices) for (const i of n.items) fileNotes.set(`${n.key}/${i.itemKey}`, i.note);
          for (const x of await b.annotations.toArray()) {
            const at = `${x.noticeKey}/${x.itemKey}`;
            const copy = x.noteCopies?.find((c) => c.id.startsWith('import:'));
            if (copy) {
              expect(x.note).toBe(localNotes.get(at));
              expect(copy.text).toBe(fileNotes.get(at));
            }
            expect(x.note).not.toContain('<<<');
          }
        } finally {
          await Promise.all([dispose(a), dispose(b)]);
          opened = [];
        }
      }),
      { numRuns: 25 },
    );
  });

  it('random or mutated files never crash the importer and never write part of a file', async () => {
    const base = await db();
    const end = await applyEdits(base, notices, fc.sample(editArb(notices.length, 10), { numRuns: 30, seed: 7 }), T0);
    const good = JSON.parse(await exportText(base, end));

    /** A file with one random change somewhere in it. */
    const mutated = fc
      .record({
        paths: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        kind: fc.constantFrom('set', 'delete', 'truncate', 'status', 'duplicate'),
        value: fc.jsonValue({ maxDepth: 2 }),
        cut: fc.nat(),
      })
      .map(({ paths, kind, value, cut }) => {
        const f = structuredClone(good);
        if (kind === 'truncate') {
          const s = JSON.stringify(f);
          return s.slice(0, cut % s.length);
        }
        // Walk down the file following `paths` (modulo each level's size).
        let parent: any = f;
        let key: string | number = 'notices';
        for (const p of paths) {
          const node: any = parent[key];
          if (node === null || typeof node !== 'object') break;
          const keys: (string | number)[] = Array.isArray(node) ? node.map((_: unknown, i: number) => i) : Object.keys(node);
          if (!keys.length) break;
          parent = node;
          key = keys[p % keys.length];
        }
        if (kind === 'delete') {
          if (Array.isArray(parent)) parent.splice(Number(key), 1);
          else delete parent[key];
        } else if (kind === 'status') {
          const item = f.notices[paths[0] % f.notices.length]?.items[0];
          // Not String(value): an object with a `toString` key that is no function cannot be converted.
          if (item) item.status = typeof value === 'string' ? value : JSON.stringify(value);
        } else if (kind === 'duplicate' && Array.isArray(parent)) {
          parent.push(structuredClone(parent[key as number]));
        } else {
          parent[key] = value;
        }
        return JSON.stringify(f);
      });
    const anything = fc.oneof(mutated, mutated, fc.string(), fc.json());

    const target = await db();
    await applyEdits(target, notices, fc.sample(editArb(notices.length, 10), { numRuns: 10, seed: 11 }), T0);
    await fc.assert(
      fc.asyncProperty(anything, async (text) => {
        const service = createService(target, () => end + 1);
        const before = await dump(target);
        const preview = await service.handle('previewImport', { text });
        expect(await dump(target)).toEqual(before);
        const r = await service.handle('applyImport', { text });
        expect(r.ok).toBe(preview.ok);
        if (!r.ok) {
          expect(r.code).toBe(REFUSED.code);
          expect(await dump(target)).toEqual(before);
          return;
        }
        // Accepted: every item of the file is in the database now.
        const parsed = parseTransferFile(text);
        if (!parsed.ok) throw new Error('accepted a file the parser refuses');
        for (const n of parsed.file.notices) {
          expect(await target.notices.get(n.key)).toBeDefined();
          for (const i of n.items) expect(await target.annotations.get([n.key, i.itemKey])).toBeDefined();
        }
      }),
      { numRuns: 120 },
    );
  });
});
