import { useEffect, useRef, useState } from 'preact/hooks';
import type { HistoryEntry } from '../lib/annotation/model';
import { MAX_NOTE_LENGTH, type ItemStatus } from '../lib/annotation/status';
import { timeProgress } from '../lib/annotation/schedule';
import { noticeLabel, rowOverdue, type OverviewRow } from '../lib/followup/overview';
import { itemUrl, type SnoozeChoice } from '../lib/followup/reminders';
import { FollowUpInput } from './FollowUpInput';
import { HistoryTimeline } from './HistoryTimeline';
import { OverviewStatusSelect } from './OverviewStatusSelect';
import { ZhEn } from './ZhEn';

export interface OverviewDetailsProps {
  row: OverviewRow;
  history: readonly HistoryEntry[] | null;
  today: string;
  onStatus(status: ItemStatus): void;
  onFollowUp(day: string | null): void;
  onSnooze(choice: SnoozeChoice): void;
  onNote(note: string): void;
  onProgress(progress: number | null): void;
  onClose(): void;
}

/** One item in full: text, units, editable status / progress / follow-up / note, and its history. */
export function OverviewDetails({ row, history, today, ...on }: OverviewDetailsProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [note, setNote] = useState(row.note);
  const [progress, setProgress] = useState(row.progress === undefined ? '' : String(row.progress));
  useEffect(() => heading.current?.focus(), [row.id]);
  useEffect(() => setNote(row.note), [row.id, row.note]);
  useEffect(() => setProgress(row.progress === undefined ? '' : String(row.progress)), [row.id, row.progress]);

  const expected = row.year ? Math.round(timeProgress(today, row.year)) : undefined;
  const commitProgress = () => {
    const n = progress.trim() === '' ? null : Math.max(0, Math.min(100, Number(progress)));
    if (n !== null && Number.isNaN(n)) return;
    if ((n ?? undefined) !== row.progress) on.onProgress(n);
  };
  const id = (s: string) => `details-${s}`;

  return (
    <aside class="details no-print" aria-labelledby={id('title')}>
      <header>
        <h2 id={id('title')} tabIndex={-1} ref={heading}>
          第 {row.itemNo} 项{' '}
          <span class="en" lang="en">
            Item {row.itemNo}
          </span>
        </h2>
        <button type="button" class="close" aria-label="关闭 Close" onClick={on.onClose}>
          ×
        </button>
      </header>
      <p class="meta">
        <span title={row.noticeTitle}>{noticeLabel(row)}</span>
        {row.leader && <span>{row.leader}</span>}
      </p>
      <p class="item-text">{row.text || '原文中已无此项 / the notice no longer has this item'}</p>
      {row.units.length > 0 && (
        <p class="units">
          <ZhEn zh="牵头单位：" en="Lead units:" /> {row.units.join('、')}
        </p>
      )}
      {row.url && (
        <p>
          <a href={itemUrl(row.url, row.itemNo)} target="_blank" rel="noopener noreferrer">
            <ZhEn zh="在原文中查看" en="Open on the page" />
          </a>
        </p>
      )}

      <div class="field">
        <label for={id('status')}>
          <ZhEn zh="状态" en="Status" />
        </label>
        <OverviewStatusSelect id={id('status')} value={row.status} label="状态 Status" onChange={on.onStatus} />
      </div>

      <div class="field">
        <label for={id('progress')}>
          <ZhEn zh="进度 %" en="Progress %" />
        </label>
        <input
          id={id('progress')}
          type="number"
          min={0}
          max={100}
          step={1}
          value={progress}
          onInput={(e) => setProgress(e.currentTarget.value)}
          onBlur={commitProgress}
          onKeyDown={(e) => e.key === 'Enter' && commitProgress()}
        />
        {expected !== undefined && <span class="muted">序时进度 {expected}% / time elapsed</span>}
      </div>

      <fieldset class="field follow">
        <legend>
          <ZhEn zh="跟进日期" en="Follow-up" />
        </legend>
        <FollowUpInput id={id('followup')} value={row.followUp} label="跟进日期 Follow-up day" onCommit={on.onFollowUp} />
        {rowOverdue(row, today) && <span class="tag overdue">逾期 overdue</span>}
        <div class="buttons">
          <button type="button" onClick={() => on.onSnooze('tomorrow')}>
            <ZhEn zh="明天再提醒" en="Tomorrow" />
          </button>
          <button type="button" onClick={() => on.onSnooze('next_week')}>
            <ZhEn zh="下周再提醒" en="Next week" />
          </button>
          <button type="button" disabled={!row.followUp} onClick={() => on.onFollowUp(null)}>
            <ZhEn zh="已跟进" en="Done" />
          </button>
        </div>
      </fieldset>

      <div class="field note">
        <label for={id('note')}>
          <ZhEn zh="备注" en="Note" />
        </label>
        <textarea
          id={id('note')}
          rows={5}
          maxLength={MAX_NOTE_LENGTH}
          value={note}
          onInput={(e) => setNote(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) on.onNote(note);
          }}
        />
        <button type="button" disabled={note === row.note} onClick={() => on.onNote(note)}>
          <ZhEn zh="保存备注" en="Save note" />
        </button>
      </div>

      <section aria-labelledby={id('history')}>
        <h3 id={id('history')}>
          <ZhEn zh="变更记录" en="History" />
        </h3>
        <HistoryTimeline entries={history} />
      </section>
    </aside>
  );
}
