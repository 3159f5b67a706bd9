/**
 * The message contract between duban's pages, content scripts and the background, which owns the
 * database: every call in one table (`calls` below), each with the Zod schema its request is
 * checked with in the background before anything runs, the type of its answer, who may send it,
 * and one line of doc (commands are imperative, events past tense). The request types, the
 * protocol map the messenger is typed with (utils/messaging.ts) and the background's handler map
 * (entrypoints/background/router.ts, checked with `satisfies`) are derived from it. Answers are
 * Results because errors don't cross the message boundary.
 */
import { z } from 'zod';
import { AnnotationPatch, HistoryEntry, ItemAnnotation, NoticeKey, ItemKey } from './annotation/model';
import { NOTE_COPY_ACTIONS } from './annotation/note-copies';
import type { UndoableImport } from './db/restore-point';
import type { OverviewData } from './followup/overview';
import type { NoticeRevisions, PageRevision } from './notice/notice-record';
import type { PageSeen } from './notice/peek';
import { ItemPlaceSchema, NoticeSchema, PageQuoteSchema, PageSignatureSchema } from './notice/schema';
import type { ItemPlace, PageSignature } from './notice/page-map';
import type { Notice } from './notice/types';
import type { PopupSummary } from './summary/summary';
import type { PackedLedger } from './transfer/ledger-packed';
import { LedgerGrid } from './transfer/ledger-grid';
import { MAX_BATCH_FILES } from './transfer/limits';
import type { LedgerReport } from './transfer/ledger-import';
import type { BatchPreview, ImportPreview } from './transfer/plan';
import type { Author } from './annotation/author';
import { MAX_AUTHOR_NAME, MAX_AUTHOR_UNIT } from './annotation/author';
import type { HistoryView } from './annotation/history';
import type { Result } from './util/result';
import { AttachmentRequestSchema, type AttachmentRequest } from './attachment/viewer-link';

export type { Failure, Result } from './util/result';
export { failure } from './util/result';

export interface OpenedNotice {
  noticeKey: string;
  /** Every saved annotation of the notice, including those whose item the page no longer has. */
  annotations: ItemAnnotation[];
  /**
   * Null when the page shows the stored text. Otherwise the page's text was kept as revision `id`
   * (the stored text did not change) and `differs` lists the items whose text differs: their rows
   * say 原文已更改.
   */
  revision: PageRevision | null;
  /**
   * The fingerprint of each item of the notice sent, in its order: a page sends its items without
   * them and the background makes them (lib/notice/from-reading.ts withItemFingerprints).
   */
  fingerprints: string[];
}

/**
 * What the background already knows of the notice at a tab's page, before the page is read: the
 * notice last opened at that very URL, its items' texts and its saved annotations (peekNotice).
 */
export interface PeekedNotice extends PageSeen {
  /** The items whose text differed from the stored notice's then (OpenedNotice.revision). */
  changed: string[];
  annotations: ItemAnnotation[];
  /**
   * When the page sent where its items are (savePageMap): the page's signature then, the notice
   * then read, its items with their fingerprints, and where each item is (lib/notice/page-map.ts).
   * A page whose signature is the same now need not be read. `items` is then empty: the notice's
   * items are they (the answer is half the size, and a message's time grows with its size).
   */
  known?: { page: PageSignature; notice: Notice; items: ItemPlace[] };
}

export interface AnnotationChanged {
  noticeKey: string;
  annotation: ItemAnnotation;
}

/** Every annotation of a notice as stored after an import or an undo (items absent have none). */
export interface AnnotationsReplaced {
  noticeKey: string;
  annotations: ItemAnnotation[];
}

/** What the editor frame learns from the background about the tab it sits in. */
export interface EditorContext {
  noticeKey: string;
  /** The page's items, in the notice's order: key and fingerprint of the text the page shows. */
  items: { key: string; fingerprint: string }[];
  year?: number;
  /** Keys of the items whose page text differs from the stored notice's. */
  changed: string[];
  annotations: ItemAnnotation[];
  /**
   * The stored text of each annotated item the page lacks (its orphaned notes), by key: what the
   * list of those notes says each was (the notice's own public words).
   */
  orphanTexts?: Record<string, string>;
}

/** What the editor frame is asked to show: one item, or the notes whose item the page lacks. */
export type EditorTarget = ({ itemKey: string } | { orphans: true }) & {
  /** The page is dark: the editor takes the page's light or dark, as the rows do, not the system's. */
  dark?: boolean;
};

/** The name of the port the editor frame keeps open to the background. */
export const EDITOR_PORT = 'duban-editor';

/** Messages on that port: background → frame (show, changed), frame → background (shown). */
export type EditorPortMessage =
  | { type: 'show'; id: number; target: EditorTarget }
  | { type: 'shown'; id: number }
  | { type: 'changed'; noticeKey: string; annotation: ItemAnnotation }
  /** The notice's annotations as stored after an import or an undo (as annotationsReplaced tells the page). */
  | { type: 'replaced'; noticeKey: string; annotations: ItemAnnotation[] };

/** Background → content script: the tab's editor frame is ready, or was closed by the user. */
export type EditorEvent =
  | { type: 'ready' }
  | { type: 'closed'; itemKey?: string }
  /** The user opened (or closed) the editor's history: the frame takes the room it may have. */
  | { type: 'tall'; tall: boolean };

export const EXPORT_FORMATS = ['json', 'csv', 'jsonld'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportedFile {
  filename: string;
  mimeType: string;
  text: string;
  notices: number;
  items: number;
}

/** What an import did (or, for a preview, would do). */
export type ImportOutcome = ImportPreview;

/**
 * A ledger read for import: its preview, and what matched nothing. The transfer file it makes
 * stays in the background: the page applies the same cells again (applyLedgerImport) rather
 * than carry megabytes of file both ways.
 */
export interface LedgerPreview {
  preview: ImportOutcome;
  ledger: LedgerReport;
}

/** A batch's preview (or what it did): each file's, a ledger's with what its sheets and rows matched. */
export interface BatchOutcome extends BatchPreview {
  files: (BatchPreview['files'][number] & { ledger?: LedgerReport })[];
}

/** Who sent a message, as the browser reports it (chrome.runtime.MessageSender). */
export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  /** The sender's document (Chrome): a navigation makes another one. */
  documentId?: string;
  tab?: { id?: number; url?: string };
}

/**
 * What asking duban to recognise a page found: a notice (overlaid now; `copy` when the page is
 * not on a government site, its bar says 副本), a cover page whose list is in its `attachments`
 * (the popup offers to open each in the viewer), or none (the popup says so).
 */
export interface PageRecognition {
  verdict: 'notice' | 'cover' | 'none';
  copy: boolean;
  /** With 'none': the page reports on the tasks' progress (a 完成情况 table, a 督查 bulletin), not their breakdown. */
  report?: boolean;
  /** With 'none': how many numbered points the page lists with no unit named for any (ReadRefusal.numbered). */
  numbered?: number;
  /** A cover's attachments, as its buttons open them. */
  attachments?: AttachmentRequest[];
}

/** A PageRecognition as the notice script answered it, checked (the script's answer crosses from the tab). */
export const PageRecognitionSchema = z.object({
  verdict: z.enum(['notice', 'cover', 'none']),
  copy: z.boolean(),
  report: z.boolean().optional(),
  numbered: z.number().int().positive().max(100_000).optional(),
  attachments: z.array(AttachmentRequestSchema).max(20).optional(),
});

/**
 * The kinds of duban code that talk to the background:
 * - `content`: the content script in the top frame of a tab whose page may open its notice (a
 *   site of the registry, or a page the user asked about or the probe found likely: the caller's
 *   `isOfficial` says which);
 * - `probe`: the probe content script in the top frame of any other government page: it may only
 *   say that the page looks like a notice;
 * - `editor`: duban's editor page framed inside such a tab (the one web-accessible page);
 * - `page`: duban's own pages (popup, overview) in their own tab or window;
 * - `viewer`: duban's document viewer (viewer.html) in a tab: a page of duban's that also shows a
 *   notice (an attachment's) as a content script does, so it may open it and ask for the editor
 *   in its tab, and send everything duban's pages may.
 */
export type SenderKind = 'content' | 'probe' | 'editor' | 'page' | 'viewer';

export const EDITOR_PATH = '/editor.html';
export const VIEWER_PATH = '/viewer.html';

/**
 * Classifies a sender, or null when it is not duban. A page script cannot reach
 * runtime.sendMessage without externally_connectable; anything else (another extension, a frame
 * of duban's pages inside a web page other than the editor, a content script in a subframe or on
 * another host) is refused too. The editor's URL may carry a per-session dynamic id
 * (use_dynamic_url), so its host is not compared; the sender's extension id is.
 */
export function senderKind(
  sender: SenderInfo,
  extensionId: string,
  isOfficial: (url: string | undefined) => boolean,
  isGovernment: (url: string | undefined) => boolean = () => false,
): SenderKind | null {
  if (sender.id !== extensionId || !sender.url) return null;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return null;
  }
  const top = (sender.frameId ?? 0) === 0;
  if (url.protocol === 'chrome-extension:') {
    if (url.pathname === EDITOR_PATH) return sender.tab?.id !== undefined && !top ? 'editor' : null;
    if (url.pathname === VIEWER_PATH && url.host === extensionId && top && sender.tab?.id !== undefined) return 'viewer';
    return url.host === extensionId && top ? 'page' : null;
  }
  if (sender.tab?.id === undefined || !top) return null;
  return isOfficial(sender.url) ? 'content' : isGovernment(sender.url) ? 'probe' : null;
}

/** Who may send each request; `notice`: its noticeKey must be the notice bound to the sender's tab. */
export interface Access {
  from: readonly SenderKind[];
  scope?: 'notice';
}

/** The type a call answers, carried by its entry in `calls` (it holds no value at run time). */
export interface Answers<T> {
  readonly answer?: T;
}
const answers = <T>(): Answers<T> => ({});

/** One call: the schema its request is checked with, what it answers, who may send it. */
interface Call {
  input: z.ZodType;
  answer: Answers<unknown>;
  access: Access;
}

const CONTENT: Access = { from: ['content', 'viewer'] };
/** The probe, on any government page (on a site of the registry it is a `content` sender). */
const PROBE: Access = { from: ['probe', 'content'] };
const EDITOR: Access = { from: ['editor'] };
const PAGES: Access = { from: ['page'] };
/** The editor frame for the notice bound to its tab, or duban's pages for any notice. */
const NOTICE_EDITORS: Access = { from: ['editor', 'page'], scope: 'notice' };
const NO_DATA = z.object({}).strict();

/** The local author and the directory (getAuthors). */
export interface AuthorsAnswer {
  me: Author;
  /** The user answered the first-time form (or skipped it). */
  asked: boolean;
  /** Every author known, the local one included. */
  authors: Author[];
}

/**
 * The files of one batch import (collect from units), each by its name: a JSON file's text, or a
 * ledger's cells as the page read them (the background makes them the transfer file
 * previewLedgerImport makes).
 */
const BatchFileName = z.string().min(1).max(300);
const BatchFiles = z
  .array(z.union([z.object({ fileName: BatchFileName, text: z.string() }).strict(), z.object({ fileName: BatchFileName, grid: LedgerGrid }).strict()]))
  .min(1)
  .max(MAX_BATCH_FILES);
export type BatchFileRequest = z.input<typeof BatchFiles>[number];

/** Every call a part of duban makes to the background, in one place. */
export const calls = {
  /** Record the notice the page shows; answer its saved annotations. */
  openNotice: { input: NoticeSchema, answer: answers<OpenedNotice>(), access: CONTENT },
  /**
   * Sent as the notice script starts, before it reads the page: the notice last opened at the
   * sender's own URL (the browser's word for it, never the message's), or null. Only a page whose
   * items read exactly as then shows it before openNotice answers; openNotice still binds the tab.
   */
  peekNotice: { input: NO_DATA, answer: answers<PeekedNotice | null>(), access: CONTENT },
  /**
   * The notice script, run by the browser on a page where a notice opened before, found none there
   * (its notice gone, or a newer reading refuses the page): the browser stops running it there
   * (entrypoints/background/known-notice-pages.ts). The page is the sender's, as the browser names it.
   */
  noNoticeHere: { input: NO_DATA, answer: answers<boolean>(), access: CONTENT },
  /**
   * The page's text and where the items of the notice opened in this tab are on it (lib/notice/
   * page-map.ts), sent once the rows are ready on a page that was read: a peek from the same page
   * then answers them, and the page, finding its text the same, need not be read. Answers whether
   * they were kept.
   */
  savePageMap: {
    input: z.object({ page: PageSignatureSchema, items: z.array(ItemPlaceSchema).max(2000) }).strict(),
    answer: answers<boolean>(),
    access: CONTENT,
  },
  /**
   * Where the items of the notice opened in this tab are on its page (NoticeItem.quote), sent
   * apart from openNotice once the rows are ready; answers whether the record changed.
   */
  saveNoticeQuotes: {
    input: z.object({ quotes: z.array(z.object({ key: ItemKey, quote: PageQuoteSchema }).strict()).max(2000) }).strict(),
    answer: answers<boolean>(),
    access: CONTENT,
  },
  /**
   * The notice script on a page known again must read it after all (its text changed): load the
   * page reader (entrypoints/reader.ts) into the sender's frame; answers once it is there.
   */
  loadReader: { input: NO_DATA, answer: answers<boolean>(), access: CONTENT },
  /**
   * The probe found a likely notice on its page: remember that this page may open its notice and
   * inject the notice script into it; answer what the script found.
   */
  // `late`: the page brought its article after it loaded (entrypoints/probe.ts watchLate): loaded even where the browser ran the notice script at load.
  noticeLikely: { input: z.object({ late: z.literal(true).optional() }).strict(), answer: answers<PageRecognition>(), access: PROBE },
  /**
   * The user asked (popup 识别本页, keyboard command) to recognise the page in tab `tabId`: let the
   * page open its notice and inject the notice script (activeTab grants the tab); answer what it found.
   */
  recognisePage: { input: z.object({ tabId: z.number().int().nonnegative() }).strict(), answer: answers<PageRecognition>(), access: PAGES },
  /** Save one edit; answered only after its transaction has committed. */
  saveAnnotation: { input: AnnotationPatch, answer: answers<ItemAnnotation>(), access: NOTICE_EDITORS },
  /** Answer one item's timeline of changes, oldest first. */
  getItemHistory: { input: z.object({ noticeKey: NoticeKey, itemKey: ItemKey }), answer: answers<HistoryView[]>(), access: NOTICE_EDITORS },
  /** Show the tab's editor frame at an item (content script); answered once the frame shows it. */
  openEditor: {
    input: z.union([
      z.object({ itemKey: ItemKey, dark: z.boolean().optional() }).strict(),
      z.object({ orphans: z.literal(true), dark: z.boolean().optional() }).strict(),
    ]),
    answer: answers<true>(),
    access: CONTENT,
  },
  /** The editor frame has loaded: answer the notice of the tab it sits in (editor frame). */
  attachEditor: { input: NO_DATA, answer: answers<EditorContext>(), access: EDITOR },
  /** The user left the editor (Escape): tell the tab's content script (editor frame). */
  closeEditor: { input: NO_DATA, answer: answers<true>(), access: EDITOR },
  /**
   * The user opened or closed the editor's history: tell the tab's content script, which makes the
   * frame as tall as it may be, or its own height again (editor frame). A user's act, no data: the
   * page learns nothing of the history from the height.
   */
  sizeEditor: { input: z.object({ tall: z.boolean() }).strict(), answer: answers<true>(), access: EDITOR },
  /**
   * Show a page (a notice at an item): the tab already showing it goes there, else a new tab opens.
   * A notice read from an attachment (its file's URL, or `file:///<name>` for a file opened from
   * disk) opens in duban's viewer from the kept file.
   */
  openPage: { input: z.object({ url: z.string().max(4000).regex(/^(?:https?:\/\/|file:\/\/\/)/) }), answer: answers<true>(), access: PAGES },
  /**
   * Make a revision the notice's text; the text it replaces is kept as a revision; answer the
   * notice's revisions as they are now. Only duban's own pages: a page must not choose the text of a notice.
   */
  acceptNoticeRevision: {
    input: z.object({ noticeKey: NoticeKey, revisionId: z.number().int().min(1) }),
    answer: answers<NoticeRevisions | null>(),
    access: PAGES,
  },
  /** Answer every notice that has revisions, with the items each differs in. */
  getNoticeRevisions: { input: z.object({}), answer: answers<NoticeRevisions[]>(), access: PAGES },
  /**
   * Append a conflict copy's text to the note, or dismiss the copy; answer the annotation as
   * stored (refused if the copy is gone). Every tab hears of it like of a save.
   */
  resolveNoteCopy: {
    input: z.object({ noticeKey: NoticeKey, itemKey: ItemKey, copyId: z.string().min(1).max(100), action: z.enum(NOTE_COPY_ACTIONS) }),
    answer: answers<ItemAnnotation>(),
    access: NOTICE_EDITORS,
  },
  /** Answer the popup's summary, the active tab's notice first (the tab's page from the tab bindings). */
  getPopupSummary: {
    input: z.object({ activeUrl: z.string().max(4000).optional(), activeTabId: z.number().int().nonnegative().optional() }),
    answer: answers<PopupSummary>(),
    access: PAGES,
  },
  /** Export the given notices (default: all annotated) as a file; a JSON export is remembered as the last backup. */
  exportAnnotations: {
    input: z.object({ format: z.enum(EXPORT_FORMATS), noticeKeys: z.array(NoticeKey).max(1000).optional() }),
    answer: answers<ExportedFile>(),
    access: PAGES,
  },
  /** Check a file and answer what importing it would change; writes nothing. (Its size is checked by the importer, which says so.) */
  previewImport: { input: z.object({ text: z.string() }), answer: answers<ImportOutcome>(), access: PAGES },
  /** Import a file: checked whole, merged, written in one transaction or not at all. */
  applyImport: {
    input: z.object({
      text: z.string(),
      /** The chosen file's name, kept with the restore point (shown next to "undo"). */
      fileName: z.string().max(300).optional(),
      /** The popup's id for this request: after an interruption, getLastImport tells whether it landed. */
      importId: z.string().max(100).optional(),
    }),
    answer: answers<ImportOutcome>(),
    access: PAGES,
  },
  /** Answer the import "undo last import" would undo, or null. */
  getLastImport: { input: z.object({}), answer: answers<UndoableImport | null>(), access: PAGES },
  /** Put the database back as it was before import `id` (the last one); refused if its items changed since. */
  undoLastImport: { input: z.object({ id: z.number().int().nonnegative() }), answer: answers<UndoableImport>(), access: PAGES },
  /**
   * Answer every annotated item of every notice with its text, section and units (the overview),
   * in 序号 order (notice, then number); with `limit`, only the first ones: the first screen.
   */
  getOverview: { input: z.object({ limit: z.number().int().min(1).max(100_000).optional() }), answer: answers<OverviewData>(), access: PAGES },
  // ledger
  /** Answer the 督办台账 of the given notices (default: all annotated), every item of each, as data; the page writes the .xlsx. */
  getLedger: { input: z.object({ noticeKeys: z.array(NoticeKey).max(1000).optional() }), answer: answers<PackedLedger>(), access: PAGES },
  /**
   * Match a ledger's cells (read by the page, after its zip checks) to the notices and items here;
   * answer what importing them would change, and the sheets and rows that match nothing (then
   * applyLedgerImport). Writes nothing.
   */
  previewLedgerImport: { input: LedgerGrid, answer: answers<LedgerPreview>(), access: PAGES },
  // attachments
  /**
   * Open duban's document viewer on an attachment of the cover page this content script is on
   * (a click on its 在督办中打开 button); the viewer fetches the file itself.
   */
  openAttachment: { input: AttachmentRequestSchema, answer: answers<true>(), access: { from: ['content'] } },
  // authors (who said what) and collecting from units
  /** Answer the local author (made on first use), whether the first-time form was answered, and every author known. */
  getAuthors: { input: NO_DATA, answer: answers<AuthorsAnswer>(), access: PAGES },
  /** Give the local author a name and unit (the first-time form, the options page); answer the author. */
  setLocalAuthor: {
    input: z.object({ name: z.string().trim().min(1).max(MAX_AUTHOR_NAME), unit: z.string().trim().max(MAX_AUTHOR_UNIT) }).strict(),
    answer: answers<Author>(),
    access: PAGES,
  },
  /** The user skipped the first-time form: do not ask again. */
  skipAuthorForm: { input: NO_DATA, answer: answers<Author>(), access: PAGES },
  /**
   * Check several files (JSON files, ledgers' cells) and answer what importing them as one batch
   * would change, file by file; a refusal names every bad file's problems. Writes nothing.
   */
  previewImportBatch: { input: z.object({ files: BatchFiles }).strict(), answer: answers<BatchOutcome>(), access: PAGES },
  /** Import several files (as previewImportBatch takes them) as one batch: checked whole, merged in turn, written in one transaction with one restore point. */
  applyImportBatch: {
    input: z.object({ files: BatchFiles, importId: z.string().max(100).optional() }).strict(),
    answer: answers<BatchOutcome>(),
    access: PAGES,
  },
  // ledger speed
  /**
   * Import a ledger's cells as previewLedgerImport read them: the transfer file they make goes the
   * way of applyImport (checked whole, merged, one transaction, undoable; `importId` as there).
   */
  applyLedgerImport: {
    input: z.object({ grid: LedgerGrid, fileName: z.string().max(300).optional(), importId: z.string().max(100).optional() }).strict(),
    answer: answers<ImportOutcome>(),
    access: PAGES,
  },
  /**
   * A ledger was chosen: read the records it will be matched against now, while the page parses the
   * file (previewLedgerImport then finds them read, unless something was written since).
   */
  prepareLedgerImport: { input: NO_DATA, answer: answers<true>(), access: PAGES },
} satisfies Record<string, Call>;

type Calls = typeof calls;
export type CallName = keyof Calls;
/** What a sender passes to call `K`. */
export type Request<K extends CallName> = z.input<Calls[K]['input']>;
/** What the handler of call `K` receives, once its schema has checked it. */
export type CheckedRequest<K extends CallName> = z.output<Calls[K]['input']>;
/** What call `K` answers when it succeeds. */
export type Answer<K extends CallName> = Calls[K]['answer'] extends Answers<infer T> ? T : never;

/** What the background runs for call `K` (entrypoints/background/router.ts). */
export type Handler<K extends CallName> = (data: CheckedRequest<K>) => Promise<Result<Answer<K>>>;

/** Messages the background sends to tabs; nothing answers them. */
export interface Events {
  /** Background → tabs: an annotation of this notice was saved (in this or another tab). */
  annotationChanged(data: AnnotationChanged): void;
  /** Background → the tab's content script: its editor frame is ready, or was closed. */
  editorChanged(data: EditorEvent): void;
  /**
   * Background → tabs: an import or an undo rewrote this notice's annotations; these are all of
   * them now (an undo may bring back older ones, or none, so the newer-wins rule of
   * annotationChanged does not apply).
   */
  annotationsReplaced(data: AnnotationsReplaced): void;
}

/** Every message with its data and answer, as the messenger is typed (utils/messaging.ts). */
export type ProtocolMap = { [K in CallName]: (data: Request<K>) => Result<Answer<K>> } & Events;

/** One field of every call, by call name. */
function fieldOfCalls<F extends keyof Call>(field: F): { [K in CallName]: Calls[K][F] } {
  return Object.fromEntries(Object.entries(calls).map(([name, call]) => [name, call[field]])) as { [K in CallName]: Calls[K][F] };
}

/** Requests and their schemas. */
export const requestSchemas = fieldOfCalls('input');
/** Who may send each request. */
export const requestAccess = fieldOfCalls('access');

/**
 * Whether `kind` may send request `name` with `data`, given the notice bound to its tab (for a
 * content script or the editor frame). Returns the reason when not.
 */
export function checkAccess(name: keyof typeof requestSchemas, kind: SenderKind, data: unknown, boundNotice: string | undefined): string | null {
  const access: Access = requestAccess[name];
  // The viewer is one of duban's pages: what they may send, it may.
  const allowed = access.from.includes(kind) || (kind === 'viewer' && access.from.includes('page'));
  if (!allowed) return `${kind} may not send ${name}`;
  if (access.scope === 'notice' && kind !== 'page' && kind !== 'viewer') {
    const key = (data as { noticeKey?: unknown } | null)?.noticeKey;
    if (!boundNotice) return `no notice is open in this tab`;
    if (key !== boundNotice) return `${name} is limited to this tab's notice`;
  }
  return null;
}

export function validate<K extends keyof typeof requestSchemas>(name: K, data: unknown) {
  return requestSchemas[name].safeParse(data);
}

/** A readable one-line message from a Zod error: field path and what is wrong. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

// # the page channel: large read-only calls of duban's pages
/**
 * The large requests of duban's own pages (a ledger's cells, alone or in a batch of units' files,
 * a ledger's rows, the overview's rows), sent to the service worker with postMessage instead of runtime messaging. Runtime
 * messages travel as JSON through the browser process, about 100 ms per megabyte each way in
 * Chromium: most of a 10,000-row ledger's import preview and export, and of the overview's
 * 3.4 MB answer for 10,000 annotations. postMessage copies by structured clone.
 * Only read-only requests take this way: a write keeps runtime messaging, whose lost answer the
 * pages already handle (the import's interrupted state).
 * The same schemas check the data (the router's handle); only top-level pages of duban's own
 * origin can post, and the editor frame and the viewer are refused here as on runtime messaging.
 */
export const PAGE_CHANNEL_CALLS = ['getLedger', 'previewLedgerImport', 'previewImportBatch', 'getOverview'] as const satisfies readonly CallName[];
export type PageChannelCall = (typeof PAGE_CHANNEL_CALLS)[number];

/** A request as posted: the call's name under `duban`, its data, and a port for the answer. */
export interface PageChannelRequest {
  duban: PageChannelCall;
  data: unknown;
}

/** The posting client as the service worker sees it (a WindowClient). */
export interface PageChannelClient {
  url: string;
  frameType: string;
}

/** The call a posted message asks for, if the client may ask it; null otherwise. */
export function pageChannelCall(message: unknown, client: PageChannelClient | null, origin: string, workerOrigin: string): PageChannelCall | null {
  if (!client || origin !== workerOrigin || client.frameType !== 'top-level') return null;
  let url: URL;
  try {
    url = new URL(client.url);
  } catch {
    return null;
  }
  // Not url.origin: a chrome-extension: URL's is 'null' outside the browser.
  if (`${url.protocol}//${url.host}` !== workerOrigin || url.pathname === EDITOR_PATH || url.pathname === VIEWER_PATH) return null;
  const name = (message as Partial<PageChannelRequest> | null)?.duban;
  return (PAGE_CHANNEL_CALLS as readonly unknown[]).includes(name) ? (name as PageChannelCall) : null;
}
