import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { createItemStore, type EditableFields } from '../lib/annotation/item-store';
import type { AnnotationPatch, HistoryEntry, ItemAnnotation } from '../lib/annotation/model';
import { timeProgress } from '../lib/annotation/schedule';
import { noticeLabel, rowAnnotation, type OverviewRow } from '../lib/followup/overview';
import { itemUrl, snoozeDay } from '../lib/followup/reminders';
import type { Result } from '../lib/protocol';
import { HistoryTimeline } from './HistoryTimeline';
import { ItemEditor } from './ItemEditor';
import { itemLabel, t } from '../utils/i18n';

export interface OverviewDetailsProps {
  row: OverviewRow;
  history: readonly HistoryEntry[] | null;
  today: string;
  /** Sends one edit to the background; the answer is the annotation as stored. */
  send(patch: AnnotationPatch): Promise<Result<ItemAnnotation>>;
  /** Appends a conflict copy to the note or dismisses it; the answer is the annotation as stored. */
  resolveCopy(copyId: string, action: 'append' | 'dismiss'): Promise<Result<ItemAnnotation>>;
  onClose(): void;
  /**
   * Shows the item's page (the background opens it, in duban's viewer for a notice read from an
   * attachment, whose URL is the file's); without it the link opens the URL itself.
   */
  onOpenPage?(url: string): void;
  /** 填报人: who wrote the item's note, else who made its last change, named (lib/annotation/author.ts authorLabel). */
  reportedBy?: string;
}

/**
 * One item in full: text, units, the same editor as on the notice page (status, progress,
 * follow-up, note: each saved as it is typed, flushed when the panel closes), snoozes and history.
 */
export function OverviewDetails({ row, history, today, send, resolveCopy, onClose, onOpenPage, reportedBy }: OverviewDetailsProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [, redraw] = useState(0);
  const store = useMemo(
    () =>
      createItemStore({
        noticeKey: row.noticeKey,
        items: [{ key: row.itemKey, fingerprint: row.fingerprint }],
        send,
        session: crypto.randomUUID(),
        delay: 0,
      }),
    [row.id],
  );
  useEffect(() => heading.current?.focus(), [row.id]);
  useEffect(() => store.load([rowAnnotation(row)]), [store, row.updatedAt]);
  useEffect(() => {
    const off = store.subscribe(row.itemKey, () => redraw((n) => n + 1));
    const flush = () => store.flush({ force: true });
    addEventListener('pagehide', flush);
    return () => {
      // Closing the panel (Escape, ×, another row) never drops what was typed.
      off();
      removeEventListener('pagehide', flush);
      flush();
    };
  }, [store]);

  const expected = row.year ? timeProgress(today, row.year) : undefined;
  const edit = (fields: Partial<EditableFields>) => store.edit(row.itemKey, fields);
  const id = (s: string) => `details-${s}`;
  const view = store.view(row.itemKey);

  return (
    <aside class="details no-print" aria-labelledby={id('title')}>
      <header>
        <h2 id={id('title')} tabIndex={-1} ref={heading}>
          {t('details.title', { itemKey: itemLabel(row.itemKey) })}
        </h2>
        <button type="button" class="close" aria-label={t('common.close')} onClick={onClose}>
          ×
        </button>
      </header>
      <p class="meta">
        <span title={row.noticeTitle}>{noticeLabel(row)}</span>
        {row.leader && <span>{row.leader}</span>}
      </p>
      <p class="item-text">{row.text || t('details.notOnPage')}</p>
      {row.leadUnits.length > 0 && (
        <p class="units">
          {t('details.units', { units: row.leadUnits.join(t('common.listSeparator')) })}
        </p>
      )}
      {/* Units answering for an item none leads (分别负责) work with no one: 责任单位, not 配合. */}
      {row.coUnits.length > 0 && (
        <p class="units">
          {t(row.leadUnits.length ? 'details.coUnits' : 'details.answeringUnits', { units: row.coUnits.join(t('common.listSeparator')) })}
        </p>
      )}
      {row.deadline && <p class="units">{t('details.deadline', { deadline: row.deadline })}</p>}
      {reportedBy && (
        <p class="units" data-testid="reported-by">
          {t('authors.reportedBy', { who: reportedBy })}
        </p>
      )}
      {row.url && (
        <p>
          <a
            href={itemUrl(row.url, row.itemKey)}
            target="_blank"
            rel="noopener noreferrer"
            onClick={(e) => {
              // A file from disk (file:) opens in duban's viewer, from the kept file.
              if (!onOpenPage || !/^(?:https?|file):/.test(row.url ?? '')) return;
              e.preventDefault();
              onOpenPage(itemUrl(row.url!, row.itemKey));
            }}
          >
            {t('details.openOnPage')}
          </a>
        </p>
      )}

      {/* Keyed by the item: what one item's fields held (a refused progress) is not the next one's. */}
      <ItemEditor
        key={row.id}
        view={view}
        today={today}
        expected={expected}
        onEdit={edit}
        onLeave={() => store.flush()}
        onNoteFocus={() => store.beginNote(row.itemKey)}
        onNoteLeave={() => store.endNote(row.itemKey)}
        onResolveCopy={(id, action) =>
          void resolveCopy(id, action).then((r) => {
            if (r.ok) store.received(r.value);
          })
        }
        idPrefix="details"
      />
      <div class="buttons snooze">
        <button type="button" onClick={() => edit({ followUp: snoozeDay('tomorrow', Date.now()) })}>
          {t('details.tomorrow')}
        </button>
        <button type="button" onClick={() => edit({ followUp: snoozeDay('next_week', Date.now()) })}>
          {t('details.nextWeek')}
        </button>
        <button type="button" disabled={!view.followUp} onClick={() => edit({ followUp: null })}>
          {t('details.done')}
        </button>
      </div>

      <section aria-labelledby={id('history')}>
        <h3 id={id('history')}>
          {t('history.title')}
        </h3>
        <HistoryTimeline entries={history} />
      </section>
    </aside>
  );
}
