/**
 * What a note edit changed, readably: the text both versions share at the start and the end, and
 * between them what was taken out and what was put in. Most edits of a note change one place
 * (a sentence added, a word fixed), which this shows exactly; several changes show as one span.
 */
export interface TextDiff {
  before: string;
  removed: string;
  added: string;
  after: string;
}

export function diffText(from: string, to: string): TextDiff {
  const a = [...from];
  const b = [...to];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  return {
    before: a.slice(0, start).join(''),
    removed: a.slice(start, a.length - end).join(''),
    added: b.slice(start, b.length - end).join(''),
    after: a.slice(a.length - end).join(''),
  };
}
