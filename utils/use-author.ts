/**
 * The local author as duban's pages see it (popup, overview): asked for once, with the first-time
 * form shown until the user names themselves or skips it.
 */
import { useEffect, useState } from 'preact/hooks';
import { authorLabel } from '../lib/annotation/author';
import type { AuthorsAnswer } from '../lib/protocol';
import { sayFailure } from './i18n';
import { sendMessage } from './messaging';

export function useAuthors() {
  const [authors, setAuthors] = useState<AuthorsAnswer | null>(null);
  // Who the first-time form just saved (张三（区发改局）): said where the form was, since it closes.
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const load = async () => {
    const r = await sendMessage('getAuthors', {}).catch(() => undefined);
    if (r?.ok) setAuthors(r.value);
  };
  useEffect(() => {
    void load();
  }, []);
  return {
    authors,
    saved,
    reload: load,
    /** Saves the name and unit; answers the error to show, if any. */
    async save(name: string, unit: string): Promise<string | undefined> {
      const r = await sendMessage('setLocalAuthor', { name, unit });
      if (!r.ok) return sayFailure(r);
      setSaved(authorLabel({ name, unit }));
      await load();
      return undefined;
    },
    async skip() {
      await sendMessage('skipAuthorForm', {});
      await load();
    },
  };
}
