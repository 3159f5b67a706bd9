/**
 * Who said what, through files: a note written in one profile goes out in its JSON file with its
 * author, arrives in a colleague's profile as that author's own note record beside the colleague's
 * note (never merged into it, never lost), and goes on with both when that profile exports again.
 * The same author on another device (same name and unit) merges as one author's notes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createService } from '../../entrypoints/background/router';
import type { DubanDatabase } from '../db/database';
import { localAuthor } from '../db/authors';
import { dispose, freshDb, syntheticNotice } from './test/fixtures';
import { noticeKey } from '../notice/notice-key';

const T0 = Date.UTC(2026, 10, 20);
const notice = syntheticNotice(1, 5);
const K = noticeKey(notice);
const ZHANG = { name: '张三', unit: '区发改局' };
const LI = { name: '李四', unit: '区建设局' };
const WANG = { name: '王五', unit: '区政府办' };

let opened: DubanDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.map(dispose));
  opened = [];
});
async function profile(as: { name: string; unit: string }) {
  const db = await freshDb('authors', as);
  opened.push(db);
  const service = createService(db, () => clock);
  must(await service.handle('openNotice', notice));
  return { db, service, me: await localAuthor(db) };
}
let clock = T0;
type Profile = Awaited<ReturnType<typeof profile>>;

function must<T>(r: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}
const write = async (p: Profile, itemKey: string, fields: { note?: string; status?: 'done' | 'in_progress' }) => {
  clock += 1000;
  return must(await p.service.handle('saveAnnotation', { noticeKey: K, itemKey, fingerprint: `fp-1-${itemKey}`, session: 's', ...fields }));
};
const exportJson = async (p: Profile) => must(await p.service.handle('exportAnnotations', { format: 'json' })).text;
const importJson = async (p: Profile, text: string) => {
  clock += 1000;
  return must(await p.service.handle('applyImport', { text }));
};

describe('authorship through export and import', () => {
  it('carries each note’s author: a colleague’s note is their record beside mine, and goes on with both', async () => {
    const a = await profile(ZHANG);
    const b = await profile(LI);
    await write(a, '1', { note: '甲：已召开专题会', status: 'in_progress' });
    await write(b, '1', { note: '乙：材料已报送' });

    const csvA = must(await a.service.handle('exportAnnotations', { format: 'csv' })).text;
    expect(csvA.split('\n')[0]).toMatch(/,填报人 Reported by\r?$/);
    expect(csvA.split('\n')[1]).toMatch(/,张三（区发改局）\r?$/);
    const fileA = JSON.parse(await exportJson(a));
    expect(fileA.version).toBe(4);
    expect(fileA.exportedBy).toBe(a.me.id);
    expect(fileA.authors).toEqual([{ id: a.me.id, ...ZHANG }]);
    const itemA = fileA.notices[0].items[0];
    expect(itemA).toMatchObject({ note: '甲：已召开专题会', author: a.me.id, noteAuthor: a.me.id });
    expect(itemA.history.every((h: { author?: string }) => h.author === a.me.id)).toBe(true);

    // B imports A's file: B's note stays B's; A's note is A's record, with A's name and unit.
    const imported = await importJson(b, JSON.stringify(fileA));
    expect(imported.counts).toMatchObject({ updated: 1 });
    // The preview says what the update is: a colleague's note beside B's, and A's status, which B
    // never set (a change made on one side only is taken).
    expect(imported.notices[0].changed).toEqual({ status: ['1'], colleague: ['1'] });
    const item = (await b.db.annotations.get([K, '1']))!;
    expect(item.status).toBe('in_progress');
    expect(item.note).toBe('乙：材料已报送');
    expect(item.noteAuthor).toBe(b.me.id);
    expect(item.noteCopies).toEqual([
      { id: `colleague:${a.me.id}`, kind: 'colleague', text: '甲：已召开专题会', at: expect.any(Number), authorId: a.me.id, ...{ author: '张三', unit: '区发改局' } },
    ]);
    expect(await b.db.authors.get(a.me.id)).toEqual({ id: a.me.id, ...ZHANG });
    // A's history entries name A in B's timeline.
    const history = must(await b.service.handle('getItemHistory', { noticeKey: K, itemKey: '1' }));
    expect(history.find((h) => h.field === 'note' && h.toText === '甲：已召开专题会')?.by).toEqual(ZHANG);
    expect(history.find((h) => h.field === 'note' && h.toText === '乙：材料已报送')?.by).toEqual({ ...LI, me: true });
    // The same file again changes nothing.
    expect((await importJson(b, JSON.stringify(fileA))).changes).toBe(false);

    // A writes on; B imports again: A's record is updated, still one, B's note untouched.
    await write(a, '1', { note: '甲：专题会已开，方案已定', status: 'done' });
    expect((await importJson(b, await exportJson(a))).notices[0].changed).toEqual({ status: ['1'], colleague: ['1'] });
    const again = (await b.db.annotations.get([K, '1']))!;
    expect(again.note).toBe('乙：材料已报送');
    expect(again.noteCopies?.map((c) => [c.author, c.text])).toEqual([['张三', '甲：专题会已开，方案已定']]);

    // B's export carries both notes with their authors; C (a third profile) gets two records.
    const fileB = JSON.parse(await exportJson(b));
    expect(fileB.authors).toEqual(expect.arrayContaining([{ id: a.me.id, ...ZHANG }, { id: b.me.id, ...LI }]));
    expect(fileB.notices[0].items[0]).toMatchObject({ note: '乙：材料已报送', noteAuthor: b.me.id });
    const c = await profile(WANG);
    await importJson(c, JSON.stringify(fileB));
    const atC = (await c.db.annotations.get([K, '1']))!;
    expect(atC.note).toBe('');
    expect(atC.noteCopies?.map((r) => [r.author, r.unit, r.text]).sort()).toEqual([
      ['张三', '区发改局', '甲：专题会已开，方案已定'],
      ['李四', '区建设局', '乙：材料已报送'],
    ]);

    // Back at A: B's note arrives as B's; A's own note, which went round, is not a record of A.
    await importJson(a, JSON.stringify(fileB));
    const atA = (await a.db.annotations.get([K, '1']))!;
    expect(atA.note).toBe('甲：专题会已开，方案已定');
    expect(atA.noteCopies?.map((r) => [r.author, r.text])).toEqual([['李四', '乙：材料已报送']]);
  });

  it('merges the same author’s note from another device (same name and unit) into the note', async () => {
    const a = await profile(ZHANG);
    const a2 = await profile(ZHANG);
    expect(a2.me.id).not.toBe(a.me.id);
    await write(a, '2', { note: '在办公室写的' });
    await importJson(a2, await exportJson(a));
    const item = (await a2.db.annotations.get([K, '2']))!;
    expect(item.note).toBe('在办公室写的');
    expect(item.noteCopies).toBeUndefined();
  });

  it('takes the notes of an author who gave no name or unit as one’s own (a backup restored before naming oneself)', async () => {
    const unnamed = await profile({ name: '', unit: '' });
    const b = await profile(LI);
    await write(unnamed, '4', { note: '未署名时写的' });
    await importJson(b, await exportJson(unnamed));
    const item = (await b.db.annotations.get([K, '4']))!;
    expect(item.note).toBe('未署名时写的');
    expect(item.noteCopies).toBeUndefined();
  });

  it('restores one’s own named backup into a profile not named yet: the notes come back as notes, still signed, not as a colleague’s', async () => {
    const a = await profile(ZHANG);
    await write(a, '3', { note: '张三写的：已上报' });
    // A new machine (or duban installed again): the name prompt put off, the backup imported.
    const fresh = await profile({ name: '', unit: '' });
    await importJson(fresh, await exportJson(a));
    const item = (await fresh.db.annotations.get([K, '3']))!;
    expect(item.note).toBe('张三写的：已上报');
    expect(item.noteCopies).toBeUndefined();
    // Whose note it is stays known: its writer is 张三, as the file said.
    expect(item.noteAuthor).toBe(a.me.id);
    expect((await fresh.db.authors.get(a.me.id))?.name).toBe('张三');
  });

  it('imports a file of version 3 (no authors) as before: its notes merge into the note', async () => {
    const a = await profile(ZHANG);
    const b = await profile(LI);
    await write(a, '3', { note: '旧版文件的备注' });
    const file = JSON.parse(await exportJson(a));
    file.version = 3;
    delete file.authors;
    delete file.exportedBy;
    for (const i of file.notices[0].items) {
      delete i.author;
      delete i.noteAuthor;
      for (const h of i.history) delete h.author, delete h.fromText, delete h.toText;
    }
    await importJson(b, JSON.stringify(file));
    expect((await b.db.annotations.get([K, '3']))!.note).toBe('旧版文件的备注');
  });
});

describe('collecting from units: several files as one batch', () => {
  it('previews each file’s items, applies them in one transaction, and one undo takes all back', async () => {
    const a = await profile(ZHANG);
    const c = await profile(WANG);
    const office = await profile(LI);
    await write(office, '1', { note: '督办室意见' });
    await write(a, '1', { note: '发改局：已完成', status: 'done' });
    await write(c, '2', { note: '政府办：推进中', status: 'in_progress' });
    const before = await office.db.annotations.toArray();
    const files = [
      { fileName: '发改局.json', text: await exportJson(a) },
      { fileName: '政府办.json', text: await exportJson(c) },
    ];
    const preview = must(await office.service.handle('previewImportBatch', { files }));
    expect(preview.files.map((f) => [f.fileName, f.preview.notices[0].itemKeys])).toEqual([
      ['发改局.json', { new: [], updated: ['1'], conflict: [] }],
      ['政府办.json', { new: ['2'], updated: [], conflict: [] }],
    ]);
    expect(await office.db.annotations.toArray()).toEqual(before);

    const applied = must(await office.service.handle('applyImportBatch', { files }));
    expect(applied.counts).toMatchObject({ new: 1, updated: 1 });
    expect((await office.db.annotations.get([K, '1']))!).toMatchObject({ note: '督办室意见', status: 'done' });
    expect((await office.db.annotations.get([K, '2']))!.noteCopies?.map((r) => r.author)).toEqual(['王五']);
    const last = must(await office.service.handle('getLastImport', {}))!;
    expect(last.fileName).toBe('发改局.json、政府办.json');
    must(await office.service.handle('undoLastImport', { id: last.id }));
    expect(await office.db.annotations.toArray()).toEqual(before);
    expect(must(await office.service.handle('getLastImport', {}))).toBeNull();
  });

  it('refuses the whole batch, naming the file, when one file is bad', async () => {
    const a = await profile(ZHANG);
    const office = await profile(LI);
    await write(a, '1', { note: '发改局' });
    const before = await office.db.annotations.toArray();
    const r = await office.service.handle('applyImportBatch', {
      files: [
        { fileName: 'good.json', text: await exportJson(a) },
        { fileName: 'bad.json', text: '{"format":"duban-annotations","version":4}' },
      ],
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && JSON.stringify(r.details)).toContain('bad.json');
    expect(await office.db.annotations.toArray()).toEqual(before);
  });
});

describe('a note cleared in a file', () => {
  it('is said apart from changed notes in the preview, the history keeps the text it clears, and undo brings it back', async () => {
    const a = await profile(ZHANG);
    await write(a, '1', { note: '甲：已召开专题会' });
    await write(a, '2', { note: '乙：材料已报送' });
    // The file comes back with item 1's note emptied (a ledger's 进展情况 cell deleted) and item 2's rewritten.
    const file = JSON.parse(await exportJson(a));
    clock += 1000;
    const later = new Date(clock).toISOString();
    for (const item of file.notices[0].items) Object.assign(item, { note: item.itemKey === '1' ? '' : '乙：材料已报送区政府', updatedAt: later, noteUpdatedAt: later });
    const preview = must(await a.service.handle('previewImport', { text: JSON.stringify(file) }));
    expect(preview.notices[0].changed).toEqual({ note: ['2'], noteCleared: ['1'] });
    await importJson(a, JSON.stringify(file));
    expect((await a.db.annotations.get([K, '1']))!.note).toBe('');
    const history = must(await a.service.handle('getItemHistory', { noticeKey: K, itemKey: '1' }));
    expect(history.find((h) => h.field === 'note' && h.toText === '')?.fromText).toBe('甲：已召开专题会');
    // Undo of that import gives the cleared note back, word for word.
    const last = must(await a.service.handle('getLastImport', {}))!;
    must(await a.service.handle('undoLastImport', { id: last.id }));
    expect((await a.db.annotations.get([K, '1']))!.note).toBe('甲：已召开专题会');
    expect((await a.db.annotations.get([K, '2']))!.note).toBe('乙：材料已报送');
  });
});
