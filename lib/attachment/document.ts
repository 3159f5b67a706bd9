/**
 * An attachment's content as a reader sees it: paragraphs and tables (cells spanning columns and
 * rows), in order. What the docx and pdf readers give and what the viewer builds as DOM nodes
 * (./render.ts), so the notice formats read it as they read a web page.
 */

export interface DocParagraph {
  kind: 'paragraph';
  /** The paragraph's text, its automatic number (1. 一、) written in front; lines broken by \n. */
  text: string;
  /** 1–6 for a heading style. */
  heading?: number;
}

export interface DocCell {
  /** The cell's paragraphs. */
  paragraphs: string[];
  colSpan: number;
  rowSpan: number;
}

export interface DocTable {
  kind: 'table';
  /** Each row's cells; a cell spanning rows is in its first row only. */
  rows: DocCell[][];
}

export type DocBlock = DocParagraph | DocTable;

export interface AttachmentDocument {
  blocks: DocBlock[];
  /** For a PDF: its page count. */
  pages?: number;
}

/** Every text of the document in order, for tests and for telling a document without text. */
export function documentText(d: AttachmentDocument): string {
  return d.blocks
    .map((b) => (b.kind === 'paragraph' ? b.text : b.rows.map((r) => r.map((c) => c.paragraphs.join('\n')).join('\t')).join('\n')))
    .join('\n');
}
