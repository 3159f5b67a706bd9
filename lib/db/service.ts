/**
 * What the background answers, message by message: validate with Zod, then read or write.
 * Kept free of browser APIs so unit tests run it on fake-indexeddb.
 */
import type { z } from 'zod';
import type { ItemAnnotation } from '../annotation/model';
import { message, Refusal } from '../message';
import { describeZodError, failure, requestSchemas, type ProtocolMap, type Result } from '../protocol';
import { itemHistory, noticeAnnotations, resolveAnnotationCopy, saveAnnotation } from './annotations';
import { NoteCopyRefused } from '../annotation/note-copies';
import type { DubanDatabase } from './database';
import { summariseRevisions } from './notice-record';
import { acceptNoticeRevision, noticeRevisions, noticeSeen } from './notices';
import { createStorageGuard } from './recovery';
import { createFollowUpHandlers } from '../followup/service';
import { createTransferHandlers } from '../transfer/service';

type Requests = typeof requestSchemas;
type Handler<K extends keyof Requests> = (data: z.infer<Requests[K]>) => Promise<ReturnType<ProtocolMap[K]>>;
/** Requests about a tab's editor frame: the background answers them itself (entrypoints/background). */
type TabOnly = 'openEditor' | 'attachEditor' | 'closeEditor' | 'openPage';
type Handled = Exclude<keyof Requests, TabOnly>;

export interface ServiceHooks {
  /** Called after a save that changed something has committed. */
  onAnnotationSaved?: (noticeKey: string, annotation: ItemAnnotation) => void;
}

export interface ServiceOptions {
  /**
   * The instance imports and undo write through, opened with strict durability (see
   * entrypoints/background/index.ts); single edits use `db`. Defaults to `db`.
   */
  durable?: DubanDatabase;
}

export function createService(db: DubanDatabase, now: () => number = Date.now, hooks: ServiceHooks = {}, options: ServiceOptions = {}) {
  const durable = options.durable ?? db;
  // A storage failure (disk full, backing store lost) must not outlive the storage's recovery.
  const storage = createStorageGuard(durable === db ? [db] : [db, durable]);
  const handlers: { [K in Handled]: Handler<K> } = {
    async openNotice(notice) {
      const { record, revision } = await noticeSeen(db, notice, now());
      return ok({ noticeKey: record.key, annotations: await noticeAnnotations(db, record.key), revision });
    },
    async saveAnnotation(patch) {
      const { annotation, changed } = await saveAnnotation(db, patch, now());
      if (changed) hooks.onAnnotationSaved?.(patch.noticeKey, annotation);
      return ok(annotation);
    },
    async getItemHistory({ noticeKey, itemNo }) {
      return ok(await itemHistory(db, noticeKey, itemNo));
    },
    async acceptNoticeRevision({ noticeKey, revisionId }) {
      const record = await acceptNoticeRevision(db, noticeKey, revisionId, now());
      return ok(summariseRevisions(record) ?? null);
    },
    async getNoticeRevisions() {
      return ok(await noticeRevisions(db));
    },
    async resolveNoteCopy(request) {
      try {
        const { annotation, changed } = await resolveAnnotationCopy(db, request, now());
        if (changed) hooks.onAnnotationSaved?.(request.noticeKey, annotation);
        return ok(annotation);
      } catch (e) {
        if (e instanceof NoteCopyRefused) return failure(e.reason);
        throw e;
      }
    },
    ...createTransferHandlers(db, now, durable),
    ...createFollowUpHandlers(db, now),
  } as { [K in Handled]: Handler<K> };

  /** Validates `data` for request `name` and runs it; any failure comes back as a Failure. */
  async function handle<K extends Handled>(name: K, data: unknown): Promise<ReturnType<ProtocolMap[K]>> {
    type Answer = ReturnType<ProtocolMap[K]>;
    const parsed = requestSchemas[name].safeParse(data);
    if (!parsed.success) {
      const detail = describeZodError(parsed.error);
      return { ...failure(message('request.invalid', { request: name, detail })), error: `invalid request ${name}: ${detail}` } as Answer;
    }
    try {
      return await storage.run(() => (handlers[name] as (d: unknown) => Promise<Answer>)(parsed.data));
    } catch (e) {
      if (e instanceof Refusal) return failure(e.reason) as Answer;
      const detail = (e as Error).message;
      // Said as what the user was doing: a failed read is not a failed save.
      const code = READS.has(name) ? 'request.readFailed' : 'request.writeFailed';
      return { ...failure(message(code, { detail })), error: `${name} failed: ${detail}` } as Answer;
    }
  }
  return { handle, handlers, db };
}

/** Requests that only read: their failure is not a failed save. */
const READS = new Set<keyof Requests>(['getItemHistory', 'getNoticeRevisions', 'getPopupSummary', 'exportAnnotations', 'previewImport', 'getLastImport', 'getOverview']);

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
