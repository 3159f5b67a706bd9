/**
 * The popup's first look at a chosen file, before anything goes to the background: its size (from
 * File.size, so a 50 MB file is never read), then its bytes as strict UTF-8. A binary file, or a
 * text saved as UTF-16 or GBK, is refused here instead of reaching JSON.parse as mojibake.
 * Zod-free: the popup does not carry the schema library.
 */
import type { Message } from '../message';
import { EMPTY_FILE, IMPORT_LIMITS, NOT_UTF8, tooLarge } from './limits';

type DecodedFile = { ok: true; text: string } | { ok: false; error: Message };

/** Refuses a file larger than the import limit without reading it. */
export function checkFileSize(size: number): DecodedFile | undefined {
  return size > IMPORT_LIMITS.maxBytes ? { ok: false, error: tooLarge(size) } : undefined;
}

/** The file's text, if it is non-empty UTF-8 text without NUL characters (a byte-order mark is dropped). */
export function decodeImportFile(bytes: Uint8Array): DecodedFile {
  const refused = checkFileSize(bytes.byteLength);
  if (refused) return refused;
  if (!bytes.byteLength) return { ok: false, error: EMPTY_FILE };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: NOT_UTF8 };
  }
  // Valid UTF-8 can still be binary (NUL bytes): no JSON file holds a raw NUL.
  if (text.includes('\u0000')) return { ok: false, error: NOT_UTF8 };
  return { ok: true, text };
}
