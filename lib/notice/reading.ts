/**
 * The richer reading of a notice page (read-notice.ts): its lists, each item keyed by list,
 * section and number, with its units and their roles, its leading officials and its deadline, all
 * in the page's own words. Not yet what the overlay and the database use (lib/notice/types.ts):
 * a later step migrates the model to it.
 */

/** lead: 牵头 (leads or collects); co: 配合 / 参与 / 责任 without the lead. */
export type UnitRole = 'lead' | 'co';

export interface ReadUnit {
  /** As the page writes it (full-width brackets kept), without the verb after it (牵头, 配合落实). */
  name: string;
  role: UnitRole;
}

export interface ReadItem {
  /** `[<list>/](<section>、<number>.|<number>)[-<k>]`: see itemKey() in numbering.ts. */
  key: string;
  /** The printed number's value: 3 for `3.` `3、` `3．` `（三）` or a 序号 cell reading 3. */
  number: number;
  /** The heading of the innermost section or group row the item sits under, as written. */
  section?: string;
  /** The item as the page writes it, without its number and its responsibility; paragraphs and task cells joined by \n. */
  text: string;
  units: ReadUnit[];
  /** The leading officials: names without their post, or the post where the page names no one. */
  leaders: string[];
  /** The deadline as written: 年内持续推进, 2022年12月底前完成. */
  deadline?: string;
}

export interface ReadList {
  /** The list's heading as written; printed over two lines, joined. */
  title?: string;
  items: ReadItem[];
}

export interface ReadNotice {
  url: string;
  /** 文号 as the page writes it (its 〔〕 or 【】 kept). */
  docNo?: string;
  /** The issuing body in full, as the page signs it. */
  issuer?: string;
  title: string;
  /** The year the breakdown is for. */
  year?: number;
  lists: ReadList[];
}

/** A page that is not a breakdown notice on its own, and why, in words a person can check. */
export interface ReadRefusal {
  url: string;
  refused: true;
  reason: string;
  /** A report on the tasks' progress (a 完成情况 table, a 督查 bulletin), not their breakdown: a user who asked is told so. */
  report?: true;
  /**
   * How many numbered points the page lists with no one answering for them (measures, the report's
   * own tasks), when it lists some: a user who asked is told the page names no units.
   */
  numbered?: number;
}

export type NoticeReading = ReadNotice | ReadRefusal;

export const isRefusal = (r: NoticeReading): r is ReadRefusal => 'refused' in r;
