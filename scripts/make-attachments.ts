/**
 * make-attachments: the attachment files the document viewer is tested on
 * (tests/fixtures/attachments/), made from the notice fixtures (themselves from the shared
 * corpus, scripts/make-fixtures.ts): a fixture's body written as the .docx its site attached —
 * paragraphs, tables with cells spanning rows and columns (vMerge, gridSpan), group rows — plus an
 * automatically numbered list, an unreadable legacy file (.doc, an OLE compound file) and files
 * without text. Each docx is read in a test (lib/attachment/docx.test.ts) and must give the items
 * its source page gives (the source's *.expected.json). Run by `npm run fixtures`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
  type FileChild,
} from 'docx';
import { parseHTML } from 'linkedom';

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

const text = (el: Element): string => {
  let s = '';
  for (const n of el.childNodes) {
    if (n.nodeType === 3) s += n.textContent ?? '';
    else if (n.nodeType === 1) s += (n as Element).tagName === 'BR' ? '\n' : text(n as Element);
  }
  return s;
};

const para = (s: string) => new Paragraph({ children: s.split('\n').map((line, i) => new TextRun({ text: line.replace(/\u00a0/g, ' '), break: i ? 1 : 0 })) });

function table(t: Element): Table {
  const rows = [...t.querySelectorAll('tr')].map((tr) => {
    const cells = [...tr.children].filter((c) => c.tagName === 'TD' || c.tagName === 'TH').map((c) => {
      const ps = [...c.querySelectorAll('p')];
      const children = (ps.length ? ps.map(text) : [text(c)]).map((s) => para(s.trim()));
      return new TableCell({
        children,
        columnSpan: Number(c.getAttribute('colspan') ?? 1),
        rowSpan: Number(c.getAttribute('rowspan') ?? 1),
      });
    });
    return new TableRow({ children: cells });
  });
  return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } });
}

/** The fixture's body (the content of its article), block by block. */
function blocks(el: Element, out: FileChild[]): void {
  for (const c of el.children) {
    const tag = c.tagName;
    if (tag === 'TABLE') out.push(table(c));
    else if (/^(P|H[1-6])$/.test(tag)) {
      const s = text(c).trim();
      if (s) out.push(para(s));
    } else if (tag !== 'META' && tag !== 'STYLE' && tag !== 'SCRIPT') blocks(c, out);
  }
}

function bodyOf(html: string): Element {
  const { document } = parseHTML(html);
  const body = document.querySelector('#zoom, #Zoom, .TRS_Editor, .TRS_UEDITOR, #UCAP-CONTENT, .body');
  if (!body) throw new Error('no article body');
  return body as unknown as Element;
}

async function docx(children: FileChild[], numbering?: ConstructorParameters<typeof Document>[0]['numbering']): Promise<Buffer> {
  const doc = new Document({ creator: 'duban', title: 'duban fixture', ...(numbering ? { numbering } : {}), sections: [{ children }] });
  return Packer.toBuffer(doc);
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

/** An OLE compound file's header and an empty sector: what a .doc, .xls, .wps or .et starts with. */
function legacyFile(): Buffer {
  const b = Buffer.alloc(1024);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b);
  b.writeUInt16LE(0x3e, 24);
  b.writeUInt16LE(0x03, 26);
  b.writeUInt16LE(0xfffe, 28);
  return b;
}

/** A one-page PDF that draws a box and no text: a scan has no text layer either. */
export function pdfWithoutText(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>',
  ];
  const stream = '0.5 g 72 600 451 170 re f';
  objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

export async function buildAttachments(): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const s of DOCX_SOURCES) {
    const out: FileChild[] = [];
    blocks(bodyOf(readFileSync(resolve(NOTICES, `${s.name}.html`), 'utf8')), out);
    files.set(s.file, await docx(out));
  }
  files.set('numbered-prose.docx', await numberedDocx());
  files.set('legacy-breakdown.doc', legacyFile());
  files.set('scan-no-text.pdf', pdfWithoutText());
  return files;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  mkdirSync(ATTACHMENTS_DIR, { recursive: true });
  for (const [name, bytes] of await buildAttachments()) writeFileSync(resolve(ATTACHMENTS_DIR, name), bytes);
  console.log(`attachments written to ${ATTACHMENTS_DIR}`);
}
