import { parseHTML } from 'linkedom';
import { render, type ComponentChild } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ItemView } from '../lib/annotation/item-store';
import type { NoticeItem } from '../lib/notice/types';
import { ItemEditor } from './ItemEditor';
import { ItemRow } from './ItemRow';
import { NoticeBar } from './NoticeBar';
import { OrphanNotes } from './OrphanNotes';
import { useLocale } from '../tests/unit/i18n';

const XSS = '<img src=x onerror="window.__pwned=1">';

function mount(vnode: ComponentChild) {
  const { document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  const root = document.getElementById('root') as unknown as HTMLElement;
  render(vnode, root);
  return root;
}

/** Every text node under `root`: what window.find() and a selection could reach in the page. */
function textNodes(root: HTMLElement): string {
  const out: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === 3) out.push(n.nodeValue ?? '');
    n.childNodes.forEach(walk);
  };
  walk(root);
  return out.join('|');
}

const label = (root: HTMLElement, sel: string) => root.querySelector(sel)?.getAttribute('data-label');

const item: NoticeItem = {
  key: '12',
  number: 12,
  text: '着力扩大有效益的投资,实现固定资产投资740亿元以上。',
  section: 2,
  units: [
    { name: '区发改经信局', lead: true },
    { name: '区财政局', lead: false },
  ],
  fingerprint: 'f12',
};

const view = (over: Partial<ItemView> = {}): ItemView => ({
  itemKey: '12',
  status: 'in_progress',
  note: '',
  save: { state: 'idle', attempts: 0 },
  textChanged: false,
  ...over,
});

describe('ItemRow (the row on the page)', () => {
  it('shows status, progress against 序时进度, an overdue day and the note only as generated content', () => {
    const onOpen = vi.fn();
    const root = mount(
      <ItemRow
        item={item}
        view={view({ note: `机密 ${XSS}\n第二行`, followUp: '2024-03-01', progress: 20, save: { state: 'saved', attempts: 0 } })}
        today="2024-06-30"
        expected={49.7}
        onOpen={onOpen}
      />,
    );
    const units = [...root.querySelectorAll('.unit')].map((u) => u.textContent);
    expect(units).toEqual(['牵头/汇总区发改经信局', '区财政局']);
    expect(label(root, '.status')).toBe('推进中');
    expect(root.querySelector('.progress')?.className).toContain('g-behind');
    expect(label(root, '.progress')).toBe('进度 20% / 序时 50%');
    expect(label(root, '.followup')).toBe('跟进 2024-03-01 · 已逾期');
    expect(label(root, '.note')).toBe(`机密 ${XSS} 第二行`);
    expect(root.querySelector('img')).toBeNull();
    // Nothing the user wrote or chose is a text node: the page can search text nodes, not attributes' generated content.
    const text = textNodes(root);
    for (const secret of ['机密', '20%', '2024-03-01', '推进中', '逾期']) expect(text).not.toContain(secret);
    (root.querySelector('button.edit') as unknown as HTMLButtonElement).click();
    expect(onOpen).toHaveBeenCalledTimes(1);
  });

  it('marks lead units 牵头 and co units 配合, and shows the notice’s deadline', () => {
    const richer: NoticeItem = {
      ...item,
      units: [
        { name: '区发改经信局', lead: true, role: 'lead' },
        { name: '区财政局', lead: false, role: 'co' },
      ],
      deadline: '2024年6月底前',
    };
    const root = mount(<ItemRow item={richer} view={view()} today="2024-06-30" expected={49.7} onOpen={vi.fn()} />);
    expect([...root.querySelectorAll('.unit')].map((u) => u.textContent)).toEqual(['牵头/汇总区发改经信局', '配合区财政局']);
    expect(root.querySelector('.unit.co')?.getAttribute('title')).toBe('配合单位');
    expect(label(root, '.deadline')).toBe('时限 2024年6月底前');
    // Units answering for an item none leads (分别负责, 责任单位 alone): nobody they work with, so no 配合 mark.
    const answering: NoticeItem = { ...item, units: [{ name: '区发改局', lead: false, role: 'co' }, { name: '区统计局', lead: false, role: 'co' }] };
    const none = mount(<ItemRow item={answering} view={view()} today="2024-06-30" expected={49.7} onOpen={vi.fn()} />);
    expect([...none.querySelectorAll('.unit')].map((u) => u.textContent)).toEqual(['区发改局', '区统计局']);
    expect(none.querySelector('.co-mark')).toBeNull();
    // The old reading (no roles): only the lead is marked, no deadline shown.
    const plain = mount(<ItemRow item={item} view={view()} today="2024-06-30" expected={49.7} onOpen={vi.fn()} />);
    expect(plain.querySelector('.co-mark')).toBeNull();
    expect(plain.querySelector('.deadline')).toBeNull();
  });

  it('marks slightly behind, a done item never overdue nor behind, and says when the text changed', () => {
    const open = mount(<ItemRow item={item} view={view({ status: 'in_progress', progress: 45 })} today="2024-06-30" expected={49.7} onOpen={vi.fn()} />);
    expect(open.querySelector('.progress')?.className).toContain('g-slightly_behind');
    const root = mount(
      <ItemRow item={item} view={view({ status: 'done', followUp: '2024-03-01', progress: 45, textChanged: true })} today="2024-06-30" expected={49.7} onOpen={vi.fn()} />,
    );
    expect(root.querySelector('.progress')?.className).not.toMatch(/g-(slightly_)?behind/);
    expect(label(root, '.followup')).toBe('跟进 2024-03-01');
    expect(label(root, '.changed')).toContain('原文已更改');
  });
});

describe('ItemEditor (in duban’s frame and the overview)', () => {
  it('shows the note as the field’s value, never as markup, and the save state', () => {
    const root = mount(
      <ItemEditor view={view({ note: XSS, save: { state: 'failed', error: 'down', attempts: 2 } })} today="2024-06-30" expected={50} onEdit={vi.fn()} onLeave={vi.fn()} />,
    );
    expect((root.querySelector('textarea') as unknown as HTMLTextAreaElement).value).toBe(XSS);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('.save')?.textContent).toContain('保存失败');
    expect(root.querySelector('.save')?.textContent).toContain('内容已保留');
  });
});

const barProps = {
  total: 156,
  shown: 156,
  counts: { not_started: 150, in_progress: 3, done: 2, behind: 1, paused: 0 },
  noUpdate: 148,
  overdue: 1,
  changed: 0,
  units: [{ name: '区发改经信局', count: 40 }],
  filter: { status: '' as const, unit: '' },
  onFilter: vi.fn(),
  onJump: vi.fn(() => true),
  onOrphans: vi.fn(),
  orphans: 0,
};

describe('NoticeBar', () => {
  const props = barProps;

  it('counts by status as generated content and offers the orphaned notes', () => {
    const root = mount(<NoticeBar {...props} orphans={1} />);
    expect(root.querySelector('.chip.s-done')?.textContent?.trim()).toBe('已完成');
    expect(label(root, '.chip.s-done b')).toBe('2');
    expect(label(root, '.orphans')).toBe('孤立批注（1）');
    (root.querySelector('.orphans') as unknown as HTMLButtonElement).click();
    expect(props.onOrphans).toHaveBeenCalled();
  });

  it('asks for a text keyboard in the jump box: keys such as 二、3. are not numbers', () => {
    const box = mount(<NoticeBar {...props} orphans={0} />).querySelector('form.jump input')!;
    // linkedom keeps the attribute's name as Preact writes it (inputMode); a browser lower-cases it.
    const mode = [...box.attributes].find((a) => a.name.toLowerCase() === 'inputmode')?.value;
    expect(mode ?? 'text').toBe('text');
  });

  it('has no orphan button when there are none', () => {
    const root = mount(<NoticeBar {...props} orphans={0} />);
    expect(root.querySelector('.orphans')).toBeNull();
    expect(root.querySelectorAll('.chip')).toHaveLength(5);
  });
});

describe('OrphanNotes (in duban’s frame)', () => {
  it('lists notes whose item is gone, as text', () => {
    const root = mount(<OrphanNotes orphans={[{ noticeKey: 'k', itemKey: '200', status: 'behind', note: XSS, fingerprint: 'x', createdAt: 1, updatedAt: 1 }]} />);
    expect(root.querySelector('li')?.textContent).toContain(XSS);
    expect(root.querySelector('img')).toBeNull();
  });
});

describe('one language at a time, the browser’s', () => {
  afterEach(() => useLocale('zh_CN'));
  const noCjk = (s: string | null | undefined) => expect(s ?? '').not.toMatch(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/);
  const english = { ...item, units: [] };

  it('words the row and the bar in zh_CN by default, marked lang="zh-CN"', () => {
    const row = mount(<ItemRow item={item} view={view({ progress: 20, followUp: '2024-03-01' })} today="2024-06-30" expected={50} onOpen={vi.fn()} />);
    expect(row.querySelector('section')?.getAttribute('lang')).toBe('zh-CN');
    expect(row.querySelector('button.edit')?.textContent).toBe('编辑');
    expect(row.querySelector('section')?.getAttribute('aria-label')).toBe('事项 12 督办');
    const bar = mount(<NoticeBar {...barProps} />);
    expect(bar.querySelector('.bar')?.getAttribute('lang')).toBe('zh-CN');
    expect(label(bar, '.total')).toBe('156 项');
    expect(label(bar, '.warn')).toBe('逾期 1');
  });

  it('words them in English when that is the browser’s language, and nothing else', () => {
    useLocale('en');
    const row = mount(
      <ItemRow item={english} view={view({ progress: 20, followUp: '2024-03-01', textChanged: true })} today="2024-06-30" expected={50} onOpen={vi.fn()} />,
    );
    expect(row.querySelector('section')?.getAttribute('lang')).toBe('en');
    expect(label(row, '.status')).toBe('In progress');
    expect(label(row, '.progress')).toBe('Progress 20% / expected 50%');
    expect(label(row, '.followup')).toBe('Follow-up 2024-03-01 · Overdue');
    expect(row.querySelector('button.edit')?.textContent).toBe('Edit');
    for (const el of row.querySelectorAll('[data-label], [aria-label], [title], button')) {
      noCjk(el.getAttribute('data-label'));
      noCjk(el.getAttribute('aria-label'));
      noCjk(el.getAttribute('title'));
    }
    noCjk(row.textContent);
    const bar = mount(<NoticeBar {...barProps} units={[]} />);
    expect(bar.querySelector('.bar')?.getAttribute('lang')).toBe('en');
    noCjk(bar.textContent);
    expect(label(bar, '.total')).toBe('156 items');
    expect(label(mount(<NoticeBar {...barProps} total={1} shown={1} />), '.total')).toBe('1 item');
  });
});
