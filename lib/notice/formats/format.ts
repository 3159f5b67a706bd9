/**
 * What a notice format is: one way breakdown notices lay out their items (prose items closed by a
 * 牵头单位 line, a table with a 牵头单位 column, units in brackets at the end of each item, …).
 * lib/notice/recognise.ts reads the page's text once and asks the formats of the registry
 * (./index.ts) in turn; the first that recognises the page gives its items. What every format
 * shares stays in recognise.ts: the notice's metadata (文号, title, year, from the site's names),
 * the 责任分解 title check, gaps in the numbering, the notice's URL.
 */
import type { TextLines } from '../extract-text';
import type { PageFacts } from '../page-facts';
import type { PageLines } from '../page-lines';
import type { ReadList } from '../reading';
import type { Site } from '../sites';
import type { NoticeItem, NoticeSection } from '../types';

/** Insert an item's overlay with `parent.insertBefore(host, before)`. */
export interface Position {
  parent: Node;
  before: Node | null;
  /**
   * The overlay is not right after its item: it follows a group of table rows tied by a shared
   * cell (lib/notice/row-placement.ts), with the other tasks' overlays. Its row then names its item.
   */
  apart?: boolean;
}

/**
 * Where a format puts duban's UI around its items. Reads the anchors, and changes nothing but
 * for the row a table's overlay goes in (lib/notice/row-placement.ts adds it, once per item, when asked
 * where the overlay goes). The content script asks it when it mounts the overlays
 * (lib/notice/placement.ts `overlayPosition`, `itemBlocks`). It reads an anchor's nodes only, so
 * it serves today's anchors (ItemAnchor) and the richer reading's (ListAnchor) alike.
 */
export interface OverlayPlacement {
  /**
   * Its name, which can travel (lib/notice/page-map.ts keeps an item's placement by it): the page
   * reader, a script of its own, has its own copy of each placement, the same by name.
   */
  name: string;
  /** Where the item's overlay goes; undefined when its text has left the page. */
  position(anchor: AnchorNodes): Position | undefined;
  /**
   * The page's elements that show the item (its paragraphs and 牵头单位 line, its table rows and
   * its overlay row), below `container` (the notice's body): a filter hides them with the
   * overlay. An element that also shows other items (a 牵头单位 line closing items 1–4, a row
   * holding a cell that spans several tasks' rows) is given for each of them: it stays while any
   * of them is shown (entrypoints/notice.content/page-filter.ts hides an element only when every
   * item listing it is hidden).
   */
  blocks(anchor: AnchorNodes, container: Element): Element[];
}

/** What a placement reads of an anchor: where the item's text and its responsibility are. */
export type AnchorNodes = Pick<ItemAnchor, 'nodes' | 'unitNodes'>;

/** Where an item's text sits in the page. */
export interface ItemAnchor {
  /** The item's key (NoticeItem.key). */
  key: string;
  /** The item's text nodes from its number to its last character, in order. */
  nodes: Text[];
  /** The text nodes of the item's 牵头单位 line (or cell), when it has one. */
  unitNodes: Text[];
  /** How the item's overlay is placed: its format's rule, shared by every item of the page. */
  placement: OverlayPlacement;
}

/** The page as a format reads it. Hidden copies of the body are left out on a first reading. */
export interface PageText {
  /** The page: for formats that read its structure (tables, cells) rather than its lines. */
  doc: Document;
  /**
   * The page's text as a reader sees its blocks, one line per block or <br>, each line with the
   * text nodes it is made of (lineNodes gives them), to anchor items back into the page.
   */
  lines: TextLines;
  /** Tells whether an element is shown: checkVisibility in the browser, attributes in Node. */
  isVisible: (el: Element) => boolean;
  /** The site the page is on, when duban knows it (lib/notice/sites.ts). */
  site?: Site;
}

/**
 * A format's reading of a page: the items it found, in order, each key once, with an anchor per
 * item (every item has one); or why the page is not in this format, in words a user can read.
 */
export type FormatReading =
  | { ok: true; sections: NoticeSection[]; items: NoticeItem[]; anchors: Map<string, ItemAnchor> }
  | { ok: false; reason: string };

/**
 * One notice format, as recognise() uses it for today's model. The formats:
 * - prose items closed by a 牵头单位 line (./prose-lead-line.ts): reads `lines`, anchors the
 *   item's lines and its unit line, overlay after the item's text (placement.ts AFTER_TEXT). The
 *   richer reading reads its whole family (./prose-lines.ts, a ListFormat);
 * - tables (./table.ts, 序号 | 重点工作 | 牵头单位 | …) and units in brackets closing the item
 *   (./bracket.ts, （牵头单位：X；配合单位：Y））: ListFormats only, so far. Once wired in, a table
 *   anchors the task cell's text and the unit cell's and places the overlay in a row of its own
 *   after the task's row; a bracket item is anchored as prose, its units inside its own nodes.
 */
export interface NoticeFormat {
  /** Stable id, e.g. `prose-lead-line`; a recognised notice says which format read it. */
  id: string;
  /**
   * Recognises the page's items, or refuses. Must not change the page, and must refuse rather than
   * guess: a look-alike page (a report, a progress table) read as a notice gets overlays it should
   * not. Items' texts are normalised (normalize.ts) and carry their fingerprint (fingerprint()).
   * When `page` holds the body twice (a hidden print copy), items come from the copy `isVisible`.
   */
  read(page: PageText): FormatReading;
}

/**
 * The page as the richer reading (lib/notice/read-notice.ts) hands it to a format: its lines in
 * the page's own words, and what the page says about itself (title, 文号, the rule for who leads).
 */
export interface ListPage {
  doc: Document;
  lines: PageLines;
  facts: PageFacts;
  /** Hidden copies of the body were left out of `lines`; a format reading `doc` leaves them out too. */
  skipHidden: boolean;
}

/**
 * Where an item of the richer reading sits in the page: ItemAnchor keyed by the item's key
 * (ReadItem.key) rather than today's number.
 */
export interface ListAnchor {
  /** The item's key (ReadItem.key), unique on the page. */
  key: string;
  /** The text nodes of the item from its number (or number cell) to its last character, in order. */
  nodes: Text[];
  /**
   * The text nodes of the responsibility it is read with: its labelled lines (shared with the
   * items before it when they have none), its unit, leader and deadline cells; for an item closed
   * by a bracket, its last line (the bracket is inside its own text).
   */
  unitNodes: Text[];
  /**
   * After the item's text in the page's flow (placement.ts AFTER_TEXT), or, for an item laid out
   * in a table row of its own, in an overlay row after its row, or after its group's last row when
   * a cell spans several tasks (lib/notice/row-placement.ts AFTER_ROWS).
   */
  placement: OverlayPlacement;
}

/**
 * A format's richer reading: the page's lists, in page order, each item keyed, and an anchor for
 * every item, by its key; or why not.
 */
export type ListsReading =
  | { ok: true; lists: ReadList[]; anchors: Map<string, ListAnchor> }
  /**
   * `report`: the page is a report on the tasks' progress (a 完成情况 column), not their breakdown;
   * `numbered`: how many numbered points the format found, none of which says who answers for it.
   */
  | { ok: false; reason: string; report?: true; numbered?: number };

/**
 * A format as the richer reading uses it: each family of notices (prose items with labelled lines,
 * tables, items closed by a bracket) is one, in the registry's LIST_FORMATS. The first that reads
 * a page gives its lists and their anchors. Kept beside NoticeFormat while recognise() still gives
 * today's model; the model migration makes it the one interface.
 */
export interface ListFormat {
  id: string;
  /**
   * Reads parts of a page only (its tables): the page may hold lists of another family besides
   * (the report's tasks in prose, then 民生实事 in a table), which the formats after it read.
   */
  partial?: boolean;
  /** Must not change the page; must refuse rather than guess (a look-alike read as a notice gets overlays). */
  readLists(page: ListPage): ListsReading;
}
