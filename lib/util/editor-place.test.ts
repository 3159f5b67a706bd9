import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editorTop, roomBeside, scrollForEditor } from './editor-place';

const GAP = 4;
const H = 300;
const VIEW = 800;
const lots = { down: 20_000, up: 20_000 };

describe('where the editor opens', () => {
  it('under the row when the window has room there', () => {
    const item = { textTop: 100, rowTop: 140, rowBottom: 170 };
    expect(scrollForEditor(item, H, VIEW, lots, GAP)).toBe(0);
    expect(editorTop(item, H, VIEW, GAP)).toBe(174);
  });

  it('under the row in the lower part of the window, the page scrolled just enough, when the page goes on below', () => {
    // 13-flip: the row at 620–650 of 800, the page long below it.
    const item = { textTop: 580, rowTop: 620, rowBottom: 650 };
    const dy = scrollForEditor(item, H, VIEW, lots, GAP);
    expect(dy).toBe(650 + 4 + 300 + 4 - 800);
    const moved = { textTop: item.textTop - dy, rowTop: item.rowTop - dy, rowBottom: item.rowBottom - dy };
    expect(editorTop(moved, H, VIEW, GAP)).toBe(moved.rowBottom + GAP);
  });

  it('above the item’s text, never over it, at the end of the page', () => {
    // The last item: the page cannot scroll on.
    const item = { textTop: 470, rowTop: 567, rowBottom: 597 };
    expect(scrollForEditor(item, H, 900, { down: 0, up: 570 }, GAP)).toBe(0);
    expect(editorTop(item, H, 900, GAP)).toBe(470 - 4 - 300);
    // Its text too near the top of the window: the page scrolls up until the editor fits above it.
    const high = { textTop: 200, rowTop: 567, rowBottom: 597 };
    expect(scrollForEditor(high, H, 900, { down: 0, up: 570 }, GAP)).toBe(200 - 308);
    expect(editorTop({ textTop: 308, rowTop: 675, rowBottom: 705 }, H, 900, GAP)).toBe(4);
  });

  it('whole in the window, and over none of the item where it fits beside it', () => {
    const span = fc.record({ textTop: fc.integer({ min: -2000, max: 2000 }), text: fc.integer({ min: 0, max: 400 }), row: fc.integer({ min: 20, max: 60 }) });
    fc.assert(
      fc.property(span, fc.integer({ min: 400, max: 1400 }), fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 3000 }), (s, view, down, up) => {
        const height = Math.min(H, view - 2 * GAP);
        const item = { textTop: s.textTop, rowTop: s.textTop + s.text, rowBottom: s.textTop + s.text + s.row };
        const dy = scrollForEditor(item, height, view, { down, up }, GAP);
        expect(dy <= down && -dy <= up).toBe(true);
        const at = { textTop: item.textTop - dy, rowTop: item.rowTop - dy, rowBottom: item.rowBottom - dy };
        const top = editorTop(at, height, view, GAP);
        // When the item is in the window, so is the editor, whole.
        if (at.textTop >= 0 && at.rowBottom <= view) expect(top >= 0 && top + height <= view).toBe(true);
        // It never covers the item where there is room under the row or above the text.
        const room = at.rowBottom + GAP + height + GAP <= view || at.textTop - GAP - height >= GAP;
        if (room) expect(top >= at.rowBottom || top + height <= at.textTop).toBe(true);
      }),
    );
  });

  it('grown (the history open) only as tall as the window holds beside the item, and then under it with the page scrolled, over none of it', () => {
    // Item 20 of the table layout in an 800 px window: its text at 380, its row 460–490, the page long below.
    const item = { textTop: 380, rowTop: 460, rowBottom: 490 };
    expect(roomBeside(item, VIEW, GAP)).toBe(800 - 110 - 12);
    // In a 600 px window the history gets what is left beside the item, not the window's height.
    const tall = Math.min(620, 600 - 2 * GAP, roomBeside(item, 600, GAP));
    expect(tall).toBe(600 - 110 - 12);
    const dy = scrollForEditor(item, tall, 600, lots, GAP);
    const at = { textTop: item.textTop - dy, rowTop: item.rowTop - dy, rowBottom: item.rowBottom - dy };
    const top = editorTop(at, tall, 600, GAP);
    expect(at.textTop).toBeGreaterThanOrEqual(0);
    expect(top).toBeGreaterThanOrEqual(at.rowBottom);
    expect(top + tall).toBeLessThanOrEqual(600);
  });

  it('of the height roomBeside allows, covers none of the item wherever the page lets it scroll that far', () => {
    const span = fc.record({ textTop: fc.integer({ min: -2000, max: 2000 }), text: fc.integer({ min: 0, max: 300 }), row: fc.integer({ min: 20, max: 60 }) });
    fc.assert(
      fc.property(span, fc.integer({ min: 500, max: 1400 }), (s, view) => {
        const item = { textTop: s.textTop, rowTop: s.textTop + s.text, rowBottom: s.textTop + s.text + s.row };
        const height = Math.min(620, roomBeside(item, view, GAP));
        const dy = scrollForEditor(item, height, view, lots, GAP);
        const at = { textTop: item.textTop - dy, rowTop: item.rowTop - dy, rowBottom: item.rowBottom - dy };
        const top = editorTop(at, height, view, GAP);
        expect(top >= at.rowBottom || top + height <= at.textTop).toBe(true);
      }),
    );
  });
});
