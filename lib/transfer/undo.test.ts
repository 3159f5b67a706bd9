import fc from 'fast-check';
import { noticeKey } from '../notice/notice-key';
import { afterEach, describe, expect, it } from 'vitest';
import { rememberNotice, saveAnnotation } from '../db/annotations';
import type { DubanDatabase } from '../db/database';
import { createService } from '../../entrypoints/background/router';
import { buildTransferFile, serializeTransferFile } from './export-json';
import { parseTransferFile } from './parse-file';
import { importJob } from './plan';
import { LAST_IMPORT_KEY, NEWER_IMPORT, NO_IMPORT, UNDO_STACK_KEY, type UndoableImport } from '../db/restore-point';
import type { Failure } from '../protocol';
import { sayFailureIn } from '../../tests/unit/i18n';
import { applyImport, MAX_UNDOABLE_IMPORTS, readSnapshot } from '../db/transfer-store';
import { applyEdits, dispose, editArb, freshDb, syntheticNotice, type Edit } from './test/fixtures';

const T0 = Date.UTC(2025, 2, 1);
const notices = [syntheticNotice(1, 10), syntheticNotice(2, 6), syntheticNotice(3, 5)];
/** The importing database knows the first two notices; the third is new to it. */
const known = notices.slice(0, 2);

let opened: DubanDatabase[] = [];
async function db(): Promise<DubanDatabase> {
  const d = await freshDb('undo');
  opened.push(d);
  return d;
}
afterEach(async () => {
  await Promise.all(opened.map(dispose));
  opened = [];
});

/**
 * Every row of every table, ids included, in primary-key order; apart from the undo bookkeeping
 * (the restore points and the summaries of the imports that can be undone), which undo itself removes.
 */
async function fullDump(d: DubanDatabase) {
  const [notices, annotations, history, historyPacks, meta, noticeDigests, annotationDigests, summaryDigests] = await Promise.all([
    d.notices.toArray(),
    d.annotations.toArray(),
    d.history.toArray(),
    d.historyPacks.toArray(),
    d.meta.toArray(),
    d.noticeDigests.toArray(),
    d.annotationDigests.toArray(),
    d.summaryDigests.toArray(),
  ]);
  const digests = { noticeDigests, annotationDigests, summaryDigests };
  return { notices, annotations, history, historyPacks, meta: meta.filter((m) => m.key !== LAST_IMPORT_KEY && m.key !== UNDO_STACK_KEY), digests };
}

async function exportText(from: DubanDatabase, at: number): Promise<string> {
  return serializeTransferFile(buildTransferFile(await readSnapshot(from), at).file);
}

function must<T>(r: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

async function last(d: DubanDatabase): Promise<UndoableImport | null> {
  return must((await createService(d).handle('getLastImport', {})) as any) as UndoableImport | null;
}

const undo = (d: DubanDatabase, id: number, at = T0) => createService(d, () => at).handle('undoLastImport', { id });

describe('undo last import', () => {
  it('keeps a restore point with the file name and time, and puts everything back', async () => {
    const a = await db();
    const b = await db();
    await applyEdits(a, notices, [{ notice: 0, item: 1, note: '甲', after: 1 }, { notice: 2, item: 2, status: 'done', after: 1 }], T0);
    await applyEdits(b, known, [{ notice: 0, item: 1, note: '乙', after: 5 }, { notice: 1, item: 3, progress: 40, after: 1 }], T0);
    const before = await fullDump(b);
    expect(await last(b)).toBeNull();
    const text = await exportText(a, T0 + 10);
    must((await createService(b, () => T0 + 100).handle('applyImport', { text, fileName: 'duban-all.json', importId: 'r1' })) as any);
    expect(await fullDump(b)).not.toEqual(before);
    const point = await last(b);
    expect(point).toMatchObject({ at: T0 + 100, fileName: 'duban-all.json', importId: 'r1', counts: { new: 1, conflict: 1 } });

    expect(must((await undo(b, point!.id)) as any)).toMatchObject({ fileName: 'duban-all.json' });
    expect(await fullDump(b)).toEqual(before);
    expect(await b.restorePoints.count()).toBe(0);
    expect(await undo(b, point!.id)).toMatchObject({ ok: false, ...NO_IMPORT });
  });

  it('undoes only the last import, and an import that changes nothing does not replace it', async () => {
    const a = await db();
    const b = await db();
    await applyEdits(a, notices, [{ notice: 0, item: 1, note: '甲', after: 1 }], T0);
    const service = createService(b, () => T0 + 100);
    const first = await exportText(a, T0 + 10);
    must((await service.handle('applyImport', { text: first, fileName: 'first.json' })) as any);
    const firstPoint = (await last(b))!;
    await applyEdits(a, notices, [{ notice: 1, item: 2, note: '丙', after: 1 }], T0 + 20);
    must((await service.handle('applyImport', { text: await exportText(a, T0 + 30), fileName: 'second.json' })) as any);
    const secondPoint = (await last(b))!;
    expect(secondPoint.fileName).toBe('second.json');
    // The first file again: nothing changes, the second import stays the one to undo.
    must((await service.handle('applyImport', { text: first, fileName: 'again.json' })) as any);
    expect((await last(b))!.id).toBe(secondPoint.id);
    expect(await undo(b, firstPoint.id)).toMatchObject({ ok: false, ...NEWER_IMPORT });
    expect((await undo(b, secondPoint.id)).ok).toBe(true);
    expect(await b.annotations.get([noticeKey(notices[1]), '2'])).toBeUndefined();
    expect((await b.annotations.get([noticeKey(notices[0]), '1']))!.note).toBe('甲');
    expect(await last(b)).toEqual(firstPoint);
  });

  it('refuses, naming the items, when an imported item was edited since; nothing is written', async () => {
    const a = await db();
    const b = await db();
    await applyEdits(a, notices, [{ notice: 0, item: 1, note: '甲', after: 1 }, { notice: 0, item: 4, status: 'behind', after: 1 }], T0);
    must((await createService(b, () => T0 + 100).handle('applyImport', { text: await exportText(a, T0 + 10) })) as any);
    const id = (await last(b))!.id;
    await saveAnnotation(b, { noticeKey: noticeKey(notices[0]), itemKey: '4', fingerprint: 'fp-1-4', note: '导入后补充' }, T0 + 200);
    const edited = await fullDump(b);
    const r = await undo(b, id);
    expect(r.ok).toBe(false);
    expect(sayFailureIn('zh_CN', r as Failure)).toBe('无法撤销：导入之后又修改过 1 项（拱政办发〔2025〕1号 第 4 项）。撤销会覆盖这些修改，因此未作任何更改。');
    expect(sayFailureIn('en', r as Failure)).toContain('Cannot undo: 1 imported item was changed after the import (拱政办发〔2025〕1号 item 4)');
    expect(await fullDump(b)).toEqual(edited);
    expect((await last(b))!.id).toBe(id);
  });

  it('keeps a notice refreshed from its page, and a new notice that has other annotations', async () => {
    const a = await db();
    const b = await db();
    await applyEdits(a, notices, [{ notice: 2, item: 1, note: '甲', after: 1 }, { notice: 1, item: 2, note: '乙', after: 1 }], T0);
    await applyEdits(b, known, [], T0);
    must((await createService(b, () => T0 + 100).handle('applyImport', { text: await exportText(a, T0 + 10) })) as any);
    const id = (await last(b))!.id;
    // The new notice 3 gets an annotation the import did not write; notice 2 is opened on its page.
    await saveAnnotation(b, { noticeKey: noticeKey(notices[2]), itemKey: '5', fingerprint: 'fp-3-5', status: 'done' }, T0 + 200);
    const refreshed = await rememberNotice(b, notices[1], T0 + 300);
    expect((await undo(b, id)).ok).toBe(true);
    expect(await b.annotations.get([noticeKey(notices[2]), '1'])).toBeUndefined();
    expect(await b.annotations.get([noticeKey(notices[2]), '5'])).toMatchObject({ status: 'done' });
    expect(await b.notices.get(noticeKey(notices[2]))).toBeDefined();
    expect(await b.notices.get(noticeKey(notices[1]))).toEqual(refreshed);
  });

  it('writes the restore point in the import transaction: a failure there leaves nothing', async () => {
    const a = await db();
    const b = await db();
    await applyEdits(a, notices, [{ notice: 0, item: 1, note: '甲', after: 1 }], T0);
    await applyEdits(b, known, [{ notice: 0, item: 5, note: '乙', after: 1 }], T0);
    const parsed = parseTransferFile(await exportText(a, T0 + 10));
    if (!parsed.ok) throw new Error('bad export');
    const before = await fullDump(b);
    const add = b.restorePoints.add.bind(b.restorePoints);
    b.restorePoints.add = (async () => {
      throw new Error('quota exceeded');
    }) as never;
    await expect(applyImport(b, importJob(parsed.file, T0 + 20), T0 + 20)).rejects.toThrow('quota exceeded');
    b.restorePoints.add = add;
    expect(await fullDump(b)).toEqual(before);
    expect(await b.restorePoints.count()).toBe(0);
  });
});

describe('undo is a stack', () => {
  it('import A, import B, undo B, undo A: the database is exactly as before A', async () => {
    const a = await db();
    const b = await db();
    const local = await db();
    await applyEdits(local, known, [{ notice: 0, item: 1, note: '本地', after: 1 }, { notice: 1, item: 2, status: 'behind', after: 1 }], T0);
    const before = await fullDump(local);
    await applyEdits(a, notices, [{ notice: 0, item: 1, note: '甲的备注', after: 5 }, { notice: 2, item: 3, status: 'done', after: 1 }], T0);
    must((await createService(local, () => T0 + 100).handle('applyImport', { text: await exportText(a, T0 + 10), fileName: 'A.json' })) as any);
    const pointA = (await last(local))!;
    const afterA = await fullDump(local);
    await applyEdits(b, notices, [{ notice: 0, item: 1, note: '乙的备注', after: 50 }, { notice: 1, item: 2, progress: 30, after: 50 }], T0);
    must((await createService(local, () => T0 + 200).handle('applyImport', { text: await exportText(b, T0 + 150), fileName: 'B.json' })) as any);
    const pointB = (await last(local))!;
    expect(pointB.fileName).toBe('B.json');

    expect(must((await undo(local, pointB.id)) as any)).toMatchObject({ fileName: 'B.json' });
    expect(await fullDump(local)).toEqual(afterA);
    // A is the one to undo now, with what the popup shows of it.
    expect(await last(local)).toEqual(pointA);
    expect(must((await undo(local, pointA.id)) as any)).toMatchObject({ fileName: 'A.json' });
    expect(await fullDump(local)).toEqual(before);
    expect(await last(local)).toBeNull();
    expect(await local.restorePoints.count()).toBe(0);
  });

  it(`keeps the last ${MAX_UNDOABLE_IMPORTS} imports: the older restore points go`, async () => {
    const local = await db();
    await applyEdits(local, known, [], T0);
    const ids: number[] = [];
    for (let i = 0; i < MAX_UNDOABLE_IMPORTS + 2; i++) {
      const a = await db();
      await applyEdits(a, notices, [{ notice: 0, item: 1 + (i % 10), note: `第${i}份`, after: 10 }], T0 + i * 1000);
      must((await createService(local, () => T0 + i * 1000 + 500).handle('applyImport', { text: await exportText(a, T0 + i * 1000 + 20) })) as any);
      ids.push((await last(local))!.id);
    }
    expect(await local.restorePoints.count()).toBe(MAX_UNDOABLE_IMPORTS);
    for (const id of ids.slice(2).reverse()) expect((await undo(local, id)).ok).toBe(true);
    expect(await undo(local, ids[1])).toMatchObject({ ok: false, ...NO_IMPORT });
  });

  it('still undoes the one import a database written before the stack kept', async () => {
    const a = await db();
    const local = await db();
    await applyEdits(local, known, [{ notice: 0, item: 1, note: '本地', after: 1 }], T0);
    const before = await fullDump(local);
    await applyEdits(a, notices, [{ notice: 0, item: 1, note: '甲', after: 5 }], T0);
    must((await createService(local, () => T0 + 100).handle('applyImport', { text: await exportText(a, T0 + 10), fileName: 'A.json' })) as any);
    // As the previous version left it: one restore point, its summary under `lastImport`.
    const summary = (await last(local))!;
    await local.meta.delete(UNDO_STACK_KEY);
    await local.meta.put({ key: LAST_IMPORT_KEY, value: summary });
    expect(await last(local)).toEqual(summary);
    expect((await undo(local, summary.id)).ok).toBe(true);
    expect(await fullDump(local)).toEqual(before);
    expect(await last(local)).toBeNull();
  });
});

describe('undo properties', () => {
  const edits = (notices: number) => fc.array(editArb(notices, 10), { maxLength: 20 });

  it('random database + random import + undo gives back exactly the database before', async () => {
    await fc.assert(
      fc.asyncProperty(edits(3), edits(2), fc.option(edits(3), { nil: undefined }), async (onA, onB, earlier) => {
        const a = await db();
        const b = await db();
        let clock = await applyEdits(b, known, onB, T0);
        if (earlier) {
          // An earlier import leaves packs and a restore point of its own.
          const c = await db();
          const end = await applyEdits(c, notices, earlier, T0 + 7);
          clock = Math.max(clock, end) + 1;
          must((await createService(b, () => clock).handle('applyImport', { text: await exportText(c, end) })) as any);
        }
        const endA = await applyEdits(a, notices, onA, T0 + 3);
        clock = Math.max(clock, endA) + 1;
        const before = await fullDump(b);
        const previous = await last(b);
        const points = await b.restorePoints.count();
        const r = must((await createService(b, () => clock).handle('applyImport', { text: await exportText(a, endA) })) as any);
        const point = await last(b);
        if (!(r as { changes: boolean }).changes) {
          expect(await fullDump(b)).toEqual(before);
          expect(point).toEqual(previous);
          return;
        }
        expect(must((await undo(b, point!.id, clock + 1)) as any)).toMatchObject({ id: point!.id });
        expect(await fullDump(b)).toEqual(before);
        expect(await b.restorePoints.count()).toBe(points);
        expect(await last(b)).toEqual(previous);
        opened = opened.filter((d) => d !== a && d !== b);
        await Promise.all([dispose(a), dispose(b)]);
      }),
      { numRuns: 40 },
    );
  });

  it('random database + k random imports, undone k times, gives back every table at each step', async () => {
    await fc.assert(
      fc.asyncProperty(edits(2), fc.array(edits(3), { minLength: 1, maxLength: 4 }), async (onB, files) => {
        const b = await db();
        let clock = await applyEdits(b, known, onB, T0);
        // The state before each import that changed something, newest last.
        const states: { dump: Awaited<ReturnType<typeof fullDump>>; id: number }[] = [];
        for (const [i, onA] of files.entries()) {
          const a = await db();
          const endA = await applyEdits(a, notices, onA, T0 + 3 + i);
          clock = Math.max(clock, endA) + 1;
          const dump = await fullDump(b);
          const r = must((await createService(b, () => clock).handle('applyImport', { text: await exportText(a, endA) })) as any);
          if ((r as { changes: boolean }).changes) states.push({ dump, id: (await last(b))!.id });
          opened = opened.filter((d) => d !== a);
          await dispose(a);
        }
        for (const { dump, id } of states.reverse()) {
          expect((await last(b))!.id).toBe(id);
          expect(must((await undo(b, id, ++clock)) as any)).toMatchObject({ id });
          expect(await fullDump(b)).toEqual(dump);
        }
        expect(await last(b)).toBeNull();
        expect(await b.restorePoints.count()).toBe(0);
        opened = opened.filter((d) => d !== b);
        await dispose(b);
      }),
      { numRuns: 25 },
    );
  });

  it('edits after an import make undo refuse if they touch an imported item, and survive it otherwise', async () => {
    await fc.assert(
      fc.asyncProperty(edits(3), edits(2), fc.array(editArb(3, 10), { minLength: 1, maxLength: 4 }), async (onA, onB, later: Edit[]) => {
        const a = await db();
        const b = await db();
        const endB = await applyEdits(b, known, onB, T0);
        const endA = await applyEdits(a, notices, onA, T0 + 3);
        let clock = Math.max(endA, endB) + 1;
        const before = await fullDump(b);
        const r = must((await createService(b, () => clock).handle('applyImport', { text: await exportText(a, endA) })) as any);
        if (!(r as { changes: boolean }).changes) return;
        const imported = await fullDump(b);
        const point = (await b.restorePoints.toArray())[0];
        const touched = new Set(point.annotations.map((c) => c.key.join('/')));
        // Later edits (only on notices this database has a record of, as in the overlay).
        const known3 = (await b.notices.toArray()).map((n) => n.key);
        clock = await applyEdits(b, notices.filter((n) => known3.includes(noticeKey(n))), later.map((e) => ({ ...e, notice: e.notice % known3.length })), clock + 1);
        const edited = await fullDump(b);
        const key = (x: { noticeKey: string; itemKey: string }) => `${x.noticeKey}/${x.itemKey}`;
        const afterImport = new Map(imported.annotations.map((x) => [key(x), x]));
        const editedTouched = edited.annotations.filter((x) => touched.has(key(x)) && JSON.stringify(x) !== JSON.stringify(afterImport.get(key(x))));

        const u = await undo(b, point.id!, clock + 1);
        if (editedTouched.length) {
          expect(u.ok).toBe(false);
          expect(!u.ok && u.code).toBe('undo.changedSince');
          expect(await fullDump(b)).toEqual(edited);
          return;
        }
        expect(u.ok).toBe(true);
        const now = await fullDump(b);
        const was = new Map(before.annotations.map((x) => [key(x), x]));
        const editedNow = new Map(edited.annotations.map((x) => [key(x), x]));
        for (const x of now.annotations) expect(x).toEqual(touched.has(key(x)) ? was.get(key(x)) : editedNow.get(key(x)));
        for (const k of touched) if (!was.has(k)) expect(now.annotations.some((x) => key(x) === k)).toBe(false);
        expect(now.history).toEqual(edited.history);
        expect(now.historyPacks).toEqual(before.historyPacks);
        opened = opened.filter((d) => d !== a && d !== b);
        await Promise.all([dispose(a), dispose(b)]);
      }),
      { numRuns: 30 },
    );
  });
});
