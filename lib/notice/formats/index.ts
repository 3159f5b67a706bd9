/**
 * The notice formats duban reads, in the order they are tried: the first that recognises a page
 * gives its items (lib/notice/recognise.ts). A new format is a module beside this one, implementing
 * NoticeFormat (./format.ts), and an entry here; put the stricter formats first.
 */
import { bracket } from './bracket';
import type { ListFormat, NoticeFormat } from './format';
import { proseLeadLine } from './prose-lead-line';
import { proseLines } from './prose-lines';
import { table } from './table';

export type {
  AnchorNodes, FormatReading, ItemAnchor, ListAnchor, ListFormat, ListPage, ListsReading, NoticeFormat, OverlayPlacement, PageText, Position,
} from './format';

export const NOTICE_FORMATS: readonly NoticeFormat[] = [proseLeadLine];

/**
 * The formats of the richer reading (lib/notice/read-notice.ts), in the order they are tried:
 * tables first (a header row naming tasks and units is the strictest sign), then prose items with
 * labelled lines (today's family, which also reads a header-less table row by row, as the seed's
 * old layout), then items closed by a bracket.
 */
export const LIST_FORMATS: readonly ListFormat[] = [table, proseLines, bracket];
