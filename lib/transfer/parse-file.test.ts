import { noticeKey } from '../notice/notice-key';
import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS, type TransferFileJson } from './format';
import { sayIn } from '../../tests/unit/i18n';
import { parseTransferFile } from './parse-file';
import { toCsv } from '../util/csv';
import { CSV_HEADER } from './export-csv';

const KEY = '拱政办发〔2024〕2号';
const URL_ = 'https://www.gongshu.gov.cn/art/2024/3/7/art_1229290402_4246130.html';

function file(overrides: (f: TransferFileJson & Record<string, any>) => void = () => {}): string {
  const f: any = {
    format: 'duban-annotations',
    version: 1,
    exportedAt: '2026-11-25T00:00:00.000Z',
    notices: [
      {
        key: KEY,
        docNo: KEY,
        url: URL_,
        title: '关于印发2024年区政府工作报告重点工作责任分解的通知',
        items: [
          { itemKey: '1', fingerprint: 'a', status: 'in_progress', note: '甲', followUp: '2024-04-01', createdAt: '2024-03-07T08:00:00.000Z', updatedAt: '2024-03-07T08:00:00.000Z' },
          { itemKey: '12', fingerprint: 'b', status: 'done', note: '', createdAt: '2024-03-07T08:00:00Z', updatedAt: '2024-03-08T08:00:00Z', history: [] },
        ],
      },
    ],
  };
  overrides(f);
  return JSON.stringify(f);
}

/** The refusal as the popup words it, one problem a line. */
function errors(text: string, locale = 'zh_CN'): string {
  const r = parseTransferFile(text);
  if (r.ok) throw new Error('expected the file to be refused');
  return r.errors.map((m) => sayIn(locale, m)).join('\n');
}

describe('parseTransferFile', () => {
  it('accepts a good file and turns its times into epoch milliseconds', () => {
    const r = parseTransferFile(file());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.file.exportedAt).toBe(Date.UTC(2026, 10, 25));
    expect(r.file.notices[0].items[1]).toMatchObject({ itemKey: '12', updatedAt: Date.UTC(2024, 2, 8, 8), history: [] });
    expect(r.file.notices[0].sections).toEqual([]);
  });

  it('accepts a byte-order mark in front of the JSON', () => {
    expect(parseTransferFile('\uFEFF' + file()).ok).toBe(true);
  });

  it('names the notice, the item and the field of an unknown status, in the UI language', () => {
    const text = file((f) => ((f.notices[0].items[1] as any).status = 'urgent'));
    expect(errors(text)).toContain('通知「拱政办发〔2024〕2号」，第 12 项，字段 status（状态）：未知的值 "urgent"');
    expect(errors(text, 'en')).toContain('notice "拱政办发〔2024〕2号", item 12, field status (status): unknown value "urgent"');
    // What it may be: each code as the file writes it, with the word the user knows.
    expect(errors(text)).toContain('应为 not_started（未开始），in_progress（推进中），done（已完成），behind（滞后），paused（暂缓） 之一');
    expect(errors(text, 'en')).toContain('not_started (Not started), in_progress (In progress)');
  });

  it('refuses a notice URL that is no web page (a javascript: link would run in the popup), saying what it must be', () => {
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'chrome-extension://abc/popup.html', 'www.gongshu.gov.cn/art/1.html']) {
      const text = file((f) => (f.notices[0].url = url));
      expect(errors(text)).toContain('字段 url（网址）：应为网页地址（http 或 https）');
      expect(errors(text, 'en')).toContain('field url (URL): must be a web page address (http or https)');
    }
  });

  it('accepts a notice duban read on any government site, as it recognises one there (a backup restores it)', () => {
    const url = 'https://www.hzgs.gov.cn/art/2024/3/7/art_1_2.html';
    const text = file((f) => {
      f.notices[0].url = url;
      f.notices[0].key = noticeKey({ docNo: KEY, sourceUrl: url });
    });
    const r = parseTransferFile(text);
    expect(r.ok ? r.file.notices[0].url : r.errors).toBe(url);
  });

  it('accepts a notice duban read on a page off government sites where the user asked (a news site), and its attachment', () => {
    const url = 'http://news.example.com/2024/0307/1.html';
    const r = parseTransferFile(file((f) => {
      f.notices[0].url = url;
      f.notices[0].key = noticeKey({ docNo: KEY, sourceUrl: url });
    }));
    expect(r.ok ? r.file.notices[0].url : r.errors).toBe(url);
    const attachment = { title: '分解表', cover: url };
    const fileUrl = 'https://oss.example.com/f/分解表.docx';
    const withAttachment = parseTransferFile(file((f) => {
      Object.assign(f.notices[0], { url: fileUrl, attachment, key: noticeKey({ docNo: KEY, sourceUrl: url, attachment }) });
    }));
    expect(withAttachment.ok ? withAttachment.file.notices[0].attachment : withAttachment.errors).toEqual(attachment);
  });

  it('names wrong types and missing fields', () => {
    const text = file((f) => {
      const item = f.notices[0].items[0] as any;
      item.note = 42;
      delete item.updatedAt;
      item.progress = '50%';
    });
    expect(errors(text)).toContain('第 1 项，字段 note（备注）：应为文字，实为数字 42');
    const e = errors(text, 'en');
    expect(e).toContain('item 1, field note (note): expected text, got a number 42');
    expect(e).toContain('field updatedAt (update time): missing');
    expect(e).toContain('field progress (progress): expected a number, got text "50%"');
  });

  it('refuses bad dates and times', () => {
    expect(errors(file((f) => ((f.notices[0].items[0] as any).followUp = '2024-02-30')))).toContain('字段 followUp（跟进日期）：不是真实的日期');
    expect(errors(file((f) => ((f.notices[0].items[0] as any).updatedAt = 'yesterday')), 'en')).toContain('field updatedAt (update time): must be an ISO 8601 UTC time');
  });

  it('keeps a note with HTML as plain text (it is never rendered as HTML)', () => {
    const r = parseTransferFile(file((f) => ((f.notices[0].items[0] as any).note = '<img src=x onerror=alert(1)>')));
    expect(r.ok && r.file.notices[0].items[0].note).toBe('<img src=x onerror=alert(1)>');
  });

  it('refuses a key that does not match the 文号', () => {
    expect(errors(file((f) => (f.notices[0].key = 'other')), 'en')).toContain('field key (key): must be "拱政办发〔2024〕2号@www.gongshu.gov.cn"');
  });

  it('refuses an item listed twice and a notice listed twice', () => {
    const twice = file((f) => (f.notices[0].items[1].itemKey = '1'));
    expect(errors(twice)).toContain('第 1 项，字段 itemKey（序号）：第 1 项出现两次');
    expect(errors(twice, 'en')).toContain('item 1, field itemKey (item number): item 1 appears twice');
    expect(errors(file((f) => f.notices.push(f.notices[0])))).toContain('出现两次');
  });

  it('explains files that are not JSON, not duban files, or from a newer version', () => {
    // Where it stops being JSON, in the UI's language: never the engine's English sentence.
    const cut = file().slice(0, 300);
    expect(errors(cut)).toMatch(/^不是有效的 JSON 文件：第 1 行第 \d+ 列起无法读取（文件可能不完整，或被改动过）$/);
    expect(errors(cut)).not.toMatch(/position|Unexpected|Unterminated|Expected/);
    expect(errors('{"format": \n\n  "duban', 'en')).toBe('Not a valid JSON file: unreadable from line 3, column 9 (the file may be cut short or edited)');
    expect(errors('{"format": ', 'en')).toBe('Not a valid JSON file: unreadable from line 1, column 12 (the file may be cut short or edited)');
    expect(errors('{"format": x}', 'en')).toBe('Not a valid JSON file (it may be cut short or edited)');
    expect(errors('[1,2]')).toContain('不是督办导出的文件');
    expect(errors(file((f) => (f.format = 'hypothesis' as any)), 'en')).toContain('Not a duban export (format must be "duban-annotations")');
    expect(errors(file((f) => (f.version = 5 as any)), 'en')).toContain('newer duban (version 5)');
    expect(errors(file((f) => (f.version = 0 as any)), 'en')).toContain('field version');
  });

  it('says what duban\'s own CSV and Web Annotation files are for, and what to import instead', () => {
    const csv = toCsv(CSV_HEADER, [[KEY, '1', '黄飞', '坚持政治引领', '区政府办公室', '', '', '推进中', 30, '甲', '', '', '', '']]);
    expect(errors(csv)).toBe('这是督办导出的 CSV 表格，供其他工具读取，不能导入；请导入督办导出的 JSON 文件或 Excel 台账（.xlsx）');
    expect(errors(csv, 'en')).toContain('import a JSON file or an Excel ledger (.xlsx)');
    const anno = JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', items: [] });
    expect(errors(anno)).toBe('这是 W3C Web Annotation 文件，供其他批注工具使用，督办不导入；请导入督办导出的 JSON 文件或 Excel 台账（.xlsx）');
    // Another file: what duban takes, the ledger too.
    expect(errors('{"a": 1}')).toContain('Excel 台账（.xlsx）');
  });

  it('refuses files over the size and item limits with a message', () => {
    expect(errors(' '.repeat(IMPORT_LIMITS.maxBytes + 1))).toBe('文件过大（20.0 MB），上限 20.0 MB');
    expect(errors(' '.repeat(IMPORT_LIMITS.maxBytes + 1), 'en')).toBe('The file is too large (20.0 MB); the limit is 20.0 MB');
    const many = file((f) => {
      const base = f.notices[0].items[0];
      f.notices[0].items = Array.from({ length: 9999 }, (_, i) => ({ ...base, itemKey: String(i + 1) }));
      for (let n = 2; n <= 6; n++) f.notices.push({ ...f.notices[0], key: `拱政办发〔2024〕${n}号`, docNo: `拱政办发〔2024〕${n}号` });
    });
    expect(errors(many)).toContain('事项过多：59994 项，上限 50000');
  });

  it('lists at most five problems and says how many more there are', () => {
    const text = file((f) => f.notices[0].items.forEach((i: any) => ((i.status = 'x'), (i.note = 1), (i.fingerprint = 2))));
    expect(errors(text).split('\n')).toHaveLength(6);
    expect(errors(text).split('\n')[5]).toBe('还有 1 处问题');
    expect(errors(text, 'en').split('\n')[5]).toBe('and 1 more problem');
  });
});
