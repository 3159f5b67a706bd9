import { AuthorForm } from '../../components/AuthorForm';
import { t } from '../../utils/i18n';
import { useAuthors } from '../../utils/use-author';

/** The options page: the name and unit duban signs this profile's notes and changes with. */
export function App() {
  const who = useAuthors();
  return (
    <main>
      <h1>{t('authors.form.options')}</h1>
      <p class="hint">{t('authors.form.optionsHint')}</p>
      {who.authors ? <AuthorForm key={who.authors.me.id} initial={who.authors.me} onSave={who.save} idPrefix="options-author" /> : <p class="muted">{t('common.loading')}</p>}
    </main>
  );
}
