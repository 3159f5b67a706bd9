/**
 * The viewer's query string for what it is asked to show (./viewer-link.ts reads it back, checked).
 * Zod-free: the popup opens the viewer with it and does not carry the schemas.
 */

/** An attachment as the viewer is asked for it (./viewer-link.ts AttachmentRequest, its checked form). */
interface AttachmentTarget {
  url: string;
  title: string;
  kind: string;
  cover: { url: string; title: string; docNo?: string; issuer?: string };
}

/** What the viewer is asked to show (./viewer-link.ts ViewerTarget, its checked form). */
export type ViewerQueryTarget = { attachment: AttachmentTarget } | { noticeKey: string } | { empty: true };

/** The viewer's query string for `target` (after `viewer.html`), with `hash` (#duban-item-…) kept. */
export function viewerQuery(target: ViewerQueryTarget, hash = ''): string {
  const q = new URLSearchParams();
  if ('attachment' in target) {
    const { url, title, kind, cover } = target.attachment;
    q.set('src', url);
    q.set('title', title);
    q.set('kind', kind);
    q.set('cover', cover.url);
    q.set('coverTitle', cover.title);
    if (cover.docNo) q.set('docNo', cover.docNo);
    if (cover.issuer) q.set('issuer', cover.issuer);
  } else if ('noticeKey' in target) q.set('notice', target.noticeKey);
  const s = q.toString();
  return (s ? `?${s}` : '') + hash;
}
