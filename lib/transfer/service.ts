import type { DubanDatabase } from '../db/database';

/** Handlers of the transfer messages (see ./protocol.ts); same shape as lib/db/service.ts. */
export function createTransferHandlers(_db: DubanDatabase, _now: () => number) {
  return {};
}
