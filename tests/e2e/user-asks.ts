/**
 * "The user asks" duban to recognise a page, end to end. Playwright cannot click the toolbar or
 * press a command, so the two halves of the gesture are played as follows:
 * - the click on duban's toolbar button, which makes Chromium grant duban the tab (activeTab), is
 *   Chromium's own DevTools call Extensions.triggerAction on the tab (the browser's real grant;
 *   it needs launchDuban({ args: USER_ACTION_ARGS }));
 * - the click on the popup's 识别本页 button is its message, recognisePage with the tab's id, sent
 *   from duban's popup page opened in a tab: the STAND-IN for "the user asked".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { PageRecognition } from '../../lib/protocol';
import { sendFromPage } from './db';
import { extensionPage, type Duban } from './harness';

/** Lets a DevTools client trigger duban's toolbar action (Chromium 13x+). */
export const USER_ACTION_ARGS = ['--enable-unsafe-extension-debugging', '--remote-debugging-port=0'];

/** A DevTools client of duban's browser (the persistent context's own connection does not see the action's popup). */
async function devtools(duban: Duban) {
  const port = readFileSync(join(duban.userDataDir, 'DevToolsActivePort'), 'utf8').split('\n')[0];
  return chromium.connectOverCDP(`http://127.0.0.1:${port}`);
}

async function triggerAction(browser: Browser, duban: Duban, page: Page): Promise<void> {
  const s = await browser.newBrowserCDPSession();
  const { targetInfos } = (await s.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as { targetInfos: { targetId: string; url: string }[] };
  const tab = targetInfos.find((t) => t.url === page.url());
  if (!tab) throw new Error(`no tab shows ${page.url()}`);
  await s.send('Extensions.triggerAction' as never, { id: duban.extensionId, targetId: tab.targetId } as never);
}

/** The user clicks duban's toolbar button over `page`: Chromium grants duban that tab (activeTab). */
export async function clickToolbarButton(duban: Duban, page: Page): Promise<void> {
  const browser = await devtools(duban);
  try {
    await triggerAction(browser, duban, page);
  } finally {
    // Disconnects this client only; the browser and its pages stay.
    await browser.close();
  }
}

/**
 * The user clicks duban's toolbar button over `page` and gets duban's real popup, opened over that
 * tab (the action's popup, not popup.html in a tab of its own): `close` disconnects the client.
 */
export async function openActionPopup(duban: Duban, page: Page): Promise<{ popup: Page; close: () => Promise<void> }> {
  await clickToolbarButton(duban, page);
  // A client connected before the popup opened is not told of it: a new one finds it among the pages.
  const url = `chrome-extension://${duban.extensionId}/popup.html`;
  for (let i = 0; i < 20; i++) {
    const browser = await devtools(duban);
    const popup = browser.contexts().flatMap((c) => c.pages()).find((p) => p.url() === url);
    if (popup) return { popup, close: () => browser.close() };
    await browser.close();
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the action popup did not open');
}

/** The id of the tab showing `page`, as the popup finds it: the active tab of the window. */
export async function tabIdOf(duban: Duban, page: Page): Promise<number> {
  await page.bringToFront();
  const worker = duban.context.serviceWorkers()[0]!;
  const id = await worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
  if (id === undefined) throw new Error('no active tab');
  return id;
}

/** The popup's 识别本页 message for tab `tabId` (the stand-in for the button's click). */
export async function sendRecognise(duban: Duban, tabId: number) {
  const popup = await extensionPage(duban.context, duban.extensionId, 'popup.html');
  try {
    return await sendFromPage<PageRecognition>(popup, 'recognisePage', { tabId });
  } finally {
    await popup.close();
  }
}

/** The user asks: toolbar button (activeTab), then 识别本页. */
export async function userAsks(duban: Duban, page: Page) {
  const tabId = await tabIdOf(duban, page);
  await clickToolbarButton(duban, page);
  return sendRecognise(duban, tabId);
}
