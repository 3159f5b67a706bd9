/**
 * Authors in the database: this profile's own (the local author, in the meta table, made once with
 * a random id) and the directory of colleagues an import named (the `authors` table, version 9).
 * Another module gets the current author with `localAuthor(db)` and any annotation's author (name,
 * unit) from `readAuthorDirectory(db)` with lib/annotation/author.ts `annotationAuthor`.
 */
import type { Author } from '../annotation/author';
import { LOCAL_AUTHOR_KEY, type DubanDatabase } from './database';

// Meta key of the local author, a LocalAuthorRecord: defined with the schema, whose version 9 makes it.
export { LOCAL_AUTHOR_KEY };

export interface LocalAuthorRecord extends Author {
  /** When the user gave a name and unit, or skipped the form: it is not asked again. */
  askedAt?: number;
}

const newLocalAuthor = (): LocalAuthorRecord => ({ id: crypto.randomUUID(), name: '', unit: '' });

/**
 * The local author, made (random id, no name yet) the first time it is asked for. Call inside a
 * transaction that has db.meta in its scope, or outside any.
 */
export async function localAuthor(db: DubanDatabase): Promise<LocalAuthorRecord> {
  const found = (await db.meta.get(LOCAL_AUTHOR_KEY))?.value as LocalAuthorRecord | undefined;
  if (found) return found;
  const made = newLocalAuthor();
  // Two first calls at once must agree on one id: add fails for the second, which reads the first's.
  return db.transaction('rw', db.meta, async () => {
    const again = (await db.meta.get(LOCAL_AUTHOR_KEY))?.value as LocalAuthorRecord | undefined;
    if (again) return again;
    await db.meta.put({ key: LOCAL_AUTHOR_KEY, value: made });
    return made;
  });
}

/**
 * The local author as stored, or (not yet made) a transient one that nothing refers to: for reads
 * inside a read-only transaction (an import's preview), which cannot make it.
 */
export async function peekLocalAuthor(db: DubanDatabase): Promise<LocalAuthorRecord> {
  return ((await db.meta.get(LOCAL_AUTHOR_KEY))?.value as LocalAuthorRecord | undefined) ?? newLocalAuthor();
}

/** Gives the local author a name and unit (the first-time form, the options page). */
export async function nameLocalAuthor(db: DubanDatabase, name: string, unit: string, now: number): Promise<LocalAuthorRecord> {
  return db.transaction('rw', db.meta, async () => {
    const me = await localAuthor(db);
    const named: LocalAuthorRecord = { ...me, name: name.trim(), unit: unit.trim(), askedAt: now };
    await db.meta.put({ key: LOCAL_AUTHOR_KEY, value: named });
    return named;
  });
}

/** The user skipped the first-time form: it is not shown again (the options page still names them). */
export async function skipAuthorForm(db: DubanDatabase, now: number): Promise<LocalAuthorRecord> {
  return db.transaction('rw', db.meta, async () => {
    const me = await localAuthor(db);
    const skipped: LocalAuthorRecord = { ...me, askedAt: me.askedAt ?? now };
    await db.meta.put({ key: LOCAL_AUTHOR_KEY, value: skipped });
    return skipped;
  });
}

/** Every author the database knows: the colleagues an import named, then the local author. */
export async function readAuthorDirectory(db: DubanDatabase, read: typeof localAuthor = localAuthor): Promise<{ me: Author; authors: Author[] }> {
  const [me, others] = await Promise.all([read(db), db.authors.toArray()]);
  const { askedAt: _asked, ...local } = me;
  return { me: local, authors: [...others.filter((a) => a.id !== me.id), local] };
}
