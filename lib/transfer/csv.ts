/**
 * CSV that Excel and WPS open correctly: UTF-8 with a BOM (otherwise Chinese shows as mojibake),
 * CRLF rows, RFC 4180 quoting, and cells that a spreadsheet would run as a formula neutralised.
 */

const BOM = '\uFEFF';
// =, +, -, @ start a formula; tab and CR do in some spreadsheets too.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  let s = value === undefined || value === null ? '' : String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return BOM + lines.join('\r\n') + '\r\n';
}
