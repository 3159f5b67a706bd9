// The popup's 识别本页 button: what it sends and what it says for each answer (the words users read).
import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageRecognition, Result } from '../../lib/protocol';
import { RecognisePage } from './RecognisePage';

const sent: { type: string; data: unknown }[] = [];
let answer: Result<PageRecognition>;
let tab: number | undefined;

vi.mock('../../utils/messaging', () => ({
  sendMessage: async (type: string, data: unknown) => {
    sent.push({ type, data });
    return answer;
  },
}));
vi.mock('./browser', () => ({ activeTabId: async () => tab }));

const settle = () => new Promise((r) => setTimeout(r, 0));

async function ask() {
  const { document, Event } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  const root = document.getElementById('root') as unknown as HTMLElement;
  const recognised = vi.fn();
  render(h(RecognisePage, { onRecognised: recognised }), root);
  root.querySelector('button[data-action="recognise"]')!.dispatchEvent(new Event('click'));
  for (let i = 0; i < 5; i++) await settle();
  return { said: root.querySelector('[data-testid="recognise-status"]')?.textContent, role: root.querySelector('[data-testid="recognise-status"]')?.getAttribute('role'), recognised };
}

beforeEach(() => {
  sent.length = 0;
  tab = 7;
});

describe('识别本页 in the popup', () => {
  it('asks for the tab the popup was opened over, and says the page is no notice when it is not', async () => {
    answer = { ok: true, value: { verdict: 'none', copy: true } };
    const r = await ask();
    expect(sent).toEqual([{ type: 'recognisePage', data: { tabId: 7 } }]);
    expect(r).toMatchObject({ said: '本页不是督办能识别的任务分解通知。', role: 'alert' });
    expect(r.recognised).not.toHaveBeenCalled();
  });

  it('says a copy was recognised, and refreshes the summary', async () => {
    answer = { ok: true, value: { verdict: 'notice', copy: true } };
    const r = await ask();
    expect(r).toMatchObject({ said: '已识别本页的通知（副本）。', role: 'status' });
    expect(r.recognised).toHaveBeenCalledOnce();
  });

  it('says why when the page cannot be read, and sends nothing without a tab', async () => {
    answer = { ok: false, error: 'cannot read this page', code: 'recognise.cannot' };
    expect((await ask()).said).toBe('督办无法读取此页（浏览器自身的页面，或未在此页打开督办）。');
    sent.length = 0;
    tab = undefined;
    expect((await ask()).said).toBe('督办无法读取此页（浏览器自身的页面，或未在此页打开督办）。');
    expect(sent).toEqual([]);
  });
});
