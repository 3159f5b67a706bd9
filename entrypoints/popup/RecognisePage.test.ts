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
const opened: unknown[] = [];
vi.mock('./browser', () => ({ activeTabId: async () => tab, openAttachment: async (request: unknown) => void opened.push(request) }));

const settle = () => new Promise((r) => setTimeout(r, 0));

async function ask() {
  const { document, Event } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  const root = document.getElementById('root') as unknown as HTMLElement;
  const recognised = vi.fn();
  render(h(RecognisePage, { onRecognised: recognised }), root);
  root.querySelector('button[data-action="recognise"]')!.dispatchEvent(new Event('click'));
  for (let i = 0; i < 5; i++) await settle();
  return { root, said: root.querySelector('[data-testid="recognise-status"]')?.textContent, role: root.querySelector('[data-testid="recognise-status"]')?.getAttribute('role'), recognised, Event };
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

  it('says a report on the tasks’ progress is one, not their breakdown', async () => {
    answer = { ok: true, value: { verdict: 'none', copy: false, report: true } };
    const r = await ask();
    expect(r).toMatchObject({ said: '本页是任务推进情况的报告或督查通报，不是任务分解通知，督办不在此添加批注。请打开分解通知本身跟进各项任务。', role: 'alert' });
    expect(r.recognised).not.toHaveBeenCalled();
  });

  it('says how many numbered points a page lists with no unit named for them', async () => {
    answer = { ok: true, value: { verdict: 'none', copy: false, numbered: 10 } };
    const r = await ask();
    expect(r).toMatchObject({ said: '本页列有 10 个编号事项，但未写明牵头单位或责任单位，不是任务分解通知，督办不在此添加批注。', role: 'alert' });
    expect(r.recognised).not.toHaveBeenCalled();
  });

  it('says a copy was recognised, and refreshes the summary', async () => {
    answer = { ok: true, value: { verdict: 'notice', copy: true } };
    const r = await ask();
    expect(r).toMatchObject({ said: '已识别本页的通知（副本）。', role: 'status' });
    expect(r.recognised).toHaveBeenCalledOnce();
  });

  it('says a cover page’s list is in its attachments, and opens the one chosen in the viewer', async () => {
    const cover = { url: 'http://www.zhonglou.gov.cn/art/2021/3/18/art_1229_3251.html', title: '关于印发分解表的通知', docNo: '常钟政办〔2021〕3号' };
    const attachments = [
      { url: 'http://www.zhonglou.gov.cn/module/download/downfile.jsp?filename=a.xlsx', title: '1.分解表', kind: 'sheet' as const, cover },
      { url: 'http://www.zhonglou.gov.cn/uploadfile/b.pdf', title: '2.民生实事', kind: 'pdf' as const, cover },
    ];
    answer = { ok: true, value: { verdict: 'cover', copy: false, attachments } };
    opened.length = 0;
    const r = await ask();
    expect(r).toMatchObject({ said: '本页是通知的封面，任务清单在 2 个附件中：可在督办的文档查看器中打开。', role: 'status' });
    const items = [...r.root.querySelectorAll('[data-testid="recognise-attachments"] li')];
    expect(items.map((li) => li.textContent)).toEqual(['在督办中打开 1.分解表', '在督办中打开 2.民生实事']);
    items[1].querySelector('button')!.dispatchEvent(new r.Event('click'));
    await settle();
    expect(opened).toEqual([attachments[1]]);
    expect(r.recognised).not.toHaveBeenCalled();
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
