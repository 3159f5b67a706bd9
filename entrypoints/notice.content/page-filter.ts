/**
 * Filtering hides whole items in the page: their paragraphs (text and 牵头单位 line) and their
 * overlay get an attribute, and one injected rule hides what carries it. A paragraph shared by
 * several items (one 牵头单位 line closing items 1–4) stays while any of them is shown.
 */
const HIDDEN = 'data-duban-hidden';
const RULE = `[${HIDDEN}]{display:none!important}`;

export interface PageFilter {
  /** Shows the items `keep` accepts and hides the rest. */
  apply(keep: (itemNo: number) => boolean): void;
  /** Shows everything and removes the injected rule. */
  clear(): void;
}

/** `elementsOf` lists each item's elements (paragraphs and overlay); asked on the first filter. */
export function createPageFilter(doc: Document, elementsOf: () => Iterable<[number, Element[]]>): PageFilter {
  let owners: Map<Element, number[]> | undefined;
  const ownersOf = () => {
    if (owners) return owners;
    owners = new Map();
    for (const [itemNo, elements] of elementsOf()) {
      for (const el of elements) {
        const list = owners.get(el);
        if (list) list.push(itemNo);
        else owners.set(el, [itemNo]);
      }
    }
    return owners;
  };
  let style: HTMLStyleElement | undefined;

  return {
    apply(keep) {
      if (!style) {
        style = doc.createElement('style');
        style.setAttribute('data-duban', '');
        style.textContent = RULE;
        (doc.head ?? doc.documentElement).append(style);
      }
      for (const [el, itemNos] of ownersOf()) el.toggleAttribute(HIDDEN, !itemNos.some(keep));
    },
    clear() {
      for (const el of owners?.keys() ?? []) el.removeAttribute(HIDDEN);
      style?.remove();
      style = undefined;
    },
  };
}
