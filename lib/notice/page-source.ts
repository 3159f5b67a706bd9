/**
 * A page saved to a file (npm run parse), read as the browser read it. Many government sites,
 * older ones above all, still serve GBK or GB2312 (`<meta charset="gb2312">`), and a browser saves
 * a page in the bytes it came in: read as UTF-8, its words would be mojibake and no notice found.
 * So the charset is found as a browser finds it: a byte-order mark, else a `<meta charset>` or
 * `<meta http-equiv="Content-Type" content="…; charset=…">` within the first 1,024 bytes (the
 * HTML standard's prescan), else UTF-8 where the bytes are valid UTF-8, else GB18030 (the superset
 * of GBK and GB2312). And the address the browser noted when it saved the page
 * (`<!-- saved from url=(0071)https://… -->`) is the page's own: its notice is known by it.
 */

/** How far the charset is looked for, as a browser's prescan. */
const PRESCAN = 1024;
const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i;
/** Chromium writes the mark before the <html> tag, after any DOCTYPE (FrameSerializer::MarkOfTheWebDeclaration). */
const SAVED_FROM = /^\s*(?:<!DOCTYPE[^>]*>\s*)?<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i;

/** The page's text and the charset it was read in (a WHATWG label: utf-8, gbk, gb18030, big5…). */
export function decodePage(bytes: Uint8Array): { text: string; charset: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes), charset: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), charset: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), charset: 'utf-16be' };
  // The prescan reads the head as ASCII: any charset a page may name keeps ASCII as it is.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, PRESCAN));
  const named = META_CHARSET.exec(head)?.[1];
  if (named) {
    const decoder = decoderFor(named);
    if (decoder) return { text: decoder.decode(bytes), charset: decoder.encoding };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), charset: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), charset: 'gb18030' };
  }
}

/** A decoder for a label the page gives, or none for a label no browser knows. */
function decoderFor(label: string): TextDecoder | undefined {
  try {
    const decoder = new TextDecoder(label);
    // A page saved by a browser after it decoded it says utf-16 in its meta yet is ASCII-compatible (the standard reads it as UTF-8).
    return decoder.encoding.startsWith('utf-16') ? new TextDecoder('utf-8') : decoder;
  } catch {
    return undefined;
  }
}

/** The address a browser noted atop a page it saved (`<!-- saved from url=(0071)https://… -->`), else undefined. */
export function savedFromUrl(html: string): string | undefined {
  const url = SAVED_FROM.exec(html.slice(0, 2048))?.[1];
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}
