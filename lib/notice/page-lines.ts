/**
 * The page's text lines (extract-text.ts) as the richer reading needs them: each in the page's own
 * words without layout (`disp`, what is shown and stored) and folded to half-width (`norm`, what
 * is matched), the two at the same positions. Worked out for a line only when asked: most of a
 * page is chrome no reader looks at twice.
 */
import type { TextLines } from './extract-text';
import { foldWidth, layoutText } from './normalize';

export class PageLines {
  readonly count: number;
  private readonly disps: (string | undefined)[] = [];
  private readonly norms: (string | undefined)[] = [];

  constructor(readonly lines: TextLines) {
    this.count = lines.raws.length;
  }

  /** Line i as written, without layout. */
  disp(i: number): string {
    return (this.disps[i] ??= layoutText(this.lines.raws[i], this.lines.firsts[i]));
  }

  /** Line i without layout, folded to half-width: same length and positions as disp(i). */
  norm(i: number): string {
    return (this.norms[i] ??= foldWidth(this.disp(i)));
  }

  /** The first visible character of line i, folded (１ → 1, （ → (). */
  first(i: number): number {
    const c = this.lines.raws[i].charCodeAt(this.lines.firsts[i]);
    return c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c;
  }

  /** Line i was begun by a <br>: it goes on the paragraph before it. */
  soft(i: number): boolean {
    return this.lines.softs[i];
  }

  /** The line line `node` (a text node) is part of, or -1. */
  lineOf(node: Node): number {
    const at = this.nodeIndex().get(node as Text);
    if (at === undefined) return -1;
    // Lines are in node order: the last line starting at or before the node.
    const { starts } = this.lines;
    let lo = 0;
    let hi = this.count - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= at) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found >= 0 && at < this.lines.ends[found] ? found : -1;
  }

  private index: Map<Text, number> | undefined;
  private nodeIndex(): Map<Text, number> {
    if (!this.index) {
      this.index = new Map();
      this.lines.nodes.forEach((n, i) => this.index!.set(n, i));
    }
    return this.index;
  }
}
