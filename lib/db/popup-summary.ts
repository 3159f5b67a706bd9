/**
 * The popup's summary, kept warm. Opening the popup asks the background for it each time; reading
 * the digests from IndexedDB then costs more than drawing the popup. So the background keeps what
 * it last read of the digests (the summary digests, the last export, the detailed notices'
 * digests) and reads again only after a write: every write of either database instance (edits are
 * relaxed, imports strict) counts (DubanDatabase.writes). After writes it reads again in idle time,
 * so the popup opened after an edit finds the digests ready. What it computes from them is the pure
 * summary of lib/summary/, the same as readPopupSummary's (./records.ts).
 */
import { detailedNotices, summariseDigests, withDetails, type LastExport, type PopupSummary } from '../summary/summary';
import type { AnnotationDigest, NoticeDigest, SummaryDigest } from '../summary/digests';
import type { DubanDatabase } from './database';
import { getMeta, LAST_EXPORT_KEY } from './meta';

interface DigestCache {
  /** The sum of the instances' write counts when the reading began. */
  writes: number;
  summaries: SummaryDigest[];
  lastExport: LastExport | undefined;
  notices: Map<string, NoticeDigest | undefined>;
  annotations: Map<string, AnnotationDigest | undefined>;
}

export interface PopupSummaryReader {
  read(now: number, activeUrl?: string): Promise<PopupSummary>;
  /** Stops refreshing after writes. */
  dispose(): void;
}

export interface PopupSummaryReaderOptions {
  /** Waits this long after the last write before reading again; default 1 s. */
  refreshDelay?: number;
}

/** `db` reads; `writers` are every instance that writes the same database (db among them). */
export function createPopupSummaryReader(db: DubanDatabase, writers: readonly DubanDatabase[], options: PopupSummaryReaderOptions = {}): PopupSummaryReader {
  const instances = [...new Set([db, ...writers])];
  const writes = () => instances.reduce((n, d) => n + d.writes, 0);
  let cache: DigestCache | undefined;
  let lastKeys: string[] = [];
  let refresh: ReturnType<typeof setTimeout> | undefined;

  /** The summary digests and the last export, read in one transaction with the detailed notices' digests `keys`. */
  async function load(keys: readonly string[]): Promise<DigestCache> {
    const at = writes();
    return db.transaction('r', [db.summaryDigests, db.noticeDigests, db.annotationDigests, db.meta], async () => {
      const [summaries, lastExport, notices, annotations] = await Promise.all([
        db.summaryDigests.toArray(),
        getMeta<LastExport>(db, LAST_EXPORT_KEY),
        db.noticeDigests.bulkGet([...keys]),
        db.annotationDigests.bulkGet([...keys]),
      ]);
      return {
        writes: at,
        summaries,
        lastExport,
        notices: new Map(keys.map((k, i) => [k, notices[i]])),
        annotations: new Map(keys.map((k, i) => [k, annotations[i]])),
      };
    });
  }

  async function read(now: number, activeUrl?: string): Promise<PopupSummary> {
    for (;;) {
      if (!cache || cache.writes !== writes()) cache = await load(lastKeys);
      const c = cache;
      const skeleton = summariseDigests({ digests: c.summaries, lastExport: c.lastExport, now, activeUrl });
      const keys = detailedNotices(skeleton);
      const known = keys.every((k) => c.notices.has(k));
      lastKeys = keys;
      // Another tab in front shows other notices in full: read again with theirs.
      if (!known) {
        cache = undefined;
        continue;
      }
      return withDetails(
        skeleton,
        keys.map((k) => c.notices.get(k)),
        keys.map((k) => c.annotations.get(k)),
      );
    }
  }

  const delay = options.refreshDelay ?? 1000;
  const stops = instances.map((d) =>
    d.onWrite(() => {
      clearTimeout(refresh);
      refresh = setTimeout(() => {
        if (cache && cache.writes !== writes()) void load(lastKeys).then((c) => (cache = c), () => (cache = undefined));
      }, delay);
    }),
  );
  return {
    read,
    dispose() {
      clearTimeout(refresh);
      for (const stop of stops) stop();
    },
  };
}
