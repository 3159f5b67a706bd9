/**
 * The overview: every annotated item of every notice as one row, and the pure filtering and
 * sorting the overview page runs on every keystroke (10,000 rows: each pass must stay far under
 * 50 ms, so the search text and the sort ranks are computed once per row set and cached).
 */
import { authorLabel, noteWriter, type AuthorDirectory } from '../annotation/author';
import { itemRef } from '../annotation/item-ref';
import { overviewFields, withOverviewFields, type OverviewField } from '../annotation/fields';
import type { ItemAnnotation } from '../annotation/model';
// Zod-free: the overview page's bundle stays small.
import { ITEM_STATUSES, type ItemStatus } from '../annotation/status';
import { followUpState } from '../annotation/schedule';
import type { NoticeRecord } from '../notice/notice-record';
import { compareItemKeys, typedKeyTest } from '../notice/item-key';
import { deadlineDay } from '../notice/deadline';
import { itemLeaders, leadUnit, unitsByRole } from '../notice/units';
import { foldForSearch } from './text';

/**
 * An item of a followed notice: the annotation's overview fields (lib/annotation/fields.ts), its
 * notice's and its item's. An item nobody annotated yet is a row too (`noUpdate`), with the
 * fields a first edit would start from (未开始, no note).
 */
export interface OverviewRow extends Pick<ItemAnnotation, OverviewField> {
  /** Unique across notices: the item's ref (lib/annotation/item-ref.ts). */
  id: string;
  /** The notice's title as last seen ('' if duban never saw the notice, e.g. imported notes). */
  noticeTitle: string;
  /** 文号, e.g. 拱政办发〔2024〕2号. */
  docNo?: string;
  year?: number;
  /** Where the notice was last seen. */
  url?: string;
  /** The section's ordinal (一、二、…) in its notice. */
  section?: number;
  /** The item's place in its notice's order (0 first); absent when the stored notice lacks the item. */
  place?: number;
  /** The item's lead officials as shown: its own (joined 、), else its section's, e.g. 冯晶区长 ('' when unknown). */
  leader: string;
  /** The same officials one by one, for the leader filter and menu. */
  leaders: string[];
  /** The item's text ('' when the stored notice no longer has the item). */
  text: string;
  /** The lead unit (牵头单位, first listed) or ''. */
  leadUnit: string;
  /** Every unit named, lead first as listed. */
  units: string[];
  /** The units that lead (牵头) and those that work with them (配合): ../notice/units.ts. */
  leadUnits: string[];
  coUnits: string[];
  /** 完成时限 as the notice writes it, e.g. 2024年6月底前. */
  deadline?: string;
  /** The last day that deadline allows (YYYY-MM-DD), when it names one (../notice/deadline.ts). */
  deadlineDay?: string;
  /** The item has no annotation yet: 暂无进展 in the report, counted and filtered apart from 未开始. */
  noUpdate?: true;
}

type NoticeLike = Pick<NoticeRecord, 'key' | 'title' | 'docNo' | 'year' | 'sourceUrl' | 'sections' | 'items'>;

/** What the overview needs of a notice, sent once rather than on each of its rows. */
interface OverviewNotice {
  key: string;
  title: string;
  docNo?: string;
  year?: number;
  url?: string;
}

/** A row as sent by the background: the notice's own fields stay in OverviewData.notices. */
type OverviewItem = Omit<OverviewRow, 'id' | 'noticeTitle' | 'docNo' | 'year' | 'url'>;

/** The getOverview answer: compact on the wire (10,000 rows cross a JSON message boundary). */
export interface OverviewData {
  notices: OverviewNotice[];
  items: OverviewItem[];
  /**
   * How many rows there are in all; null in a first screen (a limit asked): counting them would
   * keep the first screen waiting (Chromium counts a store by walking it), the whole answer has it.
   */
  total: number | null;
}

/**
 * Joins each annotation with its notice's item (text, section, units), in the order given; then
 * the items nobody annotated yet of each notice that has an annotation, in their notice's order
 * (`noUpdate`): a meeting reviews every task of the notice, not only those with news. So each
 * notice's annotations must all be given (a first screen gives whole notices).
 */
export function buildOverviewData(notices: readonly NoticeLike[], annotations: readonly ItemAnnotation[]): OverviewData {
  const byKey = new Map(notices.map((n) => [n.key, { notice: n, places: new Map(n.items.map((i, place) => [i.key, place])) }]));
  const annotated = new Map<string, Set<string>>();
  for (const a of annotations) {
    let keys = annotated.get(a.noticeKey);
    if (!keys) annotated.set(a.noticeKey, (keys = new Set()));
    keys.add(a.itemKey);
  }
  const fresh: ItemAnnotation[] = [];
  for (const [noticeKey, keys] of annotated) {
    for (const item of byKey.get(noticeKey)?.notice.items ?? []) {
      if (!keys.has(item.key)) fresh.push({ noticeKey, itemKey: item.key, status: 'not_started', note: '', fingerprint: item.fingerprint, createdAt: 0, updatedAt: 0 });
    }
  }
  const items = [...annotations, ...fresh].map((a, i): OverviewItem => {
    const found = byKey.get(a.noticeKey);
    const place = found?.places.get(a.itemKey);
    const item = place === undefined ? undefined : found!.notice.items[place];
    const section = item && found?.notice.sections.find((s) => s.ordinal === item.section);
    const leaders = item ? itemLeaders(item, section) : [];
    const roles = unitsByRole(item?.units ?? []);
    return {
      ...overviewFields(a),
      section: item?.section,
      place,
      leader: leaders.join('、'),
      leaders,
      text: item?.text ?? '',
      leadUnit: (item && leadUnit(item.units)?.name) ?? '',
      units: item?.units.map((u) => u.name) ?? [],
      leadUnits: roles.lead,
      coUnits: roles.co,
      deadline: item?.deadline,
      deadlineDay: deadlineDay(item?.deadline, found?.notice.year),
      ...(i >= annotations.length && { noUpdate: true as const }),
    };
  });
  return {
    notices: notices.map((n) => ({ key: n.key, title: n.title, docNo: n.docNo, year: n.year, url: n.sourceUrl })),
    items,
    total: items.length,
  };
}

/** The rows the page works with, each carrying its notice's title, 文号, year and URL. */
export function expandOverview(data: OverviewData): OverviewRow[] {
  const notices = new Map(data.notices.map((n) => [n.key, n]));
  return data.items.map((item) => {
    const n = notices.get(item.noticeKey);
    return { ...item, id: itemRef(item.noticeKey, item.itemKey), noticeTitle: n?.title ?? '', docNo: n?.docNo, year: n?.year, url: n?.url };
  });
}

export function buildOverviewRows(notices: readonly NoticeLike[], annotations: readonly ItemAnnotation[]): OverviewRow[] {
  return expandOverview(buildOverviewData(notices, annotations));
}

/** A row after an edit saved in the background: annotated from now on. */
export function withAnnotation(row: OverviewRow, a: ItemAnnotation): OverviewRow {
  const { noUpdate: _n, ...rest } = withOverviewFields(row, a);
  return rest;
}

/** The stored annotation a row shows (the row does not carry when it was created: its last change stands in). */
export function rowAnnotation(row: OverviewRow): ItemAnnotation {
  return { ...overviewFields(row), createdAt: row.updatedAt };
}

/** Short name of a notice for columns and menus: its 文号, else its title, else its key. */
export function noticeLabel(row: Pick<OverviewRow, 'docNo' | 'noticeTitle' | 'noticeKey'>): string {
  return row.docNo || row.noticeTitle || row.noticeKey;
}

/**
 * A notice named in a narrow column: its 文号, else its title without the issuer's
 * `…关于印发` and the closing `的通知`, the words that tell one notice from another. Titles of
 * one government's notices all start alike (杭州市人民政府办公厅关于印发…): cut to the column,
 * two notices would read the same.
 */
export function noticeColumnLabel(row: Pick<OverviewRow, 'docNo' | 'noticeTitle' | 'noticeKey'>): string {
  if (row.docNo || !row.noticeTitle) return noticeLabel(row);
  const subject = row.noticeTitle.replace(/^[^《》]{2,40}?关于(?:印发|转发)?/, '').replace(/的(?:通知|意见|函)$/, '');
  return subject || row.noticeTitle;
}

// ------------------------------------------------------------------ filtering

/** all; overdue (day past); today; due (overdue or today); soon (next 7 days); set; none. */
export const FOLLOW_UP_FILTERS = ['all', 'overdue', 'today', 'due', 'soon', 'set', 'none'] as const;
export type FollowUpFilter = (typeof FOLLOW_UP_FILTERS)[number];

/** Against the notice's own deadline: all; overdue (its day past, not done); dated (names a day); undated. */
export const DEADLINE_FILTERS = ['all', 'overdue', 'dated', 'undated'] as const;
export type DeadlineFilter = (typeof DEADLINE_FILTERS)[number];

/** The status filter's choices besides a status: every row, or the items nobody annotated yet (暂无进展). */
export const NO_UPDATE = 'noUpdate';
export type StatusFilter = ItemStatus | '' | typeof NO_UPDATE;

export interface OverviewFilter {
  /** Notice key; '' for all. */
  notice: string;
  /** A status (of annotated items: an item without annotation is 暂无进展, not 未开始), NO_UPDATE, or '' for all. */
  status: StatusFilter;
  /** A unit the item names (lead or co); '' for all. */
  unit: string;
  /** Only items that `unit` leads (牵头), not those it works on (配合). */
  unitLeads: boolean;
  /** One of the item's lead officials (its own, else its section's), e.g. 冯晶区长; '' for all. */
  leader: string;
  /** The personal follow-up day (跟进日期). */
  followUp: FollowUpFilter;
  /** The notice's deadline (完成时限). */
  deadline: DeadlineFilter;
  /**
   * Free text over item text, notes, units and lead officials: every space-separated term must occur; a term naming an
   * item (12, 二、3., 清单1·一、2.: lib/notice/item-key.ts typedKeyTest) matches that item, and
   * so does the whole query naming one in words with spaces (第 12 项, list 1·一、2.).
   */
  query: string;
}

export const EMPTY_FILTER: OverviewFilter = { notice: '', status: '', unit: '', unitLeads: false, leader: '', followUp: 'all', deadline: 'all', query: '' };

/** Whether a filter narrows anything (the clear button). */
export function filterActive(filter: OverviewFilter): boolean {
  return (Object.keys(EMPTY_FILTER) as (keyof OverviewFilter)[]).some((k) => filter[k] !== EMPTY_FILTER[k]);
}

const haystacks = new WeakMap<OverviewRow, string>();
function haystack(row: OverviewRow): string {
  let h = haystacks.get(row);
  if (h === undefined) {
    // Every note record too: a colleague's note or a conflict copy is words the user looks for.
    // The units and officials it names too: a clerk types a unit into the one text box there is.
    h = foldForSearch([row.text, row.note, ...(row.noteCopies ?? []).map((c) => c.text), ...row.units, ...row.leaders].join('\n'));
    haystacks.set(row, h);
  }
  return h;
}

/** Prepares the search text of every row (the first search would otherwise pay for it). */
export function warmSearch(rows: readonly OverviewRow[]): void {
  for (const row of rows) haystack(row);
}

function matchesFollowUp(row: OverviewRow, f: FollowUpFilter, today: string): boolean {
  if (f === 'all') return true;
  if (f === 'set') return row.followUp !== undefined;
  if (f === 'none') return row.followUp === undefined;
  if (row.followUp === undefined || row.status === 'done') return false;
  const state = followUpState(row.followUp, today);
  if (f === 'due') return state === 'overdue' || state === 'today';
  if (f === 'soon') return state === 'today' || state === 'soon';
  return state === f;
}

function matchesDeadline(row: OverviewRow, f: DeadlineFilter, today: string): boolean {
  if (f === 'all') return true;
  if (f === 'dated') return row.deadlineDay !== undefined;
  if (f === 'undated') return row.deadlineDay === undefined;
  return deadlineOverdue(row, today);
}

/** Is the item late against the notice's own deadline on `today` (its day past, the item not done)? */
export function deadlineOverdue(row: Pick<OverviewRow, 'deadlineDay' | 'status'>, today: string): boolean {
  return row.deadlineDay !== undefined && row.status !== 'done' && row.deadlineDay < today;
}

/**
 * The filter's tests of a row, apart: a menu (notice, status, leader, unit, follow-up) counts the
 * rows that pass every test but its own. `rest` is deadline and search.
 */
function rowTests(filter: OverviewFilter, today: string) {
  const terms = foldForSearch(filter.query)
    .split(/\s+/)
    .filter(Boolean)
    .map((term) => ({ term, names: typedKeyTest(term) }));
  const namesWhole = terms.length > 1 ? typedKeyTest(filter.query) : undefined;
  return {
    notice: (row: OverviewRow) => !filter.notice || row.noticeKey === filter.notice,
    unit: (row: OverviewRow) => !filter.unit || (filter.unitLeads ? row.leadUnits : row.units).includes(filter.unit),
    leader: (row: OverviewRow) => !filter.leader || row.leaders.includes(filter.leader),
    status: (row: OverviewRow) => !filter.status || (filter.status === NO_UPDATE ? row.noUpdate === true : !row.noUpdate && row.status === filter.status),
    followUp: (row: OverviewRow) => matchesFollowUp(row, filter.followUp, today),
    rest(row: OverviewRow): boolean {
      if (!matchesDeadline(row, filter.deadline, today)) return false;
      if (terms.length && !namesWhole?.(row.itemKey)) {
        const h = haystack(row);
        if (!terms.every((t) => h.includes(t.term) || t.names?.(row.itemKey))) return false;
      }
      return true;
    },
  };
}

/** Rows matching every part of the filter, in the order given (filter a sorted list to keep its sort). */
export function filterRows(rows: readonly OverviewRow[], filter: OverviewFilter, today: string): OverviewRow[] {
  const test = rowTests(filter, today);
  const out: OverviewRow[] = [];
  for (const row of rows) if (test.notice(row) && test.unit(row) && test.leader(row) && test.status(row) && test.followUp(row) && test.rest(row)) out.push(row);
  return out;
}

/**
 * filterRows, and the menus' choices counted as choosing each would show under the other filters
 * set (a leader chosen, the unit menu counts that leader's items): never a choice that gives no
 * row, but for the one chosen. The notices' menu lists every notice (it must stay in sight);
 * `deadlines` counts every row, as overviewFacets. `keep`: a further filter (the 填报人 ones),
 * whose dropped rows count nowhere. One pass over the rows.
 */
export function narrowRows(
  rows: readonly OverviewRow[], filter: OverviewFilter, today: string, keep?: (row: OverviewRow) => boolean,
): { rows: OverviewRow[]; facets: OverviewFacets } {
  const test = rowTests(filter, today);
  const out: OverviewRow[] = [];
  const facets = new FacetCounts();
  for (const row of rows) {
    const base = test.rest(row) && (!keep || keep(row));
    const status = base && test.status(row);
    const follow = base && test.followUp(row);
    const rest = status && follow;
    const notice = base && test.notice(row);
    const unit = base && test.unit(row);
    const leader = base && test.leader(row);
    // Every row names its notice and deadline; it counts in a menu when only that menu's choice could drop it.
    facets.row(row, rest && unit && leader);
    if (rest && notice && unit) facets.leaders(row);
    if (rest && notice && leader) facets.units(row);
    const others = notice && unit && leader;
    if (others && follow) facets.status(row);
    if (others && status) facets.followUp(row, today);
    if (rest && others) out.push(row);
  }
  return { rows: out, facets: facets.done(filter) };
}

/** Is the row's follow-up overdue on `today` (for the red mark in the table)? */
export function rowOverdue(row: OverviewRow, today: string): boolean {
  return row.followUp !== undefined && row.status !== 'done' && row.followUp < today;
}

// ------------------------------------------------------------------ sorting

export const SORT_KEYS = ['notice', 'itemKey', 'leader', 'text', 'leadUnit', 'deadline', 'status', 'note', 'author', 'followUp', 'updatedAt'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface OverviewSort {
  key: SortKey;
  dir: 'asc' | 'desc';
}
export const DEFAULT_SORT: OverviewSort = { key: 'itemKey', dir: 'asc' };

const collator = new Intl.Collator('zh-Hans-CN', { numeric: true });
const STATUS_RANK = new Map(ITEM_STATUSES.map((s, i) => [s, i]));

/** Ranks of a string column: collate each distinct value once (a few hundred), not every comparison. */
function ranks(rows: readonly OverviewRow[], value: (r: OverviewRow) => string): Map<string, number> {
  const distinct = [...new Set(rows.map(value))].sort(collator.compare);
  return new Map(distinct.map((v, i) => [v, i]));
}

type Placed = Pick<OverviewRow, 'noticeKey' | 'itemKey' | 'place'>;

/** Two items of one notice in the notice's order; items it lacks after, by key. */
export function byItemOrder(a: Placed, b: Placed): number {
  if (a.place !== b.place) return a.place === undefined ? 1 : b.place === undefined ? -1 : a.place - b.place;
  return compareItemKeys(a.itemKey, b.itemKey);
}

/** Notice key (code units), then the notice's order. */
function byNoticeKeyThenNo(a: Placed, b: Placed): number {
  if (a.noticeKey !== b.noticeKey) return a.noticeKey < b.noticeKey ? -1 : 1;
  return byItemOrder(a, b);
}

/**
 * Sorted copy. 序号 (itemKey) means "notice, then the notice's own order": items restart in every
 * notice. (The background's first screen is the database's first annotations, by notice then key.)
 * Other keys tie on that order, so the order is total and stable. Empty values (no leader, no
 * note, no follow-up) sort last in either direction. 填报人 (author) sorts by the name and unit
 * `authors` gives each row's note writer; a writer it does not know is empty.
 */
export function sortRows(rows: readonly OverviewRow[], sort: OverviewSort, authors: AuthorDirectory = new Map()): OverviewRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  if (sort.key === 'itemKey') return [...rows].sort((a, b) => sign * byNoticeKeyThenNo(a, b));
  const base = byNoticeKeyThenNo;
  let key: (r: OverviewRow) => number | string | undefined;
  switch (sort.key) {
    case 'notice': {
      const rank = ranks(rows, noticeLabel);
      key = (r) => rank.get(noticeLabel(r));
      break;
    }
    case 'leader': {
      // A section's order in its notice is more telling than the leader's name.
      key = (r) => (r.leader ? r.section ?? 0 : undefined);
      break;
    }
    case 'leadUnit': {
      const rank = ranks(rows, (r) => r.leadUnit);
      key = (r) => (r.leadUnit ? rank.get(r.leadUnit) : undefined);
      break;
    }
    case 'status':
      // 暂无进展 after every status.
      key = (r) => (r.noUpdate ? ITEM_STATUSES.length : STATUS_RANK.get(r.status));
      break;
    case 'text':
    case 'note': {
      // In pinyin order (the collator's), ranked once: a collator per comparison costs 10,000 rows dear.
      const field = sort.key;
      const rank = ranks(rows, (r) => r[field]);
      key = (r) => (r[field] ? rank.get(r[field]) : undefined);
      break;
    }
    case 'author': {
      const label = (r: OverviewRow) => authorLabel(noteWriter(r, authors));
      const rank = ranks(rows, label);
      key = (r) => {
        const l = label(r);
        return l ? rank.get(l) : undefined;
      };
      break;
    }
    case 'followUp':
      key = (r) => r.followUp;
      break;
    case 'deadline':
      // By the day it names; a deadline naming none (年内持续推进) after those that do.
      key = (r) => r.deadlineDay ?? (r.deadline ? '9999' : undefined);
      break;
    case 'updatedAt':
      key = (r) => r.updatedAt;
      break;
  }
  const keyed = rows.map((row) => ({ row, k: key(row) }));
  keyed.sort((a, b) => {
    if (a.k === undefined || b.k === undefined) {
      return a.k === b.k ? base(a.row, b.row) : a.k === undefined ? 1 : -1;
    }
    const c = a.k < b.k ? -1 : a.k > b.k ? 1 : 0;
    return sign * c || base(a.row, b.row);
  });
  return keyed.map((x) => x.row);
}

// ------------------------------------------------------------------ menus

export interface OverviewFacets {
  notices: { key: string; label: string; count: number }[];
  /** Lead officials (items' own and sections') in section order. */
  leaders: { name: string; count: number }[];
  /** Every unit named (lead or co), with how many items it leads among its count. */
  units: { name: string; count: number; leads: number }[];
  /** How many rows each status (or 暂无进展, NO_UPDATE) would show; a status no row has is absent. */
  statuses: Partial<Record<Exclude<StatusFilter, ''>, number>>;
  /** How many rows each follow-up choice but 'all' would show; one no row meets is absent. */
  followUps: Partial<Record<Exclude<FollowUpFilter, 'all'>, number>>;
  /** How many rows name a deadline: none, and the table and filters leave the deadline out. */
  deadlines: number;
}

/** The menus' counts, added up row by row. */
class FacetCounts {
  private readonly byNotice = new Map<string, { key: string; label: string; count: number }>();
  private readonly byLeader = new Map<string, { name: string; count: number; order: number }>();
  private readonly byUnit = new Map<string, { name: string; count: number; leads: number }>();
  private readonly statuses: OverviewFacets['statuses'] = {};
  private readonly followUps: OverviewFacets['followUps'] = {};
  private deadlines = 0;

  /** The row in the status menu: 暂无进展 where nobody updated it, else its status (as rowTests' status). */
  status(r: OverviewRow) {
    const s = r.noUpdate ? NO_UPDATE : r.status;
    this.statuses[s] = (this.statuses[s] ?? 0) + 1;
  }

  /** The row under each follow-up choice it meets (as matchesFollowUp), its day's state read once. */
  followUp(r: OverviewRow, today: string) {
    const add = (f: Exclude<FollowUpFilter, 'all'>) => (this.followUps[f] = (this.followUps[f] ?? 0) + 1);
    if (r.followUp === undefined) return void add('none');
    add('set');
    if (r.status === 'done') return;
    const state = followUpState(r.followUp, today);
    if (state === 'overdue' || state === 'today') add('due');
    if (state === 'today' || state === 'soon') add('soon');
    if (state === 'overdue' || state === 'today') add(state);
  }

  /** The row's notice in the notices' menu (counted or listed only) and its deadline. */
  row(r: OverviewRow, counted: boolean) {
    if (r.deadline) this.deadlines++;
    const n = this.byNotice.get(r.noticeKey);
    if (n) n.count += counted ? 1 : 0;
    else this.byNotice.set(r.noticeKey, { key: r.noticeKey, label: noticeLabel(r), count: counted ? 1 : 0 });
  }

  leaders(r: OverviewRow) {
    for (const name of r.leaders) {
      const l = this.byLeader.get(name) ?? { name, count: 0, order: r.section ?? 99 };
      l.count++;
      this.byLeader.set(name, l);
    }
  }

  units(r: OverviewRow) {
    for (const name of r.units) {
      const u = this.byUnit.get(name) ?? { name, count: 0, leads: 0 };
      u.count++;
      if (r.leadUnits.includes(name)) u.leads++;
      this.byUnit.set(name, u);
    }
  }

  /** Sorted; a chosen leader or unit no row has left is listed with 0, so the menu still shows it. */
  done(chosen?: Pick<OverviewFilter, 'leader' | 'unit'>): OverviewFacets {
    if (chosen?.leader && !this.byLeader.has(chosen.leader)) this.byLeader.set(chosen.leader, { name: chosen.leader, count: 0, order: 99 });
    if (chosen?.unit && !this.byUnit.has(chosen.unit)) this.byUnit.set(chosen.unit, { name: chosen.unit, count: 0, leads: 0 });
    return {
      notices: [...this.byNotice.values()].sort((a, b) => collator.compare(a.label, b.label)),
      leaders: [...this.byLeader.values()]
        .sort((a, b) => a.order - b.order || collator.compare(a.name, b.name))
        .map(({ name, count }) => ({ name, count })),
      units: [...this.byUnit.values()].sort((a, b) => collator.compare(a.name, b.name)),
      statuses: this.statuses,
      followUps: this.followUps,
      deadlines: this.deadlines,
    };
  }
}

/** The choices of the filter menus, with counts, from the rows in hand (no filter set). */
export function overviewFacets(rows: readonly OverviewRow[]): OverviewFacets {
  // With no filter the day is never read.
  return narrowRows(rows, EMPTY_FILTER, '').facets;
}
