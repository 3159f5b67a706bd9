import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DubanDatabase } from '../../lib/db/database';
import { dispose, freshDb } from '../../lib/transfer/test/fixtures';
import { listenToPages } from './page-channel';
import { createService } from './router';

const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
type Listener = Parameters<Parameters<typeof listenToPages>[0]['addEventListener']>[1];

let db: DubanDatabase;
beforeEach(async () => {
  db = await freshDb('page-channel');
});
afterEach(() => dispose(db));

/** The worker's scope with duban's listener, and a way to post to it as a client would. */
function worker() {
  let listener: Listener | undefined;
  const handled: string[] = [];
  const service = createService(db, () => Date.UTC(2026, 10, 25));
  listenToPages({ addEventListener: (_type, fn) => (listener = fn), location: { origin: ORIGIN } }, {
    handle: ((name: never, data: never) => {
      handled.push(name);
      return service.handle(name, data);
    }) as typeof service.handle,
  });
  /** Posts `message` from a client at `url`; answers what came back on the port, or 'none'. */
  async function post(message: unknown, url = `${ORIGIN}/popup.html`, frameType = 'top-level', origin = ORIGIN): Promise<unknown> {
    const { port1, port2 } = new MessageChannel();
    const answer = new Promise((resolve) => {
      port1.onmessage = (e) => resolve(e.data);
    });
    const waits: Promise<unknown>[] = [];
    listener!({ data: message, origin, source: { url, frameType }, ports: [port2], waitUntil: (p) => waits.push(p) });
    await Promise.all(waits);
    const got = await Promise.race([answer, new Promise((r) => setTimeout(() => r('none'), 50))]);
    port1.close();
    return got;
  }
  return { post, handled };
}

describe('the page channel', () => {
  it('answers a page\'s ledger requests, checked by their schemas', async () => {
    const { post } = worker();
    expect(await post({ duban: 'getLedger', data: {} })).toMatchObject({ ok: false, code: 'export.nothing' });
    expect(await post({ duban: 'previewLedgerImport', data: { sheets: 'x' } })).toMatchObject({ ok: false, code: 'request.invalid' });
    expect(await post({ duban: 'previewLedgerImport', data: { sheets: [] } }, `${ORIGIN}/overview.html`)).toMatchObject({ ok: false, code: 'import.refused', details: [{ code: 'ledger.noLedger' }] });
  });

  it('answers the overview\'s rows, its first screen and the whole, checked by their schema', async () => {
    const { post } = worker();
    expect(await post({ duban: 'getOverview', data: {} }, `${ORIGIN}/overview.html`)).toEqual({ ok: true, value: { notices: [], items: [], total: 0 } });
    expect(await post({ duban: 'getOverview', data: { limit: 100 } }, `${ORIGIN}/overview.html`)).toEqual({ ok: true, value: { notices: [], items: [], total: null } });
    expect(await post({ duban: 'getOverview', data: { limit: 'all' } }, `${ORIGIN}/overview.html`)).toMatchObject({ ok: false, code: 'request.invalid' });
  });

  it('takes nothing from the editor frame, the viewer, a framed page, another origin, nor any other call', async () => {
    const { post, handled } = worker();
    const ask = { duban: 'getLedger', data: {} };
    expect(await post(ask, `${ORIGIN}/editor.html`, 'nested')).toBe('none');
    expect(await post(ask, `${ORIGIN}/editor.html`)).toBe('none');
    expect(await post(ask, `${ORIGIN}/viewer.html`)).toBe('none');
    expect(await post(ask, `${ORIGIN}/popup.html`, 'nested')).toBe('none');
    expect(await post(ask, 'https://www.gongshu.gov.cn/art/1.html', 'top-level', 'https://www.gongshu.gov.cn')).toBe('none');
    expect(await post({ duban: 'applyLedgerImport', data: { grid: { sheets: [] } } })).toBe('none');
    expect(await post({ duban: 'clearAll', data: {} })).toBe('none');
    expect(handled).toEqual([]);
  });
});
