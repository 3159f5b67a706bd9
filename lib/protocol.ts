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

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export interface OpenedNotice {
  noticeKey: string;
  /** Every saved annotation of the notice, including those whose item the page no longer has. */
  annotations: ItemAnnotation[];
}

export interface AnnotationChanged {
  noticeKey: string;
  annotation: ItemAnnotation;
}

/** Requests and their schemas. */
export const requestSchemas = {
  openNotice: NoticeSchema,
  saveAnnotation: AnnotationPatch,
  getItemHistory: z.object({ noticeKey: NoticeKey, itemNo: ItemNo }),
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
  /**
   * Append a conflict copy's text to the note, or dismiss the copy; answer the annotation as
   * stored (refused if the copy is gone). Every tab hears of it like of a save.
   */
  resolveNoteCopy(data: NoteCopyResolution): Result<ItemAnnotation>;
  /** Background → tabs: an annotation of this notice was saved (in this or another tab). */
  annotationChanged(data: AnnotationChanged): void;
}

/** Who sent a message, as the browser reports it (chrome.runtime.MessageSender). */
export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number; url?: string };
}

/**
 * Only duban itself may talk to the background: its own pages (extension origin) and its content
 * scripts on the official site. A page script cannot reach runtime.sendMessage without
 * externally_connectable, but a message from another extension or origin is refused here too.
 */
export function isTrustedSender(sender: SenderInfo, extensionId: string, isOfficial: (url: string | undefined) => boolean): boolean {
  if (sender.id !== extensionId) return false;
  const origin = `chrome-extension://${extensionId}/`;
  if (sender.url?.startsWith(origin) && !sender.tab?.url?.match(/^https?:/)) return true;
  return sender.tab !== undefined && isOfficial(sender.url) && isOfficial(sender.tab.url ?? sender.url);
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
