import { useState } from 'preact/hooks';
import type { HistoryEntry } from '../lib/annotation/model';
import { describeChange, newestFirst } from '../lib/annotation/history';
import { shanghaiDateTimeOf } from '../lib/annotation/shanghai-time';
import type { Result } from '../lib/protocol';
import { say, sayFailure, t } from '../utils/i18n';

export type HistoryTimelineProps =
  /** The overview: entries already loaded (null while loading). */
  | { entries: readonly HistoryEntry[] | null }
  /** The page overlay: a disclosure that loads the item's history when opened. */
  | { itemKey: number; load: () => Promise<Result<HistoryEntry[]>> };

/** One item's changes, newest first: status from → to, note edited, follow-up set, … */
export function HistoryTimeline(props: HistoryTimelineProps) {
  if ('load' in props) return <LoadedOnOpen itemKey={props.itemKey} load={props.load} />;
  return <Entries entries={props.entries} />;
}

function Entries({ entries }: { entries: readonly HistoryEntry[] | null }) {
  if (entries === null) return <p class="muted">{t('common.loading')}</p>;
  if (!entries.length) return <p class="muted">{t('history.empty')}</p>;
  return (
    <ol class="timeline">
      {newestFirst(entries).map((e, i) => {
        return (
          <li key={e.id ?? i} data-field={e.field}>
            <time dateTime={new Date(e.at).toISOString()}>{shanghaiDateTimeOf(e.at)}</time>
            <span class="change">{say(describeChange(e))}</span>
          </li>
        );
      })}
    </ol>
  );
}

function LoadedOnOpen({ itemKey, load }: { itemKey: number; load: () => Promise<Result<HistoryEntry[]>> }) {
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [error, setError] = useState('');
  const fetch = () => {
    setEntries(null);
    load().then(
      (r) => (r.ok ? (setEntries(r.value), setError('')) : setError(sayFailure(r))),
      (e: Error) => setError(e.message),
    );
  };
  return (
    <details class="history" onToggle={(e) => (e.currentTarget as HTMLDetailsElement).open && fetch()}>
      <summary aria-label={t('history.ofItem', { itemKey })}>{t('history.title')}</summary>
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
