/**
 * make-fixtures: builds the notice pages the parser and the overlay are tested on
 * (tests/fixtures/notices/), each with its expected parse, from the excerpts of real notices in
 * the shared corpus and the seed dump: every format family, JCMS, TRS and other templates, the
 * seed notice in its old table layout, and look-alikes that must be refused.
 *
 * The fixtures are generated, never hand-edited: change the specs under scripts/fixtures/ and
 * rerun `npm run fixtures`. The output is deterministic, so a rerun gives the same bytes (a test
 * checks it). `--out DIR` writes elsewhere.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExpectedPage, FixtureIndex, type FixtureEntry } from '../tests/fixtures/notice-expected';
import { jcmsPage, otherPage, trsPage } from './fixtures/chrome';
import { expectedPage } from './fixtures/expected';
import { gongshuTable } from './fixtures/gongshu-table';
import type { FixtureSpec } from './fixtures/model';
import { BRACKET_PAGES } from './fixtures/pages-bracket';
import { PROSE_PAGES } from './fixtures/pages-prose';
import { REFUSED_PAGES } from './fixtures/pages-refused';
import { TABLE_PAGES } from './fixtures/pages-table';
import { renderBody } from './fixtures/render';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURES_DIR = resolve(ROOT, 'tests/fixtures/notices');

const TEMPLATE = { jcms: jcmsPage, trs: trsPage, other: otherPage } as const;

export function allSpecs(): FixtureSpec[] {
  return [gongshuTable(ROOT), ...PROSE_PAGES, ...TABLE_PAGES, ...BRACKET_PAGES, ...REFUSED_PAGES];
}

/**
 * JSON with one line per item field: a short object or array holding no other is written on one
 * line (a unit, a list of leaders), so that a diff of an expected parse reads item by item.
 */
export function formatJson(value: unknown, indent = ''): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = indent + '  ';
  const flat = Object.values(value).every((v) => v === null || typeof v !== 'object');
  if (Array.isArray(value)) {
    if (!value.length) return '[]';
    const line = `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
    if (flat && line.length <= 100) return line;
    return `[\n${value.map((v) => inner + formatJson(v, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value);
  const line = `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')} }`;
  if (flat && line.length <= 100) return line;
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatJson(v, inner)}`).join(',\n')}\n${indent}}`;
}

/** Every generated file, by name. */
export function buildFixtures(): Map<string, string> {
  const files = new Map<string, string>();
  const index: FixtureEntry[] = [];
  for (const spec of allSpecs()) {
    const html = spec.render ? spec.render() : TEMPLATE[spec.cms](spec.meta, renderBody(spec.body, spec.style));
    const expected = ExpectedPage.parse(expectedPage(spec));
    const file = `${spec.name}.html`;
    const expectedFile = `${spec.name}.expected.json`;
    if (files.has(file)) throw new Error(`two fixtures named ${spec.name}`);
    files.set(file, html);
    files.set(expectedFile, formatJson(expected) + '\n');
    index.push({
      file,
      expected: expectedFile,
      url: spec.url,
      family: spec.family,
      cms: spec.cms,
      tests: spec.tests,
      ...(spec.corpus ? { corpus: spec.corpus } : {}),
      ...(spec.composed ? { composed: spec.composed } : {}),
      ...(spec.copyUrl ? { copyUrl: spec.copyUrl } : {}),
    });
  }
  files.set('index.json', formatJson(FixtureIndex.parse(index)) + '\n');
  return files;
}

/** Generated files are *.html, *.expected.json and index.json; README.md and the rest are written by hand. */
export const isGenerated = (name: string) => name.endsWith('.html') || name.endsWith('.expected.json') || name === 'index.json';

function main() {
  const at = process.argv.indexOf('--out');
  const out = at >= 0 && process.argv[at + 1] ? resolve(process.argv[at + 1]!) : FIXTURES_DIR;
  const files = buildFixtures();
  mkdirSync(out, { recursive: true });
  // A fixture that was renamed or dropped must not linger.
  for (const name of readdirSync(out)) if (isGenerated(name) && !files.has(name)) rmSync(resolve(out, name));
  for (const [name, text] of files) writeFileSync(resolve(out, name), text);
  console.log(`${files.size} fixture files written to ${out}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
