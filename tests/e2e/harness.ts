// End-to-end helpers: Debian Chromium + the built extension, driven by playwright-core.
// The machine has no internet, so every page comes from seeds/ (or serveHtml) via context.route().
import { chromium, type BrowserContext, type ConsoleMessage, type Page, type Route } from 'playwright-core';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// DUBAN_EXTENSION_DIR lets a run use its own copy of the build while another engineer rebuilds.
export const EXTENSION_DIR = process.env.DUBAN_EXTENSION_DIR ?? join(ROOT, '.output/chrome-mv3');
export const CHROMIUM = process.env.DUBAN_CHROMIUM ?? '/usr/bin/chromium';

export interface Duban {
  context: BrowserContext;
  extensionId: string;
  userDataDir: string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Reuse a profile (e.g. to test persistence across restarts); kept on close(). */
  userDataDir?: string;
  /** Another build of duban (a benchmark comparing two); defaults to EXTENSION_DIR. */
  extensionDir?: string;
  colorScheme?: 'light' | 'dark';
  /** Defaults to true; start.ts runs headed when a display exists. */
  headless?: boolean;
  viewport?: { width: number; height: number } | null;
  /**
   * The browser's UI language, which duban speaks (its catalogue, zh_CN when it has none for it):
   * 'zh-CN' (the default) or 'en'. Also the pages' navigator.language.
   */
  lang?: string;
  /** More Chromium switches (tests/e2e/user-asks.ts: clicking duban's toolbar button). */
  args?: string[];
}

/**
 * Chromium's UI language on Linux comes from LANGUAGE (its --lang switch is for Windows and
 * ChromeOS; both are passed) and needs that language's locale pack (Debian's chromium-l10n).
 */
function languageOptions(lang: string) {
  return { args: [`--lang=${lang}`], env: { ...process.env, LANGUAGE: lang.replace('-', '_') } as Record<string, string> };
}

export async function launchDuban(opts: LaunchOptions = {}): Promise<Duban> {
  const extension = opts.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extension, 'manifest.json'))) {
    throw new Error(`no built extension at ${extension}: run \`npx wxt build\` first`);
  }
  const ownDir = !opts.userDataDir;
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'duban-profile-'));
  const lang = opts.lang ?? 'zh-CN';
  const language = languageOptions(lang);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: opts.headless ?? true,
    args: [
      `--load-extension=${extension}`,
      `--disable-extensions-except=${extension}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...language.args,
      ...(opts.args ?? []),
    ],
    env: language.env,
    colorScheme: opts.colorScheme ?? 'light',
    locale: lang,
    viewport: opts.viewport === undefined ? { width: 1280, height: 900 } : opts.viewport,
  });
  try {
    // MV3: the background service worker's URL host is the extension id.
    const worker =
      context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    const extensionId = new URL(worker.url()).host;
    // Every check of duban's words depends on it: say so plainly when the browser cannot speak it.
    const ui = await worker.evaluate(() => chrome.i18n.getUILanguage());
    if (ui.split('-')[0] !== lang.split('-')[0]) {
      throw new Error(`Chromium runs in ${ui}, not ${lang}: is its locale pack installed (apt-get install chromium-l10n, see scripts/setup.sh)?`);
    }
    return {
      context,
      extensionId,
      userDataDir,
      async close() {
        await context.close().catch(() => {});
        if (ownDir) rmSync(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await context.close().catch(() => {});
    if (ownDir) rmSync(userDataDir, { recursive: true, force: true });
    throw err;
  }
}

// ---------------------------------------------------------------- serving pages offline

export interface SeedPage {
  file: string;
  url: string;
  notice: boolean;
  /** Absolute path of the seed file. */
  path: string;
}

/** seeds/pages.json with absolute paths. Throws if the seeds were not generated. */
export function seedPages(): SeedPage[] {
  const index = join(ROOT, 'seeds/pages.json');
  if (!existsSync(index)) throw new Error(`${index} missing: run \`npx tsx scripts/make-seeds.ts\``);
  const list = JSON.parse(readFileSync(index, 'utf8')) as Omit<SeedPage, 'path'>[];
  return list.map((p) => ({ ...p, path: join(ROOT, 'seeds', p.file) }));
}

/** The first seed page that is a notice (the one `npm start` opens). */
export function noticeSeed(): SeedPage {
  const page = seedPages().find((p) => p.notice);
  if (!page) throw new Error('seeds/pages.json lists no notice page');
  return page;
}

interface Served {
  body: string | Buffer;
  contentType: string;
}
// One route handler per context; serveHtml/serveSeeds just add to its table.
const tables = new WeakMap<BrowserContext, Map<string, Served>>();

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);
const key = (url: string) => {
  const u = new URL(url);
  u.hash = '';
  return u.href;
};

async function table(context: BrowserContext): Promise<Map<string, Served>> {
  let t = tables.get(context);
  if (t) return t;
  const served = new Map<string, Served>();
  tables.set(context, served);
  await context.route('**/*', (route: Route) => {
    const url = route.request().url();
    const hit = served.get(key(url));
    if (hit) return route.fulfill({ status: 200, contentType: hit.contentType, body: hit.body });
    const u = new URL(url);
    const remote = /^(https?|wss?):$/.test(u.protocol) && !LOCAL_HOSTS.has(u.hostname);
    // Never reach the real site (or anything else) from tests: there is no network anyway,
    // and aborting fast beats waiting for DNS timeouts.
    return remote ? route.abort('internetdisconnected') : route.continue();
  });
  return served;
}

/** Serve `html` whenever the browser requests `url` (any host, e.g. the official site). */
export async function serveHtml(context: BrowserContext, url: string, html: string): Promise<void> {
  (await table(context)).set(key(url), { body: html, contentType: 'text/html; charset=utf-8' });
}

/** Serve every seed page at its official URL; everything else non-local is aborted. */
export async function serveSeeds(context: BrowserContext): Promise<SeedPage[]> {
  const pages = seedPages();
  const t = await table(context);
  for (const p of pages) {
    t.set(key(p.url), { body: readFileSync(p.path), contentType: 'text/html; charset=utf-8' });
  }
  return pages;
}

// ---------------------------------------------------------------- pages

export interface DubanState {
  state: string | null;
  items: number | null;
}

/** The content script's markers on <html>. */
export async function dubanState(page: Page): Promise<DubanState> {
  return page.evaluate(() => {
    const el = document.documentElement;
    const items = el.getAttribute('data-duban-items');
    return { state: el.getAttribute('data-duban'), items: items === null ? null : Number(items) };
  });
}

/**
 * Open `url` in a new tab and wait until duban marks it (see waitForDuban).
 */
export async function openNotice(
  context: BrowserContext,
  url: string,
  opts: { timeout?: number } = {},
): Promise<Page> {
  const page = await context.newPage();
  const done = waitForDuban(page, opts); // started first so it hears the page's errors
  done.catch(() => {}); // if goto throws, its error is the one to report
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: opts.timeout ?? 30_000 });
  await done;
  return page;
}

/**
 * Wait until the content script marks <html> with data-duban="ready" (all overlays mounted),
 * "none" (not a notice) or "cover" (a cover notice whose list is an attachment). The marker is set once, after mounting, so there is no need to
 * poll counts. Call before page.goto() to include the page's errors in a timeout message.
 */
export async function waitForDuban(page: Page, opts: { timeout?: number } = {}): Promise<DubanState> {
  const timeout = opts.timeout ?? 30_000;
  const errors: string[] = [];
  const onError = (e: Error) => errors.push(String(e));
  const onConsole = (m: ConsoleMessage) => {
    // Subresources of the real site are aborted on purpose: not an error worth reporting.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  };
  page.on('pageerror', onError);
  page.on('console', onConsole);
  try {
    await page
      .locator('html[data-duban="ready"], html[data-duban="none"], html[data-duban="cover"]')
      .waitFor({ state: 'attached', timeout });
    return await dubanState(page);
  } catch (err) {
    const { state } = await dubanState(page).catch(() => ({ state: '?' }));
    throw new Error(
      `duban did not mark ${page.url()} ready/none within ${timeout} ms (data-duban=${JSON.stringify(state)})` +
        (errors.length ? `; page errors:\n  ${errors.slice(0, 5).join('\n  ')}` : '') +
        `\n(${err instanceof Error ? err.message.split('\n')[0] : String(err)})`,
    );
  } finally {
    page.off('pageerror', onError);
    page.off('console', onConsole);
  }
}

/** Open an extension page such as `popup.html` or `overview.html` in a tab. */
export async function extensionPage(context: BrowserContext, extensionId: string, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/${path.replace(/^\//, '')}`, { waitUntil: 'load' });
  return page;
}

/**
 * duban's popup in a tab, popup-sized, once it has loaded its summary. File-chooser interception
 * stays on for the page's life: a waitForEvent alone switches it on asynchronously, and an Enter
 * pressed before that opens a real (invisible) dialog instead.
 */
export async function openPopup(d: Duban): Promise<Page> {
  const page = await extensionPage(d.context, d.extensionId, 'popup.html');
  await page.setViewportSize({ width: 460, height: 900 });
  page.on('filechooser', () => {});
  await page.locator('main[aria-busy="false"]').waitFor();
  return page;
}

/** Save a PNG to artifacts/screenshots/<name>.png (gitignored) and return its path. */
export async function screenshot(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<string> {
  const dir = join(ROOT, 'artifacts/screenshots');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: opts.fullPage ?? false });
  return path;
}
