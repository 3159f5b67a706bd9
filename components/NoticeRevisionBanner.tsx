import type { NoticeRevisions, RevisionSummary } from '../lib/notice/notice-record';
import { shanghaiDateTimeOf } from '../lib/annotation/shanghai-time';
import { numbers, t } from '../utils/i18n';

interface Props {
  notices: readonly NoticeRevisions[];
  /** An accept is on its way: buttons wait. */
  busy: boolean;
  onAccept: (noticeKey: string, revisionId: number) => void;
}

/** How many differing item keys are listed before "…". */
const LISTED = 12;

const itemList = (nos: readonly string[]) => numbers(nos.slice(0, LISTED)) + (nos.length > LISTED ? '…' : '');

/** Only a page's own address is a link: anything else is shown as text. */
const isWebUrl = (url: string) => /^https?:\/\//i.test(url);

function Revision({ notice, r, busy, onAccept }: { notice: NoticeRevisions; r: RevisionSummary; busy: boolean; onAccept: Props['onAccept'] }) {
  const n = r.differs.length;
  const fromPage = r.origin === 'page';
  const when = shanghaiDateTimeOf(r.lastSeenAt);
  return (
    <li data-testid="notice-revision" data-revision-id={r.id} data-origin={r.origin}>
      <p>
        {fromPage ? t('revisions.fromPage', n) : t('revisions.replaced', n)}
      </p>
      {n > 0 && (
        <p class="muted">
          {t('revisions.differ', r.differs.length, { items: itemList(r.differs) })}
        </p>
      )}
      <p class="muted">
        {t(fromPage ? 'revisions.seenCounts' : 'revisions.replacedCounts', { here: r.itemCount, stored: notice.itemCount, at: when })}{' '}
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
        {fromPage ? t('revisions.accept') : t('revisions.restore')}
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
    <section class="revisions no-print" aria-label={t('revisions.label')} data-testid="notice-revisions">
      {notices.map((notice) => (
        <div key={notice.noticeKey} class="revision-notice">
          <h2>
            {notice.docNo ? `${notice.docNo} ${notice.title}` : notice.title}
          </h2>
          <p class="muted">
            {t('revisions.stored', notice.itemCount)}
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
