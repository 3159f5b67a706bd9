/** The popup's dealings with the browser: tabs, downloads, files. Nothing here touches the database. */
import { browser } from '#imports';
import type { AttachmentRequest } from '../../lib/attachment/viewer-link';
import { viewerQuery } from '../../lib/attachment/viewer-query';
import { saveFile } from '../../utils/ledger-files';
import { sendMessage } from '../../utils/messaging';

/**
 * The id of the tab the popup was opened over (undefined when the popup runs in a tab itself).
 * Its URL is not readable without the `tabs` permission; the background knows the tab's notice.
 */
export async function activeTabId(): Promise<number | undefined> {
  if (!(await isActionPopup())) return undefined;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/**
 * Shows the notice at an item: a tab already showing the notice goes to the item's hash (the
 * content script hears hashchange); otherwise a new tab opens. The popup closes either way.
 */
export async function openItem(href: string): Promise<void> {
  // A notice read from a file opened from disk (file:///) opens in duban's viewer, from the kept file.
  if (!/^(?:https?:\/\/|file:\/\/\/)/i.test(href)) return;
  await sendMessage('openPage', { url: href });
  if (await isActionPopup()) window.close();
}

/** Opens duban's document viewer on an attachment of a cover page (识别本页 on a cover); the viewer fetches it. */
export async function openAttachment(request: AttachmentRequest): Promise<void> {
  await browser.tabs.create({ url: (browser.runtime.getURL as (path: string) => string)('/viewer.html') + viewerQuery({ attachment: request }) });
  if (await isActionPopup()) window.close();
}

export async function openOverview(): Promise<void> {
  await browser.tabs.create({ url: (browser.runtime.getURL as (path: string) => string)('/overview.html') });
  if (await isActionPopup()) window.close();
}

/** The toolbar popup has no tab of its own; popup.html opened in a tab (tests, keyboard users) does. */
async function isActionPopup(): Promise<boolean> {
  return (await browser.tabs.getCurrent()) === undefined;
}

/** Saves text as a file through the browser's download. */
export function downloadText(filename: string, mimeType: string, text: string): void {
  saveFile(filename, mimeType, text);
}
