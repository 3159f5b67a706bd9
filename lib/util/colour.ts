/**
 * Whether a page is dark, from the CSS colours it computes: duban's rows on a notice page take
 * the page's own light or dark, not the system's (a white government page stays white in dark mode).
 */

/** `rgb(…)` / `rgba(…)` as Chromium computes colours (space or comma syntax); undefined otherwise. */
export function parseRgb(css: string): { r: number; g: number; b: number; a: number } | undefined {
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/i.exec(css.trim());
  if (!m) return undefined;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number(m[4].slice(0, -1)) / 100 : Number(m[4]);
  return { r: Number(m[1]), g: Number(m[2]), b: Number(m[3]), a: alpha };
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
export function luminance({ r, g, b }: { r: number; g: number; b: number }): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/**
 * The background behind an element: the first opaque enough colour from it outwards (its
 * ancestors' computed background colours, innermost first). None means the canvas: white.
 */
export function isDarkBackground(backgrounds: readonly string[]): boolean {
  for (const css of backgrounds) {
    const c = parseRgb(css);
    if (c && c.a >= 0.5) return luminance(c) < 0.2;
  }
  return false;
}
