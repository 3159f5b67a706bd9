/**
 * Filtering hides whole items in the page: their paragraphs (text and 牵头单位 line) and their
 * overlay get an attribute, and one injected rule hides what carries it. A paragraph shared by
 * several items (one 牵头单位 line closing items 1–4) stays while any of them is shown.
 */
const HIDDEN = 'data-duban-hidden';
// On screen only: the filter is a view, and the page prints as published (the report prints the filtered items).
const RULE = `@media screen{[${HIDDEN}]{display:none!important}}`;

export interface PageFilter {
  /** Shows the items `keep` accepts and hides the rest. */
  apply(keep: (itemKey: string) => boolean): void;
  /** Shows everything and removes the injected rule. */
  clear(): void;
}

/** `elementsOf` lists each item's elements (paragraphs and overlay); asked on the first filter. */
export function createPageFilter(doc: Document, elementsOf: () => Iterable<[string, Element[]]>): PageFilter {
  let owners: Map<Element, string[]> | undefined;
  const ownersOf = () => {
    if (owners) return owners;
    owners = new Map();
    for (const [itemKey, elements] of elementsOf()) {
      for (const el of elements) {
        const list = owners.get(el);
        if (list) list.push(itemKey);
        else owners.set(el, [itemKey]);
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
      for (const [el, itemKeys] of ownersOf()) el.toggleAttribute(HIDDEN, !itemKeys.some(keep));
    },
    clear() {
      for (const el of owners?.keys() ?? []) el.removeAttribute(HIDDEN);
      style?.remove();
      style = undefined;
    },
  };
}
