import type { DubanDatabase } from '../db/database';

/** Handlers of the follow-up messages (see ./protocol.ts); same shape as lib/db/service.ts. */
export function createFollowUpHandlers(_db: DubanDatabase, _now: () => number) {
  return {};
}
