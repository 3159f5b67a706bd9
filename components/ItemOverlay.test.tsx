import { parseHTML } from 'linkedom';
import { render, type ComponentChild } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import type { ItemView } from '../lib/annotation/item-store';
import type { NoticeItem } from '../lib/notice/types';
import { ItemOverlay } from './ItemOverlay';
import { NoticeBar } from './NoticeBar';

const XSS = '<img src=x onerror="window.__pwned=1">';

function mount(vnode: ComponentChild) {
  const { document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  const root = document.getElementById('root') as unknown as HTMLElement;
  render(vnode, root);
  return root;
}

const item: NoticeItem = {
  itemNo: 12,
  text: '着力扩大有效益的投资,实现固定资产投资740亿元以上。',
  section: 2,
  units: [
    { name: '区发改经信局', lead: true },
    { name: '区财政局', lead: false },
  ],
  fingerprint: 'f12',
};

const view = (over: Partial<ItemView> = {}): ItemView => ({
  itemNo: 12,
  status: 'in_progress',
  note: '',
  save: { state: 'idle', attempts: 0 },
  textChanged: false,
  ...over,
});

const handlers = () => ({ onEdit: vi.fn(), onBlur: vi.fn(), loadHistory: vi.fn() });

describe('ItemOverlay', () => {
  it('tags the lead unit, shows status, progress against 序时进度, an overdue day and the note as text', () => {
    const root = mount(
      <ItemOverlay
        item={item}
        view={view({ note: XSS, followUp: '2024-03-01', progress: 20, save: { state: 'saved', attempts: 0 } })}
        today="2024-06-30"
        expected={49.7}
        {...handlers()}
      />,
    );
    const units = [...root.querySelectorAll('.unit')].map((u) => u.textContent);
    expect(units).toEqual(['牵头/汇总区发改经信局', '区财政局']);
    expect(root.querySelector('select')?.getAttribute('aria-label')).toBe('状态 Status');
    expect(root.querySelector('.progress')?.className).toContain('g-behind');
    expect(root.querySelector('.expected')?.textContent).toBe('序时 50%');
    expect(root.querySelector('.followup .flag')?.textContent).toBe('已逾期 Overdue');
    expect((root.querySelector('textarea') as unknown as HTMLTextAreaElement).value).toBe(XSS);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('.save')?.textContent).toBe('已保存 Saved');
  });

  it('marks slightly behind in yellow, a done item never overdue, and says when the text changed', () => {
    const root = mount(
      <ItemOverlay
        item={item}
        view={view({ status: 'done', followUp: '2024-03-01', progress: 45, textChanged: true })}
        today="2024-06-30"
        expected={49.7}
        {...handlers()}
      />,
    );
    expect(root.querySelector('.progress')?.className).toContain('g-slightly_behind');
    expect(root.querySelector('.followup .flag')).toBeNull();
    expect(root.querySelector('.changed')?.textContent).toContain('原文已更改 Text changed since this note');
  });

  it('says a failed save keeps the text', () => {
    const root = mount(
      <ItemOverlay item={item} view={view({ note: '草稿', save: { state: 'failed', error: 'down', attempts: 2 } })} today="2024-06-30" expected={50} {...handlers()} />,
    );
    expect(root.querySelector('.save')?.textContent).toBe('保存失败 Failed');
    expect(root.querySelector('.save')?.getAttribute('title')).toContain('内容已保留');
  });
});

describe('NoticeBar', () => {
  const props = {
    total: 156,
    shown: 156,
    counts: { not_started: 150, in_progress: 3, done: 2, behind: 1, paused: 0 },
    overdue: 1,
    changed: 0,
    units: [{ name: '区发改经信局', count: 40 }],
    filter: { status: '' as const, unit: '' },
    onFilter: vi.fn(),
    onJump: vi.fn(() => true),
  };

  it('counts by status and lists orphans as text', () => {
    const root = mount(
      <NoticeBar
        {...props}
        orphans={[{ noticeKey: 'k', itemNo: 200, status: 'behind', note: XSS, fingerprint: 'x', createdAt: 1, updatedAt: 1 }]}
      />,
    );
    expect(root.querySelector('.chip.s-done')?.textContent).toBe('已完成 Done 2');
    expect(root.querySelector('.orphans summary')?.textContent).toBe('孤立批注 Orphaned notes (1)');
    expect(root.querySelector('.orphans li')?.textContent).toContain(XSS);
    expect(root.querySelector('img')).toBeNull();
  });

  it('has no orphan list when there are none', () => {
    const root = mount(<NoticeBar {...props} orphans={[]} />);
    expect(root.querySelector('.orphans')).toBeNull();
    expect(root.querySelectorAll('.chip')).toHaveLength(5);
  });
});
