/**
 * The words of the overlay on the official page, zh_CN first with English next to it. Plain
 * constants: the content script stays small and the page's language never changes them.
 */
import type { ProgressGrade } from './annotation/schedule';
import type { SaveState } from './annotation/save-queue';
import { STATUS_LABELS, type ItemStatus } from './annotation/status';

export const statusText = (s: ItemStatus) => `${STATUS_LABELS[s].zh} ${STATUS_LABELS[s].en}`;

export const TEXT = {
  item: (n: number) => `事项 ${n} 督办 Item ${n} follow-up`,
  units: '牵头单位 Lead units',
  leadMark: '牵头/汇总',
  leadTitle: '牵头或汇总单位 Lead or collecting unit',
  status: '状态 Status',
  note: '备注 Note',
  notePlaceholder: '备注… Note…',
  noteHint: '边写边自动保存 Saved as you type',
  save: {
    idle: '',
    unsaved: '未保存 Unsaved',
    saving: '保存中 Saving…',
    saved: '已保存 Saved',
    failed: '保存失败 Failed',
  } satisfies Record<SaveState, string>,
  retrying: '稍后重试，内容已保留 Retrying; your text is kept',
  followUp: '跟进 Follow-up',
  followUpLabel: '跟进日期 Follow-up date',
  overdue: '已逾期 Overdue',
  dueToday: '今日跟进 Due today',
  progress: '进度 Progress',
  progressLabel: '完成进度（%） Progress (%)',
  expected: (p: number) => `序时 ${p}%`,
  expectedTitle: '序时进度：全年已过时间的比例 Time-proportional progress: share of the year elapsed',
  progressInvalid: '请输入 0–100 Enter 0–100',
  grade: {
    on_track: '',
    slightly_behind: '略低于序时 Slightly behind',
    behind: '落后于序时 Behind schedule',
  } satisfies Record<ProgressGrade, string>,
  history: '历史 History',
  historyTitle: (n: number) => `事项 ${n} 的修改历史 Item ${n} history`,
  historyLoading: '读取中… Loading…',
  historyEmpty: '暂无记录 No changes yet',
  historyFailed: '读取失败 Could not load history',
  textChanged: '原文已更改 Text changed since this note',
  textChangedHint: '以下批注写于旧版原文；再次编辑即关联到当前原文。 This note was written on the earlier text; editing it attaches it to the current text.',
  editor: {
    open: '编辑 Edit',
    close: '关闭（Esc） Close (Esc)',
    failed: '编辑器未能连接 duban，请刷新页面 The editor could not reach duban; reload the page',
    orphans: '不在本页的事项的批注 Notes of items not on this page',
  },
  copies: {
    title: '冲突副本 Conflict copies',
    hint: '另一处同时修改了这条备注；以下文字写于旧版本，已另存为副本。 This note was changed elsewhere meanwhile; the text below, typed on the older version, is kept as a copy.',
    append: '追加到备注 Append to the note',
    dismiss: '忽略 Dismiss',
  },
  bar: {
    title: '督办 duban',
    label: '督办工具栏 duban notice bar',
    items: (n: number) => `${n} 项 items`,
    shown: (n: number, total: number) => `显示 ${n}/${total} Showing`,
    statusFilter: '按状态筛选 Filter by status',
    unit: '单位 Unit',
    allUnits: '全部单位 All units',
    clear: '清除筛选 Clear',
    jump: '跳转 Go to',
    jumpLabel: '跳转到事项编号 Go to item number',
    jumpMissing: (n: string) => `无事项 ${n} No such item`,
    orphans: (n: number) => `孤立批注 Orphaned notes (${n})`,
    orphansHint: '这些事项已不在页面上，批注仍保存着。 These items are no longer on the page; their notes are kept.',
    changed: (n: number) => `原文已更改 ${n} 项 Text changed: ${n}`,
    overdue: (n: number) => `逾期 ${n} Overdue`,
    loadFailed: '未能读取已保存的批注 Could not load saved notes',
  },
} as const;
