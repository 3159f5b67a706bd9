import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { afterAll, describe, expect, it } from 'vitest';
import { normalizeText } from '../lib/notice/normalize';
import {
  ExpectedPage, FixtureIndex, ITEM_KEY, type ExpectedItem, type ExpectedNotice, type FixtureEntry,
} from '../tests/fixtures/notice-expected';
import { SEED_PAGE } from '../tests/fixtures/seed-dump';

const DIR = fileURLToPath(new URL('../tests/fixtures/notices/', import.meta.url));
const read = (name: string) => readFileSync(join(DIR, name), 'utf8');
const index: FixtureEntry[] = FixtureIndex.parse(JSON.parse(read('index.json')));
const expectedOf = (e: FixtureEntry) => ExpectedPage.parse(JSON.parse(read(e.expected)));
const isNotice = (p: ExpectedPage): p is ExpectedNotice => !('refused' in p);
const notices = index.map((e) => ({ entry: e, page: expectedOf(e) })).filter((x) => isNotice(x.page)) as { entry: FixtureEntry; page: ExpectedNotice }[];
const byName = (file: string) => notices.find((n) => n.entry.file === file)!.page;

/** What a reader sees of the page, without layout spaces: where the expected strings must be found. */
function pageText(file: string): string {
  const { document } = parseHTML(read(file));
  return (document.body?.textContent ?? '').replace(/[\s\u3000\u00a0]+/g, '');
}
const squeeze = (s: string) => s.replace(/[\s\u3000\u00a0]+/g, '');
/** An ASCII , : ; ( ) not standing between two digits: punctuation a page writes full-width. */
const HALF_WIDTH = /(?<!\d)[,:;()]|[,:;()](?!\d)/;

describe('npm run fixtures', () => {
  const out = mkdtempSync(join(tmpdir(), 'duban-fixtures-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('writes exactly the committed files, byte for byte (a rerun changes nothing)', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/make-fixtures.ts', '--out', out], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const generated = (names: string[]) => names.filter((n) => n.endsWith('.html') || n.endsWith('.json')).filter((n) => n !== 'corpus-expected-units.json').sort();
    const written = generated(readdirSync(out));
    expect(generated(readdirSync(DIR))).toEqual(written);
    for (const name of written) expect(readFileSync(join(out, name), 'utf8'), name).toBe(read(name));
  });
});

describe('the fixture index', () => {
  it('lists each page and its expected parse once, at a government address of its own', () => {
    const files = readdirSync(DIR);
    for (const e of index) {
      expect(files).toContain(e.file);
      expect(files).toContain(e.expected);
      expect(new URL(e.url).hostname).toMatch(/\.gov\.cn$/);
      expect(expectedOf(e).url).toBe(e.url);
    }
    expect(new Set(index.map((e) => e.url)).size).toBe(index.length);
    expect(new Set(index.map((e) => e.file)).size).toBe(index.length);
    expect(files.filter((f) => f.endsWith('.html')).sort()).toEqual(index.map((e) => e.file).sort());
  });

  it('covers what issue 12 asks for: 15+ notices of each family, JCMS and TRS, look-alikes refused', () => {
    expect(notices.length).toBeGreaterThanOrEqual(16);
    for (const family of ['prose-lines', 'table', 'bracket'] as const) expect(notices.filter((n) => n.entry.family === family).length).toBeGreaterThanOrEqual(4);
    for (const cms of ['jcms', 'trs', 'other'] as const) expect(notices.some((n) => n.entry.cms === cms)).toBe(true);
    const keys = notices.flatMap((n) => n.page.lists.flatMap((l) => l.items.map((i) => i.key)));
    expect(keys.some((k) => /、\d+\.$/.test(k))).toBe(true); // numbering restarting per section
    expect(notices.some((n) => n.page.lists.length >= 2)).toBe(true);
    expect(notices.some((n) => n.page.lists.length >= 3)).toBe(true);
    expect(notices.some((n) => n.page.lists.some((l) => l.items.some((i) => i.deadline)))).toBe(true);
    expect(index.filter((e) => e.family === 'refused').length).toBeGreaterThanOrEqual(5);
    expect(index.filter((e) => e.family === 'refused').every((e) => 'refused' in expectedOf(e))).toBe(true);
    expect(notices.every((n) => n.entry.family !== 'refused')).toBe(true);
  });

  it('builds each page on its CMS template: national metadata, JCMS #zoom, TRS editor bodies', () => {
    for (const e of index) {
      const { document } = parseHTML(read(e.file));
      if (e.file === 'gongshu-portal.html') continue;
      expect(document.querySelector('meta[name="ArticleTitle"]')?.getAttribute('content'), e.file).toBeTruthy();
      expect(document.querySelector('meta[name="PubDate"]'), e.file).not.toBeNull();
      if (e.cms === 'jcms') expect(document.querySelector('#zoom'), e.file).not.toBeNull();
      if (e.cms === 'trs') expect(document.querySelector('.TRS_Editor, .TRS_UEDITOR'), e.file).not.toBeNull();
    }
  });

  it('gives the portal front page about 2,000 links', () => {
    const { document } = parseHTML(read('gongshu-portal.html'));
    expect(document.querySelectorAll('a').length).toBeGreaterThanOrEqual(1900);
  });
});

describe('each expected parse', () => {
  it('keys every item once, by its list, section and number as the README says', () => {
    for (const { entry, page } of notices) {
      const keys = new Set<string>();
      page.lists.forEach((list, li) => {
        for (const item of list.items) {
          const m = ITEM_KEY.exec(item.key)!;
          expect(m, `${entry.file} ${item.key}`).not.toBeNull();
          expect(m[1] === undefined ? undefined : Number(m[1]), `${entry.file} ${item.key}`).toBe(page.lists.length > 1 ? li + 1 : undefined);
          expect(Number(m[3] ?? m[4]), `${entry.file} ${item.key}`).toBe(item.number);
          if (m[2]) expect(item.section?.startsWith(`${m[2]}、`), `${entry.file} ${item.key}`).toBe(true);
          expect(keys.has(item.key), `${entry.file} ${item.key} twice`).toBe(false);
          keys.add(item.key);
        }
      });
    }
  });

  it('has its texts, units, leaders and deadlines on the page, in order and full-width', () => {
    for (const { entry, page } of notices) {
      const text = pageText(entry.file);
      expect(text.includes(squeeze(page.title)), `${entry.file} title`).toBe(true);
      for (const list of page.lists) {
        if (list.title) expect(text.includes(squeeze(list.title)), `${entry.file} ${list.title}`).toBe(true);
        let at = 0;
        for (const item of list.items) {
          const where = `${entry.file} ${item.key}`;
          const paras = item.text.split('\n');
          for (const p of paras) expect(text.includes(squeeze(p)), `${where}: ${p}`).toBe(true);
          const last = text.indexOf(squeeze(paras[paras.length - 1]!), at);
          expect(last, `${where} out of order`).toBeGreaterThanOrEqual(at);
          at = last;
          expect(HALF_WIDTH.test(item.text), `${where} half-width punctuation`).toBe(false);
          for (const u of item.units) {
            expect(text.includes(u.name), `${where} unit ${u.name}`).toBe(true);
            expect(HALF_WIDTH.test(u.name), `${where} unit ${u.name}`).toBe(false);
          }
          for (const l of item.leaders) expect(text.includes(l), `${where} leader ${l}`).toBe(true);
          if (item.deadline) expect(text.includes(item.deadline), `${where} deadline`).toBe(true);
        }
      }
    }
  });
});

/** The parse CLI's JSON for a page, as it prints it today. */
function parseCli(page: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/parse.ts', page, '--format', 'json'], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as {
    docNo?: string; title: string;
    items: { key: string; number: number; text: string; units: { name: string; lead: boolean }[] }[];
  };
}

describe('the seed in its old table layout', () => {
  const twin = byName('gongshu-2024-2-table.html');
  const items = twin.lists.flatMap((l) => l.items);

  it('expects the 156 items today\'s parser reads from the prose seed: numbers, texts, units and leads', () => {
    const seed = parseCli(SEED_PAGE);
    expect(seed.items).toHaveLength(156);
    expect(twin.lists).toHaveLength(1);
    expect(items.map((i) => ({ number: i.number, text: normalizeText(i.text), units: i.units.map((u) => ({ name: normalizeText(u.name), lead: u.role === 'lead' })) })))
      .toEqual(seed.items.map((i) => ({ number: i.number, text: normalizeText(i.text), units: i.units.map((u) => ({ name: normalizeText(u.name), lead: u.lead })) })));
    expect(items.map((i) => i.key)).toEqual(seed.items.map((i) => i.key));
    expect({ docNo: twin.docNo, title: twin.title }).toEqual({ docNo: seed.docNo, title: seed.title });
  });
});

describe('the corpus ground truth (expected-units.json)', () => {
  const truth = JSON.parse(read('corpus-expected-units.json')) as Record<string, {
    n: number | string; section?: string; leader?: string; text_start?: string; lead: string[]; others: string[];
  }[]>;
  // Which fixture and list each excerpt of the ground truth is.
  const WHERE: Record<string, [string, number]> = {
    '13_lishan': ['lishan-2023.html', 0],
    '04C_hangzhou': ['hangzhou-2021.html', 2],
    '20C_zhejiang': ['zhejiang-2024.html', 0],
    '12_guangzhou': ['guangzhou-2006.html', 0],
    '08_haiyan': ['haiyan-2022.html', 0],
    '23B_huzhou': ['huzhou-2024.html', 0],
  };
  const CN = '一二三四五六七八九十';

  it('agrees with it on every item it covers: lead, other units, leader, text', () => {
    let checked = 0;
    for (const [label, rows] of Object.entries(truth)) {
      if (label.startsWith('_')) continue;
      const where = Object.entries(WHERE).find(([prefix]) => label.startsWith(prefix));
      expect(where, `no fixture for ${label}`).toBeDefined();
      const [file, list] = where![1];
      const items: ExpectedItem[] = byName(file).lists[list]!.items;
      for (const row of rows) {
        const n = typeof row.n === 'number' ? row.n : CN.indexOf(row.n.replace(/[()]/g, '')) + 1;
        const section = row.section?.[0];
        const item = items.find((i) => i.number === n && (!section || (i.section ?? '').startsWith(section)));
        expect(item, `${file} ${row.section ?? ''} ${row.n}`).toBeDefined();
        const names = (role: 'lead' | 'co') => item!.units.filter((u) => u.role === role).map((u) => normalizeText(u.name));
        expect({ lead: names('lead'), others: names('co') }, `${file} ${row.n}`).toEqual({ lead: row.lead, others: row.others });
        if (row.leader) expect(item!.leaders).toEqual([row.leader]);
        if (row.text_start) expect(normalizeText(item!.text).startsWith(row.text_start), `${file} ${row.n} text`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(30);
  });
});
