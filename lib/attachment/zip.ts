/**
 * Opening an office zip (docx, xlsx) safely: its directory is checked against limits — how many
 * entries, how large they say they expand, how much more than their compressed size — before a
 * single byte is inflated, and only the entries asked for are inflated. A header that lies gets
 * no further: fflate inflates an entry into a buffer of its declared size and never grows it, so
 * the entry comes out cut (./zip.test.ts). Attachments are untrusted files.
 */
import { unzipSync, type UnzipFileInfo } from 'fflate';

export const ZIP_LIMITS = {
  /** A docx has a few dozen entries. */
  entries: 5000,
  /** All entries together, as their headers declare. */
  expanded: 300 * 1024 * 1024,
  /** One entry inflated. */
  entry: 100 * 1024 * 1024,
  /** Expanded / compressed, for an entry over `ratioFloor` bytes expanded. */
  ratio: 200,
  ratioFloor: 1024 * 1024,
};

export class UnsafeZip extends Error {}

/** The entries `wanted` says yes to, inflated; throws UnsafeZip when the zip passes a limit. */
export function openZip(bytes: Uint8Array, wanted: (name: string) => boolean, limits = ZIP_LIMITS): Record<string, Uint8Array> {
  let entries = 0;
  let expanded = 0;
  const check = (f: UnzipFileInfo) => {
    if (++entries > limits.entries) throw new UnsafeZip(`more than ${limits.entries} entries`);
    expanded += f.originalSize;
    if (expanded > limits.expanded) throw new UnsafeZip(`expands to more than ${limits.expanded} bytes`);
    if (f.originalSize > limits.entry) throw new UnsafeZip(`${f.name} expands to ${f.originalSize} bytes`);
    if (f.originalSize > limits.ratioFloor && f.originalSize > limits.ratio * Math.max(1, f.size)) throw new UnsafeZip(`${f.name} expands ${Math.round(f.originalSize / Math.max(1, f.size))} times`);
  };
  // First the directory alone (nothing inflated), then the wanted entries.
  unzipSync(bytes, { filter: (f) => (check(f), false) });
  return unzipSync(bytes, { filter: (f) => wanted(f.name) });
}

/** The names of a zip's entries (after the same checks), to tell a docx from an xlsx. */
export function zipNames(bytes: Uint8Array, limits = ZIP_LIMITS): string[] {
  const names: string[] = [];
  openZip(bytes, (n) => (names.push(n), false), limits);
  return names;
}
