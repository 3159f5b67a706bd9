/**
 * Closed shadow hosts for duban's UI: the page's CSS can't reach in, the page's scripts can't read
 * the notes (host.shadowRoot is null for them). One constructed stylesheet is shared by every root.
 */

/** Keys typed into a note should not reach the page's own shortcuts or listeners. */
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'compositionend'];

export function sharedSheet(doc: Document, css: string): CSSStyleSheet | string {
  try {
    const view = doc.defaultView ?? window;
    const sheet = new view.CSSStyleSheet();
    sheet.replaceSync(css);
    return sheet;
  } catch {
    return css; // no constructable stylesheets: each root gets a <style>
  }
}

export function createShadowHost(
  doc: Document,
  tag: string,
  attrs: Record<string, string>,
  sheet: CSSStyleSheet | string,
): { host: HTMLElement; root: ShadowRoot } {
  const host = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) host.setAttribute(k, v);
  const root = host.attachShadow({ mode: 'closed' });
  if (typeof sheet === 'string') {
    const style = doc.createElement('style');
    style.textContent = sheet;
    root.append(style);
  } else {
    root.adoptedStyleSheets = [sheet];
  }
  for (const type of ISOLATED_EVENTS) root.addEventListener(type, (e) => e.stopPropagation());
  return { host, root };
}
