import type { ComponentChildren } from 'preact';
import type { Capped, SummaryItem } from '../lib/summary/summary';

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
        <li key={e.itemNo}>
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
            <span class="no">第 {e.itemNo} 项</span>
            <span class="text">{e.text || `Item ${e.itemNo}`}</span>
          </a>
          <span class="detail">{detail(e)}</span>
          {e.note && <span class="note">{e.note}</span>}
        </li>
      ))}
      {list.more > 0 && (
        <li class="more">
          还有 {list.more} 项
          <span class="en" lang="en">
            and {list.more} more (see the overview)
          </span>
        </li>
      )}
    </ul>
  );
}
