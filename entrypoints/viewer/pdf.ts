/**
 * Reads a PDF's text layer with pdf.js (pdfjs-dist, pinned): the file is parsed in pdf.js's
 * worker, loaded from duban's own files (never a CDN, never a blob), so a long parse never holds
 * the viewer's thread. pdf.js 6 has no eval code path left (its isEvalSupported option is gone;
 * the build holds no eval or new Function), and duban's CSP forbids it anyway; WebAssembly (an
 * image decoder) and font faces are off: only text is read, nothing is drawn or run. Loaded on
 * first use, so a docx opens without it; warmed (module and worker) while a PDF is being fetched.
 * Its CMaps (pdfjs-dist's cmaps/, packed bcmap files, copied into the extension by wxt.config.ts)
 * come from duban's own files too: a Chinese PDF whose font uses a predefined CMap (UniGB-UCS2-H,
 * no ToUnicode) reads only with them.
 */
import type { PDFWorker } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { AttachmentDocument } from '../../lib/attachment/document';
import { layoutPdf, pdfTextItems } from '../../lib/attachment/pdf-layout';

/** Where the build puts pdf.js's CMaps (wxt.config.ts). */
const CMAPS_PATH = '/pdfjs/cmaps/';

let ready: Promise<{ pdfjs: typeof import('pdfjs-dist'); worker: PDFWorker }> | undefined;

/** Loads pdf.js and starts its worker, once. */
export function warmPdf() {
  return (ready ??= import('pdfjs-dist').then((pdfjs) => {
    pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
    return { pdfjs, worker: new pdfjs.PDFWorker() };
  }));
}

export async function readPdf(bytes: Uint8Array): Promise<AttachmentDocument> {
  const { pdfjs, worker } = await warmPdf();
  // pdf.js takes the buffer over (transfers it to its worker): give it a copy, the viewer keeps the file.
  const cMaps = { cMapUrl: new URL(CMAPS_PATH, location.href).href, cMapPacked: true };
  const task = pdfjs.getDocument({ data: bytes.slice(), worker, ...cMaps, useWasm: false, useSystemFonts: false, disableFontFace: true, enableXfa: false, verbosity: 0 });
  try {
    const pdf = await task.promise;
    const numbers = Array.from({ length: pdf.numPages }, (_, i) => i + 1);
    // Every page asked at once: the worker reads them in turn, without a round trip between.
    const pages = await Promise.all(numbers.map(async (n) => pdfTextItems(await (await pdf.getPage(n)).getTextContent())));
    return layoutPdf(pages);
  } finally {
    await task.destroy();
  }
}
