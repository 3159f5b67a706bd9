/**
 * What names a notice whose list is an attachment, beside its cover (./notice-key.ts makes the
 * key): the attachment's title as the cover page links it, without its `附件1：` label (often all
 * a link says; one cover may link three lists), and the size cap of an attachment.
 */
import { normalizeText } from './normalize';

/** `附件1：2024年重点工作任务分解表` or `1.2024年…` → `2024年…`; a title that is only the label stays. */
export function attachmentTitle(title: string): string {
  return normalizeText(title).replace(/^(?:附件\s*\d*\s*[:：.、．]?|\d{1,2}\s*[:：.、．])\s*/, '') || title.trim();
}

/** The largest attachment duban opens and keeps (30 MB): the viewer's cap and the attachments table's. */
export const MAX_ATTACHMENT_BYTES = 30 * 1024 * 1024;
