/**
 * What a file is, from its first bytes, never from its name or the server's Content-Type (a JCMS
 * download names none; a .doc renamed .docx is still an OLE file): a zip (docx, xlsx: told apart
 * by their entries, ./zip.ts), a PDF, a legacy OLE compound file (.doc, .xls, .wps, .et), an
 * image, or something else (an HTML error page a server sent instead).
 */
export type FileType = 'zip' | 'pdf' | 'legacy' | 'image' | 'other';

const starts = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((x, i) => b[at + i] === x);

export function sniffFile(bytes: Uint8Array): FileType {
  if (starts(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  // %PDF, possibly after a few bytes of junk some servers add.
  for (let i = 0; i < Math.min(1024, bytes.length - 4); i++) if (starts(bytes, [0x25, 0x50, 0x44, 0x46], i)) return 'pdf';
  if (starts(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'legacy';
  if (
    starts(bytes, [0x89, 0x50, 0x4e, 0x47]) || // PNG
    starts(bytes, [0xff, 0xd8, 0xff]) || // JPEG
    starts(bytes, [0x47, 0x49, 0x46, 0x38]) || // GIF
    starts(bytes, [0x42, 0x4d]) || // BMP
    starts(bytes, [0x49, 0x49, 0x2a, 0x00]) || // TIFF
    starts(bytes, [0x4d, 0x4d, 0x00, 0x2a])
  ) {
    return 'image';
  }
  return 'other';
}
