import { useEffect, useState } from 'preact/hooks';

/**
 * Whether the page is being printed (Ctrl+P, a PDF) or shown as print media. beforeprint comes
 * before the print layout, and a render it asks for runs before that layout (a microtask); the
 * print media query also covers print previews and emulation that fire no beforeprint.
 */
export function usePrinting(): boolean {
  const [printing, setPrinting] = useState(() => matchMedia('print').matches);
  useEffect(() => {
    const query = matchMedia('print');
    const before = () => setPrinting(true);
    const after = () => setPrinting(false);
    const change = (e: MediaQueryListEvent) => setPrinting(e.matches);
    addEventListener('beforeprint', before);
    addEventListener('afterprint', after);
    query.addEventListener('change', change);
    return () => {
      removeEventListener('beforeprint', before);
      removeEventListener('afterprint', after);
      query.removeEventListener('change', change);
    };
  }, []);
  return printing;
}
