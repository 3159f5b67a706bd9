/**
 * Reads a PDF's text layer with pdf.js (pdfjs-dist, pinned): the file is parsed in pdf.js's
 * worker, loaded from duban's own files (never a CDN, never a blob), so a long parse never holds
 * the viewer's thread. pdf.js 6 has no eval code path left (its isEvalSupported option is gone;
 * the build holds no eval or new Function), and duban's CSP forbids it anyway; WebAssembly (an
 * image decoder) and font faces are off: only text is read, nothing is drawn or run. Loaded on
 * first use, so a docx opens without it.
 */
import type { AttachmentDocument } from '../../lib/attachment/document';
import { layoutPdf, pdfTextItems, type PdfTextItem } from '../../lib/attachment/pdf-layout';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

export async function readPdf(bytes: Uint8Array): Promise<AttachmentDocument> {
  const { getDocument, GlobalWorkerOptions } = await import('pdfjs-dist');
  GlobalWorkerOptions.workerSrc = workerUrl;
  // pdf.js takes the buffer over (transfers it to its worker): give it a copy, the viewer keeps the file.
  const task = getDocument({ data: bytes.slice(), useWasm: false, useSystemFonts: false, disableFontFace: true, enableXfa: false, verbosity: 0 });
  try {
    const pdf = await task.promise;
    const pages: PdfTextItem[][] = [];
    for (let n = 1; n <= pdf.numPages; n++) pages.push(pdfTextItems(await (await pdf.getPage(n)).getTextContent()));
    return layoutPdf(pages);
  } finally {
    await task.destroy();
  }
}
