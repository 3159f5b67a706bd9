import type { DubanDatabase } from '../../lib/db/database';

/** Wires follow-up reminders (alarms, notifications, badge). Filled in by the follow-up feature. */
export function setupReminders(_db: DubanDatabase): { onAnnotationSaved(): void } {
  return { onAnnotationSaved() {} };
}
