import Dexie from 'dexie';
import type { DubanDatabase } from '../../lib/db/database';
import type { Handler } from '../../lib/protocol';
import { buildOverviewData, type OverviewData } from '../../lib/followup/overview';
import { ok } from '../../lib/util/result';
import type { ItemAnnotation } from '../../lib/annotation/model';
import type { NoticeRecord } from '../../lib/notice/notice-record';

/**
 * The background's handler of the overview's call (lib/protocol.ts); merged into ./router.ts.
 *
 * getOverview with 10,000 annotations: reading them costs ~70 ms in IndexedDB and sending them to
 * the page more. So the overview first asks for the first screen (`limit`: whole notices in the
 * overview's default order until they make that many rows), then for everything. The full answer is kept in memory
 * between calls (the overview asks again whenever its tab comes back into view): dropped on any
 * write Dexie makes to the database, and checked against a cheap stamp (counts and latest times,
 * read from indexes) so that writes made around Dexie are not missed either.
 */
export function createFollowUpHandlers(db: DubanDatabase, _now: () => number) {
  let cache: { stamp: string; data: OverviewData } | undefined;
  // Dexie names what a write touched `idb://<database>/<table>/<index>`; the meta table doesn't count.
  const watched = [`idb://${db.name}/annotations/`, `idb://${db.name}/notices/`];
  Dexie.on('storagemutated', (parts) => {
    if (Object.keys(parts).some((part) => watched.some((w) => part.startsWith(w)))) cache = undefined;
  });

  async function stamp(): Promise<string> {
    const [annotations, notices, lastEdit, lastSeen] = await Promise.all([
      db.annotations.count(),
      db.notices.count(),
      db.annotations.orderBy('updatedAt').last(),
      db.notices.orderBy('lastSeenAt').last(),
    ]);
    return `${annotations}/${notices}/${lastEdit?.updatedAt}/${lastSeen?.lastSeenAt}`;
  }

  /**
   * The rows the overview shows first in its default order (notice key, then each notice's own
   * order): whole notices, in key order, until they make `limit` rows. Each notice's annotations
   * are read whole, so its items nobody annotated are rows too, and item 2 comes before item 10
   * (the database orders item keys as text).
   */
  async function firstScreen(limit: number): Promise<OverviewData> {
    const notices: NoticeRecord[] = [];
    const annotations: ItemAnnotation[] = [];
    let rows = 0;
    for (let after: string | undefined; rows < limit; ) {
      const next = await (after === undefined ? db.annotations.orderBy('noticeKey') : db.annotations.where('noticeKey').above(after)).first();
      if (!next) break;
      after = next.noticeKey;
      const [notice, ofNotice] = await Promise.all([db.notices.get(after), db.annotations.where('noticeKey').equals(after).toArray()]);
      if (notice) notices.push(notice);
      annotations.push(...ofNotice);
      rows += new Set([...(notice?.items.map((i) => i.key) ?? []), ...ofNotice.map((a) => a.itemKey)]).size;
    }
    // No total: Chromium counts a store by walking it, 50–170 ms for 10,000 annotations while
    // the first screen waited; the whole answer, asked for next, has it.
    return { ...buildOverviewData(notices, annotations), total: null };
  }

  async function everything(): Promise<OverviewData> {
    const current = await stamp();
    if (cache?.stamp === current) return cache.data;
    const [notices, annotations] = await Promise.all([db.notices.toArray(), db.annotations.toArray()]);
    cache = { stamp: current, data: buildOverviewData(notices, annotations) };
    return cache.data;
  }

  return {
    async getOverview({ limit }) {
      // The first screen's few reads outside a transaction: each is answered as it succeeds, and the
      // page gets its rows without waiting for a commit (~15 ms on a busy 2-core machine); the
      // whole answer, asked for next, is read in one.
      return ok(limit ? await firstScreen(limit) : await db.transaction('r', db.notices, db.annotations, everything));
    },
  } satisfies { getOverview: Handler<'getOverview'> };
}
