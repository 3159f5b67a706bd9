/**
 * Closed shadow hosts for duban's UI: the page's CSS can't reach in, the page's scripts can't read
 * the notes (host.shadowRoot is null for them). One constructed stylesheet is shared by every root.
 */

/** Keys typed into a note should not reach the page's own shortcuts or listeners. */
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'compositionend'];

/**
 * The stylesheet with the page's own light or dark: the stylesheet's dark palette is written under
 * `@media (prefers-color-scheme: dark)`; on the page it applies when the page is dark, not when
 * the system is (duban's own pages follow the system).
 */
export function sharedSheet(doc: Document, source: string, pageIsDark: boolean): CSSStyleSheet | string {
  // The built stylesheet is minified: no space after the colon.
  const css = source.replace(/@media\s*\(\s*prefers-color-scheme\s*:\s*dark\s*\)/g, pageIsDark ? '@media all' : '@media not all');
  try {
    const view = doc.defaultView ?? window;
    const sheet = new view.CSSStyleSheet();
    sheet.replaceSync(css);
    return sheet;
  } catch {
    return css; // no constructable stylesheets: each root gets a <style>
  }
}

/**
 * `isolate: false` leaves the keys to the caller's `isolateKeys`, when the root gets something to
 * type into or press (an item's row, once drawn: 156 roots at ready would cost ~900 listeners).
 */
export function createShadowHost(
  doc: Document,
  tag: string,
  attrs: Record<string, string>,
  sheet: CSSStyleSheet | string,
  { isolate = true }: { isolate?: boolean } = {},
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
  if (isolate) isolateKeys(root);
  return { host, root };
}

const stop = (e: Event) => e.stopPropagation();

/** Keys pressed in `root` go no further: not to the page's own listeners on the way up. */
export function isolateKeys(root: ShadowRoot): void {
  for (const type of ISOLATED_EVENTS) root.addEventListener(type, stop);
}

/** The computed background colours from `el` out to <html>, innermost first (lib/util/colour.ts reads them). */
export function backgroundsBehind(el: Element | null): string[] {
  const out: string[] = [];
  for (let e = el; e; e = e.parentElement) out.push(getComputedStyle(e).backgroundColor);
  return out;
}
