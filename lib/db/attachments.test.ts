import Dexie from 'dexie';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { attachmentAt, keepAttachment, keptAttachment, MAX_ATTACHMENT_BYTES, MAX_KEPT_BYTES, type AttachmentRecord } from './attachments';
import { DubanDatabase } from './database';
import { V7_STORES } from '../../tests/fixtures/db-stores';

const NAME = 'duban-attachments-test';
beforeEach(() => Dexie.delete(NAME));
afterEach(() => Dexie.delete(NAME));

const file = (noticeKey: string, size: number, savedAt: number): AttachmentRecord => ({
  noticeKey,
  url: `https://www.x.gov.cn/module/download/downfile.jsp?filename=${noticeKey}.docx`,
  title: noticeKey,
  kind: 'docx',
  size,
  bytes: new Blob([new Uint8Array(Math.min(size, 16))]),
  savedAt,
});

it('adds the attachments table to a version-7 database (before 8 and 9) keeping its notes', async () => {
  const v7 = new Dexie(NAME);
  v7.version(7).stores(V7_STORES);
  await v7.table('annotations').put({ noticeKey: 'A', itemKey: '1', status: 'done', note: '已完成', updatedAt: 1 });
  v7.close();
  const db = new DubanDatabase(NAME);
  await db.open();
  expect(db.verno).toBeGreaterThanOrEqual(10);
  expect(await db.annotations.get(['A', '1'])).toMatchObject({ note: '已完成' });
  expect(await db.attachments.count()).toBe(0);
  db.close();
});

it('keeps a file by its notice and finds it by the URL it came from (its #item aside)', async () => {
  const db = new DubanDatabase(NAME);
  expect(await keepAttachment(db, file('A', 100, 1))).toBe(true);
  expect((await keptAttachment(db, 'A'))?.size).toBe(100);
  expect((await attachmentAt(db, `${file('A', 1, 1).url}#duban-item-3`))?.noticeKey).toBe('A');
  expect(await attachmentAt(db, 'https://www.x.gov.cn/other.docx')).toBeUndefined();
  db.close();
});

it('refuses a file over the cap, and lets the oldest go when the kept ones pass the total', async () => {
  const db = new DubanDatabase(NAME);
  expect(await keepAttachment(db, file('big', MAX_ATTACHMENT_BYTES + 1, 1))).toBe(false);
  const part = MAX_ATTACHMENT_BYTES;
  const n = Math.floor(MAX_KEPT_BYTES / part);
  for (let i = 0; i < n; i++) await keepAttachment(db, file(`f${i}`, part, 10 + i));
  expect(await db.attachments.count()).toBe(n);
  await keepAttachment(db, file('new', part, 100));
  expect(await keptAttachment(db, 'f0')).toBeUndefined();
  expect(await keptAttachment(db, 'new')).toBeDefined();
  expect(await db.attachments.count()).toBe(n);
  db.close();
});
