/**
 * What one import may bring. Zod-free, so the popup can check a file's size before reading it
 * without carrying a schema library; ./format.ts builds its schemas on these.
 */
import { MAX_NOTE_LENGTH } from '../annotation/status';
import { message, type Message } from '../message';

export const IMPORT_LIMITS = {
  /** Bytes of the file; the popup checks File.size, the background the text's length. */
  maxBytes: 20 * 1024 * 1024,
  maxItems: 50_000,
  maxNotices: 1_000,
  /** Authors one file names. */
  maxAuthors: 10_000,
  /** An export keeps each item's latest entries up to this many. */
  maxHistoryPerItem: 10_000,
  /**
   * A note in a file may be longer than one typed note: when both sides changed a note, the merge
   * keeps both texts, marked, so a merged note can reach about twice MAX_NOTE_LENGTH.
   */
  maxNoteLength: 3 * MAX_NOTE_LENGTH,
} as const;

/** Files one batch import (collect from units) takes at once. */
export const MAX_BATCH_FILES = 50;

const MB = 1024 * 1024;
const mb = (bytes: number) => (bytes / MB).toFixed(1);

export const tooLarge = (bytes: number): Message => message('import.tooLarge', { size: mb(bytes), limit: mb(IMPORT_LIMITS.maxBytes) });

/** A problem of one file of a batch, said with the file's name: a refused batch lists every file's. */
export const batchFileProblem = (file: string, problem: Message): Message => message('batch.fileProblem', { file, problem });

/** Shown above the errors of a refused file. */
export const REFUSED: Message = message('import.refused');

export const EMPTY_FILE: Message = message('import.empty');

/** A binary file, or text saved as UTF-16 or GBK. */
export const NOT_UTF8: Message = message('import.notUtf8');

/**
 * A spreadsheet in a format duban does not read (`.ods`, `.xls`, `.et`): LibreOffice saves a ledger
 * as .ods unless told to keep Excel's format, and WPS may save .et. Says to save it as .xlsx.
 */
export const otherSpreadsheet = (format: string): Message => message('import.otherSpreadsheet', { format });
