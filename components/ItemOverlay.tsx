import type { EditableFields, ItemView } from '../lib/annotation/item-store';
import type { HistoryEntry } from '../lib/annotation/model';
import type { NoticeItem } from '../lib/notice/types';
import type { Result } from '../lib/protocol';
import { TEXT } from '../lib/overlay-text';
import { FollowUpDate } from './FollowUpDate';
import { ItemHistory } from './ItemHistory';
import { LeadUnitTags } from './LeadUnitTags';
import { NoteEditor } from './NoteEditor';
import { ProgressInput } from './ProgressInput';
import { StatusBadge } from './StatusBadge';

export interface ItemHandlers {
  /** An edit; `debounce` for typing. */
  onEdit: (fields: Partial<EditableFields>, debounce?: boolean) => void;
  /** A field saved while typing (status, note, follow-up day) lost focus: save now. */
  onBlur: () => void;
  loadHistory: () => Promise<Result<HistoryEntry[]>>;
}

interface Props extends ItemHandlers {
  item: NoticeItem;
  view: ItemView;
  today: string;
  /** 序时进度 in percent. */
  expected: number;
}

/** The row under one item: lead units, status, progress, follow-up day, history and the note. */
export function ItemOverlay({ item, view, today, expected, onEdit, onBlur, loadHistory }: Props) {
  return (
    <section class="overlay" data-status={view.status} role="group" aria-label={TEXT.item(item.itemNo)}>
      {view.textChanged && (
        <p class="changed" role="note" title={TEXT.textChangedHint}>
          <strong>⚠ {TEXT.textChanged}</strong> <span>{TEXT.textChangedHint}</span>
        </p>
      )}
      <div class="row">
        <LeadUnitTags units={item.units} />
        <StatusBadge value={view.status} onChange={(status) => onEdit({ status }, true)} onBlur={onBlur} />
        <ProgressInput value={view.progress} expected={expected} onChange={(progress) => onEdit({ progress })} />
        <FollowUpDate
          value={view.followUp}
          today={today}
          settled={view.status === 'done'}
          onChange={(followUp) => onEdit({ followUp }, true)}
          onBlur={onBlur}
        />
        <ItemHistory itemNo={item.itemNo} load={loadHistory} />
        <NoteEditor value={view.note} save={view.save} onInput={(note) => onEdit({ note }, true)} onBlur={onBlur} />
      </div>
    </section>
  );
}
