import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { SEED_PAGE } from '../../tests/fixtures/seed-dump';
import { commonContainer, itemBlocks, overlayPosition } from './placement';
import { recogniseNotice } from './recognise';

function recognise(html: string) {
  const document = parseHTML(html).document as unknown as Document;
  const r = recogniseNotice(document, {});
  if (!r.ok) throw new Error(r.reason);
  return { document, ...r };
}

describe('placing overlays in the seed notice', () => {
  const { document, notice, anchors } = recognise(readFileSync(SEED_PAGE, 'utf8'));
  const first = anchors.get('1')!.nodes[0];
  const last = anchors.get('156')!.nodes.at(-1)!;
  const container = commonContainer(first, last)!;

  it('finds the visible body as the notice container, not the hidden print copy', () => {
    expect(container.id).toBe('zoom');
  });

  it('puts each item’s overlay after its text and its own 牵头单位 line, inside the visible body, all at different places', () => {
    const hosts = new Map<string, Element>();
    for (const item of notice.items) {
      const pos = overlayPosition(anchors.get(item.key)!)!;
      const host = document.createElement('duban-item');
      host.setAttribute('data-duban-item', String(item.key));
      pos.parent.insertBefore(host, pos.before);
      hosts.set(item.key, host);
    }
    expect(document.querySelectorAll('[data-duban-item]')).toHaveLength(156);
    for (const host of hosts.values()) expect(container.contains(host)).toBe(true);
    // The overlay follows its item's text and comes before the next item's (document order).
    const order = new Map<Node, number>();
    const walk = (n: Node) => {
      order.set(n, order.size);
      for (let c = n.firstChild; c; c = c.nextSibling) walk(c);
    };
    walk(document.documentElement);
    for (const item of notice.items.slice(0, -1)) {
      const host = hosts.get(item.key)!;
      const ownLast = anchors.get(item.key)!.nodes.at(-1)!;
      const nextFirst = anchors.get(String(item.number + 1))!.nodes[0];
      expect(order.get(ownLast)!).toBeLessThan(order.get(host)!);
      expect(order.get(host)!).toBeLessThan(order.get(nextFirst)!);
    }
    // Item 7's 牵头单位 line follows its text after a <br>: the overlay closes the item after that line.
    expect(hosts.get('7')!.previousSibling?.textContent).toContain('牵头单位');
    // Items 1–4 share one 牵头单位 line: each overlay stays right after its own text.
    expect(hosts.get('1')!.nextSibling?.textContent ?? hosts.get('1')!.parentElement!.nextElementSibling?.textContent).not.toContain('牵头单位');
    // Item 3's text ends inside a <span>: the overlay is the paragraph's last child, not inside the span.
    expect(hosts.get('3')!.parentElement?.localName).toBe('p');
    // The page still recognises the same notice with overlays in it.
    const again = recogniseNotice(document, {});
    expect(again.ok && again.notice.items.map((i) => i.fingerprint)).toEqual(notice.items.map((i) => i.fingerprint));
  });

  it('knows the paragraphs of each item and of its 牵头单位 line', () => {
    const blocks = itemBlocks(anchors.get('4')!, container);
    expect(blocks.map((b) => b.textContent?.slice(2, 6))).toEqual(['4.坚持', '牵头单位']);
    // Items 1–4 share one 牵头单位 paragraph.
    expect(itemBlocks(anchors.get('1')!, container)[1]).toBe(blocks[1]);
    // Item 12's text and unit line are one paragraph.
    expect(itemBlocks(anchors.get('12')!, container)).toHaveLength(1);
  });
});
