/**
 * Version 11 (./database.ts): notices read from an attachment move to the key they have today,
 * the cover's 文号 at the cover's site plus the attachment's title (lib/notice/notice-key.ts).
 * Version 10 stored them under a 文号 field made of the cover's 文号, issuer and the title, at the
 * site of the file's URL (`常钟政办〔2021〕3号 常州市钟楼区人民政府办公室 附件：…@www.zhonglou.gov.cn`,
 * or an object-storage host), and kept each file under that 文号 field. The kept file names its
 * cover, so the notice it was read from gets its cover's 文号 and issuer back, and the attachment.
 */
import { canonicalNoticeUrl } from '../notice/notice-url';
import { noticeKey } from '../notice/notice-key';
import type { NoticeRecord } from '../notice/notice-record';

/** What a kept file (./database.ts AttachmentRecord) says of its notice. */
interface KeptFile {
  noticeKey: string;
  url: string;
  title: string;
  cover?: { url: string; docNo?: string; issuer?: string };
}

export interface AttachmentKeyMoves<F extends KeptFile> {
  /** Old notice key → today's. */
  moves: Record<string, string>;
  /** The moved notices' records as today's, still under their old keys (the move rekeys them). */
  notices: NoticeRecord[];
  /** The kept files under their notices' keys of today. */
  attachments: F[];
}

/** The label version 10 put between the cover's part and the title. */
const LABEL = ' 附件：';

export function attachmentKeyMoves<F extends KeptFile>(notices: readonly NoticeRecord[], kept: readonly F[]): AttachmentKeyMoves<F> {
  const out: AttachmentKeyMoves<F> = { moves: {}, notices: [], attachments: [] };
  for (const file of kept) {
    const candidates = notices.filter((n) => n.docNo === file.noticeKey && !n.attachment);
    const url = canonicalNoticeUrl(file.url);
    const n = candidates.find((c) => c.sourceUrl === url) ?? candidates[0];
    if (!n) {
      out.attachments.push(file);
      continue;
    }
    // A file from disk had its own 文号 in front (or the file's path, when it gave none).
    const own = file.noticeKey.includes(LABEL) ? file.noticeKey.slice(0, file.noticeKey.indexOf(LABEL)) : '';
    const docNo = file.cover ? file.cover.docNo : own && !own.startsWith('/') ? own : undefined;
    const issuer = file.cover?.issuer ?? n.issuer;
    const { docNo: _old, issuer: _named, ...rest } = n;
    const record: NoticeRecord = {
      ...rest,
      ...(docNo ? { docNo } : {}),
      ...(issuer ? { issuer } : {}),
      attachment: { title: file.title || '附件', ...(file.cover ? { cover: file.cover.url } : {}) },
    };
    const key = noticeKey(record);
    if (key !== n.key) out.moves[n.key] = key;
    out.notices.push(record);
    out.attachments.push({ ...file, noticeKey: key });
  }
  return out;
}
