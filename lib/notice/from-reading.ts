/**
 * The notice model (./types.ts) from the richer reading of a page (./reading.ts): what the overlay,
 * the database and every view use. Item texts stay in the page's own words (full-width punctuation
 * kept); their fingerprint is of the normalised text, so a notice stored before duban kept the
 * page's words keeps its fingerprints (./notice-record.ts lets such a record take the page's words).
 * Sections are the headings items sit under, in order; a section's leader is the officials its
 * items name, when they all name the same, else the heading.
 */
import { formatFingerprint, normalizeHashed } from './normalize';
import type { ReadItem, ReadNotice } from './reading';
import type { LeadUnit, Notice, NoticeItem, NoticeSection } from './types';

/**
 * Which reading made a notice: 2 is the richer reading (page's words, roles, leaders, deadlines);
 * 3 reads unnumbered leader lines as sections, units marked （牵头） after their names, labels in
 * 【】, dates in figures and more (README "Formats"); 4 sets apart units a space parts (区发改局　区经信局);
 * 5 reads leaders a space parts (责任领导：王宏　李四), leader labels such as 领衔领导： 挂钩领导： 包抓责任领导：,
 * a section's leader from its heading's closing bracket (一、经济发展（王丹县长牵头）) or a leader's line right
 * under it, an item whose text starts with figures (1.2024年…, 1.5G…) where numbering starts again, each
 * section's items at their own level (（一） tasks under 一、, 1. under 二、) and a deadline said with what is
 * asked before it (须于年底前完成) as no unit; a list's title holds no sentence; 6 reads the officials who work
 * with the lead (协同市领导：, 配合领导：) as the item's leaders after the lead, and a department's divisions
 * (牵头处室：, 责任科室：) and a 责任主体： as units, deadlines labelled 时限要求：, 时间要求：, and items numbered
 * in one character (① ⑴ ⒈); a line after items saying who answers for them all (以上工作由X牵头，Y配合。)
 * is theirs; a label may state the lead rule in a bracket before its colon (责任单位（列第一位的为牵头单位）：);
 * 次要责任单位 helps, 督办领导 leads, and a unit label naming its person (牵头部门及负责人：区城管局张三) gives the unit;
 * a unit listed twice (牵头单位 | 责任单位 repeating it) is one unit; labels in one word (牵头：X；配合：Y), and
 * a colon typed as the ratio sign (牵头单位∶X); 7 reads an item numbered at its points' level by a slip (1. 2. （3） 4.)
 * as an item, a table under a title of its own that repeats no header as a list in the columns of the table before, and
 * two units joined by 及 or 和 (区统计局及各街道) as two; a leader named with the post 区长助理 or 巡视员 by the name;
 * a unit column headed with the lead rule in a bracket (责任单位（牵头单位列第一位）) as units whose first leads;
 * a line naming who leads over numbered sections (李四副县长牵头重点工作 then （一）…) as a section of the same list;
 * a bracket of unit names alone closing an item as its units where the page says its brackets hold them (括号内为牵头单位);
 * labels in a closing bracket or a unit cell that only a space or nothing parts (（责任领导：李四　责任单位：X）) apart;
 * leaders labelled by level (牵头县级领导：, 县级包抓领导：, 市级领导：) or as 包联领导, 主管领导; deadlines labelled
 * 完成时间节点：, 完成节点：, 办结时限：, and leads labelled 牵头负责单位：, 牵头实施单位：; 协作单位 and 参加单位 help,
 * 责任主体单位 and 实施主体 answer.
 * 8: a bracket of unit names alone closing most items of a page titled a breakdown, the page saying
 * nowhere what its brackets hold, as the units answering for each item, none leading; 括号内为主要责任单位
 * as leads (as a labelled line reads 主要责任单位); leaders a space
 * parts in a heading (王宏　李四副市长牵头, numbered, unnumbered or a table's group row) as several.
 * A notice stored by an earlier one takes the page's reading on
 * its next visit when the page's words are the same (notice-record.ts seeNotice):
 * raise it with every change to what the same words are read as, or the change shows as a revision.
 */
export const READING_VERSION = 8;

function sectionLeader(heading: string, items: readonly ReadItem[]): string {
  const first = items[0]?.leaders;
  if (!first?.length) return heading;
  const same = (l: readonly string[]) => l === first || (l.length === first.length && l.every((name, i) => name === first[i]));
  return items.every((i) => same(i.leaders)) ? first.join('、') : heading;
}

function units(item: ReadItem): LeadUnit[] {
  return item.units.map((u) => ({ name: u.name, lead: u.role === 'lead', role: u.role }));
}

/** Numbers missing between 1 and the highest item number. */
export function findGaps(numbers: readonly number[]): number[] {
  let max = 0;
  for (const n of numbers) if (n > max) max = n;
  // Item numbers are small (at most 9999): a table beats a Set.
  const seen = new Uint8Array(max + 1);
  for (const n of numbers) seen[n] = 1;
  const gaps: number[] = [];
  for (let n = 1; n <= max; n++) if (!seen[n]) gaps.push(n);
  return gaps;
}

/** An item's fingerprint: FNV-1a of its normalised text, and that text's length (./normalize.ts). */
export function itemFingerprint(text: string): string {
  const normal = normalizeHashed(text);
  return formatFingerprint(normal.hash, normal.text.length);
}

/**
 * The notice with every item fingerprinted: each keeps the fingerprint it came with, an item sent
 * without one (a page's notice, see NoticeFromReadingOptions) gets one made from its text.
 */
export function withItemFingerprints<N extends { items: NoticeItem[] }>(notice: N): N {
  if (notice.items.every((i) => i.fingerprint)) return notice;
  return { ...notice, items: notice.items.map((i) => (i.fingerprint ? i : { ...i, fingerprint: itemFingerprint(i.text) })) };
}

export interface NoticeFromReadingOptions {
  /**
   * False: items come with an empty fingerprint, for the background to make (withItemFingerprints).
   * A page's notice script reads the page once, with code that has never run there: hashing every
   * item's text, character by character, is a loop that is still interpreted at that point, so it
   * is left to the background, where the same loop has run before.
   */
  fingerprints?: boolean;
}

export function noticeFromReading(reading: ReadNotice, publishedAt?: string, { fingerprints = true }: NoticeFromReadingOptions = {}): Notice {
  const sections: NoticeSection[] = [];
  const ordinals = new Map<string, number>();
  /** Each section's items, by its ordinal less one. */
  const members: ReadItem[][] = [];
  const items: NoticeItem[] = [];
  reading.lists.forEach((list, l) => {
    let last: string | undefined;
    let ordinal = 0;
    let group: ReadItem[] = [];
    for (const item of list.items) {
      // A heading names a section within its list: two lists may both have 一、.
      const heading = item.section ?? list.title ?? '';
      // Items come in runs under one heading: only a new heading is looked up.
      if (heading !== last) {
        last = heading;
        const id = `${l}\u0000${heading}`;
        const known = ordinals.get(id);
        if (known === undefined) {
          ordinal = sections.length + 1;
          ordinals.set(id, ordinal);
          sections.push({ ordinal, leader: '', heading });
          members.push([]);
        } else ordinal = known;
        group = members[ordinal - 1];
      }
      group.push(item);
      // Optional fields set after the literal, in the model's order: no spread's temporary objects.
      const made: NoticeItem = {
        key: item.key,
        number: item.number,
        text: item.text,
        section: ordinal,
        units: units(item),
        fingerprint: fingerprints ? itemFingerprint(item.text) : '',
      };
      if (item.leaders.length) made.leaders = item.leaders;
      if (item.deadline) made.deadline = item.deadline;
      items.push(made);
    }
  });
  for (const s of sections) s.leader = sectionLeader(s.heading, members[s.ordinal - 1]);
  return {
    ...(reading.docNo ? { docNo: reading.docNo } : {}),
    ...(reading.issuer ? { issuer: reading.issuer } : {}),
    title: reading.title,
    ...(reading.year ? { year: reading.year } : {}),
    sourceUrl: reading.url,
    ...(publishedAt ? { publishedAt } : {}),
    sections,
    items,
    // Gaps in one list numbered through (1, 2, 4: 3 is missing); restarting numbers have none to tell.
    gaps: reading.lists.length === 1 && items.every((i) => i.key === String(i.number)) ? findGaps(items.map((i) => i.number)) : [],
    reading: READING_VERSION,
  };
}
