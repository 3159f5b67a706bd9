/**
 * The viewer's document as the notice formats read it: the attachment's content built under
 * `<article>` (./render.ts), the cover notice's title as the page's ArticleTitle (an attachment's
 * own name is often just 附件1), so that readNoticePage reads the file as it reads a web page.
 */
import type { AttachmentDocument } from './document';
import { renderDocument } from './render';

export function writeAttachmentPage(doc: Document, content: AttachmentDocument, title: string): HTMLElement {
  let meta = doc.head.querySelector('meta[name="ArticleTitle"]');
  if (!meta) {
    meta = doc.createElement('meta');
    meta.setAttribute('name', 'ArticleTitle');
    doc.head.append(meta);
  }
  meta.setAttribute('content', title);
  const article = doc.createElement('article');
  article.setAttribute('data-duban-document', '');
  renderDocument(doc, content, article);
  doc.body.append(article);
  return article;
}
