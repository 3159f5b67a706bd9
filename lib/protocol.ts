/**
 * The message contract between duban's pages, content scripts and the background, which owns the
 * database. One line of doc per call: commands are imperative, events past tense. Every request is
 * checked by its Zod schema in the background before anything runs; results are Success | Failure
 * because errors don't cross the message boundary.
 */
import { z } from 'zod';
import { AnnotationPatch, HistoryEntry, ItemAnnotation, NoticeKey, ItemNo } from './annotation/model';
import { NOTE_COPY_ACTIONS, type NoteCopyResolution } from './annotation/note-copies';
import { NoticeSchema } from './notice/schema';
import { followUpRequests, type FollowUpProtocol } from './followup/protocol';
import { transferRequests, type TransferProtocol } from './transfer/protocol';
import type { Notice } from './notice/types';
import type { NoticeRevisions, PageRevision } from './db/notice-record';
import { messageDetail, type Message, type MessageParams } from './message';

export type Result<T> = { ok: true; value: T } | Failure;

/**
 * A refused or failed request. `error` is the technical detail (logs, a tooltip); a failure the
 * user is told about also carries a message code and its parameters (lib/message.ts), which the
 * UI words, and `details`: more messages, one a line (e.g. what is wrong with an imported file).
 */
export type Failure = { ok: false; error: string; code?: string; params?: MessageParams; count?: number; details?: Message[] };

/** A Failure the UI can word: `error` is its message as a technical line. */
export function failure(reason: Message, details?: readonly Message[]): Failure {
  return {
    ok: false,
    error: [reason, ...(details ?? [])].map(messageDetail).join('\n'),
    code: reason.code,
    ...(reason.params && { params: reason.params }),
    ...(reason.count !== undefined && { count: reason.count }),
    ...(details?.length && { details: [...details] }),
  };
}

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
}

export interface AnnotationChanged {
  noticeKey: string;
  annotation: ItemAnnotation;
}

/** What the editor frame learns from the background about the tab it sits in. */
export interface EditorContext {
  noticeKey: string;
  /** The page's items: number and fingerprint of the text the page shows. */
  items: { itemNo: number; fingerprint: string }[];
  year?: number;
  /** Items whose page text differs from the stored notice's. */
  changed: number[];
  annotations: ItemAnnotation[];
}

/** What the editor frame is asked to show: one item, or the notes whose item the page lacks. */
export type EditorTarget = { itemNo: number } | { orphans: true };

/** The name of the port the editor frame keeps open to the background. */
export const EDITOR_PORT = 'duban-editor';

/** Messages on that port: background → frame (show, changed), frame → background (shown). */
export type EditorPortMessage =
  | { type: 'show'; id: number; target: EditorTarget }
  | { type: 'shown'; id: number }
  | { type: 'changed'; noticeKey: string; annotation: ItemAnnotation };

/** Background → content script: the tab's editor frame is ready, or was closed by the user. */
export type EditorEvent = { type: 'ready' } | { type: 'closed'; itemNo?: number };

/** Requests and their schemas. */
export const requestSchemas = {
  openNotice: NoticeSchema,
  saveAnnotation: AnnotationPatch,
  getItemHistory: z.object({ noticeKey: NoticeKey, itemNo: ItemNo }),
  openEditor: z.union([z.object({ itemNo: ItemNo }).strict(), z.object({ orphans: z.literal(true) }).strict()]),
  attachEditor: z.object({}).strict(),
  closeEditor: z.object({}).strict(),
  openPage: z.object({ url: z.string().max(4000).regex(/^https?:\/\//) }),
  // Only from duban's own extension pages (overview, popup), never a content script: a page must
  // not choose the text of a notice. The background's sender check enforces it.
  acceptNoticeRevision: z.object({ noticeKey: NoticeKey, revisionId: z.number().int().min(1) }),
  getNoticeRevisions: z.object({}),
  resolveNoteCopy: z.object({
    noticeKey: NoticeKey,
    itemNo: ItemNo,
    copyId: z.string().min(1).max(100),
    action: z.enum(NOTE_COPY_ACTIONS),
  }),
  ...transferRequests,
  ...followUpRequests,
} as const;

export interface ProtocolMap extends TransferProtocol, FollowUpProtocol {
  /** Record the notice the page shows; answer its saved annotations. */
  openNotice(notice: Notice): Result<OpenedNotice>;
  /** Save one edit; answered only after its transaction has committed. */
  saveAnnotation(patch: AnnotationPatch): Result<ItemAnnotation>;
  /** Answer one item's timeline of changes, oldest first. */
  getItemHistory(data: { noticeKey: string; itemNo: number }): Result<HistoryEntry[]>;
  /** Show the tab's editor frame at an item (content script); answered once the frame shows it. */
  openEditor(data: EditorTarget): Result<true>;
  /** The editor frame has loaded: answer the notice of the tab it sits in (editor frame). */
  attachEditor(data: Record<string, never>): Result<EditorContext>;
  /** The user left the editor (Escape): tell the tab's content script (editor frame). */
  closeEditor(data: Record<string, never>): Result<true>;
  /** Show a page (a notice at an item): the tab already showing it goes there, else a new tab opens. */
  openPage(data: { url: string }): Result<true>;
  /**
   * Make a revision the notice's text; the text it replaces is kept as a revision. Extension pages
   * only (see the schema above). Answers the notice's revisions as they are now.
   */
  acceptNoticeRevision(data: { noticeKey: string; revisionId: number }): Result<NoticeRevisions | null>;
  /** Answer every notice that has revisions, with the items each differs in. Extension pages only. */
  getNoticeRevisions(data: Record<string, never>): Result<NoticeRevisions[]>;
  /**
   * Append a conflict copy's text to the note, or dismiss the copy; answer the annotation as
   * stored (refused if the copy is gone). Every tab hears of it like of a save.
   */
  resolveNoteCopy(data: NoteCopyResolution): Result<ItemAnnotation>;
  /** Background → tabs: an annotation of this notice was saved (in this or another tab). */
  annotationChanged(data: AnnotationChanged): void;
  /** Background → the tab's content script: its editor frame is ready, or was closed. */
  editorChanged(data: EditorEvent): void;
}

/** Who sent a message, as the browser reports it (chrome.runtime.MessageSender). */
export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

/**
 * The three kinds of duban code that talk to the background:
 * - `content`: the content script in the top frame of a tab on a site duban runs on;
 * - `editor`: duban's editor page framed inside such a tab (the one web-accessible page);
 * - `page`: duban's own pages (popup, overview) in their own tab or window.
 */
export type SenderKind = 'content' | 'editor' | 'page';

export const EDITOR_PATH = '/editor.html';

/**
 * Classifies a sender, or null when it is not duban. A page script cannot reach
 * runtime.sendMessage without externally_connectable; anything else (another extension, a frame
 * of duban's pages inside a web page other than the editor, a content script in a subframe or on
 * another host) is refused too. The editor's URL may carry a per-session dynamic id
 * (use_dynamic_url), so its host is not compared; the sender's extension id is.
 */
export function senderKind(sender: SenderInfo, extensionId: string, isOfficial: (url: string | undefined) => boolean): SenderKind | null {
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
    return url.host === extensionId && top ? 'page' : null;
  }
  return sender.tab?.id !== undefined && top && isOfficial(sender.url) ? 'content' : null;
}

/** Who may send each request; `notice`: its noticeKey must be the notice bound to the sender's tab. */
export interface Access {
  from: readonly SenderKind[];
  scope?: 'notice';
}

const PAGES: Access = { from: ['page'] };

export const requestAccess = {
  openNotice: { from: ['content'] },
  openEditor: { from: ['content'] },
  attachEditor: { from: ['editor'] },
  closeEditor: { from: ['editor'] },
  openPage: PAGES,
  acceptNoticeRevision: PAGES,
  getNoticeRevisions: PAGES,
  saveAnnotation: { from: ['editor', 'page'], scope: 'notice' },
  getItemHistory: { from: ['editor', 'page'], scope: 'notice' },
  resolveNoteCopy: { from: ['editor', 'page'], scope: 'notice' },
  getPopupSummary: PAGES,
  exportAnnotations: PAGES,
  previewImport: PAGES,
  applyImport: PAGES,
  getLastImport: PAGES,
  undoLastImport: PAGES,
  getOverview: PAGES,
} as const satisfies { [K in keyof typeof requestSchemas]: Access };

/**
 * Whether `kind` may send request `name` with `data`, given the notice bound to its tab (for a
 * content script or the editor frame). Returns the reason when not.
 */
export function checkAccess(name: keyof typeof requestSchemas, kind: SenderKind, data: unknown, boundNotice: string | undefined): string | null {
  const access: Access = requestAccess[name];
  if (!access.from.includes(kind)) return `${kind} may not send ${name}`;
  if (access.scope === 'notice' && kind !== 'page') {
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
