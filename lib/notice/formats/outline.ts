/**
 * The numbered outline of a notice written as text (prose items with labelled lines, items closed
 * by a bracket), shared by those formats: which lines are numbered (一、 （一） 1. （1）) and at
 * which level, which level holds the items (the one whose entries carry a responsibility), the
 * sections above them, the lists of the page, the item keys. A format says only how an item's
 * responsibility is written (`OutlineFamily`).
 */
import { isEnclosedNumber, Level, listKeys, readMarker } from '../numbering';
import { listTitle, type PageFacts } from '../page-facts';
import { LABEL_FIRST, type PageLines } from '../page-lines';
import { foldWidth } from '../normalize';
import { AFTER_ITEM, placeByLayout } from '../placement';
import type { ReadItem, ReadList } from '../reading';
import { assignRoles, headingLeaders, readLabel, type Responsibility } from '../responsibility';
import type { ListAnchor } from './format';

/** A numbered line and the lines that follow it up to the next numbered line. */
export interface OutlineEntry {
  level: Level;
  number: number;
  line: number;
  /** Where the text after the number starts in the line (disp). */
  textStart: number;
  /** Text lines after the numbered line, before any labelled line. */
  body: number[];
  /** Labelled lines (牵头单位：, 责任单位：, 牵头市领导：, …). */
  labels: number[];
  /** Text lines after the labelled lines: not the item's (a list's heading, a signature, …). */
  after: number[];
  /** Its family's reading, once read. */
  reading?: EntryReading;
  /** The officials it names as a heading, once read. */
  leaders?: string[];
}

/** An item's responsibility and its text, as its format reads them. */
export interface EntryReading {
  resp?: Responsibility;
  /** The item's text in the page's own words, paragraphs joined by \n. */
  text: string;
  /** The last line of the item's text or responsibility. */
  last: number;
  /** The last line of the item's text (its bracket's line, for an item closed by one). */
  textLast: number;
  /** The lines its responsibility is read from (labelled lines, the line of its bracket). */
  respLines: readonly number[];
  /**
   * Read in the way of another family (a bracket closing one item among items with labelled lines):
   * the item's own, but no sign that the page is in this family.
   */
  aside?: true;
}

/** How one family writes an item's responsibility. */
export interface OutlineFamily {
  read(entry: OutlineEntry, pl: PageLines): EntryReading;
  /**
   * Items with none of their own share the next item's (prose: one 牵头单位 line after items 1–4);
   * never for brackets, where each item closes with its own.
   */
  shares: boolean;
}

/** At least this many items carrying a responsibility make a breakdown notice (as today). */
export const MIN_ITEMS = 3;

const CN_FIRST = new Set([...'一二三四五六七八九十'].map((c) => c.charCodeAt(0)));
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** Cuts the page's lines into numbered entries. */
export function outlineEntries(pl: PageLines): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  let open: OutlineEntry | undefined;
  let lastArabic = 0;
  let headed = false; // a numbered heading since the last 1. 2.: numbering may start again
  // A line naming who leads since the last 1. 2., read up to `scanned`: each line read once.
  let led = false;
  let scanned = 0;
  const ledSince = (to: number) => {
    for (; scanned < to && !led; scanned++) led = isLeaderLine(pl, scanned);
    return led;
  };
  for (let i = 0; i < pl.count; i++) {
    const c = pl.first(i);
    if (isDigit(c) || c === 0x28 || CN_FIRST.has(c) || isEnclosedNumber(c)) {
      // 1.5G… at a line's start is item 1 too where numbering starts again: under a new heading,
      // numbered or a line naming who leads (李四副县长牵头重点工作).
      const marker = readMarker(pl.disp(i), lastArabic + 1) ??
        (isDigit(c) && (headed || ledSince(i)) ? readMarker(pl.disp(i), 1) : undefined);
      if (marker) {
        if (marker.level === Level.Arabic) {
          lastArabic = marker.number;
          headed = led = false;
          scanned = i + 1;
        } else if (marker.level < Level.Arabic) headed = true;
        open = { level: marker.level, number: marker.number, line: i, textStart: marker.end, body: [], labels: [], after: [] };
        entries.push(open);
        continue;
      }
    }
    if (!open) continue;
    if (LABEL_FIRST.has(c) && readLabel(pl.disp(i))) open.labels.push(i);
    else (open.labels.length ? open.after : open.body).push(i);
  }
  return entries;
}

/** The text of `lines` (cut at `cut`), a paragraph each: a block breaks (\n), a <br> joins. */
function joinLines(pl: PageLines, lines: readonly number[], cut?: { line: number; end: number }): string {
  let text = '';
  for (const i of lines) {
    let part = pl.disp(i);
    if (cut && cut.line === i) part = part.slice(0, cut.end);
    part = part.trim();
    if (!part) continue;
    text += text && !pl.soft(i) ? `\n${part}` : part;
  }
  return text;
}

/** The entry's own text lines, its numbered line first with the number cut off. */
export function entryText(pl: PageLines, e: OutlineEntry, lines: readonly number[] = e.body, cut?: { line: number; end: number }): string {
  let first = pl.disp(e.line).slice(e.textStart);
  if (cut && cut.line === e.line) first = first.slice(0, cut.end - e.textStart);
  first = first.trim();
  const rest = joinLines(pl, lines, cut);
  return first && rest ? (lines.length && pl.soft(lines[0]) ? first + rest : `${first}\n${rest}`) : first || rest;
}

interface Draft {
  entry: OutlineEntry;
  reading: EntryReading;
  /** Headings in effect, outermost first. */
  headings: OutlineEntry[];
}

interface DraftList {
  title?: string;
  items: Draft[];
}

/**
 * The page's lists as `family` reads its items, or why not. Entries deeper than the item level
 * ((1) points of an item) are part of the item before them; entries above it are its sections.
 */
export function readOutline(
  pl: PageLines, facts: PageFacts, family: OutlineFamily,
): { lists: ReadList[]; anchors: Map<string, ListAnchor> } | OutlineRefusal {
  const entries = outlineEntries(pl);
  const readingOf = (e: OutlineEntry) => (e.reading ??= family.read(e, pl));

  const answers = (e: OutlineEntry) => {
    const r = readingOf(e);
    return r.resp !== undefined && !r.aside;
  };
  const itemLevel = itemLevelOf(entries, answers, family.shares);
  if (itemLevel === undefined) return { reason: `fewer than ${MIN_ITEMS} numbered items carry a responsibility`, numbered: mostNumbered(entries) };
  liftStrayItems(entries, itemLevel, answers);

  const lists = draftLists(pl, facts, entries, itemLevel, loneItems(entries, itemLevel, readingOf), readingOf, family);
  const shares = family.shares;
  const out: ListDrafts[] = [];
  const seen = new Set<string>();
  for (const draft of lists) {
    const read = toList(draft, facts, pl, shares);
    if (!read) continue;
    // A page that shows its body twice (a print copy) gives the same list twice.
    const items = read.list.items;
    const sig = `${items.length}\u0000${items[0].text}\u0000${items[items.length - 1].text}`;
    if (seen.has(sig)) continue;
    seen.add(sig);
    out.push(read);
  }
  const resp = out.reduce((n, { list }) => n + list.items.filter((i) => i.units.length || i.leaders.length).length, 0);
  if (resp < MIN_ITEMS) return { reason: `${resp} numbered items carry a responsibility`, numbered: mostNumbered(entries) };
  const many = out.length > 1;
  out.forEach(({ list, tops, subs }, li) => keyItems(list, tops, subs, many ? li + 1 : undefined));
  return { lists: out.map((o) => o.list), anchors: anchorItems(out, pl) };
}

/** Why a page has no lists in a family: the reason, and how many numbered entries its most numbered level has. */
export interface OutlineRefusal {
  reason: string;
  numbered: number;
}

/** The count of the level with most entries: how many numbered points (measures, tasks) the page lists. */
function mostNumbered(entries: readonly OutlineEntry[]): number {
  const counts = [0, 0, 0, 0];
  for (const e of entries) counts[e.level]++;
  return Math.max(...counts);
}

/** An item's text lines from its number, and its responsibility's lines; placed by their layout. */
function anchorItems(lists: readonly ListDrafts[], pl: PageLines): Map<string, ListAnchor> {
  const anchors: ListAnchor[] = [];
  const firsts: number[] = [];
  for (const { list, drafts } of lists) {
    for (let i = 0; i < drafts.length; i++) {
      const { entry, reading } = drafts[i];
      const key = list.items[i].key;
      anchors.push({ key, nodes: pl.nodes(entry.line, reading.textLast), unitNodes: linesNodes(pl, reading.respLines), placement: AFTER_ITEM });
      firsts.push(entry.line);
    }
  }
  // Only an item starting in a table holding no other (the page's layout tables hold the notice's) may be a row of its own.
  const leaves = pl.lines.tables.filter((t) => t.leaf && t.first <= t.last).map((t) => [pl.logical(t.first), pl.logical(t.last)]);
  placeByLayout(anchors, (i) => leaves.some(([first, last]) => firsts[i] >= first && firsts[i] <= last));
  const byKey = new Map<string, ListAnchor>();
  for (const a of anchors) byKey.set(a.key, a);
  return byKey;
}

/** The text nodes of `lines` (ascending; one slice when they follow each other, as labelled lines do). */
function linesNodes(pl: PageLines, lines: readonly number[]): Text[] {
  if (!lines.length) return [];
  const first = lines[0];
  const last = lines[lines.length - 1];
  return last - first === lines.length - 1 ? pl.nodes(first, last) : lines.flatMap((l) => pl.nodes(l));
}

/**
 * The level that holds the items: the one with most entries answering for something — in their
 * own text, in the points under them (an item's (1) (2) closed by its bracket) or, where items
 * share, in the next entry of the same level — the deeper on a tie; undefined under MIN_ITEMS.
 */
function itemLevelOf(entries: readonly OutlineEntry[], answers: (e: OutlineEntry) => boolean, shares: boolean): Level | undefined {
  const counted = new Uint8Array(entries.length);
  const open: number[] = [];
  for (let i = 0; i < entries.length; i++) {
    const level = entries[i].level;
    while (open.length && entries[open[open.length - 1]].level >= level) open.pop();
    if (answers(entries[i])) {
      counted[i] = 1;
      for (const up of open) counted[up] = 1;
    }
    open.push(i);
  }
  if (shares) {
    // Backwards: an entry followed, at its level and in its section, by one that answers, shares its answer.
    const next = [0, 0, 0, 0];
    for (let i = entries.length - 1; i >= 0; i--) {
      const level = entries[i].level;
      if (next[level]) counted[i] = 1;
      next[level] = counted[i];
      for (let l = level + 1; l < 4; l++) next[l] = 0;
    }
  }
  const counts = [0, 0, 0, 0];
  for (let i = 0; i < entries.length; i++) if (counted[i]) counts[entries[i].level]++;
  let level = Level.Arabic as Level;
  for (let l = 0; l < 4; l++) if (counts[l] > counts[level] || (counts[l] === counts[level] && l > level)) level = l;
  return counts[level] >= MIN_ITEMS ? level : undefined;
}

/**
 * Items numbered at a deeper level by an editor's slip (1. 2. （3） 4.) are put at the item level:
 * an entry right after an item that answers for itself, numbered on from it, answering for itself
 * too. An item's points are numbered from （1）, never on from the item's own number.
 */
function liftStrayItems(entries: readonly OutlineEntry[], itemLevel: Level, answers: (e: OutlineEntry) => boolean) {
  let item: OutlineEntry | undefined; // the entry before, when it is an item
  for (const e of entries) {
    if (e.level > itemLevel && item && e.number === item.number + 1 && answers(item) && answers(e)) e.level = itemLevel;
    item = e.level === itemLevel ? e : undefined;
  }
}

/**
 * Entries above the item level that are items all the same: each names units of its own and has no
 * entry under it (一、重点工作 （一）…（县发改局牵头） （二）…, then 二、民生实事 1. 2.: each section's
 * items at their own level). A heading over items names none, or has them under it.
 */
function loneItems(entries: readonly OutlineEntry[], itemLevel: Level, readingOf: (e: OutlineEntry) => EntryReading): Set<OutlineEntry> {
  const lone = new Set<OutlineEntry>();
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (e.level >= itemLevel || (i + 1 < entries.length && entries[i + 1].level > e.level)) continue;
    const r = readingOf(e);
    if (r.resp?.groups.length && !r.aside) lone.add(e);
  }
  return lone;
}

function draftLists(
  pl: PageLines, facts: PageFacts, entries: OutlineEntry[], itemLevel: Level, lone: ReadonlySet<OutlineEntry>,
  readingOf: (e: OutlineEntry) => EntryReading, family: OutlineFamily,
): DraftList[] {
  const lists: DraftList[] = [];
  let list: DraftList | undefined;
  const stack: (OutlineEntry | undefined)[] = [];
  let prev: Draft | undefined;
  /** The item before at the item level: numbering starts again against it only, not against an item above it. */
  let prevAtLevel: Draft | undefined;
  /** Line after which headings are new: the end of the previous item. */
  let since = -1;
  let restart = false;
  let headings: OutlineEntry[] | undefined;
  let stackChanged = true;
  const pageTitleNorm = foldWidth(facts.title);
  // An unnumbered line naming who leads (王丹县长牵头重点工作), the heading of the items after it;
  // the numbered heading it sits under (its parent), and its place among its parent's such lines.
  let lead: OutlineEntry | undefined;
  let leadParent: OutlineEntry | undefined;
  let leads = 0;

  for (const e of entries) {
    if (e.level > itemLevel) {
      // A point inside the item before it (no heading between): its text, labels and all.
      if (prev && !stackChanged && e.line > since) {
        absorb(prev, e, pl, family);
        since = prev.reading.last;
      }
      continue;
    }
    if (e.level < itemLevel && !lone.has(e)) {
      const held = stack[e.level];
      // The same heading level numbered again from the start: another list (or a copy of this one),
      // unless a line naming who leads stands right above it (李四副县长牵头重点工作 then （一）…): that
      // official's sections, in the same list.
      if (list && held && e.level === topLevel(stack) && e.number <= held.number && !(e.line > since + 1 && isLeaderLine(pl, e.line - 1))) restart = true;
      stack[e.level] = e;
      stack.length = e.level + 1;
      stackChanged = true;
      // A numbered heading closing the section an unnumbered leader line sits in closes that line's too.
      if (lead && leadParent && e.level <= leadParent.level) lead = undefined;
      continue;
    }
    // An item above the item level sits under the headings above it only.
    if (e.level < itemLevel && stack.length > e.level) {
      stack.length = e.level;
      stackChanged = true;
    }
    // The first heading written since the item before: where this item's run starts.
    let fresh: OutlineEntry | undefined;
    for (let l = 0; l < stack.length && !fresh; l++) if (stack[l] && stack[l]!.line > since) fresh = stack[l];
    let start = fresh ? fresh.line : e.line;
    // An unnumbered line naming who leads, right above the item or its run's headings: a heading, not a list's title.
    const above = stack[stack.length - 1]?.line === e.line - 1 ? start - 1 : e.line - 1;
    const leadLine = above > since && isLeaderLine(pl, above) ? above : -1;
    if (leadLine >= 0 && leadLine < start) start = leadLine;
    let title: string | undefined;
    let next = !list || restart;
    const before = e.level === itemLevel ? prevAtLevel : undefined;
    if (!next && before && e.number <= before.entry.number) {
      title = listTitle(pl, start, since, pageTitleNorm);
      next = (!fresh && leadLine < 0) || title !== undefined;
    }
    if (next) {
      title ??= listTitle(pl, start, list ? since : -1, pageTitleNorm);
      // A new list keeps only the headings written for it.
      for (let l = 0; l < stack.length; l++) if (stack[l] && stack[l]!.line <= since) stack[l] = undefined;
      lead = leadParent = undefined;
      leads = 0;
      stackChanged = true;
      list = { title, items: [] };
      lists.push(list);
      restart = false;
    }
    if (leadLine >= 0) {
      let parent: OutlineEntry | undefined;
      for (const h of stack) if (h && h.line < leadLine) parent = h;
      leads = parent === leadParent ? leads + 1 : 1;
      leadParent = parent;
      lead = { level: itemLevel, number: leads, line: leadLine, textStart: 0, body: [], labels: [], after: [], leaders: lineLeaders(pl, leadLine) };
      stackChanged = true;
    }
    const reading = readingOf(e);
    // Items under the same headings share one list of them.
    if (!headings || stackChanged) headings = withLead(stack.filter((h): h is OutlineEntry => h !== undefined), lead);
    stackChanged = false;
    prev = { entry: e, reading, headings };
    if (e.level === itemLevel) prevAtLevel = prev;
    list!.items.push(prev);
    since = reading.last;
  }
  return lists;
}

/** At most this long, a line naming who leads its items (李四副县长牵头重点工作). */
const LEADER_LINE = 40;
const LEADER_VERB = /[牵抓管责衔联]/; // 牵头, 主抓, 分管, 负责, 领衔, 联系: one character, which layout cannot split

/** The officials heading line i names from `from` (responsibility.ts headingLeaders), two a space parts apart (王宏　李四副市长牵头). */
const lineLeaders = (pl: PageLines, i: number, from = 0) => headingLeaders(pl.disp(i).slice(from), pl.leaders(i, from));

/** Whether line i, unnumbered, names the officials leading the items below it (王丹县长牵头重点工作). */
function isLeaderLine(pl: PageLines, i: number): boolean {
  return pl.rawLength(i) <= LEADER_LINE && pl.mayMatch(i, LEADER_VERB) && lineLeaders(pl, i).length > 0;
}

/**
 * The headings in effect, outermost first, with an unnumbered leader line among them by its place
 * in the page: under the numbered headings written before it, over those written after. It keys
 * as a heading numbered by its place among its parent's leader lines (the second is 二、, or （二）
 * under 一、): what the page would print had it numbered them, as stable as the page's order.
 */
function withLead(headings: OutlineEntry[], lead: OutlineEntry | undefined): OutlineEntry[] {
  if (!lead) return headings;
  const at = headings.findIndex((h) => h.line > lead.line);
  headings.splice(at < 0 ? headings.length : at, 0, lead);
  return headings;
}

function topLevel(stack: (OutlineEntry | undefined)[]): number {
  for (let l = 0; l < stack.length; l++) if (stack[l]) return l;
  return -1;
}

/** Adds a deeper point to the item before it and reads the item again. */
function absorb(d: Draft, e: OutlineEntry, pl: PageLines, family: OutlineFamily) {
  const into = d.entry;
  const merged: OutlineEntry = {
    ...into,
    body: [...into.body, e.line, ...e.body],
    labels: [...into.labels, ...e.labels],
    after: [...into.after, ...e.after],
  };
  d.entry = merged;
  d.reading = family.read(merged, pl);
}

interface ListDrafts {
  list: ReadList;
  tops: (number | undefined)[];
  /** Their subsections' ordinals (the heading under the top one). */
  subs: (number | undefined)[];
  /** The drafts the list's items were read from, in the same order. */
  drafts: Draft[];
}

function toList(list: DraftList, facts: PageFacts, pl: PageLines, shares: boolean): ListDrafts | undefined {
  let items = list.items;
  // Prose items sharing one unit line (拱墅's items 1–4): the line after the last holds for each.
  for (let i = items.length - 2; shares && i >= 0; i--) {
    const d = items[i];
    const next = items[i + 1];
    if (!d.reading.resp && next.reading.resp && !d.entry.labels.length && sameSection(d, next)) {
      d.reading = { ...d.reading, resp: next.reading.resp, respLines: next.reading.respLines };
    }
  }
  // Numbered lines before the first item with a responsibility or after the last are no items.
  const first = items.findIndex((d) => d.reading.resp);
  if (first < 0) return undefined;
  let last = items.length - 1;
  while (!items[last].reading.resp) last--;
  items = items.slice(first, last + 1);
  return {
    list: { ...(list.title ? { title: list.title } : {}), items: items.map((d) => toItem(d, facts, pl)) },
    tops: items.map((d) => d.headings[0]?.number),
    subs: items.map((d) => d.headings[1]?.number),
    drafts: items,
  };
}

const sameSection = (a: Draft, b: Draft) =>
  a.headings === b.headings || (a.headings.length === b.headings.length && a.headings.every((h, i) => h === b.headings[i]));

/**
 * The officials a heading names (一、王丹县长牵头重点工作 → 王丹), or else a leader's line right under
 * it (二、社会民生 then 牵头县领导：李四: naming no unit, it is the section's), read once per heading.
 */
function leadersOf(h: OutlineEntry, pl: PageLines): string[] {
  if (h.leaders) return h.leaders;
  const named = lineLeaders(pl, h.line, h.textStart);
  const resp = h.reading?.resp;
  h.leaders = named.length || h.body.length || !resp || resp.groups.length ? named : resp.leaders;
  return h.leaders;
}

function toItem({ entry, reading, headings }: Draft, facts: PageFacts, pl: PageLines): ReadItem {
  const resp = reading.resp;
  let leaders = resp?.leaders ?? [];
  for (let h = headings.length - 1; h >= 0 && !leaders.length; h--) leaders = leadersOf(headings[h], pl);
  const { number } = entry;
  const { text } = reading;
  const units = resp ? assignRoles(resp.groups, facts.rule) : [];
  const inner = headings[headings.length - 1];
  // Built in the model's field order, the order JSON prints them in; leaders copied, since a
  // heading's (or a repeated line's) are shared by every item under it.
  const item: ReadItem = inner
    ? { key: '', number, section: pl.disp(inner.line), text, units, leaders: leaders.slice() }
    : { key: '', number, text, units, leaders: leaders.slice() };
  if (resp?.deadline) item.deadline = resp.deadline;
  return item;
}

/** Keys the list's items (numbering.ts listKeys); `tops` and `subs` are their sections' and subsections' ordinals. */
function keyItems(list: ReadList, tops: readonly (number | undefined)[], subs: readonly (number | undefined)[], listNo: number | undefined) {
  const keys = listKeys(list.items.map((it, i) => ({ number: it.number, top: tops[i], sub: subs[i] })), listNo);
  list.items.forEach((it, i) => (it.key = keys[i]));
}
