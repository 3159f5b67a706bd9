// The ledger export read back with exceljs in Node (its own Node build, not the bundle duban
// writes with): every cell, no formula anywhere, the styles and print setup a clerk relies on.
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createService } from '../entrypoints/background/router';
import { saveAnnotation } from '../lib/db/annotations';
import type { DubanDatabase } from '../lib/db/database';
import { readSnapshot } from '../lib/db/transfer-store';
import { STATUS_FILLS } from '../lib/transfer/ledger-columns';
import { buildLedger } from '../lib/transfer/ledger-export';
import { dispose, freshDb, SEED_KEY, seedNotice, syntheticNotice } from '../lib/transfer/test/fixtures';
import { itemFacts } from '../lib/transfer/item-facts';
import { inEachZone } from '../lib/transfer/test/zones';
import { writeLedgerWorkbook } from './ledger-workbook';

const NOW = Date.UTC(2026, 10, 25, 0, 0);
let db: DubanDatabase;
beforeEach(async () => {
  db = await freshDb('ledger-export');
});
afterEach(() => dispose(db));

const FORMULA_LIKE = ['=HYPERLINK("http://evil","点我")', '+1+2', '-3', '@SUM(A1)'];

async function exported() {
  const notice = seedNotice();
  const { handle } = createService(db, () => NOW - 5000);
  await handle('openNotice', notice);
  const fp = (n: number) => notice.items[n - 1].fingerprint;
  await saveAnnotation(db, { noticeKey: SEED_KEY, itemKey: '1', fingerprint: fp(1), status: 'in_progress', note: '已召开专题会', followUp: '2026-11-28', progress: 60 }, NOW - 4000);
  for (let i = 0; i < FORMULA_LIKE.length; i++) {
    await saveAnnotation(db, { noticeKey: SEED_KEY, itemKey: String(i + 2), fingerprint: fp(i + 2), status: 'behind', note: FORMULA_LIKE[i] }, NOW - 3000);
  }
  await saveAnnotation(db, { noticeKey: SEED_KEY, itemKey: '9', fingerprint: fp(9), status: 'done', progress: 100 }, NOW - 2000);
  const ledger = buildLedger(await readSnapshot(db), NOW)!;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await writeLedgerWorkbook(ledger)) as never);
  return { notice, ledger, wb };
}

describe('the ledger export, read back', () => {
  it('has a sheet per notice with the title, 文号 and header above one row per item, every cell a value', async () => {
    const { notice, wb, ledger } = await exported();
    expect(ledger.filename).toBe('duban-拱政办发〔2024〕2号-2026-11-25.xlsx');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['拱政办发〔2024〕2号', '汇总']);
    const ws = wb.getWorksheet('拱政办发〔2024〕2号')!;
    expect(ws.getCell('A1').value).toBe(notice.title);
    expect(ws.getCell('A2').value).toBe('文号：拱政办发〔2024〕2号');
    expect(ws.getRow(3).values).toEqual([undefined, '序号', '工作任务', '牵头领导', '牵头单位', '配合单位', '完成时限', '时限日期', '状态', '进度 (%)', '进展情况', '跟进日期', '更新时间', '填报人', '同事备注', '条目键']);
    expect(ws.rowCount).toBe(3 + notice.items.length);
    notice.items.forEach((item, i) => {
      const row = ws.getRow(4 + i);
      const facts = itemFacts(item, notice.sections);
      expect(row.getCell(1).value).toBe(item.key);
      expect(row.getCell(2).value).toBe(item.text);
      // An empty field is an empty cell.
      const text = (list: string[]) => list.join('、') || null;
      expect(row.getCell(3).value).toBe(text(facts.leaders));
      expect(row.getCell(4).value).toBe(text(facts.lead));
      expect(row.getCell(5).value).toBe(text(facts.co));
      // The key: text, never the number Excel would make of it.
      expect(row.getCell(15).value).toBe(item.key);
      expect(row.getCell(15).type).toBe(ExcelJS.ValueType.String);
    });
    const row = (key: string) => ws.getRow(4 + notice.items.findIndex((i) => i.key === key));
    // 跟进日期 and 更新时间 are date cells (exceljs reads one as a Date, its wall-clock in UTC).
    expect([8, 9, 10, 11, 12].map((c) => row('1').getCell(c).value)).toEqual(['推进中', 60, '已召开专题会', new Date('2026-11-28T00:00:00Z'), new Date('2026-11-25T07:59:56Z')]);
    expect(row('9').getCell(8).value).toBe('已完成');
    expect(row('20').getCell(8).value).toBe('未开始');
    expect(row('20').getCell(10).value).toBe(null);
    FORMULA_LIKE.forEach((text, i) => {
      const cell = row(String(i + 2)).getCell(10);
      expect(cell.value).toBe(text);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
    });
    for (const sheet of wb.worksheets) {
      sheet.eachRow((r) => r.eachCell((c) => expect([c.address, c.type]).not.toEqual([c.address, ExcelJS.ValueType.Formula])));
    }
  });

  it('writes days and times as date cells shown as days (跟进日期, 更新时间, a 完成时限 that is a day), in any time zone', async () => {
    const { notice, ledger } = await exported();
    const at = (key: string) => notice.items.findIndex((i) => i.key === key);
    const rows = ledger.sheets[0].rows;
    // 完成时限 as the notice wrote it: a day is a date; words naming no single day stay as written.
    rows[at('1')].deadline = '2024年12月31日';
    rows[at('2')].deadline = '2024-06-30';
    rows[at('3')].deadline = '年内持续推进';
    rows[at('4')].deadline = '2024年6月底前';
    rows[at('5')].deadline = '2024年2月30日';
    await inEachZone(async (zone) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await writeLedgerWorkbook(ledger)) as never);
      const ws = wb.worksheets[0];
      const row = (key: string) => ws.getRow(4 + at(key));
      const [deadline, followUp, updatedAt] = [6, 11, 12].map((c) => (key: string) => row(key).getCell(c));
      expect([followUp('1').type, followUp('1').value, followUp('1').numFmt], zone).toEqual([ExcelJS.ValueType.Date, new Date('2026-11-28T00:00:00Z'), 'yyyy-mm-dd']);
      expect([updatedAt('1').type, updatedAt('1').value, updatedAt('1').numFmt], zone).toEqual([ExcelJS.ValueType.Date, new Date('2026-11-25T07:59:56Z'), 'yyyy-mm-dd hh:mm:ss']);
      expect([deadline('1').value, deadline('1').numFmt], zone).toEqual([new Date('2024-12-31T00:00:00Z'), 'yyyy-mm-dd']);
      expect(deadline('2').value, zone).toEqual(new Date('2024-06-30T00:00:00Z'));
      expect([deadline('3').value, deadline('4').value, deadline('5').value], zone).toEqual(['年内持续推进', '2024年6月底前', '2024年2月30日']);
      // An item nobody wrote on: empty cells, formatted as days, so a day typed in is a date.
      expect([followUp('20').value, updatedAt('20').value, followUp('20').numFmt], zone).toEqual([null, null, 'yyyy-mm-dd']);
      expect(ws.getColumn(11).numFmt).toBe('yyyy-mm-dd');
    });
  });

  it('gives each deadline in words the day it allows in 时限日期, a date cell beside the notice\'s words', async () => {
    const notice = { ...seedNotice(), year: 2024 };
    const deadlines: Record<string, string> = { '1': '2024年6月底前', '2': '第三季度末前完成', '3': '年内持续推进', '4': '2024年12月31日' };
    notice.items = notice.items.map((i) => (deadlines[i.key] ? { ...i, deadline: deadlines[i.key] } : i));
    const { handle } = createService(db, () => NOW - 5000);
    await handle('openNotice', notice);
    const ledger = buildLedger(await readSnapshot(db), NOW, [SEED_KEY])!;
    await inEachZone(async (zone) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await writeLedgerWorkbook(ledger)) as never);
      const ws = wb.worksheets[0];
      const header = ws.getRow(3).values as unknown[];
      const [words, day] = ['完成时限', '时限日期'].map((h) => header.indexOf(h));
      expect(day, zone).toBe(words + 1);
      const row = (key: string) => ws.getRow(4 + notice.items.findIndex((i) => i.key === key));
      const cells = (key: string) => [row(key).getCell(words).value, row(key).getCell(day).value];
      expect(cells('1'), zone).toEqual(['2024年6月底前', new Date('2024-06-30T00:00:00Z')]);
      expect(cells('2'), zone).toEqual(['第三季度末前完成', new Date('2024-09-30T00:00:00Z')]);
      // Work with no end date names no day: the column stays empty, the words say why.
      expect(cells('3'), zone).toEqual(['年内持续推进', null]);
      expect(cells('4'), zone).toEqual([new Date('2024-12-31T00:00:00Z'), new Date('2024-12-31T00:00:00Z')]);
      expect(row('1').getCell(day).numFmt, zone).toBe('yyyy-mm-dd');
      // An item whose notice names no deadline: nothing to sort by.
      expect(row('20').getCell(day).value, zone).toBe(null);
    });
  });

  it('names the 填报人 of each note by name and unit, and leaves it empty where nobody wrote', async () => {
    const { handle } = createService(db, () => NOW - 6000);
    expect((await handle('setLocalAuthor', { name: '张三', unit: '区发改局' })).ok).toBe(true);
    const { notice, wb } = await exported();
    const ws = wb.getWorksheet('拱政办发〔2024〕2号')!;
    const row = (key: string) => ws.getRow(4 + notice.items.findIndex((i) => i.key === key));
    expect(ws.getRow(3).getCell(13).value).toBe('填报人');
    expect(row('1').getCell(13).value).toBe('张三（区发改局）');
    expect(row('9').getCell(13).value).toBe('张三（区发改局）'); // no note: who made the last change
    expect(row('20').getCell(13).value).toBe(null);
  });

  it('freezes the header, hides the key, wraps and fills, prints A4 landscape fit to width with the header repeated', async () => {
    const { wb } = await exported();
    const ws = wb.worksheets[0];
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.getColumn(15).hidden).toBe(true);
    expect(ws.getColumn(14).hidden).toBe(false);
    expect(ws.getColumn(2).width).toBe(48);
    expect(ws.getColumn(10).width).toBe(40);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' });
    expect(ws.getCell('A1').isMerged && ws.getCell('N1').isMerged).toBe(true);
    expect(ws.getCell('C3').font?.bold).toBe(true);
    const first = ws.getRow(4);
    expect(first.getCell(2).alignment?.wrapText).toBe(true);
    expect((first.getCell(8).fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe(STATUS_FILLS.in_progress);
  });

  it('filters every row under the header, in LibreOffice too: the range covers the rows and is named as Excel names it', async () => {
    const notice = seedNotice();
    const { handle } = createService(db, () => NOW - 5000);
    await handle('openNotice', notice);
    const other = syntheticNotice(3, 12);
    await handle('openNotice', other);
    await saveAnnotation(db, { noticeKey: SEED_KEY, itemKey: '1', fingerprint: notice.items[0].fingerprint, status: 'in_progress' }, NOW - 4000);
    const [key] = (await db.notices.toArray()).filter((n) => n.docNo === other.docNo).map((n) => n.key);
    await saveAnnotation(db, { noticeKey: key, itemKey: '2', fingerprint: other.items[1].fingerprint, status: 'done' }, NOW - 3000);
    const ledger = buildLedger(await readSnapshot(db), NOW)!;
    const files = unzipSync(await writeLedgerWorkbook(ledger));
    const last = (n: number) => 3 + n;
    // Each notice's sheet: its header and rows (a filter over the header alone filters nothing).
    ledger.sheets.forEach((sheet, i) => {
      const xml = strFromU8(files[`xl/worksheets/sheet${i + 1}.xml`]);
      expect(/<autoFilter [^>]*>/.exec(xml)?.[0]).toBe(`<autoFilter ref="A3:N${last(sheet.rows.length)}"/>`);
    });
    // LibreOffice makes a filter only of a sheet's _xlnm._FilterDatabase, the name Excel writes with it.
    const names = [...strFromU8(files['xl/workbook.xml']).matchAll(/<definedName name="_xlnm._FilterDatabase"[^>]*localSheetId="(\d+)"[^>]*>([^<]*)</g)].map((m) => [m[1], m[2].replace(/&apos;/g, "'")]);
    expect(names).toEqual(ledger.sheets.map((sheet, i) => [String(i), `'${sheet.name}'!$A$3:$N$${last(sheet.rows.length)}`]));
  });

  it('makes every row tall enough for its lines of Chinese, one-line rows, headers and the 汇总 too (LibreOffice clips a shorter row\'s last line)', async () => {
    // LibreOffice draws Chinese in Noto Sans CJK, whose line is 1.45 em: 16 points at 11 points, a
    // line of 14-point bold title 20.3. A row is drawn as tall as written, never grown to its text.
    const LINE = 16;
    const notice = seedNotice();
    await createService(db, () => NOW - 5000).handle('openNotice', notice);
    const note = Array.from({ length: 14 }, (_, i) => `${i + 1}. 第${i + 1}个项目已开工`).join('\n');
    await saveAnnotation(db, { noticeKey: SEED_KEY, itemKey: '6', fingerprint: notice.items[5].fingerprint, status: 'in_progress', note }, NOW - 4000);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeLedgerWorkbook(buildLedger(await readSnapshot(db), NOW)!)) as never);
    const ws = wb.worksheets[0];
    const row = (key: string) => {
      for (let r = 4; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(15).value === key) return ws.getRow(r);
      throw new Error(key);
    };
    // Item 1's text, some 2 units a character in a column 48 wide: its lines, a line each.
    const text = notice.items[0].text;
    expect(text.length).toBeGreaterThan(60);
    const lines = Math.ceil((text.length * 2) / 47);
    expect(row('1').height).toBeGreaterThanOrEqual(lines * LINE);
    expect(row('1').height).toBeLessThanOrEqual((lines + 1) * LINE + 4);
    // A note of 14 short lines: each its line.
    expect(row('6').height).toBeGreaterThanOrEqual(14 * LINE);
    // A short item: one line, written (LibreOffice's default row, 15 points, clips it).
    const fits = (parts: string[], width: number) => parts.join('、').length * 2 <= width - 1;
    const short = notice.items.find((i) => {
      const f = itemFacts(i, notice.sections);
      return fits([i.text], 48) && fits(f.lead, 18) && fits(f.co, 18) && fits(f.leaders, 10) && row(i.key).getCell(13).value === null;
    })!;
    expect(short).toBeDefined();
    expect(row(short.key).height).toBeGreaterThanOrEqual(LINE);
    expect(row(short.key).height).toBeLessThanOrEqual(LINE + 4);
    // The 文号 line and the header.
    expect([ws.getRow(2).height, ws.getRow(3).height].every((h) => h >= LINE)).toBe(true);
    const summary = wb.getWorksheet('汇总')!;
    summary.eachRow((r, n) => {
      if (n > 1 && r.getCell(1).value) expect([n, r.height >= LINE]).toEqual([n, true]);
    });
    // The 汇总's title, the notice's long title and 汇总 over seven narrow columns, wraps to two lines.
    expect(summary.getRow(1).height).toBeGreaterThanOrEqual(2 * 20.3);
  });

  it('counts statuses by lead unit and by leader in 汇总', async () => {
    const { wb, notice } = await exported();
    const ws = wb.getWorksheet('汇总')!;
    expect(ws.getRow(3).values).toEqual([undefined, '牵头单位', '未开始', '推进中', '已完成', '滞后', '暂缓', '合计']);
    const rows: unknown[][] = [];
    ws.eachRow((r, n) => n > 3 && rows.push((r.values as unknown[]).slice(1)));
    const leaderHeader = rows.findIndex((r) => r[0] === '牵头领导');
    const byUnit = rows.slice(0, leaderHeader).filter((r) => r.length);
    const byLeader = rows.slice(leaderHeader + 1);
    const total = (t: unknown[][]) => t.reduce((n, r) => n + (r[6] as number), 0);
    // Each item counts once under each of its lead units, once under each leader.
    const expectUnits = notice.items.reduce((n, i) => n + Math.max(1, itemFacts(i, notice.sections).lead.length), 0);
    expect(total(byUnit)).toBe(expectUnits);
    expect(byLeader.reduce((n, r) => n + (r[3] as number), 0)).toBeGreaterThanOrEqual(1); // 已完成: item 9
    expect(byLeader.reduce((n, r) => n + (r[4] as number), 0)).toBeGreaterThanOrEqual(4); // 滞后: items 2–5
    for (const r of [...byUnit, ...byLeader]) expect((r.slice(1, 6) as number[]).reduce((a, b) => a + b, 0)).toBe(r[6]);
  });
});
