/**
 * CSV that Excel, WPS and LibreOffice open correctly: UTF-8 with a BOM (otherwise Chinese shows as
 * mojibake), CRLF rows, RFC 4180 quoting — also of cells holding a tab or a semicolon, which
 * LibreOffice's import may take as separators — and cells that a spreadsheet would run as a
 * formula neutralised. The apostrophe that neutralises stays visible in the cell: CSV is the file
 * for tools, which must see the text as written to tell it was neutralised; the Excel ledger is
 * the file for people.
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
  return /[",;\t\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return BOM + lines.join('\r\n') + '\r\n';
}
