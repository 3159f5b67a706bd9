/**
 * What a notice page's row shows of a note: its first NOTE_PREVIEW characters, white space folded,
 * and … when there is more. The background sends a page its annotations with this in place of the
 * whole note (`pageAnnotation`): a row shows no more, the page's process holds no more of what the
 * user wrote, and a year of long notes does not cross to the page on every load (~1 KB a note:
 * 200 of them held up the rows by ~20 ms, npm run bench: load_overlay_ready_ms). The whole note is
 * read and edited in duban's editor frame, which the background serves in full.
 */
import type { ItemAnnotation } from './model';

/** How much of a note the one-line row shows. */
export const NOTE_PREVIEW = 140;

/** The row's preview of `note`; a preview is its own preview. */
export function notePreview(note: string): string {
  const folded = note.replace(/\s+/g, ' ').trim();
  return folded.length > NOTE_PREVIEW ? `${folded.slice(0, NOTE_PREVIEW)}…` : folded;
}

/** An annotation as a notice page gets it: its note, and any other note record's text, as previews. */
export function pageAnnotation(a: ItemAnnotation): ItemAnnotation {
  const { noteCopies } = a;
  return {
    ...a,
    note: notePreview(a.note),
    ...(noteCopies ? { noteCopies: noteCopies.map((c) => ({ ...c, text: notePreview(c.text) })) } : {}),
  };
}
