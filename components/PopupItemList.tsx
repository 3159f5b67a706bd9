import type { ComponentChildren } from 'preact';
import type { Capped, SummaryItem } from '../lib/summary/summary';
import { t } from '../utils/i18n';

interface Props<T extends SummaryItem> {
  list: Capped<T>;
  /** What to say about one entry after its number (follow-up day, progress…). */
  detail: (entry: T) => ComponentChildren;
  /** Opens the notice at the item; the link's href works without it (new tab). */
  onOpen: (href: string) => void;
}

/** Items of a notice as links that open the page scrolled to the item (popup). */
export function PopupItemList<T extends SummaryItem>({ list, detail, onOpen }: Props<T>) {
  return (
    <ul class="items">
      {list.entries.map((e) => (
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
            <span class="no">{t('summary.itemKey', { itemKey: e.itemKey })}</span>
            <span class="text">{e.text}</span>
          </a>
          <span class="detail">{detail(e)}</span>
          {e.note && <span class="note">{e.note}</span>}
        </li>
      ))}
      {list.more > 0 && (
        <li class="more">{t('summary.more', list.more)}</li>
      )}
    </ul>
  );
}
