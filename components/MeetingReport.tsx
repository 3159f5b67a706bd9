import { noticeLabel } from '../lib/followup/overview';
import type { MeetingReport as Report } from '../lib/followup/report';
import { statusText, t } from '../utils/i18n';
import { countsLine, deadlineText, followUpText, groupName, itemText, progressText, reportTitle } from './report-text';

/** The printable meeting report: one section per lead official or lead unit, counts on top. */
export function MeetingReport({ report }: { report: Report }) {
  return (
    <article class="report" aria-labelledby="report-title">
      <h1 id="report-title">{reportTitle(report)}</h1>
      <p class="report-meta">{t('report.meta', { day: report.today, counts: countsLine(report.counts) })}</p>
      {report.groups.map((g, gi) => (
        <section key={g.name} class="report-group" data-group={g.name} aria-labelledby={`group-${gi}`}>
          <h2 id={`group-${gi}`}>{groupName(report, g)}</h2>
          <p class="counts">{countsLine(g.counts)}</p>
          <table>
            <thead>
              <tr>
                <th scope="col" class="r-no">
                  {t('report.column.no')}
                </th>
                {report.manyNotices && (
                  <th scope="col" class="r-notice">
                    {t('report.column.notice')}
                  </th>
                )}
                <th scope="col">{t('report.column.item')}</th>
                <th scope="col" class="r-status">
                  {t('report.column.status')}
                </th>
                <th scope="col" class="r-progress">
                  {t('report.column.progress')}
                </th>
                <th scope="col" class="r-note">
                  {t('report.column.note')}
                </th>
                <th scope="col" class="r-deadline">
                  {t('report.column.deadline')}
                </th>
                <th scope="col" class="r-follow">
                  {t('report.column.followUp')}
                </th>
              </tr>
            </thead>
            <tbody>
              {g.items.map((it) => (
                <tr key={it.row.id} data-item={it.row.itemKey} data-notice={it.row.noticeKey}>
                  <td class="r-no">{it.row.itemKey}</td>
                  {report.manyNotices && <td>{noticeLabel(it.row)}</td>}
                  <td>{itemText(it)}</td>
                  <td class={`r-status status-${it.row.status}`}>{statusText(it.row.status)}</td>
                  <td class={`r-progress ${it.grade ?? ''}`}>{progressText(it)}</td>
                  <td>{it.note || '—'}</td>
                  <td class={`r-deadline ${it.pastDeadline ? 'overdue' : ''}`}>{deadlineText(it)}</td>
                  <td class={`r-follow ${it.followUpState === 'overdue' && it.row.status !== 'done' ? 'overdue' : ''}`}>{followUpText(it)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      {!report.groups.length && <p>{t('report.noItems')}</p>}
    </article>
  );
}
