/** Zod schemas of the notice model: a notice crossing from a content script is checked, not trusted. */
import { z } from 'zod';
import { isItemKey, MAX_ITEM_KEY_LENGTH } from './item-key';
import { QUOTE_CONTEXT } from './page-quote';
import { PLACEMENTS, type PlacementName } from './placement';
import { UNIT_ROLES } from './types';

const text = (max: number) => z.string().max(max);

const LeadUnitSchema = z
  .object({ name: text(200).min(1), lead: z.boolean(), role: z.enum(UNIT_ROLES).optional() })
  .refine((u) => u.role === undefined || u.lead === (u.role === 'lead'), 'lead must agree with role');
const NoticeSectionSchema = z.object({ ordinal: z.number().int().min(1).max(99), leader: text(100), heading: text(200) });
const offset = z.number().int().min(0).max(100_000_000);
export const PageQuoteSchema = z
  .object({ exact: text(20_000).min(1), prefix: text(QUOTE_CONTEXT), suffix: text(QUOTE_CONTEXT), start: offset, end: offset })
  .refine((q) => q.end - q.start === q.exact.length, 'end - start must be the length of exact');
export const NoticeItemSchema = z.object({
  key: z.string().min(1).max(MAX_ITEM_KEY_LENGTH).refine(isItemKey, 'must be an item key such as 12 or 二、3.'),
  number: z.number().int().min(1).max(9999),
  text: text(20_000),
  section: z.number().int().min(1).max(99),
  units: z.array(LeadUnitSchema).max(100),
  unitNote: text(500).optional(),
  fingerprint: text(64),
  leaders: z.array(text(100).min(1)).max(20).optional(),
  deadline: text(200).optional(),
  quote: PageQuoteSchema.optional(),
});
export const NoticeSchema = z.object({
  docNo: text(100).optional(),
  issuer: text(100).optional(),
  title: text(500),
  year: z.number().int().min(1900).max(2200).optional(),
  sourceUrl: text(2000),
  publishedAt: text(50).optional(),
  sections: z.array(NoticeSectionSchema).max(99),
  items: z.array(NoticeItemSchema).max(2000),
  gaps: z.array(z.number().int()).max(2000),
  reading: z.number().int().min(1).max(9).optional(),
  attachment: z.object({ title: text(200).min(1), cover: text(2000).regex(/^https?:\/\//).optional() }).strict().optional(),
});

/** A page's text as the notice script took it (lib/notice/page-map.ts): what a peek compares. */
const digest = z.string().regex(/^(?:sha256:[0-9a-f]{64}|fnv:[0-9a-f]{16})$/);
/** A page's signature as a notice script sends it (lib/notice/page-map.ts PageSignature): with its figures and counters. */
export const PageSignatureSchema = z
  .object({
    hash: digest,
    length: z.number().int().min(0),
    nodes: z.number().int().min(0),
    figures: digest,
    counters: z.array(z.number().int().min(0)).max(1000),
  })
  .strict();
const runs = z.array(z.number().int().min(0).max(10_000_000)).max(20_000);
/** Where an item's text nodes are on its page (lib/notice/page-map.ts ItemPlace). */
export const ItemPlaceSchema = z
  .object({
    key: NoticeItemSchema.shape.key,
    nodes: runs.min(2),
    units: runs,
    placement: z.enum(Object.keys(PLACEMENTS) as [PlacementName, ...PlacementName[]]),
  })
  .strict();
