import { STATUS_LABELS } from '../lib/annotation/status';
import { noticeLabel } from '../lib/followup/overview';
import { countsLine, followUpText, GROUPING_LABELS, progressText, reportTitle, type MeetingReport as Report } from '../lib/followup/report';

/** The printable meeting report: one section per lead official or lead unit, counts on top. */
export function MeetingReport({ report }: { report: Report }) {
  return (
    <article class="report" aria-labelledby="report-title">
      <h1 id="report-title">{reportTitle(report)}</h1>
      <p class="report-meta">
        Meeting report, {GROUPING_LABELS[report.groupBy].en} · 日期 {report.today} · 共 {countsLine(report.counts)}
      </p>
      {report.groups.map((g, gi) => (
        <section key={g.name} class="report-group" data-group={g.name} aria-labelledby={`group-${gi}`}>
          <h2 id={`group-${gi}`}>{g.name}</h2>
          <p class="counts">{countsLine(g.counts)}</p>
          <table>
            <thead>
              <tr>
                <th scope="col" class="r-no">序号</th>
                {report.manyNotices && (
                  <th scope="col" class="r-notice">
                    文件
                  </th>
                )}
                <th scope="col">事项</th>
                <th scope="col" class="r-status">状态</th>
                <th scope="col" class="r-progress">进度 / 序时进度</th>
                <th scope="col" class="r-note">
                  最新备注
                </th>
                <th scope="col" class="r-follow">跟进</th>
              </tr>
            </thead>
            <tbody>
              {g.items.map((it) => (
                <tr key={it.row.id} data-item={it.row.itemNo} data-notice={it.row.noticeKey}>
                  <td class="r-no">{it.row.itemNo}</td>
                  {report.manyNotices && <td>{noticeLabel(it.row)}</td>}
                  <td>{it.text}</td>
                  <td class={`r-status status-${it.row.status}`}>{STATUS_LABELS[it.row.status].zh}</td>
                  <td class={`r-progress ${it.grade ?? ''}`}>{progressText(it)}</td>
                  <td>{it.note || '—'}</td>
                  <td class={`r-follow ${it.followUpState === 'overdue' && it.row.status !== 'done' ? 'overdue' : ''}`}>{followUpText(it)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      {!report.groups.length && <p>没有事项 / no items</p>}
    </article>
  );
}
