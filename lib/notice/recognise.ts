/**
 * Recognise a 责任分解 notice in a Document and anchor each item to the text a reader sees.
 * A page counts only when its structure says so: a format of the registry (./formats) recognises
 * its items, and its title (or a heading) says 责任分解. Anything else is rejected with a reason
 * and left untouched.
 */
import { extractLines } from './extract-text';
import { findGaps, noticeFromReading } from './from-reading';
import { readNoticePage } from './read-notice';
import { isRefusal } from './reading';
import { type FormatReading, type ItemAnchor, type NoticeFormat, type PageText } from './formats';
import { readNoticeMeta } from './metadata';
import { normalizeText } from './normalize';
import { pageQuotes, type PageQuote } from './page-quote';
import { siteOf } from './sites';
import type { Notice } from './types';

export type { ItemAnchor };

export type NoticeRecognition =
  | {
      ok: true;
      notice: Notice;
      anchors: Map<string, ItemAnchor>;
      /** The id of the format that read it. */
      format: string;
      /**
       * With `quotes: false`: the items' quotes, by item key, worked out when asked (from the page's
       * text as it was read, so duban's rows added since do not count).
       */
      quotes?: () => Map<string, PageQuote>;
    }
  /** `report`: a report on the tasks' progress, not their breakdown (ReadRefusal.report); `numbered`: ReadRefusal.numbered. */
  | { ok: false; reason: string; report?: true; numbered?: number };

export interface RecogniseOptions {
  /** The page's URL; defaults to doc.URL. Its site (lib/notice/sites.ts) says where the metadata is. */
  url?: string;
  /** Tells whether an element is shown; the browser passes checkVisibility, Node uses attributes. */
  isVisible?: (el: Element) => boolean;
  /**
   * First-generation formats (NoticeFormat) to try instead of the richer reading's (LIST_FORMATS,
   * ./read-notice.ts), which read every family of notices: given, the page is read as before.
   */
  formats?: readonly NoticeFormat[];
  /** False: the items' fingerprints are left for the background to make (noticeFromReading). */
  fingerprints?: boolean;
  /**
   * False: the items carry no quote (NoticeItem.quote); the recognition's `quotes` works them out
   * later. The notice script sends them once the rows are ready, off the page's first reading.
   */
  quotes?: boolean;
}

const TITLE_WORD = '责任分解';

/** Without layout (Node), hidden means a hidden attribute or an inline display:none up the tree. */
export function attributeVisibility(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) {
    if (e.hasAttribute('hidden')) return false;
    const style = e.getAttribute('style');
    if (style && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style)) return false;
  }
  return true;
}

export function recogniseNotice(doc: Document, options: RecogniseOptions = {}): NoticeRecognition {
  const root = doc.body ?? doc.documentElement;
  if (!root) return { ok: false, reason: '页面为空 / the page is empty' };
  const url = options.url ?? doc.URL ?? '';
  if (!options.formats) return recogniseLists(doc, url, options.fingerprints ?? true, options.quotes ?? true);
  const site = siteOf(url);
  const isVisible = options.isVisible ?? attributeVisibility;
  const formats = options.formats;
  const read = (skipHidden: boolean) => recognisePage({ doc, lines: extractLines(root, skipHidden), isVisible, site }, url, formats);
  // Text a reader sees first; only when that holds no notice, the hidden copies too.
  const seen = read(true);
  return seen.ok ? seen : read(false);
}

/**
 * The richer reading (./read-notice.ts): every family of notices, on any site, each item anchored;
 * a look-alike refused with the reason.
 */
function recogniseLists(doc: Document, url: string, fingerprints: boolean, inline: boolean): NoticeRecognition {
  const page = readNoticePage(doc, url);
  if (isRefusal(page.reading)) {
    const { reason, report, numbered } = page.reading;
    return { ok: false, reason, ...(report ? { report } : {}), ...(numbered ? { numbered } : {}) };
  }
  if (!page.anchors) return { ok: false, reason: 'no anchors' };
  const notice = noticeFromReading(page.reading, page.publishedAt, { fingerprints });
  const anchors = page.anchors;
  // From the walk made before duban added anything to the page: the offsets are the page's own.
  const { walked } = page;
  const quotes = () => {
    if (!doc.body || !walked) return new Map<string, PageQuote>();
    return pageQuotes(walked, notice.items.map((i) => ({ key: i.key, text: i.text, nodes: anchors.get(i.key)?.nodes ?? [] })));
  };
  if (!inline) return { ok: true, notice, anchors, format: page.format ?? 'lists', quotes };
  const made = quotes();
  for (const item of notice.items) {
    const quote = made.get(item.key);
    if (quote) item.quote = quote;
  }
  return { ok: true, notice, anchors, format: page.format ?? 'lists' };
}

/** The first format that recognises the page reads it; else every format's reason. */
function recognisePage(page: PageText, url: string, formats: readonly NoticeFormat[]): NoticeRecognition {
  const reasons: string[] = [];
  for (const format of formats) {
    const reading = format.read(page);
    if (reading.ok) return toNotice(page, url, format, reading);
    reasons.push(reading.reason);
  }
  return { ok: false, reason: reasons.join('；') || '没有可读的格式 / no notice format to read it' };
}

/** What every format shares: the metadata, the 责任分解 check, gaps, the URL. */
function toNotice(page: PageText, url: string, format: NoticeFormat, reading: FormatReading & { ok: true }): NoticeRecognition {
  const raws = page.lines.raws;
  const meta = readNoticeMeta(page.doc, raws, page.site?.meta);
  if (!meta.title.includes(TITLE_WORD) && !raws.some((t) => t.includes(TITLE_WORD) && normalizeText(t).endsWith(TITLE_WORD))) {
    return { ok: false, reason: '标题不含“责任分解” / the title does not say 责任分解' };
  }

  const { sections, items, anchors } = reading;
  const notice: Notice = {
    ...(meta.docNo ? { docNo: meta.docNo } : {}),
    title: meta.title,
    ...(meta.year ? { year: meta.year } : {}),
    sourceUrl: url,
    ...(meta.publishedAt ? { publishedAt: meta.publishedAt } : {}),
    sections,
    items,
    gaps: findGaps(items.map((i) => i.number)),
  };
  return { ok: true, notice, anchors, format: format.id };
}

