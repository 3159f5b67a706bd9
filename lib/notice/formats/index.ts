/**
 * The notice formats duban reads, in the order they are tried: the first that recognises a page
 * gives its items (lib/notice/recognise.ts). A new format is a module beside this one, implementing
 * NoticeFormat (./format.ts), and an entry here; put the stricter formats first.
 */
import type { NoticeFormat } from './format';
import { proseLeadLine } from './prose-lead-line';

export type { FormatReading, ItemAnchor, NoticeFormat, OverlayPlacement, PageText, Position } from './format';

export const NOTICE_FORMATS: readonly NoticeFormat[] = [proseLeadLine];
