/**
 * Every field of the annotation model is exported, imported and merged: a field added to
 * ItemAnnotation that the descriptor table (lib/annotation/fields.ts) or these paths leave out
 * fails here instead of being dropped by an import or reported unchanged.
 */
import { describe, expect, it } from 'vitest';
import { ANNOTATION_FIELDS, FIELD_NAMES, NOTE_RECORD_FILE, type AnnotationField } from '../annotation/fields';
import type { HistoryEntry, ItemAnnotation } from '../annotation/model';
import { FULL, FULL_COPY, OTHER } from '../annotation/test/full-record';
import type { NoticeRecord } from '../notice/notice-record';
import { buildTransferFile, serializeTransferFile } from './export-json';
import { annotationFromFile } from './file-item';
import { mergeItem, sameAnnotation } from './merge';
import { parseTransferFile } from './parse-file';
import { SEED_URL } from './test/fixtures';

const notice: NoticeRecord = {
  key: FULL.noticeKey,
  docNo: '拱政办发〔2024〕2号',
  title: '关于印发2024年区政府工作报告重点工作责任分解的通知',
  sourceUrl: SEED_URL,
  sections: [],
  items: [],
  gaps: [],
  urls: [SEED_URL],
  firstSeenAt: 0,
  lastSeenAt: 0,
};

/** The record as a file carries it: local bookkeeping left out. */
function exported(a: ItemAnnotation): Partial<ItemAnnotation> {
  const out: Record<string, unknown> = {};
  for (const f of FIELD_NAMES) if (ANNOTATION_FIELDS[f].file !== 'local') out[f] = a[f];
  const local = Object.entries(NOTE_RECORD_FILE).filter(([, rule]) => rule === 'local').map(([k]) => k);
  out.noteCopies = a.noteCopies?.map((c) => Object.fromEntries(Object.entries(c).filter(([k]) => !local.includes(k))));
  return out as Partial<ItemAnnotation>;
}

describe('every field of the model', () => {
  it('goes into the JSON file and comes back from it, but this database’s bookkeeping', () => {
    const { file } = buildTransferFile({ notices: [notice], annotations: [FULL], history: [] }, FULL.updatedAt);
    const item = file.notices[0].items[0] as Record<string, unknown>;
    for (const f of FIELD_NAMES) {
      const rule = ANNOTATION_FIELDS[f].file;
      expect(f in item, `${f} in the file`).toBe(rule !== 'local' && rule !== 'notice');
    }
    for (const k of Object.keys(FULL_COPY)) expect(k in (item.noteCopies as object[])[0], `noteCopies.${k} in the file`).toBe(NOTE_RECORD_FILE[k as keyof typeof FULL_COPY] !== 'local');

    const parsed = parseTransferFile(serializeTransferFile(file));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const n = parsed.file.notices[0];
    expect(annotationFromFile(n.key, n.items[0])).toStrictEqual(exported(FULL));
  });

  it('is merged by its rule, none dropped', () => {
    // The local note grew out of the imported one (its history has seen it): the local note stays.
    const seen: HistoryEntry = { noticeKey: FULL.noticeKey, itemKey: FULL.itemKey, at: OTHER.noteUpdatedAt, field: 'note', from: 0, to: OTHER.note.length };
    const expected = (f: AnnotationField, local: ItemAnnotation, incoming: ItemAnnotation) => {
      const rule = ANNOTATION_FIELDS[f].merge;
      const later = incoming.updatedAt > local.updatedAt ? incoming : local;
      switch (rule) {
        case 'key':
        case 'note':
          return local[f];
        case 'later':
          return later[f];
        case 'earliest':
          return Math.min(local[f] as number, incoming[f] as number);
        case 'latest':
          return Math.max(local[f] as number, incoming[f] as number);
        case 'records':
          return [...(local[f] as unknown[]), ...(incoming[f] as unknown[])];
      }
    };
    const incomingOlder = { ...OTHER, updatedAt: FULL.updatedAt - 1 };
    for (const incoming of [OTHER, incomingOlder]) {
      const m = mergeItem({ annotation: FULL, history: [seen] }, { annotation: incoming, history: [] }, FULL.updatedAt + 10_000);
      for (const f of FIELD_NAMES) expect(m.annotation[f], f).toEqual(expected(f, FULL, incoming));
      expect(m.kind).toBe('updated');
    }
  });

  it('counts when it tells two records apart', () => {
    expect(sameAnnotation(FULL, structuredClone(FULL))).toBe(true);
    const different = { ...OTHER, noticeKey: '拱政办发〔2025〕1号', itemKey: '8' };
    for (const f of FIELD_NAMES) expect(sameAnnotation(FULL, { ...FULL, [f]: different[f] }), f).toBe(false);
  });
});
