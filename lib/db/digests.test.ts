import fc from 'fast-check';
import { noticeKey } from '../notice/notice-key';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnnotationPatch } from '../annotation/model';
import type { Notice } from '../notice/types';
import { buildTransferFile, serializeTransferFile } from '../transfer/export-json';
import { readSnapshot } from './transfer-store';
import { summarise } from '../summary/summary';
import type { LastExport } from '../summary/summary';
import { applyEdits, dispose, editArb, freshDb, seedNotice, syntheticNotice, type Edit } from '../transfer/test/fixtures';
import { rememberNotice, saveAnnotation } from './annotations';
import { getMeta, LAST_EXPORT_KEY } from './meta';
import type { DubanDatabase } from './database';
import { deriveDigests } from '../summary/digests';
import { createService } from '../../entrypoints/background/router';

const T0 = Date.UTC(2025, 2, 1);
/** Three notices; the third is never opened here, so imports create it from the file. */
const notices = [syntheticNotice(1, 10), syntheticNotice(2, 6), syntheticNotice(3, 5)];
/**
 * Notice 1 as its page may read later: items dropped and added, under another URL (kept as
 * revisions); an item inserted, the rest renumbered (a revision whose acceptance moves the notes
 * after it); the same items keyed by a newer reading (the notes move on the visit).
 */
const variants: Notice[] = [
  { ...notices[0], items: notices[0].items.slice(0, 6), sourceUrl: `${notices[0].sourceUrl}?from=home` },
  { ...syntheticNotice(1, 12), title: '关于印发2025年重点工作责任分解的通知 1（修订）' },
  {
    ...notices[0],
    items: [...notices[0].items.slice(0, 2), { ...notices[0].items[2], text: '新增的重点工作', fingerprint: 'fp-1-new' }, ...notices[0].items.slice(2)].map((item, i) => ({
      ...item,
      key: String(i + 1),
      number: i + 1,
    })),
  },
  { ...notices[0], items: notices[0].items.map((item) => ({ ...item, key: `${'一二三'[item.section - 1]}、${item.number}.` })) },
];

let opened: DubanDatabase[] = [];
async function db(): Promise<DubanDatabase> {
  const d = await freshDb('digests');
  opened.push(d);
  return d;
}
afterEach(async () => {
  await Promise.all(opened.map(dispose));
  opened = [];
});

const byKey = <T extends { key?: string; noticeKey?: string }>(rows: T[]) =>
  rows.sort((a, b) => ((a.key ?? a.noticeKey)! < (b.key ?? b.noticeKey)! ? -1 : 1));

/** The digests as stored, and as derived from scratch from the notices and annotations. */
async function digestsOf(d: DubanDatabase) {
  const [notices, annotations, n, a, s] = await Promise.all([
    d.notices.toArray(),
    d.annotations.toArray(),
    d.noticeDigests.toArray(),
    d.annotationDigests.toArray(),
    d.summaryDigests.toArray(),
  ]);
  const derived = deriveDigests(notices, annotations);
  return {
    stored: { notices: byKey(n), annotations: byKey(a), summaries: byKey(s) },
    derived: { notices: byKey(derived.notices), annotations: byKey(derived.annotations), summaries: byKey(derived.summaries) },
    notices,
    annotations,
  };
}

/**
 * Stored digests equal derived ones, and the popup's answer equals the summary of the tables
 * themselves. `popup` is the background as the popup meets it, kept across writes (its summary is
 * kept warm between openings); a new one by default.
 */
async function expectInStep(d: DubanDatabase, now: number, activeUrl?: string, popup?: { service: ReturnType<typeof createService>; clock: { now: number } }) {
  const { stored, derived, notices: n, annotations } = await digestsOf(d);
  expect(stored).toEqual(derived);
  const lastExport = await getMeta<LastExport>(d, LAST_EXPORT_KEY);
  if (popup) popup.clock.now = now;
  const service = popup?.service ?? createService(d, () => now);
  const answer = await service.handle('getPopupSummary', activeUrl ? { activeUrl } : {});
  expect(answer).toEqual({ ok: true, value: summarise({ notices: n, annotations, lastExport, now, ...(activeUrl && { activeUrl }) }) });
}

type Op =
  | { kind: 'open'; notice: number }
  | { kind: 'accept'; pick: number }
  | { kind: 'edit'; edit: Edit }
  | { kind: 'import'; edits: Edit[] }
  | { kind: 'undo' }
  | { kind: 'export' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('open' as const), notice: fc.integer({ min: 0, max: 1 + variants.length }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('accept' as const), pick: fc.nat() }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('edit' as const), edit: editArb(3, 12) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('import' as const), edits: fc.array(editArb(3, 10), { maxLength: 8 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'undo' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'export' as const }) },
);

/** Runs one operation through the real write paths (as the overlay, the popup and the overview do). */
async function run(d: DubanDatabase, op: Op, clock: number): Promise<number> {
  const service = createService(d, () => clock);
  switch (op.kind) {
    case 'open': {
      const page = [notices[0], notices[1], ...variants][op.notice];
      await rememberNotice(d, page, clock);
      return clock + 1;
    }
    case 'accept': {
      // The user accepts one of the texts pages showed (the variants are revisions of notice 1).
      const withRevisions = (await d.notices.toArray()).filter((n) => n.revisions?.length);
      if (!withRevisions.length) return clock;
      const notice = withRevisions[op.pick % withRevisions.length];
      const revision = notice.revisions![op.pick % notice.revisions!.length];
      const r = await service.handle('acceptNoticeRevision', { noticeKey: notice.key, revisionId: revision.id });
      expect(r.ok).toBe(true);
      return clock + 1;
    }
    case 'edit': {
      const e = op.edit;
      const notice = notices[e.notice];
      const item = notice.items[(e.item - 1) % notice.items.length];
      // Items beyond the notice's own (as after a page lost items) get annotated too.
      const itemKey = e.item > 10 ? String(e.item) : item.key;
      const patch: AnnotationPatch = { noticeKey: noticeKey(notice), itemKey, fingerprint: item.fingerprint };
      if (e.status !== undefined) patch.status = e.status;
      if (e.note !== undefined) patch.note = e.note;
      if (e.followUp !== undefined) patch.followUp = e.followUp;
      if (e.progress !== undefined) patch.progress = e.progress;
      await saveAnnotation(d, patch, clock + e.after);
      return clock + e.after + 1;
    }
    case 'import': {
      // A colleague who opened all three notices; their file may create notice 3 here.
      const colleague = await freshDb('digests-colleague');
      const end = await applyEdits(colleague, notices, op.edits, clock);
      const text = serializeTransferFile(buildTransferFile(await readSnapshot(colleague), end).file);
      await dispose(colleague);
      const r = await createService(d, () => end + 1).handle('applyImport', { text });
      expect(r.ok).toBe(true);
      return end + 2;
    }
    case 'undo': {
      const last = await service.handle('getLastImport', {});
      if (last.ok && last.value) await service.handle('undoLastImport', { id: last.value.id }); // refused when items changed since
      return clock + 1;
    }
    case 'export':
      await service.handle('exportAnnotations', { format: 'json' });
      return clock + 1;
  }
}

describe('digests', () => {
  it('stay in step with the notices and annotations through random opens, accepted revisions, edits, imports and undos', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 14 }), fc.integer({ min: 0, max: 2 }), async (ops, active) => {
        const d = await db();
        const popupClock = { now: T0 };
        const popup = { service: createService(d, () => popupClock.now), clock: popupClock };
        let clock = T0;
        for (const op of ops) {
          clock = await run(d, op, clock);
          // The same background answers every opening, and a new one (woken after a stop) too.
          await expectInStep(d, clock + 5 * 86_400_000, [undefined, notices[0].sourceUrl, notices[2].sourceUrl][active], popup);
          await expectInStep(d, clock + 5 * 86_400_000, [undefined, notices[0].sourceUrl, notices[2].sourceUrl][(active + 1) % 3], popup);
        }
        opened = opened.filter((x) => x !== d);
        await dispose(d);
      }),
      { numRuns: 60 },
    );
  });

  it('are written in the same transaction: a failed save leaves both the annotation and its digests as they were', async () => {
    const d = await db();
    await applyEdits(d, [seedNotice()], [{ notice: 0, item: 3, status: 'behind', note: '甲', after: 1 }], T0);
    const before = await digestsOf(d);
    const put = d.summaryDigests.bulkPut.bind(d.summaryDigests);
    d.summaryDigests.bulkPut = (async () => {
      throw new Error('quota exceeded');
    }) as never;
    const key = before.notices[0].key;
    await expect(saveAnnotation(d, { noticeKey: key, itemKey: '3', fingerprint: 'x', status: 'done' }, T0 + 10)).rejects.toThrow('quota exceeded');
    d.summaryDigests.bulkPut = put;
    expect(await digestsOf(d)).toEqual(before);
    await expectInStep(d, T0 + 20);
  });

  it('spare the popup reading any annotation: it reads digests only', async () => {
    const d = await db();
    const seed = seedNotice();
    const edits: Edit[] = seed.items.map((item, i) => ({ notice: 0, item: i + 1, status: 'in_progress', note: `第${i}条\n第二行`, followUp: '2025-02-20', progress: i % 100, after: 1 }));
    const clock = await applyEdits(d, [seed], edits, T0);
    const tables = [d.annotations, d.notices];
    const saved = tables.map((t) => ({ toArray: t.toArray, bulkGet: t.bulkGet, get: t.get }));
    for (const t of tables) {
      t.toArray = t.bulkGet = t.get = (() => {
        throw new Error(`read ${t.name}`);
      }) as never;
    }
    const r = await createService(d, () => clock).handle('getPopupSummary', {});
    tables.forEach((t, i) => Object.assign(t, saved[i]));
    const overdue = r.ok ? r.value.notices[0].overdue : undefined;
    expect(overdue?.more).toBe(seed.items.length - 20);
    expect(overdue?.entries[0]).toMatchObject({ itemKey: seed.items[0].key, note: '第0条', text: seed.items[0].text.slice(0, 60) + '…' });
    await expectInStep(d, clock);
  });
});
