/**
 * Where duban's editor floats beside the item it edits, in window coordinates (px from the top of
 * the window): under the item's row; where the window has no room for it there even once the page
 * has scrolled, above the item's text, never over it (the user must see what they edit).
 */

/** An item as laid out in the window: where its text begins (or its responsibility line, when that comes first) and its row. */
export interface ItemSpan {
  textTop: number;
  rowTop: number;
  rowBottom: number;
}

/** How far the page can scroll now: down, and back up. */
export interface ScrollRoom {
  down: number;
  up: number;
}

/** How far the page scrolls (down when positive) before the editor opens, so that it fits: under the row, else above the text. */
export function scrollForEditor(item: ItemSpan, height: number, viewport: number, room: ScrollRoom, gap: number): number {
  // The least that shows the editor whole under the row: as much of the item above it as can be.
  const under = item.rowBottom + gap + height + gap - viewport;
  if (under <= 0) return 0;
  // (Not so far that the row leaves the window: an editor nearly as tall as it goes above instead.)
  if (under <= room.down && item.rowTop - under >= 0) return under;
  // The end of the page: above the item, moving its text down under the editor if need be.
  const over = Math.min(item.textTop, item.rowTop) - gap - height - gap;
  if (over >= 0) return 0;
  return -over <= room.up ? over : 0;
}

/** The editor's top: under the row when it fits there, else above the item's text when it fits there, else as low as the window allows. */
export function editorTop(item: ItemSpan, height: number, viewport: number, gap: number): number {
  const under = item.rowBottom + gap;
  if (under + height + gap <= viewport) return under;
  const over = Math.min(item.textTop, item.rowTop) - gap - height;
  if (over >= gap) return over;
  // Room neither way (an item nearly as tall as the window, the history open as tall as it): the
  // editor whole in the window, over as little of the item's beginning as it can.
  return Math.max(gap, Math.min(under, viewport - gap - height));
}

/**
 * The tallest editor the window holds beside the whole item (its text and row) once the page has
 * scrolled it to one edge: a taller one would cover what the user edits.
 */
export function roomBeside(item: ItemSpan, viewport: number, gap: number): number {
  return viewport - (item.rowBottom - Math.min(item.textTop, item.rowTop)) - 3 * gap;
}
