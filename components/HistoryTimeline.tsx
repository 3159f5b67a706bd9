import { useState } from 'preact/hooks';
import type { HistoryEntry } from '../lib/annotation/model';
import { describeChange, newestFirst, type HistoryView } from '../lib/annotation/history';
import { authorLabel } from '../lib/annotation/author';
import { diffText } from '../lib/annotation/text-diff';
import { shanghaiDateTimeOf } from '../lib/annotation/shanghai-time';
import type { Result } from '../lib/protocol';
import { say, sayFailure, t } from '../utils/i18n';

export type HistoryTimelineProps =
  /** The overview: entries already loaded (null while loading). */
  | { entries: readonly HistoryView[] | null }
  /** The page overlay: a disclosure that loads the item's history when opened. */
  | { itemKey: number; load: () => Promise<Result<HistoryEntry[]>> };

/** One item's changes, newest first: status from → to, note edited (with the words), follow-up set, …, and who made each. */
export function HistoryTimeline(props: HistoryTimelineProps) {
  if ('load' in props) return <LoadedOnOpen itemKey={props.itemKey} load={props.load} />;
  return <Entries entries={props.entries} />;
}

function Entries({ entries }: { entries: readonly HistoryView[] | null }) {
  if (entries === null) return <p class="muted">{t('common.loading')}</p>;
  if (!entries.length) return <p class="muted">{t('history.empty')}</p>;
  return (
    <ol class="timeline">
      {newestFirst(entries).map((e, i) => {
        return (
          <li key={e.id ?? i} data-field={e.field}>
            <time dateTime={new Date(e.at).toISOString()}>{shanghaiDateTimeOf(e.at)}</time>
            <span class="change">{say(describeChange(e))}</span>
            {by(e)}
            {e.field === 'note' && e.fromText !== undefined && e.toText !== undefined && <NoteWords from={e.fromText} to={e.toText} />}
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

/** Who made the change: 张三（区发改局）, or 我 for the local author. */
function by(e: HistoryView) {
  if (!e.by) return null;
  const label = authorLabel(e.by) || t('authors.unnamed');
  return <span class="by">{e.by.me ? `${label} · ${t('authors.me')}` : label}</span>;
}

/** The words of a note edit: what was taken out and put in, in their place; the earlier text whole. */
function NoteWords({ from, to }: { from: string; to: string }) {
  const d = diffText(from, to);
  return (
    <div class="note-words">
      <p class="diff" aria-label={t('authors.history.changes')}>
        {d.before}
        {d.removed && <del>{d.removed}</del>}
        {d.added && <ins>{d.added}</ins>}
        {d.after}
      </p>
      {from && (
        <details class="old-text">
          <summary>{t('authors.history.oldText')}</summary>
          <p>{from}</p>
        </details>
      )}
    </div>
  );
}
