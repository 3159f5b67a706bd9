/**
 * What opening each attachment of a cover page asks the viewer for (./viewer-link.ts): the
 * attachment's URL, title and kind, and the cover's URL, title, 文号 and issuer. Shared by the
 * cover's buttons and the popup's 识别本页 on a cover; zod-free, the notice script carries it.
 */
import type { CoverPage } from '../notice/cover';
import type { AttachmentRequest } from './viewer-link';

/** The most attachments one cover page offers (its buttons, the popup's list). */
export const MAX_COVER_ATTACHMENTS = 20;

/** What opening each attachment of `cover` asks the viewer for. */
export function attachmentRequests(cover: CoverPage): AttachmentRequest[] {
  const of = {
    url: cover.url,
    title: cover.title.slice(0, 500),
    ...(cover.docNo ? { docNo: cover.docNo.slice(0, 100) } : {}),
    ...(cover.issuer ? { issuer: cover.issuer.slice(0, 100) } : {}),
  };
  return cover.attachments.slice(0, MAX_COVER_ATTACHMENTS).map((a) => ({ url: a.url, title: a.title.slice(0, 200), kind: a.kind, cover: of }));
}
