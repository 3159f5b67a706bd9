import { useState } from 'preact/hooks';
import type { HistoryEntry } from '../lib/annotation/model';
import { describeChange, newestFirst } from '../lib/annotation/history';
import { shanghaiDateTimeOf } from '../lib/annotation/shanghai-time';
import type { Result } from '../lib/protocol';

export type HistoryTimelineProps =
  /** The overview: entries already loaded (null while loading). */
  | { entries: readonly HistoryEntry[] | null }
  /** The page overlay: a disclosure that loads the item's history when opened. */
  | { itemNo: number; load: () => Promise<Result<HistoryEntry[]>> };

/** One item's changes, newest first: status from → to, note edited, follow-up set, … */
export function HistoryTimeline(props: HistoryTimelineProps) {
  if ('load' in props) return <LoadedOnOpen itemNo={props.itemNo} load={props.load} />;
  return <Entries entries={props.entries} />;
}

function Entries({ entries }: { entries: readonly HistoryEntry[] | null }) {
  if (entries === null) return <p class="muted">载入中… Loading…</p>;
  if (!entries.length) return <p class="muted">还没有变更记录 / no changes yet</p>;
  return (
    <ol class="timeline">
      {newestFirst(entries).map((e, i) => {
        const text = describeChange(e);
        return (
          <li key={e.id ?? i} data-field={e.field}>
            <time dateTime={new Date(e.at).toISOString()}>{shanghaiDateTimeOf(e.at)}</time>
            <span class="change">{text.zh}</span>
            <span class="en" lang="en">
              {text.en}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

function LoadedOnOpen({ itemNo, load }: { itemNo: number; load: () => Promise<Result<HistoryEntry[]>> }) {
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [error, setError] = useState('');
  const fetch = () => {
    setEntries(null);
    load().then(
      (r) => (r.ok ? (setEntries(r.value), setError('')) : setError(r.error)),
      (e: Error) => setError(e.message),
    );
  };
  return (
    <details class="history" onToggle={(e) => (e.currentTarget as HTMLDetailsElement).open && fetch()}>
      <summary aria-label={`第 ${itemNo} 项变更记录 History of item ${itemNo}`}>
        变更记录
        <span class="en" lang="en">
          History
        </span>
      </summary>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : (
        <Entries entries={entries} />
      )}
    </details>
  );
}
