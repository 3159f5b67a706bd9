/**
 * Fetches an attachment from its site, as duban itself (the extension's host permissions: the
 * government sites, and the object-storage hosts JCMS download links redirect to, listed in
 * lib/notice/sites.ts), never through the page and never through a message. Read as it comes,
 * and stopped as soon as it passes the size cap.
 */
import { MAX_ATTACHMENT_BYTES } from '../../lib/notice/attachment-key';

export class TooLarge extends Error {}

export async function fetchFile(url: string, signal?: AbortSignal, cap = MAX_ATTACHMENT_BYTES): Promise<Uint8Array> {
  const response = await fetch(url, { credentials: 'include', redirect: 'follow', ...(signal ? { signal } : {}) });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  if (Number(response.headers.get('content-length') ?? 0) > cap) throw new TooLarge();
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(await response.arrayBuffer());
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > cap) {
      void reader.cancel();
      throw new TooLarge();
    }
    parts.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const p of parts) bytes.set(p, (at += p.length) - p.length);
  return bytes;
}
