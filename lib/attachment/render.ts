/**
 * Builds an attachment's document (./document.ts) as DOM nodes under `into`: <p> per paragraph
 * (a heading as <h1>–<h6>), <table> with colspan/rowspan, each cell's paragraphs as <p>. Text is
 * always a text node: nothing of the file is ever parsed as HTML or run.
 */
import type { AttachmentDocument, DocBlock } from './document';

function paragraph(doc: Document, tag: string, text: string): HTMLElement {
  const p = doc.createElement(tag);
  text.split('\n').forEach((line, i) => {
    if (i) p.append(doc.createElement('br'));
    p.append(doc.createTextNode(line));
  });
  return p;
}

function block(doc: Document, b: DocBlock): HTMLElement {
  if (b.kind === 'paragraph') return paragraph(doc, b.heading ? `h${Math.min(6, Math.max(1, b.heading))}` : 'p', b.text);
  const table = doc.createElement('table');
  const body = doc.createElement('tbody');
  for (const row of b.rows) {
    const tr = doc.createElement('tr');
    for (const cell of row) {
      const td = doc.createElement('td');
      if (cell.colSpan > 1) td.setAttribute('colspan', String(cell.colSpan));
      if (cell.rowSpan > 1) td.setAttribute('rowspan', String(cell.rowSpan));
      for (const text of cell.paragraphs) td.append(paragraph(doc, 'p', text));
      tr.append(td);
    }
    body.append(tr);
  }
  table.append(body);
  return table;
}

export function renderDocument(doc: Document, d: AttachmentDocument, into: Element): void {
  const frag = doc.createDocumentFragment();
  for (const b of d.blocks) frag.append(block(doc, b));
  into.append(frag);
}
