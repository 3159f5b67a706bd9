/**
 * Lists of two families on one page (the report's tasks in prose, then 民生实事 in a table): a
 * format that reads parts of a page only (ListFormat.partial) leaves the rest to the others, and
 * their lists join its own, in page order, keyed by their place among all of them.
 */
import { keyInList } from '../numbering';
import type { ReadList } from '../reading';
import type { ListAnchor, ListsReading } from './format';

type Lists = ListsReading & { ok: true };

/** The lists of `more` that hold no text of `base`'s items, with `base`'s, in page order and keyed anew. */
export function mergeLists(base: Lists, more: Lists): Lists {
  const taken = new Set<Text>();
  for (const a of base.anchors.values()) for (const n of [...a.nodes, ...a.unitNodes]) taken.add(n);
  const own = (list: ReadList, anchors: Map<string, ListAnchor>) => list.items.every((it) => !anchors.get(it.key)?.nodes.some((n) => taken.has(n)));
  const added = more.lists.filter((l) => own(l, more.anchors));
  if (!added.length) return base;

  const all = [...base.lists.map((list) => ({ list, anchors: base.anchors })), ...added.map((list) => ({ list, anchors: more.anchors }))];
  const firstNode = (e: (typeof all)[number]) => e.anchors.get(e.list.items[0].key)!.nodes[0];
  all.sort((a, b) => (firstNode(a).compareDocumentPosition(firstNode(b)) & 4 /* FOLLOWING */ ? -1 : 1));

  const anchors = new Map<string, ListAnchor>();
  const lists = all.map(({ list, anchors: from }, i) => ({
    ...list,
    items: list.items.map((item) => {
      const key = keyInList(item.key, i + 1);
      anchors.set(key, { ...from.get(item.key)!, key });
      return { ...item, key };
    }),
  }));
  return { ok: true, lists, anchors };
}
