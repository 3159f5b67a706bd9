import { describe, expect, it } from 'vitest';
import { authorDirectory } from '../annotation/author';
import { authorFacets, EMPTY_AUTHOR_FILTER, filterByAuthor, sameUnit } from './author-filter';

const me = { id: 'me', name: '李四', unit: '区建设局' };
const zhang = { id: 'z', name: '张三', unit: '区发改局' };
const wang = { id: 'w', name: '王五', unit: '区发改局' };
const dir = authorDirectory([me, zhang, wang]);
const row = (id: string, fields: object) => ({ id, leadUnits: [] as string[], coUnits: [] as string[], ...fields });
const rows = [
  row('1', { author: 'me', noteAuthor: 'me', leadUnits: ['区建设局'] }),
  row('2', { author: 'z', noteAuthor: 'z', leadUnits: ['区发改局'], coUnits: ['拱墅区建设局'] }),
  row('3', { author: 'me', noteCopies: [{ id: 'colleague:w', kind: 'colleague', text: '王', at: 1, authorId: 'w' }], leadUnits: ['区财政局'] }),
];
const ids = (f: object) => filterByAuthor(rows, { ...EMPTY_AUTHOR_FILTER, ...f }, dir, me).map((r) => r.id);

describe('the overview by who said what', () => {
  it('filters by 填报人: the last change, the note or a colleague’s note record', () => {
    expect(ids({ author: 'z' })).toEqual(['2']);
    expect(ids({ author: 'w' })).toEqual(['3']);
    expect(ids({ author: 'me' })).toEqual(['1', '3']);
  });

  it('filters by the unit of those authors', () => {
    expect(ids({ unit: '区发改局' })).toEqual(['2', '3']);
  });

  it('keeps items where my unit leads or co-works ("my unit")', () => {
    expect(ids({ myUnit: true })).toEqual(['1', '2']);
    expect(filterByAuthor(rows, { ...EMPTY_AUTHOR_FILTER, myUnit: true }, dir, { ...me, unit: '' })).toEqual([]);
  });

  it('matches a unit written in full with the name a notice uses, not a mere fragment', () => {
    expect(sameUnit('拱墅区发改局', '区发改局')).toBe(true);
    expect(sameUnit('区发改局', '区发改局 ')).toBe(true);
    expect(sameUnit('局', '区发改局')).toBe(false);
    expect(sameUnit('区建设局', '区发改局')).toBe(false);
  });

  it('lists the authors and units the rows name', () => {
    expect(authorFacets(rows, dir)).toEqual({ authors: [me, wang, zhang].sort((a, b) => a.name.localeCompare(b.name, 'zh')), units: ['区发改局', '区建设局'] });
  });

  it('lists a person once, whatever ids their files gave them (a ledger names its 填报人 by name and unit), and filters by all of them', () => {
    const fromLedger = { id: 'ledger:李四|区建设局', name: '李四', unit: '区建设局' };
    const both = new Map([...dir, [fromLedger.id, fromLedger]]);
    const more = [...rows, { id: 'x', author: fromLedger.id, leadUnits: [], coUnits: [] }];
    const facets = authorFacets(more, both, me).authors;
    expect(facets.filter((a) => a.name === '李四')).toEqual([me]);
    const mine = filterByAuthor(more, { ...EMPTY_AUTHOR_FILTER, author: me.id }, both, me).map((r) => r.id);
    expect(mine).toContain('x');
    expect(mine).toEqual(expect.arrayContaining(ids({ author: 'me' })));
  });
});
