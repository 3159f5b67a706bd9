/**
 * An item's timeline: each append-only history entry (status from → to, note edited, follow-up set
 * or cleared, progress, import) as one message, worded by the UI (history.* in locales/).
 */
import type { HistoryEntry } from './model';
import type { Author, AuthorDirectory } from './author';
import { message, type Message } from '../message';
// Zod-free: the overview page's bundle stays small.
import { ITEM_STATUSES, type ItemStatus } from './status';

const isStatus = (v: unknown): v is ItemStatus => typeof v === 'string' && (ITEM_STATUSES as readonly string[]).includes(v);
const status = (v: unknown) => (isStatus(v) ? message(`status.${v}`) : String(v ?? '—'));
const none = (v: unknown) => v === null || v === undefined || v === '';

export function describeChange(e: HistoryEntry): Message {
  switch (e.field) {
    case 'created':
      return message('history.created');
    case 'import':
      return message('history.imported');
    case 'status':
      return message('history.status', { from: status(e.from), to: status(e.to) });
    case 'note': {
      const from = Number(e.from ?? 0);
      const to = Number(e.to ?? 0);
      if (!to) return message('history.noteCleared');
      if (!from) return message('history.noteWritten', undefined, to);
      return message('history.noteEdited', { from, to });
    }
    case 'followUp':
      if (none(e.to)) return message('history.followUpCleared', { from: String(e.from) });
      if (none(e.from)) return message('history.followUpSet', { to: String(e.to) });
      return message('history.followUpMoved', { from: String(e.from), to: String(e.to) });
    case 'noteCopy':
      if (e.to === 'appended') return message('history.copyAppended');
      if (e.to === 'dismissed') return message('history.copyDismissed', undefined, Number(e.from));
      if (none(e.from)) return message('history.copyKept', undefined, Number(e.to));
      return message('history.copyUpdated', { from: Number(e.from), to: Number(e.to) });
    case 'trimmed':
      return message('authors.history.trimmed', undefined, Number(e.to ?? 0));
    case 'progress':
      if (none(e.to)) return message('history.progressCleared');
      if (none(e.from)) return message('history.progressSet', { to: Number(e.to) });
      return message('history.progressChanged', { from: Number(e.from), to: Number(e.to) });
  }
}

/** Newest first, for a timeline a reader scans from the top. */
export function newestFirst(entries: readonly HistoryEntry[]): HistoryEntry[] {
  return entries.map((e, i) => ({ e, i })).sort((a, b) => b.e.at - a.e.at || b.i - a.i).map((x) => x.e);
}

/** An entry as the timeline shows it: with its author's name and unit, when known. */
export interface HistoryView extends HistoryEntry {
  by?: Pick<Author, 'name' | 'unit'> & { me?: true };
}

/** Each entry with its author from the directory (`me`: the local author's id). */
export function withAuthors(entries: readonly HistoryEntry[], authors: AuthorDirectory, me: string): HistoryView[] {
  return entries.map((e) => {
    const a = e.author === undefined ? undefined : authors.get(e.author);
    return a ? { ...e, by: { name: a.name, unit: a.unit, ...(a.id === me && { me: true as const }) } } : e;
  });
}
