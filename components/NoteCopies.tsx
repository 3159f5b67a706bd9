import type { NoteCopy } from '../lib/annotation/model';
import { shanghaiDateTimeOf } from '../lib/annotation/shanghai-time';
import { t } from '../utils/i18n';

interface Props {
  copies: readonly NoteCopy[];
  /** Append the copy's text to the note, or dismiss it. */
  onResolve(copyId: string, action: 'append' | 'dismiss'): void;
}

/**
 * The other texts kept on an item's note: a note typed on an older version while another editor
 * changed it is kept here, never merged into the note without the user, never lost.
 */
export function NoteCopies({ copies, onResolve }: Props) {
  if (!copies.length) return null;
  return (
    <section class="note-copies" aria-label={t('copies.title')}>
      <p class="hint">{t('copies.hint')}</p>
      <ul>
        {copies.map((c) => (
          <li key={c.id}>
            <time>{shanghaiDateTimeOf(c.at)}</time>
            {c.author && <span class="author">{c.author}</span>}
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
  );
}
