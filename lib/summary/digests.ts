/**
 * Digests: what the popup's summary (lib/summary/summary.ts) needs of the notices and their
 * annotations, kept beside them so that opening the popup reads a few small rows instead of every
 * annotation (in Chromium, reading 10,000 annotations takes 60–200 ms; their digests, a few).
 *
 *  - noticeDigests, one per notice record: its items' numbers, sections, lead units, short texts;
 *  - annotationDigests, one per annotated notice: statuses, follow-ups, progress, times, notes' first lines;
 *  - summaryDigests, one per notice key, made of the two: everything in the notice's summary that
 *    does not depend on the day (counts, progress by section and by unit), and the items that can
 *    be listed (follow-ups, progress) in list order. The popup reads these, then the notice and
 *    annotation digests of the few notices it shows in full (texts and notes of the items listed).
 *
 * Every digest is a pure function of its source rows (`deriveDigests` is the definition). Pure:
 * lib/db/records.ts writes notices and annotations, and with them, in the same transaction, the
 * digests `digestUpdate` computes from the digests stored before: every write path goes through
 * it, so they can never be seen out of step.
 */
import type { ItemAnnotation } from '../annotation/model';
import { ITEM_STATUSES, type ItemStatus } from '../annotation/status';
import type { ImportedNoticeRecord, NoticeRecord } from '../notice/notice-record';
import { sameData } from '../util/same-data';
import { leadUnit } from '../notice/units';
import { compareItemKeys } from '../notice/item-key';
import { deadlineDay } from '../notice/deadline';

export type StatusCounts = Record<ItemStatus, number>;

export interface ProgressGroup {
  /** The lead official (section) or the lead unit. */
  name: string;
  total: number;
  counts: StatusCounts;
}

/** The notice fields the popup shows. */
export interface NoticeHeader {
  docNo?: string;
  title: string;
  sourceUrl: string;
  /** Every URL the notice was seen at: tells whether the active tab shows it. */
  urls: string[];
  /**
   * Its sections name no official (each is its own heading, lib/notice/from-reading.ts): its
   * groups are sections (按部分), not lead officials.
   */
  themes?: true;
  year?: number;
  /** Known from an imported file only (lib/transfer/snapshot.ts). */
  importedOnly?: true;
  itemCount?: number;
}

/** A notice record as the summary needs it; parallel arrays (columns) read faster than objects. */
export interface NoticeDigest extends NoticeHeader {
  key: string;
  /** Lead officials by section ordinal, in the notice's order. */
  sections: { ordinal: number; leader: string }[];
  /** One entry per item key, in the notice's order. */
  items: {
    itemKey: string[];
    section: number[];
    /** The name of the lead (else the first) 牵头单位; '' if none. */
    unit: string[];
    /** The item's text, shortened as the popup shows it. */
    text: string[];
    /** Its deadline (完成时限) as the notice writes it; '' if none. */
    deadline: string[];
    /** The last day that deadline allows (YYYY-MM-DD, ../notice/deadline.ts); '' if it names none. */
    deadlineDay: string[];
  };
}

/** The annotation fields a digest keeps; `note` holds the note's first line, shortened ('' if none). */
type DigestField = 'itemKey' | 'status' | 'followUp' | 'progress' | 'updatedAt' | 'note';

/** One annotation as its digest keeps it: an absent value is null (every column as long as the others). */
type Fact = { [F in DigestField]-?: Exclude<ItemAnnotation[F], undefined> | (undefined extends ItemAnnotation[F] ? null : never) };

/** One notice's annotations as the summary needs them: columns sorted by key (compareItemKeys). */
export type AnnotationDigest = { noticeKey: string } & { [F in DigestField]: Fact[F][] };

/** The part of a notice's summary that does not depend on the day, and what its lists can show. */
export interface SummaryDigest {
  key: string;
  /** Absent while the notice has no record: its annotations are counted, never shown. */
  notice?: NoticeHeader;
  /** Items: the notice's and any annotated ones it lacks. */
  total: number;
  annotated: number;
  counts: StatusCounts;
  /** By lead official, in the notice's order. */
  sections: ProgressGroup[];
  /** By lead unit, largest first. */
  units: ProgressGroup[];
  lastChangedAt?: number;
  /** Items not done with a follow-up day, by day then the notice's order: overdue first, then coming. */
  followUps: { itemKey: string[]; status: ItemStatus[]; day: string[] };
  /** Items not done with a progress, by progress then the notice's order: those behind 序时进度 first. */
  progress: { itemKey: string[]; status: ItemStatus[]; progress: number[] };
  /**
   * Items not done (annotated or not) whose deadline names a day, by that day then the notice's
   * order: those past it first.
   */
  deadlines: { itemKey: string[]; status: ItemStatus[]; day: string[] };
}

/** How much of an item's text and of a note's first line the popup shows. */
const PREVIEW_LENGTH = 60;

const shorten = (s: string) => (s.length > PREVIEW_LENGTH ? `${s.slice(0, PREVIEW_LENGTH)}…` : s);

/** The note's first line, shortened ('' if none). */
// The first line with text: a note may begin with a blank line.
const notePreview = (note: string) => shorten(note.trimStart().split('\n', 1)[0]);

/** The group of items with no lead official or unit: a stored name the UI words (summary.otherGroup). */
export const OTHER_GROUP = '其他 Other';

const emptyCounts = (): StatusCounts => Object.fromEntries(ITEM_STATUSES.map((s) => [s, 0])) as StatusCounts;

function noticeDigest(n: NoticeRecord): NoticeDigest {
  const imported = n as ImportedNoticeRecord;
  // One entry per key, where it first appears, holding its last item (as a Map keeps them).
  const byNo = new Map(n.items.map((i) => [i.key, i]));
  const items: NoticeDigest['items'] = { itemKey: [], section: [], unit: [], text: [], deadline: [], deadlineDay: [] };
  for (const [itemKey, item] of byNo) {
    items.itemKey.push(itemKey);
    items.section.push(item.section);
    items.unit.push(leadUnit(item.units)?.name ?? '');
    items.text.push(shorten(item.text));
    items.deadline.push(item.deadline ?? '');
    items.deadlineDay.push(deadlineDay(item.deadline, n.year) ?? '');
  }
  return {
    key: n.key,
    ...(n.docNo !== undefined && { docNo: n.docNo }),
    title: n.title,
    sourceUrl: n.sourceUrl,
    urls: n.urls ?? [n.sourceUrl],
    ...(n.year !== undefined && { year: n.year }),
    ...(imported.importedOnly && { importedOnly: true as const }),
    ...(imported.itemCount !== undefined && { itemCount: imported.itemCount }),
    ...(n.sections.length > 0 && n.sections.every((s) => s.leader === s.heading) && { themes: true as const }),
    sections: n.sections.map((s) => ({ ordinal: s.ordinal, leader: s.leader })),
    items,
  };
}

const fact = (a: ItemAnnotation): Fact => ({
  itemKey: a.itemKey,
  status: a.status,
  followUp: a.followUp ?? null,
  progress: a.progress ?? null,
  updatedAt: a.updatedAt,
  note: notePreview(a.note),
});

function toColumns(noticeKey: string, facts: Iterable<Fact>): AnnotationDigest | undefined {
  const list = [...facts].sort((a, b) => compareItemKeys(a.itemKey, b.itemKey));
  if (!list.length) return undefined;
  return {
    noticeKey,
    itemKey: list.map((f) => f.itemKey),
    status: list.map((f) => f.status),
    followUp: list.map((f) => f.followUp),
    progress: list.map((f) => f.progress),
    updatedAt: list.map((f) => f.updatedAt),
    note: list.map((f) => f.note),
  };
}

function* fromColumns(d: AnnotationDigest): Generator<Fact> {
  for (let j = 0; j < d.itemKey.length; j++) {
    yield { itemKey: d.itemKey[j], status: d.status[j], followUp: d.followUp[j], progress: d.progress[j], updatedAt: d.updatedAt[j], note: d.note[j] };
  }
}

/** The digest of all of one notice's annotations; undefined when there are none. */
function annotationDigest(noticeKey: string, annotations: readonly ItemAnnotation[]): AnnotationDigest | undefined {
  return toColumns(noticeKey, new Map(annotations.map((a) => [a.itemKey, fact(a)])).values());
}

/**
 * A digest after annotations of its notice were put (replacing those with the same item key)
 * and then deleted by item key, as the same writes do to the annotations table.
 */
function updatedAnnotationDigest(
  noticeKey: string,
  current: AnnotationDigest | undefined,
  put: readonly ItemAnnotation[],
  deleted: readonly string[] = [],
): AnnotationDigest | undefined {
  const byNo = new Map<string, Fact>();
  if (current) for (const f of fromColumns(current)) byNo.set(f.itemKey, f);
  for (const a of put) byNo.set(a.itemKey, fact(a));
  for (const itemKey of deleted) byNo.delete(itemKey);
  return toColumns(noticeKey, byNo.values());
}

function group(map: Map<string, ProgressGroup>, name: string, status: ItemStatus) {
  let g = map.get(name);
  if (!g) map.set(name, (g = { name, total: 0, counts: emptyCounts() }));
  g.total++;
  g.counts[status]++;
}

/** The summary digest of a notice key from its notice's and annotations' digests; undefined when it has neither. */
function summaryDigest(key: string, notice: NoticeDigest | undefined, a: AnnotationDigest | undefined): SummaryDigest | undefined {
  if (!notice && !a) return undefined;
  const leaders = new Map((notice?.sections ?? []).map((s) => [s.ordinal, s.leader]));
  const items = notice?.items ?? { itemKey: [], section: [], unit: [], text: [], deadline: [], deadlineDay: [] };
  const counts = emptyCounts();
  const sections = new Map<string, ProgressGroup>();
  const units = new Map<string, ProgressGroup>();
  // `place`: the item's place in the visiting order (the notice's order, then annotated keys it lacks).
  const followUps: { itemKey: string; place: number; status: ItemStatus; day: string }[] = [];
  const progress: { itemKey: string; place: number; status: ItemStatus; progress: number }[] = [];
  const deadlines: { itemKey: string; place: number; status: ItemStatus; day: string }[] = [];
  let lastChangedAt: number | undefined;
  let total = 0;

  // Item i of the notice (if it has one) and annotation j (if any) of one item key.
  const visit = (itemKey: string, i: number | undefined, j: number | undefined) => {
    const status = j === undefined ? 'not_started' : a!.status[j];
    const place = total;
    total++;
    counts[status]++;
    group(sections, (i !== undefined && leaders.get(items.section[i])) || OTHER_GROUP, status);
    group(units, (i !== undefined && items.unit[i]) || OTHER_GROUP, status);
    // (A digest stored before deadlines were kept has no column: version 14 derives them again.)
    const deadline = i !== undefined ? items.deadlineDay?.[i] : undefined;
    if (deadline && status !== 'done') deadlines.push({ itemKey, place, status, day: deadline });
    if (j === undefined) return;
    const updatedAt = a!.updatedAt[j];
    if (lastChangedAt === undefined || updatedAt > lastChangedAt) lastChangedAt = updatedAt;
    if (status === 'done') return;
    const day = a!.followUp[j];
    if (day) followUps.push({ itemKey, place, status, day });
    const p = a!.progress[j];
    if (p !== null) progress.push({ itemKey, place, status, progress: p });
  };
  // The notice's items in its order, then annotated keys it lacks.
  const annotated = new Map<string, number>();
  a?.itemKey.forEach((no, j) => annotated.set(no, j));
  const listed = new Set<string>();
  items.itemKey.forEach((no, i) => {
    listed.add(no);
    visit(no, i, annotated.get(no));
  });
  a?.itemKey.forEach((no, j) => listed.has(no) || visit(no, undefined, j));

  // Calendar days (YYYY-MM-DD) sort as strings.
  followUps.sort((x, y) => (x.day < y.day ? -1 : x.day > y.day ? 1 : x.place - y.place));
  progress.sort((x, y) => x.progress - y.progress || x.place - y.place);
  deadlines.sort((x, y) => (x.day < y.day ? -1 : x.day > y.day ? 1 : x.place - y.place));
  const sectionOrder = new Map((notice?.sections ?? []).map((s) => [s.leader, s.ordinal]));
  return {
    key,
    ...(notice && { notice: header(notice) }),
    total,
    annotated: a?.itemKey.length ?? 0,
    counts,
    sections: [...sections.values()].sort((x, y) => (sectionOrder.get(x.name) ?? 999) - (sectionOrder.get(y.name) ?? 999)),
    units: [...units.values()].sort((x, y) => y.total - x.total || x.name.localeCompare(y.name, 'zh')),
    ...(lastChangedAt !== undefined && { lastChangedAt }),
    followUps: { itemKey: followUps.map((f) => f.itemKey), status: followUps.map((f) => f.status), day: followUps.map((f) => f.day) },
    progress: { itemKey: progress.map((p) => p.itemKey), status: progress.map((p) => p.status), progress: progress.map((p) => p.progress) },
    deadlines: { itemKey: deadlines.map((x) => x.itemKey), status: deadlines.map((x) => x.status), day: deadlines.map((x) => x.day) },
  };
}

function header({ key: _key, sections: _sections, items: _items, ...h }: NoticeDigest): NoticeHeader {
  return h;
}

interface Digests {
  notices: NoticeDigest[];
  annotations: AnnotationDigest[];
  summaries: SummaryDigest[];
}

/** Every digest of a database's notices and annotations, from scratch (the upgrade, and tests' reference). */
export function deriveDigests(notices: readonly NoticeRecord[], annotations: readonly ItemAnnotation[]): Digests {
  const byNotice = new Map<string, ItemAnnotation[]>();
  for (const a of annotations) {
    const list = byNotice.get(a.noticeKey);
    if (list) list.push(a);
    else byNotice.set(a.noticeKey, [a]);
  }
  const noticeDigests = new Map(notices.map((n) => [n.key, noticeDigest(n)]));
  const annotationDigests = new Map([...byNotice].map(([key, list]) => [key, annotationDigest(key, list)!]));
  const keys = [...new Set([...noticeDigests.keys(), ...annotationDigests.keys()])];
  return {
    notices: [...noticeDigests.values()],
    annotations: [...annotationDigests.values()],
    summaries: keys.map((k) => summaryDigest(k, noticeDigests.get(k), annotationDigests.get(k))!),
  };
}

/** Writes just made to the notices and annotations tables: puts, then deletes (as undo makes them). */
export interface SourceWrites {
  notices?: readonly NoticeRecord[];
  deletedNotices?: readonly string[];
  annotations?: readonly ItemAnnotation[];
  deletedAnnotations?: readonly (readonly [string, string])[];
}

/** The digests as stored before a write (lib/db/records.ts reads them in the writing transaction). */
export interface StoredDigests {
  notices(keys: string[]): Promise<(NoticeDigest | undefined)[]>;
  annotations(keys: string[]): Promise<(AnnotationDigest | undefined)[]>;
}

/** Digests to put and to delete (by key), table by table. */
export interface DigestUpdate {
  put: { notices: NoticeDigest[]; annotations: AnnotationDigest[]; summaries: SummaryDigest[] };
  drop: { notices: string[]; annotations: string[]; summaries: string[] };
}

/**
 * What the digests of every notice key the writes touched become, from those stored before them;
 * undefined when none changes. Reads only what it needs: a notice record written again as it was
 * (a page opened again) reads no annotation digest.
 */
export async function digestUpdate(w: SourceWrites, stored: StoredDigests): Promise<DigestUpdate | undefined> {
  const notices = new Map<string, NoticeRecord | null>();
  for (const n of w.notices ?? []) notices.set(n.key, n);
  for (const key of w.deletedNotices ?? []) notices.set(key, null);
  const annotations = new Map<string, { put: ItemAnnotation[]; deleted: string[] }>();
  const of = (key: string) => {
    let e = annotations.get(key);
    if (!e) annotations.set(key, (e = { put: [], deleted: [] }));
    return e;
  };
  for (const a of w.annotations ?? []) of(a.noticeKey).put.push(a);
  for (const [key, itemKey] of w.deletedAnnotations ?? []) of(key).deleted.push(itemKey);

  const all = [...new Set([...notices.keys(), ...annotations.keys()])];
  const oldNotices = new Map((await stored.notices(all)).map((nd, i) => [all[i], nd]));
  // A notice record written again as it was (a page opened again) changes no digest.
  const newNotices = new Map<string, NoticeDigest | undefined>();
  for (const [key, record] of notices) {
    const nd = record ? noticeDigest(record) : undefined;
    if (!sameData(nd, oldNotices.get(key))) newNotices.set(key, nd);
  }
  const keys = all.filter((k) => newNotices.has(k) || annotations.has(k));
  if (!keys.length) return undefined;
  const oldAnnotations = await stored.annotations(keys);

  const put: DigestUpdate['put'] = { notices: [], annotations: [], summaries: [] };
  const drop: DigestUpdate['drop'] = { notices: [], annotations: [], summaries: [] };
  keys.forEach((key, i) => {
    let nd = oldNotices.get(key);
    if (newNotices.has(key)) {
      nd = newNotices.get(key);
      if (nd) put.notices.push(nd);
      else drop.notices.push(key);
    }
    const change = annotations.get(key);
    let ad = oldAnnotations[i];
    if (change) {
      ad = updatedAnnotationDigest(key, ad, change.put, change.deleted);
      if (ad) put.annotations.push(ad);
      else drop.annotations.push(key);
    }
    const sd = summaryDigest(key, nd, ad);
    if (sd) put.summaries.push(sd);
    else drop.summaries.push(key);
  });
  return { put, drop };
}
