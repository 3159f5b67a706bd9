import { describe, expect, it } from 'vitest';
import type { ItemAnnotation } from './model';
import { NOTE_PREVIEW, notePreview, pageAnnotation } from './note-preview';

describe('what a page gets of a note', () => {
  it('folds white space and cuts a long note at the row’s length, saying so with …', () => {
    expect(notePreview('  已召开专题会，\n\n材料待报  ')).toBe('已召开专题会， 材料待报');
    const long = '一二三四五六七八九十'.repeat(20);
    expect(notePreview(long)).toBe(`${long.slice(0, NOTE_PREVIEW)}…`);
    expect(notePreview('短'.repeat(NOTE_PREVIEW))).toBe('短'.repeat(NOTE_PREVIEW));
  });

  it('gives a preview that is its own preview, so a row shows the same from either', () => {
    for (const note of ['', '已办结', '甲 乙\n丙', '长'.repeat(NOTE_PREVIEW + 1), ` ${'字 '.repeat(300)}`]) {
      expect(notePreview(notePreview(note))).toBe(notePreview(note));
    }
  });

  it('cuts the note and every other note record, and nothing else', () => {
    const long = '进展'.repeat(200);
    const a: ItemAnnotation = {
      noticeKey: 'k', itemKey: '3', status: 'behind', note: long, progress: 40, fingerprint: 'f', createdAt: 1, updatedAt: 2,
      noteCopies: [{ id: 'c1', text: long, at: 1, kind: 'colleague', author: '王' }],
    };
    const page = pageAnnotation(a);
    expect(page).toEqual({ ...a, note: notePreview(long), noteCopies: [{ ...a.noteCopies![0]!, text: notePreview(long) }] });
    expect(a.note).toBe(long);
  });
});
