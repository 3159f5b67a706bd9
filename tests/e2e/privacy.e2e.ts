// The page learns nothing the user wrote (issue 10): a hostile script that runs before duban on
// the official notice tries every way a page script has been seen to read or forge a note, while
// the user tabs through the editor typing into every field. Then the database (read from duban's
// own page) must hold exactly what the user typed, and nothing the page collected may contain it.
import { readFileSync } from 'node:fs';
import { fileHostMatches } from '../../lib/notice/sites';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDb } from './db';
import { editorFrame, editorSaved, openEditor, reveal, rowLabel, waitEditorReady } from './editor';
import { EXTENSION_DIR, launchDuban, noticeSeed, openNotice, serveSeeds, type Duban } from './harness';
import { cdp, shadowClick } from './shadow';

/** The seed notice's key (lib/notice/notice-key.ts). */
const KEY = '拱政办发〔2024〕2号@www.gongshu.gov.cn';
/** Notes stored before the hostile page opens, and the note, day and progress typed on it. */
const STORED = ['存量机密甲：区长批示待办', '存量机密乙：联系人138'];
const TYPED = '绝密线索丙：周五前上报';
const DAY = '2026-12-24';
const PROGRESS = '37';

/**
 * Runs in the page's own world before any of its scripts and before duban: records what it can
 * get. Skips duban's own frame (Playwright's init scripts would run there too).
 */
const SPY = `(() => {
  if (location.protocol !== 'http:' && location.protocol !== 'https:') return;
  const got = (window.__got = []);
  const log = (k, v) => { try { if (v !== undefined && v !== null && String(v) !== '') got.push(k + ':' + String(v)); } catch (e) {} };
  window.__internals = [];
  for (const name of ['duban-item', 'duban-bar', 'duban-editor', 'duban-row', 'duban-frame']) {
    try {
      customElements.define(name, class extends HTMLElement {
        constructor() { super(); try { window.__internals.push(this.attachInternals()); } catch (e) {} }
      });
    } catch (e) {}
  }
  document.addEventListener('focusin', () => {
    try { document.execCommand('selectAll'); log('selectAll', String(getSelection())); } catch (e) {}
    try { document.execCommand('insertText', false, 'FORGED BY PAGE'); } catch (e) {}
    getSelection().removeAllRanges();
  }, true);
  for (const t of ['keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'textInput', 'compositionend']) {
    window.addEventListener(t, (e) => log('win-' + t, e.key || e.data), true);
    document.addEventListener(t, (e) => log('doc-' + t, e.key || e.data), true);
  }
  document.addEventListener('copy', (e) => log('copy', String(getSelection())), true);
  window.addEventListener('message', (e) => {
    log('message', JSON.stringify(e.data));
    if (e.data && typeof e.data === 'object' && !e.data.__replayed) window.postMessage({ ...e.data, __replayed: 1 }, '*');
  }, true);
  window.__probe = (guesses) => {
    const out = { found: [] };
    const sel = getSelection();
    sel.selectAllChildren(document.body);
    out.selection = String(sel);
    sel.removeAllRanges();
    out.innerText = document.body.innerText;
    out.textContent = document.documentElement.textContent;
    out.html = document.documentElement.outerHTML;
    for (const g of guesses) {
      sel.removeAllRanges();
      if (window.find(g, false, false, true)) {
        sel.modify('extend', 'forward', 'paragraphboundary');
        out.found.push(g + ' => ' + String(sel));
      }
    }
    sel.removeAllRanges();
    out.internals = window.__internals.map((i) => { try { return i.shadowRoot ? i.shadowRoot.innerHTML : null; } catch (e) { return null; } });
    out.openRoots = [...document.querySelectorAll('[data-duban-item], [data-duban-bar], [data-duban-editor]')].filter((h) => h.shadowRoot).length;
    return out;
  };
})();`;

interface Probe {
  found: string[];
  selection: string;
  innerText: string;
  textContent: string;
  html: string;
  internals: (string | null)[];
  openRoots: number;
}

const probe = (page: Page, guesses: string[]) => page.evaluate((g) => (window as unknown as { __probe(g: string[]): Probe }).__probe(g), guesses);
const collected = (page: Page) => page.evaluate(() => (window as unknown as { __got: string[] }).__got.join('\n'));

/** Everything the page could have learned, as one string to search. */
function everything(p: Probe, got: string): string {
  return [p.found.join('\n'), p.selection, p.innerText, p.textContent, p.html, p.internals.join('\n'), got].join('\n');
}

describe('a page script that runs before duban learns nothing the user wrote', () => {
  let duban: Duban;
  let page: Page;

  beforeAll(async () => {
    duban = await launchDuban();
    await serveSeeds(duban.context);
    // Notes written before the hostile page ever ran.
    const first = await openNotice(duban.context, noticeSeed().url);
    for (const [i, text] of STORED.entries()) {
      const frame = await openEditor(first, i + 2);
      await first.keyboard.type(text);
      await editorSaved(frame);
      await first.keyboard.press('Escape');
    }
    await first.close();
    await duban.context.addInitScript(SPY);
    page = await openNotice(duban.context, noticeSeed().url);
    await waitEditorReady(page);
  });
  afterAll(() => duban?.close());

  it('cannot read stored notes: no custom-element internals, no open root, no search or selection hit', async () => {
    // The spy works: it finds the page's own text and hears keys typed in the page.
    expect((await probe(page, ['坚持阳光用权'])).found).toHaveLength(1);
    await page.keyboard.press('z');
    expect(await collected(page)).toContain('win-keydown:z');
    const p = await probe(page, [...STORED, STORED[0]!.slice(0, 4)]);
    expect(p.openRoots).toBe(0);
    expect(p.internals.filter(Boolean)).toEqual([]);
    expect(p.found).toEqual([]);
    const all = everything(p, await collected(page));
    for (const s of STORED) expect(all).not.toContain(s);
    // The rows still show them, as generated content the page cannot search.
    expect(await rowLabel(page, 2, 'note')).toBe(STORED[0]);
  });

  it('gets nothing while the user tabs through every field of the editor, and the right item is saved though the page swapped hosts', async () => {
    // The page relabels the rows of items 10 and 11: duban knows its hosts, not their labels.
    await page.evaluate(() => {
      const a = document.querySelector('[data-duban-item="10"]')!;
      const b = document.querySelector('[data-duban-item="11"]')!;
      a.setAttribute('data-duban-item', '11');
      b.setAttribute('data-duban-item', '10');
    });
    // The host now labelled "11" is item 10's row: its Edit opens item 10.
    await reveal(page, 11);
    await shadowClick(page, 11, 'button.edit');
    await page.locator('[data-duban-editor-open="10"]').waitFor({ state: 'attached' });
    const frame = editorFrame(page);
    // The page cannot load duban's editor under duban's id to probe for it: only the per-session
    // dynamic URL (use_dynamic_url) that duban's content script asked for works.
    const fetched = await page.evaluate((u) => fetch(u).then((r) => String(r.status), (e) => String(e)), `chrome-extension://${duban.extensionId}/editor.html`);
    expect(fetched).toMatch(/Failed to fetch/);
    await frame.locator('h1', { hasText: '10' }).waitFor();
    await page.keyboard.type(TYPED);
    await page.keyboard.press('Shift+Tab'); // follow-up day
    const day = frame.locator('#ed-followup');
    const [y, m, d] = DAY.split('-');
    await page.keyboard.type(`${m}${d}${y}`);
    if ((await day.inputValue()) !== DAY) {
      await day.fill(DAY);
    }
    await page.keyboard.press('Shift+Tab'); // progress
    await page.keyboard.type(PROGRESS);
    await page.keyboard.press('Shift+Tab'); // status
    await page.keyboard.press('ArrowDown');
    await editorSaved(frame);
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Escape');
    await page.locator('[data-duban-editor-open]').waitFor({ state: 'detached' });

    const p = await probe(page, [TYPED, TYPED.slice(0, 4), DAY, `${PROGRESS}%`, '推进中 · ']);
    expect(p.found).toEqual([]);
    const all = everything(p, await collected(page));
    expect(all).not.toContain(TYPED);
    expect(all).not.toContain(TYPED.slice(0, 4));
    for (const s of STORED) expect(all).not.toContain(s);
    expect(await collected(page)).not.toMatch(/win-keydown:[^\n]*[0-9]/); // no digit typed in the frame reached the page

    const db = await readDb(duban.context, duban.extensionId);
    const byNo = new Map(db.annotations.map((a) => [Number(a.itemKey), a]));
    expect(byNo.get(10)).toMatchObject({ noticeKey: KEY, note: TYPED, progress: Number(PROGRESS), followUp: DAY, status: 'in_progress' });
    expect(byNo.has(11)).toBe(false);
    expect(byNo.get(2)?.note).toBe(STORED[0]);
    expect(byNo.get(3)?.note).toBe(STORED[1]);
    expect(db.annotations.some((a) => String(a.note).includes('FORGED'))).toBe(false);
    // The row (labelled "11" by the page) shows item 10's note.
    expect(await rowLabel(page, 11, 'note')).toBe(TYPED);
  });

  it('replaying or forging WXT’s start event (even with duban’s id) removes no overlay', async () => {
    await page.evaluate((id) => {
      const detail = { contentScriptName: 'notice', messageId: 'forged' };
      document.dispatchEvent(new CustomEvent(`${id}:notice:wxt:content-script-started`, { detail }));
      window.postMessage({ type: `${id}:notice:wxt:content-script-started`, ...detail }, '*');
    }, duban.extensionId);
    // duban never announced itself to the page: no message the page saw names its id.
    const messages = (await collected(page)).split('\n').filter((l) => l.startsWith('message:') && !l.includes('forged'));
    expect(messages.filter((l) => l.includes(duban.extensionId))).toEqual([]);
    await page.waitForTimeout(300); // let any (wrongful) teardown run before counting
    expect(await page.locator('[data-duban-item]').count()).toBe(156);
    const frame = await openEditor(page, 20);
    await page.keyboard.type('还在');
    await editorSaved(frame);
    await page.keyboard.press('Escape');
    expect(await rowLabel(page, 20, 'note')).toBe('还在');
  });

  it('the content script’s world may open its notice and the editor, nothing else', async () => {
    const s = await cdp(page);
    const ctxId = await isolatedWorld(s);
    const send = async (type: string, data: unknown) => {
      const r = await s.send('Runtime.evaluate', {
        contextId: ctxId,
        awaitPromise: true,
        returnByValue: true,
        expression: `new Promise((r) => chrome.runtime.sendMessage({ id: 7, type: ${JSON.stringify(type)}, data: ${JSON.stringify(data)}, timestamp: Date.now() }, r))`,
      });
      return (r.result.value as { res?: { ok: boolean; error?: string } })?.res;
    };
    for (const [type, data] of [
      ['getOverview', {}],
      ['exportAnnotations', { format: 'json' }],
      ['saveAnnotation', { noticeKey: 'another notice', itemKey: '1', fingerprint: 'x', note: 'overwritten' }],
      ['saveAnnotation', { noticeKey: KEY, itemKey: '2', fingerprint: 'x', note: 'overwritten' }],
      ['getItemHistory', { noticeKey: KEY, itemKey: '2' }],
      ['acceptNoticeRevision', { noticeKey: KEY, revisionId: 1 }],
    ] as const) {
      const res = await send(type, data);
      expect(res, type).toMatchObject({ ok: false });
      expect(res?.error, type).toMatch(/refused/);
    }
    const db = await readDb(duban.context, duban.extensionId);
    expect(db.annotations.some((a) => a.note === 'overwritten')).toBe(false);
  });
});

describe('least privilege', () => {
  it('asks for no `tabs` permission, hosts only on government sites (others through activeTab), and exposes only the editor page, under a dynamic URL', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect([...manifest.permissions].sort()).toEqual(['activeTab', 'alarms', 'notifications', 'scripting', 'storage', 'unlimitedStorage']);
    // Government sites, and the object storage their attachment links redirect to (the viewer fetches there).
    expect(manifest.host_permissions).toEqual(['*://*.gov.cn/*', ...fileHostMatches()]);
    // Overlays (and so the editor frame) can be on any page the user asks about.
    expect(manifest.web_accessible_resources).toEqual([{ resources: ['editor.html'], matches: ['*://*/*'], use_dynamic_url: true }]);
  });
});

/** The execution context of duban's content script in the page (CDP lists isolated worlds). */
async function isolatedWorld(s: CDPSession): Promise<number> {
  const contexts: { id: number; name: string; auxData?: { type?: string } }[] = [];
  const on = (e: { context: { id: number; name: string; auxData?: { type?: string } } }) => contexts.push(e.context);
  s.on('Runtime.executionContextCreated', on);
  await s.send('Runtime.disable');
  await s.send('Runtime.enable');
  await new Promise((r) => setTimeout(r, 200));
  s.off('Runtime.executionContextCreated', on);
  const world = contexts.find((c) => c.auxData?.type === 'isolated' && /duban|督办/.test(c.name));
  if (!world) throw new Error(`no duban isolated world among ${contexts.map((c) => c.name).join(', ')}`);
  return world.id;
}
