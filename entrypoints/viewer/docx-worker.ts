/**
 * The viewer's docx worker: a .docx read off the viewer's thread (lib/attachment/docx.ts, its XML
 * read by lib/attachment/xml-tree.ts, a worker has no DOMParser), so a large file never freezes
 * the page. It answers the document, or which refusal it was (an unsafe zip, not a docx).
 */
import { NotDocx, readDocx } from '../../lib/attachment/docx';
import { parseXmlTree } from '../../lib/attachment/xml-tree';
import { UnsafeZip } from '../../lib/attachment/zip';
import type { DocxAnswer } from './docx';

const scope = self as unknown as { onmessage: ((e: MessageEvent<{ id: number; bytes: Uint8Array }>) => void) | null; postMessage(m: DocxAnswer): void };

scope.onmessage = ({ data: { id, bytes } }) => {
  try {
    scope.postMessage({ id, ok: true, content: readDocx(bytes, parseXmlTree) });
  } catch (e) {
    const refused = e instanceof UnsafeZip ? 'unsafeZip' : e instanceof NotDocx ? 'notDocx' : 'error';
    scope.postMessage({ id, ok: false, refused, message: e instanceof Error ? e.message : String(e) });
  }
};
