import Dexie, { type DBCore } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DubanDatabase } from './database';
import { isStorageFailure } from './recovery';
import { createService } from '../../entrypoints/background/router';

const NAME = 'duban-recovery-test';

/**
 * A disk as Chromium sees it filling up and being freed: while full, writes fail with
 * QuotaExceededError, and opening the database fails with the UnknownError Chromium reports when
 * it cannot open its backing store.
 */
function diskUnderTest() {
  const disk = { full: false };
  const real = indexedDB;
  const factory = {
    open(name: string, version?: number) {
      if (!disk.full) return real.open(name, version);
      const request = {
        error: new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError'),
        result: undefined,
        onerror: null as ((e: unknown) => void) | null,
        onsuccess: null,
        onupgradeneeded: null,
        onblocked: null,
      };
      setTimeout(() => request.onerror?.({ type: 'error', target: request }));
      return request;
    },
    deleteDatabase: (name: string) => real.deleteDatabase(name),
    cmp: (a: unknown, b: unknown) => real.cmp(a, b),
    databases: () => real.databases(),
  } as unknown as IDBFactory;

  /** Writes fail while the disk is full (an IndexedDB write aborted for quota). */
  const quota = {
    stack: 'dbcore' as const,
    name: 'disk-full',
    create: (down: DBCore): DBCore => ({
      ...down,
      table(name) {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req) => (disk.full ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) : table.mutate(req)),
        };
      },
    }),
  };
  return { disk, factory, quota };
}

/** Chromium closes every connection to a backing store that failed (the `close` event). */
function backingStoreClosed(db: Dexie) {
  const idb = db.backendDB();
  idb.close();
  idb.onclose?.(new Event('close'));
}

/** A duban file with one annotated item of another notice. */
function transferFile(note: string): string {
  const at = '2025-01-05T02:00:00.000Z';
  const docNo = '拱政办发〔2025〕7号';
  const items = [{ itemNo: 2, fingerprint: 'fp', status: 'in_progress', note, createdAt: at, updatedAt: at }];
  const notice = { key: docNo, docNo, url: 'https://www.gongshu.gov.cn/art/2025/1/7/art_9007.html', title: '测试通知', items };
  return JSON.stringify({ format: 'duban-annotations', version: 1, exportedAt: at, notices: [notice] });
}

let db: DubanDatabase;
let durable: DubanDatabase | undefined;
beforeEach(() => Dexie.delete(NAME));
afterEach(async () => {
  db.close();
  durable?.close();
  durable = undefined;
  await Dexie.delete(NAME);
});

describe('after a storage failure', () => {
  it('the first save retried once the disk is freed succeeds, with the same service', async () => {
    const { disk, factory, quota } = diskUnderTest();
    db = new DubanDatabase(NAME, { indexedDB: factory });
    db.use(quota);
    // Imports and undo go through a second instance (strict durability): it recovers too.
    durable = new DubanDatabase(NAME, { indexedDB: factory, chromeTransactionDurability: 'strict' });
    const { handle } = createService(db, () => 1_700_000_000_000, {}, { durable });
    const save = (note: string) => handle('saveAnnotation', { noticeKey: 'K@www.gongshu.gov.cn', itemKey: '1', fingerprint: 'f', note });
    const importFile = () => handle('applyImport', { text: transferFile('导入的备注') });
    expect(await save('第一稿')).toMatchObject({ ok: true });

    disk.full = true;
    const quotaFailure = await save('磁盘已满时写的');
    expect(quotaFailure).toMatchObject({ ok: false, error: expect.stringMatching(/quota/i) });
    backingStoreClosed(db);
    for (let i = 0; i < 3; i++) {
      expect(await save('磁盘已满时重试')).toMatchObject({ ok: false, error: expect.stringMatching(/backing store/) });
    }
    expect(await importFile()).toMatchObject({ ok: false, error: expect.stringMatching(/backing store/) });

    disk.full = false;
    expect(await save('空间释放后重试')).toMatchObject({ ok: true, value: { note: '空间释放后重试' } });
    expect(await importFile()).toMatchObject({ ok: true, value: { counts: { new: 1 } } });
    expect(await handle('openNotice', { docNo: 'K', title: 't', sourceUrl: 'https://www.gongshu.gov.cn/art/1.html', sections: [], items: [], gaps: [] })).toMatchObject({
      ok: true,
      value: { annotations: [expect.objectContaining({ note: '空间释放后重试' })] },
    });
  });

  it('a quota error alone (the connection still open) does not stop the next save', async () => {
    const { disk, factory, quota } = diskUnderTest();
    db = new DubanDatabase(NAME, { indexedDB: factory });
    db.use(quota);
    const { handle } = createService(db, () => 1_700_000_000_000);
    const save = (note: string) => handle('saveAnnotation', { noticeKey: 'K@www.gongshu.gov.cn', itemKey: '1', fingerprint: 'f', note });
    expect((await save('开')).ok).toBe(true);
    disk.full = true;
    expect(await save('满')).toMatchObject({ ok: false, error: expect.stringMatching(/quota/i) });
    disk.full = false;
    expect(await save('恢复')).toMatchObject({ ok: true, value: { note: '恢复' } });
    expect((await db.annotations.get(['K@www.gongshu.gov.cn', '1']))?.note).toBe('恢复');
  });

  it('tells storage failures from refusals', () => {
    expect(isStorageFailure(new DOMException('x', 'QuotaExceededError'))).toBe(true);
    expect(isStorageFailure(new Dexie.AbortError('aborted', new DOMException('x', 'QuotaExceededError')))).toBe(true);
    expect(isStorageFailure(new Dexie.OpenFailedError(new DOMException('Internal error opening backing store', 'UnknownError')))).toBe(true);
    expect(isStorageFailure(new Error('无法撤销'))).toBe(false);
    expect(isStorageFailure(new Dexie.ConstraintError('duplicate key'))).toBe(false);
  });
});
