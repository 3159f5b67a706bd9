/**
 * W3C Web Annotation (JSON-LD) so other annotation tools can read duban's notes: one Annotation per
 * annotated item, each valid on its own (its own `@context`), targeting the notice's URL with the
 * item's words as the page has them (lib/notice/page-quote.ts): a TextQuoteSelector with prefix
 * and suffix and a TextPositionSelector, so that a matcher such as Hypothesis's anchors it to its
 * own item, also where the page holds its text twice. The status is an `assessing` body, the note
 * a `commenting` body, each conflict copy another `commenting` body with its own id.
 * https://www.w3.org/TR/annotation-model/
 */
import { STATUS_LABELS } from '../annotation/status';
import type { NoticeItem } from '../notice/types';
import { toInstant } from './format';
import { groupByNotice, type TransferSnapshot } from './snapshot';
import { itemFacts, type ItemFacts } from './item-facts';

const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/**
 * `assessing` as its full IRI: the context published first (and copies of it that tools bundle)
 * lacks the term, and a JSON-LD processor would drop it; the IRI means the same under every one.
 */
export const ASSESSING = 'http://www.w3.org/ns/oa#assessing';

interface TextualBody {
  /** Set on a conflict copy's body: urn:duban:note-copy:<id>. */
  id?: string;
  type: 'TextualBody';
  purpose: typeof ASSESSING | 'commenting' | 'tagging';
  value: string;
  format: 'text/plain';
  language?: string;
  created?: string;
  creator?: { type: 'Person'; name: string };
}

type Selector =
  | { type: 'TextQuoteSelector'; exact: string; prefix?: string; suffix?: string }
  | { type: 'TextPositionSelector'; start: number; end: number };

interface WebAnnotation {
  '@context': string;
  id: string;
  type: 'Annotation';
  motivation: typeof ASSESSING;
  created: string;
  modified: string;
  generator: { id: string; type: 'Software'; name: string };
  body: TextualBody[];
  target: {
    source: string;
    /** The quote with its context and the position where the page was read; the item's text alone when duban has no quote for it. */
    selector?: Selector[];
  };
}

interface WebAnnotationCollection {
  '@context': string;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

const GENERATOR = { id: 'urn:duban', type: 'Software', name: '督办 duban' } as const;

/** What the notice says of the item as tags: each lead and co unit, each lead official, the deadline. */
function factTags(facts: ItemFacts): TextualBody[] {
  const tag = (value: string): TextualBody => ({ type: 'TextualBody', purpose: 'tagging', value, format: 'text/plain' });
  return [
    ...facts.lead.map((u) => tag(`牵头单位 lead unit ${u}`)),
    ...facts.co.map((u) => tag(`配合单位 co unit ${u}`)),
    ...facts.leaders.map((l) => tag(`牵头领导 lead official ${l}`)),
    ...(facts.deadline ? [tag(`完成时限 deadline ${facts.deadline}`)] : []),
  ];
}

/**
 * Where the item is: its quote as the page has it, with the text around it and its offsets in the
 * page body's text (what Hypothesis counts); without a quote (a notice known only from an imported
 * file, or not seen since duban kept quotes), its text as stored.
 */
function itemSelectors(item: NoticeItem): Selector[] | undefined {
  const q = item.quote;
  if (q) {
    return [
      { type: 'TextQuoteSelector', exact: q.exact, ...(q.prefix && { prefix: q.prefix }), ...(q.suffix && { suffix: q.suffix }) },
      { type: 'TextPositionSelector', start: q.start, end: q.end },
    ];
  }
  return item.text ? [{ type: 'TextQuoteSelector', exact: item.text }] : undefined;
}

/** urn:duban:annotation:<notice key>:<item key>, both URI-encoded — stable across exports (`…:12` as before keys). */
const annotationId = (noticeKey: string, itemKey: string) => `urn:duban:annotation:${encodeURIComponent(noticeKey)}:${encodeURIComponent(itemKey)}`;

export function buildWebAnnotations(snapshot: Pick<TransferSnapshot, 'notices' | 'annotations'>, now: number, only?: readonly string[]): WebAnnotationCollection {
  const { groups } = groupByNotice(snapshot, only);
  const items: WebAnnotation[] = [];
  for (const { notice, annotations } of groups) {
    const noticeItems = new Map(notice.items.map((i) => [i.key, i]));
    for (const a of annotations) {
      const label = STATUS_LABELS[a.status];
      const body: TextualBody[] = [
        { type: 'TextualBody', purpose: ASSESSING, value: `${label.zh} ${label.en}`, format: 'text/plain' },
      ];
      if (a.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: a.note, format: 'text/plain', language: 'zh' });
      // Conflict copies are other versions of the note: more commenting bodies, each with its id.
      for (const c of a.noteCopies ?? []) {
        body.push({
          id: `urn:duban:note-copy:${encodeURIComponent(c.id)}`,
          type: 'TextualBody',
          purpose: 'commenting',
          value: c.text,
          format: 'text/plain',
          language: 'zh',
          created: toInstant(c.at),
          ...(c.author !== undefined && { creator: { type: 'Person' as const, name: c.author } }),
        });
      }
      if (a.followUp) body.push({ type: 'TextualBody', purpose: 'tagging', value: `跟进 follow-up ${a.followUp}`, format: 'text/plain' });
      if (a.progress !== undefined) body.push({ type: 'TextualBody', purpose: 'tagging', value: `进度 progress ${a.progress}%`, format: 'text/plain' });
      const item = noticeItems.get(a.itemKey);
      if (item) body.push(...factTags(itemFacts(item, notice.sections)));
      const selector = item && itemSelectors(item);
      items.push({
        '@context': ANNO_CONTEXT,
        id: annotationId(notice.key, a.itemKey),
        type: 'Annotation',
        motivation: ASSESSING,
        created: toInstant(a.createdAt),
        modified: toInstant(a.updatedAt),
        generator: GENERATOR,
        body,
        target: {
          source: notice.sourceUrl,
          ...(selector && { selector }),
        },
      });
    }
  }
  const id = `urn:duban:export:${toInstant(now)}`;
  return {
    '@context': ANNO_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: '督办 duban annotations',
    total: items.length,
    first: { id: `${id}:page:0`, type: 'AnnotationPage', startIndex: 0, items },
  };
}
