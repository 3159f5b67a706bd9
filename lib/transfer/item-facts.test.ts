/**
 * Every export carries what the notice says of an item — lead and co units, the item's own lead
 * officials, its deadline — and a JSON file brings them back into a database that never saw the notice.
 */
import { describe, expect, it } from 'vitest';
import { ANNOTATIONS_C, NOTICE_C } from '../../tests/fixtures/overview-rows';
import { noticeKey } from '../notice/notice-key';
import type { NoticeRecord } from '../notice/notice-record';
import { buildCsv, CSV_HEADER } from './export-csv';
import { buildTransferFile, serializeTransferFile } from './export-json';
import { buildWebAnnotations } from './export-web-annotation';
import { parseTransferFile } from './parse-file';
import { localState, planImport } from './plan';
import { SEED_URL } from './test/fixtures';

// NOTICE_C at a URL an import accepts, keyed as a notice there is.
const key = noticeKey({ docNo: NOTICE_C.docNo, sourceUrl: SEED_URL });
const notice: NoticeRecord = { ...NOTICE_C, key, sourceUrl: SEED_URL, urls: [SEED_URL] };
const annotations = ANNOTATIONS_C.map((a) => ({ ...a, noticeKey: key }));
const snapshot = { notices: [notice], annotations, history: [] };
const NOW = Date.UTC(2024, 5, 30);

describe('item facts in exports', () => {
  it('CSV: 牵头领导 (the item’s own, else its section’s), 牵头单位, 配合单位, 完成时限', () => {
    const [header, ...rows] = parseCsvRows(buildCsv(snapshot));
    const col = (name: string) => header.indexOf(name);
    expect(header).toEqual(CSV_HEADER);
    expect(rows[0][col('牵头领导 Lead official')]).toBe('张三副区长、李四副区长');
    expect(rows[0][col('牵头单位 Lead units')]).toBe('区发改局、区财政局');
    expect(rows[0][col('配合单位 Co units')]).toBe('区数据资源局');
    expect(rows[0][col('完成时限 Deadline')]).toBe('6月底前');
    expect(rows[2][col('牵头领导 Lead official')]).toBe('王五区长');
    expect(rows[2][col('配合单位 Co units')]).toBe('');
    expect(rows[2][col('完成时限 Deadline')]).toBe('年内持续推进');
  });

  it('Web Annotation: a tag for each lead unit, co unit, lead official and the deadline', () => {
    const first = buildWebAnnotations(snapshot, NOW).first.items[0];
    const tags = first.body.filter((b) => b.purpose === 'tagging').map((b) => b.value);
    expect(tags).toEqual([
      '牵头单位 lead unit 区发改局',
      '牵头单位 lead unit 区财政局',
      '配合单位 co unit 区数据资源局',
      '牵头领导 lead official 张三副区长',
      '牵头领导 lead official 李四副区长',
      '完成时限 deadline 6月底前',
    ]);
  });

  it('JSON: roles, own leaders and deadline go into the file and back into a new database', () => {
    const { file } = buildTransferFile(snapshot, NOW);
    expect(file.version).toBe(4);
    expect(file.notices[0].items[0]).toMatchObject({
      units: ['区发改局', '区财政局', '区数据资源局'],
      leadUnits: ['区发改局', '区财政局'],
      coUnits: ['区数据资源局'],
      leaders: ['张三副区长', '李四副区长'],
      deadline: '6月底前',
    });
    expect(file.notices[0].items[2]).not.toHaveProperty('leaders');
    const parsed = parseTransferFile(serializeTransferFile(file));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const plan = planImport(parsed.file, localState({ notices: [], annotations: [], history: [] }), NOW);
    if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
    const items = plan.writes.notices[0].items;
    expect(items[0]).toMatchObject({ units: notice.items[0].units, leaders: ['张三副区长', '李四副区长'], deadline: '6月底前' });
    expect(items[2].leaders).toBeUndefined();
  });

  it('JSON: an item whose notice states no roles keeps the old shape (the first unit leads)', () => {
    const plain: NoticeRecord = { ...notice, items: [{ ...notice.items[0], units: [{ name: '区发改局', lead: true }, { name: '各街道', lead: false }], leaders: undefined, deadline: undefined }] };
    const item = buildTransferFile({ notices: [plain], annotations: annotations.slice(0, 1), history: [] }, NOW).file.notices[0].items[0];
    expect(item).not.toHaveProperty('leadUnits');
    expect(item).not.toHaveProperty('coUnits');
    expect(item).not.toHaveProperty('deadline');
  });
});

/** The fixture's cells hold no comma, quote or line break: a split reads them. */
function parseCsvRows(text: string): string[][] {
  return text.replace(/^\uFEFF/, '').trimEnd().split('\r\n').map((line) => line.split(','));
}
