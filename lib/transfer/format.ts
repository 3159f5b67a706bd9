/**
 * duban's file format for handing annotations to a colleague: `duban-annotations`, version 4
 * (versions 1 and 2, items numbered `itemNo` instead of keyed, and 1 to 3, notices keyed by their
 * 文号 alone, still import: ./parse-file.ts). One Zod schema checks a whole file before
 * anything is written; see docs/transfer.md. Times are ISO 8601 instants in the file (readable)
 * and epoch milliseconds in the database.
 */
import { z } from 'zod';
import type { FileField } from '../annotation/fields';
import { AuthorId, AuthorSchema, HISTORY_FIELDS, ItemAnnotation, MAX_NOTE_COPIES, NoteCopy, NoticeKey } from '../annotation/model';
import { noticeKey } from '../notice/notice-key';
import { IMPORT_LIMITS } from './limits';

/**
 * A notice's page: any http(s) page, since duban reads notices on any government site by itself
 * and on any other page the user asks about, and a backup must restore each. A file only records
 * the address (the popup links to it); no page gains any right from it (rights come from the
 * browser's grant or a notice opened in a tab: entrypoints/background/page-grants.ts).
 */
function isWebPage(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

export { IMPORT_LIMITS };

export const FORMAT_NAME = 'duban-annotations';
/**
 * Version 2 added items' `noteCopies`: an older duban refuses such a file rather than drop them.
 * Version 3 keys items by `itemKey`, a string (`12`, `二、3.`), where 1 and 2 had `itemNo`, a number.
 * Version 4 keys notices as lib/notice/notice-key.ts does (文号@issuer's site, else the URL), where
 * 1 to 3 had the 文号 alone (else host + path): an older duban refuses such a file as too new.
 * Version 4 says who said what: the file's `authors` (id, name, unit) and `exportedBy`, items'
 * `author`/`noteAuthor`, history entries' `author` and the note texts they replaced
 * (`fromText`/`toText`), colleagues' note records (`authorId`, `unit`). Older files still import:
 * their notes have no author and merge as before.
 */
export const FORMAT_VERSION = 4;
/** Versions this duban reads. */
const READ_VERSIONS = [1, 2, 3, 4] as const;
/** Versions whose items have `itemNo` (a number) where later ones have `itemKey`. */
export const NUMBERED_VERSIONS: readonly number[] = [1, 2];
/** Versions whose notices are keyed by their 文号 alone (else host + path). */
export const LEGACY_KEY_VERSIONS: readonly number[] = [1, 2, 3];


/** An instant as written in the file: 2026-11-25T08:30:00.000Z (UTC, at most millisecond precision). */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;
const Instant = z
  .string()
  .regex(INSTANT, 'import.problem.instant')
  .transform((s, ctx) => {
    const ms = Date.parse(s);
    if (Number.isNaN(ms) || ms < 0) {
      ctx.addIssue({ code: 'custom', message: 'import.problem.realTime' });
      return z.NEVER;
    }
    return ms;
  });

export const toInstant = (ms: number) => new Date(ms).toISOString();

const HistoryValue = z.union([z.string().max(1000), z.number(), z.null()]);

const FileText = z.string().max(IMPORT_LIMITS.maxNoteLength);

const FileHistoryEntry = z.object({
  at: Instant,
  field: z.enum(HISTORY_FIELDS),
  from: HistoryValue.optional(),
  to: HistoryValue.optional(),
  author: AuthorId.optional(),
  fromText: FileText.optional(),
  toText: FileText.optional(),
});

/** A note record (a conflict copy or, later, a colleague's note), as NOTE_RECORD_FILE (lib/annotation/fields.ts) writes it. */
const FileNoteCopy = NoteCopy.pick({ id: true, text: true }).extend({
  at: Instant,
  kind: NoteCopy.shape.kind,
  author: NoteCopy.shape.author.unwrap().nullable().optional(),
  unit: NoteCopy.shape.unit.unwrap().nullable().optional(),
  authorId: NoteCopy.shape.authorId.unwrap().nullable().optional(),
  source: NoteCopy.shape.source.unwrap().nullable().optional(),
});

/** An annotated item: the annotation's fields as their file rules (lib/annotation/fields.ts) write them, the item's text and its history. */
export const FileItem = ItemAnnotation.pick({ itemKey: true, fingerprint: true }).extend({
  /** The item's text, section and 牵头单位 (page order, first leads): enough to show it elsewhere. */
  text: z.string().max(20_000).optional(),
  section: z.number().int().min(1).max(99).optional(),
  units: z.array(z.string().min(1).max(200)).max(100).optional(),
  /** Where the notice states roles: which of `units` lead (牵头) and which work with them (配合). */
  leadUnits: z.array(z.string().min(1).max(200)).max(100).optional(),
  coUnits: z.array(z.string().min(1).max(200)).max(100).optional(),
  /** The item's own lead officials, where the notice names them per item (else its section's leader). */
  leaders: z.array(z.string().min(1).max(100)).max(20).optional(),
  /** 完成时限 as the notice writes it. */
  deadline: z.string().min(1).max(200).optional(),
  status: ItemAnnotation.shape.status,
  /** Longer than a typed note may be: a merge keeps both texts of a conflicting note. */
  note: z.string().max(IMPORT_LIMITS.maxNoteLength),
  followUp: ItemAnnotation.shape.followUp.unwrap().nullable().optional(),
  progress: ItemAnnotation.shape.progress.unwrap().nullable().optional(),
  createdAt: Instant,
  updatedAt: Instant,
  noteUpdatedAt: Instant.nullable().optional(),
  history: z.array(FileHistoryEntry).max(IMPORT_LIMITS.maxHistoryPerItem).default([]),
  noteCopies: z.array(FileNoteCopy).max(MAX_NOTE_COPIES).optional(),
  author: AuthorId.optional(),
  noteAuthor: AuthorId.optional(),
});
// Every field the descriptors put in a file has a check here (else this line does not compile).
FileItem.shape satisfies Record<FileField, z.ZodType>;

const FileSection = z.object({
  ordinal: z.number().int().min(1).max(99),
  leader: z.string().max(100),
  heading: z.string().max(200),
});

export const FileNotice = z
  .object({
    /** The notice's identity (lib/notice/notice-key.ts): 文号@issuer's site, else its URL without the scheme. */
    key: NoticeKey,
    docNo: z.string().min(1).max(100).nullable().optional(),
    /**
     * Where the notice was last seen: an http(s) page; for an attachment's notice, the file's
     * http(s) URL, its cover the notice page that links to it.
     */
    url: z.string().max(2000),
    title: z.string().max(500),
    year: z.number().int().min(1900).max(2200).nullable().optional(),
    publishedAt: z.string().max(50).nullable().optional(),
    sections: z.array(FileSection).max(99).default([]),
    /** How many items the notice has (the file lists only the annotated ones). */
    itemCount: z.number().int().min(0).max(9999).optional(),
    items: z.array(FileItem).max(9999),
    /** A notice read from an attachment (the document viewer): its title and cover page, which its key names. */
    attachment: z
      .object({
        title: z.string().min(1).max(200),
        cover: z.string().max(2000).refine(isWebPage, { message: 'import.problem.webUrl' }).optional(),
      })
      .strict()
      .optional(),
  })
  .superRefine((n, ctx) => {
    if (!isWebPage(n.url)) ctx.addIssue({ code: 'custom', path: ['url'], message: 'import.problem.webUrl' });
    const expected = noticeKey({ docNo: n.docNo ?? undefined, sourceUrl: n.url, ...(n.attachment && { attachment: n.attachment }) });
    if (n.key !== expected) {
      ctx.addIssue({ code: 'custom', path: ['key'], message: 'import.problem.noticeKey', params: { expected: JSON.stringify(expected) } });
    }
    const seen = new Set<string>();
    n.items.forEach((item, i) => {
      if (seen.has(item.itemKey)) {
        ctx.addIssue({ code: 'custom', path: ['items', i, 'itemKey'], message: 'import.problem.duplicateItem', params: { itemKey: item.itemKey } });
      }
      seen.add(item.itemKey);
    });
  });

export const TransferFileSchema = z
  .object({
    format: z.literal(FORMAT_NAME),
    version: z.literal(READ_VERSIONS),
    exportedAt: Instant,
    /** The author who exported the file (an id of `authors`). */
    exportedBy: AuthorId.optional(),
    /** Every author the file's items, history and note records name. */
    authors: z.array(AuthorSchema).max(IMPORT_LIMITS.maxAuthors).default([]),
    notices: z.array(FileNotice).max(IMPORT_LIMITS.maxNotices),
  })
  .superRefine((f, ctx) => {
    const keys = new Set<string>();
    let items = 0;
    f.notices.forEach((n, i) => {
      if (keys.has(n.key)) ctx.addIssue({ code: 'custom', path: ['notices', i, 'key'], message: 'import.problem.duplicateNotice', params: { key: n.key } });
      keys.add(n.key);
      items += n.items.length;
    });
    if (items > IMPORT_LIMITS.maxItems) {
      ctx.addIssue({ code: 'custom', path: ['notices'], message: 'import.tooManyItems', params: { items, limit: IMPORT_LIMITS.maxItems } });
    }
  });

/** A checked file, times as epoch milliseconds. */
export type TransferFile = z.output<typeof TransferFileSchema>;
export type FileNotice = TransferFile['notices'][number];
export type FileItem = FileNotice['items'][number];
/** A file as written (times as ISO strings). */
export type TransferFileJson = z.input<typeof TransferFileSchema>;
export type FileNoticeJson = TransferFileJson['notices'][number];
export type FileItemJson = FileNoticeJson['items'][number];
