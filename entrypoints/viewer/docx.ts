/**
 * Reads a .docx in the viewer's docx worker (./docx-worker.ts, one of duban's own files: the CSP's
 * script-src 'self' holds), as pdf.js reads a PDF in its worker. Started while the file is fetched
 * (warmDocx), so its start-up is not waited for.
 */
import type { AttachmentDocument } from '../../lib/attachment/document';
import { NotDocx } from '../../lib/attachment/docx';
import { UnsafeZip } from '../../lib/attachment/zip';

export type DocxAnswer = { id: number; ok: true; content: AttachmentDocument } | { id: number; ok: false; refused: 'unsafeZip' | 'notDocx' | 'error'; message: string };

let worker: Worker | undefined;
let next = 0;
const waiting = new Map<number, { resolve: (d: AttachmentDocument) => void; reject: (e: Error) => void }>();

/** Starts the worker, once. */
export function warmDocx(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./docx-worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = ({ data }: MessageEvent<DocxAnswer>) => {
    const w = waiting.get(data.id);
    waiting.delete(data.id);
    if (!w) return;
    if (data.ok) return w.resolve(data.content);
    w.reject(data.refused === 'unsafeZip' ? new UnsafeZip(data.message) : data.refused === 'notDocx' ? new NotDocx(data.message) : new Error(data.message));
  };
  worker.onerror = (e) => {
    for (const w of waiting.values()) w.reject(new Error(e.message || 'the docx worker failed'));
    waiting.clear();
  };
  return worker;
}

export function readDocxInWorker(bytes: Uint8Array): Promise<AttachmentDocument> {
  const w = warmDocx();
  const id = ++next;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    // A copy goes over (transferred): the viewer keeps the file to store it.
    const copy = bytes.slice();
    w.postMessage({ id, bytes: copy }, [copy.buffer]);
  });
}
