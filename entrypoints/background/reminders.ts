/**
 * Follow-up reminders wired to the browser: chrome.alarms (rebuilt from the database whenever the
 * service worker starts, the browser starts or duban is installed or updated), system
 * notifications with snooze / done buttons, and the toolbar badge counting overdue follow-ups.
 * The behaviour itself is ./reminder-engine.ts.
 */
import { browser } from '#imports';
import type { AnnotationPatch } from '../../lib/annotation/model';
import type { DubanDatabase } from '../../lib/db/database';
import { createReminderEngine, type ReminderPorts } from './reminder-engine';
import type { ReminderText } from '../../lib/followup/notification';
import { badgeText } from '../../lib/followup/reminders';
import { say, t } from '../../utils/i18n';

const BADGE_COLOR = '#c5221f';
/** Saves come in bursts (typing a note): re-plan once they settle. */
const SYNC_DELAY_MS = 300;

/**
 * Shows `url`: the tab already showing its page (from the tab bindings, so no `tabs` permission)
 * goes there, else a new tab opens.
 */
export async function openPage(url: string, findTab: (url: string) => Promise<number | undefined>, locate: Locate = async (u) => u): Promise<void> {
  // A notice read from an attachment opens in duban's viewer, not at the file's URL (a download).
  url = await locate(url);
  const open = await findTab(url);
  if (open !== undefined) {
    const tab = await browser.tabs.update(open, { url, active: true });
    if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
  } else {
    await browser.tabs.create({ url });
  }
}

/** Where a notice's URL is shown: the viewer's URL for a notice read from an attachment. */
export type Locate = (url: string) => Promise<string>;

const words = (w: ReminderText) => (typeof w === 'string' ? w : say(w));

const makePorts = (findTab: (url: string) => Promise<number | undefined>, locate?: Locate): ReminderPorts => ({
  async getAlarms() {
    return browser.alarms.getAll();
  },
  async createAlarm(name, info) {
    await browser.alarms.create(name, info);
  },
  async clearAlarm(name) {
    await browser.alarms.clear(name);
  },
  async notify(id, m) {
    await browser.notifications.create(id, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/reminder-icon.png'),
      title: say(m.title),
      message: m.lines.map((l) => words(l).trim()).join('\n'),
      contextMessage: m.contextMessage === undefined ? undefined : words(m.contextMessage),
      buttons: m.buttons.map((b) => ({ title: say(b) })),
      priority: 2,
      requireInteraction: m.buttons.length > 0,
    });
  },
  async clearNotification(id) {
    await browser.notifications.clear(id);
  },
  async setBadge(overdue) {
    const text = badgeText(overdue);
    await browser.action.setBadgeText({ text });
    if (text) await browser.action.setBadgeBackgroundColor({ color: BADGE_COLOR });
    await browser.action.setTitle({
      title: overdue > 0 ? t('badge.overdue', overdue) : t('badge.title'),
    });
  },
  openUrl: (url) => openPage(url, findTab, locate),
  overviewUrl(query) {
    return browser.runtime.getURL('/overview.html') + query;
  },
});

/**
 * `save` is the background's own save (history, every tab told), for the notification buttons.
 * Returns the hook the service calls after each committed save.
 */
export function setupReminders(
  db: DubanDatabase,
  save?: (patch: AnnotationPatch) => Promise<unknown>,
  findTab: (url: string) => Promise<number | undefined> = async () => undefined,
  locate?: Locate,
): { onAnnotationSaved(): void } {
  const engine = createReminderEngine({ db, ports: makePorts(findTab, locate), now: () => Date.now(), save });
  const report = (e: unknown) => console.error('duban reminders:', e);
  const sync = () => void engine.sync().catch(report);

  // Listeners are registered synchronously, at the worker's first turn, so events that woke it arrive.
  browser.alarms.onAlarm.addListener((alarm) => void engine.onAlarm(alarm.name).catch(report));
  browser.notifications.onClicked.addListener((id) => void engine.onNotificationClicked(id).catch(report));
  browser.notifications.onButtonClicked.addListener((id, index) => void engine.onButtonClicked(id, index).catch(report));
  browser.runtime.onStartup.addListener(sync);
  browser.runtime.onInstalled.addListener(sync);
  sync(); // every service-worker start: alarms survive restarts, but the database is the truth

  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    onAnnotationSaved() {
      clearTimeout(timer);
      timer = setTimeout(sync, SYNC_DELAY_MS);
    },
  };
}
