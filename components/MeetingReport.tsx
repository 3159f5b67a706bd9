import type { MeetingReport as Report } from '../lib/followup/report';
import { t } from '../utils/i18n';
import { countsLine, countsTable, groupName, itemCells, noticesLine, reportColumns, reportTitle, runningNoticesLine } from './report-text';

/** Class of each items-table column (widths in the print CSS), in reportColumns' order. */
function columnClasses(report: Report): string[] {
  return ['r-no', ...(report.manyNotices ? ['r-notice'] : []), 'r-item', 'r-status', 'r-progress', 'r-note', 'r-deadline', 'r-follow'];
}

/** Extra classes of an item's cells: the status's colour, late progress, past deadline and follow-up. */
function cellMarks(report: Report, it: Report['groups'][number]['items'][number]): string[] {
  const overdueFollowUp = it.followUpState === 'overdue' && it.row.status !== 'done';
  return [
    '',
    ...(report.manyNotices ? [''] : []),
    '',
    it.row.noUpdate ? 'no-update' : `status-${it.row.status}`,
    it.grade ?? '',
    'note',
    it.pastDeadline ? 'overdue' : '',
    overdueFollowUp ? 'overdue' : '',
  ];
}

/**
 * The printable meeting report (督办通报): the notices it covers, counts per group, then one section
 * per lead official or lead unit with every item's full text and note. The whole report sits in
 * one frame table whose header names the notices: Chromium repeats a table's header on every
 * printed page, so each page says which notice it reports on (the items tables repeat their column
 * headings the same way).
 */
export function MeetingReport({ report }: { report: Report }) {
  const columns = reportColumns(report);
  const classes = columnClasses(report);
  const counts = countsTable(report);
  const notices = noticesLine(report);
  return (
    <table class="report-frame" role="presentation">
      <thead>
        <tr>
          <th class="running-head" scope="col">
            <span class="running-title">{reportTitle(report)}</span>
            <span class="running-notice">{runningNoticesLine(report)}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <td>
            <article class="report" aria-labelledby="report-title">
              <h1 id="report-title">{reportTitle(report)}</h1>
              {notices && <p class="report-notices">{notices}</p>}
              {report.scope && <p class="report-scope">{report.scope}</p>}
              <p class="report-meta">{t('report.meta', { day: report.today, counts: countsLine(report.counts) })}</p>
              {report.groups.length > 0 && (
                <table class="report-counts">
                  <caption>{t('meetingReport.countsCaption')}</caption>
                  <thead>
                    <tr>
                      {counts.head.map((h, i) => (
                        <th key={i} scope="col">
                          {h}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {counts.rows.map((r, ri) => (
                      <tr key={ri} class={ri === counts.rows.length - 1 ? 'all' : undefined}>
                        {r.map((c, ci) => (ci === 0 ? <th key={ci} scope="row">{c}</th> : <td key={ci}>{c}</td>))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {report.groups.map((g, gi) => (
                <section key={g.name} class="report-group" data-group={g.name} aria-labelledby={`group-${gi}`}>
                  <h2 id={`group-${gi}`}>{groupName(report, g)}</h2>
                  <p class="counts">{countsLine(g.counts)}</p>
                  <table class={report.manyNotices ? 'report-items many' : 'report-items'}>
                    <colgroup>
                      {classes.map((c) => (
                        <col key={c} class={c} />
                      ))}
                    </colgroup>
                    <thead>
                      <tr>
                        {columns.map((c, i) => (
                          <th key={i} scope="col" class={classes[i]}>
                            {c}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {g.items.map((it) => {
                        const marks = cellMarks(report, it);
                        return (
                          <tr key={it.row.id} data-item={it.row.itemKey} data-notice={it.row.noticeKey} class={it.row.noUpdate ? 'no-update' : undefined}>
                            {itemCells(report, it).map((c, i) => (
                              <td key={i} class={`${classes[i]} ${marks[i]}`.trim()}>
                                {c || '—'}
                              </td>
                            ))}
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </section>
              ))}
              {!report.groups.length && <p>{t('report.noItems')}</p>}
            </article>
          </td>
        </tr>
      </tbody>
    </table>
  );
}
