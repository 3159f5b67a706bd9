/**
 * What the viewer makes of a file's bytes: its content (docx, xlsx, pdf), or why not, as a message
 * code the viewer words (locales: attachment.*): over the size cap, a legacy format duban cannot
 * read (save it as .docx/.xlsx), an image or a PDF without text (no OCR), a zip over the limits,
 * or something unreadable. The type comes from the bytes (./sniff.ts); a zip is a docx or a sheet
 * by its entries, its directory checked (./zip.ts) before either is read.
 */
import { MAX_ATTACHMENT_BYTES } from '../notice/attachment-key';
import type { AttachmentDocument } from './document';
import { documentText } from './document';
import { NotDocx, readDocx, type ParseXml } from './docx';
import { sheetsDocument, type SheetGrid } from './sheet';
import { sniffFile } from './sniff';
import { UnsafeZip, zipNames } from './zip';

export type FileOutcome =
  | { ok: true; kind: 'docx' | 'xlsx' | 'pdf'; content: AttachmentDocument }
  | { ok: false; code: 'attachment.tooLarge' | 'attachment.legacy' | 'attachment.noText' | 'attachment.unsafeZip' | 'attachment.unreadable'; detail?: string };

export interface FileReaders {
  parseXml: ParseXml;
  /** Reads a PDF's text layer (off the main thread, in the browser); absent, a PDF is unreadable here. */
  readPdf?: (bytes: Uint8Array) => Promise<AttachmentDocument>;
  /** Reads a docx off the main thread (the viewer's worker); absent, readDocx here with parseXml. */
  readDocx?: (bytes: Uint8Array) => Promise<AttachmentDocument>;
  /**
   * Reads a workbook's sheets (the pages' spreadsheet library, loaded on demand; it checks the zip
   * by inflating it with a running count first, and throws UnsafeZip); absent, a sheet is unreadable.
   */
  readSheets?: (bytes: Uint8Array) => Promise<SheetGrid[]>;
}

export async function readAttachmentFile(bytes: Uint8Array, readers: FileReaders): Promise<FileOutcome> {
  if (bytes.length > MAX_ATTACHMENT_BYTES) return { ok: false, code: 'attachment.tooLarge' };
  try {
    switch (sniffFile(bytes)) {
      case 'legacy':
        return { ok: false, code: 'attachment.legacy' };
      case 'image':
        return { ok: false, code: 'attachment.noText' };
      case 'pdf': {
        if (!readers.readPdf) return { ok: false, code: 'attachment.unreadable', detail: 'PDF' };
        const content = await readers.readPdf(bytes);
        return documentText(content).trim() ? { ok: true, kind: 'pdf', content } : { ok: false, code: 'attachment.noText' };
      }
      case 'zip': {
        const names = zipNames(bytes);
        if (names.some((n) => n.startsWith('xl/'))) {
          if (!readers.readSheets) return { ok: false, code: 'attachment.unreadable', detail: 'XLSX' };
          const content = sheetsDocument(await readers.readSheets(bytes));
          return documentText(content).trim() ? { ok: true, kind: 'xlsx', content } : { ok: false, code: 'attachment.noText' };
        }
        const content = readers.readDocx ? await readers.readDocx(bytes) : readDocx(bytes, readers.parseXml);
        return { ok: true, kind: 'docx', content };
      }
      default:
        return { ok: false, code: 'attachment.unreadable', detail: 'unknown file type' };
    }
  } catch (e) {
    if (e instanceof UnsafeZip) return { ok: false, code: 'attachment.unsafeZip', detail: e.message };
    if (e instanceof NotDocx) return { ok: false, code: 'attachment.unreadable', detail: e.message };
    return { ok: false, code: 'attachment.unreadable', detail: e instanceof Error ? e.message : String(e) };
  }
}
