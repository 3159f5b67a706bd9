/**
 * The viewer's own bar above the document: the attachment's title, the cover notice it belongs
 * to (a link back), what the viewer is doing or why it cannot read the file, and 打开本地文件
 * (pick, or drop a file anywhere on the page). In a shadow root: its words are not the
 * document's, so the notice formats never read them as lines of the attachment.
 */
import type { Cover } from '../../lib/attachment/viewer-link';
import { t } from '../../utils/i18n';

const CSS = `:host{display:block;position:sticky;top:0;z-index:10;background:#f5f7fa;border-bottom:1px solid #d0d7de;
font:14px/1.6 system-ui,"Microsoft YaHei",sans-serif;color:#1f2328}
.in{max-width:1000px;margin:0 auto;padding:8px 16px;display:grid;gap:2px}
h1{font-size:16px;margin:0}
.status{margin:0;color:#57606a}.status.error{color:#c5221f;font-weight:600}
.tools{display:flex;gap:12px;align-items:center;flex-wrap:wrap}
label{cursor:pointer;color:#1a73e8;border:1px solid #1a73e8;border-radius:4px;padding:0 8px}
input[type=file]{position:absolute;opacity:0;width:1px;height:1px}
a{color:#1a73e8}`;

export interface ViewerBar {
  setFile(title: string, cover: Cover | undefined): void;
  /** Says what the viewer is doing (a plain line) or why it cannot (an error line). */
  say(text: string, error?: boolean): void;
}

const ACCEPT = '.docx,.pdf,.doc,.xls,.xlsx,.wps,.et';

export function mountViewerBar(doc: Document, onFile: (file: File) => void): ViewerBar {
  const host = doc.createElement('header');
  host.setAttribute('data-duban-viewer-bar', '');
  const root = host.attachShadow({ mode: 'open' });
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string) => {
    const e = doc.createElement(tag);
    if (cls) e.className = cls;
    return e;
  };
  const style = el('style');
  style.textContent = CSS;
  const box = el('div', 'in');
  const title = el('h1');
  const coverLine = el('p', 'status');
  const status = el('p', 'status');
  status.setAttribute('role', 'status');
  const tools = el('div', 'tools');
  const label = el('label');
  const input = el('input');
  input.type = 'file';
  input.accept = ACCEPT;
  label.append(t('attachment.pick'), input);
  const hint = el('span');
  hint.textContent = t('attachment.dropHint');
  tools.append(label, hint);
  box.append(title, coverLine, status, tools);
  root.append(style, box);
  doc.body.prepend(host);

  input.addEventListener('change', () => {
    const f = input.files?.[0];
    if (f) onFile(f);
    input.value = '';
  });
  // A file dropped anywhere on the viewer opens it; the browser would otherwise open it itself.
  doc.addEventListener('dragover', (e) => e.preventDefault());
  doc.addEventListener('drop', (e) => {
    e.preventDefault();
    const f = e.dataTransfer?.files?.[0];
    if (f) onFile(f);
  });

  return {
    setFile(name, cover) {
      title.textContent = name;
      coverLine.replaceChildren();
      if (!cover) return;
      const a = el('a');
      a.href = cover.url;
      a.textContent = cover.title || cover.url;
      a.setAttribute('data-duban-cover-link', '');
      a.title = t('attachment.backToCover');
      coverLine.append(t('attachment.coverOf'), a, ...(cover.docNo ? [`（${cover.docNo}）`] : []));
    },
    say(text, error = false) {
      status.textContent = text;
      status.classList.toggle('error', error);
    },
  };
}
