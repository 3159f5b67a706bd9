import type { PopupSummary } from '../lib/summary/summary';
import { shanghaiDateTimeOf } from '../lib/annotation/shanghai-time';
import { t } from '../utils/i18n';

interface Props {
  summary: Pick<PopupSummary, 'lastExport' | 'daysSinceExport' | 'exportReminder' | 'annotations'>;
  busy: boolean;
  onBackup: () => void;
}

/** When the last backup (JSON export) was made, and a reminder when it is due (popup). */
export function BackupStatus({ summary, busy, onBackup }: Props) {
  const { lastExport, daysSinceExport, exportReminder } = summary;
  return (
    <div class={`backup${exportReminder ? ' due' : ''}`} role={exportReminder ? 'status' : undefined} data-testid="backup">
      <p>
        {lastExport
          ? t('backup.last', {
              at: shanghaiDateTimeOf(lastExport.at),
              ago: daysSinceExport === 0 ? t('backup.today') : t('backup.daysAgo', daysSinceExport ?? 0),
            })
          : t('backup.never')}
      </p>
      {exportReminder && (
        <>
          <p class="warn">{t(lastExport ? 'backup.due' : 'backup.dueNever')}</p>
          <button type="button" class="primary" disabled={busy} onClick={onBackup} data-export="backup">
            {t('backup.now')}
          </button>
        </>
      )}
    </div>
  );
}
