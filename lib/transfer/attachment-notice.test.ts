// A notice read from an attachment goes through a file and back: its key (the cover's 文号 at the
// cover's site plus the title) is checked against its 文号, file URL and attachment, and the
// colleague's database gets the same notice, its attachment and its notes.
import { afterEach, expect, it } from 'vitest';
import { createService } from '../../entrypoints/background/router';
import type { DubanDatabase } from '../db/database';
import { noticeKey } from '../notice/notice-key';
import { dispose, freshDb, syntheticNotice } from './test/fixtures';

const notice = {
  ...syntheticNotice(1, 3),
  docNo: '拱政办发〔2024〕5号',
  sourceUrl: 'https://www.gongshu.gov.cn/module/download/downfile.jsp?filename=a.docx',
  attachment: { title: '附件1：2024年重点工作任务分解表', cover: 'https://www.gongshu.gov.cn/art/2024/3/8/art_1229290402_4246200.html' },
};
const KEY = '拱政办发〔2024〕5号@www.gongshu.gov.cn 附件：2024年重点工作任务分解表';

const opened: DubanDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map(dispose));
});
function must<T>(r: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

it('exports an attachment’s notice with its attachment, and a colleague imports it under the same key', async () => {
  expect(noticeKey(notice)).toBe(KEY);
  const mine = await freshDb('attachment-notice');
  const theirs = await freshDb('attachment-notice-2');
  opened.push(mine, theirs);
  const a = createService(mine, () => Date.UTC(2026, 10, 20));
  expect(must(await a.handle('openNotice', notice)).noticeKey).toBe(KEY);
  must(await a.handle('saveAnnotation', { noticeKey: KEY, itemKey: '1', fingerprint: notice.items[0].fingerprint, session: 's', note: '附件第一项已开工' }));
  const text = must(await a.handle('exportAnnotations', { format: 'json' })).text;
  expect(JSON.parse(text).notices[0]).toMatchObject({ key: KEY, docNo: notice.docNo, attachment: notice.attachment });
  const b = createService(theirs, () => Date.UTC(2026, 10, 21));
  must(await b.handle('applyImport', { text }));
  expect(await theirs.notices.get(KEY)).toMatchObject({ docNo: notice.docNo, attachment: notice.attachment });
  expect((await theirs.annotations.get([KEY, '1']))?.note).toBe('附件第一项已开工');
  // A file whose attachment was taken away no longer matches its key: refused, nothing written.
  const forged = JSON.stringify({ ...JSON.parse(text), notices: JSON.parse(text).notices.map(({ attachment: _a, ...n }: Record<string, unknown>) => n) });
  const third = await freshDb('attachment-notice-3');
  opened.push(third);
  expect((await createService(third).handle('applyImport', { text: forged })).ok).toBe(false);
  expect(await third.notices.count()).toBe(0);
});
