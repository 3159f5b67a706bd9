import { describe, expect, it } from 'vitest';
import { readViewerQuery, viewerQuery, type AttachmentRequest } from './viewer-link';

const request: AttachmentRequest = {
  url: 'http://www.x.gov.cn/module/download/downfile.jsp?classid=0&filename=a.docx',
  title: '附件1：2024年重点工作任务分解表',
  kind: 'docx',
  cover: { url: 'http://www.x.gov.cn/art/2024/3/1/art_1_2.html', title: '关于印发…的通知', docNo: '高政字〔2024〕5号', issuer: '高唐县人民政府' },
};

describe('the viewer’s link', () => {
  it('carries the attachment and its cover, and a kept notice, through its query', () => {
    expect(readViewerQuery(viewerQuery({ attachment: request }))).toEqual({ attachment: request });
    expect(readViewerQuery(viewerQuery({ noticeKey: '高政字〔2024〕5号 附件：分解表' }))).toEqual({ noticeKey: '高政字〔2024〕5号 附件：分解表' });
    expect(viewerQuery({ noticeKey: 'K' }, '#duban-item-3')).toBe('?notice=K#duban-item-3');
  });

  it('is the empty viewer for anything else: no URL, a script URL, a file URL', () => {
    expect(readViewerQuery('')).toEqual({ empty: true });
    expect(readViewerQuery(viewerQuery({ attachment: { ...request, url: 'javascript:alert(1)' } }))).toEqual({ empty: true });
    expect(readViewerQuery(viewerQuery({ attachment: { ...request, url: 'file:///etc/passwd' } }))).toEqual({ empty: true });
  });
});
