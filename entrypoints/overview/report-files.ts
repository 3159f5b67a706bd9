/** The report's files: Word, made by a module loaded only when asked (docx stays out of the page's first bundle). */
import type { MeetingReport } from '../../lib/followup/report';
import { exportFileName } from '../../lib/transfer/snapshot';
import { t } from '../../utils/i18n';

/** Saves a Blob through the browser's download (an <a download> on a blob URL). */
function saveBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Give the download time to start before the blob goes away.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Makes the report's .docx and saves it as duban-<文号>-<day>.docx. */
export async function saveReportDocx(report: MeetingReport, now: number): Promise<void> {
  const { reportDocx } = await import('../../components/report-docx');
  saveBlob(exportFileName(report.notices, now, 'docx', t('export.allNotices')), await reportDocx(report));
}
