/**
 * The identity of a notice whose list is an attachment: the cover page's 文号 and issuer plus the
 * attachment's title (attachment names are often just 附件1, and one cover may link three lists).
 * The one place this key is made (the lead reconciles it with the identity of notices on pages).
 */
import { normalizeText } from './normalize';

export interface CoverIdentity {
  /** The cover's 文号, as written. */
  docNo?: string;
  /** The body signing the cover notice. */
  issuer?: string;
  /** The cover page's URL: its host and path stand in for a cover without a 文号. */
  url: string;
}

/** The schema's limit for a notice's 文号 field (lib/notice/schema.ts), which carries this key. */
export const MAX_KEY_LENGTH = 100;

/** `高政字〔2024〕5号 高唐县人民政府 附件：2024年重点工作任务分解表`. */
export function attachmentNoticeKey(cover: CoverIdentity, attachmentTitle: string): string {
  let place = cover.docNo;
  if (!place) {
    try {
      const u = new URL(cover.url);
      place = `${u.host}${u.pathname}`;
    } catch {
      place = cover.url;
    }
  }
  const title = normalizeText(attachmentTitle).replace(/^附件\s*\d*\s*[:：.、]?\s*/, '') || attachmentTitle.trim();
  const head = [place, cover.issuer].filter(Boolean).join(' ');
  return `${head} 附件：${title}`.slice(0, MAX_KEY_LENGTH);
}

/** The largest attachment duban opens and keeps (30 MB): the viewer's cap and the attachments table's. */
export const MAX_ATTACHMENT_BYTES = 30 * 1024 * 1024;
