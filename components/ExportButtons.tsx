import type { ExportFormat } from '../lib/protocol';
import { t } from '../utils/i18n';

/** The background's formats, and the ledger (.xlsx), which the page writes (utils/ledger-files.ts). */
export type FileFormat = ExportFormat | 'xlsx';

/** Each button says its format; its title (export.title.<format>) says what the file is for. */
const FORMATS: { format: FileFormat; label: string }[] = [
  { format: 'json', label: 'JSON' },
  { format: 'xlsx', label: 'Excel' },
  { format: 'csv', label: 'CSV' },
  { format: 'jsonld', label: 'W3C' },
];

/** Export buttons for one notice or all of them (popup). */
export function ExportButtons({ busy, scope, onExport }: { busy: boolean; scope: string; onExport: (format: FileFormat) => void }) {
  return (
    <div class="export-row" role="group" aria-label={t('export.group', { scope })}>
      <span class="label">{t('export.label')}</span>
      {FORMATS.map((f) => (
        <button key={f.format} type="button" class="small" disabled={busy} title={f.format === 'xlsx' ? t('ledger.exportTitle') : t(`export.title.${f.format}`)} data-export={f.format} onClick={() => onExport(f.format)}>
          {f.label}
        </button>
      ))}
    </div>
  );
}
