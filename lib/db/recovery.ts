/**
 * Reopening the database after a storage failure, without a service-worker restart.
 *
 * When the disk fills, Chromium aborts writes with QuotaExceededError and may close the backing
 * store; opening it again then fails ("UnknownError: Internal error opening backing store") until
 * space is freed. Dexie remembers a failed open: from then on every operation rejects with that
 * error, even once the disk is fine again, until the instance is closed and opened anew (finding
 * 12: saves kept failing for 70 s, until the worker was restarted). So before each operation, an
 * instance whose open failed, or that failed with a storage error since, is closed and lets Dexie
 * open it again; the first retry after the storage recovers succeeds.
 */
import type Dexie from 'dexie';

/** Error names after which the connection may be unusable until reopened (native and Dexie's). */
const STORAGE_FAILURES = new Set([
  'UnknownError',
  'QuotaExceededError',
  'InvalidStateError',
  'OpenFailedError',
  'DatabaseClosedError',
]);

/** Whether `e`, or an error it wraps (Dexie's `inner`), is a storage failure. */
export function isStorageFailure(e: unknown): boolean {
  for (let x = e, depth = 0; x && depth < 5; x = (x as { inner?: unknown }).inner, depth++) {
    if (STORAGE_FAILURES.has((x as { name?: string }).name ?? '')) return true;
  }
  return false;
}

interface StorageGuard {
  /** Runs one operation, reopening first any instance a storage failure left broken. */
  run<T>(operation: () => Promise<T>): Promise<T>;
}

/**
 * Guards the operations on `dbs` (instances of one database). A suspect instance is reopened only
 * while no guarded operation is running, so a reopen never aborts another request's transaction.
 */
export function createStorageGuard(dbs: readonly Dexie[]): StorageGuard {
  let suspect = false;
  let running = 0;

  /** Closes what is broken; Dexie opens it again on the next call. */
  function reopenBroken() {
    const idle = running === 0;
    for (const db of dbs) {
      // Dexie keeps the error of a failed open and answers every later call with it (nothing else
      // can be running on such an instance). One closed on purpose (close() without options) stays closed.
      const failedOpen = db.hasFailed() && !db.hasBeenClosed();
      if (failedOpen || (idle && suspect && db.isOpen())) db.close({ disableAutoOpen: false });
    }
    if (idle) suspect = false;
  }

  return {
    async run(operation) {
      reopenBroken();
      running++;
      try {
        return await operation();
      } catch (e) {
        if (isStorageFailure(e)) suspect = true;
        throw e;
      } finally {
        running--;
      }
    },
  };
}
