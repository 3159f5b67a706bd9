import { describe, expect, it } from 'vitest';
import { ANNOTATION_FIELDS, CSV_COLUMNS, FIELD_NAMES, NOTE_RECORD_FILE, overviewFields, withOverviewFields } from './fields';
import { AnnotationPatch, applyPatch, ItemAnnotation, NoteCopy } from './model';
import { FULL, FULL_COPY, missingFields, OTHER } from './test/full-record';

describe('the field table', () => {
  it('describes every field of the schema, in the schema order', () => {
    expect(FIELD_NAMES).toEqual(Object.keys(ItemAnnotation.shape));
    expect(Object.keys(NOTE_RECORD_FILE)).toEqual(Object.keys(NoteCopy.shape));
  });

  it('has test records with every field set', () => {
    expect(missingFields(ItemAnnotation.shape, FULL)).toEqual([]);
    expect(missingFields(ItemAnnotation.shape, OTHER)).toEqual([]);
    expect(missingFields(NoteCopy.shape, FULL_COPY)).toEqual([]);
    expect(ItemAnnotation.parse(FULL)).toEqual(FULL);
  });

  it('lists every field with a CSV column once, in CSV_COLUMNS', () => {
    const withColumn = FIELD_NAMES.filter((f) => 'csv' in ANNOTATION_FIELDS[f]);
    expect([...CSV_COLUMNS].sort()).toEqual(withColumn.sort());
  });

  it('names the history entry each edit writes', () => {
    const editable = Object.keys(AnnotationPatch.shape).filter((f) => f in ItemAnnotation.shape && !['noticeKey', 'itemKey', 'fingerprint'].includes(f));
    for (const f of editable as (keyof typeof ANNOTATION_FIELDS)[]) {
      const { history } = applyPatch(FULL, { noticeKey: FULL.noticeKey, itemKey: FULL.itemKey, fingerprint: FULL.fingerprint, [f]: OTHER[f] }, FULL.updatedAt + 1);
      expect(history.map((h) => h.field), f).toEqual([(ANNOTATION_FIELDS[f] as { history?: string }).history]);
    }
    // A note typed on an older revision by another session is kept as a note record.
    const stale = applyPatch(FULL, { noticeKey: FULL.noticeKey, itemKey: FULL.itemKey, fingerprint: FULL.fingerprint, note: '旧稿', baseNoteRev: 0, session: 'tab-c' }, FULL.updatedAt + 1);
    expect(stale.history.map((h) => h.field)).toEqual([ANNOTATION_FIELDS.noteCopies.history]);
  });

  it('gives the overview every field its rows carry, and clears those an annotation lacks', () => {
    const carried = FIELD_NAMES.filter((f) => 'overview' in ANNOTATION_FIELDS[f]);
    expect(Object.keys(overviewFields(FULL)).sort()).toEqual([...carried].sort());
    const { followUp: _f, progress: _p, noteRev: _r, noteCopies: _c, ...bare } = OTHER;
    const row = withOverviewFields({ ...overviewFields(FULL), leader: '冯晶区长' }, bare);
    expect(row).toEqual({ ...overviewFields(bare), leader: '冯晶区长' });
    for (const f of ['followUp', 'progress', 'noteRev', 'noteCopies'] as const) expect(row[f]).toBeUndefined();
  });
});
