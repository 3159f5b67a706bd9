import type { NoteCopy } from '../lib/annotation/model';
import { shanghaiDateTimeOf } from '../lib/annotation/shanghai-time';
import { t } from '../utils/i18n';

interface Props {
  copies: readonly NoteCopy[];
  /** Append the copy's text to the note, or dismiss it. */
  onResolve(copyId: string, action: 'append' | 'dismiss'): void;
}

/**
 * The other texts kept on an item's note. A note typed on an older version while another editor
 * changed it is kept here (a conflict copy); a colleague's note, imported, is shown with their
 * name and unit. Neither is merged into the note without the user, nor lost.
 */
export function NoteCopies({ copies, onResolve }: Props) {
  const colleagues = copies.filter((c) => c.kind === 'colleague');
  const conflicts = copies.filter((c) => c.kind !== 'colleague');
  return (
    <>
      {colleagues.length > 0 && (
        <section class="note-copies colleagues" aria-label={t('authors.colleagues')} data-testid="colleague-notes">
          <p class="hint">{t('authors.colleaguesHint')}</p>
          <ul>
            {colleagues.map((c) => (
              <li key={c.id} data-author-id={c.authorId}>
                <p class="who">
                  <span class="author">{c.author || t('authors.unnamed')}</span>
                  {c.unit && <span class="unit">{c.unit}</span>}
                  <time>{shanghaiDateTimeOf(c.at)}</time>
                </p>
                <p class="text">{c.text}</p>
                <button type="button" onClick={() => onResolve(c.id, 'append')}>
                  {t('authors.appendColleague')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {conflicts.length > 0 && (
        <section class="note-copies" aria-label={t('copies.title')}>
          <p class="hint">{t('copies.hint')}</p>
          <ul>
            {conflicts.map((c) => (
              <li key={c.id}>
                <time>{shanghaiDateTimeOf(c.at)}</time>
                {c.author && <span class="author">{c.author}</span>}
                {c.source && <span class="source">{t('copies.from', { file: c.source })}</span>}
                <p class="text">{c.text}</p>
                <button type="button" onClick={() => onResolve(c.id, 'append')}>
                  {t('copies.append')}
                </button>
                <button type="button" onClick={() => onResolve(c.id, 'dismiss')}>
                  {t('copies.dismiss')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
