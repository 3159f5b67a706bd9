// "The user asked" and "the probe found a likely notice", on WXT's fake browser: storage.session
// holds the grants, tabs and commands events are fired by hand. scripting.executeScript is
// duban's stand-in for the page (the fake browser has none): it answers the page's address, then
// what the notice script found.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { calls, checkAccess, type PageRecognition, type SenderInfo } from '../../lib/protocol';
import { classifySender, createPageGrants, type PageGrants } from './page-grants';
import { createPageInjection, listenForRecogniseCommand, NOTICE_SCRIPT, READER_SCRIPT, RECOGNISE_COMMAND, type PageInjection } from './page-injection';
import { grantPage as pageOf } from './page-grants';

const EXT = 'test-extension-id';
const COPY = 'https://copy.example.com/a/notice.html';
const GOV = 'https://www.xihu.gov.cn/art/2024/3/7/art_1_2.html';
const TAB = 7;

interface Page {
  url: string;
  documentId: string;
  /** What the notice script finds there; a throw: the browser refused (no activeTab). */
  found: PageRecognition | Error;
}

let page: Page;
let executeScript: ReturnType<typeof vi.fn>;
let grants: PageGrants;
let injection: PageInjection;

const content = (url: string, documentId = page.documentId, frameId = 0): SenderInfo => ({ id: EXT, url, frameId, documentId, tab: { id: TAB } });

beforeEach(() => {
  fakeBrowser.reset();
  page = { url: COPY, documentId: 'doc-1', found: { verdict: 'notice', copy: true } };
  executeScript = vi.fn(async (injected: { target: { tabId: number; frameIds: number[] }; files?: string[]; func?: () => unknown }) => {
    if (page.found instanceof Error) throw page.found;
    const result = injected.files ? page.found : `${page.url}?from=wx#top`;
    return [{ frameId: 0, documentId: page.documentId, result }];
  });
  grants = createPageGrants();
  injection = createPageInjection({ executeScript } as never, grants);
});

describe('a page known again that must be read after all (its text changed)', () => {
  it('gets the page reader in the frame that asked, and a failure said when it cannot', async () => {
    expect(await injection.loadReader(TAB, 0)).toEqual({ ok: true, value: true });
    expect(executeScript).toHaveBeenLastCalledWith({ target: { tabId: TAB, frameIds: [0] }, files: [READER_SCRIPT] });
    page.found = new Error('Cannot access contents of the page');
    expect(await injection.loadReader(TAB, 0)).toMatchObject({ ok: false });
  });
});

describe('the user asks to recognise the page (popup 识别本页, keyboard command)', () => {
  it('grants the page its notice, injects the notice script into the top frame, and answers what it found', async () => {
    expect(await classifySender(content(COPY), EXT, grants)).toBe(null);
    expect(await injection.recognisePage(TAB)).toEqual({ ok: true, value: { verdict: 'notice', copy: true } });
    expect(executeScript).toHaveBeenLastCalledWith({ target: { tabId: TAB, frameIds: [0] }, files: [READER_SCRIPT, NOTICE_SCRIPT] });
    expect(await classifySender(content(COPY), EXT, grants)).toBe('content');
    expect(await classifySender(content(`${COPY}#duban-item-3`), EXT, grants)).toBe('content');
  });

  it('grants that document only: not another page, another document, a subframe or another tab', async () => {
    await injection.recognisePage(TAB);
    expect(await classifySender(content('https://copy.example.com/b.html'), EXT, grants)).toBe(null);
    expect(await classifySender(content(COPY, 'doc-2'), EXT, grants)).toBe(null);
    expect(await classifySender(content(COPY, 'doc-1', 3), EXT, grants)).toBe(null);
    expect(await classifySender({ ...content(COPY), tab: { id: TAB + 1 } }, EXT, grants)).toBe(null);
    expect(await classifySender({ ...content(COPY), id: 'another-extension' }, EXT, grants)).toBe(null);
  });

  it('forgets the grant when the tab loads another page or closes, not on a jump within the page', async () => {
    await injection.recognisePage(TAB);
    const settled = () => new Promise((r) => setTimeout(r, 0));
    // Chrome says "loading" for #duban-item-N set from the popup too: the same document keeps its grant.
    await fakeBrowser.tabs.onUpdated.trigger(TAB, { status: 'loading', url: `${COPY}#duban-item-5` }, { id: TAB } as never);
    await settled();
    expect(await classifySender(content(`${COPY}#duban-item-5`), EXT, grants)).toBe('content');
    // The page reloaded: another document, not covered.
    expect(await classifySender(content(COPY, 'doc-2'), EXT, grants)).toBe(null);
    await fakeBrowser.tabs.onUpdated.trigger(TAB, { status: 'loading', url: 'https://copy.example.com/other.html' }, { id: TAB } as never);
    await settled();
    expect(await grants.get(TAB)).toBeUndefined();
    expect(await classifySender(content(COPY), EXT, grants)).toBe(null);

    // A browser that names no document: every load of the tab clears the grant.
    page.documentId = '';
    await injection.recognisePage(TAB);
    expect(await grants.get(TAB)).toEqual({ why: 'asked', page: COPY });
    await fakeBrowser.tabs.onUpdated.trigger(TAB, { status: 'loading' }, { id: TAB } as never);
    await settled();
    expect(await grants.get(TAB)).toBeUndefined();

    await injection.recognisePage(TAB);
    await fakeBrowser.tabs.onRemoved.trigger(TAB, { windowId: 1, isWindowClosing: false });
    expect(await grants.get(TAB)).toBeUndefined();
  });

  it('says a page that is not a notice is none', async () => {
    page.found = { verdict: 'none', copy: true };
    expect(await injection.recognisePage(TAB)).toEqual({ ok: true, value: { verdict: 'none', copy: true } });
  });

  it('refuses a tab the browser did not grant (a browser page, a tab not asked about), and grants nothing', async () => {
    page.found = new Error('Cannot access contents of the page. Extension manifest must request permission to access the respective host.');
    expect(await injection.recognisePage(TAB)).toMatchObject({ ok: false, code: 'recognise.cannot' });
    expect(await grants.get(TAB)).toBeUndefined();
    expect(await classifySender(content(COPY), EXT, grants)).toBe(null);
  });

  it('answers the keyboard command in the tab it names, and says so in a notification when the page is no notice', async () => {
    // The fake browser has no commands.onCommand: its listeners are kept here and called as the browser would.
    const listeners: ((command: string, tab?: { id?: number }) => Promise<void>)[] = [];
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation((l) => void listeners.push(l as never));
    const press = (command: string, tab: { id?: number }) => Promise.all(listeners.map((l) => l(command, tab)));
    listenForRecogniseCommand(injection);
    expect(listeners).toHaveLength(1);
    await press(RECOGNISE_COMMAND, { id: TAB });
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: TAB, frameIds: [0] }, files: [READER_SCRIPT, NOTICE_SCRIPT] });
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([]);

    page.found = { verdict: 'none', copy: true };
    await press(RECOGNISE_COMMAND, { id: TAB });
    const shown = fakeBrowser.notifications.getAllCreateOptions() as Record<string, { message: string }>;
    expect(Object.values(shown).map((n) => n.message)).toEqual(['本页不是督办能识别的任务分解通知。']);

    // A report on the tasks' progress (a 督查 bulletin) is said to be one.
    page.found = { verdict: 'none', copy: false, report: true };
    await fakeBrowser.notifications.clear(`${RECOGNISE_COMMAND}:${TAB}`);
    await press(RECOGNISE_COMMAND, { id: TAB });
    const again = fakeBrowser.notifications.getAllCreateOptions() as Record<string, { message: string }>;
    expect(Object.values(again).map((n) => n.message)).toEqual(['本页是任务推进情况的报告或督查通报，不是任务分解通知，督办不在此添加批注。请打开分解通知本身跟进各项任务。']);

    // Numbered points with no unit named (measures, the report itself) are counted.
    page.found = { verdict: 'none', copy: false, numbered: 5 };
    await fakeBrowser.notifications.clear(`${RECOGNISE_COMMAND}:${TAB}`);
    await press(RECOGNISE_COMMAND, { id: TAB });
    const counted = fakeBrowser.notifications.getAllCreateOptions() as Record<string, { message: string }>;
    expect(Object.values(counted).map((n) => n.message)).toEqual(['本页列有 5 个编号事项，但未写明牵头单位或责任单位，不是任务分解通知，督办不在此添加批注。']);

    executeScript.mockClear();
    await press('another-command', { id: TAB });
    expect(executeScript).not.toHaveBeenCalled();
  });
});

describe('the probe finds a likely notice', () => {
  it('on a government page: the page may open its notice, and the notice script is injected', async () => {
    page = { url: GOV, documentId: 'gov-doc', found: { verdict: 'notice', copy: false } };
    expect(await classifySender(content(GOV), EXT, grants)).toBe('probe');
    expect(await injection.noticeLikely(TAB, GOV, 'gov-doc')).toEqual({ ok: true, value: { verdict: 'notice', copy: false } });
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: TAB, frameIds: [0] }, files: [READER_SCRIPT, NOTICE_SCRIPT] });
    expect(await classifySender(content(GOV), EXT, grants)).toBe('content');
    expect(await classifySender(content(GOV, 'next-doc'), EXT, grants)).toBe('probe');
  });

  it('anywhere else: refused, nothing granted or injected', async () => {
    expect(await injection.noticeLikely(TAB, COPY, 'doc-1')).toMatchObject({ ok: false });
    expect(await injection.noticeLikely(TAB, 'https://www.xihu.gov.cn:8443/a.html', 'doc-1')).toMatchObject({ ok: false });
    expect(executeScript).not.toHaveBeenCalled();
    expect(await grants.get(TAB)).toBeUndefined();
  });
});

describe('a government page where a notice was opened before (the browser runs the notice script there itself)', () => {
  const knownPages = new Set([pageOf(GOV)]);
  const known = { has: async (url: string | undefined) => knownPages.has(pageOf(url)) };

  it("opens its notice in any tab without a grant, and the probe's word injects nothing more", async () => {
    const knowing = createPageGrants(known);
    const injecting = createPageInjection({ executeScript } as never, knowing, known);
    for (const tab of [TAB, TAB + 1]) expect(await classifySender({ ...content(`${GOV}?from=wx`, 'any-doc'), tab: { id: tab } }, EXT, knowing)).toBe('content');
    expect(await injecting.noticeLikely(TAB, GOV, 'gov-doc')).toEqual({ ok: true, value: { verdict: 'notice', copy: false } });
    expect(executeScript).not.toHaveBeenCalled();
    // Another page of the same site is still the probe's, and a subframe nobody.
    expect(await classifySender(content('https://www.xihu.gov.cn/art/2024/3/7/art_1_3.html'), EXT, knowing)).toBe('probe');
    expect(await classifySender(content(GOV, 'doc-1', 3), EXT, knowing)).toBe(null);
  });

  it('loads the notice script all the same where the page brought its article after the one the browser ran found none', async () => {
    page = { url: GOV, documentId: 'gov-doc', found: { verdict: 'notice', copy: false } };
    const injecting = createPageInjection({ executeScript } as never, createPageGrants(known), known);
    expect(await injecting.noticeLikely(TAB, GOV, 'gov-doc', true)).toEqual({ ok: true, value: { verdict: 'notice', copy: false } });
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: TAB, frameIds: [0] }, files: [READER_SCRIPT, NOTICE_SCRIPT] });
  });
});

describe('what the probe may send', () => {
  it('only that its page looks like a notice; the user asks only from duban\'s pages', () => {
    for (const name of Object.keys(calls) as (keyof typeof calls)[]) {
      expect(checkAccess(name, 'probe', {}, undefined) === null, name).toBe(name === 'noticeLikely');
    }
    expect(checkAccess('noticeLikely', 'content', {}, undefined)).toBe(null);
    expect(checkAccess('recognisePage', 'page', { tabId: TAB }, undefined)).toBe(null);
    expect(checkAccess('recognisePage', 'content', { tabId: TAB }, undefined)).toMatch(/may not/);
    expect(checkAccess('recognisePage', 'editor', { tabId: TAB }, 'A')).toMatch(/may not/);
  });
});
