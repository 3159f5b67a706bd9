import type { LedgerReport } from '../lib/transfer/ledger-import';
import { LEDGER_COLUMNS } from '../lib/transfer/ledger-columns';
import { itemLabel, t } from '../utils/i18n';

/** What a ledger's sheets and rows matched, and every one that matched nothing (not imported). */
export function LedgerReportPanel({ report }: { report: LedgerReport }) {
  return (
    <div class="ledger-report" data-testid="ledger-report">
      <ul>
        {report.sheets.map((s) => (
          <li key={s.sheet}>
            {t('ledger.sheetRead', { sheet: s.sheet, title: s.title, rows: s.rows, matched: s.matched })}
            {s.missing && (
              <p class="warn" data-testid="ledger-missing-columns">
                {t('ledger.columnsMissing', { columns: s.missing.map((id) => `「${LEDGER_COLUMNS[id].header}」`).join('') })}
              </p>
            )}
          </li>
        ))}
      </ul>
      {report.unmatchedSheets.length > 0 && (
        <div class="error" data-testid="ledger-unmatched-sheets">
          {report.unmatchedSheets.map((s) => (
            <p key={s.sheet}>{t('ledger.sheetUnmatched', { sheet: s.sheet, title: s.title })}</p>
          ))}
        </div>
      )}
      {report.unmatchedRowCount > 0 && (
        <div class="error" data-testid="ledger-unmatched-rows">
          <p>{t('ledger.rowsUnmatched', report.unmatchedRowCount)}</p>
          <ul>
            {report.unmatchedRows.map((r) => (
              <li key={`${r.sheet}:${r.row}`}>
                {r.differs
                  ? t('ledger.rowTextDiffers', { sheet: r.sheet, row: r.row, item: itemLabel(r.differs), text: r.text || '—' })
                  : t('ledger.rowUnmatched', { sheet: r.sheet, row: r.row, no: r.no || '—', text: r.text || '—' })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
