import type { ExportFormat } from '../lib/protocol';
import type { NoticeSummary } from '../lib/summary/summary';
import { ExportButtons, type FileFormat } from './ExportButtons';
import { PopupDetails } from './PopupDetails';
import { PopupItemList } from './PopupItemList';
import { ProgressGroups } from './ProgressGroups';
import { StatusLegend } from './StatusLegend';
import { StatusStackBar } from './StatusStackBar';
import { t } from '../utils/i18n';

interface Props {
  notice: NoticeSummary;
  /** The first notice listed (this tab's, else the latest worked on): its overdue items show at once. */
  first?: boolean;
  busy: boolean;
  onOpen: (href: string) => void;
  /** This notice's own export: off when the popup's "all notices" export would write the same file. */
  onExport?: (format: FileFormat, noticeKeys: string[]) => void;
  onOverview: () => void;
}

/** The host a notice was published at (www.hangzhou.gov.cn), for one without a 文号. */
function siteOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

const days = (n: number) => (n < 0 ? t('summary.daysOverdue', -n) : n === 0 ? t('summary.today') : t('summary.inDays', n));
const total = (c: { entries: unknown[]; more: number }) => c.entries.length + c.more;

/** One annotated notice at a glance (popup): status bar, follow-ups, 序时进度, sections, units. */
export function ProgressSummary({ notice: n, first = false, busy, onOpen, onExport, onOverview }: Props) {
  const name = n.docNo ?? n.title;
  const id = `notice-${n.key.replace(/[^\w-]/g, (c) => c.charCodeAt(0).toString(36))}`;
  return (
    <section class={`notice${n.current ? ' current' : ''}${n.compact ? ' compact' : ''}`} aria-labelledby={id} data-notice-key={n.key}>
      <header>
        <h2 id={id}>
          {n.current && (
            <span class="badge">{t('summary.thisTab')}</span>
          )}
          {name}
        </h2>
        {/* Under its 文号, the title; a notice without one is headed by its title, and its site says where it is. */}
        <p class="title" title={n.docNo ? n.title : n.url}>
          {n.docNo ? n.title : siteOf(n.url)}
        </p>
      </header>
      <StatusStackBar counts={n.counts} total={n.total} label={name} />
      <p class="count-line">
        {n.totalUnknown ? t('summary.annotatedOfUnknown', n.annotated) : t('summary.annotated', n.total, { annotated: n.annotated })}
      </p>
      <StatusLegend counts={n.counts} noUpdate={n.totalUnknown ? 0 : Math.max(0, n.total - n.annotated)} />
      {n.importedOnly && (
        <p class="hint" data-testid="imported-only">
          {n.importedOnly.itemCount ? t('summary.importedOnlyOf', n.importedOnly.itemCount) : t('summary.importedOnly')}
        </p>
      )}

      {n.compact ? (
        <p class="compact-line">
          {total(n.pastDeadline) > 0 && `${t('summary.compactPast', total(n.pastDeadline))} · `}
          {t('summary.compact', { overdue: total(n.overdue), coming: total(n.coming), behind: total(n.behind) })}{' '}
          <button type="button" class="link" onClick={onOverview}>
            {t('summary.seeOverview')}
          </button>
        </p>
      ) : (
        <>
          {total(n.overdue) > 0 && (
            <PopupDetails open={first || n.current} class="urgent" summary={t('summary.overdue', total(n.overdue))}>
              {() => <PopupItemList list={n.overdue} onOpen={onOpen} detail={(e) => `${e.followUp} · ${days(e.days)}`} />}
            </PopupDetails>
          )}
          {/* Past the notice's own deadline (完成时限), not done: what 督办 chases, shown with the overdue follow-ups. */}
          {total(n.pastDeadline) > 0 && (
            <PopupDetails open={first || n.current} class="urgent" summary={t('summary.pastDeadline', total(n.pastDeadline))}>
              {() => <PopupItemList list={n.pastDeadline} onOpen={onOpen} detail={(e) => `${e.deadline} · ${t('summary.daysPastDeadline', -e.days)}`} />}
            </PopupDetails>
          )}
          {total(n.coming) > 0 && (
            <PopupDetails open={n.current} summary={t('summary.coming', total(n.coming))}>
              {() => <PopupItemList list={n.coming} onOpen={onOpen} detail={(e) => `${e.followUp} · ${days(e.days)}`} />}
            </PopupDetails>
          )}
          {total(n.behind) > 0 && (
            <PopupDetails
              open={n.current}
              summary={t('summary.behind', total(n.behind))}
            >
              {() => (
                <PopupItemList
                  list={n.behind}
                  onOpen={onOpen}
                  detail={(e) => (
                    <span class={`grade g-${e.grade}`}>
                      {t('summary.progress', { progress: e.progress, expected: Math.round(e.expected), grade: t(`grade.${e.grade}`) })}
                    </span>
                  )}
                />
              )}
            </PopupDetails>
          )}
          <PopupDetails summary={t(n.themes ? 'summary.byTheme' : 'summary.bySection', n.sections.length)}>
            {() => <ProgressGroups groups={n.sections} caption={t(n.themes ? 'summary.byThemeCaption' : 'summary.bySectionCaption')} />}
          </PopupDetails>
          <PopupDetails summary={t('summary.byUnit', n.units.length)}>
            {() => <ProgressGroups groups={n.units} caption={t('summary.byUnitCaption')} />}
          </PopupDetails>
        </>
      )}
      {/* This notice's own files, one click away: the popup opens without them. */}
      {onExport && (
        <PopupDetails class="export" summary={t('export.thisNotice')}>
          {() => <ExportButtons busy={busy} scope={name} onExport={(format) => onExport(format, [n.key])} />}
        </PopupDetails>
      )}
    </section>
  );
}
