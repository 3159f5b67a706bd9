import { parseHTML } from 'linkedom';
import { render, type ComponentChild } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import type { NoticeRevisions } from '../lib/notice/notice-record';
import { NoticeRevisionBanner } from './NoticeRevisionBanner';

function mount(vnode: ComponentChild) {
  const { document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  const root = document.getElementById('root') as unknown as HTMLElement;
  render(vnode, root);
  return root;
}

const notice: NoticeRevisions = {
  noticeKey: '拱政办发〔2024〕2号',
  docNo: '拱政办发〔2024〕2号',
  title: '关于印发区2024年政府工作报告重点工作责任分解的通知',
  sourceUrl: 'https://www.gongshu.gov.cn/art/2024/3/7/art_1229290402_4246130.html',
  itemCount: 156,
  revisions: [
    { id: 4, origin: 'page', url: 'javascript:alert(1)', firstSeenAt: 0, lastSeenAt: 0, title: 't', itemCount: 3, differs: Array.from({ length: 156 }, (_, i) => String(i + 1)) },
    { id: 2, origin: 'replaced', url: 'https://www.gongshu.gov.cn/art/2024/3/7/old.html', firstSeenAt: 0, lastSeenAt: 0, title: 't', itemCount: 156, differs: ['7'] },
  ],
};

describe('NoticeRevisionBanner', () => {
  it('says how many items differ and accepts the version the user picks', () => {
    const onAccept = vi.fn();
    const root = mount(<NoticeRevisionBanner notices={[notice]} busy={false} onAccept={onAccept} />);
    const rows = [...root.querySelectorAll('[data-testid="notice-revision"]')];
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain('网页上的原文与已保存的不同（156 项）');
    expect(rows[0].textContent).toContain('采用新版本');
    expect(rows[1].textContent).toContain('与现在的不同：1 项');
    expect(rows[1].textContent).toContain('不同的事项：第 7 项');
    expect(rows[0].textContent).toContain('第 1、2、3、4、5、6、7、8、9、10、11、12… 项');
    expect(rows[0].textContent).toContain('此版本 3 项，已保存的 156 项');
    (rows[1].querySelector('button') as HTMLButtonElement).click();
    expect(onAccept).toHaveBeenCalledWith(notice.noticeKey, 2);
  });

  it('links only to web pages, shows nothing without revisions, and waits while an accept runs', () => {
    const root = mount(<NoticeRevisionBanner notices={[notice]} busy onAccept={vi.fn()} />);
    const links = [...root.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['https://www.gongshu.gov.cn/art/2024/3/7/old.html']);
    expect([...root.querySelectorAll('button')].every((b) => b.hasAttribute('disabled'))).toBe(true);
    expect(mount(<NoticeRevisionBanner notices={[]} busy={false} onAccept={vi.fn()} />).innerHTML).toBe('');
  });
});
