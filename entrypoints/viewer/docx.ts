/**
 * Reads a .docx in the viewer's docx worker (./docx-worker.ts, one of duban's own files: the CSP's
 * script-src 'self' holds), as pdf.js reads a PDF in its worker. Started while the file is fetched
 * (warmDocx), so its start-up is not waited for.
 */
import type { AttachmentDocument } from '../../lib/attachment/document';
import { NotDocx } from '../../lib/attachment/docx';
import { UnsafeZip } from '../../lib/attachment/zip';
import { workerClient } from './worker-client';

export type DocxAnswer = { id: number; ok: true; content: AttachmentDocument } | { id: number; ok: false; refused: 'unsafeZip' | 'notDocx' | 'error'; message: string };

const docx = workerClient(
  () => new Worker(new URL('./docx-worker.ts', import.meta.url), { type: 'module' }),
  (a: DocxAnswer) => (a.ok ? a.content : a.refused === 'unsafeZip' ? new UnsafeZip(a.message) : a.refused === 'notDocx' ? new NotDocx(a.message) : new Error(a.message)),
);

/** Starts the worker, once. */
export const warmDocx = (): Worker => docx.warm();

export const readDocxInWorker = (bytes: Uint8Array): Promise<AttachmentDocument> => docx.request(bytes);
