// The zip checks on ledgers made here (hostile ones: utils/ledger-import.test.ts).
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { LEDGER_LIMITS } from './ledger-limits';
import { checkLedgerZip } from './ledger-zip';

const sheet = (rows: number) => `<worksheet><sheetData>${Array.from({ length: rows }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>${r}</v></c></row>`).join('')}<rowBreaks/></sheetData></worksheet>`;

describe('the zip checks', () => {
  it('count the rows of every sheet, whatever chunk a tag straddles, and the files and bytes', () => {
    // 200,000 rows: the sheet inflates in many 64 kB chunks, tags cut at every offset.
    const files = { 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/worksheets/sheet1.xml': strToU8(sheet(200_000)), 'xl/worksheets/sheet2.xml': strToU8(sheet(7)) };
    const bytes = zipSync(files, { level: 1 });
    const expanded = Object.values(files).reduce((n, f) => n + f.length, 0);
    expect(checkLedgerZip(bytes, { ...LEDGER_LIMITS, maxRows: 300_000 })).toEqual({ ok: true, rows: 200_007, entries: 3, expanded });
    expect(checkLedgerZip(bytes)).toMatchObject({ ok: false, error: { code: 'ledger.tooManyRows' } });
    // Stored (not deflated) entries are read as they are.
    expect(checkLedgerZip(zipSync(files, { level: 0 }), { ...LEDGER_LIMITS, maxRows: 300_000 })).toMatchObject({ ok: true, rows: 200_007 });
  });

  it('refuse too many files before inflating any', () => {
    const files = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`xl/f${i}.xml`, strToU8('x')]));
    const bytes = zipSync({ 'xl/workbook.xml': strToU8('<workbook/>'), ...files });
    expect(checkLedgerZip(bytes, { ...LEDGER_LIMITS, maxEntries: 20 })).toEqual({ ok: false, error: { code: 'ledger.tooManyEntries', params: { entries: 31, limit: 20 } } });
  });
});
