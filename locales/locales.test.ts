/**
 * The catalogues: zh_CN (the default) and en say the same things, and the code asks only for what
 * they have. A key missing in either locale, a placeholder one of them lacks, or a key the code
 * uses that no catalogue has fails here, not in front of a user.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import { ITEM_STATUSES } from '../lib/annotation/status';
import { NAMED_FIELDS, TYPE_NAMES } from '../lib/transfer/parse-file';
import { LOCALES_DIR } from '../tests/unit/i18n';

const ROOT = join(LOCALES_DIR, '..');
/** Read by the manifest (__MSG_…__), not by code. */
const MANIFEST_KEYS = ['extName', 'extDescription', 'commandRecognise'];

interface Entry {
  plural: boolean;
  substitutions: number;
  named: string[];
}

async function catalogue(locale: string): Promise<Map<string, Entry>> {
  const messages = await parseMessagesFile(join(LOCALES_DIR, `${locale}.yml`));
  return new Map(
    messages
      .filter((m) => !m.key[0]!.startsWith('@@'))
      .map((m) => [m.key.join('.'), { plural: m.type === 'plural', substitutions: m.substitutions, named: [...m.namedSubstitutions].sort() }]),
  );
}

const zh = await catalogue('zh_CN');
const en = await catalogue('en');
const groups = new Set([...zh.keys()].map((k) => k.split('.')[0]));

/** Every .ts/.tsx file of duban's code (no tests): where message keys are used. */
function sources(): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) out.push({ file: relative(ROOT, path), text: readFileSync(path, 'utf8') });
    }
  };
  for (const dir of ['components', 'entrypoints', 'lib', 'utils']) walk(join(ROOT, dir));
  return out;
}

/**
 * Keys in the code: string literals that start with a catalogue group ('bar.items', a Zod
 * message 'import.problem.instant', a code message('undo.noImport')), t('lang'), and the fixed
 * start of template literals (`status.${s}`). File names ('overview.html') are not keys.
 */
function usedKeys() {
  const exact = new Map<string, string>();
  const prefixes = new Map<string, string>();
  for (const { file, text } of sources()) {
    for (const [, key] of text.matchAll(/['"]([a-zA-Z]+(?:\.[A-Za-z0-9_]+)+)['"]/g)) {
      if (groups.has(key!.split('.')[0]!) && !/\.(html|css|js|ts|tsx|png|json|yml)$/.test(key!)) exact.set(key!, file);
    }
    for (const [, key] of text.matchAll(/\bt\(\s*['"]([A-Za-z]+)['"]/g)) exact.set(key!, file);
    for (const [, prefix] of text.matchAll(/`([a-zA-Z]+(?:\.[A-Za-z0-9_]+)*\.)\$\{/g)) {
      if (groups.has(prefix!.split('.')[0]!)) prefixes.set(prefix!, file);
    }
  }
  return { exact, prefixes };
}

describe('the catalogues', () => {
  it('have the same keys in zh_CN and en', () => {
    expect([...en.keys()].filter((k) => !zh.has(k)), 'in en.yml, not in zh_CN.yml').toEqual([]);
    expect([...zh.keys()].filter((k) => !en.has(k)), 'in zh_CN.yml, not in en.yml').toEqual([]);
  });

  it('take the same parameters in both: a count for the same plurals, the same {names}', () => {
    for (const [key, z] of zh) {
      const e = en.get(key);
      if (e) expect({ key, ...e }).toEqual({ key, ...z });
    }
  });

  it('keep every key apart in the browser, which joins a key with _ and ignores its case', () => {
    const seen = new Map<string, string>();
    for (const key of zh.keys()) {
      const chrome = key.replaceAll('.', '_').toLowerCase();
      expect(seen.get(chrome), `${key} and ${seen.get(chrome)}`).toBeUndefined();
      seen.set(chrome, key);
    }
  });

  it('have every key the code uses', () => {
    const { exact, prefixes } = usedKeys();
    expect(exact.size).toBeGreaterThan(100); // the scan finds the code's keys at all
    const missing = [...exact].filter(([key]) => !zh.has(key)).map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
    for (const [prefix, file] of prefixes) expect([...zh.keys()].some((k) => k.startsWith(prefix)), `${prefix}… (${file})`).toBe(true);
    // lib/ builds these from its own lists: every member has its words.
    const built = [
      ...ITEM_STATUSES.map((s) => `status.${s}`),
      ...[...NAMED_FIELDS].map((f) => `field.${f}`),
      ...[...TYPE_NAMES].map((t) => `type.${t}`),
    ];
    expect(built.filter((k) => !zh.has(k))).toEqual([]);
  });

  it('have no key the code never uses', () => {
    const { exact, prefixes } = usedKeys();
    const unused = [...zh.keys()].filter((k) => !MANIFEST_KEYS.includes(k) && !exact.has(k) && ![...prefixes.keys()].some((p) => k.startsWith(p)));
    expect(unused).toEqual([]);
  });
});
