/**
 * A PDF's text layer (the text items pdf.js gives, each with its position) rebuilt as a reader
 * sees the page: lines from items at one height, left to right; a line whose items stand apart
 * in columns is a table row, its columns those of the table's first row (the header); a line
 * that starts in a later column continues the row above (a cell's text wrapped), a one-piece line
 * at the first column between rows is a group row across the table; a line of prose that runs to
 * the right margin goes on in the next line (one paragraph).
 */
import type { AttachmentDocument, DocBlock, DocCell } from './document';

export interface PdfTextItem {
  text: string;
  /** Left edge, in points. */
  x: number;
  /** Baseline from the page's bottom, in points. */
  y: number;
  width: number;
  /** The font size (the item's height). */
  size: number;
}

interface Segment {
  x: number;
  right: number;
  text: string;
}
interface Line {
  segments: Segment[];
  size: number;
}

/** Items whose gap is under this many font sizes are one piece of text; wider, two columns. */
const COLUMN_GAP = 1.2;

function linesOf(items: readonly PdfTextItem[]): Line[] {
  const sorted = items.filter((i) => i.text.trim()).sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PdfTextItem[][] = [];
  for (const it of sorted) {
    const last = lines.at(-1);
    if (last && Math.abs(last[0].y - it.y) < Math.max(1, it.size * 0.4)) last.push(it);
    else lines.push([it]);
  }
  return lines.map((l) => {
    l.sort((a, b) => a.x - b.x);
    const size = Math.max(...l.map((i) => i.size));
    const segments: Segment[] = [];
    for (const it of l) {
      const prev = segments.at(-1);
      if (prev && it.x - prev.right < size * COLUMN_GAP) {
        prev.text += it.text;
        prev.right = it.x + it.width;
      } else segments.push({ x: it.x, right: it.x + it.width, text: it.text });
    }
    return { segments, size };
  });
}

/** The column a segment starting at `x` is in: the last column starting at or before it. */
function columnAt(columns: readonly number[], x: number, size: number): number {
  let c = 0;
  for (let i = 0; i < columns.length; i++) if (columns[i] <= x + size) c = i;
  return c;
}

/** A table being rebuilt: its columns' left edges, its rows, and the cells the last row's text goes on in. */
interface OpenTable {
  columns: number[];
  rows: DocCell[][];
  /** Each column's cell in the row being read, and whether its last line ran to the column's edge. */
  last: ({ cell: DocCell; wrapped: boolean } | undefined)[];
  /** Group rows since the last row of tasks: a list title above the next table, if one starts. */
  trailing: number;
}

/** The document of a PDF's pages, each page's text items. */
export function layoutPdf(pages: readonly (readonly PdfTextItem[])[]): AttachmentDocument {
  const lines = pages.flatMap(linesOf);
  const right = Math.max(0, ...lines.flatMap((l) => l.segments.map((s) => s.right)));
  const blocks: DocBlock[] = [];
  let table: OpenTable | undefined;
  let paragraphOpen = false;

  /** Whether a segment ends at its column's edge: its text goes on in the next line. */
  const reachesEdge = (t: OpenTable, c: number, s: Segment, size: number) => s.right >= (t.columns[c + 1] ?? right) - size * 3;
  /** A row of tasks, or the table's header. */
  const startRow = (t: OpenTable, segments: Segment[], size: number) => {
    t.last = t.columns.map(() => undefined);
    const row: DocCell[] = [];
    t.columns.forEach((_, c) => row.push({ paragraphs: [], colSpan: 1, rowSpan: 1 }));
    for (const s of segments) {
      const c = columnAt(t.columns, s.x, size);
      row[c].paragraphs.push(s.text);
      t.last[c] = { cell: row[c], wrapped: reachesEdge(t, c, s, size) };
    }
    t.rows.push(row);
    t.trailing = 0;
  };
  const goOn = (t: OpenTable, segments: Segment[], size: number) => {
    for (const s of segments) {
      const c = columnAt(t.columns, s.x, size);
      const open = t.last[c];
      if (!open) continue;
      // A line under one that ran to the edge goes on with it; under a shorter one it is the cell's next paragraph.
      if (open.wrapped && open.cell.paragraphs.length) open.cell.paragraphs[open.cell.paragraphs.length - 1] += s.text;
      else open.cell.paragraphs.push(s.text);
      open.wrapped = reachesEdge(t, c, s, size);
    }
  };
  const startTable = (segments: Segment[], size: number) => {
    if (table?.trailing) {
      // The group rows after the last tasks were the next table's title: paragraphs above it.
      for (const row of table.rows.splice(table.rows.length - table.trailing)) blocks.push({ kind: 'paragraph', text: row[0].paragraphs.join('') });
    }
    table = { columns: segments.map((s) => s.x), rows: [], last: [], trailing: 0 };
    startRow(table, segments, size);
    blocks.push({ kind: 'table', rows: table.rows });
    paragraphOpen = false;
  };

  for (let i = 0; i < lines.length; i++) {
    const { segments, size } = lines[i];
    const multi = segments.length > 1;
    if (table) {
      const t: OpenTable = table;
      const first = columnAt(t.columns, segments[0].x, size);
      const header = t.rows[0]?.[0]?.paragraphs.join('');
      // Another table: its header again, or columns this one has not.
      const another = multi && (segments[0].text === header || segments.some((s) => !t.columns.some((x) => Math.abs(x - s.x) < size)));
      if (another) {
        startTable(segments, size);
        continue;
      }
      if (multi || first > 0) {
        if (first === 0) startRow(t, segments, size);
        else goOn(t, segments, size);
        continue;
      }
      if ((lines[i + 1]?.segments.length ?? 0) > 1) {
        // A group row across the table.
        t.rows.push([{ paragraphs: [segments[0].text], colSpan: t.columns.length, rowSpan: 1 }]);
        t.last = t.columns.map(() => undefined);
        t.trailing++;
        continue;
      }
      table = undefined;
    }
    if (multi) {
      startTable(segments, size);
      continue;
    }
    const text = segments[0].text;
    const prev = blocks.at(-1);
    if (paragraphOpen && prev?.kind === 'paragraph') prev.text += text;
    else blocks.push({ kind: 'paragraph', text });
    // A line that reaches the right margin is wrapped: the next line goes on with it.
    paragraphOpen = segments[0].right >= right - size * 1.5;
  }
  return { blocks, pages: pages.length };
}

/** What pdf.js's getTextContent() gives per item (its TextItem; marked-content items have no `str`). */
interface PdfJsItem {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
}

/** One page's text content from pdf.js as positioned items. */
export function pdfTextItems(content: { items: readonly unknown[] }): PdfTextItem[] {
  const out: PdfTextItem[] = [];
  for (const raw of content.items) {
    const it = raw as PdfJsItem;
    if (typeof it.str !== 'string' || !it.transform) continue;
    const [a, b, , d, x, y] = it.transform;
    out.push({ text: it.str, x, y, width: it.width ?? 0, size: it.height || Math.hypot(a, b) || Math.abs(d) || 10 });
  }
  return out;
}
