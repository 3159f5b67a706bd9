import type { PageQuote } from './page-quote';

/**
 * The notice model: a 责任分解 notice breaks a work report into numbered key tasks (items),
 * grouped under lead officials (sections), each closed by a 牵头单位 line.
 */

/** What a unit does for an item: leads it (牵头, 汇总) or works with the lead (co: 配合, 责任). */
export const UNIT_ROLES = ['lead', 'co'] as const;
type UnitRole = (typeof UNIT_ROLES)[number];

/** One unit named for an item (after 牵头单位：), in page order. ./units.ts tells its role. */
export interface LeadUnit {
  name: string;
  /** The unit leads or collects (牵头或汇总); today's format: the first listed. Always `role === 'lead'` when a role is given. */
  lead: boolean;
  /**
   * The unit's role when the notice states it (a format with 牵头 and 配合 columns); absent,
   * `lead` tells it. Today's format states none.
   */
  role?: UnitRole;
}

/** 一、冯晶区长牵头工作 → ordinal 1, leader 冯晶区长. */
export interface NoticeSection {
  ordinal: number;
  /** The lead official as written, e.g. 冯晶区长. */
  leader: string;
  /** The heading as written (normalised), e.g. 一、冯晶区长牵头工作. */
  heading: string;
}

export interface NoticeItem {
  /**
   * The item's key in the notice: `12`, `二、3.` where numbering restarts, `1/一、2.` on a page of
   * several lists (./item-key.ts). The stable identity of the item, never a DOM index.
   */
  key: string;
  /** The item's printed number's value (3 for `3.` `（三）`): for display; `key` identifies the item. */
  number: number;
  /** Normalised item text without its number prefix. */
  text: string;
  /** Ordinal of the section the item sits in. */
  section: number;
  units: LeadUnit[];
  /** The unit line's parenthetical, e.g. 列第一位的为牵头或汇总单位,下同; kept out of unit names. */
  unitNote?: string;
  /** Hash of the normalised text: tells later code when the page's text changed. */
  fingerprint: string;
  /** The item's own lead officials, when the notice names them per item (else its section's `leader`). */
  leaders?: string[];
  /** The deadline as the notice writes it (完成时限, e.g. 2024年6月底前), when it gives one. */
  deadline?: string;
  /**
   * Where the item's words are on the page at the notice's link (./page-quote.ts): the exact text
   * with the text around it and its offsets, for Web Annotation export. Absent on records an
   * import made and on pages read before duban kept it (the next visit adds it).
   */
  quote?: PageQuote;
}

/** Where a notice read from an attachment hangs: the attachment's title and its cover page. */
export interface NoticeAttachment {
  title: string;
  /** The cover page's URL. */
  cover?: string;
}

export interface Notice {
  /** 文号, e.g. 拱政办发〔2024〕2号; the notice's identity where the page has one. */
  docNo?: string;
  /**
   * The issuing body as the page names it (its signature, title, info table or metadata), e.g.
   * 杭州市拱墅区人民政府办公室: how a copy off government sites is matched to its notice
   * (./copy-match.ts). Not part of the key, which names the issuer's site (./notice-key.ts).
   */
  issuer?: string;
  title: string;
  year?: number;
  sourceUrl: string;
  publishedAt?: string;
  sections: NoticeSection[];
  items: NoticeItem[];
  /** Numbers missing from the sequence (7 then 9 reports 8). */
  gaps: number[];
  /**
   * For a notice whose list is an attachment (the document viewer): the attachment's title as its
   * cover page names it, and the cover page's URL (absent for a file opened from disk). Its key is
   * the cover's 文号 at the cover's site plus this title (./notice-key.ts), never the file's host.
   */
  attachment?: NoticeAttachment;
  /**
   * Which reading made it: 2, the richer reading (the page's own words, units with roles, leaders,
   * deadlines: ./from-reading.ts); absent, the first (normalised texts, ./formats/prose-lead-line.ts).
   */
  reading?: number;
}

