/**
 * What the document viewer (entrypoints/viewer/) is opened with: the attachment's URL, its title
 * and kind, and the cover page it hangs from (URL, title, 文号, issuer); or, to reopen a kept
 * file, only the notice's key. Carried in the viewer's query string, so a reload reopens it;
 * never the file's bytes.
 */
import { z } from 'zod';
import { MAX_NOTICE_KEY_LENGTH } from '../notice/notice-key';

const httpUrl = z.string().max(4000).regex(/^https?:\/\//);
const ATTACHMENT_KINDS = ['docx', 'pdf', 'sheet', 'legacy'] as const;

export const CoverSchema = z.object({
  url: httpUrl,
  title: z.string().max(500),
  docNo: z.string().max(100).optional(),
  issuer: z.string().max(100).optional(),
});
export type Cover = z.infer<typeof CoverSchema>;

export const AttachmentRequestSchema = z.object({
  url: httpUrl,
  title: z.string().max(200),
  kind: z.enum(ATTACHMENT_KINDS),
  cover: CoverSchema,
}).strict();
export type AttachmentRequest = z.infer<typeof AttachmentRequestSchema>;

export { viewerQuery } from './viewer-query';

/** What the viewer is asked to show: a file at a URL, a kept notice, or nothing yet (a file from disk). */
export type ViewerTarget = { attachment: AttachmentRequest } | { noticeKey: string } | { empty: true };

/** The target a viewer's query string names; anything malformed is the empty viewer. */
export function readViewerQuery(search: string): ViewerTarget {
  const q = new URLSearchParams(search);
  const notice = q.get('notice');
  if (notice && notice.length <= MAX_NOTICE_KEY_LENGTH) return { noticeKey: notice };
  const opt = (k: string) => q.get(k) ?? undefined;
  const parsed = AttachmentRequestSchema.safeParse({
    url: q.get('src'),
    title: q.get('title') ?? '',
    kind: q.get('kind') ?? 'docx',
    cover: { url: q.get('cover'), title: q.get('coverTitle') ?? '', docNo: opt('docNo'), issuer: opt('issuer') },
  });
  return parsed.success ? { attachment: parsed.data } : { empty: true };
}
