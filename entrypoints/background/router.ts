/**
 * The background's router: what it answers, call by call (lib/protocol.ts). Checks each request
 * with its schema, then runs its handler, which joins the features' pure work (lib/transfer,
 * lib/followup) with the database's (lib/db). Kept free of browser APIs so unit tests run it on
 * fake-indexeddb; ./index.ts checks the sender first and wires it to the browser.
 */
import type { ItemAnnotation } from '../../lib/annotation/model';
import { NoteCopyRefused } from '../../lib/annotation/note-copies';
import { itemHistory, noticeAnnotations, resolveAnnotationCopy, saveAnnotation } from '../../lib/db/annotations';
import type { DubanDatabase } from '../../lib/db/database';
import { acceptNoticeRevision, noticeRevisions, noticeSeen, reattachOrphans } from '../../lib/db/notices';
import { createStorageGuard } from '../../lib/db/recovery';
import { createSeenNotices } from '../../lib/db/seen-notices';
import { message, Refusal } from '../../lib/message';
import { withItemFingerprints } from '../../lib/notice/from-reading';
import { orphanMoves } from '../../lib/notice/item-key-moves';
import { noticeKey } from '../../lib/notice/notice-key';
import { summariseRevisions } from '../../lib/notice/notice-record';
import { calls, describeZodError, type Answer, type CallName, type CheckedRequest, type Handler } from '../../lib/protocol';
import { failure, ok, type Result } from '../../lib/util/result';
import { createFollowUpHandlers } from './overview-handlers';
import { createLedgerHandlers, createLedgerReader } from './ledger-handlers';
import { createTransferHandlers } from './transfer-handlers';
import { createAuthorHandlers } from './author-handlers';
import { withAuthors } from '../../lib/annotation/history';
import { authorDirectory } from '../../lib/annotation/author';
import { readAuthorDirectory } from '../../lib/db/authors';

/**
 * Calls about a tab's editor frame: ./tab-handlers.ts answers them; calls that load the notice
 * script into a page: ./page-injection.ts.
 */
type TabOnly = 'openEditor' | 'attachEditor' | 'closeEditor' | 'sizeEditor' | 'openPage' | 'noticeLikely' | 'recognisePage' | 'openAttachment' | 'saveNoticeQuotes' | 'peekNotice' | 'noNoticeHere' | 'savePageMap' | 'loadReader';
/** The calls this router answers: every other one, or the type-check fails. */
type Handled = Exclude<CallName, TabOnly>;

export interface ServiceHooks {
  /** Called after a save that changed something has committed. */
  onAnnotationSaved?: (noticeKey: string, annotation: ItemAnnotation) => void;
  /** Called after an import (JSON or ledger, single or batch) or an undo has committed. */
  onRecordsReplaced?: () => void;
}

export interface ServiceOptions {
  /**
   * The instance imports and undo write through, opened with strict durability (see
   * entrypoints/background/index.ts); single edits use `db`. Defaults to `db`.
   */
  durable?: DubanDatabase;
  /**
   * How the UI's language lists names (、 or , ): a batch's files are stored named so, for the
   * undo panel and conflict copies. The background passes its locale's; tests in Node, without
   * the extension's locales, keep the default 、.
   */
  listSeparator?: string;
  /** What a file of several notices is named for (duban-全部通知-<day>.json); default `all`. */
  allNotices?: string;
}

export function createService(db: DubanDatabase, now: () => number = Date.now, hooks: ServiceHooks = {}, options: ServiceOptions = {}) {
  const durable = options.durable ?? db;
  // A storage failure (disk full, backing store lost) must not outlive the storage's recovery.
  const instances = durable === db ? [db] : [db, durable];
  const storage = createStorageGuard(instances);
  // Notices pages sent again as they were stored: answered without checking them again.
  const seen = createSeenNotices(instances);
  const lastSeen = new Map<string, number>();
  // One reader of ledgers: records read ahead for a chosen ledger serve a batch's ledgers too.
  const ledgers = createLedgerReader(db, durable);
  const handlers = {
    async openNotice(sent) {
      const notice = withItemFingerprints(sent);
      // The annotations are read beside the record: a page's key is known before its record (a
      // copy's is the notice it copies, read again then).
      const key = noticeKey(notice);
      const [{ record, revision, moves }, annotations] = await Promise.all([noticeSeen(db, notice, now()), noticeAnnotations(db, key)]);
      lastSeen.set(record.key, record.lastSeenAt);
      // A newer reading moved the notes to the page's keys, or notes orphaned before notes followed
      // their items went back to them: read after the move, and other pages told. Only on a page
      // showing the stored text: on a revision, a note on the page's item 7 is no orphan of it.
      let moved = hasMoves(moves);
      const mend = !moved && !revision && record.key === key && hasMoves(orphanMoves(record.items, annotations));
      if (mend) moved = hasMoves(await reattachOrphans(db, key));
      const answer = ok({
        noticeKey: record.key,
        annotations: record.key === key && !moved ? annotations : await noticeAnnotations(db, record.key),
        revision,
        fingerprints: notice.items.map((i) => i.fingerprint),
      });
      if (moved) hooks.onRecordsReplaced?.();
      return answer;
    },
    async saveAnnotation(patch) {
      const { annotation, changed } = await saveAnnotation(db, patch, now());
      if (changed) hooks.onAnnotationSaved?.(patch.noticeKey, annotation);
      return ok(annotation);
    },
    async getItemHistory({ noticeKey, itemKey }) {
      const [entries, { me, authors }] = await Promise.all([itemHistory(db, noticeKey, itemKey), readAuthorDirectory(db)]);
      return ok(withAuthors(entries, authorDirectory(authors), me.id));
    },
    async acceptNoticeRevision({ noticeKey, revisionId }) {
      const { record, moves } = await acceptNoticeRevision(db, noticeKey, revisionId, now());
      if (hasMoves(moves)) hooks.onRecordsReplaced?.();
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
    ...createTransferHandlers(db, now, durable, options.allNotices),
    ...createFollowUpHandlers(db, now),
    ...createLedgerHandlers(db, now, durable, ledgers, options.allNotices),
    ...createAuthorHandlers(db, now, durable, ledgers, options.listSeparator),
  } satisfies { [K in Handled]: Handler<K> };
  const byName: { [K in Handled]: Handler<K> } = handlers;

  /** Validates `data` for request `name` and runs it; any failure comes back as a Failure. */
  async function handle<K extends Handled>(name: K, data: unknown): Promise<Result<Answer<K>>> {
    const parsed = calls[name].input.safeParse(data);
    if (!parsed.success) {
      const detail = describeZodError(parsed.error);
      return { ...failure(message('request.invalid', { request: name, detail })), error: `invalid request ${name}: ${detail}` };
    }
    const handler = byName[name];
    try {
      // The schema of `name` checked the data (TypeScript cannot tie the two through K).
      const result = await storage.run(() => handler(parsed.data as CheckedRequest<K>));
      if (result.ok && REPLACES_RECORDS.has(name)) hooks.onRecordsReplaced?.();
      return result;
    } catch (e) {
      if (e instanceof Refusal) return failure(e.reason);
      const detail = (e as Error).message;
      // Said as what the user was doing: a failed read is not a failed save.
      const code = READS.has(name) ? 'request.readFailed' : 'request.writeFailed';
      return { ...failure(message(code, { detail })), error: `${name} failed: ${detail}` };
    }
  }
  /**
   * openNotice for a tab's page: a notice sent before as it was stored, with no notice written
   * since, is answered with its annotations alone (lib/db/seen-notices.ts); any other goes
   * through `handle`, checked whole.
   */
  async function openNotice(data: unknown): Promise<Result<Answer<'openNotice'>>> {
    const sent = JSON.stringify(data);
    const known = seen.get(sent, now());
    if (known !== undefined) {
      try {
        const annotations = await storage.run(() => noticeAnnotations(db, known.noticeKey));
        return ok({ noticeKey: known.noticeKey, annotations, revision: null, fingerprints: known.fingerprints });
      } catch {
        // Said by the full path below, as every failed request is.
      }
    }
    const writes = seen.writes();
    const r = await handle('openNotice', data);
    if (r.ok && !r.value.revision) seen.remember(sent, r.value, lastSeen.get(r.value.noticeKey) ?? 0, writes);
    return r;
  }
  return { handle, handlers, db, openNotice };
}

/** Whether a visit or an accepted revision moved item keys: their notes are elsewhere now (onRecordsReplaced). */
const hasMoves = (moves: Record<string, string> | undefined) => moves !== undefined && Object.keys(moves).length > 0;

/** Requests that rewrite many annotations at once: pages already open are told (onRecordsReplaced). */
const REPLACES_RECORDS = new Set<CallName>(['applyImport', 'applyImportBatch', 'applyLedgerImport', 'undoLastImport']);

/** Requests that only read: their failure is not a failed save. */
const READS = new Set<CallName>(['getItemHistory', 'getNoticeRevisions', 'getPopupSummary', 'exportAnnotations', 'previewImport', 'getLastImport', 'getOverview', 'getAuthors', 'previewImportBatch']);
