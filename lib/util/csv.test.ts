import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

/** The cell as a spreadsheet reads it: quotes removed, doubled quotes single. */
/** A row's cells split at separators outside double quotes. */
function splitOutsideQuotes(row: string, sep: RegExp): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (const ch of row) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && sep.test(ch)) {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  return [...cells, cell];
}

const read = (cell: string) => (cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell);

describe('CSV cells a spreadsheet would run as a formula', () => {
  const formulas = ['=1+1', '+1+1', '-1+1', '@SUM(A1)', '＝1+1', '＋1', '－1', '＠SUM(A1)'];
  const before = ['', ' ', '  ', '\n', '\r\n', ' \n ', '\u3000', '\u00a0', '\u200b', '\ufeff', '\u2060', '\u200b \u2060\ufeff', ' \u200d\n'];

  it('get a leading apostrophe whatever blank or zero-width characters come first', () => {
    for (const f of formulas) {
      for (const lead of before) {
        const value = `${lead}${f}`;
        expect(read(csvCell(value)), JSON.stringify(value)).toBe(`'${value}`);
      }
    }
  });

  it('starting with a tab or a carriage return are neutralised too', () => {
    expect(read(csvCell('\tx'))).toBe("'\tx");
    expect(read(csvCell('\rx'))).toBe("'\rx");
  });

  it('leave ordinary text, numbers and signs inside the text alone', () => {
    for (const value of ['已召开专题会', 'a=b', ' 已完成 -', '5', 'x@y.cn', '\u200b已完成', '第1项 + 第2项']) {
      expect(read(csvCell(value)), JSON.stringify(value)).toBe(value);
    }
    expect(csvCell(42)).toBe('42');
    expect(csvCell(undefined)).toBe('');
  });

  it('still quote what RFC 4180 requires', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell(' \n=1')).toBe(`"' \n=1"`);
    expect(toCsv(['h'], [['"q"']])).toBe('\uFEFFh\r\n"""q"""\r\n');
  });

  it('quote a cell holding a tab or a semicolon, so that LibreOffice with Tab or ; ticked as a separator keeps it whole', () => {
    expect(csvCell('甲\t乙')).toBe('"甲\t乙"');
    expect(csvCell('甲;乙')).toBe('"甲;乙"');
    const file = toCsv(['a', 'b'], [['第一\t行', 'x']]);
    // Split on tabs outside quotes, as a separator-ticking reader does: one row, two cells.
    const row = file.replace(/^\uFEFF/, '').split('\r\n')[1]!;
    expect(splitOutsideQuotes(row, /[,\t]/)).toEqual(['"第一\t行"', 'x']);
  });
});
