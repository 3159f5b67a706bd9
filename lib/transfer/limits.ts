/**
 * What one import may bring. Zod-free, so the popup can check a file's size before reading it
 * without carrying a schema library; ./format.ts builds its schemas on these.
 */
import { MAX_NOTE_LENGTH } from '../annotation/status';

export const IMPORT_LIMITS = {
  /** Bytes of the file; the popup checks File.size, the background the text's length. */
  maxBytes: 20 * 1024 * 1024,
  maxItems: 50_000,
  maxNotices: 1_000,
  /** An export keeps each item's latest entries up to this many. */
  maxHistoryPerItem: 10_000,
  /**
   * A note in a file may be longer than one typed note: when both sides changed a note, the merge
   * keeps both texts, marked, so a merged note can reach about twice MAX_NOTE_LENGTH.
   */
  maxNoteLength: 3 * MAX_NOTE_LENGTH,
} as const;

const MB = 1024 * 1024;
const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

export function tooLargeMessage(bytes: number): string {
  return `文件过大（${mb(bytes)}），上限 ${mb(IMPORT_LIMITS.maxBytes)} / the file is too large (${mb(bytes)}); the limit is ${mb(IMPORT_LIMITS.maxBytes)}`;
}

/** Shown above the errors of a refused file. */
export const REFUSED = '文件未导入，未作任何更改 / The file was not imported; nothing was changed.';

export const EMPTY_FILE = '文件是空的 / the file is empty';

export const NOT_UTF8 =
  '不是 UTF-8 文本文件（可能是二进制文件，或以其他编码保存）；请导入督办导出的 JSON 文件 / not a UTF-8 text file (a binary file, or saved in another encoding); import a JSON file exported by duban';
