import { afterEach, describe, expect, it } from 'vitest';
import { noticeKey } from '../notice/notice-key';
import { summarise, type LastExport } from '../summary/summary';
import { applyEdits, dispose, freshDb, seedNotice } from '../transfer/test/fixtures';
import { saveAnnotation } from './annotations';
import { DubanDatabase } from './database';
import { getMeta, LAST_EXPORT_KEY, setMeta } from './meta';
import { createPopupSummaryReader } from './popup-summary';

const T0 = Date.UTC(2025, 2, 1);
let opened: DubanDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.map(dispose));
  opened = [];
});

/** The popup's expected answer: the summary of the tables as they are. */
async function expected(d: DubanDatabase, now: number, activeUrl?: string) {
  const [notices, annotations, lastExport] = await Promise.all([d.notices.toArray(), d.annotations.toArray(), getMeta<LastExport>(d, LAST_EXPORT_KEY)]);
  return summarise({ notices, annotations, lastExport, now, ...(activeUrl && { activeUrl }) });
}

describe('the popup summary kept warm', () => {
  it('shows an edit made through the other instance (imports write with strict durability) at the next opening', async () => {
    const relaxed = await freshDb('popup-warm');
    const strict = new DubanDatabase(relaxed.name);
    opened.push(relaxed, strict);
    const seed = seedNotice();
    const clock = await applyEdits(relaxed, [seed], [{ notice: 0, item: 3, status: 'behind', note: '甲', after: 1 }], T0);
    const reader = createPopupSummaryReader(relaxed, [relaxed, strict], { refreshDelay: 10_000 });
    const first = await reader.read(clock);
    expect(first.notices[0].counts).toMatchObject({ behind: 1 });
    await saveAnnotation(strict, { noticeKey: noticeKey(seed), itemKey: seed.items[3].key, fingerprint: seed.items[3].fingerprint, status: 'behind', note: '乙' }, clock + 1);
    const second = await reader.read(clock + 2);
    expect(second.notices[0].counts).toMatchObject({ behind: 2 });
    expect(second).toEqual(await expected(relaxed, clock + 2));
    // A backup recorded in the meta table shows too.
    await setMeta(strict, LAST_EXPORT_KEY, { at: clock + 3, notices: 1, items: 2 } satisfies LastExport);
    expect(await reader.read(clock + 4)).toEqual(await expected(relaxed, clock + 4));
    reader.dispose();
  });

  it('reads the digests again in idle time after a write, so the next opening reads nothing', async () => {
    const d = await freshDb('popup-idle');
    opened.push(d);
    const seed = seedNotice();
    const clock = await applyEdits(d, [seed], [{ notice: 0, item: 1, status: 'in_progress', note: '一', after: 1 }], T0);
    const reader = createPopupSummaryReader(d, [d], { refreshDelay: 5 });
    await reader.read(clock);
    await saveAnnotation(d, { noticeKey: noticeKey(seed), itemKey: seed.items[1].key, fingerprint: seed.items[1].fingerprint, status: 'done' }, clock + 1);
    await new Promise((r) => setTimeout(r, 200));
    // Reading now touches no table: the digests were read again after the write.
    const tables = [d.summaryDigests, d.noticeDigests, d.annotationDigests, d.meta];
    const saved = tables.map((t) => ({ toArray: t.toArray, bulkGet: t.bulkGet, get: t.get }));
    for (const t of tables) {
      t.toArray = t.bulkGet = t.get = (() => {
        throw new Error(`read ${t.name}`);
      }) as never;
    }
    const answer = await reader.read(clock + 2).finally(() => tables.forEach((t, i) => Object.assign(t, saved[i])));
    expect(answer).toEqual(await expected(d, clock + 2));
    expect(answer.notices[0].counts).toMatchObject({ done: 1, in_progress: 1 });
    reader.dispose();
  });
});
