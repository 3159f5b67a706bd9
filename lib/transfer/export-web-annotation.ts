/**
 * W3C Web Annotation (JSON-LD) so other annotation tools can read duban's notes: one Annotation per
 * annotated item, targeting the notice's URL with a TextQuoteSelector on the item's text; the status
 * is an `assessing` body, the note a `commenting` body, each conflict copy another `commenting` body
 * with its own id. https://www.w3.org/TR/annotation-model/
 */
import { STATUS_LABELS } from '../annotation/status';
import { toInstant } from './format';
import { groupByNotice, type TransferSnapshot } from './snapshot';
import { itemFacts, type ItemFacts } from './item-facts';

const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

interface TextualBody {
  /** Set on a conflict copy's body: urn:duban:note-copy:<id>. */
  id?: string;
  type: 'TextualBody';
  purpose: 'assessing' | 'commenting' | 'tagging';
  value: string;
  format: 'text/plain';
  language?: string;
  created?: string;
  creator?: { type: 'Person'; name: string };
}

interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'assessing';
  created: string;
  modified: string;
  generator: { id: string; type: 'Software'; name: string };
  body: TextualBody[];
  target: {
    source: string;
    selector?: { type: 'TextQuoteSelector'; exact: string };
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
        { type: 'TextualBody', purpose: 'assessing', value: `${label.zh} ${label.en}`, format: 'text/plain' },
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
      const exact = item?.text;
      items.push({
        id: annotationId(notice.key, a.itemKey),
        type: 'Annotation',
        motivation: 'assessing',
        created: toInstant(a.createdAt),
        modified: toInstant(a.updatedAt),
        generator: GENERATOR,
        body,
        target: {
          source: notice.sourceUrl,
          ...(exact && { selector: { type: 'TextQuoteSelector' as const, exact } }),
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
