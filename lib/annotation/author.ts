/**
 * Who said what. An author is a random id made once per browser profile (lib/db/authors.ts keeps
 * this profile's, the local author) with the name and unit the user gives; annotations, history
 * entries and colleagues' note records carry the id (or, a note record, the name and unit too).
 * Zod-free: the overview's and editor's bundles use it.
 */

export interface Author {
  /** Random (a UUID), made once per browser profile. */
  id: string;
  /** 姓名 as the user gives it; '' until given. */
  name: string;
  /** 单位 (a unit as notices name them, e.g. 区发改局); '' until given. */
  unit: string;
}

export const MAX_AUTHOR_NAME = 50;
export const MAX_AUTHOR_UNIT = 100;

/** Authors by id. */
export type AuthorDirectory = ReadonlyMap<string, Author>;

export function authorDirectory(authors: readonly Author[]): Map<string, Author> {
  return new Map(authors.map((a) => [a.id, a]));
}

const norm = (s: string) => s.replace(/\s+/g, '');

/**
 * Whether `other` is `me`: the same id, or (the same person on another device, another profile)
 * the same name and unit, both given.
 */
export function isSameAuthor(me: Author, other: Author | undefined): boolean {
  if (!other) return false;
  if (other.id === me.id) return true;
  return !!norm(me.name) && !!norm(me.unit) && norm(me.name) === norm(other.name) && norm(me.unit) === norm(other.unit);
}

/**
 * The author of an annotation's last change (its 填报人), by the directory (the local author
 * included); undefined when unknown (written before authors, or by an author the directory lacks).
 */
export function annotationAuthor(a: { author?: string }, authors: AuthorDirectory): Author | undefined {
  return a.author === undefined ? undefined : authors.get(a.author);
}

/**
 * Who wrote the item's note (else who made its last change): the 填报人 the ledger, the
 * overview's column and its details panel name.
 */
export function noteWriter(a: { author?: string; noteAuthor?: string }, authors: AuthorDirectory): Author | undefined {
  const id = a.noteAuthor ?? a.author;
  return id === undefined ? undefined : authors.get(id);
}

/** 张三（区发改局）, 张三, （区发改局） or '' : how a ledger's 填报人 cell or a label names an author. */
export function authorLabel(author: Pick<Author, 'name' | 'unit'> | undefined): string {
  if (!author) return '';
  const name = author.name.trim();
  const unit = author.unit.trim();
  return unit ? `${name}（${unit}）` : name;
}
