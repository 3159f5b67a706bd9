/**
 * The notice's identity from the page: JCMS puts the title and date in <meta> tags and the 文号 in
 * an info table (备注/文号, 文号). The 文号 is what keeps a notice the same across URL variants.
 */
import { normalizeText } from './normalize';

// 拱政办发〔2024〕2号; some pages write [2024] or (2024).
const DOC_NO = /([\u4e00-\u9fa5]{2,12})[〔\[(]((?:19|20)\d{2})[〕\])](\d{1,4})号/;

export interface NoticeMeta {
  title: string;
  docNo?: string;
  year?: number;
  publishedAt?: string;
}

function meta(doc: Document, name: string): string | undefined {
  const v = doc.querySelector(`meta[name="${name}"]`)?.getAttribute('content');
  return v ? normalizeText(v) : undefined;
}

/** `lines` are the page's raw text lines, searched for the 文号. */
export function readNoticeMeta(doc: Document, lines: readonly string[]): NoticeMeta {
  const title = meta(doc, 'ArticleTitle') ?? normalizeText(doc.title ?? '');
  let docNo: string | undefined;
  let year: number | undefined;
  for (const raw of lines) {
    if (!raw.includes('号')) continue;
    const m = DOC_NO.exec(normalizeText(raw));
    if (m) {
      docNo = `${m[1].replace(/^(备注\/)?文号/, '')}〔${m[2]}〕${m[3]}号`;
      year = Number(m[2]);
      break;
    }
  }
  year ??= Number(/((?:19|20)\d{2})年/.exec(title)?.[1]) || undefined;
  const published = meta(doc, 'PubDate') ?? meta(doc, 'firstpublishedtime');
  return { title, docNo, year, publishedAt: published };
}
