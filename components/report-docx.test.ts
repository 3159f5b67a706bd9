import { strFromU8, unzipSync } from 'fflate';
import { Packer } from 'docx';
import { afterEach, describe, expect, it } from 'vitest';
import { buildOverviewRows } from '../lib/followup/overview';
import { buildReport } from '../lib/followup/report';
import { annotation, NOTICE_A, NOTICE_B, TODAY } from '../tests/fixtures/overview-rows';
import { useLocale } from '../tests/unit/i18n';
import { reportDocument } from './report-docx';

/** The document's parts as Word reads them: its body and its page header. */
async function parts(report: ReturnType<typeof buildReport>) {
  const zip = unzipSync(new Uint8Array(await Packer.toBuffer(reportDocument(report))));
  const text = (name: string) => strFromU8(zip[name]!);
  const headers = Object.keys(zip).filter((n) => /^word\/header\d*\.xml$/.test(n));
  return { document: text('word/document.xml'), header: headers.map(text).join('\n') };
}

/** The text runs of an XML part, joined: what a reader sees, without the markup. */
const words = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

describe('the meeting report as a Word document', () => {
  afterEach(() => useLocale('zh_CN'));
  const rows = buildOverviewRows([NOTICE_A], [annotation(NOTICE_A.key, 1, { fingerprint: 'a1', status: 'in_progress', note: '已召开专题会\n第二行 <b>&' })]);
  const report = buildReport(rows, 'leader', TODAY);

  it('names the notice in the page header and under the title, A4 landscape', async () => {
    const { document, header } = await parts(report);
    const notice = `《${NOTICE_A.title}》（${NOTICE_A.docNo}）`;
    expect(decode(words(header))).toContain(notice);
    expect(decode(words(document))).toContain('督办通报');
    expect(decode(words(document))).toContain(notice);
    expect(document).toMatch(/<w:pgSz [^>]*w:orient="landscape"/);
    expect(document).toMatch(/<w:pgSz [^>]*w:w="16838"/);
  });

  it('holds the counts table: a row per group and one for all, 暂无进展 counted', async () => {
    const { document } = await parts(report);
    const cells = [...document.matchAll(/<w:tc>.*?<\/w:tc>/g)].map((m) => decode(words(m[0])));
    const head = ['牵头领导', '合计', '未开始', '推进中', '已完成', '滞后', '暂缓', '暂无进展', '逾期跟进'];
    expect(cells.slice(0, head.length)).toEqual(head);
    // 冯晶区长: items 1 (推进中) and 2 (no annotation); 黄飞常务副区长: items 3 and 4 (none).
    expect(cells.slice(head.length, 3 * head.length)).toEqual(['冯晶区长', '2', '0', '1', '0', '0', '0', '1', '0', '黄飞常务副区长', '2', '0', '0', '0', '0', '0', '2', '0']);
    expect(cells.slice(3 * head.length, 4 * head.length)).toEqual(['全部', '4', '0', '1', '0', '0', '0', '3', '0']);
  });

  it('lists each group’s items with the full text, the status or 暂无进展, and the whole note with its line breaks', async () => {
    const { document } = await parts(report);
    const text = decode(words(document));
    for (const item of NOTICE_A.items) expect(text).toContain(item.text);
    expect(text.indexOf('冯晶区长')).toBeLessThan(text.indexOf(NOTICE_A.items[0].text));
    expect(document).toMatch(/已召开专题会<\/w:t><\/w:r><w:r>(?:<w:rPr>.*?<\/w:rPr>)?<w:br\/><w:t[^>]*>第二行 &lt;b&gt;&amp;/);
    expect(text.split('暂无进展').length - 1).toBeGreaterThanOrEqual(1 + 3); // the column head and the three items
    // The items tables' heading row repeats on every page.
    expect(document).toContain('<w:tblHeader/>');
  });

  it('gives each column of the items table room for its heading on one line, and the status column for 暂无进展', async () => {
    const { document } = await parts(report);
    const tables = document.split('<w:tbl>').slice(1);
    const items = tables[tables.length - 1];
    const widths = [...items.matchAll(/<w:gridCol w:w="(\d+)"/g)].map((m) => Number(m[1]));
    const firstRow = items.split('</w:tr>')[0];
    const heads = firstRow.split('</w:tc>').slice(0, -1).map((cell) => decode(words(cell)));
    expect(heads.length).toBe(widths.length);
    // 10.5-point text: a Chinese character 210 twips, others about half; a cell's margins 108 each side.
    const needs = (text: string) => [...text].reduce((n, c) => n + (c.charCodeAt(0) >= 0x2e80 ? 210 : 105), 0) + 216;
    const cut = heads.filter((h, i) => needs(h) > widths[i]!);
    expect(cut).toEqual([]);
    const status = heads.findIndex((h) => h === '状态');
    expect(needs('暂无进展')).toBeLessThanOrEqual(widths[status]!);
  });

  it.each(['zh_CN', 'en'] as const)('never breaks the date in the 跟进 column: the date on a line, its state on the next (%s), with the notice’s column or without', async (locale) => {
    useLocale(locale);
    // Item 1 overdue (followed up on 2024-06-28, not done), of one notice and of two.
    const overdue = [annotation(NOTICE_A.key, 1, { fingerprint: 'a1', status: 'in_progress', followUp: '2024-06-28' }), annotation(NOTICE_B.key, 1, { fingerprint: 'b1', status: 'in_progress' })];
    for (const notices of [[NOTICE_A], [NOTICE_A, NOTICE_B]]) {
      const { document } = await parts(buildReport(buildOverviewRows(notices, overdue), 'leader', TODAY));
      const items = document.split('<w:tbl>').slice(1).filter((t) => t.includes('2024-06-28'))[0]!;
      const widths = [...items.matchAll(/<w:gridCol w:w="(\d+)"/g)].map((m) => Number(m[1]));
      const row = items.split('</w:tr>').find((r) => r.includes('2024-06-28'))!;
      // The cell's lines, as Word breaks them (<w:br/>).
      const cells = row.split('</w:tc>').slice(0, -1).map((cell) => cell.split('<w:br/>').map((line) => decode(words(line))));
      const at = cells.findIndex((c) => c[0]!.startsWith('2024-06-28'));
      expect(cells[at]!.join(' ')).toMatch(/^2024-06-28 .+/);
      // 10.5-point text: a Chinese or full-width character 210 twips, a digit or Latin letter at most 120; margins 108 each side.
      const needs = (line: string) => [...line].reduce((n, c) => n + (c.charCodeAt(0) >= 0x2e80 ? 210 : 120), 0) + 216;
      for (const line of cells[at]!) expect(needs(line), `${line} in ${widths[at]} twips`).toBeLessThanOrEqual(widths[at]!);
    }
  });

  it('speaks the UI’s language', async () => {
    useLocale('en');
    const { document } = await parts(buildReport(rows, 'leadUnit', TODAY));
    expect(decode(words(document))).toContain('Progress report');
    expect(decode(words(document))).toContain('No update yet');
  });
});
