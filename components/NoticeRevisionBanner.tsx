import type { NoticeRevisions, RevisionSummary } from '../lib/notice/notice-record';
import { shanghaiDateTimeOf } from '../lib/annotation/shanghai-time';
import { ZhEn } from './ZhEn';

interface Props {
  notices: readonly NoticeRevisions[];
  /** An accept is on its way: buttons wait. */
  busy: boolean;
  onAccept: (noticeKey: string, revisionId: number) => void;
}

/** How many differing item numbers are listed before "…". */
const LISTED = 12;

const itemList = (nos: readonly number[]) => nos.slice(0, LISTED).join('、') + (nos.length > LISTED ? '…' : '');

/** Only a page's own address is a link: anything else is shown as text. */
const isWebUrl = (url: string) => /^https?:\/\//i.test(url);

function Revision({ notice, r, busy, onAccept }: { notice: NoticeRevisions; r: RevisionSummary; busy: boolean; onAccept: Props['onAccept'] }) {
  const n = r.differs.length;
  const fromPage = r.origin === 'page';
  const when = shanghaiDateTimeOf(r.lastSeenAt);
  return (
    <li data-testid="notice-revision" data-revision-id={r.id} data-origin={r.origin}>
      <p>
        {fromPage ? (
          <ZhEn zh={`网页上的原文与已保存的不同（${n} 项）`} en={`A page's text differs from the stored one (${n} items)`} />
        ) : (
          <ZhEn zh={`采用新版本前保存的原文（与现在的不同：${n} 项）`} en={`The text stored before a new version was accepted (${n} items differ)`} />
        )}
      </p>
      {n > 0 && (
        <p class="muted">
          <ZhEn zh={`不同的事项：第 ${itemList(r.differs)} 项`} en={`Items that differ: ${itemList(r.differs).replaceAll('、', ', ')}`} />
        </p>
      )}
      <p class="muted">
        <ZhEn
          zh={`此版本 ${r.itemCount} 项，已保存的 ${notice.itemCount} 项；${fromPage ? '最近见于' : '替换于'} ${when}`}
          en={`${r.itemCount} items here, ${notice.itemCount} stored; ${fromPage ? 'last seen' : 'replaced'} ${when}`}
        />{' '}
        ·{' '}
        {isWebUrl(r.url) ? (
          <a href={r.url} target="_blank" rel="noreferrer noopener">
            {r.url}
          </a>
        ) : (
          r.url
        )}
      </p>
      <button type="button" data-action="accept-revision" disabled={busy} onClick={() => onAccept(notice.noticeKey, r.id)}>
        {fromPage ? <ZhEn zh="采用新版本" en="Accept the new version" /> : <ZhEn zh="恢复此版本" en="Restore this version" />}
      </button>
    </li>
  );
}

/**
 * Texts of a notice other than the stored one: seen on a page (a corrected notice, or a page that
 * only claims to be it) or stored before. Nothing changes until the user accepts one; the text it
 * replaces stays listed (overview).
 */
export function NoticeRevisionBanner({ notices, busy, onAccept }: Props) {
  if (!notices.length) return null;
  return (
    <section class="revisions no-print" aria-label="原文版本 Notice text versions" data-testid="notice-revisions">
      {notices.map((notice) => (
        <div key={notice.noticeKey} class="revision-notice">
          <h2>
            {notice.docNo ?? notice.noticeKey} {notice.title}
          </h2>
          <p class="muted">
            <ZhEn
              zh={`已保存的原文（${notice.itemCount} 项）仍用于总览、导出和弹窗，除非你采用另一个版本。`}
              en={`The stored text (${notice.itemCount} items) is what the overview, exports and popup use until you accept another version.`}
            />
          </p>
          <ul>
            {notice.revisions.map((r) => (
              <Revision key={r.id} notice={notice} r={r} busy={busy} onAccept={onAccept} />
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
