/**
 * The meeting report as a Word document (督办通报, .docx) for the office's own paperwork: the
 * notices it covers in the page header (Word repeats it on every page), the title and day, the
 * counts table, then each group's items with their full text and note (line breaks kept), the
 * items tables' heading row repeated on every page; A4 landscape. Built with `docx`, which only
 * duban's pages load, on demand (entrypoints/overview/App.tsx imports this module when asked):
 * it zips with fflate, synchronously, and needs no eval, so it runs under the extension's CSP.
 */
import {
  AlignmentType,
  Document,
  Header,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { MeetingReport } from '../lib/followup/report';
import { t } from '../utils/i18n';
import { countsLine, countsTable, groupName, itemCells, noticesLine, reportColumns, reportTitle } from './report-text';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A4 in twentieths of a point (docx turns it for landscape), 2 cm margins; the tables' width is the landscape page's less them. */
const A4 = { width: 11906, height: 16838, margin: 1134 };
const TEXT_WIDTH = A4.height - 2 * A4.margin;

/** Shares of the width per items column (the page's print CSS uses the same). */
function itemShares(many: boolean): number[] {
  return many ? [5, 9, 25, 9, 13, 19, 10, 10] : [5, 30, 9, 13, 23, 10, 10];
}

/** A paragraph per cell, its lines as breaks (a note keeps its line breaks). */
function cellParagraph(text: string, bold = false): Paragraph {
  const lines = (text || '—').split(/\r?\n/);
  return new Paragraph({ children: lines.map((line, i) => new TextRun({ text: line, bold, break: i > 0 ? 1 : undefined })) });
}

function table(head: readonly string[], rows: readonly (readonly string[])[], shares: readonly number[]): Table {
  const total = shares.reduce((a, b) => a + b, 0);
  const widths = shares.map((s) => Math.floor((TEXT_WIDTH * s) / total));
  const row = (cells: readonly string[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: !header,
      children: cells.map((c, i) => new TableCell({ width: { size: widths[i]!, type: WidthType.DXA }, children: [cellParagraph(c, header)] })),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [row(head, true), ...rows.map((r) => row(r, false))],
  });
}

/** The report's Word document, as the pieces docx assembles. */
export function reportDocument(report: MeetingReport): Document {
  const notices = noticesLine(report);
  const counts = countsTable(report);
  const head = reportColumns(report);
  const body: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(t('meetingReport.docTitle'))] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(reportTitle(report))] }),
    ...(notices ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: notices, bold: true })] })] : []),
    ...(report.scope ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(report.scope)] })] : []),
    new Paragraph({ children: [new TextRun(t('meetingReport.docMeta', { day: report.today, counts: countsLine(report.counts) }))] }),
  ];
  if (report.groups.length) {
    body.push(
      new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(t('meetingReport.countsCaption'))] }),
      table(counts.head, counts.rows, [3, ...counts.head.slice(1).map(() => 1)]),
    );
  } else body.push(new Paragraph(t('report.noItems')));
  for (const g of report.groups) {
    body.push(
      new Paragraph({ heading: HeadingLevel.HEADING_1, keepNext: true, children: [new TextRun(groupName(report, g))] }),
      new Paragraph({ keepNext: true, children: [new TextRun(countsLine(g.counts))] }),
      table(head, g.items.map((it) => itemCells(report, it, true)), itemShares(report.manyNotices)),
    );
  }
  return new Document({
    title: `${t('meetingReport.docTitle')} ${notices}`.trim(),
    creator: '督办 duban',
    styles: { default: { document: { run: { font: { ascii: 'Calibri', eastAsia: 'SimSun', hAnsi: 'Calibri' }, size: 21 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE },
            margin: { top: A4.margin, bottom: A4.margin, left: A4.margin, right: A4.margin },
          },
        },
        headers: { default: new Header({ children: [new Paragraph({ children: [new TextRun({ text: `${reportTitle(report)}　${notices}`, size: 18 })] })] }) },
        children: body,
      },
    ],
  });
}

/** The .docx file's bytes, as a Blob for a download. */
export function reportDocx(report: MeetingReport): Promise<Blob> {
  return Packer.toBlob(reportDocument(report));
}
