import type { ItemView } from '../lib/annotation/item-store';
import { notePreview } from '../lib/annotation/note-preview';
import { followUpState, itemGrade } from '../lib/annotation/schedule';
import type { NoticeItem } from '../lib/notice/types';
import { itemLabel, statusText, t, uiLang } from '../utils/i18n';
import { LeadUnitTags } from './LeadUnitTags';

interface Props {
  item: NoticeItem;
  view: ItemView;
  today: string;
  /** 序时进度 in percent. */
  expected: number;
  /** Opens duban's editor frame at this item. */
  onOpen(): void;
  /** The row is not right under its item (after a table's rows sharing a cell): it names the item. */
  showKey?: boolean;
}

/** The units and deadline in full, for the row's cut-to-fit cell (the page's own words, not the user's). */
const whoTitle = (item: NoticeItem) =>
  [...item.units.map((u) => u.name), item.deadline].filter(Boolean).join(' · ') || undefined;

/**
 * The one-line row under an item on the notice page. What the user wrote never becomes a text
 * node here (a page script can find text in a closed shadow root with window.find): every value
 * of the annotation (status, progress, day, note) is in a data-label attribute that CSS shows as
 * generated content, which the page cannot search or select. Editing happens in duban's frame.
 * `lang`: the row speaks duban's language, whatever the page's.
 */
export function ItemRow({ item, view, today, expected, onOpen, showKey }: Props) {
  const grade = itemGrade(view, expected);
  const due = view.followUp && view.status !== 'done' ? followUpState(view.followUp, today) : undefined;
  // (The page has only this preview of the note: lib/annotation/note-preview.ts.)
  const note = notePreview(view.note);
  // Colleagues' notes (imported, with their names) apart from conflict copies (this profile's stale saves).
  const colleagues = view.stored?.noteCopies?.filter((c) => c.kind === 'colleague').length ?? 0;
  const conflicts = (view.stored?.noteCopies?.length ?? 0) - colleagues;
  const dueWord = due === 'overdue' ? ` · ${t('row.overdue')}` : due === 'today' ? ` · ${t('row.dueToday')}` : '';
  return (
    <section class="overlay" lang={uiLang()} data-status={view.status} role="group" aria-label={t('row.item', { itemKey: itemLabel(item.key) })}>
      {/* Same columns in every row, one line: who answers (the units that fit, each whole, and how many did not; all in its title), then the user's. */}
      <span class="who" title={whoTitle(item)}>
        {showKey && <span class="key" data-label={itemLabel(item.key)} title={t('row.item', { itemKey: itemLabel(item.key) })} />}
        <LeadUnitTags units={item.units} />
        {/* How many units did not fit (+2): counted after layout by the row's mount (mount.tsx countHiddenUnits). */}
        {item.units.length > 1 && <span class="more" />}
        {item.deadline && <span class="deadline" data-label={t('row.deadline', { deadline: item.deadline })} />}
      </span>
      <span class="slot"><span class={`status s-${view.status}`} data-label={statusText(view.status)} /></span>
      <span class="slot">
        {view.progress !== undefined && (
          <span class={`progress g-${grade}`} data-label={t('row.progress', { progress: view.progress, expected: Math.round(expected) })} />
        )}
      </span>
      <span class="slot">
        {view.followUp && (
          <span class={`followup${due ? ` fu-${due}` : ''}`} data-label={`${t('row.followUp', { day: view.followUp })}${dueWord}`} />
        )}
      </span>
      <span class="note-cell">
        {view.textChanged && <span class="changed" data-label={`⚠ ${t('row.textChanged')}`} title={t('row.textChangedHint')} />}
        {conflicts > 0 && <span class="changed copies" data-label={t('row.copies', conflicts)} />}
        {colleagues > 0 && <span class="colleagues" data-label={t('authors.rowColleagues', colleagues)} />}
        <span class="note" data-label={note} onClick={onOpen} />
      </span>
      <button type="button" class="edit" aria-haspopup="dialog" onClick={onOpen}>
        {t('row.edit')}
      </button>
    </section>
  );
}
