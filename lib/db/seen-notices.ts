/**
 * The notices pages sent lately that the background found as stored, by the message as it came
 * (its JSON). A tab opening the same notice again sends the same ~60 KB notice; checking it again
 * (its schema, the stored record, seeNotice) took the worker 30–150 ms while the page waited, in
 * Chromium on a page load. The same message, with no notice written since by any instance and
 * before its lastSeenAt is due again, gets the same answer: its notice key, to read the
 * annotations with, and the fingerprints made for its items. Kept in the worker's memory only: a
 * new worker checks once again.
 */
import type { DubanDatabase } from './database';
import { SEEN_AGAIN } from './notices';

/** Notices remembered at once; the oldest go first (a page's notice is ~60 KB of JSON). */
const LIMIT = 20;

/** What a message checked before is answered with. */
export interface SeenNotice {
  noticeKey: string;
  /** Its items' fingerprints, in order (lib/notice/from-reading.ts withItemFingerprints). */
  fingerprints: string[];
}

interface Seen extends SeenNotice {
  /** The notices table's writes when the message was checked. */
  writes: number;
  /** When the stored record's lastSeenAt is due to be written again. */
  due: number;
}

export function createSeenNotices(instances: DubanDatabase[]) {
  const seen = new Map<string, Seen>();
  const noticeWrites = () => instances.reduce((n, d) => n + (d.tableWrites.get('notices') ?? 0), 0);
  return {
    /** Before the check: the count to remember the message with (a write during the check makes it stale). */
    writes: noticeWrites,
    /** The notice key and fingerprints of a message checked before and still true, else undefined. */
    get(message: string, now: number): SeenNotice | undefined {
      const s = seen.get(message);
      if (!s) return undefined;
      if (s.writes === noticeWrites() && now < s.due) return { noticeKey: s.noticeKey, fingerprints: s.fingerprints };
      seen.delete(message);
      return undefined;
    },
    /** A message checked and found as stored: its answer, its record's lastSeenAt, the count from `writes()` before. */
    remember(message: string, answer: SeenNotice, lastSeenAt: number, writes: number): void {
      seen.delete(message);
      seen.set(message, { noticeKey: answer.noticeKey, fingerprints: answer.fingerprints, writes, due: lastSeenAt + SEEN_AGAIN });
      if (seen.size > LIMIT) seen.delete(seen.keys().next().value as string);
    },
  };
}
