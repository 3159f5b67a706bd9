/**
 * Overlays of items laid out as table rows (a task table; the seed's old layout, number cell, text
 * cell, 牵头单位 row): each in a row of its own after the item's row, a <tr> with one
 * <td colspan=N> spanning the table where the overlay's host goes, never inside a cell. Rows tied
 * by a cell spanning them (a leader, a project or a 牵头单位 shared by several tasks) are one
 * group: the overlays of its tasks go after the group's last row, in task order, so that no added
 * row cuts through a rowspan and every row keeps the table's columns.
 *
 * The only placement that adds to the page: asked where an item's overlay goes, it adds the
 * item's overlay row (once; asked again, the same row), marked OVERLAY_ROW so that no reading of
 * the page takes it for the page's own (extract-text.ts, table-rows.ts). removeOverlayRows takes
 * them out again.
 */
import { OVERLAY_ROW } from './extract-text';
import type { AnchorNodes, OverlayPlacement, Position } from './formats/format';
import { cellSpan, isCell, tableRows } from './table-rows';

export { OVERLAY_ROW };

/** A table's rows as the overlays need them: who spans what. */
interface Shape {
  rows: Element[];
  index: Map<Element, number>;
  /** Columns: the widest row, spans counted. */
  width: number;
  /** Per row: the last row a cell covering it reaches. */
  reach: number[];
  /** Per row: the rows above it where a cell covering it starts (rows shared with tasks above). */
  from: number[][];
  /** An empty overlay row spanning the table, to clone. */
  overlayRow(): Element;
}

function shapeOf(rows: Element[]): Shape {
  const taken: boolean[][] = rows.map(() => []);
  const reach = rows.map((_, r) => r);
  const from: number[][] = rows.map(() => []);
  let width = 0;
  rows.forEach((tr, r) => {
    let c = 0;
    for (let el = tr.firstElementChild; el; el = el.nextElementSibling) {
      if (!isCell(el)) continue;
      while (taken[r][c]) c++;
      const last = Math.min(rows.length - 1, r + cellSpan(el, 'rowspan') - 1);
      const colspan = cellSpan(el, 'colspan');
      for (let rr = r; rr <= last; rr++) {
        for (let dc = 0; dc < colspan; dc++) taken[rr][c + dc] = true;
        reach[rr] = Math.max(reach[rr], last);
        if (rr > r && !from[rr].includes(r)) from[rr].push(r);
      }
      c += colspan;
    }
    width = Math.max(width, taken[r].length);
  });
  let template: Element | undefined;
  // An overlay row for this table, cloned for each item (a clone costs less than building one).
  const overlayRow = () => {
    if (template) return template;
    const doc = rows[0]!.ownerDocument;
    template = doc.createElement('tr');
    const cell = doc.createElement('td');
    cell.setAttribute('colspan', String(width));
    // The page's cells have padding and borders of their own; the overlay brings its own.
    cell.setAttribute('style', 'padding:0;border:0;text-align:left');
    template.append(cell);
    return template;
  };
  return { rows, index: new Map(rows.map((tr, r) => [tr, r])), width, reach, from, overlayRow };
}

/**
 * Worked out once per table in a task (156 items ask about one table as the overlays are built,
 * and a filter asks again for each): the page cannot change the table while duban's code runs,
 * and the overlay rows duban adds are none of its rows (tableRows leaves them out). Forgotten at
 * the task's end, so a later task sees the table as it is then.
 */
const shapes = new Map<Element, Shape>();

function shape(table: Element): Shape {
  let known = shapes.get(table);
  if (!known) {
    if (!shapes.size) queueMicrotask(() => shapes.clear());
    known = shapeOf(tableRows(table));
    shapes.set(table, known);
  }
  return known;
}

const rowOf = (node: Node): Element | undefined => {
  for (let el = node.parentElement; el; el = el.parentElement) if (el.localName === 'tr') return el;
  return undefined;
};
const tableOf = (tr: Element): Element | undefined => {
  for (let el = tr.parentElement; el; el = el.parentElement) if (el.localName === 'table') return el;
  return undefined;
};

/**
 * Where the item sits in its table: the rows of its text and of its responsibility (a 牵头单位 row
 * of its own, in the seed's old layout), the row that is its own (its task order), and the last
 * row of its group: its text's rows and every row a cell covering them reaches.
 */
interface Placed {
  table: Shape;
  rows: Set<number>;
  own: number;
  last: number;
  grouped: boolean;
}

function place(anchor: AnchorNodes, withUnits: boolean): Placed | undefined {
  const lastText = anchor.nodes[anchor.nodes.length - 1];
  const tr = lastText && rowOf(lastText);
  const table = tr && tableOf(tr);
  if (!table) return undefined;
  const s = shape(table);
  const rows = new Set<number>();
  // Its own row is the last its text is in: a project cell shared with the tasks below starts above it.
  let first = Infinity;
  let own = -1;
  for (const [nodes, isText] of [[anchor.nodes, true], [anchor.unitNodes, false]] as const) {
    let prev: Element | undefined;
    for (const node of nodes) {
      const row = rowOf(node);
      if (!row || row === prev) continue;
      prev = row;
      const r = s.index.get(row);
      if (r === undefined) continue;
      rows.add(r);
      if (isText) {
        first = Math.min(first, r);
        own = Math.max(own, r);
      }
    }
  }
  if (own < 0) return undefined;
  // After the task's rows and every row a cell covering them reaches; with its units, after its own
  // 牵头单位 row too, as prose places an item after its responsibility line (one closing items
  // 1–4 is no item's own: it follows the fourth's overlay, as the seed's line does).
  let last = own;
  for (let r = first; r <= last; r++) last = Math.max(last, s.reach[r]);
  // Tied to other tasks by a cell spanning their rows (not by a 牵头单位 row of its own).
  const grouped = last > own || s.from[own]!.length > 0;
  if (withUnits) {
    for (const r of rows) last = Math.max(last, r);
    for (let r = own; r <= last; r++) last = Math.max(last, s.reach[r]);
  }
  return { table: s, rows, own, last, grouped };
}

/** The item's overlay row, when it was added, and the row an overlay row for it would go before. */
function findRow(p: Placed): { row?: Element; before: Element | null } {
  let next = p.table.rows[p.last].nextElementSibling;
  while (next?.hasAttribute(OVERLAY_ROW)) {
    const n = Number(next.getAttribute(OVERLAY_ROW));
    if (n === p.own) return { row: next, before: next };
    if (n > p.own) break;
    next = next.nextElementSibling;
  }
  return { before: next };
}

function position(anchor: AnchorNodes, withUnits: boolean): Position | undefined {
  const p = place(anchor, withUnits);
  if (!p) return undefined;
  const found = findRow(p);
  let row = found.row;
  if (!row) {
    const after = p.table.rows[p.last];
    row = p.table.overlayRow().cloneNode(true) as Element;
    row.setAttribute(OVERLAY_ROW, String(p.own));
    after.parentNode!.insertBefore(row, found.before);
  }
  // A cell shared with rows below or above ties the task to a group, whose overlays follow its last row.
  return { parent: row.firstElementChild!, before: null, ...(p.grouped ? { apart: true } : {}) };
}

/**
 * The item's rows, the rows above them holding a cell that spans into them (shared with the tasks
 * of its group: given for each, so they stay while any is shown) and its overlay row.
 */
function blocks(anchor: AnchorNodes, container: Element, withUnits: boolean): Element[] {
  const p = place(anchor, withUnits);
  if (!p) return [];
  const rows = new Set(p.rows);
  for (const r of p.rows) for (const up of p.table.from[r]) rows.add(up);
  const out = [...rows].sort((a, b) => a - b).map((r) => p.table.rows[r]);
  const own = findRow(p).row;
  if (own) out.push(own);
  return out.filter((el) => container.contains(el));
}

/** Items laid out as table rows: the overlay in a row of its own after the item's (group's) rows. */
export const AFTER_ROWS: OverlayPlacement = { name: 'after-rows', position: (a) => position(a, false), blocks: (a, c) => blocks(a, c, false) };

/** The same, after the item's own responsibility rows too (a 牵头单位 row of its own below its text). */
export const AFTER_ITEM_ROWS: OverlayPlacement = { name: 'after-item-rows', position: (a) => position(a, true), blocks: (a, c) => blocks(a, c, true) };

/** Takes out the overlay rows added under `root` (when the overlays are unmounted). */
export function removeOverlayRows(root: ParentNode): void {
  for (const row of [...root.querySelectorAll(`tr[${OVERLAY_ROW}]`)]) row.remove();
}
