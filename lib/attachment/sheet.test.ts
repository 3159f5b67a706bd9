import { expect, it } from 'vitest';
import { sheetsDocument } from './sheet';

it('makes a sheet the viewer’s document: lines above the table as paragraphs, merged ranges as spans, empty rows left out', () => {
  const d = sheetsDocument([{
    name: 'Sheet1',
    rows: [
      ['分解表', null, null],
      [],
      ['序号', '工作任务', '牵头单位'],
      ['（一）民生', null, null],
      ['1', '建设学校', '区教育局\n区财政局'],
      [],
      ['2', '新增托位', null],
    ],
    // The title across, the group row across, the unit cell down tasks 1 and 2 (an empty row between).
    merges: [{ top: 0, left: 0, bottom: 0, right: 2 }, { top: 3, left: 0, bottom: 3, right: 2 }, { top: 4, left: 2, bottom: 6, right: 2 }],
  }]);
  expect(d.blocks).toEqual([
    { kind: 'paragraph', text: '分解表' },
    {
      kind: 'table',
      rows: [
        ['序号', '工作任务', '牵头单位'].map((t) => ({ paragraphs: [t], colSpan: 1, rowSpan: 1 })),
        [{ paragraphs: ['（一）民生'], colSpan: 3, rowSpan: 1 }],
        // The empty row inside the merged unit cell is kept (the merge runs through it), so the cell spans 3 rows.
        [{ paragraphs: ['1'], colSpan: 1, rowSpan: 1 }, { paragraphs: ['建设学校'], colSpan: 1, rowSpan: 1 }, { paragraphs: ['区教育局', '区财政局'], colSpan: 1, rowSpan: 3 }],
        [{ paragraphs: [], colSpan: 1, rowSpan: 1 }, { paragraphs: [], colSpan: 1, rowSpan: 1 }],
        [{ paragraphs: ['2'], colSpan: 1, rowSpan: 1 }, { paragraphs: ['新增托位'], colSpan: 1, rowSpan: 1 }],
      ],
    },
  ]);
});

it('names each sheet above its table when a workbook has several, and skips empty sheets', () => {
  const sheet = (name: string) => ({ name, rows: [['序号', '工作任务'], ['1', name]], merges: [] });
  const d = sheetsDocument([sheet('民生实事'), { name: '空', rows: [[null]], merges: [] }, sheet('重点工作')]);
  expect(d.blocks.filter((b) => b.kind === 'paragraph')).toEqual([
    { kind: 'paragraph', text: '民生实事', heading: 2 },
    { kind: 'paragraph', text: '重点工作', heading: 2 },
  ]);
  expect(sheetsDocument([sheet('一')]).blocks.map((b) => b.kind)).toEqual(['table']);
});
