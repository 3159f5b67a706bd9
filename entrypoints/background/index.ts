import { browser, defineBackground } from '#imports';
import { DB_NAME, DubanDatabase } from '../../lib/db/database';
import { setMeta } from '../../lib/db/annotations';
import { createService } from '../../lib/db/service';
import { isOfficialUrl } from '../../lib/notice/notice-key';
import { isTrustedSender, requestSchemas, type ProtocolMap } from '../../lib/protocol';
import { onMessage, sendMessage } from '../../utils/messaging';
import { setupReminders } from './reminders';

export default defineBackground(() => {
  // Durability, measured in Chromium 156 (ext4): a one-record commit takes ~0.8 ms relaxed,
  // ~1.7 ms strict (an fsync; far more on a slow disk). A relaxed commit is handed to the OS before
  // the save is answered, so it survives the browser or the worker closing
  // (tests/e2e/close-durability.e2e.ts); only a power cut in the next moments could lose it.
  // Single edits come once per keystroke: relaxed. Imports and undo are one confirmed action each,
  // after which the user may delete the file: strict, through a second instance (Dexie sets
  // durability per instance).
  const db = new DubanDatabase(DB_NAME, { chromeTransactionDurability: 'relaxed' });
  const durable = new DubanDatabase(DB_NAME, { chromeTransactionDurability: 'strict' });
  // Snooze / done from a notification saves like a message does (history, every tab told).
  const reminders = setupReminders(db, (patch) => service.handle('saveAnnotation', patch));
  const service = createService(db, Date.now, {
    onAnnotationSaved: (noticeKey, annotation) => {
      // Every tab showing the notice (the saving one too) hears of the change: tabs stay in step.
      void broadcastChange(noticeKey, annotation);
      reminders.onAnnotationSaved();
    },
  }, { durable });

  for (const name of Object.keys(requestSchemas) as (keyof typeof requestSchemas)[]) {
    onMessage(name, ({ data, sender }) => {
      if (!isTrustedSender(sender, browser.runtime.id, isOfficialUrl)) {
        return { ok: false, error: 'untrusted sender' } as ReturnType<ProtocolMap[typeof name]>;
      }
      return service.handle(name, data) as Promise<ReturnType<ProtocolMap[typeof name]>>;
    });
  }

  async function broadcastChange(noticeKey: string, annotation: Parameters<ProtocolMap['annotationChanged']>[0]['annotation']) {
    const tabs = await browser.tabs.query({ url: ['https://www.gongshu.gov.cn/art/*', 'http://www.gongshu.gov.cn/art/*'] });
    for (const tab of tabs) {
      if (tab.id !== undefined) sendMessage('annotationChanged', { noticeKey, annotation }, tab.id).catch(() => {});
    }
  }

  // Ask once that the browser never evicts the notes; record what it said.
  void (async () => {
    const persisted = (await navigator.storage?.persisted?.()) || (await navigator.storage?.persist?.()) || false;
    await setMeta(db, 'storagePersisted', { persisted, at: Date.now() });
  })().catch(() => {});
});
