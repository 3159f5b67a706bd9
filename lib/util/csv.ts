/**
 * CSV that Excel and WPS open correctly: UTF-8 with a BOM (otherwise Chinese shows as mojibake),
 * CRLF rows, RFC 4180 quoting, and cells that a spreadsheet would run as a formula neutralised.
 */

const BOM = '\uFEFF';
/**
 * =, +, -, @ (and their full-width forms, which Excel and WPS also read as operators) start a
 * formula even after blanks and invisible characters (spaces, line breaks, U+3000, zero-width
 * spaces, BOM, bidi marks: \s and the Unicode "format" class Cf); a tab or CR does in some
 * spreadsheets too. OWASP: prefix such a cell with an apostrophe.
 */
const FORMULA_START = /^(?:[\s\p{Cf}]*[=+\-@＝＋－＠]|[\t\r])/u;

export function csvCell(value: unknown): string {
  let s = value === undefined || value === null ? '' : String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return BOM + lines.join('\r\n') + '\r\n';
}
