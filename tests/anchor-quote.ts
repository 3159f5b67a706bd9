/**
 * Anchoring a Web Annotation the way Hypothesis does (hypothesis/client
 * src/annotator/anchoring/match-quote.ts, reimplemented): candidates for the quote found with
 * approx-string-match (exact ones first), ranked by the quote's, the prefix's and the suffix's
 * similarity and, as a tie-breaker, nearness to the TextPositionSelector's start. Test support:
 * a third party's matcher, not duban's code.
 */
import search, { type Match } from 'approx-string-match';

export interface QuoteTarget {
  exact: string;
  prefix?: string;
  suffix?: string;
  /** TextPositionSelector.start, the hint. */
  hint?: number;
}

function candidates(text: string, quote: string, maxErrors: number): Match[] {
  const exact: Match[] = [];
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) exact.push({ start: at, end: at + quote.length, errors: 0 });
  return exact.length ? exact : search(text, quote, maxErrors);
}

function similarity(text: string, str: string): number {
  if (!str.length || !text.length) return 0;
  const m = candidates(text, str, str.length);
  return 1 - m[0]!.errors / str.length;
}

/** The best match of the quote in `text` (the page body's textContent), or null. */
export function anchorQuote(text: string, t: QuoteTarget): { start: number; end: number } | null {
  if (!t.exact) return null;
  const matches = candidates(text, t.exact, Math.min(256, t.exact.length / 2));
  let best: { start: number; end: number; score: number } | null = null;
  for (const m of matches) {
    const quote = 1 - m.errors / t.exact.length;
    const prefix = t.prefix ? similarity(text.slice(Math.max(0, m.start - t.prefix.length), m.start), t.prefix) : 1;
    const suffix = t.suffix ? similarity(text.slice(m.end, m.end + t.suffix.length), t.suffix) : 1;
    const pos = t.hint === undefined ? 1 : 1 - Math.abs(m.start - t.hint) / text.length;
    const score = (50 * quote + 20 * prefix + 20 * suffix + 2 * pos) / 92;
    if (!best || score > best.score) best = { start: m.start, end: m.end, score };
  }
  return best && { start: best.start, end: best.end };
}
