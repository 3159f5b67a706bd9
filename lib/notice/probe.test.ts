import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { FixtureIndex } from '../../tests/fixtures/notice-expected';
import { SEED_PAGE } from '../../tests/fixtures/seed-dump';
import { probePage, TEXT_BUDGET } from './probe';

const DIR = fileURLToPath(new URL('../../tests/fixtures/notices/', import.meta.url));
const read = (file: string) => readFileSync(DIR + file, 'utf8');
const index = FixtureIndex.parse(JSON.parse(read('index.json')));
const doc = (html: string) => parseHTML(html).document as unknown as Document;
const page = (title: string, body: string, meta = '') => doc(`<!DOCTYPE html><html><head><title>${title}</title>${meta}</head><body>${body}</body></html>`);
const BREAKDOWN = '关于印发2024年政府工作报告重点工作责任分解的通知';

describe("the probe's verdict", () => {
  it('calls every notice fixture and the seed likely', () => {
    const notices = index.filter((e) => e.family !== 'refused');
    expect(notices.length).toBeGreaterThanOrEqual(15);
    for (const e of notices) expect(probePage(doc(read(e.file))).verdict, e.file).toBe('likely');
    expect(probePage(doc(readFileSync(SEED_PAGE, 'utf8'))).verdict).toBe('likely');
  });

  it('calls the portal front page (2,000 links, one naming the breakdown notice) no', () => {
    expect(probePage(doc(read('gongshu-portal.html')))).toMatchObject({ verdict: 'no', title: 'untitled' });
  });

  it('calls a bulletin on the tasks no by its title, its body unread', () => {
    // Numbered lagging tasks, each with its 责任单位 line, as a breakdown writes them.
    expect(probePage(doc(read('gongshu-2024h1-bulletin.html')))).toEqual({ verdict: 'no', title: 'untitled', responsibility: 0 });
    expect(probePage(page('关于2024年重点工作推进情况的通报_拱墅区人民政府', '<p>1.工作。责任单位：区发改局</p><p>2.工作。责任单位：区财政局</p>')).verdict).toBe('no');
    // The same bulletin as a 督查专报, and a 完成情况 公示 whose tasks each keep their 牵头单位 line.
    expect(probePage(doc(read('gongshu-2024-3-brief.html'))).verdict).toBe('no');
    expect(probePage(doc(read('huzhou-2023-done.html'))).verdict).toBe('no');
  });

  it('reads the title from ArticleTitle before <title>', () => {
    const body = '<p>1.推进项目。牵头单位：区发改局</p>';
    expect(probePage(page('杭州市拱墅区人民政府', body, `<meta name="ArticleTitle" content="${BREAKDOWN}">`)).verdict).toBe('likely');
    expect(probePage(page('杭州市拱墅区人民政府', body)).verdict).toBe('no');
  });

  it('asks more of a page the fewer its title says', () => {
    const units = (n: number) => Array.from({ length: n }, (_, i) => `<p>${i + 1}.工作。牵头单位：区发改局</p>`).join('');
    expect(probePage(page(BREAKDOWN, units(0))).verdict).toBe('no');
    expect(probePage(page(BREAKDOWN, units(1))).verdict).toBe('likely');
    expect(probePage(page('拱墅区召开重点工作推进会', units(1))).verdict).toBe('no');
    expect(probePage(page('拱墅区召开重点工作推进会', units(2))).verdict).toBe('likely');
    // A title that names neither: no, however often the body says who leads (its body is not read).
    expect(probePage(page('区政府常务会议', units(40)))).toEqual({ verdict: 'no', title: 'untitled', responsibility: 0 });
  });

  it('hears who answers for the items in a department\'s breakdown (责任处室, 责任科室) and a 民生实事 list (责任主体)', () => {
    for (const label of ['责任处室', '责任科室', '责任主体']) expect(probePage(page(BREAKDOWN, `<p>1.工作。</p><p>${label}：综合处</p>`)).verdict, label).toBe('likely');
  });

  it('hears units named in a closing bracket on a page titled a breakdown, and only there', () => {
    const bare = '<p>1.全区生产总值增长6%左右。（区发改局、区统计局）</p><p>2.新增就业1万人。(区人社局)</p>';
    expect(probePage(page(BREAKDOWN, bare)).verdict).toBe('likely');
    expect(probePage(page('区民政局', '<p>1.推进养老服务。（区民政局）</p>')).verdict).toBe('no');
    // A news page on the tasks whose byline names a unit: its title names tasks only.
    expect(probePage(page('拱墅区召开重点工作推进会', '<p>会议部署了重点工作。（区发改局）</p><p>（区政府办）</p>')).verdict).toBe('no');
  });

  it('reads only the start of a long body: words past its budget do not count', () => {
    const filler = `<p>${'拱'.repeat(TEXT_BUDGET)}</p>`;
    expect(probePage(page(BREAKDOWN, `${filler}<p>牵头单位：区发改局</p>`)).verdict).toBe('no');
    expect(probePage(page(BREAKDOWN, `<p>牵头单位：区发改局</p>${filler}`)).verdict).toBe('likely');
  });
});
