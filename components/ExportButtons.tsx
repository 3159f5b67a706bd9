import type { ExportFormat } from '../lib/protocol';

const FORMATS: { format: ExportFormat; label: string; title: string }[] = [
  { format: 'json', label: 'JSON', title: '督办文件，可再导入 duban file, can be imported again' },
  { format: 'csv', label: 'CSV', title: 'Excel / WPS 表格 spreadsheet' },
  { format: 'jsonld', label: 'W3C', title: 'W3C Web Annotation (JSON-LD)，供其他批注工具使用 for other annotation tools' },
];

/** Export buttons for one notice or all of them (popup). */
export function ExportButtons({ busy, scope, onExport }: { busy: boolean; scope: string; onExport: (format: ExportFormat) => void }) {
  return (
    <div class="export-row" role="group" aria-label={`导出 Export ${scope}`}>
      <span class="label">
        导出
        <span class="en" lang="en">
          Export
        </span>
      </span>
      {FORMATS.map((f) => (
        <button key={f.format} type="button" class="small" disabled={busy} title={f.title} data-export={f.format} onClick={() => onExport(f.format)}>
          {f.label}
        </button>
      ))}
    </div>
  );
}
