import { useState } from 'preact/hooks';
import { authorLabel, MAX_AUTHOR_NAME, MAX_AUTHOR_UNIT, type Author } from '../lib/annotation/author';
import { t } from '../utils/i18n';

interface Props {
  /** The author as known (the options page shows it to change it). */
  initial?: Pick<Author, 'name' | 'unit'>;
  onSave(name: string, unit: string): Promise<string | undefined> | void;
  /** The first-time form can be skipped; the options page cannot. */
  onSkip?(): void;
  /** Where the form is: ids stay unique when a page has two. */
  idPrefix?: string;
  /** Move the keyboard to the name field when shown (the first-time form). */
  autoFocus?: boolean;
}

/**
 * The user's name and unit (姓名、单位), which sign their notes and changes: asked the first time the
 * popup or the overview opens, changed on the options page. A plain form: Tab moves between the
 * fields, Enter saves, Escape (first time) skips.
 */
export function AuthorForm({ initial, onSave, onSkip, idPrefix = 'author', autoFocus }: Props) {
  const [name, setName] = useState(initial?.name ?? '');
  const [unit, setUnit] = useState(initial?.unit ?? '');
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const id = (s: string) => `${idPrefix}-${s}`;
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!name.trim()) return;
    setBusy(true);
    const error = await onSave(name.trim(), unit.trim());
    setBusy(false);
    setStatus(error ?? t('authors.form.saved', { who: authorLabel({ name, unit }) }));
  };
  return (
    <form
      class="author-form no-print"
      data-testid="author-form"
      aria-labelledby={id('title')}
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && onSkip) {
          e.preventDefault();
          onSkip();
        }
      }}
    >
      <h2 id={id('title')}>{initial?.name ? t('authors.form.titleKnown') : t('authors.form.title')}</h2>
      <p class="hint">{t('authors.form.hint')}</p>
      <label for={id('name')}>{t('authors.form.name')}</label>
      <input
        id={id('name')}
        name="name"
        required
        maxLength={MAX_AUTHOR_NAME}
        autoComplete="name"
        value={name}
        ref={(el) => {
          if (autoFocus && el && !el.dataset.focused) {
            el.dataset.focused = '1';
            el.focus();
          }
        }}
        onInput={(e) => setName(e.currentTarget.value)}
      />
      <label for={id('unit')}>{t('authors.form.unit')}</label>
      <input
        id={id('unit')}
        name="unit"
        maxLength={MAX_AUTHOR_UNIT}
        autoComplete="organization"
        value={unit}
        onInput={(e) => setUnit(e.currentTarget.value)}
      />
      <div class="actions">
        <button type="submit" class="primary" data-action="save-author" disabled={busy || !name.trim()}>
          {t('authors.form.save')}
        </button>
        {onSkip && (
          <button type="button" data-action="skip-author" onClick={onSkip}>
            {t('authors.form.skip')}
          </button>
        )}
      </div>
      <p role="status" aria-live="polite" class="muted">
        {status}
      </p>
    </form>
  );
}
