/**
 * Text helpers shared by the scripts that generate test pages (make-seeds, make-fixtures): the
 * sources are plain-text copies with full-width punctuation folded to ASCII, while the live pages
 * write it full-width, and the seed dump's layout.
 */
import { readFileSync } from 'node:fs';

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const FULL: Record<string, string> = {
  ',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '?': '？', '!': '！',
};

/** Half-width , : ; ( ) ? ! become full-width, except between two ASCII digits (16:38, 1,500). */
export function toFullWidth(s: string): string {
  const digit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
  return s.replace(/[,:;()?!]/g, (c, i: number) => (digit(s[i - 1]) && digit(s[i + 1]) ? c : FULL[c] ?? c));
}

/** Full-width text, escaped. */
export const fw = (s: string) => escapeHtml(toFullWidth(s));

/** Cuts s (by code point) into `parts` runs at positions derived from n, none empty. */
export function cutRuns(s: string, parts: number, n: number): string[] {
  const chars = Array.from(s);
  const runs: string[] = [];
  let start = 0;
  for (let k = 1; k < parts; k++) {
    const jitter = ((n * 7 + k * 13) % 9) - 4;
    const at = Math.min(chars.length - (parts - k), Math.max(start + 1, Math.floor((chars.length * k) / parts) + jitter));
    runs.push(chars.slice(start, at).join(''));
    start = at;
  }
  runs.push(chars.slice(start).join(''));
  return runs.filter((r) => r.length > 0);
}

/** The plain-text dump of the live 拱墅 notice (seeds/source/gongshu-2024-2.txt). */
export interface Dump {
  title: string;
  /** Info-table rows as label/value pairs, in page order. */
  infoRows: [string, string][][];
  info: Map<string, string>;
  /** 2024-03-07 16:38:24 */
  published: string;
  body: string[];
  /** The print copy's head (区级文件 … 区府办) and its body. */
  printHead: string[];
  printBody: string[];
}

export function readDump(path: string): Dump {
  const lines = readFileSync(path, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);

  // Leading "label value label value" lines form the info table; the next line is the title.
  const infoRows: [string, string][][] = [];
  let i = 0;
  for (; i < lines.length; i++) {
    const tokens = lines[i]!.trim().split(/\s+/);
    if (tokens.length < 2 || tokens.length % 2) break;
    const row: [string, string][] = [];
    for (let t = 0; t < tokens.length; t += 2) row.push([tokens[t]!, tokens[t + 1]!]);
    infoRows.push(row);
  }
  const title = lines[i]!.trim();
  const info = new Map(infoRows.flat());

  const dateAt = lines.findIndex((l) => /^发布日期:/.test(l));
  const published = /(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})/.exec(lines[dateAt] ?? '')?.[1];
  const split = lines.indexOf('区级文件');
  if (dateAt < 0 || !published || split < 0) throw new Error(`${path}: not the expected dump layout`);

  const body = lines.slice(dateAt + 1, split);
  const first = body.find((l) => l.trim() !== '')!;
  const printStart = lines.indexOf(first, split);
  const printHead = lines.slice(split, printStart).filter((l) => l.trim() !== '');
  const printBody = lines.slice(printStart);

  const nonEmpty = (ls: string[]) => ls.filter((l) => l.trim() !== '').join('\n');
  if (nonEmpty(body) !== nonEmpty(printBody)) console.warn('warning: the two body copies in the dump differ');
  return { title, infoRows, info, published, body, printHead, printBody };
}
