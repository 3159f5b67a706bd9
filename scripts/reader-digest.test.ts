import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readerDigest } from './reader-digest';

describe('readerDigest', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('changes with the reader\'s sources, not with their tests', () => {
    dir = mkdtempSync(join(tmpdir(), 'reader-'));
    mkdirSync(join(dir, 'formats'));
    writeFileSync(join(dir, 'read.ts'), 'export const a = 1;');
    writeFileSync(join(dir, 'formats', 'table.ts'), 'export const b = 2;');
    const first = readerDigest(dir);
    expect(first).toMatch(/^[0-9a-f]{12}$/);
    writeFileSync(join(dir, 'read.test.ts'), 'it("x", () => {});');
    expect(readerDigest(dir)).toBe(first);
    writeFileSync(join(dir, 'formats', 'table.ts'), 'export const b = 3;');
    expect(readerDigest(dir)).not.toBe(first);
  });
});
