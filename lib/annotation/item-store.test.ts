import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../protocol';
import { createItemStore } from './item-store';
import { applyPatch, type AnnotationPatch, type ItemAnnotation } from './model';

const KEY = '拱政办发〔2024〕2号';
const items = [
  { key: '1', fingerprint: 'f1' },
  { key: '2', fingerprint: 'f2' },
];

/** A background that stores patches like the real one, answering when told. */
function background() {
  const db = new Map<string, ItemAnnotation>();
  const waiting: (() => void)[] = [];
  let now = 1000;
  let failing = false;
  const send = vi.fn(
    (patch: AnnotationPatch) =>
      new Promise<Result<ItemAnnotation>>((resolve) => {
        waiting.push(() => {
          if (failing) return resolve({ ok: false, error: 'down' });
          const { annotation } = applyPatch(db.get(patch.itemKey), patch, ++now);
          db.set(patch.itemKey, annotation);
          resolve({ ok: true, value: annotation });
        });
      }),
  );
  return {
    db,
    send,
    answerAll: async () => {
      while (waiting.length) waiting.shift()!();
      await vi.advanceTimersByTimeAsync(0);
    },
    setFailing: (f: boolean) => (failing = f),
  };
}

const annotation = (itemKey: string, over: Partial<ItemAnnotation> = {}): ItemAnnotation => ({
  noticeKey: KEY,
  itemKey,
  status: 'not_started',
  note: '',
  fingerprint: `f${itemKey}`,
  createdAt: 1,
  updatedAt: 1,
  ...over,
});

describe('item store', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('takes an import’s or an undo’s annotations whole: older versions too, items left out emptied, unsaved typing kept', async () => {
    const bg = background();
    const store = createItemStore({ noticeKey: KEY, items, send: bg.send });
    store.load([annotation('1', { status: 'done', note: '已办结', updatedAt: 50 }), annotation('2', { note: '导入的备注', updatedAt: 60 })]);
    const heard: string[] = [];
    store.subscribe('*', () => heard.push('*'));
    store.subscribe('1', () => heard.push('1'));
    // An undo: item 1 back to an older version, item 2's annotation (the import made it) gone.
    store.replaceAll([annotation('1', { status: 'in_progress', note: '推进中', updatedAt: 10 })]);
    expect(store.view('1')).toMatchObject({ status: 'in_progress', note: '推进中' });
    expect(store.view('2')).toMatchObject({ status: 'not_started', note: '' });
    expect(store.view('2').stored).toBeUndefined();
    expect(heard.filter((h) => h === '1')).toHaveLength(1);
    // The same annotations again change nothing, and wake nobody.
    heard.length = 0;
    store.replaceAll([annotation('1', { status: 'in_progress', note: '推进中', updatedAt: 10 })]);
    expect(heard).toEqual([]);
    // What the user is typing stays on top of the replaced annotation; another notice's are ignored.
    store.edit('1', { note: '正在输入' }, { debounce: true });
    store.replaceAll([annotation('1', { note: '导入', updatedAt: 70 }), { ...annotation('2', { note: '别的通知' }), noticeKey: 'other' }]);
    expect(store.view('1').note).toBe('正在输入');
    expect(store.view('2').note).toBe('');
    await bg.answerAll();
  });

  it('shows defaults, then what was loaded, and lists orphans among the stored', () => {
    const bg = background();
    const store = createItemStore({ noticeKey: KEY, items, send: bg.send });
    expect(store.view('1')).toMatchObject({ status: 'not_started', note: '', textChanged: false, save: { state: 'idle' } });
    store.load([annotation('1', { status: 'done', note: '已办结' }), annotation('9', { note: 'gone item' })]);
    expect(store.view('1')).toMatchObject({ status: 'done', note: '已办结' });
    expect(store.stored().map((a) => a.itemKey)).toEqual(['1', '9']);
  });

  it('shows an edit at once, sends it with the page fingerprint and notifies listeners', async () => {
    const bg = background();
    const store = createItemStore({ noticeKey: KEY, items, send: bg.send });
    const seen: string[] = [];
    store.subscribe('2', () => seen.push(store.view('2').save.state));
    store.edit('2', { note: '周五回复' }, { debounce: true });
    expect(store.view('2').note).toBe('周五回复');
    expect(store.view('2').save.state).toBe('unsaved');
    await vi.advanceTimersByTimeAsync(600);
    expect(bg.send).toHaveBeenCalledWith({ noticeKey: KEY, itemKey: '2', fingerprint: 'f2', note: '周五回复' });
    await bg.answerAll();
    expect(store.view('2')).toMatchObject({ note: '周五回复', save: { state: 'saved' } });
    expect(store.view('2').stored?.note).toBe('周五回复');
    expect(seen).toContain('saving');
  });

  it('another tab’s change updates the item but never replaces unsaved typing', async () => {
    const bg = background();
    const store = createItemStore({ noticeKey: KEY, items, send: bg.send });
    store.load([annotation('1', { note: 'old' })]);
    store.edit('1', { note: 'typing…' }, { debounce: true });
    store.received(annotation('1', { status: 'behind', note: 'from the other tab', updatedAt: 50 }));
    expect(store.view('1')).toMatchObject({ status: 'behind', note: 'typing…' });
    store.received(annotation('2', { status: 'done', updatedAt: 50 }));
    expect(store.view('2').status).toBe('done');
    // An older version (a late broadcast) does not win over a newer one.
    store.received(annotation('2', { status: 'paused', updatedAt: 10 }));
    expect(store.view('2').status).toBe('done');
    // Another notice's change is ignored.
    store.received({ ...annotation('2', { status: 'paused', updatedAt: 99 }), noticeKey: 'other' });
    expect(store.view('2').status).toBe('done');
  });

  it('keeps the text through failures and says so, then saves it', async () => {
    const bg = background();
    const store = createItemStore({ noticeKey: KEY, items, send: bg.send });
    bg.setFailing(true);
    store.edit('1', { note: '不要丢' });
    await bg.answerAll();
    expect(store.view('1')).toMatchObject({ note: '不要丢', save: { state: 'failed', error: 'down' } });
    bg.setFailing(false);
    await vi.advanceTimersByTimeAsync(1000);
    await bg.answerAll();
    expect(store.view('1').save.state).toBe('saved');
    expect(bg.db.get('1')?.note).toBe('不要丢');
  });

  it('says the text changed when the stored fingerprint is not the page’s, until the next save', async () => {
    const bg = background();
    const store = createItemStore({ noticeKey: KEY, items, send: bg.send });
    const old = annotation('1', { note: 'on the old text', fingerprint: 'old' });
    bg.db.set('1', old);
    store.load([old]);
    expect(store.view('1').textChanged).toBe(true);
    store.edit('1', { status: 'in_progress' });
    await bg.answerAll();
    expect(store.view('1').textChanged).toBe(false);
  });

  it('compares stored fingerprints with those the background made, for a page that sent its items without them', () => {
    const bg = background();
    const store = createItemStore({ noticeKey: KEY, items: items.map((i) => ({ ...i, fingerprint: '' })), send: bg.send });
    store.load([annotation('1', { fingerprint: 'f1' }), annotation('2', { fingerprint: 'old' })], KEY, ['f1', 'f2']);
    expect(store.view('1').textChanged).toBe(false);
    expect(store.view('2').textChanged).toBe(true);
  });

  it('says the text changed for items the page shows differently from the stored notice, annotated or not, after saves too', async () => {
    const bg = background();
    const store = createItemStore({ noticeKey: KEY, items, send: bg.send });
    const heard: number[] = [];
    store.subscribe('*', () => heard.push(1));
    store.load([annotation('1')]);
    heard.length = 0;
    store.markTextChanged(['2', '9']); // 9: not on this page
    expect(heard).toHaveLength(1);
    expect(store.view('1').textChanged).toBe(false);
    expect(store.view('2').textChanged).toBe(true);
    store.edit('2', { note: '写在本页文本上' });
    await vi.advanceTimersByTimeAsync(1000);
    await bg.answerAll();
    expect(store.view('2')).toMatchObject({ note: '写在本页文本上', textChanged: true });
  });

  it('says exactly the items the background says differ now: one said before and not now no longer does', () => {
    const store = createItemStore({ noticeKey: KEY, items, send: background().send });
    store.markTextChanged(['2']);
    const heard: number[] = [];
    store.subscribe('2', () => heard.push(1));
    store.markTextChanged([]);
    expect(store.view('2').textChanged).toBe(false);
    expect(heard).toHaveLength(1);
  });

  it('clears a follow-up day with null', async () => {
    const bg = background();
    const store = createItemStore({ noticeKey: KEY, items, send: bg.send });
    store.load([annotation('1', { followUp: '2024-05-01', progress: 30 })]);
    store.edit('1', { followUp: null });
    expect(store.view('1').followUp).toBeUndefined();
    expect(store.view('1').progress).toBe(30);
  });
});
