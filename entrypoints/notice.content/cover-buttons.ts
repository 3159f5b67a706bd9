/**
 * On a cover page (its list an attachment, lib/notice/cover.ts): a button 在督办中打开 beside
 * each attachment link, in a closed shadow root on a plain host like the overlays. A click asks
 * the background to open duban's document viewer on the file; the viewer fetches it itself.
 */
import type { CoverPage } from '../../lib/notice/cover';
import { attachmentRequests } from '../../lib/attachment/cover-requests';
import type { AttachmentRequest } from '../../lib/attachment/viewer-link';
import { t } from '../../utils/i18n';
import { createShadowHost } from './shadow';

const CSS = `button{all:initial;display:inline-block;margin:0 0 0 .5em;padding:1px 8px;border:1px solid #1a73e8;border-radius:4px;
color:#1a73e8;background:#fff;font:13px/1.6 system-ui,"Microsoft YaHei",sans-serif;cursor:pointer;vertical-align:baseline}
button:hover,button:focus-visible{background:#e8f0fe;outline:2px solid #1a73e8}`;

export function mountCoverButtons(doc: Document, cover: CoverPage, open: (request: AttachmentRequest) => void): () => void {
  const hosts: HTMLElement[] = [];
  const requests = attachmentRequests(cover);
  cover.attachments.slice(0, requests.length).forEach((a, i) => {
    const { host, root } = createShadowHost(doc, 'span', { 'data-duban-attachment': String(i) }, CSS);
    const button = doc.createElement('button');
    button.type = 'button';
    button.textContent = t('attachment.open');
    button.title = t('attachment.openTitle');
    const request = requests[i];
    button.addEventListener('click', (e) => {
      e.preventDefault();
      e.stopPropagation();
      open(request);
    });
    root.append(button);
    a.element.after(host);
    hosts.push(host);
  });
  return () => hosts.forEach((h) => h.remove());
}
