// Conflict copies travel with the annotations: exported in every format, kept by import and
// merge (never lost, never twice), put back by undo.
import { noticeKey } from '../notice/notice-key';
import { afterEach, describe, expect, it } from 'vitest';
import type { ItemAnnotation } from '../annotation/model';
import { saveAnnotation } from '../db/annotations';
import type { DubanDatabase } from '../db/database';
import { createService } from '../../entrypoints/background/router';
import { buildCsv, CSV_HEADER } from './export-csv';
import { buildTransferFile, serializeTransferFile } from './export-json';
import { buildWebAnnotations } from './export-web-annotation';
import { parseTransferFile } from './parse-file';
import { readSnapshot } from '../db/transfer-store';
import { dispose, freshDb, syntheticNotice } from './test/fixtures';

const T0 = Date.UTC(2025, 2, 1);
const notice = syntheticNotice(1, 10);
const KEY = noticeKey(notice);

let opened: DubanDatabase[] = [];
async function db(): Promise<DubanDatabase> {
  const d = await freshDb('copies');
  opened.push(d);
  await createService(d, () => T0).handle('openNotice', notice);
  return d;
}
afterEach(async () => {
  await Promise.all(opened.map(dispose));
  opened = [];
});

function must<T>(r: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** Item `itemKey` written by one tab, then a stale save of another tab (a conflict copy). */
async function conflict(d: DubanDatabase, itemKey: string, note: string, stale: string, at: number, session = 'tab-b'): Promise<ItemAnnotation> {
  await saveAnnotation(d, { noticeKey: KEY, itemKey, fingerprint: `fp-1-${itemKey}`, note, baseNoteRev: 0, session: 'tab-a' }, at);
  const { annotation } = await saveAnnotation(d, { noticeKey: KEY, itemKey, fingerprint: `fp-1-${itemKey}`, note: stale, baseNoteRev: 0, session }, at + 1);
  expect(annotation.noteCopies!.at(-1)).toMatchObject({ text: stale, session });
  return annotation;
}

const exportText = async (from: DubanDatabase, at: number) => serializeTransferFile(buildTransferFile(await readSnapshot(from), at).file);
const importText = async (into: DubanDatabase, text: string, at: number) => must(await createService(into, () => at).handle('applyImport', { text }));
const copiesOf = async (d: DubanDatabase, itemKey: string) => ((await d.annotations.get([KEY, itemKey]))?.noteCopies ?? []).map(({ session: _s, ...c }) => c);

describe('conflict copies in exports', () => {
  it('are in the JSON file (version 4), without this browser’s editing sessions', async () => {
    const a = await db();
    const stored = await conflict(a, '2', '甲', '乙', T0 + 10);
    const text = await exportText(a, T0 + 100);
    const parsed = parseTransferFile(text);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(JSON.parse(text).version).toBe(4);
    const copy = stored.noteCopies![0];
    expect(JSON.parse(text).notices[0].items[0].noteCopies).toEqual([{ id: copy.id, text: '乙', at: new Date(copy.at).toISOString(), kind: 'conflict' }]);
    expect(text).not.toContain('tab-b');
  });

  it('are a CSV column and more commenting bodies of the Web Annotation', async () => {
    const a = await db();
    const stored = await conflict(a, '2', '甲', '=乙的版本', T0 + 10);
    const snapshot = await readSnapshot(a);
    const rows = buildCsv(snapshot).slice(1).split('\r\n');
    expect(rows[0].split(',').at(-2)).toBe(CSV_HEADER.at(-2));
    // Shanghai time, and the formula neutralised like any other cell; then the item's 填报人.
    expect(rows[2]).toMatch(/,\[冲突副本 2025-03-01 08:00\] =乙的版本,测试用户（区政府办）$/);
    const [annotation] = buildWebAnnotations(snapshot, T0 + 100).first.items;
    expect(annotation.body.filter((b) => b.purpose === 'commenting')).toEqual([
      expect.objectContaining({ value: '甲' }),
      expect.objectContaining({ id: `urn:duban:note-copy:${stored.noteCopies![0].id}`, value: '=乙的版本', created: new Date(T0 + 11).toISOString() }),
    ]);
  });
});

describe('conflict copies through import', () => {
  it('export then import into another database keeps every copy, and a second import adds none', async () => {
    const a = await db();
    await conflict(a, '2', '甲', '乙', T0 + 10);
    await conflict(a, '3', '丙', '丁', T0 + 20, 'overview');
    const b = await db();
    const text = await exportText(a, T0 + 100);
    expect(await importText(b, text, T0 + 200)).toMatchObject({ counts: { new: 2 } });
    expect(await copiesOf(b, '2')).toEqual(await copiesOf(a, '2'));
    expect(await copiesOf(b, '3')).toEqual(await copiesOf(a, '3'));
    expect(await importText(b, text, T0 + 300)).toMatchObject({ changes: false });
    expect(await copiesOf(b, '2')).toHaveLength(1);
    // …and back into the first database: nothing new either.
    expect(await importText(a, await exportText(b, T0 + 400), T0 + 500)).toMatchObject({ counts: { updated: 0, conflict: 0 } });
    expect(await copiesOf(a, '2')).toHaveLength(1);
  });

  it('merge keeps the copies of both sides, each once; of one copy the later text', async () => {
    const a = await db();
    const b = await db();
    const mine = await conflict(a, '2', '甲', '乙', T0 + 10);
    must(await createService(b, () => T0 + 50).handle('applyImport', { text: await exportText(a, T0 + 20) }));
    // Both go on: a's editor updates its copy; b gets a copy of its own on the same item.
    await saveAnnotation(a, { noticeKey: KEY, itemKey: '2', fingerprint: 'fp-1-2', note: '乙：后来补充', baseNoteRev: 0, session: 'tab-b' }, T0 + 60);
    await conflict(b, '2', '甲，b 的修改', '戊', T0 + 70, 'b-tab');
    const fromB = await copiesOf(b, '2');
    expect(fromB.map((c) => c.text)).toEqual(['乙', '戊']);

    await importText(a, await exportText(b, T0 + 80), T0 + 90);
    const merged = await copiesOf(a, '2');
    expect(merged.map((c) => c.text)).toEqual(['乙：后来补充', '戊']);
    expect(merged[0].id).toBe(mine.noteCopies![0].id);
    // a's own editing session still updates its copy after the merge.
    const { annotation } = await saveAnnotation(a, { noticeKey: KEY, itemKey: '2', fingerprint: 'fp-1-2', note: '乙：再补充', baseNoteRev: 0, session: 'tab-b' }, T0 + 95);
    expect(annotation.noteCopies!.map((c) => c.text)).toEqual(['乙：再补充', '戊']);
  });

  it('undo of the import puts the copies back as they were', async () => {
    const a = await db();
    const b = await db();
    await conflict(a, '2', '甲', '乙', T0 + 10);
    must(await createService(b, () => T0 + 50).handle('applyImport', { text: await exportText(a, T0 + 20) }));
    await conflict(b, '3', '己', '庚', T0 + 60);
    await saveAnnotation(a, { noticeKey: KEY, itemKey: '2', fingerprint: 'fp-1-2', note: '乙：后来补充', baseNoteRev: 0, session: 'tab-b' }, T0 + 70);
    const before = await b.annotations.toArray();
    const service = createService(b, () => T0 + 100);
    must(await service.handle('applyImport', { text: await exportText(a, T0 + 80) }));
    expect((await copiesOf(b, '2'))[0].text).toBe('乙：后来补充');
    const last = must(await service.handle('getLastImport', {}))!;
    must(await service.handle('undoLastImport', { id: last.id }));
    expect(await b.annotations.toArray()).toEqual(before);
  });

  it('a note taken from a file is a new revision: an editor still on the old one keeps a copy', async () => {
    const a = await db();
    const b = await db();
    await saveAnnotation(b, { noticeKey: KEY, itemKey: '4', fingerprint: 'fp-1-4', note: '旧', baseNoteRev: 0, session: 'tab' }, T0);
    must(await createService(a, () => T0 + 1).handle('applyImport', { text: await exportText(b, T0 + 1) }));
    await saveAnnotation(a, { noticeKey: KEY, itemKey: '4', fingerprint: 'fp-1-4', note: '旧，同事补充' }, T0 + 10);
    must(await createService(b, () => T0 + 20).handle('applyImport', { text: await exportText(a, T0 + 15) }));
    expect(await b.annotations.get([KEY, '4'])).toMatchObject({ note: '旧，同事补充', noteRev: 2 });
    expect((await b.annotations.get([KEY, '4']))!.noteSession).toBeUndefined();
    // The tab typed on revision 1, before the import.
    const { annotation } = await saveAnnotation(b, { noticeKey: KEY, itemKey: '4', fingerprint: 'fp-1-4', note: '旧，本地补充', baseNoteRev: 1, session: 'tab' }, T0 + 30);
    expect(annotation.note).toBe('旧，同事补充');
    expect(annotation.noteCopies!.map((c) => c.text)).toEqual(['旧，本地补充']);
  });
});
