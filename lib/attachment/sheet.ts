/**
 * A spreadsheet attachment (.xlsx) as the viewer's document (./document.ts): each sheet's cells,
 * read by the pages' spreadsheet library (entrypoints/viewer/xlsx.ts), become the same model a
 * docx gives — the lines above the table (the title, 附件1) as paragraphs, the rest one table
 * whose merged cells span rows and columns — so the notice formats read a breakdown table in a
 * sheet as they read it in a Word file or on a page.
 */
import type { AttachmentDocument, DocBlock, DocCell } from './document';

/** A merged range, 0-based and inclusive. */
export interface SheetMerge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** One sheet as text: `rows[r][c]` the cell's text (a merged range's in its first cell), null when empty. */
export interface SheetGrid {
  name: string;
  rows: (string | null)[][];
  merges: SheetMerge[];
}

const filled = (s: string | null | undefined): s is string => s !== null && s !== undefined && s.trim() !== '';

/** The sheets as one document; a workbook of several sheets names each above its table. */
export function sheetsDocument(sheets: readonly SheetGrid[]): AttachmentDocument {
  const blocks: DocBlock[] = [];
  const shown = sheets.filter((s) => s.rows.some((r) => r.some(filled)));
  for (const sheet of shown) {
    if (shown.length > 1) blocks.push({ kind: 'paragraph', text: sheet.name, heading: 2 });
    blocks.push(...sheetBlocks(sheet));
  }
  return { blocks };
}

function sheetBlocks({ rows, merges }: SheetGrid): DocBlock[] {
  const width = Math.max(0, ...rows.map((r) => r.reduce((last, v, i) => (filled(v) ? i + 1 : last), 0)), ...merges.map((m) => m.right + 1));
  // A cell covered by a merge, not its first: no cell of its own.
  const covered = new Set<string>();
  const spanAt = new Map<string, SheetMerge>();
  for (const m of merges) {
    spanAt.set(`${m.top},${m.left}`, m);
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
  }
  // A row with nothing written and no merge running into it says nothing: left out.
  const kept = rows.map((r, i) => r.some(filled) || merges.some((m) => m.top < i && i <= m.bottom));
  const blocks: DocBlock[] = [];
  const table: DocCell[][] = [];
  const inTable = () => table.length > 0;
  for (let r = 0; r < rows.length; r++) {
    if (!kept[r]) continue;
    const row = rows[r];
    const texts = row.filter(filled);
    // Above the table, a line of one cell (the title, 附件1) is a paragraph, as it is in the docx.
    if (!inTable() && texts.length === 1 && !merges.some((m) => m.top < r && r <= m.bottom)) {
      blocks.push({ kind: 'paragraph', text: texts[0].trim() });
      continue;
    }
    const cells: DocCell[] = [];
    for (let c = 0; c < width; c++) {
      if (covered.has(`${r},${c}`)) continue;
      const m = spanAt.get(`${r},${c}`);
      const rowSpan = m ? kept.slice(r, Math.min(m.bottom, rows.length - 1) + 1).filter(Boolean).length || 1 : 1;
      const colSpan = m ? Math.min(m.right, width - 1) - c + 1 : 1;
      const text = row[c];
      cells.push({ paragraphs: filled(text) ? text.split(/\r?\n/).map((p) => p.trim()).filter(Boolean) : [], colSpan, rowSpan });
    }
    table.push(cells);
  }
  if (inTable()) blocks.push({ kind: 'table', rows: table });
  return blocks;
}
