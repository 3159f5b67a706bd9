import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createService } from '../../entrypoints/background/router';
import { saveAnnotation } from '../db/annotations';
import type { DubanDatabase } from '../db/database';
import { readSnapshot } from '../db/transfer-store';
import { buildLedger } from './ledger-export';
import { packLedger, unpackLedger } from './ledger-packed';
import { dispose, freshDb, SEED_KEY, seedNotice } from './test/fixtures';

const NOW = Date.UTC(2026, 10, 25, 0, 0);
let db: DubanDatabase;
beforeEach(async () => {
  db = await freshDb('ledger-packed');
});
afterEach(() => dispose(db));

describe('the ledger on its way to the page', () => {
  it('arrives as the ledger the background built, every row and summary, after a message\'s JSON', async () => {
    const notice = seedNotice();
    await createService(db, () => NOW - 5000).handle('openNotice', notice);
    const fp = (n: number) => notice.items[n - 1].fingerprint;
    await saveAnnotation(db, { noticeKey: SEED_KEY, itemKey: '1', fingerprint: fp(1), status: 'in_progress', note: '已召开专题会', followUp: '2026-11-28', progress: 60 }, NOW - 4000);
    await saveAnnotation(db, { noticeKey: SEED_KEY, itemKey: '2', fingerprint: fp(2), status: 'done', note: '=1+1' }, NOW - 3000);
    const ledger = buildLedger(await readSnapshot(db), NOW)!;
    const sent = JSON.parse(JSON.stringify(packLedger(ledger)));
    expect(unpackLedger(sent)).toEqual(ledger);
    // The rows travel without their column names.
    expect(JSON.stringify(sent.sheets[0].rows[0])).not.toContain('"note"');
  });
});
