/**
 * A small XML reader for a docx's parts where no DOMParser exists (the viewer's docx worker,
 * entrypoints/viewer/docx-worker.ts): elements, their attributes and text, as the few DOM members
 * ./docx.ts reads (nodeName, nodeType, childNodes, getAttribute, textContent,
 * getElementsByTagName, documentElement). Office XML is machine-written and well-formed; comments,
 * processing instructions and the DOCTYPE are skipped, the five named entities and character
 * references decoded. Text only: nothing is resolved, fetched or run.
 */

interface XmlText {
  nodeType: 3;
  nodeName: '#text';
  textContent: string;
}

class XmlElement {
  readonly nodeType = 1;
  readonly childNodes: (XmlElement | XmlText)[] = [];
  constructor(
    readonly nodeName: string,
    private readonly attributes: Map<string, string>,
  ) {}

  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }

  get textContent(): string {
    return this.childNodes.map((n) => n.textContent).join('');
  }

  getElementsByTagName(name: string): XmlElement[] {
    const out: XmlElement[] = [];
    const walk = (el: XmlElement) => {
      for (const n of el.childNodes) {
        if (n.nodeType !== 1) continue;
        if (n.nodeName === name) out.push(n);
        walk(n);
      }
    };
    walk(this);
    return out;
  }
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
    if (e[0] !== '#') return ENTITIES[e] ?? whole;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The document of `text`: its root element as `documentElement`, searchable by tag name. */
export function parseXmlTree(text: string): Document {
  const root = new XmlElement('#document', new Map());
  const stack: XmlElement[] = [root];
  let at = 0;
  while (at < text.length) {
    const lt = text.indexOf('<', at);
    if (lt < 0) break;
    if (lt > at) stack.at(-1)!.childNodes.push({ nodeType: 3, nodeName: '#text', textContent: decode(text.slice(at, lt)) });
    if (text.startsWith('<!--', lt)) {
      at = text.indexOf('-->', lt + 4) + 3;
    } else if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      stack.at(-1)!.childNodes.push({ nodeType: 3, nodeName: '#text', textContent: text.slice(lt + 9, end) });
      at = end + 3;
    } else if (text[lt + 1] === '?' || text[lt + 1] === '!') {
      at = text.indexOf('>', lt) + 1;
    } else if (text[lt + 1] === '/') {
      if (stack.length > 1) stack.pop();
      at = text.indexOf('>', lt) + 1;
    } else {
      const gt = text.indexOf('>', lt);
      const selfClosing = text[gt - 1] === '/';
      const inner = text.slice(lt + 1, selfClosing ? gt - 1 : gt);
      const name = /^[^\s/>]+/.exec(inner)?.[0] ?? '';
      const attributes = new Map<string, string>();
      for (const m of inner.slice(name.length).matchAll(ATTRIBUTE)) attributes.set(m[1], decode(m[2] ?? m[3] ?? ''));
      const el = new XmlElement(name, attributes);
      stack.at(-1)!.childNodes.push(el);
      if (!selfClosing) stack.push(el);
      at = gt + 1;
    }
    // A cut file (no closing `>`, `-->`, `]]>`): what was read so far.
    if (at <= lt) break;
  }
  const documentElement = root.childNodes.find((n): n is XmlElement => n.nodeType === 1) ?? root;
  return Object.assign(root, { documentElement }) as unknown as Document;
}
