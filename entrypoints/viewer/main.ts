/**
 * duban's document viewer: an attachment of a cover page (opened by its 在督办中打开 button, with
 * the file's URL and the cover's URL, title, 文号 and issuer in the query), a kept attachment
 * notice (`?notice=<key>`: the popup, the overview and reminders), or a file from disk (pick or
 * drop). The viewer gets the file itself — from the attachments table when kept, else fetched —
 * reads it (lib/attachment/read-file.ts), builds its content as DOM nodes, reads that with the
 * notice formats of web pages, and shows the notice as the notice script does on a page
 * (entrypoints/notice.content/show-notice.ts): the same rows, editor and test hooks.
 *
 * The viewer writes the file itself into the attachments table of duban's database (its own
 * origin): a file of up to 30 MB never crosses a message. Notes and notices still go only
 * through the background's messages.
 */
import { MAX_ATTACHMENT_BYTES } from '../../lib/notice/attachment-key';
import { noticeKey } from '../../lib/notice/notice-key';
import type { Notice } from '../../lib/notice/types';
import { readAttachmentFile, type FileOutcome } from '../../lib/attachment/read-file';
import { writeAttachmentPage } from '../../lib/attachment/page';
import { readViewerQuery, type Cover } from '../../lib/attachment/viewer-link';
import { DB_NAME, DubanDatabase } from '../../lib/db/database';
import { keepAttachment, keptAttachment } from '../../lib/db/attachments';
import { recogniseNotice } from '../../lib/notice/recognise';
import { message } from '../../lib/message';
import { localiseDocument, say, t } from '../../utils/i18n';
import { showNotice, type ShownNotice } from '../notice.content/show-notice';
import { mountViewerBar } from './bar';
import { fetchFile, TooLarge } from './fetch-file';
import { readPdf, warmPdf } from './pdf';
import { readDocxInWorker, warmDocx } from './docx';
import './style.css';

/** What the file is and where it came from, for its notice and for keeping it. */
interface Source {
  /** The attachment's URL (a notice's sourceUrl), or `file:///<name>` for a file from disk. */
  url: string;
  title: string;
  cover?: Cover;
  /** Fetched or picked now: keep it once read as a notice. */
  keep: boolean;
}

/**
 * The attachment's notice as read from the file, named by its cover (lib/notice/notice-key.ts):
 * the cover's 文号 and issuer, the attachment's title and the cover's URL. A file from disk has
 * no cover: its own 文号, if it gives one.
 */
function attachmentNotice(read: Notice, source: Source): Notice {
  const { docNo: ownDocNo, issuer: ownIssuer, ...rest } = read;
  const docNo = source.cover ? source.cover.docNo : ownDocNo;
  const issuer = source.cover?.issuer ?? ownIssuer;
  const title = source.cover ? `${source.cover.title} ${source.title}` : read.title || source.title;
  return {
    ...rest,
    ...(docNo ? { docNo } : {}),
    ...(issuer ? { issuer } : {}),
    title: title.slice(0, 500),
    sourceUrl: source.url,
    attachment: { title: source.title.slice(0, 200) || '附件', ...(source.cover ? { cover: source.cover.url } : {}) },
  };
}

/** The key of the notice an attachment request names, before the file is read: its kept file's key. */
const requestKey = (url: string, title: string, cover: Cover) =>
  noticeKey({ ...(cover.docNo ? { docNo: cover.docNo } : {}), sourceUrl: url, attachment: { title: title.slice(0, 200) || '附件', cover: cover.url } });

performance.mark('duban:viewer-start');
const html = document.documentElement;
const db = new DubanDatabase(DB_NAME);
localiseDocument(document, t('attachment.viewerTitle'));
const bar = mountViewerBar(document, (file) => void openLocal(file));
let shown: { notice?: ShownNotice; article: HTMLElement } | undefined;

const state = (s: string, code?: string) => {
  html.setAttribute('data-duban-viewer', s);
  if (code) html.setAttribute('data-duban-viewer-code', code);
  else html.removeAttribute('data-duban-viewer-code');
};

async function start() {
  const target = readViewerQuery(location.search);
  if ('empty' in target) return state('empty');
  state('loading');
  bar.say(t('attachment.loading'));
  if ('noticeKey' in target) {
    const kept = await keptAttachment(db, target.noticeKey);
    if (!kept) return refuse({ ok: false, code: 'attachment.unreadable', detail: target.noticeKey });
    return show(new Uint8Array(await kept.bytes.arrayBuffer()), { url: kept.url, title: kept.title, ...(kept.cover ? { cover: kept.cover } : {}), keep: false });
  }
  const a = target.attachment;
  const key = requestKey(a.url, a.title, a.cover);
  bar.setFile(a.title, a.cover);
  if (a.kind === 'pdf') void warmPdf();
  if (a.kind === 'docx') warmDocx();
  if (a.kind === 'sheet') void import('./xlsx').then((m) => m.warmSheets()).catch(() => {});
  // A kept file is not fetched again.
  const kept = await keptAttachment(db, key).catch(() => undefined);
  if (kept) return show(new Uint8Array(await kept.bytes.arrayBuffer()), { url: a.url, title: a.title, cover: a.cover, keep: false });
  let bytes: Uint8Array;
  try {
    bytes = await fetchFile(a.url);
  } catch (e) {
    if (e instanceof TooLarge) return refuse({ ok: false, code: 'attachment.tooLarge' });
    state('refused', 'attachment.fetchFailed');
    return bar.say(t('attachment.fetchFailed', { detail: e instanceof Error ? e.message : String(e) }), true);
  }
  return show(bytes, { url: a.url, title: a.title, cover: a.cover, keep: true });
}

async function openLocal(file: File) {
  clear();
  state('loading');
  bar.setFile(file.name, undefined);
  bar.say(t('attachment.loading'));
  if (file.size > MAX_ATTACHMENT_BYTES) return refuse({ ok: false, code: 'attachment.tooLarge' });
  await show(new Uint8Array(await file.arrayBuffer()), { url: `file:///${encodeURIComponent(file.name)}`, title: file.name.replace(/\.[^.]+$/, ''), keep: true });
}

function clear() {
  shown?.notice?.remove();
  shown?.article.remove();
  shown = undefined;
}

function refuse(outcome: FileOutcome & { ok: false }) {
  state('refused', outcome.code);
  bar.say(say(message(outcome.code, { detail: outcome.detail ?? '' })), true);
}

async function show(bytes: Uint8Array, source: Source) {
  performance.mark('duban:viewer-file');
  const outcome = await readAttachmentFile(bytes, {
    parseXml: (text) => new DOMParser().parseFromString(text, 'application/xml'),
    readPdf,
    readDocx: readDocxInWorker,
    // exceljs only when the file is a sheet: a docx or a PDF never loads it.
    readSheets: async (b) => (await import('./xlsx')).readSheetsInWorker(b),
  });
  if (!outcome.ok) return refuse(outcome);
  performance.mark('duban:viewer-read');
  bar.setFile(source.title, source.cover);
  const article = writeAttachmentPage(document, outcome.content, source.cover?.title || source.title);
  performance.mark('duban:viewer-built');
  shown = { article };
  document.title = `${source.title} · ${t('attachment.viewerTitle')}`;
  const found = recogniseNotice(document, { url: source.url, isVisible: (el) => el.checkVisibility?.() ?? true });
  if (!found.ok) {
    state('shown');
    html.setAttribute('data-duban', 'none');
    return bar.say(t('attachment.notNotice'));
  }
  const notice = attachmentNotice(found.notice, source);
  const key = noticeKey(notice);
  state('shown');
  bar.say('');
  shown.notice = await showNotice(document, notice, found.anchors, { copy: false });
  if (source.keep) {
    const kept = await keepAttachment(db, {
      noticeKey: key,
      url: source.url,
      title: source.title,
      ...(source.cover ? { cover: source.cover } : {}),
      kind: outcome.kind,
      size: bytes.length,
      bytes: new Blob([bytes as BlobPart]),
      savedAt: Date.now(),
    }).catch(() => false);
    if (kept) bar.say(t('attachment.kept'));
  }
}

void start().catch((e: unknown) => {
  state('refused', 'attachment.unreadable');
  bar.say(t('attachment.unreadable', { detail: e instanceof Error ? e.message : String(e) }), true);
});
