import { describe, expect, it } from 'vitest';
import { applyPatch, type AnnotationPatch, type HistoryEntry } from '../annotation/model';
import { importedCopyId, mergeItem, type ItemSide } from './merge';

const KEY = '拱政办发〔2024〕2号';
const T0 = 1_710_000_000_000;

/** One machine's item after a sequence of patches at the given times. */
function side(start: ItemSide | undefined, ...edits: [number, Omit<AnnotationPatch, 'noticeKey' | 'itemKey' | 'fingerprint'>][]): ItemSide {
  let annotation = start?.annotation;
  const history: HistoryEntry[] = [...(start?.history ?? [])];
  for (const [at, patch] of edits) {
    const r = applyPatch(annotation, { noticeKey: KEY, itemKey: '7', fingerprint: 'fp', ...patch }, at);
    annotation = r.annotation;
    history.push(...r.history);
  }
  return { annotation: annotation!, history };
}

/** The local side after a merge: its annotation and history with the added entries. */
function after(local: ItemSide | undefined, incoming: ItemSide, now: number): ItemSide & { kind: string } {
  const m = mergeItem(local, incoming, now);
  return { kind: m.kind, annotation: m.annotation, history: [...(local?.history ?? []), ...m.addHistory] };
}

describe('mergeItem', () => {
  const common = side(undefined, [T0, { status: 'in_progress', note: '已召开专题会' }]);

  it('takes an item the database lacks as it is, with its history and an import entry', () => {
    const m = mergeItem(undefined, common, T0 + 9);
    expect(m.kind).toBe('new');
    expect(m.annotation).toEqual(common.annotation);
    expect(m.addHistory.slice(0, -1)).toEqual(common.history);
    expect(m.addHistory.at(-1)).toMatchObject({ field: 'import', at: T0 + 9 });
  });

  it('leaves an identical item unchanged and writes nothing', () => {
    const m = mergeItem(common, common, T0 + 9);
    expect(m).toMatchObject({ kind: 'unchanged', write: false, addHistory: [] });
  });

  it('lets the later change win for status, follow-up and progress, field by field', () => {
    const local = side(common, [T0 + 10, { status: 'behind', followUp: '2024-05-01' }]);
    const remote = side(common, [T0 + 20, { status: 'done', progress: 100 }]);
    const m = mergeItem(local, remote, T0 + 99);
    expect(m.kind).toBe('updated');
    // Status changed on both sides: the later wins. Progress changed in the file only, the
    // follow-up day here only: each keeps its change.
    expect(m.annotation).toMatchObject({ status: 'done', progress: 100, followUp: '2024-05-01', note: '已召开专题会', updatedAt: T0 + 20 });
    // The other way round: the same item.
    expect(mergeItem(remote, local, T0 + 99).annotation).toMatchObject({ status: 'done', progress: 100, followUp: '2024-05-01' });
  });

  it('keeps a change made on one side only: a colleague’s later note does not take back my progress', () => {
    const mine = side(common, [T0 + 10, { progress: 60, status: 'behind' }]);
    const theirs = side(common, [T0 + 20, { note: '已召开专题会，方案已报送' }]);
    const m = mergeItem(mine, theirs, T0 + 99);
    expect(m.annotation).toMatchObject({ progress: 60, status: 'behind', note: '已召开专题会，方案已报送' });
    // They import mine back: the same item, and merging again changes nothing.
    const back = mergeItem(theirs, mine, T0 + 99);
    expect(back.annotation).toMatchObject({ progress: 60, status: 'behind', note: '已召开专题会，方案已报送' });
    expect(mergeItem({ annotation: m.annotation, history: [...mine.history, ...m.addHistory] }, theirs, T0 + 200)).toMatchObject({ kind: 'unchanged', write: false });
    // A progress they set after taking mine wins over mine.
    const later = side({ annotation: back.annotation, history: [...theirs.history, ...back.addHistory] }, [T0 + 300, { progress: 80 }]);
    expect(mergeItem({ annotation: m.annotation, history: [...mine.history, ...m.addHistory] }, later, T0 + 400).annotation).toMatchObject({ progress: 80, status: 'behind' });
  });

  it('takes the newer note when it grew out of the local one', () => {
    const remote = side(common, [T0 + 20, { note: '已召开专题会，方案已报送' }]);
    const m = mergeItem(common, remote, T0 + 99);
    expect(m).toMatchObject({ kind: 'updated', annotation: { note: '已召开专题会，方案已报送', noteUpdatedAt: T0 + 20 } });
  });

  it('keeps the local note when the file has an older version of it, even if the file is newer', () => {
    const local = side(common, [T0 + 10, { note: '改为下周召开' }]);
    const remote = side(common, [T0 + 20, { status: 'done' }]);
    const m = mergeItem(local, remote, T0 + 99);
    expect(m.annotation).toMatchObject({ status: 'done', note: '改为下周召开', noteUpdatedAt: T0 + 10 });
    expect(m.kind).toBe('updated');
  });

  it('keeps the local note and the file\'s beside it, a conflict copy, when both sides changed the note since they diverged', () => {
    const local = side(common, [T0 + 10, { note: '本地：街道已回复' }]);
    const remote = side(common, [T0 + 20, { note: '同事：区发改局要求补材料' }]);
    const m = mergeItem(local, remote, T0 + 99);
    expect(m.kind).toBe('conflict');
    // No marker in the note: it is the local text as it was, the same revision.
    expect(m.annotation.note).toBe('本地：街道已回复');
    expect(m.annotation.noteUpdatedAt).toBe(T0 + 10);
    expect(m.annotation.noteRev).toBe(local.annotation.noteRev);
    expect(m.annotation.noteCopies).toEqual([{ id: importedCopyId('同事：区发改局要求补材料', T0 + 20), text: '同事：区发改局要求补材料', at: T0 + 20, kind: 'conflict' }]);
    expect(m.annotation.updatedAt).toBe(T0 + 99);
    expect(m.addHistory.filter((h) => h.field === 'noteCopy')).toEqual([
      { noticeKey: KEY, itemKey: '7', at: T0 + 99, field: 'noteCopy', from: null, to: '同事：区发改局要求补材料'.length },
    ]);
    // Imported from a file the user chose: the copy says which.
    const named = mergeItem(local, remote, T0 + 99, '区发改局.json').annotation.noteCopies!;
    expect(named).toEqual([{ ...m.annotation.noteCopies![0], source: '区发改局.json' }]);
  });

  it('keeps one copy of a note version whichever machine imported it', () => {
    expect(importedCopyId('甲', T0)).toBe(importedCopyId('甲', T0));
    expect(importedCopyId('甲', T0)).not.toBe(importedCopyId('乙', T0));
    expect(importedCopyId('甲', T0)).not.toBe(importedCopyId('甲', T0 + 1));
  });

  it('adds no copy of a text the item holds already as a note record', () => {
    const local = side(common, [T0 + 10, { note: '本地' }]);
    const remote = side(common, [T0 + 20, { note: '导入' }]);
    const held: ItemSide = { ...local, annotation: { ...local.annotation, noteCopies: [{ id: 'x', text: '导入', at: T0 + 20, kind: 'conflict' }] } };
    const m = mergeItem(held, remote, T0 + 99);
    expect(m.annotation.noteCopies).toEqual(held.annotation.noteCopies);
    expect(m.kind).not.toBe('conflict');
  });

  it('keeps the text that contains the other instead of marking a conflict', () => {
    const local = side(common, [T0 + 10, { note: '已召开专题会。补充：' }]);
    const remote = side(common, [T0 + 20, { note: '已召开专题会。补充：材料已报' }]);
    expect(mergeItem(local, remote, T0 + 99).annotation.note).toBe('已召开专题会。补充：材料已报');
  });

  it('changes nothing when the same file is merged a second time', () => {
    const local = side(common, [T0 + 10, { note: '本地', status: 'behind' }]);
    const remote = side(common, [T0 + 20, { note: '导入' }], [T0 + 30, { followUp: '2024-06-01' }]);
    const once = after(local, remote, T0 + 99);
    expect(once.kind).toBe('conflict');
    const twice = mergeItem(once, remote, T0 + 200);
    expect(twice).toMatchObject({ kind: 'unchanged', write: false, addHistory: [] });
  });

  it('converges: the colleague importing the merged item back holds the same note and copy, and again changes nothing', () => {
    const local = side(common, [T0 + 10, { note: '本地' }]);
    const remote = side(common, [T0 + 20, { note: '导入' }]);
    const merged = after(local, remote, T0 + 99);
    const back = after(remote, merged, T0 + 300);
    expect(back.kind).toBe('updated');
    expect(back.annotation.note).toBe(merged.annotation.note);
    expect(back.annotation.noteCopies).toEqual(merged.annotation.noteCopies);
    // Each side's text is still there: the note, and the colleague's in the copy.
    expect(back.annotation.noteCopies!.map((c) => c.text)).toEqual(['导入']);
    expect(mergeItem(merged, back, T0 + 400)).toMatchObject({ kind: 'unchanged', write: false });
    expect(mergeItem(back, merged, T0 + 400)).toMatchObject({ kind: 'unchanged', write: false });
  });

  it('goes by the item’s update time where a side’s history does not hold the item’s start (a ledger’s row, a trimmed history)', () => {
    const mine = side(common, [T0 + 10, { progress: 60 }]);
    const theirs = side(common, [T0 + 20, { note: '已召开专题会，方案已报送' }]);
    // A ledger's row brings only the note version it grew from.
    const row = { annotation: theirs.annotation, history: theirs.history.filter((h) => h.field === 'note') };
    const merged = mergeItem(mine, row, T0 + 99).annotation;
    expect(merged.note).toBe('已召开专题会，方案已报送');
    // The row's item changed later as a whole: its progress (none) wins, as before.
    expect(merged.progress).toBeUndefined();
    // With the file's whole history, mine stays.
    expect(mergeItem(mine, theirs, T0 + 99).annotation.progress).toBe(60);
  });

  it('breaks a tie of equal update times the same way on both machines', () => {
    const a = side(common, [T0 + 50, { status: 'done' }]);
    const b = side(common, [T0 + 50, { status: 'paused' }]);
    const ab = mergeItem(a, b, T0 + 99).annotation.status;
    const ba = mergeItem(b, a, T0 + 99).annotation.status;
    expect(ab).toBe(ba);
  });

  it('never loses a note when both sides changed it', () => {
    const notes = ['', '甲', '乙', '甲乙', '<b>丙</b>'];
    for (const l of notes) {
      for (const r of notes) {
        const local = side(common, [T0 + 10, { note: l }]);
        const remote = side(common, [T0 + 20, { note: r }]);
        const merged = mergeItem(local, remote, T0 + 99).annotation;
        const texts = [merged.note, ...(merged.noteCopies ?? []).map((c) => c.text)];
        expect(texts.some((t) => t.includes(l)) && texts.some((t) => t.includes(r))).toBe(true);
      }
    }
  });

  it('treats annotations without history (other tools, old databases) conservatively', () => {
    const bare = (note: string, at: number): ItemSide => ({
      annotation: { noticeKey: KEY, itemKey: '7', status: 'in_progress', note, fingerprint: 'fp', createdAt: at, updatedAt: at, noteUpdatedAt: at },
      history: [],
    });
    const m = mergeItem(bare('甲', T0), bare('乙', T0 + 1), T0 + 99);
    expect(m.kind).toBe('conflict');
    const again = mergeItem({ annotation: m.annotation, history: m.addHistory }, bare('乙', T0 + 1), T0 + 200);
    expect(again.kind).toBe('unchanged');
  });
});
