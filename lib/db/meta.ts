/** The meta table: small facts about the database itself (persistence granted, last export, undo stack, reminders). */
import type { DubanDatabase } from './database';

/** Meta key of the last backup (JSON) export: a LastExport (lib/summary/summary.ts), shown by the popup. */
export const LAST_EXPORT_KEY = 'lastExport';
// Defined with the schema, whose version 6 converts the reminded days.
export { REMINDED_META_KEY } from './database';

export async function getMeta<T>(db: DubanDatabase, key: string): Promise<T | undefined> {
  return (await db.meta.get(key))?.value as T | undefined;
}

export async function setMeta(db: DubanDatabase, key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value });
}
