// Two editors (two tabs, or the overview and a tab) on one item: no edit of a note is lost.
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnnotationPatch, ItemAnnotation } from '../annotation/model';
import { NO_SUCH_COPY } from '../annotation/note-copies';
import { MAX_NOTE_LENGTH } from '../annotation/status';
import type { Result } from '../protocol';
import { DubanDatabase } from './database';
import { createService } from '../../entrypoints/background/router';
import { createItemStore } from '../annotation/item-store';

const NAME = 'duban-note-copies-test';
const KEY = '拱政办发〔2024〕2号';
let db: DubanDatabase;
let clock = 1_700_000_000_000;
let told: ItemAnnotation[] = [];
let service: ReturnType<typeof createService>;

beforeEach(async () => {
  await Dexie.delete(NAME);
  db = new DubanDatabase(NAME);
  told = [];
  service = createService(db, () => clock, { onAnnotationSaved: (_key, a) => told.push(a) });
});
afterEach(() => db.close());

function must<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** One editor: what it last saw of the item, and its session. */
function editor(session: string, seen?: ItemAnnotation) {
  let base = seen?.noteRev ?? 0;
  return {
    /** Saves the note as typed in this editor, on the revision it last saw. */
    async type(note: string, more: Partial<AnnotationPatch> = {}) {
      clock += 1000;
      return must(await service.handle('saveAnnotation', { noticeKey: KEY, itemKey: '7', fingerprint: 'fp', note, baseNoteRev: base, session, ...more }));
    },
    /** The editor takes the stored note as its own (e.g. after reloading). */
    sees(a: ItemAnnotation) {
      base = a.noteRev ?? 0;
    },
  };
}

const history = async () => must(await service.handle('getItemHistory', { noticeKey: KEY, itemKey: '7' })).map((h) => [h.field, h.from, h.to]);

describe('a note saved on an older revision', () => {
  it('becomes a conflict copy beside the note, which stays as the other editor wrote it', async () => {
    const tabA = editor('tab-a');
    const tabB = editor('tab-b');
    const a = await tabA.type('甲：已约谈牵头单位');
    expect(a).toMatchObject({ note: '甲：已约谈牵头单位', noteRev: 1 });
    expect(a.noteCopies).toBeUndefined();

    // Tab B was opened before A's save and types on revision 0.
    const b = await tabB.type('乙：街道尚未回复');
    expect(b.note).toBe('甲：已约谈牵头单位');
    expect(b.noteRev).toBe(1);
    expect(b.noteCopies).toEqual([{ id: expect.any(String), text: '乙：街道尚未回复', at: clock, kind: 'conflict', session: 'tab-b' }]);
    // The answer and every tab show it; the history says so.
    expect(told.at(-1)).toEqual(b);
    expect(await db.annotations.get([KEY, '7'])).toEqual(b);
    expect((await history()).at(-1)).toEqual(['noteCopy', null, 8]);
  });

  it('from the same session updates its copy instead of adding one', async () => {
    const tabA = editor('tab-a');
    const tabB = editor('tab-b');
    await tabA.type('甲');
    const first = await tabB.type('乙');
    const again = await tabB.type('乙：补充');
    expect(again.noteCopies).toHaveLength(1);
    expect(again.noteCopies![0]).toMatchObject({ id: first.noteCopies![0].id, text: '乙：补充', at: clock });
    expect(again.note).toBe('甲');
    expect((await history()).slice(-2)).toEqual([
      ['noteCopy', null, 1],
      ['noteCopy', 1, 4],
    ]);
    // A third editor's stale save is a copy of its own.
    const third = await editor('overview').type('丙');
    expect(third.noteCopies!.map((c) => c.text)).toEqual(['乙：补充', '丙']);
  });

  it('keeps the later status, progress and follow-up of the same save, the overwritten values in the history', async () => {
    await editor('tab-a').type('甲', { status: 'behind', progress: 20 });
    const b = await editor('tab-b').type('乙', { status: 'done', progress: 100, followUp: '2024-05-01' });
    expect(b).toMatchObject({ note: '甲', status: 'done', progress: 100, followUp: '2024-05-01' });
    expect(await history()).toEqual(
      expect.arrayContaining([
        ['status', 'behind', 'done'],
        ['progress', 20, 100],
      ]),
    );
  });
});

describe('a note saved on the current revision', () => {
  it('is written as usual, a new revision', async () => {
    const tabA = editor('tab-a');
    const tabB = editor('tab-b');
    const a = await tabA.type('甲');
    tabB.sees(a);
    const b = await tabB.type('乙在甲之后');
    expect(b).toMatchObject({ note: '乙在甲之后', noteRev: 2, noteSession: 'tab-b' });
    expect(b.noteCopies).toBeUndefined();
  });

  it('is written when the session wrote the newer revisions itself (saves sent before the answers came)', async () => {
    const tab = editor('tab-a');
    await tab.type('甲');
    const b = await tab.type('甲乙'); // still on revision 0: the first answer had not come yet
    expect(b).toMatchObject({ note: '甲乙', noteRev: 2 });
    expect(b.noteCopies).toBeUndefined();
  });

  it('without a base revision (an older client) is written as before: the last save wins', async () => {
    await editor('tab-a').type('甲');
    clock += 1000;
    const b = must(await service.handle('saveAnnotation', { noticeKey: KEY, itemKey: '7', fingerprint: 'fp', note: '乙' }));
    expect(b).toMatchObject({ note: '乙', noteRev: 2 });
    expect(b.noteCopies).toBeUndefined();
    expect(b.noteSession).toBeUndefined();
  });

  it('a stale save whose text is the stored note changes nothing', async () => {
    await editor('tab-a').type('同一句');
    const before = told.length;
    const b = await editor('tab-b').type('同一句');
    expect(b.noteCopies).toBeUndefined();
    expect(told).toHaveLength(before);
  });
});

describe('resolving a conflict copy', () => {
  async function withCopy() {
    await editor('tab-a').type('甲');
    const b = await editor('tab-b').type('乙');
    return b.noteCopies![0].id;
  }
  const resolve = (copyId: string, action: 'dismiss' | 'append') => {
    clock += 1000;
    return service.handle('resolveNoteCopy', { noticeKey: KEY, itemKey: '7', copyId, action });
  };

  it('dismiss drops the copy, leaves the note, and is in the history and told to every tab', async () => {
    const id = await withCopy();
    const r = must(await resolve(id, 'dismiss'));
    expect(r).toMatchObject({ note: '甲', noteRev: 1, updatedAt: clock });
    expect(r.noteCopies).toBeUndefined();
    expect(told.at(-1)).toEqual(r);
    expect((await history()).at(-1)).toEqual(['noteCopy', 1, 'dismissed']);
    expect(await resolve(id, 'dismiss')).toMatchObject({ ok: false, ...NO_SUCH_COPY });
  });

  it('append adds the text to the note as a new revision, then drops the copy', async () => {
    const id = await withCopy();
    const r = must(await resolve(id, 'append'));
    expect(r).toMatchObject({ note: '甲\n乙', noteRev: 2, noteUpdatedAt: clock });
    expect(r.noteSession).toBeUndefined();
    expect(r.noteCopies).toBeUndefined();
    expect(told.at(-1)).toEqual(r);
    expect((await history()).slice(-2)).toEqual([
      ['note', 1, 3],
      ['noteCopy', 1, 'appended'],
    ]);
  });

  it('after append, a save typed before it (still in flight) cannot drop the appended text', async () => {
    const tabA = editor('tab-a');
    await tabA.type('甲');
    const id = (await editor('tab-b').type('乙')).noteCopies![0].id;
    must(await resolve(id, 'append'));
    // Tab A's save of its text without the copy, sent before the append was answered.
    const late = await tabA.type('甲，补充');
    expect(late.note).toBe('甲\n乙');
    expect(late.noteCopies!.map((c) => c.text)).toEqual(['甲，补充']);
  });

  it('append is refused, changing nothing, when the note would be too long', async () => {
    await editor('tab-a').type('甲'.repeat(MAX_NOTE_LENGTH - 2));
    const id = (await editor('tab-b').type('乙乙乙')).noteCopies![0].id;
    const before = await db.annotations.get([KEY, '7']);
    const r = await resolve(id, 'append');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain(`${MAX_NOTE_LENGTH}`);
    expect(await db.annotations.get([KEY, '7'])).toEqual(before);
  });

  it('refuses a malformed request', async () => {
    const r = await service.handle('resolveNoteCopy', { noticeKey: KEY, itemKey: '7', copyId: 'x', action: 'merge' });
    expect(r).toMatchObject({ ok: false, error: expect.stringContaining('invalid request resolveNoteCopy: action') });
  });
});

describe('two item stores (the editor frame of two tabs) typing one note at once', () => {
  /** A store as the editor frame makes it: no delay, its own session, every change told to all. */
  const frames: ReturnType<typeof createItemStore>[] = [];
  const frame = (session: string) => {
    const store = createItemStore({
      noticeKey: KEY,
      items: [{ key: '7', fingerprint: 'fp' }],
      session,
      delay: 0,
      send: async (patch) => {
        clock += 10;
        const r = await service.handle('saveAnnotation', patch);
        // The background tells every tab (the saving one too).
        if (r.ok) for (const f of frames) f.received(r.value);
        return r;
      },
    });
    frames.push(store);
    return store;
  };
  const settle = () => new Promise((r) => setTimeout(r, 20));

  it('keeps both texts: the note typed on an older revision becomes a copy, and goes on updating that copy', async () => {
    frames.length = 0;
    const a = frame('tab-a');
    const b = frame('tab-b');
    a.beginNote('7');
    b.beginNote('7');
    b.edit('7', { note: 'B 的文字' });
    await settle();
    a.edit('7', { note: 'A 的' });
    await settle();
    a.edit('7', { note: 'A 的文字' });
    await settle();
    const stored = await db.annotations.get([KEY, '7']);
    expect(stored?.note).toBe('B 的文字');
    expect(stored?.noteCopies?.map((c) => c.text)).toEqual(['A 的文字']);
    // B keeps typing on its own revision: still its note, A's copy untouched.
    b.edit('7', { note: 'B 的文字，续' });
    await settle();
    expect((await db.annotations.get([KEY, '7']))?.note).toBe('B 的文字，续');
    // A leaves the field and comes back: it now builds on B's note.
    a.endNote('7');
    a.beginNote('7');
    a.edit('7', { note: 'B 的文字，续；A 合并' });
    await settle();
    const after = await db.annotations.get([KEY, '7']);
    expect(after?.note).toBe('B 的文字，续；A 合并');
    expect(after?.noteCopies).toHaveLength(1);
  });
});
