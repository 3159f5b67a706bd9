import { Component } from 'preact';
import { authorLabel, noteWriter, type AuthorDirectory } from '../lib/annotation/author';
import { colleagueNoteLines } from '../lib/annotation/note-copies';
import type { ItemStatus } from '../lib/annotation/status';
import { deadlineOverdue, noticeColumnLabel, rowOverdue, type OverviewRow } from '../lib/followup/overview';
import { shortText } from '../lib/followup/text';
import { FollowUpInput } from './FollowUpInput';
import { OverviewStatusSelect } from './OverviewStatusSelect';
import { itemLabel, numbers, t } from '../utils/i18n';

const TEXT_CHARS = 60;
const NOTE_CHARS = 40;

/** What a row can ask of its table; one object for the table's life, so rows need not re-render. */
export interface RowActions {
  keyDown(e: KeyboardEvent, index: number, row: OverviewRow): void;
  focus(index: number): void;
  open(index: number, row: OverviewRow): void;
  status(row: OverviewRow, status: ItemStatus): void;
  followUp(row: OverviewRow, day: string | null): void;
}

export interface OverviewTableRowProps {
  row: OverviewRow;
  index: number;
  active: boolean;
  open: boolean;
  today: string;
  showNotice: boolean;
  showDeadline: boolean;
  /** Names the row's 填报人; a new directory (an author renamed, a colleague imported) redraws the rows. */
  authors: AuthorDirectory;
  /** Printing: the item's whole text and note, which the page breaks over lines (on screen, a row is one line). */
  full: boolean;
  actions: RowActions;
}

/**
 * One item of the overview table. Re-renders only when its own data or state changes: a
 * keystroke in the search box re-renders the rows that newly come into view, not all of them.
 */
export class OverviewTableRow extends Component<OverviewTableRowProps> {
  override shouldComponentUpdate(next: OverviewTableRowProps): boolean {
    const p = this.props;
    return (
      next.row !== p.row ||
      next.index !== p.index ||
      next.active !== p.active ||
      next.open !== p.open ||
      next.today !== p.today ||
      next.showNotice !== p.showNotice ||
      next.showDeadline !== p.showDeadline ||
      next.authors !== p.authors ||
      next.full !== p.full
    );
  }

  override render({ row, index, active, open, today, showNotice, showDeadline, authors, full, actions }: OverviewTableRowProps) {
    const writer = authorLabel(noteWriter(row, authors));
    const colleagues = colleagueNoteLines(row.noteCopies);
    const overdue = rowOverdue(row, today);
    const late = deadlineOverdue(row, today);
    return (
      <tr
        data-index={index}
        data-item={row.itemKey}
        data-notice={row.noticeKey}
        data-no-update={row.noUpdate ? '' : undefined}
        aria-rowindex={index + 2}
        aria-selected={open}
        tabIndex={active ? 0 : -1}
        class={`${active ? 'active' : ''} ${open ? 'open' : ''}`}
        onKeyDown={(e) => actions.keyDown(e, index, row)}
        onFocus={(e) => {
          if (e.target === e.currentTarget && !active) actions.focus(index);
        }}
        onClick={(e) => {
          if ((e.target as Element).closest('select, input, button, a')) return;
          actions.open(index, row);
        }}
      >
        {showNotice && (
          <td class="c-notice" title={row.noticeTitle}>
            <div class="notice-name">{noticeColumnLabel(row)}</div>
          </td>
        )}
        <td class="c-no">{itemLabel(row.itemKey)}</td>
        <td class="c-leader">{row.leader || '—'}</td>
        <td class="c-text" title={row.text}>
          {/* Two lines of the item's words on screen (the row's height), cut at the second's end. */}
          {row.text ? <div class="item-text">{full ? row.text : shortText(row.text, TEXT_CHARS)}</div> : <em>{t('overview.notOnPage')}</em>}
        </td>
        <td class="c-unit" title={numbers(row.units)}>
          {/* An item none leads (分别负责): its units plain, working with no one. */}
          {numbers(row.leadUnits.length ? row.leadUnits : row.coUnits) || '—'}
          {row.leadUnits.length > 0 && row.coUnits.length > 0 && <span class="co-units">{t('overview.coUnits', { units: numbers(row.coUnits) })}</span>}
        </td>
        {showDeadline && (
          <td class={`c-deadline ${late ? 'overdue' : ''}`} title={late ? `${row.deadline} · ${t('overview.pastDeadlineTitle', { day: row.deadlineDay! })}` : row.deadline}>
            {row.deadline ?? ''}
            {late && <span class="tag overdue">{t('overview.pastDeadline')}</span>}
          </td>
        )}
        <td class="c-status">
          <div class="in-cell">
            <OverviewStatusSelect
              value={row.status}
              label={t('overview.statusOf', { itemKey: itemLabel(row.itemKey) })}
              onChange={(s) => actions.status(row, s)}
            />
            {row.noUpdate && <span class="tag no-update" title={t('meetingReport.noUpdate')}>{t('overview.noUpdate')}</span>}
          </div>
        </td>
        <td class="c-note" title={[row.note, ...colleagues].filter(Boolean).join('\n')}>
          {full ? row.note : shortText(row.note.replace(/\s+/g, ' '), NOTE_CHARS)}
          {/* Colleagues' notes (imported, each named): all of them in print; on screen only where the item has no note of its own. */}
          {colleagues.length > 0 && (full || !row.note) && (
            <span class={row.note ? 'colleague-notes below' : 'colleague-notes'}>{full ? colleagues.join('\n') : shortText(colleagues.join(' ').replace(/\s+/g, ' '), NOTE_CHARS)}</span>
          )}
        </td>
        <td class="c-author" title={writer}>
          {writer}
        </td>
        <td class={`c-follow ${overdue ? 'overdue' : ''}`}>
          <div class="in-cell">
            <FollowUpInput
              value={row.followUp}
              label={t('overview.followUpOf', { itemKey: itemLabel(row.itemKey) })}
              onCommit={(d) => actions.followUp(row, d)}
            />
            {overdue && <span class="tag overdue">{t('overview.overdue')}</span>}
            {/* Due today (not done): the day's calls, as the notice page's row and the popup mark them. */}
            {!overdue && row.followUp === today && row.status !== 'done' && <span class="tag today">{t('overview.dueToday')}</span>}
          </div>
        </td>
      </tr>
    );
  }
}
