import { useState } from 'preact/hooks';
import { describeChange, formatInstant, newestFirst } from '../lib/annotation/history';
import type { HistoryEntry } from '../lib/annotation/model';
import type { Result } from '../lib/protocol';
import { TEXT } from '../lib/overlay-text';

type Shown = { state: 'closed' } | { state: 'loading' } | { state: 'failed' } | { state: 'open'; entries: HistoryEntry[] };

interface Props {
  itemNo: number;
  /** Fetches the item's timeline, oldest first; asked again each time the panel opens. */
  load: () => Promise<Result<HistoryEntry[]>>;
}

/** A "history" button and, when open, the item's changes newest first: status from → to, note edited, date set. */
export function ItemHistory({ itemNo, load }: Props) {
  const [shown, setShown] = useState<Shown>({ state: 'closed' });
  const open = shown.state !== 'closed';
  const panelId = `history-${itemNo}`;

  const toggle = async () => {
    if (open) return setShown({ state: 'closed' });
    setShown({ state: 'loading' });
    try {
      const r = await load();
      setShown(r.ok ? { state: 'open', entries: r.value } : { state: 'failed' });
    } catch {
      setShown({ state: 'failed' });
    }
  };

  return (
    <>
      <button type="button" class="history-btn" aria-expanded={open} aria-controls={panelId} onClick={toggle}>
        {TEXT.history}
      </button>
      {open && (
        <div class="history" id={panelId} role="region" aria-label={TEXT.historyTitle(itemNo)}>
          {shown.state === 'loading' && <p>{TEXT.historyLoading}</p>}
          {shown.state === 'failed' && <p class="error">{TEXT.historyFailed}</p>}
          {shown.state === 'open' &&
            (shown.entries.length ? (
              <ol>
                {newestFirst(shown.entries).map((e, i) => {
                  const change = describeChange(e);
                  return (
                    <li key={e.id ?? i} data-field={e.field}>
                      <time>{formatInstant(e.at)}</time> {change.zh} <span lang="en">{change.en}</span>
                    </li>
                  );
                })}
              </ol>
            ) : (
              <p>{TEXT.historyEmpty}</p>
            ))}
        </div>
      )}
    </>
  );
}
