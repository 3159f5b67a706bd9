/**
 * A table's own rows and cells, as both the table reader (formats/table.ts) and the overlay rows
 * (row-placement.ts) see them: rows duban added for its overlays are no part of the page.
 */
import { OVERLAY_ROW } from './extract-text';

export const isCell = (el: Element) => el.localName === 'td' || el.localName === 'th';

/** A cell's rowspan or colspan, as browsers bound it (1 to 100 here: a stray 9999 is a typo). */
export const cellSpan = (el: Element, name: 'rowspan' | 'colspan') => Math.max(1, Math.min(100, Number(el.getAttribute(name)) || 1));

const isOwnRow = (el: Element) => el.localName === 'tr' && !el.hasAttribute(OVERLAY_ROW);

/** The table's rows, in order (its own: a leaf table holds no other), without duban's overlay rows. */
export function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (let el = table.firstElementChild; el; el = el.nextElementSibling) {
    if (isOwnRow(el)) rows.push(el);
    else if (el.localName === 'tbody' || el.localName === 'thead' || el.localName === 'tfoot') {
      for (let tr = el.firstElementChild; tr; tr = tr.nextElementSibling) if (isOwnRow(tr)) rows.push(tr);
    }
  }
  return rows;
}
