/**
 * A cover page: a government page whose notice announces a breakdown that lives in an attachment
 * (`现将《…责任分解表》印发给你们`, then `附件：…分解表.docx`). Its attachments are the links to
 * office files: a direct file link (TRS sites) or JCMS's `/module/download/downfile.jsp?…`, whose
 * link text names the file. Read from the page's structure and words, never its site.
 */
import { extractLines } from './extract-text';
import { readPageFacts } from './page-facts';
import { PageLines } from './page-lines';
import { siteOf } from './sites';

/** The kinds of file duban tells apart: it reads docx and pdf; a sheet goes to the ledger; legacy formats it cannot read. */
export type AttachmentKind = 'docx' | 'pdf' | 'sheet' | 'legacy';

const KINDS: Record<string, AttachmentKind> = { docx: 'docx', pdf: 'pdf', xlsx: 'sheet', doc: 'legacy', xls: 'legacy', wps: 'legacy', et: 'legacy' };

/** An office file's extension at the end of a path or a name. */
const FILE_EXT = /\.(docx|doc|xlsx|xls|pdf|wps|et)\s*(?:$|[?#)）])/i;
/** JCMS's download link: the file's name is only in the link's text. */
const JCMS_DOWNLOAD = /\/module\/download\/downfile\.jsp/i;

/** The words of a cover notice: it hands a breakdown over, the list is attached. */
const COVER_WORDS = /印发给你们|现将.{0,80}(?:分解|分工|清单|方案|任务)|请认真(?:贯彻|组织|抓好)|附\s*件\s*[:：\d]/;

export interface AttachmentLink {
  /** The link's absolute URL. */
  url: string;
  /** The attachment's title as the page names it, without its extension (附件1：…分解表). */
  title: string;
  kind: AttachmentKind;
  /** The element the link is, for placing a button beside it. */
  element: Element;
}

export interface CoverPage {
  url: string;
  title: string;
  docNo?: string;
  issuer?: string;
  attachments: AttachmentLink[];
}

/** The extension `href` or the link's text gives, lower case. */
export function attachmentExtension(href: string, text: string): string | undefined {
  let path = href;
  try {
    path = new URL(href, 'http://x/').pathname;
  } catch {
    /* keep the raw href */
  }
  return (FILE_EXT.exec(path)?.[1] ?? FILE_EXT.exec(text.trim())?.[1])?.toLowerCase();
}

/** A link that is an office attachment: a file link, or a JCMS download whose text names one. */
export function attachmentLink(a: Element, base: string): AttachmentLink | undefined {
  const href = a.getAttribute('href');
  if (!href) return undefined;
  const text = (a.textContent ?? '').replace(/\s+/g, ' ').trim();
  const ext = attachmentExtension(href, text);
  if (!ext && !JCMS_DOWNLOAD.test(href)) return undefined;
  let url: string;
  try {
    url = new URL(href, base).href;
  } catch {
    return undefined;
  }
  if (!/^https?:/.test(url)) return undefined;
  // A JCMS link whose text names no file: a .doc is as likely as a .docx; the viewer tells by its bytes.
  const kind = ext ? KINDS[ext] : 'docx';
  const title = text.replace(FILE_EXT, '').replace(/[.．]$/, '').trim() || decodeURIComponent(url.split('/').pop() ?? '').replace(FILE_EXT, '');
  return { url, title: title.slice(0, 200), kind, element: a };
}

/**
 * The page as a cover page, or undefined when it announces nothing or links no attachment. Run
 * only after the page's own text was refused as a notice (the list is not inline).
 */
export function readCover(doc: Document, url: string): CoverPage | undefined {
  const root = doc.body ?? doc.documentElement;
  if (!root) return undefined;
  const attachments: AttachmentLink[] = [];
  const seen = new Set<string>();
  for (const a of root.querySelectorAll('a[href]')) {
    const link = attachmentLink(a, url);
    if (link && !seen.has(link.url)) {
      seen.add(link.url);
      attachments.push(link);
    }
  }
  if (!attachments.length) return undefined;
  const lines = new PageLines(extractLines(root, true));
  const facts = readPageFacts(doc, lines, siteOf(url)?.meta);
  const text = Array.from({ length: lines.count }, (_, i) => lines.norm(i)).join('\n');
  if (!COVER_WORDS.test(text) && !COVER_WORDS.test(facts.title)) return undefined;
  return {
    url,
    title: facts.title,
    ...(facts.docNo ? { docNo: facts.docNo } : {}),
    ...(facts.issuer ? { issuer: facts.issuer } : {}),
    attachments,
  };
}
