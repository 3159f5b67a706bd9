// `npm start` (after scripts/setup.sh): the seed notice, served at its official URL (there is
// no internet), in Chromium with duban loaded.
//  - With a display ($DISPLAY / $WAYLAND_DISPLAY): a real window, kept open until you close it.
//    Its profile lives in artifacts/start/profile so your notes survive the next `npm start`.
//  - Without one: headless; waits for duban's ready marker, saves a screenshot of the first items to
//    artifacts/start/notice.png, and prints a one-line summary.
import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { extensionPage, launchDuban, noticeSeed, ROOT, serveSeeds, waitForDuban } from '../tests/e2e/harness';

const OUT = join(ROOT, 'artifacts/start');
const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const { url } = noticeSeed();
  const duban = await launchDuban(
    headed ? { headless: false, viewport: null, userDataDir: join(OUT, 'profile') } : {},
  );
  // Resolves when the user closes the browser (or presses Ctrl-C in the terminal).
  let closed = false;
  const finished = new Promise<void>((done) => {
    duban.context.on('close', () => done());
    if (headed) for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => done());
  }).then(() => void (closed = true));
  try {
    await serveSeeds(duban.context);
    // A persistent context opens with one blank tab: use it rather than adding a second.
    const page = duban.context.pages()[0] ?? (await duban.context.newPage());
    const marked = waitForDuban(page, { timeout: 60_000 }); // before goto: hears page errors
    marked.catch(() => {});
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    let ok = true;
    const line = await marked.then(
      async (s) =>
        s.state === 'ready'
          ? `duban: ${s.items ?? 0} items recognised on ${url}, each with its row; ${await annotatedCount(duban)} annotated so far`
          : `duban: ${url} is not a breakdown notice (data-duban=${s.state})`,
      (e: unknown) => {
        ok = false;
        return `duban start: ${e instanceof Error ? e.message : String(e)}`;
      },
    );
    if (closed) return; // closed while loading: nothing left to report
    if (headed) {
      console.log(line);
      console.log('duban: close the browser window to finish.');
      await finished;
    } else {
      // Screenshot either way: when duban failed to mark the page, the picture shows why.
      // The first items with their overlays, as a reader sees them; the whole page is 20,000 px tall.
      const path = join(OUT, 'notice.png');
      await page.evaluate(() => document.querySelector('[data-duban-item="1"]')?.scrollIntoView({ block: 'center' }));
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await page.screenshot({ path });
      console.log(relative(process.cwd(), path) || path);
      console.log(line);
      if (!ok) process.exitCode = 1;
    }
  } finally {
    await duban.close();
  }
}

/** The items that carry something the user wrote or set: what "annotated" means to a user. */
async function annotatedCount(duban: Awaited<ReturnType<typeof launchDuban>>): Promise<number> {
  const page = await extensionPage(duban.context, duban.extensionId, 'popup.html');
  try {
    // A string, not a function: tsx's transform names functions with a helper the page lacks.
    return await page.evaluate(`new Promise((resolve, reject) => {
      const open = indexedDB.open('duban');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const count = db.transaction('annotations').objectStore('annotations').count();
        count.onsuccess = () => { db.close(); resolve(count.result); };
        count.onerror = () => reject(count.error);
      };
    })`);
  } finally {
    await page.close();
  }
}

main().catch((err: unknown) => {
  console.error(`duban start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
