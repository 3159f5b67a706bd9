/**
 * The overview by who said what: filter items by 填报人 (an author: the item's last change, its
 * note, or a colleague's note record on it), by the unit of those authors, and "my unit": items
 * where the local author's unit leads (牵头) or co-works (配合). Pure; kept apart from
 * ./overview.ts's filters so that the two change independently.
 */
import { isSameAuthor, type Author, type AuthorDirectory } from '../annotation/author';
import type { OverviewRow } from './overview';

export interface AuthorFilter {
  /** An author id, or '' for all. */
  author: string;
  /** A unit the item's authors belong to, or '' for all. */
  unit: string;
  /** Only items where my unit leads or co-works. */
  myUnit: boolean;
}

export const EMPTY_AUTHOR_FILTER: AuthorFilter = { author: '', unit: '', myUnit: false };

/** Whether the filter keeps fewer than every row. */
export const authorFilterActive = (f: AuthorFilter): boolean => f.author !== '' || f.unit !== '' || f.myUnit;

type Row = Pick<OverviewRow, 'author' | 'noteAuthor' | 'noteCopies' | 'leadUnits' | 'coUnits'>;

/** The ids of everyone who said something on the row: its last change, its note, colleagues' notes. */
export function rowAuthors(row: Row): string[] {
  const ids = [row.author, row.noteAuthor, ...(row.noteCopies ?? []).filter((c) => c.kind === 'colleague').map((c) => c.authorId)];
  return [...new Set(ids.filter((id): id is string => id !== undefined))];
}

const bare = (s: string) => s.replace(/\s+/g, '');

/** Whether a unit as the user wrote it is the unit a notice names (区发改局 and 拱墅区发改局 are). */
export function sameUnit(mine: string, named: string): boolean {
  const a = bare(mine);
  const b = bare(named);
  if (!a || !b) return false;
  return a === b || (Math.min(a.length, b.length) >= 3 && (a.endsWith(b) || b.endsWith(a)));
}

/**
 * Whether two author ids are one person: the same id, or the same name and unit (a ledger's 填报人
 * 张三（区发改局） and the author who wrote it; ../annotation/author.ts isSameAuthor).
 */
function samePerson(a: string, b: string, authors: AuthorDirectory): boolean {
  if (a === b) return true;
  const who = authors.get(a);
  return !!who && isSameAuthor(who, authors.get(b));
}

export function filterByAuthor<R extends Row>(rows: readonly R[], f: AuthorFilter, authors: AuthorDirectory, me: Author | undefined): readonly R[] {
  const keep = authorTest(f, authors, me);
  return keep ? rows.filter(keep) : rows;
}

/** The filter as a test of one row; undefined when it keeps every row. */
export function authorTest(f: AuthorFilter, authors: AuthorDirectory, me: Author | undefined): ((row: Row) => boolean) | undefined {
  if (!authorFilterActive(f)) return undefined;
  return (row) => {
    const ids = rowAuthors(row);
    if (f.author && !ids.some((id) => samePerson(f.author, id, authors))) return false;
    if (f.unit && !ids.some((id) => authors.get(id)?.unit === f.unit)) return false;
    if (f.myUnit && !(me?.unit && [...row.leadUnits, ...row.coUnits].some((u) => sameUnit(me.unit, u)))) return false;
    return true;
  };
}

/**
 * The authors and units the rows name, for the menus (authors by label, units sorted): one entry
 * a person, under `me`'s id where it is me, however many ids the files gave them.
 */
export function authorFacets(rows: readonly Row[], authors: AuthorDirectory, me?: Author): { authors: Author[]; units: string[] } {
  const ids = new Set(rows.flatMap(rowAuthors));
  const list: Author[] = [];
  for (const a of [...ids].map((id) => authors.get(id)).filter((a): a is Author => a !== undefined)) {
    const at = list.findIndex((b) => isSameAuthor(b, a));
    if (at < 0) list.push(a);
    else if (me && a.id === me.id) list[at] = a;
  }
  const units = [...new Set(list.map((a) => a.unit).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'zh'));
  return { authors: list.sort((a, b) => a.name.localeCompare(b.name, 'zh')), units };
}
