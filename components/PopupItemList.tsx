import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Capped, SummaryItem } from '../lib/summary/summary';
import { itemLabel, t } from '../utils/i18n';

interface Props<T extends SummaryItem> {
  list: Capped<T>;
  /** What to say about one entry after its number (follow-up day, progress…). */
  detail: (entry: T) => ComponentChildren;
  /** Opens the notice at the item; the link's href works without it (new tab). */
  onOpen: (href: string) => void;
}

/** Entries shown before 显示全部: the popup is a glance; the first few fill its height. */
export const FIRST_ENTRIES = 5;

/** Items of a notice as links that open the page scrolled to the item (popup). */
export function PopupItemList<T extends SummaryItem>({ list, detail, onOpen }: Props<T>) {
  const [all, setAll] = useState(list.entries.length <= FIRST_ENTRIES + 1);
  const shown = all ? list.entries : list.entries.slice(0, FIRST_ENTRIES);
  return (
    <ul class="items">
      {shown.map((e) => (
        <li key={e.itemKey}>
          <a
            href={e.href}
            target="_blank"
            rel="noreferrer"
            onClick={(ev) => {
              if (ev.button !== 0 || ev.ctrlKey || ev.metaKey || ev.shiftKey) return;
              ev.preventDefault();
              onOpen(e.href);
            }}
          >
            <span class="no">{t('summary.itemKey', { itemKey: itemLabel(e.itemKey) })}</span>
            <span class="text">{e.text}</span>
          </a>
          <span class="detail">{detail(e)}</span>
          {e.note && <span class="note">{e.note}</span>}
        </li>
      ))}
      {!all && (
        <li class="show-all">
          <button type="button" class="link" data-action="show-all" onClick={() => setAll(true)}>
            {t('summary.showAll', list.entries.length - FIRST_ENTRIES)}
          </button>
        </li>
      )}
      {all && list.more > 0 && (
        <li class="more">{t('summary.more', list.more)}</li>
      )}
    </ul>
  );
}
