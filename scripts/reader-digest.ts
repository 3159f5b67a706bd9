/**
 * Which reader a build carries: a digest of the sources that read a page (lib/notice, tests left
 * out), built into the extension (wxt.config.ts, __DUBAN_READER__). The background keeps the pages
 * it knows with the reader that read them, and a page kept by another reader is read again, so an
 * update that reads pages otherwise (a fixed unit list, a look-alike now refused) shows on pages
 * known before it.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

/** 12 hex digits of SHA-256 over the reader's sources, each with its path, in path order. */
export function readerDigest(dir: string): string {
  const hash = createHash('sha256');
  for (const path of sources(dir).sort()) hash.update(`${relative(dir, path)}\0${readFileSync(path, 'utf8')}\0`);
  return hash.digest('hex').slice(0, 12);
}
