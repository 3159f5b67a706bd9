// The layers of lib/ (docs/architecture.md), checked on every import, type-only ones included:
//   core     the model and pure derivations; imports nothing else of duban
//   features pure feature logic; imports the core only (and its own folder)
//   storage  the database; imports the core only
//   contract the messages between duban's parts; may name the answers of every layer
// No cycle between files nor between folders. lib/ never imports wxt, the browser, components/,
// entrypoints/ or utils/. Tests (*.test.ts) and test support (a test/ folder) may import any layer,
// fixtures in tests/ and the background's router (entrypoints/background/, plain TypeScript that
// runs in Node), never wxt, the browser or components/.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { init, parse } from 'es-module-lexer';
import { describe, expect, it } from 'vitest';

type Layer = 'core' | 'feature' | 'storage' | 'contract';

/** Which layer each folder (or file at lib/'s root) is. A new one must be placed here. */
const LAYERS: Record<string, Layer> = {
  'lib/annotation': 'core',
  'lib/notice': 'core',
  'lib/summary': 'core',
  'lib/util': 'core',
  'lib/message.ts': 'core',
  'lib/followup': 'feature',
  'lib/transfer': 'feature',
  'lib/attachment': 'feature',
  'lib/db': 'storage',
  'lib/protocol.ts': 'contract',
};

const MAY_IMPORT: Record<Layer, readonly Layer[]> = {
  core: ['core'],
  feature: ['core'],
  storage: ['core'],
  contract: ['core', 'feature', 'storage'],
};

/** Packages that are the browser or the extension framework: lib/ runs in Node without them. */
const BROWSER_ONLY = /^(wxt|#imports|@wxt-dev\/|@webext-core\/|webextension-polyfill|chrome$)/;

const ROOT = join(__dirname, '..');
const isTest = (file: string) => /\.test\.tsx?$/.test(file) || file.split('/').includes('test');

function listFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(join(ROOT, path)).isDirectory()) return listFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * The module specifiers a TypeScript file imports or re-exports, `import type` included. Only
 * the import and export-from statements are read (the rest of the file may be any TypeScript),
 * with their `type` modifiers dropped so that es-module-lexer reads them as JavaScript.
 */
async function specifiers(source: string): Promise<string[]> {
  await init;
  const statements = [
    ...source.matchAll(/^[ \t]*import\s+(?:type\s+)?[^'";]*?\bfrom\s*(['"])[^'"\n]+\1/gm),
    ...source.matchAll(/^[ \t]*import\s*(['"])[^'"\n]+\1/gm),
    ...source.matchAll(/^[ \t]*export\s+(?:type\s+)?(?:\*(?:\s+as\s+\w+)?|\{[^}]*\})\s*from\s*(['"])[^'"\n]+\1/gm),
    ...source.matchAll(/\bimport\(\s*(['"])[^'"\n]+\1\s*\)/g),
  ].map((m) => m[0].replace(/^(\s*(?:import|export))\s+type\b/, '$1').replace(/([{,]\s*)type\s+(?=\w)/g, '$1'));
  const [imports] = parse(statements.join(';\n'));
  return imports.map((i) => i.n).filter((n): n is string => n !== undefined);
}

/** A relative specifier resolved to a repository path (lib/db/database.ts), else the specifier itself. */
function resolve(from: string, spec: string): string {
  if (!spec.startsWith('.')) return spec;
  const base = normalize(join(dirname(from), spec));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`]) {
    try {
      if (statSync(join(ROOT, candidate)).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  throw new Error(`${from}: cannot resolve ${spec}`);
}

/** The folder or root file a lib/ path belongs to: its key in LAYERS. */
const unitOf = (path: string) => path.split('/').slice(0, 2).join('/');

/** A cycle in a directed graph, as the nodes along it (first = last), or undefined. */
function findCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'done') return undefined;
    if (state.get(node) === 'open') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

interface Edge {
  from: string;
  to: string;
}

/** Imports against the layers: lib/ importing what lib/ must not, or a layer importing above itself. */
function layerViolations(edges: readonly Edge[], layers: Record<string, Layer> = LAYERS): string[] {
  const out: string[] = [];
  for (const { from, to } of edges) {
    const test = isTest(from);
    if (BROWSER_ONLY.test(to) || to.startsWith('components/') || to.startsWith('utils/')) {
      out.push(`${from} imports ${to}: lib/ runs without the browser and the UI`);
      continue;
    }
    if (to.startsWith('entrypoints/')) {
      if (!test || !to.startsWith('entrypoints/background/')) out.push(`${from} imports ${to}: lib/ never imports entrypoints/`);
      continue;
    }
    if (test || !to.startsWith('lib/') || isTest(to)) continue;
    const [a, b] = [unitOf(from), unitOf(to)];
    if (a === b) continue;
    const [la, lb] = [layers[a], layers[b]];
    if (!la) out.push(`${a} is in no layer (add it to LAYERS and docs/architecture.md)`);
    else if (!lb) out.push(`${b} is in no layer (add it to LAYERS and docs/architecture.md)`);
    else if (!MAY_IMPORT[la].includes(lb)) out.push(`${from} (${la}) imports ${to} (${lb})`);
  }
  return [...new Set(out)];
}

async function libEdges(): Promise<Edge[]> {
  const edges: Edge[] = [];
  for (const from of listFiles('lib')) {
    for (const spec of await specifiers(readFileSync(join(ROOT, from), 'utf8'))) edges.push({ from, to: resolve(from, spec) });
  }
  return edges;
}

function graphOf(edges: readonly Edge[], node: (path: string) => string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const { from, to } of edges) {
    if (isTest(from) || !to.startsWith('lib/')) continue;
    const [a, b] = [node(from), node(to)];
    if (a === b) continue;
    graph.set(a, [...(graph.get(a) ?? []), b]);
  }
  return graph;
}

describe('the layers of lib/', () => {
  it('reads every kind of import, type-only ones too', async () => {
    const source = [
      "import type { A } from './a';",
      "import { type B, c } from '../b';",
      'import {',
      '  d,',
      '  type E,',
      "} from './d';",
      "import './side-effect';",
      "export { f } from './f';",
      "export type { G } from './g';",
      "export * from './h';",
      // (built so that this file does not itself seem to import ./i)
      `type I = typeof ${'import'}('./i');`,
      "const text = 'import nothing from this string';",
    ].join('\n');
    expect((await specifiers(source)).sort()).toEqual(['../b', './a', './d', './f', './g', './h', './i', './side-effect']);
  });

  it('finds a cycle and an import against the layers when there is one', () => {
    expect(findCycle(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]]))).toEqual(['a', 'b', 'c', 'a']);
    expect(findCycle(new Map([['a', ['b', 'c']], ['b', ['c']]]))).toBeUndefined();
    expect(
      layerViolations([
        { from: 'lib/notice/a.ts', to: 'lib/db/database.ts' },
        { from: 'lib/transfer/a.ts', to: 'lib/followup/b.ts' },
        { from: 'lib/db/a.ts', to: 'wxt/browser' },
        { from: 'lib/db/a.ts', to: 'lib/notice/types.ts' },
        { from: 'lib/db/a.test.ts', to: 'entrypoints/background/router.ts' },
        { from: 'lib/db/a.test.ts', to: 'components/ItemRow.tsx' },
        { from: 'lib/newfolder/a.ts', to: 'lib/notice/types.ts' },
      ]),
    ).toEqual([
      'lib/notice/a.ts (core) imports lib/db/database.ts (storage)',
      'lib/transfer/a.ts (feature) imports lib/followup/b.ts (feature)',
      'lib/db/a.ts imports wxt/browser: lib/ runs without the browser and the UI',
      'lib/db/a.test.ts imports components/ItemRow.tsx: lib/ runs without the browser and the UI',
      'lib/newfolder is in no layer (add it to LAYERS and docs/architecture.md)',
    ]);
  });

  it('places every folder in a layer, and every import follows the layers', async () => {
    const edges = await libEdges();
    const units = new Set(listFiles('lib').filter((f) => !isTest(f)).map(unitOf));
    expect([...units].filter((u) => !LAYERS[u])).toEqual([]);
    expect(layerViolations(edges)).toEqual([]);
  });

  it('has no import cycle, between files or between folders', async () => {
    const edges = await libEdges();
    expect(findCycle(graphOf(edges, (p) => p))).toBeUndefined();
    expect(findCycle(graphOf(edges, unitOf))).toBeUndefined();
  });

  it('matches the layers docs/architecture.md describes', () => {
    const doc = readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8');
    for (const [unit, layer] of Object.entries(LAYERS)) expect(doc, `${unit} as ${layer}`).toMatch(new RegExp(`\\| \`${unit.replace('.', '\\.')}/?\` \\| ${layer} \\|`));
  });
});
