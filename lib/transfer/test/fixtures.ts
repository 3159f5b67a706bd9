/**
 * Test fixtures of the transfer feature: the seed notice, small synthetic notices, databases on
 * fake-indexeddb, and fast-check arbitraries of edit sequences (written through the real service,
 * so histories look like the real thing).
 */
import Dexie from 'dexie';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { SEED_PAGE, SEED_URL } from '../../../tests/fixtures/seed-dump';
import { ITEM_STATUSES, type AnnotationPatch, type ItemAnnotation } from '../../annotation/model';
import { rememberNotice, saveAnnotation } from '../../db/annotations';
import { nameLocalAuthor } from '../../db/authors';
import { DubanDatabase } from '../../db/database';
import { noticeKey } from '../../notice/notice-key';
import { recogniseNotice } from '../../notice/recognise';
import type { Notice } from '../../notice/types';

export { SEED_URL };
/** The seed notice's key (lib/notice/notice-key.ts). */
export const SEED_KEY = '拱政办发〔2024〕2号@www.gongshu.gov.cn';
export const SEED_DOC_NO = '拱政办发〔2024〕2号';

let seedCache: Notice | undefined;
export function seedNotice(url = SEED_URL): Notice {
  if (!seedCache) {
    const r = recogniseNotice(parseHTML(readFileSync(SEED_PAGE, 'utf8')).document as unknown as Document, { url: SEED_URL });
    if (!r.ok) throw new Error(r.reason);
    seedCache = r.notice;
  }
  return { ...seedCache, sourceUrl: url };
}

/** A small notice with `items` items under three lead officials. */
export function syntheticNotice(n: number, items = 12): Notice {
  const leaders = ['王明区长', '李华副区长', '张伟副区长'];
  return {
    docNo: `拱政办发〔2025〕${n}号`,
    title: `关于印发2025年重点工作责任分解的通知 ${n}`,
    year: 2025,
    sourceUrl: `https://www.gongshu.gov.cn/art/2025/1/${n}/art_${1000 + n}.html`,
    sections: leaders.map((leader, i) => ({ ordinal: i + 1, leader, heading: `${'一二三'[i]}、${leader}牵头工作` })),
    items: Array.from({ length: items }, (_, i) => ({
      key: String(i + 1),
      number: i + 1,
      text: `第${i + 1}项重点工作：推进${['城市更新', '数字经济', '民生实事', '营商环境'][i % 4]}项目`,
      section: (i % 3) + 1,
      units: [`区${['发改局', '经信局', '建设局'][i % 3]}`, '各街道'].map((name, j) => ({ name, lead: j === 0 })),
      fingerprint: `fp-${n}-${i + 1}`,
    })),
    gaps: [],
  };
}

let dbSeq = 0;
/** A fresh database with its own name. */
/** The user these tests' databases belong to: each database is one of their devices (profiles). */
export const TEST_USER = { name: '测试用户', unit: '区政府办' };

/**
 * A new database, as one profile of TEST_USER (its own author id, the same name and unit): files
 * between two of them merge notes as one author's. `as` gives another author (a colleague).
 */
export async function freshDb(prefix = 'transfer', as: { name: string; unit: string } = TEST_USER): Promise<DubanDatabase> {
  const name = `${prefix}-${process.pid}-${dbSeq++}`;
  await Dexie.delete(name);
  const db = new DubanDatabase(name);
  await nameLocalAuthor(db, as.name, as.unit, 0);
  return db;
}

export async function dispose(db: DubanDatabase): Promise<void> {
  db.close();
  await Dexie.delete(db.name);
}

export interface Edit {
  notice: number;
  /** The item's place in the notice, from 1. */
  item: number;
  status?: ItemAnnotation['status'];
  note?: string;
  followUp?: string | null;
  progress?: number | null;
  /** Typed by this editing session on the first revision of the note: a stale note becomes a conflict copy. */
  staleSession?: string;
  /** Milliseconds after the previous edit. */
  after: number;
}

const noteText = fc.oneof(
  fc.constantFrom('', '已召开专题会', '=SUM(A1:A3)', '<img src=x onerror=alert(1)>', '第一行\n第二行', '"引号", 逗号'),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
);
const day = fc.integer({ min: 0, max: 800 }).map((d) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));

export const editArb = (notices: number, items: number): fc.Arbitrary<Edit> =>
  fc.record(
    {
      notice: fc.integer({ min: 0, max: notices - 1 }),
      item: fc.integer({ min: 1, max: items }),
      status: fc.constantFrom(...ITEM_STATUSES),
      note: noteText,
      followUp: fc.oneof(day, fc.constant(null)),
      progress: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true }), fc.constant(null)),
      staleSession: fc.constantFrom('tab-a', 'tab-b'),
      after: fc.integer({ min: 0, max: 5_000_000 }),
    },
    { requiredKeys: ['notice', 'item', 'after'] },
  );

/** Applies edits through the real write path; returns the clock after the last edit. */
export async function applyEdits(db: DubanDatabase, notices: Notice[], edits: readonly Edit[], start: number): Promise<number> {
  let clock = start;
  for (const n of notices) await rememberNotice(db, n, clock);
  for (const e of edits) {
    clock += e.after;
    const notice = notices[e.notice];
    const item = notice.items[(e.item - 1) % notice.items.length];
    const patch: AnnotationPatch = { noticeKey: noticeKey(notice), itemKey: item.key, fingerprint: item.fingerprint };
    if (e.status !== undefined) patch.status = e.status;
    if (e.note !== undefined) patch.note = e.note;
    if (e.followUp !== undefined) patch.followUp = e.followUp;
    if (e.progress !== undefined) patch.progress = e.progress;
    if (e.staleSession !== undefined) Object.assign(patch, { baseNoteRev: 0, session: e.staleSession });
    await saveAnnotation(db, patch, clock);
  }
  return clock;
}

/** Every row of the database, without history ids (which differ between databases). */
export async function dump(db: DubanDatabase) {
  const [notices, annotations, meta] = await Promise.all([db.notices.toArray(), db.annotations.toArray(), db.meta.toArray()]);
  return { notices, annotations, history: await allHistory(db), meta };
}

/** Every history entry, in `history` rows and in import packs, without ids. */
export async function allHistory(db: DubanDatabase) {
  const [rows, packs] = await Promise.all([db.history.toArray(), db.historyPacks.toArray()]);
  return [...rows, ...packs.flatMap((p) => p.entries)].map(({ id: _id, ...h }) => h);
}
