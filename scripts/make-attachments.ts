/**
 * make-attachments: the attachment files the document viewer is tested on
 * (tests/fixtures/attachments/), made from the notice fixtures (themselves from the shared
 * corpus, scripts/make-fixtures.ts): a fixture's body written as the .docx its site attached —
 * paragraphs, tables with cells spanning rows and columns (vMerge, gridSpan), group rows — plus an
 * automatically numbered list, a breakdown table as the .xlsx a district attaches (merged title,
 * group rows, a leader and a deadline cell spanning each group: gongshu-2024-2-table's items), an
 * unreadable legacy file (.doc, an OLE compound file) and files without text. Each docx is read in a test (lib/attachment/docx.test.ts) and must give the items
 * its source page gives (the source's *.expected.json). Run by `npm run fixtures`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
  type FileChild,
} from 'docx';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { parseHTML } from 'linkedom';
import { PAGE, writePdf, type PdfText } from './fixtures/pdf-writer';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NOTICES = resolve(ROOT, 'tests/fixtures/notices');
export const ATTACHMENTS_DIR = resolve(ROOT, 'tests/fixtures/attachments');

/** Which notice fixtures become docx attachments, and why. */
export const DOCX_SOURCES = [
  // A table: 序号 | 项目名称 | 主要内容 | 分管领导 | 牵头单位 | 配合单位, a project spanning two tasks, a header repeated.
  { name: 'zhonglou-2021', file: 'zhonglou-2021-table.docx' },
  // A table with group rows (（一）X副市长牵头重点工作) and three tables.
  { name: 'hangzhou-2021', file: 'hangzhou-2021-groups.docx' },
  // Prose items, each followed by labelled lines (牵头单位：… 配合单位：…), under 一、 sections.
  { name: 'haiyan-2022', file: 'haiyan-2022-prose.docx' },
] as const;

/** haiyan-2022's PDF written with a predefined CMap: read only with pdf.js's CMap files. */
export const CMAP_PDF = 'haiyan-2022-prose-cmap.pdf';

/** Which notice fixtures become PDF attachments (a text layer): prose with labelled lines, a table with group rows. */
export const PDF_SOURCES = [
  { name: 'haiyan-2022', file: 'haiyan-2022-prose.pdf' },
  { name: 'hangzhou-2021', file: 'hangzhou-2021-groups.pdf' },
] as const;

const text = (el: Element): string => {
  let s = '';
  for (const n of el.childNodes) {
    if (n.nodeType === 3) s += n.textContent ?? '';
    else if (n.nodeType === 1) s += (n as Element).tagName === 'BR' ? '\n' : text(n as Element);
  }
  return s;
};

/** A fixture's body as the files are written from it: paragraphs and tables. */
type Cell = { text: string[]; colSpan: number; rowSpan: number };
type Block = { paragraph: string } | { rows: Cell[][] };

/** The fixture's body (the content of its article), block by block. */
function blocks(el: Element, out: Block[]): void {
  for (const c of el.children) {
    const tag = c.tagName;
    if (tag === 'TABLE') {
      out.push({
        rows: [...c.querySelectorAll('tr')].map((tr) =>
          [...tr.children].filter((td) => td.tagName === 'TD' || td.tagName === 'TH').map((td) => {
            const ps = [...td.querySelectorAll('p')];
            return {
              text: (ps.length ? ps.map(text) : [text(td)]).map((s) => s.replace(/\u00a0/g, ' ').trim()),
              colSpan: Number(td.getAttribute('colspan') ?? 1),
              rowSpan: Number(td.getAttribute('rowspan') ?? 1),
            };
          })),
      });
    } else if (/^(P|H[1-6])$/.test(tag)) {
      const s = text(c).replace(/\u00a0/g, ' ').trim();
      if (s) out.push({ paragraph: s });
    } else if (tag !== 'META' && tag !== 'STYLE' && tag !== 'SCRIPT') blocks(c, out);
  }
}

const para = (s: string) => new Paragraph({ children: s.split('\n').map((line, i) => new TextRun({ text: line, break: i ? 1 : 0 })) });

function docxChildren(body: readonly Block[]): FileChild[] {
  return body.map((b) =>
    'paragraph' in b
      ? para(b.paragraph)
      : new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: b.rows.map((r) => new TableRow({ children: r.map((c) => new TableCell({ children: c.text.map(para), columnSpan: c.colSpan, rowSpan: c.rowSpan })) })),
      }));
}

/** The blocks laid out on A4 pages as a word processor prints them: lines wrapped at the margin, table cells in columns. */
function pdfPages(body: readonly Block[]): PdfText[][] {
  const SIZE = 11;
  const LEFT = 50;
  const WIDTH = 484;
  const LINE = 18;
  const pages: PdfText[][] = [[]];
  let y = PAGE.height - 60;
  const newLine = () => {
    y -= LINE;
    if (y < 50) {
      pages.push([]);
      y = PAGE.height - 60 - LINE;
    }
  };
  const wrap = (s: string, chars: number) => {
    const out: string[] = [];
    for (const part of s.split('\n')) for (let i = 0; i < Math.max(1, part.length); i += chars) out.push(part.slice(i, i + chars));
    return out;
  };
  const put = (x: number, s: string) => s && pages.at(-1)!.push({ x, y, size: SIZE, text: s });
  for (const b of body) {
    if ('paragraph' in b) {
      for (const l of wrap(b.paragraph, Math.floor(WIDTH / SIZE))) {
        newLine();
        put(LEFT, l);
      }
      continue;
    }
    const cols = Math.max(...b.rows.map((r) => r.reduce((n, c) => n + c.colSpan, 0)));
    // Each column as wide as its header's words (and a gap), the rest shared by how much each holds.
    const full = b.rows.filter((r) => r.length === cols);
    const least = Array.from({ length: cols }, (_, i) => (Math.min(6, Math.max(2, full[0]?.[i]?.text.join('').length ?? 2)) + 2) * SIZE);
    const weight = Array.from({ length: cols }, (_, i) => Math.max(1, ...full.map((r) => r[i].text.join('').length)));
    const spare = WIDTH - least.reduce((a, w) => a + w, 0);
    const total = weight.reduce((a, w) => a + w, 0);
    const widths = weight.map((w, i) => least[i] + (w / total) * spare);
    const xs = widths.map((_, i) => LEFT + widths.slice(0, i).reduce((a, w) => a + w, 0));
    for (const r of b.rows) {
      if (r.length === 1 && r[0].colSpan === cols) {
        newLine();
        put(LEFT, r[0].text.join(''));
        continue;
      }
      // Two characters' gap between columns, as a table's cell padding leaves.
      const cells = r.map((c, i) => c.text.flatMap((p) => wrap(p, Math.max(1, Math.floor(widths[i] / SIZE) - 2))));
      const height = Math.max(...cells.map((c) => c.length));
      for (let k = 0; k < height; k++) {
        newLine();
        cells.forEach((c, i) => put(xs[i] + 4, c[k] ?? ''));
      }
    }
  }
  return pages;
}

function bodyOf(html: string): Element {
  const { document } = parseHTML(html);
  const body = document.querySelector('#zoom, #Zoom, .TRS_Editor, .TRS_UEDITOR, #UCAP-CONTENT, .body');
  if (!body) throw new Error('no article body');
  return body as unknown as Element;
}

const FIXED_TIME = new Date('2024-03-07T00:00:00Z');

/**
 * The same bytes on every run: the docx library stamps the time of writing (docProps/core.xml, the
 * zip's entries), so the zip is written again with a fixed time.
 */
function deterministic(docxBytes: Buffer): Buffer {
  const files = unzipSync(new Uint8Array(docxBytes));
  const core = files['docProps/core.xml'];
  if (core) files['docProps/core.xml'] = strToU8(strFromU8(core).replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, FIXED_TIME.toISOString().replace('.000', '')));
  const zippable: Zippable = {};
  for (const name of Object.keys(files).sort()) zippable[name] = [files[name], { mtime: FIXED_TIME }];
  return Buffer.from(zipSync(zippable));
}

async function docx(children: FileChild[], numbering?: ConstructorParameters<typeof Document>[0]['numbering']): Promise<Buffer> {
  const doc = new Document({ creator: 'duban', title: 'duban fixture', ...(numbering ? { numbering } : {}), sections: [{ children }] });
  return deterministic(await Packer.toBuffer(doc));
}

/** Prose items numbered by Word itself (一、 then 1.), the number only in numbering.xml. */
async function numberedDocx(): Promise<Buffer> {
  const numbered = (s: string, level: number) => new Paragraph({ text: s, numbering: { reference: 'tasks', level } });
  return docx(
    [
      new Paragraph({ text: '2024年重点工作任务分解表', alignment: AlignmentType.CENTER }),
      numbered('扩大有效投资', 0),
      numbered('推进重大项目建设，全年完成投资120亿元。', 1),
      new Paragraph('牵头单位：县发改局；配合单位：县财政局、县自然资源局'),
      numbered('实施城市更新行动，改造老旧小区20个。', 1),
      new Paragraph('牵头单位：县住建局'),
      numbered('办好民生实事', 0),
      numbered('新增托育机构托位300个。', 1),
      new Paragraph('牵头单位：县卫健局；配合单位：县教育局'),
    ],
    {
      config: [{
        reference: 'tasks',
        levels: [
          { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
          { level: 1, format: LevelFormat.DECIMAL, text: '%2.', alignment: AlignmentType.LEFT },
        ],
      }],
    },
  );
}

/** The sheet's source: the seed notice's items (corpus 01, in its table layout), each with its units and leader. */
export const XLSX_SOURCE = { name: 'gongshu-2024-2-table', file: 'gongshu-2024-breakdown.xlsx' } as const;

/**
 * The composed 完成时限 of each group (the Gongshu notice names none; breakdown tables such as
 * 二连浩特's give one per task or per group): a deadline cell spanning the group's tasks.
 */
export const XLSX_DEADLINES = ['2024年12月底前', '2024年6月底前', '2024年9月底前'] as const;

interface ExpectedItem {
  key: string;
  number: number;
  section?: string;
  text: string;
  units: { name: string; role: 'lead' | 'co' }[];
  leaders: string[];
}

/**
 * The breakdown table as a district's .xlsx: 附件 and the title above (the title merged across),
 * the header 序号 | 工作任务 | 牵头领导 | 牵头单位 | 配合单位 | 完成时限, a group row merged across
 * the table for each leader's section, the 牵头领导 and 完成时限 cells merged down the group's tasks,
 * and a 牵头单位 cell merged down consecutive tasks that share their units.
 */
async function breakdownXlsx(): Promise<Buffer> {
  const expected = JSON.parse(readFileSync(resolve(NOTICES, `${XLSX_SOURCE.name}.expected.json`), 'utf8')) as { lists: { items: ExpectedItem[] }[] };
  const items = expected.lists.flatMap((l) => l.items);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'duban';
  wb.created = FIXED_TIME;
  wb.modified = FIXED_TIME;
  const ws = wb.addWorksheet('分解表');
  ws.columns = [6, 60, 10, 24, 30, 14].map((width) => ({ width }));
  ws.addRow(['附件']);
  ws.addRow(['2024年区政府工作报告重点工作责任分解表']);
  ws.mergeCells('A2:F2');
  ws.addRow(['序号', '工作任务', '牵头领导', '牵头单位', '配合单位', '完成时限']);
  const names = (i: ExpectedItem, role: 'lead' | 'co') => i.units.filter((u) => u.role === role).map((u) => u.name).join('、');
  const sections = [...new Set(items.map((i) => i.section))];
  sections.forEach((section, g) => {
    const group = items.filter((i) => i.section === section);
    const groupRow = ws.addRow([section]).number;
    ws.mergeCells(groupRow, 1, groupRow, 6);
    const first = groupRow + 1;
    let sharedFrom = first;
    group.forEach((item, k) => {
      const row = ws.addRow([item.number, item.text, k ? null : item.leaders.join('、'), names(item, 'lead'), names(item, 'co'), k ? null : XLSX_DEADLINES[g % XLSX_DEADLINES.length]]).number;
      const next = group[k + 1];
      const same = next && names(next, 'lead') === names(item, 'lead') && names(next, 'co') === names(item, 'co');
      if (!same) {
        if (row > sharedFrom) {
          ws.mergeCells(sharedFrom, 4, row, 4);
          ws.mergeCells(sharedFrom, 5, row, 5);
        }
        sharedFrom = row + 1;
      }
    });
    const last = first + group.length - 1;
    if (last > first) {
      ws.mergeCells(first, 3, last, 3);
      ws.mergeCells(first, 6, last, 6);
    }
  });
  return deterministic(Buffer.from(await wb.xlsx.writeBuffer()));
}

/** An OLE compound file's header and an empty sector: what a .doc, .xls, .wps or .et starts with. */
function legacyFile(): Buffer {
  const b = Buffer.alloc(1024);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b);
  b.writeUInt16LE(0x3e, 24);
  b.writeUInt16LE(0x03, 26);
  b.writeUInt16LE(0xfffe, 28);
  return b;
}

const UNITS = ['区发改局', '区财政局', '区住建局', '区教育局', '区卫健局', '区商务局', '区人力社保局', '区自然资源局'];
const unitsOf = (i: number) => [UNITS[i % UNITS.length], UNITS[(i + 3) % UNITS.length], UNITS[(i + 5) % UNITS.length]];

/** The bench's table (npm run bench -- --only viewer): `n` tasks, 序号 | 重点工作任务 | 牵头单位 | 配合单位, a group row every 15. */
export function benchTableDocx(n: number): Promise<Buffer> {
  const cell = (t: string, colSpan = 1): Cell => ({ text: [t], colSpan, rowSpan: 1 });
  const rows: Cell[][] = [['序号', '重点工作任务', '牵头单位', '配合单位'].map((t) => cell(t))];
  for (let i = 1; i <= n; i++) {
    if (i % 15 === 1) rows.push([cell(`（${'一二三四五六七八九十'[Math.floor(i / 15) % 10]}）第${Math.floor(i / 15) + 1}组重点工作`, 4)]);
    const [lead, ...co] = unitsOf(i);
    rows.push([cell(String(i)), cell(`推进第${i}项重点工作，全年完成投资${i}亿元，确保项目按期建成投用。`), cell(lead), cell(co.join('、'))]);
  }
  return docx(docxChildren([{ paragraph: '2024年区政府工作报告重点工作责任分解表' }, { rows }]));
}

/** The bench's PDF: prose items, each followed by its labelled line, over `pages` A4 pages. */
export function benchProsePdf(pages: number): Buffer {
  const body: Block[] = [{ paragraph: '2024年区政府工作报告重点工作责任分解' }];
  // About 45 lines a page, three lines an item.
  for (let i = 1; i <= Math.floor((pages * 45) / 3); i++) {
    const [lead, ...co] = unitsOf(i);
    body.push({ paragraph: `${i}.推进第${i}项重点工作，全年完成投资${i}亿元，加快项目前期工作，确保项目按期开工建设并投入使用。` });
    body.push({ paragraph: `牵头单位：${lead}；配合单位：${co.join('、')}` });
  }
  return writePdf(pdfPages(body).slice(0, pages));
}

export async function buildAttachments(): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const body = (name: string) => {
    const out: Block[] = [];
    blocks(bodyOf(readFileSync(resolve(NOTICES, `${name}.html`), 'utf8')), out);
    return out;
  };
  for (const s of DOCX_SOURCES) files.set(s.file, await docx(docxChildren(body(s.name))));
  for (const s of PDF_SOURCES) files.set(s.file, writePdf(pdfPages(body(s.name))));
  // The prose PDF as many Chinese PDFs are written: a predefined CMap (UniGB-UCS2-H), no ToUnicode.
  files.set(CMAP_PDF, writePdf(pdfPages(body('haiyan-2022')), { cmap: 'UniGB-UCS2-H' }));
  files.set('numbered-prose.docx', await numberedDocx());
  files.set(XLSX_SOURCE.file, await breakdownXlsx());
  files.set('legacy-breakdown.doc', legacyFile());
  // A page with nothing written on it: a scan without a text layer reads the same.
  files.set('scan-no-text.pdf', writePdf([[]]));
  return files;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  mkdirSync(ATTACHMENTS_DIR, { recursive: true });
  for (const [name, bytes] of await buildAttachments()) writeFileSync(resolve(ATTACHMENTS_DIR, name), bytes);
  console.log(`attachments written to ${ATTACHMENTS_DIR}`);
}
