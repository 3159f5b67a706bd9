// Notice records and annotations are written only through writeRecords (./records.ts), which keeps
// the popup's digests in step: a write of those tables anywhere else in duban's code could leave
// the digests behind (./digests.test.ts checks, by property, that the paths taken keep them).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');
/** The one write path, and the schema's upgrades (which derive the digests themselves). */
const ALLOWED = new Set(['lib/db/records.ts', 'lib/db/database.ts']);
const WRITE = '(?:put|bulkPut|add|bulkAdd|delete|bulkDelete|update|bulkUpdate|clear|modify)';
/** `db.annotations.put(`, `this.notices.where(…).modify(`, `table('annotations')…delete(`: one statement. */
const DIRECT_WRITE = new RegExp(`(?:\\.(?:annotations|notices)\\b|table\\(\\s*['"](?:annotations|notices)['"]\\s*\\))[^;]*?\\.${WRITE}\\(`, 'g');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(join(ROOT, path)).isDirectory()) return name === 'test' ? [] : sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The writes of the notices and annotations tables a source makes, as `file: statement`. */
function directWrites(path: string, source: string): string[] {
  return [...source.matchAll(DIRECT_WRITE)].map((m) => `${path}: ${m[0].replace(/\s+/g, ' ')}`);
}

describe('the write path of notices and annotations', () => {
  it('sees a direct write when there is one', () => {
    const source = [
      'await db.annotations.put(a);',
      'await db.notices.where("key").equals(k).modify((n) => n);',
      "await tx.table('annotations').bulkDelete(keys);",
      'await db.annotations.where("noticeKey").equals(k).toArray();',
      'await db.history.bulkAdd(entries);',
    ].join('\n');
    expect(directWrites('x.ts', source)).toEqual([
      'x.ts: .annotations.put(',
      'x.ts: .notices.where("key").equals(k).modify(',
      "x.ts: table('annotations').bulkDelete(",
    ]);
  });

  it('goes through writeRecords everywhere in duban', () => {
    const files = ['lib', 'entrypoints', 'components'].flatMap(sources).filter((f) => !ALLOWED.has(f));
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap((f) => directWrites(f, readFileSync(join(ROOT, f), 'utf8')))).toEqual([]);
  });
});
