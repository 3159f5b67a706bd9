/**
 * The overview's first screen: the first rows, asked for by the early script (./first-ask.ts)
 * before the page's modules loaded, else as soon as this module is evaluated. main.tsx imports it
 * before the App, and modules are evaluated in import order, so the background reads the rows
 * while the App's code is still being evaluated.
 */
import { sendLarge } from '../../utils/page-channel';
import { FIRST_SCREEN, takeEarlyFirstScreen, unreached, wantsFirstScreen } from './first-ask';

export type OverviewAnswer = Awaited<ReturnType<typeof askOverview>>;

/**
 * getOverview, with a failure to reach the background as a Failure. By the page channel: the whole
 * answer for 10,000 annotations is 3.4 MB, which runtime messaging would pass as JSON.
 */
export function askOverview(data: { limit?: number }) {
  return sendLarge('getOverview', data).catch(unreached);
}

/** The first screen's answer, asked for now; none when the URL presets a filter. */
export const firstScreen = wantsFirstScreen(location.search) ? (takeEarlyFirstScreen() ?? askOverview({ limit: FIRST_SCREEN })) : undefined;
