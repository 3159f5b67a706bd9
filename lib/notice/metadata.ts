/**
 * The notice's identity from the page: JCMS puts the title and date in <meta> tags and the 文号 in
 * an info table (备注/文号, 文号); which names a site uses is its entry in lib/notice/sites.ts.
 * The 文号 is what keeps a notice the same across URL variants.
 */
import { foldWidth, layoutText, normalizeText } from './normalize';
import { NATIONAL_META, type MetaNames } from './sites';

// 拱政办发〔2024〕2号; some pages write [2024] or (2024).
const DOC_NO = /([\u4e00-\u9fa5]{2,12})[〔\[(]((?:19|20)\d{2})[〕\])](\d{1,4})号/;

interface NoticeMeta {
  title: string;
  docNo?: string;
  year?: number;
  publishedAt?: string;
}

/**
 * The page's <meta name=…> contents, each from the first such element as
 * querySelector(`meta[name="…"]`) finds it. The <head> is read once, directly: it is a handful of
 * elements, where querySelector parses its selector on every call (in Node's linkedom, a good part
 * of the parse). A match in the head is the first in the document when the head is the first
 * element of <html>; a name the head lacks is looked for in the whole document.
 */
export class MetaTags {
  private readonly inHead = new Map<string, Element>();

  constructor(private readonly doc: Document) {
    const head = doc.head;
    if (!head || doc.documentElement?.firstElementChild !== head) return;
    for (const el of head.getElementsByTagName('meta')) {
      const name = el.getAttribute('name');
      if (name !== null && !this.inHead.has(name)) this.inHead.set(name, el);
    }
  }

  /** The content as the page writes it. */
  raw(name: string): string | undefined {
    const el = this.inHead.get(name) ?? this.doc.querySelector(`meta[name="${name}"]`);
    return el?.getAttribute('content') ?? undefined;
  }

  content(name: string): string | undefined {
    const v = this.raw(name);
    // normalizeText(v), by the two steps the page's reading has already run (normalize.ts): the
    // notice script need not compile the fingerprints' loop for one date.
    return v ? foldWidth(layoutText(v)) : undefined;
  }

  /** The content of the first of `names` the page has. */
  first(names: readonly string[]): string | undefined {
    for (const name of names) {
      const v = this.content(name);
      if (v !== undefined) return v;
    }
    return undefined;
  }
}

/** 文号拱政办发 → 拱政办发: a label run into the number. */
function withoutLabel(issuer: string, labels: readonly string[]): string {
  const label = labels.find((l) => issuer.startsWith(l));
  return label ? issuer.slice(label.length) : issuer;
}

/** `lines` are the page's raw text lines, searched for the 文号; `names` where the site keeps the rest. */
export function readNoticeMeta(doc: Document, lines: readonly string[], names: MetaNames = NATIONAL_META): NoticeMeta {
  const metas = new MetaTags(doc);
  const title = metas.first(names.title) ?? normalizeText(doc.title ?? '');
  let docNo: string | undefined;
  let year: number | undefined;
  for (const raw of lines) {
    if (!raw.includes('号')) continue;
    const m = DOC_NO.exec(normalizeText(raw));
    if (m) {
      docNo = `${withoutLabel(m[1], names.docNoLabels)}〔${m[2]}〕${m[3]}号`;
      year = Number(m[2]);
      break;
    }
  }
  year ??= Number(/((?:19|20)\d{2})年/.exec(title)?.[1]) || undefined;
  const published = metas.first(names.published);
  return { title, docNo, year, publishedAt: published };
}
