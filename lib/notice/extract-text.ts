/**
 * Reads a DOM into text lines the way a reader sees its blocks: block elements and <br> end a
 * line, inline elements (<span>, <strong>) do not. Each line keeps its text nodes so that a parse
 * made on plain text can be anchored back into the page.
 */

export interface TextLine {
  /** The line's text as in the page, before normalisation. */
  raw: string;
  /** The text nodes the line is made of, in order. */
  nodes: Text[];
}

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'center', 'dd', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'tbody', 'td', 'tfoot',
  'th', 'thead', 'tr', 'ul',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'select', 'svg', 'iframe']);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Hidden by its own attributes: `hidden`, or an inline display:none (how JCMS hides its second copy). */
export function hiddenByAttributes(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  return style !== null && style.includes('none') && /display\s*:\s*none/i.test(style);
}

/**
 * `skipHidden` leaves out subtrees hidden by their attributes: the live page repeats the body in
 * such a copy, and reading it twice would double the parser's work for text nobody sees.
 */
export function extractLines(root: Node, skipHidden = false): TextLine[] {
  const lines: TextLine[] = [];
  let raw = '';
  let nodes: Text[] = [];

  const endLine = () => {
    if (nodes.length) lines.push({ raw, nodes });
    raw = '';
    nodes = [];
  };

  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        const data = (child as Text).data;
        if (data.length) {
          raw += data;
          nodes.push(child as Text);
        }
      } else if (child.nodeType === ELEMENT_NODE) {
        const el = child as Element;
        const name = el.localName;
        // duban's own overlay hosts hold no page text.
        if (SKIP.has(name) || el.hasAttribute('data-duban-item') || (skipHidden && hiddenByAttributes(el))) continue;
        if (BLOCK.has(name)) {
          endLine();
          walk(el);
          endLine();
        } else {
          walk(el);
        }
      }
    }
  };

  walk(root);
  endLine();
  return lines;
}
