/**
 * What a page may change in a stored notice: nothing but where it was seen. The first text a page
 * showed stays the notice's text (what the overview, exports and the popup show); a page that shows
 * another text for the same notice (a corrected notice, or a forged page on the same site, maybe
 * over http) leaves it as a revision on the record, which the user can accept from duban's own
 * pages. The same items read again under other keys (a newer reading) are no other text: the
 * record takes the page's keys and the notes follow (./item-key-moves.ts), as do the notes of
 * items an accepted revision renumbered. Pure: lib/db/notices.ts reads and writes the records.
 */
import { message, Refusal } from '../message';
import { canonicalNoticeUrl, preferredSourceUrl, withNoticeUrl } from './notice-url';
import { noticeOrder } from './item-key';
import { completingMoves, rereadingMoves, type ItemKeyMoves } from './item-key-moves';
import { noticeKey } from './notice-key';
import type { PageQuote } from './page-quote';
import { sameData } from '../util/same-data';
import type { Notice, NoticeItem } from './types';

/**
 * A notice as duban stores it, keyed by its identity (./notice-key.ts: 文号@issuer's site, else its URL), with the text a page
 * first showed (or the user accepted since): a page never rewrites it (seeNotice below).
 */
export interface NoticeRecord extends Notice {
  key: string;
  /** URLs the notice was seen at (http/https, moved pages), latest seen last; at most 20. */
  urls: string[];
  firstSeenAt: number;
  lastSeenAt: number;
  /** Other texts pages showed for this notice, or the text before the user accepted one; at most 5. */
  revisions?: NoticeRevision[];
  /** The id the next revision gets. */
  revisionSeq?: number;
}

/**
 * A notice record an import created: only the file's (annotated) items are known until the page is
 * opened; if the page agrees with them, its notice completes the record and these fields go (else
 * the page's text is a revision: seeNotice below).
 */
export type ImportedNoticeRecord = NoticeRecord & { importedOnly?: true; itemCount?: number };

/** How many other texts one notice keeps, the latest seen. */
export const MAX_REVISIONS = 5;

/** A notice's text: all a page says of it but its URL (its 文号 is its key). */
type NoticeText = Pick<Notice, 'title' | 'year' | 'publishedAt' | 'sections' | 'items' | 'gaps' | 'reading'>;

/** Another text of a stored notice. */
export interface NoticeRevision extends NoticeText {
  /** Unique within its notice, never reused. */
  id: number;
  /** `page`: a page showed it; `replaced`: it was the stored text until the user accepted another. */
  origin: 'page' | 'replaced';
  /** Where it was last seen (for `replaced`: the notice's link then). */
  url: string;
  firstSeenAt: number;
  lastSeenAt: number;
}

/** What openNotice tells the page of its text: the revision it is, and which items differ from the stored text. */
export interface PageRevision {
  /** The revision the page's text was kept as; 0 when it was not kept (a copy off government sites). */
  id: number;
  /** Keys of the items whose text (or units, or section) differs, or that only one of the two has, in the notice's order. */
  differs: string[];
}

function noticeText(n: NoticeText): NoticeText {
  return {
    title: n.title,
    ...(n.year !== undefined && { year: n.year }),
    ...(n.publishedAt !== undefined && { publishedAt: n.publishedAt }),
    sections: n.sections,
    items: n.items,
    gaps: n.gaps,
    ...(n.reading !== undefined && { reading: n.reading }),
  };
}


const itemSignature = (i: NoticeItem) =>
  JSON.stringify([i.fingerprint, i.text, i.section, i.units, i.unitNote ?? null, i.leaders ?? null, i.deadline ?? null]);
const headerSignature = (n: NoticeText) =>
  JSON.stringify([n.title, n.year ?? null, n.publishedAt ?? null, n.sections.map((s) => [s.ordinal, s.leader, s.heading])]);

/**
 * Item keys that differ between two texts of a notice. With `within`, only the items of
 * `stored` are compared, by text (a notice known from an imported file holds only its annotated
 * items, with fewer details than a page gives); `byFingerprint` compares normalised texts only (a
 * text stored by an earlier reading, in other words and with fewer details).
 */
function differingItems(stored: NoticeText, other: NoticeText, within = false, byFingerprint = false): string[] {
  const sig = byFingerprint ? (i: NoticeItem) => i.fingerprint : within ? (i: NoticeItem) => `${i.fingerprint}\u0000${i.text}` : itemSignature;
  const a = new Map(stored.items.map((i) => [i.key, sig(i)]));
  const b = new Map(other.items.map((i) => [i.key, sig(i)]));
  const keys = within ? a.keys() : new Set([...a.keys(), ...b.keys()]);
  // In the notice's order: the stored text's, then items only the other has, in its order.
  const order = noticeOrder([...stored.items, ...other.items].map((i) => i.key));
  return [...keys].filter((k) => a.get(k) !== b.get(k)).sort(order);
}

function sameText(a: NoticeText, b: NoticeText): boolean {
  return headerSignature(a) === headerSignature(b) && differingItems(a, b).length === 0;
}

/** `others` and `latest`, oldest first, at most MAX_REVISIONS: the latest seen stay, `latest` always. */
function capped(others: readonly NoticeRevision[], latest: NoticeRevision): NoticeRevision[] {
  const sorted = [...others].sort((a, b) => a.lastSeenAt - b.lastSeenAt || a.id - b.id);
  return [...sorted.slice(Math.max(0, sorted.length - (MAX_REVISIONS - 1))), latest];
}

function withoutImportMarks(record: NoticeRecord): NoticeRecord {
  const { importedOnly: _i, itemCount: _c, ...rest } = record as ImportedNoticeRecord;
  return rest;
}

/**
 * `items` with the quotes (./page-quote.ts) `from` holds for the same item and text; an item
 * without one there keeps its own, unless `only` (then it has none).
 */
function withQuotes(items: readonly NoticeItem[], from: readonly NoticeItem[], only = false): NoticeItem[] {
  const quoted = new Map(from.filter((i) => i.quote).map((i) => [i.key, i]));
  return items.map((item) => {
    const source = quoted.get(item.key);
    if (source && source.text === item.text) return { ...item, quote: source.quote };
    if (!only || !item.quote) return item;
    const { quote: _q, ...rest } = item;
    return rest;
  });
}

export interface SeenNotice {
  record: NoticeRecord;
  /** Null when the page shows the stored text. */
  revision: PageRevision | null;
  /**
   * The keys the page's reading gives the stored items anew, old → new (a newer reading of the
   * same items): the records under the old keys are to move with them (lib/db/notices.ts).
   */
  moves?: ItemKeyMoves;
}

/** What names the notice: its 文号 and the issuer its page names. */
const identity = (n: Pick<Notice, 'docNo' | 'issuer' | 'attachment'>) => ({
  ...(n.docNo !== undefined && { docNo: n.docNo }),
  ...(n.issuer !== undefined && { issuer: n.issuer }),
  ...(n.attachment !== undefined && { attachment: n.attachment }),
});

/**
 * Which items of `notice` differ from the stored text, as seeNotice tells a page, without keeping
 * anything: for a copy off government sites, whose text is never a revision of the notice.
 */
export function differsFromStored(old: NoticeRecord, notice: Notice): string[] {
  const text = noticeText(notice);
  const imported = (old as ImportedNoticeRecord).importedOnly === true;
  return differingItems(old, text, imported, (old.reading ?? 1) < (text.reading ?? 1));
}

/** The notice record after a page showed `notice` at `now`. */
export function seeNotice(old: NoticeRecord | undefined, notice: Notice, now: number): SeenNotice {
  const url = canonicalNoticeUrl(notice.sourceUrl);
  const text = noticeText(notice);
  const key = noticeKey(notice);
  if (!old) {
    const record: NoticeRecord = { key, ...identity(notice), ...text, sourceUrl: url, urls: [url], firstSeenAt: now, lastSeenAt: now };
    return { record, revision: null };
  }
  // A record stored before duban kept the issuer the page names takes it from a page that agrees with it.
  const named = old.issuer === undefined && notice.issuer !== undefined ? { issuer: notice.issuer } : {};
  const imported = (old as ImportedNoticeRecord).importedOnly === true;
  // Read by an earlier reading of duban (normalised words, no roles): only its items' texts compare.
  const upgrade = (old.reading ?? 1) < (text.reading ?? 1);
  const differs = differingItems(old, text, imported, upgrade);
  const sourceUrl = preferredSourceUrl(old.sourceUrl, url);
  const seen = { urls: withNoticeUrl(old.urls ?? [], url, sourceUrl), lastSeenAt: now };

  // Quotes say where the words are on the page at the notice's link: a page there gives its own
  // (also to a record stored before duban kept quotes: records are written on every visit); a
  // page elsewhere leaves the record's, and so does a page that sends its quotes apart
  // (lib/db/notices.ts noticeQuotesSeen: the notice script sends them once its rows are ready).
  const atLink = url === sourceUrl && text.items.some((i) => i.quote);
  // The same items under other keys (a newer reading keys them otherwise; a colleague's file read
  // by an earlier one, its items all on the page): the stored quotes go with them.
  const moves = imported ? completingMoves(old.items, text.items) : rereadingMoves(old.items, text.items);
  const storedItems = moves ? old.items.map((i) => (Object.hasOwn(moves, i.key) ? { ...i, key: moves[i.key] } : i)) : old.items;
  const pageItems = atLink ? text.items : withQuotes(withQuotes(text.items, [], true), storedItems);
  if (imported && (!differs.length || moves)) {
    // Known from a colleague's file until now: the page agrees with it and completes it.
    return { record: { ...withoutImportMarks(old), ...named, ...text, items: pageItems, sourceUrl, ...seen }, revision: null, ...(moves && { moves }) };
  }
  if (!imported && !upgrade && !differs.length && headerSignature(old) === headerSignature(text)) {
    return { record: { ...old, ...named, items: atLink ? withQuotes(old.items, text.items) : old.items, sourceUrl, ...seen }, revision: null };
  }
  // The page's own words, roles and leaders replace an earlier reading's when its items and their
  // texts are the same; any other difference is a revision as always.
  if (!imported && upgrade && !differs.length) {
    return { record: { ...old, ...named, ...text, items: pageItems, sourceUrl, ...seen }, revision: null };
  }

  // Not a revision either: the record takes the page's keys and all it reads, and the notes
  // follow. A revision kept of this very text (a visit before notes followed keys) goes.
  if (moves) {
    const { revisions: kept, ...rest } = old;
    const revisions = kept?.filter((r) => !sameText(r, text));
    return { record: { ...rest, ...named, ...text, items: pageItems, sourceUrl, ...seen, ...(revisions?.length && { revisions }) }, revision: null, moves };
  }

  // Another text: kept beside the stored one, once, and the link stays where the stored text is.
  const revisions = old.revisions ?? [];
  const same = revisions.find((r) => sameText(r, text));
  const revision: NoticeRevision = same
    ? { ...same, origin: 'page', url, lastSeenAt: now }
    : { id: old.revisionSeq ?? 1, origin: 'page', url, firstSeenAt: now, lastSeenAt: now, ...text };
  const record: NoticeRecord = {
    ...old,
    urls: withNoticeUrl(old.urls ?? [], url, old.sourceUrl),
    lastSeenAt: now,
    revisions: capped(revisions.filter((r) => r !== same), revision),
    revisionSeq: same ? (old.revisionSeq ?? 1) : revision.id + 1,
  };
  return { record, revision: { id: revision.id, differs } };
}

/**
 * The record with the quotes a page at `pageUrl` sent apart from its notice (the notice script
 * sends them once its rows are ready): taken only from the page at the notice's link, and only for
 * items the page shows as stored (`differs`: the page's items whose text is not the stored one).
 * Undefined when nothing changes.
 */
export function withPageQuotes(record: NoticeRecord, pageUrl: string, quotes: ReadonlyMap<string, PageQuote>, differs: readonly string[]): NoticeRecord | undefined {
  if (canonicalNoticeUrl(pageUrl) !== record.sourceUrl) return undefined;
  const other = new Set(differs);
  let changed = false;
  const items = record.items.map((item) => {
    const quote = quotes.get(item.key);
    if (!quote || other.has(item.key) || sameData(quote, item.quote)) return item;
    changed = true;
    return { ...item, quote };
  });
  return changed ? { ...record, items } : undefined;
}

export class RevisionNotFound extends Refusal {}

/**
 * The record once the user accepted revision `id`: its text becomes the notice's, and the text it
 * replaces is kept as a revision so that it can be seen and taken back.
 */
export function acceptRevision(old: NoticeRecord, id: number, now: number): NoticeRecord {
  const revisions = old.revisions ?? [];
  const chosen = revisions.find((r) => r.id === id);
  if (!chosen) throw new RevisionNotFound(message('revision.notFound', { notice: old.key, id }));
  const seq = old.revisionSeq ?? Math.max(0, ...revisions.map((r) => r.id)) + 1;
  const replaced: NoticeRevision = { id: seq, origin: 'replaced', url: old.sourceUrl, firstSeenAt: old.firstSeenAt, lastSeenAt: now, ...noticeText(old) };
  const { title: _t, year: _y, publishedAt: _p, ...rest } = withoutImportMarks(old);
  // An http page's text may be accepted; its URL still never replaces an https link.
  const sourceUrl = preferredSourceUrl(chosen.url, old.sourceUrl);
  return {
    ...rest,
    ...noticeText(chosen),
    sourceUrl,
    urls: withNoticeUrl(old.urls ?? [], chosen.url, sourceUrl),
    revisions: capped(revisions.filter((r) => r !== chosen), replaced),
    revisionSeq: seq + 1,
  };
}

/** A notice's revisions as duban's pages list them: what each would change. */
export interface RevisionSummary {
  id: number;
  origin: NoticeRevision['origin'];
  url: string;
  firstSeenAt: number;
  lastSeenAt: number;
  title: string;
  itemCount: number;
  /** Keys of the items that differ from the stored text. */
  differs: string[];
}

export interface NoticeRevisions {
  noticeKey: string;
  docNo?: string;
  title: string;
  sourceUrl: string;
  itemCount: number;
  /** Latest seen first. */
  revisions: RevisionSummary[];
}

export function summariseRevisions(record: NoticeRecord): NoticeRevisions | undefined {
  if (!record.revisions?.length) return undefined;
  return {
    noticeKey: record.key,
    ...(record.docNo !== undefined && { docNo: record.docNo }),
    title: record.title,
    sourceUrl: record.sourceUrl,
    itemCount: record.items.length,
    revisions: [...record.revisions].reverse().map((r) => ({
      id: r.id,
      origin: r.origin,
      url: r.url,
      firstSeenAt: r.firstSeenAt,
      lastSeenAt: r.lastSeenAt,
      title: r.title,
      itemCount: r.items.length,
      differs: differingItems(record, r),
    })),
  };
}
