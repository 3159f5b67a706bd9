import type { PopupSummary } from '../lib/summary/summary';
import { shanghaiDateTimeOf } from '../lib/annotation/shanghai-time';
import { ZhEn } from './ZhEn';

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
        {lastExport ? (
          <ZhEn
            zh={`上次导出：${shanghaiDateTimeOf(lastExport.at)}（${daysSinceExport === 0 ? '今天' : `${daysSinceExport} 天前`}）`}
            en={`Last export: ${daysSinceExport === 0 ? 'today' : `${daysSinceExport} days ago`}`}
          />
        ) : (
          <ZhEn zh="尚未导出过备份" en="Never exported" />
        )}
      </p>
      {exportReminder && (
        <>
          <p class="warn">
            <ZhEn
              zh="已超过 30 天未导出。卸载扩展会删除全部批注，请导出 JSON 备份。"
              en="No backup for 30 days. Uninstalling duban deletes all notes: export a JSON backup."
            />
          </p>
          <button type="button" class="primary" disabled={busy} onClick={onBackup} data-export="backup">
            <ZhEn zh="立即导出备份" en="Export backup now" />
          </button>
        </>
      )}
    </div>
  );
}
