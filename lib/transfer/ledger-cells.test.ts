// The ledger's cell reader on workbooks as other programs write them (hand-made XML, the way
// Excel, WPS and LibreOffice lay it out), and on one exceljs wrote, read as exceljs reads it.
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readLedgerFile } from './ledger-cells';
import { LEDGER_LIMITS, type LedgerLimits } from './ledger-limits';
import { inEachZone } from './test/zones';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const WS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
const CHART = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet';

interface Book {
  sheets: { name: string; xml: string; target?: string; chart?: boolean }[];
  strings?: string[];
  styles?: string;
  date1904?: boolean;
}

function xlsx(book: Book): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types/>'),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}>${book.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>'}<sheets>` +
        book.sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${9 - i}" r:id="rId${i + 1}"/>`).join('') +
        '</sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0"?><Relationships>' +
        book.sheets.map((s, i) => `<Relationship Id="rId${i + 1}" Type="${s.chart ? CHART : WS}" Target="${s.target ?? `worksheets/sheet${i + 1}.xml`}"/>`).join('') +
        '</Relationships>',
    ),
  };
  book.sheets.forEach((s, i) => {
    const path = s.target?.startsWith('/') ? s.target.slice(1) : `xl/${s.target ?? `worksheets/sheet${i + 1}.xml`}`;
    files[path] = strToU8(`<?xml version="1.0"?><worksheet ${NS}>${s.xml}</worksheet>`);
  });
  if (book.strings) files['xl/sharedStrings.xml'] = strToU8(`<sst ${NS} count="${book.strings.length}">${book.strings.join('')}</sst>`);
  if (book.styles) files['xl/styles.xml'] = strToU8(`<styleSheet ${NS}>${book.styles}</styleSheet>`);
  return zipSync(files);
}

function cells(bytes: Uint8Array, limits: LedgerLimits = LEDGER_LIMITS) {
  const read = readLedgerFile(bytes, limits);
  if (!read.ok) throw new Error(read.error.code);
  return read.grid;
}

const STYLES =
  '<numFmts count="3"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="166" formatCode="&quot;第&quot;0&quot;项&quot;"/></numFmts>' +
  '<cellXfs count="7"><xf numFmtId="0"/><xf numFmtId="9" applyNumberFormat="1"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="165"/><xf numFmtId="31"/><xf numFmtId="166"/></cellXfs>';

describe('the ledger cell reader', () => {
  it('reads shared, inline and rich text, entities and Excel escapes, leaving out phonetic readings', () => {
    const strings = ['<si><t>工作任务</t></si>', '<si><r><rPr><b/></rPr><t>推进</t></r><r><t xml:space="preserve">中 </t></r><rPh sb="0" eb="2"><t>すいしん</t></rPh></si>', '<si><t>A&amp;B &lt;1&gt; 第一行_x000D_\n第二行</t></si>', '<si/>'];
    const sheet =
      '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>' +
      '<row r="2"><c r="A2" t="inlineStr"><is><t>内联 &quot;文本&quot;</t></is></c><c r="C2" t="inlineStr"><is><r><t>富</t></r><r><t>文本</t></r></is></c><c r="D2" t="str"><v>=不是公式</v></c></row></sheetData>';
    expect(cells(xlsx({ sheets: [{ name: '台账', xml: sheet }], strings }))).toEqual({
      sheets: [{ name: '台账', rows: [['工作任务', '推进中 ', 'A&B <1> 第一行\r\n第二行', ''], ['内联 "文本"', null, '富文本', '=不是公式']] }],
    });
  });

  it('reads numbers by their format: percents, dates (built-in, custom, Chinese, 1904), plain numbers', () => {
    const sheet =
      '<sheetData><row r="1"><c r="A1" s="1"><v>0.6</v></c><c r="B1" s="2"><v>0.125</v></c><c r="C1" s="3"><v>46351</v></c><c r="D1" s="4"><v>46351.6875</v></c><c r="E1" s="5"><v>46351</v></c><c r="F1" s="6"><v>12</v></c><c r="G1"><v>60</v></c><c r="H1" t="d"><v>2026-11-25T16:30:05</v></c></row></sheetData>';
    const [rows] = cells(xlsx({ sheets: [{ name: 'S', xml: sheet }], styles: STYLES })).sheets.map((s) => s.rows);
    expect(rows).toEqual([[{ pct: 60 }, { pct: 12.5 }, { date: '2026-11-25T00:00:00' }, { date: '2026-11-25T16:30:00' }, { date: '2026-11-25T00:00:00' }, 12, 60, { date: '2026-11-25T16:30:05' }]]);
    const in1904 = cells(xlsx({ sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1" s="3"><v>44889</v></c></row></sheetData>' }], styles: STYLES, date1904: true }));
    expect(in1904.sheets[0].rows).toEqual([[{ date: '2026-11-25T00:00:00' }]]);
  });

  it('reads a date cell as the day and time it shows, in any time zone: no day moves by one', async () => {
    const sheet =
      '<sheetData><row r="1"><c r="A1" s="3"><v>46351</v></c><c r="B1" s="4"><v>46351.99999</v></c><c r="C1" t="d"><v>2026-11-25T00:00:00</v></c><c r="D1" t="d"><v>2026-11-25</v></c><c r="E1" t="d"><v>2026-11-25T23:30:00Z</v></c><c r="F1" t="d"><v>不是日期</v></c></row>' +
      // Excel's 1900 leap-year bug: serial 60 is 1900-02-29 (no such day), the days before it one later; a time alone is day 0.
      '<row r="2"><c r="A2" s="3"><v>1</v></c><c r="B2" s="3"><v>59</v></c><c r="C2" s="3"><v>60</v></c><c r="D2" s="3"><v>61</v></c><c r="E2" s="3"><v>0.5</v></c><c r="F2" s="3"><v>-1</v></c></row></sheetData>';
    await inEachZone((zone) => {
      const [rows] = cells(xlsx({ sheets: [{ name: 'S', xml: sheet }], styles: STYLES })).sheets.map((s) => s.rows);
      expect(rows, zone).toEqual([
        [{ date: '2026-11-25T00:00:00' }, { date: '2026-11-25T23:59:59' }, { date: '2026-11-25T00:00:00' }, { date: '2026-11-25T00:00:00' }, { date: '2026-11-25T23:30:00' }, '不是日期'],
        [{ date: '1900-01-01T00:00:00' }, { date: '1900-02-28T00:00:00' }, { date: '1900-02-29T00:00:00' }, { date: '1900-03-01T00:00:00' }, { date: '1900-01-00T12:00:00' }, -1],
      ]);
    });
  });

  it('marks formulas with their text (a shared formula by the cell that holds it), never their results; reads booleans and errors', () => {
    const sheet =
      '<sheetData><row r="1"><c r="A1"><f>SUM(B1:C1)</f><v>3</v></c><c r="B1" t="b"><v>1</v></c><c r="C1" t="e"><v>#N/A</v></c></row>' +
      '<row r="2"><c r="A2"><f t="shared" ref="A2:A3" si="0">B2&amp;"x"</f><v>1</v></c></row><row r="3"><c r="A3"><f t="shared" si="0"/><v>2</v></c></row></sheetData>';
    expect(cells(xlsx({ sheets: [{ name: 'S', xml: sheet }] })).sheets[0].rows).toEqual([
      [{ formula: 'SUM(B1:C1)' }, true, { error: '#N/A' }],
      [{ formula: 'B2&"x"' }],
      [{ formula: 'A2' }],
    ]);
  });

  it('places rows and cells where the sheet says, empty rows as null, styled empty cells as nothing', () => {
    const sheet = '<sheetData><row r="2"><c r="C2"><v>1</v></c><c r="E2" s="1"/></row><row r="4" ht="20"/><row r="5"><c r="B5" s="1"></c></row><row r="6"><c r="A6"><v>6</v></c></row></sheetData>';
    expect(cells(xlsx({ sheets: [{ name: 'S', xml: sheet }], styles: STYLES })).sheets[0].rows).toEqual([null, [null, null, 1], null, null, null, [6]]);
  });

  it('gives every cell of a merged range its first cell\'s value, as the spreadsheet library does', () => {
    const sheet = '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c></row><row r="2"><c r="B2"><v>2</v></c></row></sheetData><mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="B2:B3"/></mergeCells>';
    expect(cells(xlsx({ sheets: [{ name: 'S', xml: sheet }] })).sheets[0].rows).toEqual([['标题', '标题', '标题'], [null, 2], [null, 2]]);
  });

  it('reads sheets in the workbook\'s order, by their relationships, and skips chart sheets', () => {
    const one = (v: string) => `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${v}</t></is></c></row></sheetData>`;
    const grid = cells(
      xlsx({
        sheets: [
          { name: '第二 &amp; 二', xml: one('b'), target: '/xl/worksheets/b.xml' },
          { name: '图', xml: '', chart: true, target: 'chartsheets/sheet1.xml' },
          { name: '第一', xml: one('a'), target: 'worksheets/a.xml' },
        ],
      }),
    );
    expect(grid.sheets).toEqual([
      { name: '第二 & 二', rows: [['b']] },
      { name: '第一', rows: [['a']] },
    ]);
  });

  it('keeps within the limits: rows far down, columns far right and merged ranges to the end of the sheet', () => {
    const limits = { ...LEDGER_LIMITS, maxRows: 3, maxColumns: 2 };
    const sheet = '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="XFD1"><v>9</v></c></row><row r="1048576"><c r="A1048576"><v>9</v></c></row></sheetData><mergeCells><mergeCell ref="B1:XFD1048576"/><mergeCell ref="C5:XFD1048576"/></mergeCells>';
    const rows = cells(xlsx({ sheets: [{ name: 'S', xml: sheet }] }), limits).sheets[0].rows;
    expect(rows).toHaveLength(103);
    expect(rows.every((r) => r !== null && r.length === 2)).toBe(true);
    expect(rows[0]).toEqual([1, 2]);
    expect(rows[102]).toEqual([null, 2]);
    // Ranges filling more cells than a sheet may hold: refused.
    const ranges = '<mergeCell ref="A1:CV60000"/>'.repeat(2);
    expect(readLedgerFile(xlsx({ sheets: [{ name: 'S', xml: `<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><mergeCells>${ranges}</mergeCells>` }] }))).toEqual({
      ok: false,
      error: { code: 'ledger.unreadable', params: { detail: 'too many merged cells' } },
    });
  });

  it('reads what a hostile file left unclosed in one pass: rows, cells, text and phonetic runs', () => {
    const n = 20_000;
    const openRows = Array.from({ length: n }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}" t="s"><v>0</v></c>`).join('');
    const openCells = `<row r="1">${'<c r="B1"><v>1</v>'.repeat(n)}</row>`;
    const strings = [`<si><t>任务</t>${'<t>x'.repeat(n)}${'<rPh sb="0">'.repeat(n)}</si>`];
    const rows = cells(xlsx({ sheets: [{ name: 'S', xml: `<sheetData>${openCells}${openRows}</sheetData>` }], strings })).sheets[0].rows;
    expect(rows).toHaveLength(n + 1);
    expect(rows[0]).toBeNull();
    expect(rows.slice(1).every((r) => r?.length === 1 && r[0] === '任务')).toBe(true);
  });

  it('refuses a workbook whose parts do not hold together, naming what is missing', () => {
    const broken = xlsx({ sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1" t="s"><v>4</v></c></row></sheetData>' }], strings: ['<si><t>x</t></si>'] });
    expect(readLedgerFile(broken)).toEqual({ ok: false, error: { code: 'ledger.unreadable', params: { detail: 'no shared string 4' } } });
    const elsewhere = xlsx({ sheets: [{ name: 'S', xml: '<sheetData/>', target: 'sheets/s.xml' }] });
    expect(readLedgerFile(elsewhere)).toMatchObject({ ok: false, error: { code: 'ledger.unreadable' } });
  });

  it('reads a workbook exceljs wrote as exceljs reads it', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(['序号', '进度', '跟进日期', '备注']);
    ws.addRow(['1', 0.6, new Date(Date.UTC(2026, 10, 25)), { richText: [{ text: '富' }, { text: '文本', font: { bold: true } }] }]);
    ws.getCell('B2').numFmt = '0%';
    ws.addRow([{ formula: 'B2*100', result: 60 }, true, null, '=1+1']);
    ws.mergeCells('A4:B4');
    ws.getCell('A4').value = '合并';
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(cells(bytes).sheets).toEqual([
      {
        name: '台账',
        rows: [['序号', '进度', '跟进日期', '备注'], ['1', { pct: 60 }, { date: '2026-11-25T00:00:00' }, '富文本'], [{ formula: 'B2*100' }, true, null, '=1+1'], ['合并', '合并']],
      },
    ]);
  });
});
