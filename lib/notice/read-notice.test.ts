import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  ExpectedPage, FixtureIndex, type ExpectedNotice, type FixtureEntry,
} from '../../tests/fixtures/notice-expected';
import { anchoredAtText, placeMarkers } from '../../tests/fixtures/notice-anchors';
import { seeded } from '../../tests/fixtures/notice-markup';
import { rewriteMarkup, type Rewrites } from '../../tests/fixtures/rewrite-markup';
import { SEED_PAGE, SEED_URL } from '../../tests/fixtures/seed-dump';
import { normalizeText } from './normalize';
import { readNotice, readNoticePage } from './read-notice';
import { isRefusal, type NoticeReading } from './reading';

const DIR = fileURLToPath(new URL('../../tests/fixtures/notices/', import.meta.url));
const read = (name: string) => readFileSync(DIR + name, 'utf8');
const index: FixtureEntry[] = FixtureIndex.parse(JSON.parse(read('index.json')));
const expectedOf = (e: FixtureEntry) => ExpectedPage.parse(JSON.parse(read(e.expected)));
const doc = (html: string) => parseHTML(html).document as unknown as Document;
const readPage = (html: string, url: string) => readNotice(doc(html), url);
const notices = index.filter((e) => e.family !== 'refused');
const lookAlikes = index.filter((e) => e.family === 'refused');

/** Every string of a reading folded and without layout: what a page written half-width must still give. */
function folded(r: NoticeReading): unknown {
  return JSON.parse(JSON.stringify(r), (_k, v) => (typeof v === 'string' ? normalizeText(v) : v));
}

describe('readNotice on every fixture page', () => {
  it.each(notices.map((e) => [e.file, e] as const))('%s gives its expected parse', (_f, entry) => {
    expect(readPage(read(entry.file), entry.url)).toEqual(expectedOf(entry));
  });

  it.each(lookAlikes.map((e) => [e.file, e] as const))('%s is refused, with a reason', (_f, entry) => {
    const r = readPage(read(entry.file), entry.url);
    expect(r).toMatchObject({ url: entry.url, refused: true });
    expect(isRefusal(r) && r.reason.length).toBeGreaterThan(0);
  });

  it('says why: a progress table is a progress report, a cover page’s list is in its attachment, a bulletin reports', () => {
    const reason = (file: string) => {
      const e = index.find((x) => x.file === file)!;
      const r = readPage(read(file), e.url);
      return isRefusal(r) ? r.reason : '';
    };
    expect(reason('gongshu-2023q4-progress.html')).toMatch(/完成情况/);
    expect(reason('dawa-2021-attachment.html')).toMatch(/附件/);
    // Its items are written as a breakdown's (each lagging task, then its 责任单位 line): its title says what it is.
    expect(reason('gongshu-2024h1-bulletin.html')).toMatch(/通报/);
  });

  it('marks a report on the tasks’ progress as one (what a user who asked is told), and no other look-alike', () => {
    const reports = lookAlikes.filter((e) => {
      const r = readPage(read(e.file), e.url);
      return isRefusal(r) && r.report === true;
    });
    expect(reports.map((e) => e.file).sort()).toEqual([
      'gongshu-2023q4-progress.html', 'gongshu-2024-3-brief.html', 'gongshu-2024h1-bulletin.html', 'huzhou-2023-done.html',
      'shangcheng-2023q3-done.html',
    ]);
  });

  it('refuses each report on the tasks’ progress by its body too: retitled as a breakdown, it is still said to be one', () => {
    const reports = ['gongshu-2023q4-progress.html', 'gongshu-2024-3-brief.html', 'gongshu-2024h1-bulletin.html', 'huzhou-2023-done.html', 'shangcheng-2023q3-done.html'];
    for (const file of reports) {
      const e = index.find((x) => x.file === file)!;
      const html = read(file);
      const title = doc(html).querySelector('meta[name="ArticleTitle"]')!.getAttribute('content')!;
      const retitled = html.split(title).join('2023年区政府工作报告重点工作责任分解');
      expect(retitled, file).not.toContain(title);
      expect(readPage(retitled, e.url), file).toMatchObject({ refused: true, report: true });
    }
  });

  it('counts the numbered points of a page that names no unit for them (what a user who asked is told), and of no other', () => {
    const counted = Object.fromEntries(lookAlikes.flatMap((e) => {
      const r = readPage(read(e.file), e.url);
      return isRefusal(r) && r.numbered !== undefined ? [[e.file, r.numbered]] : [];
    }));
    // The measures' 10 numbered points, the report's 5 tasks of the year, the 解读's 4 points; a
    // report on the tasks is said to be one instead, a portal and a cover list nothing.
    expect(counted).toEqual({ 'gongshu-2024-measures.html': 10, 'gongshu-2024-report.html': 5, 'gaotang-2024-jiedu.html': 4 });
  });

  it('counts no numbered points under three: a page with two has no list to speak of', () => {
    const page = `<html><head><title>关于做好两项工作的通知</title></head><body><p>1.做好甲工作。</p><p>2.做好乙工作。</p></body></html>`;
    const r = readPage(page, 'https://www.gongshu.gov.cn/art/2024/1/1/art_1.html');
    expect(r).toMatchObject({ refused: true });
    expect(isRefusal(r) && 'numbered' in r).toBe(false);
  });

  it('keys every item apart where numbering restarts in each （一） of a section, and anchors each', () => {
    const body = [
      '一、经济发展', '（一）王宏副市长牵头重点工作', '1．加强粮食安全保障。', '责任单位：市农业农村局、市商务局', '2．推进乡村振兴。', '责任单位：市农业农村局',
      '（二）胡伟副市长牵头重点工作', '1．实施消费提振行动。', '责任单位：市商务局、市发改委', '2．推进外贸稳规模优结构。', '责任单位：市商务局',
      '二、社会民生', '（一）陈红副市长牵头重点工作', '1．新增就业10万人。', '责任单位：市人力社保局',
    ].map((t) => `<p>　　${t}</p>`).join('');
    const page = `<html><head><title>某市2024年政府工作报告重点工作责任分解</title></head><body><div>${body}</div></body></html>`;
    const r = readNoticePage(doc(page), 'https://www.example.gov.cn/art/2024/3/7/art_1_1.html');
    expect(isRefusal(r.reading)).toBe(false);
    const items = isRefusal(r.reading) ? [] : r.reading.lists.flatMap((l) => l.items);
    expect(items.map((i) => [i.key, i.leaders])).toEqual([
      ['一、（一）1.', ['王宏']], ['一、（一）2.', ['王宏']], ['一、（二）1.', ['胡伟']], ['一、（二）2.', ['胡伟']], ['二、（一）1.', ['陈红']],
    ]);
    expect([...r.anchors!.keys()]).toEqual(items.map((i) => i.key));
  });

  /** The items of a page of prose items whose body holds `paragraphs`. */
  const proseItems = (...paragraphs: string[]) => {
    const body = paragraphs.map((t) => `<p>　　${t}</p>`).join('');
    const page = `<html><head><title>某区2024年政府工作报告重点工作责任分解</title></head><body><div>${body}</div></body></html>`;
    const r = readNotice(doc(page), 'https://www.example.gov.cn/art/2024/3/7/art_1_1.html');
    return isRefusal(r) ? r.reason : r.lists.flatMap((l) => l.items).map((i) => ({ units: i.units.map((u) => `${u.role === 'lead' ? '*' : ''}${u.name}`), leaders: i.leaders, deadline: i.deadline }));
  };

  it('reads several labels on one line apart, set off by spaces only (as Word pastes them) or by nothing', () => {
    expect(proseItems(
      '1．新增就业1万人。', '责任领导：李四　　责任单位：区人社局、各街道',
      '2．完成老旧小区改造10个。', '牵头单位：区住建局　配合单位：各街道　完成时限：2024年10月底前',
      '3．新建社区食堂10家。', '牵头单位：区民政局配合单位：各街道',
    )).toEqual([
      { units: ['区人社局', '各街道'], leaders: ['李四'], deadline: undefined },
      { units: ['*区住建局', '各街道'], leaders: [], deadline: '2024年10月底前' },
      { units: ['*区民政局', '各街道'], leaders: [], deadline: undefined },
    ]);
  });

  it('reads several labels in a closing bracket apart, set off by spaces only or by nothing', () => {
    const r = readPage(page(`<p>1.全区生产总值增长6%左右。（牵头领导：张三；牵头单位：区发改局；配合单位：区统计局）</p>
      <p>2.固定资产投资增长5%。（责任领导：李四副区长　责任单位：区发改局、区住建局）</p>
      <p>3.新增就业1万人。（牵头单位：区人社局配合单位：各街道　完成时限：2024年底前）</p>`), URL_);
    expect(itemsOf(r).map((i) => [i.text, i.units.map((u) => `${u.name}:${u.role}`), i.leaders, i.deadline])).toEqual([
      ['全区生产总值增长6%左右。', ['区发改局:lead', '区统计局:co'], ['张三'], undefined],
      ['固定资产投资增长5%。', ['区发改局:co', '区住建局:co'], ['李四'], undefined],
      ['新增就业1万人。', ['区人社局:lead', '各街道:co'], [], '2024年底前'],
    ]);
  });

  it('reads units set apart by spaces only (as Word pastes them) as several, in a line, after a sentence and in a bracket; a space inside a name or a person’s name is layout', () => {
    expect(proseItems(
      '1．新增就业1万人。', '牵头单位：区人社局　区财政局　各街道',
      '2．完成老旧小区改造10个。', '牵头单位：区住建局  配合单位：区城管局 区交通局',
      '3．新建社区食堂10家。牵头单位：区民政局　区卫健局',
      '4．建成口袋公园5个。', '牵头领导：王　丹', '牵头单位：区 城管局',
      '5．新增托位300个。', '牵头单位：卫健局　教育局　晋陵公司',
    )).toEqual([
      { units: ['*区人社局', '*区财政局', '*各街道'], leaders: [], deadline: undefined },
      { units: ['*区住建局', '区城管局', '区交通局'], leaders: [], deadline: undefined },
      { units: ['*区民政局', '*区卫健局'], leaders: [], deadline: undefined },
      { units: ['*区城管局'], leaders: ['王丹'], deadline: undefined },
      { units: ['*卫健局', '*教育局', '*晋陵公司'], leaders: [], deadline: undefined },
    ]);
    const r = readPage(page(`<p>1.推进数字经济发展。（牵头单位：区发改局　区经信局）</p><p>2.抓好项目建设。（牵头单位：区住建局）</p>
      <p>3.稳定就业。（牵头单位：区人社局）</p>`), URL_);
    expect(itemsOf(r).map((i) => [i.text, i.units.map((u) => u.name)])).toEqual([
      ['推进数字经济发展。', ['区发改局', '区经信局']], ['抓好项目建设。', ['区住建局']], ['稳定就业。', ['区人社局']],
    ]);
  });

  it('reads 主要责任单位 as the lead and 其他责任单位 as the rest, each item with its own', () => {
    expect(proseItems(
      '1．全县生产总值增长6%。', '主要责任单位：县发改局', '其他责任单位：县统计局、各乡镇',
      '2．一般公共预算收入增长5%。', '主要责任单位：县财政局', '其他责任单位：县税务局',
      '3．新增城镇就业3000人。', '主要责任单位：县人社局',
    )).toEqual([
      { units: ['*县发改局', '县统计局', '各乡镇'], leaders: [], deadline: undefined },
      { units: ['*县财政局', '县税务局'], leaders: [], deadline: undefined },
      { units: ['*县人社局'], leaders: [], deadline: undefined },
    ]);
  });

  it('reads labels written in 【】 without a colon: a line of one or several, or after the item’s last sentence', () => {
    expect(proseItems(
      '1．全区生产总值增长6%。', '【牵头单位】区发改局【配合单位】区统计局、各街道',
      '2．一般公共预算收入增长5%。', '【责任领导】李红梅', '【牵头单位】区财政局；【完成时限】2024年12月底前',
      '3．新增城镇就业1万人。【牵头单位】区人社局',
    )).toEqual([
      { units: ['*区发改局', '区统计局', '各街道'], leaders: [], deadline: undefined },
      { units: ['*区财政局'], leaders: ['李红梅'], deadline: '2024年12月底前' },
      { units: ['*区人社局'], leaders: [], deadline: undefined },
    ]);
  });

  it('reads a list of units that a paragraph break cuts after its 、 as one list', () => {
    expect(proseItems(
      '1．全区生产总值增长6%。', '牵头单位：区发改局、区财政局、', '区市场监管局、各街道',
      '2．新增就业1万人。', '牵头单位：区人社局',
      '3．完成老旧小区改造10个，', '惠及居民3000户。', '牵头单位：区住建局',
    )).toEqual([
      { units: ['*区发改局', '*区财政局', '*区市场监管局', '*各街道'], leaders: [], deadline: undefined },
      { units: ['*区人社局'], leaders: [], deadline: undefined },
      { units: ['*区住建局'], leaders: [], deadline: undefined },
    ]);
  });

  it('reads a page of prose tasks and a table of 民生实事 as its two lists, in page order, each item anchored', () => {
    const prose = [
      '1．全县生产总值增长7%。', '责任单位：县发改局（首位单位为牵头单位，下同）、县统计局', '2．严控一般性支出。', '责任单位：县财政局',
      '3．坚持集体学法。', '责任单位：县司法局',
    ].map((t) => `<p>　　${t}</p>`).join('');
    const row = (n: number, task: string, lead: string, co: string) => `<tr><td>${n}</td><td>${task}</td><td>${lead}</td><td>${co}</td></tr>`;
    const table = `<table border="1"><tr><td>序号</td><td>目标任务</td><td>牵头单位</td><td>配合单位</td></tr>${
      row(1, '新建改建农村公路30公里。', '县交通运输局', '各镇（街道）')}${row(2, '新增普惠性托育机构托位300个。', '县卫生健康局', '县教育局')}${
      row(3, '完成城镇老旧小区改造10个。', '县住建局', '武原街道')}</table>`;
    const page = `<html><head><title>某县关于印发2024年政府工作报告重点工作和民生实事项目责任分解的通知</title></head><body><div>
      <p>2024年政府工作报告重点工作责任分解</p>${prose}<p>2024年民生实事项目责任分解</p>${table}</div></body></html>`;
    const r = readNoticePage(doc(page), 'https://www.example.gov.cn/art/2024/3/7/art_1_1.html');
    expect(isRefusal(r.reading)).toBe(false);
    const lists = isRefusal(r.reading) ? [] : r.reading.lists;
    expect(lists.map((l) => [l.title, l.items.map((i) => [i.key, i.units[0]?.name])])).toEqual([
      ['2024年政府工作报告重点工作责任分解', [['1/1', '县发改局'], ['1/2', '县财政局'], ['1/3', '县司法局']]],
      ['2024年民生实事项目责任分解', [['2/1', '县交通运输局'], ['2/2', '县卫生健康局'], ['2/3', '县住建局']]],
    ]);
    expect([...r.anchors!.keys()]).toEqual(['1/1', '1/2', '1/3', '2/1', '2/2', '2/3']);
    expect([...r.anchors!].every(([key, a]) => a.key === key && a.nodes.length > 0)).toBe(true);
  });

  it('takes a table’s title from the line above it, not from the items closed by brackets before that', () => {
    const table = `<table border="1"><tr><td>序号</td><td>项目</td><td>牵头单位</td></tr><tr><td>1</td><td>新建农村公路30公里</td><td>县交通运输局</td></tr>
      <tr><td>2</td><td>新增托位300个</td><td>县卫健局</td></tr><tr><td>3</td><td>新建城市书房5家</td><td>县文旅局</td></tr></table>`;
    const r = readPage(page(`<p>1．全县生产总值增长7%。（县发改局牵头）</p><p>2．一般公共预算收入增长5%。（县财政局牵头）</p>
      <p>3．新增就业1万人。（县人社局牵头）</p><p><strong>2024年民生实事项目</strong></p>${table}`), URL_);
    expect(isRefusal(r) ? r.reason : r.lists.map((l) => [l.title, l.items.length])).toEqual([[undefined, 3], ['2024年民生实事项目', 3]]);
    // The items' sentences left open before their brackets, as some pages write them.
    const open = readPage(page(`<p>1．全县生产总值增长7%（县发改局牵头）</p><p>2．一般公共预算收入增长5%（县财政局牵头）</p>
      <p>3．新增就业1万人（县人社局牵头，各乡镇配合）</p><p><strong>2024年民生实事项目</strong></p>${table}`), URL_);
    expect(isRefusal(open) ? open.reason : open.lists.map((l) => [l.title, l.items.length])).toEqual([[undefined, 3], ['2024年民生实事项目', 3]]);
  });

  it('tells which family read each page', () => {
    for (const e of notices) {
      // The seed's old table layout has no header row: its rows read as prose lines, as the seed does.
      const want = e.file === 'gongshu-2024-2-table.html' ? 'prose-lines' : e.family;
      expect(readNoticePage(doc(read(e.file)), e.url).format, e.file).toBe(want);
    }
  });
});

describe('the seed notice and its old table layout', () => {
  const twinEntry = index.find((e) => e.file === 'gongshu-2024-2-table.html')!;
  const twin = expectedOf(twinEntry) as ExpectedNotice;
  const seed = readPage(readFileSync(SEED_PAGE, 'utf8'), SEED_URL);

  it('give the same 156 items, word for word: keys, texts, units and roles, leaders', () => {
    if (isRefusal(seed)) throw new Error(seed.reason);
    expect(seed.lists).toHaveLength(1);
    expect(seed.lists[0].items).toHaveLength(156);
    expect(seed.lists).toEqual(twin.lists);
  });

  it('are the same notice: 文号, issuer, title, year', () => {
    expect(seed).toMatchObject({ docNo: twin.docNo, issuer: twin.issuer, title: twin.title, year: twin.year, url: SEED_URL });
  });

  it('read the copy a reader sees: the hidden print copy adds no list', () => {
    // The seed page repeats its body in a display:none print copy.
    expect(readFileSync(SEED_PAGE, 'utf8')).toMatch(/display:none/);
    expect(!isRefusal(seed) && seed.lists.length).toBe(1);
  });
});

describe('rewritten markup, same notice', () => {
  const rewrites = fc.record<Rewrites>({
    wrappers: fc.boolean(), spans: fc.boolean(), spaces: fc.boolean(), breaks: fc.boolean(), widths: fc.boolean(),
  });
  // The portal is 2,000 links of chrome: a few runs say enough there.
  const runs = (e: FixtureEntry) => (e.file === 'gongshu-portal.html' ? 2 : e.file === 'gongshu-2024-2-table.html' ? 4 : 12);

  it.each(index.map((e) => [e.file, e] as const))('%s reads the same through wrappers, spans, spaces, <br> and widths, each item anchored', (_f, entry) => {
    const html = read(entry.file);
    const want = expectedOf(entry);
    fc.assert(
      fc.property(fc.integer(), rewrites, (seed, r) => {
        const page = doc(rewriteMarkup(html, seeded(seed), r));
        const { reading: got, anchors } = readNoticePage(page, entry.url);
        if ('refused' in want) expect(isRefusal(got)).toBe(true);
        else if (r.widths) expect(folded(got)).toEqual(folded(want));
        else expect(got).toEqual(want);
        if (isRefusal(got)) return;
        // The anchors survive the rewrite: every item found at its text, the overlays in its order.
        const items = got.lists.flatMap((l) => l.items);
        expect(items.filter((it) => !anchoredAtText(it, anchors!.get(it.key))).map((it) => it.key)).toEqual([]);
        expect(placeMarkers(page, items, anchors!).map((m) => m.getAttribute('data-duban-item'))).toEqual(items.map((it) => it.key));
      }),
      { numRuns: runs(entry) },
    );
  });
});

const page = (body: string, title = '关于印发2024年重点工作责任分解的通知') =>
  `<html><head><meta name="ArticleTitle" content="${title}"></head><body><div id="zoom">${body}</div></body></html>`;
const URL_ = 'https://www.example.gov.cn/art/2024/1/1/art_1.html';
const itemsOf = (r: NoticeReading) => (isRefusal(r) ? [] : r.lists.flatMap((l) => l.items));

describe('how a page writes its items', () => {
  it('reads a number in a cell of its own and the text in the next, as one item', () => {
    const r = readPage(page(`<table><tr><td colspan="2">一、李明区长牵头工作</td></tr>
      <tr><td>1.</td><td>甲任务。</td></tr><tr><td>2.</td><td>乙任务。</td></tr><tr><td>3.</td><td>丙任务。</td></tr>
      <tr><td>&nbsp;</td><td>牵头单位：区发改局</td></tr></table>`), URL_);
    expect(itemsOf(r).map((i) => [i.key, i.text, i.units, i.leaders])).toEqual([
      ['1', '甲任务。', [{ name: '区发改局', role: 'lead' }], ['李明']],
      ['2', '乙任务。', [{ name: '区发改局', role: 'lead' }], ['李明']],
      ['3', '丙任务。', [{ name: '区发改局', role: 'lead' }], ['李明']],
    ]);
  });

  it('reads items written as a numbered list (<ol>), numbering restarting in each section, their text without the drawn number', () => {
    const li = (text: string, unit: string) => `<li><p>${text}</p><p>牵头单位：${unit}</p></li>`;
    const r = readPage(page(`<p>一、稳增长</p><ol>${li('推进数字经济发展。', '区发改局')}${li('抓好项目建设。', '区住建局')}</ol>
      <p>二、惠民生</p><ol>${li('稳定就业。', '区人社局')}<li>办好民生实事。<br>牵头单位：区民政局</li></ol>`), URL_);
    expect(itemsOf(r).map((i) => [i.key, i.number, i.text, i.units.map((u) => u.name)])).toEqual([
      ['一、1.', 1, '推进数字经济发展。', ['区发改局']], ['一、2.', 2, '抓好项目建设。', ['区住建局']],
      ['二、1.', 1, '稳定就业。', ['区人社局']], ['二、2.', 2, '办好民生实事。', ['区民政局']],
    ]);
  });

  it('reads items numbered 1） under 一、 sections, and 1） points under 1. items as the item’s', () => {
    const r = readPage(page(`<p>一、经济发展</p><p>1）全区生产总值增长6%左右。</p><p>牵头单位：区发改局</p>
      <p>2）一般公共预算收入增长5%。</p><p>牵头单位：区财政局</p><p>二、城市建设</p><p>3）推进城市更新。</p><p>牵头单位：区住建局；配合单位：各街道</p>`), URL_);
    expect(itemsOf(r).map((i) => [i.key, i.section, i.text, i.units.map((u) => u.name)])).toEqual([
      ['1', '一、经济发展', '全区生产总值增长6%左右。', ['区发改局']], ['2', '一、经济发展', '一般公共预算收入增长5%。', ['区财政局']],
      ['3', '二、城市建设', '推进城市更新。', ['区住建局', '各街道']],
    ]);
    const points = readPage(page(`<p>1.甲任务：</p><p>1）子项一；</p><p>2）子项二。</p><p>牵头单位：区发改局</p>
      <p>2.乙任务。</p><p>牵头单位：区财政局</p><p>3.丙任务。</p><p>牵头单位：区教育局</p>`), URL_);
    expect(itemsOf(points).map((i) => [i.key, i.text])).toEqual([['1', '甲任务：\n1）子项一；\n2）子项二。'], ['2', '乙任务。'], ['3', '丙任务。']]);
  });

  it('reads the items of each section at their own level: （一） tasks under 一、, then 1. 民生实事 under 二、', () => {
    for (const [how, resp] of [['closed by brackets', (u: string) => `（${u}牵头）</p>`], ['with labelled lines', (u: string) => `</p><p>牵头单位：${u}</p>`]] as const) {
      const r = readPage(page(`<p>一、重点工作</p><p>（一）全县生产总值增长7%。${resp('县发改局')}<p>（二）一般公共预算收入增长5%。${resp('县财政局')}
        <p>（三）新增就业1万人。${resp('县人社局')}<p>二、民生实事</p><p>1．新建农村公路30公里。${resp('县交通运输局')}
        <p>2．新增托位300个。${resp('县卫健局')}<p>3．新建城市书房5家。${resp('县文旅局')}`), URL_);
      expect(itemsOf(r).map((i) => [i.number, i.section, i.text, i.units.map((u) => u.name)]), how).toEqual([
        [1, '一、重点工作', '全县生产总值增长7%。', ['县发改局']], [2, '一、重点工作', '一般公共预算收入增长5%。', ['县财政局']],
        [3, '一、重点工作', '新增就业1万人。', ['县人社局']], [1, '二、民生实事', '新建农村公路30公里。', ['县交通运输局']],
        [2, '二、民生实事', '新增托位300个。', ['县卫健局']], [3, '二、民生实事', '新建城市书房5家。', ['县文旅局']],
      ]);
      expect(new Set(itemsOf(r).map((i) => i.key)).size, how).toBe(6);
    }
    // Points (（1）) naming their units under some items, the others naming their own: every one, in one list.
    const points = readPage(page(`<p>1．推进乡村振兴。</p><p>（1）建设示范村5个。</p><p>牵头单位：县农业农村局</p>
      <p>（2）新增高标准农田1万亩。</p><p>牵头单位：县自然资源局</p><p>2．新增就业1万人。</p><p>牵头单位：县人社局</p>
      <p>3．推进城市更新。</p><p>（1）改造老旧小区12个。</p><p>牵头单位：县住建局</p><p>（2）新建公园2个。</p><p>牵头单位：县城管局</p>
      <p>4．新增托位300个。</p><p>牵头单位：县卫健局</p>`), URL_);
    expect(isRefusal(points) ? points.reason : points.lists.map((l) => l.items.map((i) => [i.key, i.text]))).toEqual([[
      ['一、1.', '建设示范村5个。'], ['一、2.', '新增高标准农田1万亩。'], ['2', '新增就业1万人。'],
      ['三、1.', '改造老旧小区12个。'], ['三、2.', '新建公园2个。'], ['4', '新增托位300个。'],
    ]]);
  });

  it('reads an item numbered at the points’ level by mistake (（3） among 1. 2. 4.) as the item it is, not as a point of the one before', () => {
    for (const [how, resp] of [['with labelled lines', (u: string) => `</p><p>牵头单位：${u}</p>`], ['closed by brackets', (u: string) => `（${u}牵头）</p>`]] as const) {
      const r = readPage(page(`<p>一、经济发展</p><p>1.全区生产总值增长6%左右。${resp('区发改局')}<p>2.固定资产投资增长5%。${resp('区住建局')}
        <p>（3）社会消费品零售总额增长6%。${resp('区商务局')}<p>4.一般公共预算收入增长5%。${resp('区财政局')}`), URL_);
      expect(itemsOf(r).map((i) => [i.key, i.text, i.units.map((u) => u.name)]), how).toEqual([
        ['1', '全区生产总值增长6%左右。', ['区发改局']], ['2', '固定资产投资增长5%。', ['区住建局']],
        ['3', '社会消费品零售总额增长6%。', ['区商务局']], ['4', '一般公共预算收入增长5%。', ['区财政局']],
      ]);
    }
    // Points of an item after its own labelled line, numbered from （1）: still its text, whatever their numbers.
    const points = readPage(page(`<p>1.推进重点项目建设。</p><p>牵头单位：区发改局</p><p>（1）项目甲。</p><p>（2）项目乙。</p>
      <p>2.新增就业1万人。</p><p>牵头单位：区人社局</p><p>3.新建城市书房5家。</p><p>牵头单位：区文旅局</p>`), URL_);
    expect(itemsOf(points).map((i) => i.key)).toEqual(['1', '2', '3']);
  });

  it('reads a bracket of unit names alone closing each item as its units where the page says so (括号内为牵头单位), or on a breakdown where most items close so', () => {
    const items = `<p>1.全区生产总值增长6%左右。（区发改局、区统计局）</p><p>2.固定资产投资增长5%。（区发改局）</p>
      <p>3.推进城市更新，实施老旧小区改造10个（含加装电梯）。（区住建局、各街道）</p><p>4.新增就业1万人。（区人社局）</p>`;
    const stated = readPage(page(`<p>各街道、区政府各部门：现将责任分解印发给你们。各项工作后括号内为牵头单位，列第一位的为总牵头单位。</p>${items}`), URL_);
    expect(itemsOf(stated).map((i) => [i.key, i.text, i.units.map((u) => `${u.name}:${u.role}`)])).toEqual([
      ['1', '全区生产总值增长6%左右。', ['区发改局:lead', '区统计局:co']], ['2', '固定资产投资增长5%。', ['区发改局:lead']],
      ['3', '推进城市更新，实施老旧小区改造10个（含加装电梯）。', ['区住建局:lead', '各街道:co']], ['4', '新增就业1万人。', ['区人社局:lead']],
    ]);
    // 主要责任单位, as a labelled line reads it, leads.
    const main = readPage(page(`<p>（括号内为主要责任单位）</p>${items}`), URL_);
    expect(itemsOf(main).map((i) => i.units.map((u) => `${u.name}:${u.role}`))).toEqual([['区发改局:lead', '区统计局:lead'], ['区发改局:lead'], ['区住建局:lead', '各街道:lead'], ['区人社局:lead']]);
    const responsible = readPage(page(`<p>（括号内为责任单位）</p>${items}`), URL_);
    expect(itemsOf(responsible).map((i) => i.units.map((u) => u.name))).toEqual([['区发改局', '区统计局'], ['区发改局'], ['区住建局', '各街道'], ['区人社局']]);
    // Unsaid, on a page titled a breakdown, where most items close so: the units answering for each,
    // none leading (no rule says who); 含加装电梯 stays the item's text.
    expect(itemsOf(readPage(page(items), URL_)).map((i) => [i.text, i.units.map((u) => `${u.name}:${u.role}`)])).toEqual([
      ['全区生产总值增长6%左右。', ['区发改局:co', '区统计局:co']], ['固定资产投资增长5%。', ['区发改局:co']],
      ['推进城市更新，实施老旧小区改造10个（含加装电梯）。', ['区住建局:co', '各街道:co']], ['新增就业1万人。', ['区人社局:co']],
    ]);
    // Unsaid elsewhere, a bracket of names is no responsibility: a page not titled a breakdown
    // (a list of measures, of projects), or one where they close only a few of its items.
    expect(isRefusal(readPage(page(items, '关于进一步优化营商环境的若干措施'), URL_))).toBe(true);
    const few = `${items}<p>5.优化审批流程。</p><p>6.推进数字政府建设。</p><p>7.加强安全生产。</p><p>8.做好防汛工作。</p><p>9.深化改革。</p>`;
    expect(isRefusal(readPage(page(few), URL_))).toBe(true);
    // Said, a bracket that names no unit is still the item's text.
    const remark = readPage(page(`<p>括号内为牵头单位。</p>${items.replace('<p>4.', '<p>4.新建公园2个（市下达指标）。</p><p>5.')}`), URL_);
    expect(itemsOf(remark).map((i) => [i.key, i.text, i.units.length])).toContainEqual(['4', '新建公园2个（市下达指标）。', 0]);
  });

  it('keeps an item’s (1) points in its text and takes its bracket after them', () => {
    const r = readPage(page(`<p>1.甲任务：</p><p>（1）子项一；</p><p>（2）子项二。（区发改局牵头，区财政局配合）</p>
      <p>2.乙任务。（区财政局负责）</p><p>3.丙任务。（区教育局牵头）</p>`), URL_);
    expect(itemsOf(r).map((i) => [i.key, i.text, i.units.map((u) => `${u.name}:${u.role}`)])).toEqual([
      ['1', '甲任务：\n（1）子项一；\n（2）子项二。', ['区发改局:lead', '区财政局:co']],
      ['2', '乙任务。', ['区财政局:co']],
      ['3', '丙任务。', ['区教育局:lead']],
    ]);
  });

  it('reads a unit marked （牵头） after its name as the lead, in a bracket, a labelled line and a cell', () => {
    const r = readPage(page(`<p>1．实施污水零直排区建设。（县住建局（牵头）、县生态环境分局、各乡镇）</p>
      <p>2．推进乡村振兴示范带建设。（责任单位：县农业农村局（牵头），县自然资源局；完成时限：三季度末）</p>
      <p>3．新建城市书房5家。（县文旅局牵头，各乡镇配合）</p>`), URL_);
    expect(itemsOf(r).map((i) => [i.text, i.units.map((u) => `${u.name}:${u.role}`)])).toEqual([
      ['实施污水零直排区建设。', ['县住建局:lead', '县生态环境分局:co', '各乡镇:co']],
      ['推进乡村振兴示范带建设。', ['县农业农村局:lead', '县自然资源局:co']],
      ['新建城市书房5家。', ['县文旅局:lead', '各乡镇:co']],
    ]);
    const lines = readPage(page(`<p>1．甲任务。</p><p>责任部门：县住建局（牵头）、县生态环境分局</p><p>2．乙任务。</p><p>责任部门：县财政局</p>
      <p>3．丙任务。</p><p>责任部门：县人社局、县教育局(牵头)</p>`), URL_);
    expect(itemsOf(lines).map((i) => i.units.map((u) => `${u.name}:${u.role}`))).toEqual([
      ['县住建局:lead', '县生态环境分局:co'], ['县财政局:co'], ['县人社局:co', '县教育局:lead'],
    ]);
  });

  it('joins a line broken by <br> unless the break starts a number or a label', () => {
    const r = readPage(page(`<p>1.完成老旧小区<br>改造10个。<br>责任单位：区住建局、<br>各街道</p>
      <p>2.新增托位<br>300个。<br>责任单位：区卫健局</p><p>3.新建公园2个。<br>责任单位：区城管局</p>`), URL_);
    expect(itemsOf(r).map((i) => [i.text, i.units.map((u) => u.name)])).toEqual([
      ['完成老旧小区改造10个。', ['区住建局', '各街道']],
      ['新增托位300个。', ['区卫健局']],
      ['新建公园2个。', ['区城管局']],
    ]);
  });

  it('reads a leader labelled by post (分管副区长：) on a line or in a column of that name', () => {
    const r = readPage(page(`<p>1．完成老旧小区改造12个。</p><p>分管副区长：周明</p><p>牵头单位：区住建局</p>
      <p>2．新建城市书房5家。</p><p>联系副区长：吴刚；牵头单位：区文旅局</p><p>3．新增托位300个。</p><p>牵头单位：区卫健局</p>`), URL_);
    expect(itemsOf(r).map((i) => [i.text, i.leaders, i.units.map((u) => u.name)])).toEqual([
      ['完成老旧小区改造12个。', ['周明'], ['区住建局']], ['新建城市书房5家。', ['吴刚'], ['区文旅局']], ['新增托位300个。', [], ['区卫健局']],
    ]);
    const t = readPage(page(`<table><tr><td>序号</td><td>重点工作</td><td>分管副市长</td><td>牵头单位</td></tr>
      <tr><td>1</td><td>甲任务。</td><td>周明</td><td>市住建局</td></tr><tr><td>2</td><td>乙任务。</td><td>吴刚</td><td>市文旅局</td></tr>
      <tr><td>3</td><td>丙任务。</td><td>吴刚</td><td>市卫健委</td></tr></table>`), URL_);
    expect(itemsOf(t).map((i) => [i.leaders, i.units.map((u) => u.name)])).toEqual([[['周明'], ['市住建局']], [['吴刚'], ['市文旅局']], [['吴刚'], ['市卫健委']]]);
  });

  it('reads leaders a space sets apart (as Word pastes them) as several, on a labelled line and in a leader cell; a padded name or a post before its person stays one', () => {
    const r = readPage(page(`<p>1．全区生产总值增长6%。</p><p>责任领导：王宏　李四</p><p>牵头单位：区发改局</p>
      <p>2．新增就业1万人。</p><p>牵头区领导：王宏副区长&nbsp;&nbsp;李四副区长　　责任单位：区人社局</p>
      <p>3．新建公园2个。</p><p>责任领导：王　丹</p><p>牵头单位：区城管局</p>
      <p>4．新增托位300个。</p><p>责任领导：区政府办公室主任　李明</p><p>牵头单位：区卫健局</p>
      <p>5．新建驿站10个。</p><p>责任领导：王宏　王　丹</p><p>牵头单位：区总工会</p>
      <p>6．新建球场5个。</p><p>责任领导：王　丹　李四</p><p>牵头单位：区体育局</p>`), URL_);
    expect(itemsOf(r).map((i) => [i.leaders, i.units.map((u) => u.name)])).toEqual([
      [['王宏', '李四'], ['区发改局']], [['王宏', '李四'], ['区人社局']], [['王丹'], ['区城管局']], [['李明'], ['区卫健局']],
      [['王宏', '王丹'], ['区总工会']], [['王丹', '李四'], ['区体育局']],
    ]);
    const t = readPage(page(`<table><tr><td>序号</td><td>重点工作</td><td>牵头领导</td><td>牵头单位</td></tr>
      <tr><td>1</td><td>甲任务。</td><td>王宏 李四</td><td>市住建局</td></tr><tr><td>2</td><td>乙任务。</td><td>王宏副市长　李四副市长</td><td>市文旅局</td></tr>
      <tr><td>3</td><td>丙任务。</td><td>王　丹</td><td>市卫健委</td></tr></table>`), URL_);
    expect(itemsOf(t).map((i) => i.leaders)).toEqual([['王宏', '李四'], ['王宏', '李四'], ['王丹']]);
  });

  it('reads leaders a space sets apart in a heading (王宏　李四副市长牵头): numbered, an unnumbered line, a group row across a table', () => {
    const item = (n: number, unit: string) => `<p>${n}．推进工作${n}。</p><p>牵头单位：${unit}</p>`;
    const numbered = readPage(page(`<p>一、王宏　李四副市长牵头</p>${item(1, '区发改局')}${item(2, '区财政局')}<p>二、赵六区长助理牵头</p>${item(1, '区商务局')}`), URL_);
    expect(itemsOf(numbered).map((i) => [i.key, i.leaders])).toEqual([['一、1.', ['王宏', '李四']], ['一、2.', ['王宏', '李四']], ['二、1.', ['赵六']]]);
    const unnumbered = readPage(page(`<p>王宏副县长　李四副县长牵头重点工作</p>${item(1, '县发改局')}${item(2, '县财政局')}${item(3, '县商务局')}`), URL_);
    expect(itemsOf(unnumbered).map((i) => i.leaders)).toEqual([['王宏', '李四'], ['王宏', '李四'], ['王宏', '李四']]);
    const row = (n: number, unit: string) => `<tr><td>${n}</td><td>推进工作${n}。</td><td>${unit}</td></tr>`;
    const table = readPage(page(`<table><tr><td>序号</td><td>重点工作</td><td>牵头单位</td></tr><tr><td colspan="3">（一）王宏　李四副市长牵头</td></tr>
      ${row(1, '市发改委')}${row(2, '市财政局')}${row(3, '市商务局')}</table>`), URL_);
    expect(itemsOf(table).map((i) => i.leaders)).toEqual([['王宏', '李四'], ['王宏', '李四'], ['王宏', '李四']]);
    // A padded name stays one, and so does a name padded from its post or inside it.
    for (const heading of ['王　丹副市长牵头', '于会游　市长主抓重点工作', '于会游市　　长主抓重点工作', '于会　游市长主抓重点工作']) {
      const padded = readPage(page(`<p>一、${heading}</p>${item(1, '区发改局')}${item(2, '区财政局')}${item(3, '区商务局')}`), URL_);
      expect(itemsOf(padded).map((i) => i.leaders), heading).toEqual(Array(3).fill([heading.startsWith('王') ? '王丹' : '于会游']));
    }
    // On a labelled line too.
    const line = readPage(page(`<p>1．推进工作1。</p><p>责任领导：王宏副　市长</p><p>牵头单位：区发改局</p><p>2．推进工作2。</p><p>责任领导：于会游市　长</p><p>牵头单位：区财政局</p>
      <p>3．推进工作3。</p><p>责任领导：黄飞常务　副区长</p><p>牵头单位：区商务局</p>`), URL_);
    expect(itemsOf(line).map((i) => i.leaders)).toEqual([['王宏'], ['于会游'], ['黄飞']]);
  });

  it('reads a leader labelled by how they answer for the item (领衔领导：, 挂钩领导：, 包抓责任领导：), not as the item’s text', () => {
    const r = readPage(page(`<p>1．完成老旧小区改造12个。</p><p>领衔领导：周明</p><p>牵头单位：区住建局</p>
      <p>2．新建城市书房5家。</p><p>挂钩区领导：吴刚；牵头单位：区文旅局</p><p>3．新增托位300个。</p><p>包抓责任领导：王宏</p><p>牵头单位：区卫健局</p>
      <p>4．新建公园2个。</p><p>包保领导：李四</p><p>牵头单位：区城管局</p>`), URL_);
    expect(itemsOf(r).map((i) => [i.text, i.leaders, i.units.map((u) => u.name)])).toEqual([
      ['完成老旧小区改造12个。', ['周明'], ['区住建局']], ['新建城市书房5家。', ['吴刚'], ['区文旅局']],
      ['新增托位300个。', ['王宏'], ['区卫健局']], ['新建公园2个。', ['李四'], ['区城管局']],
    ]);
  });

  it('reads a leader labelled by level (牵头县级领导：, 包抓县级领导：, 县级包抓领导：, 市级领导：) or as 包联领导, 主管领导', () => {
    const labels = ['牵头县级领导', '包抓县级领导', '县级包抓领导', '市级领导', '包联领导', '主管领导'];
    const r = readPage(page(labels.map((label, i) => `<p>${i + 1}．任务${i + 1}。</p><p>${label}：王宏</p><p>牵头单位：区住建局</p>`).join('')), URL_);
    expect(itemsOf(r).map((i) => [i.text, i.leaders, i.units.map((u) => u.name)])).toEqual(
      labels.map((_l, i) => [`任务${i + 1}。`, ['王宏'], ['区住建局']]),
    );
  });

  it('reads a department\'s own breakdown, its divisions labelled 牵头处室, 配合处室, 责任科室, and a 民生实事 list\'s 责任主体', () => {
    const r = readPage(page(`<p>1.抓好重大项目建设。</p><p>牵头处室：重点项目处；配合处室：投资处、综合处</p><p>2.推进营商环境优化。</p><p>责任处室：体改处</p>
      <p>3.推进数据统计。</p><p>责任科室：综合科　统计科</p><p>4.新建城市书房5家。</p><p>责任主体：区文旅局</p>`), URL_);
    expect(itemsOf(r).map((i) => [i.text, i.units.map((u) => `${u.name}:${u.role}`)])).toEqual([
      ['抓好重大项目建设。', ['重点项目处:lead', '投资处:co', '综合处:co']],
      ['推进营商环境优化。', ['体改处:co']],
      ['推进数据统计。', ['综合科:co', '统计科:co']],
      ['新建城市书房5家。', ['区文旅局:co']],
    ]);
    const t = readPage(page(`<table><tr><td>序号</td><td>重点任务</td><td>牵头处室</td><td>配合处室</td></tr>
      <tr><td>1</td><td>甲任务。</td><td>投资处</td><td>综合处</td></tr><tr><td>2</td><td>乙任务。</td><td>价格处</td><td>法规处</td></tr>
      <tr><td>3</td><td>丙任务。</td><td>体改处</td><td>综合处</td></tr></table>`), URL_);
    expect(itemsOf(t).map((i) => i.units.map((u) => `${u.name}:${u.role}`))).toEqual([['投资处:lead', '综合处:co'], ['价格处:lead', '法规处:co'], ['体改处:lead', '综合处:co']]);
  });

  it('reads the officials who work with the lead (协同市领导：, as Beijing\'s 分工方案 writes them) as the item\'s leaders too, after the lead', () => {
    const r = readPage(page(`<p>1.地区生产总值增长6.5%左右。</p><p>牵头市领导：常务副市长张工</p><p>主责单位：市发展改革委、各区政府</p>
      <p>2.一般公共预算收入增长6.5%。</p><p>牵头市领导：副市长王五</p><p>协同市领导：副市长李四、副市长赵六</p><p>主责单位：市财政局</p>
      <p>3.城镇登记失业率控制在4%以内。</p><p>牵头市领导：副市长赵六</p><p>主责单位：市人力社保局</p>`), URL_);
    expect(itemsOf(r).map((i) => [i.text, i.leaders, i.units.map((u) => `${u.name}:${u.role}`)])).toEqual([
      ['地区生产总值增长6.5%左右。', ['张工'], ['市发展改革委:lead', '各区政府:lead']],
      ['一般公共预算收入增长6.5%。', ['王五', '李四', '赵六'], ['市财政局:lead']],
      ['城镇登记失业率控制在4%以内。', ['赵六'], ['市人力社保局:lead']],
    ]);
  });

  it('reads a label on the item’s own line, after its last sentence', () => {
    const r = readPage(page(`<p>1.新建公园2个。责任单位：区城管局、各街道</p><p>2.新增托位300个。牵头单位：区卫健局；配合单位：区教育局</p>
      <p>3.完成老旧小区改造10个，惠及居民2000户。</p><p>责任单位：区住建局</p>`), URL_);
    expect(itemsOf(r).map((i) => [i.text, i.units.map((u) => `${u.name}:${u.role}`)])).toEqual([
      ['新建公园2个。', ['区城管局:co', '各街道:co']],
      ['新增托位300个。', ['区卫健局:lead', '区教育局:co']],
      ['完成老旧小区改造10个，惠及居民2000户。', ['区住建局:co']],
    ]);
  });

  it.each([
    ['set off by spaces only', '&nbsp;&nbsp;&nbsp;&nbsp;'], ['set off by U+3000', '　　'], ['after a ；', '；'],
  ])('reads a label on the item’s own line %s, the sentence unclosed', (_how, sep) => {
    const r = readPage(page(`<div class="TRS_Editor"><p style="text-indent:2em">1．全区生产总值增长6%左右${sep}牵头单位：区发改局</p>
      <p>2．一般公共预算收入增长5%${sep}牵头单位：区财政局${sep}配合单位：区税务局</p><p>3．新增城镇就业1万人${sep}责任单位：区人社局、各街道</p></div>`), URL_);
    expect(itemsOf(r).map((i) => [i.text, i.units.map((u) => `${u.name}:${u.role}`)])).toEqual([
      ['全区生产总值增长6%左右', ['区发改局:lead']], ['一般公共预算收入增长5%', ['区财政局:lead', '区税务局:co']], ['新增城镇就业1万人', ['区人社局:co', '各街道:co']],
    ]);
  });

  it('reads an item closed by its own bracket among items with labelled lines: its units, not the next item’s', () => {
    const r = readNoticePage(doc(page(`<p>1．全区生产总值增长6%。</p><p>牵头单位：区发改局</p>
      <p>2．新增城镇就业1万人。（区人社局牵头，各街道配合）</p>
      <p>3．完成老旧小区改造12个。</p><p>牵头单位：区住建局</p><p>4．新建城市书房5家。</p><p>牵头单位：区文旅局</p>`)), URL_);
    expect(r.format).toBe('prose-lines');
    expect(itemsOf(r.reading).map((i) => [i.key, i.text, i.units.map((u) => `${u.name}:${u.role}`)])).toEqual([
      ['1', '全区生产总值增长6%。', ['区发改局:lead']], ['2', '新增城镇就业1万人。', ['区人社局:lead', '各街道:co']],
      ['3', '完成老旧小区改造12个。', ['区住建局:lead']], ['4', '新建城市书房5家。', ['区文旅局:lead']],
    ]);
  });

  it('takes no label from the middle of an item’s sentence', () => {
    const r = readPage(page(`<p>1．甲任务，明确各责任单位：分工。</p><p>牵头单位：区发改局</p><p>2．乙任务。</p><p>牵头单位：区财政局</p>
      <p>3．丙任务。</p><p>牵头单位：区教育局</p>`), URL_);
    expect(itemsOf(r).map((i) => [i.text, i.units.map((u) => u.name)])).toEqual([
      ['甲任务，明确各责任单位：分工。', ['区发改局']], ['乙任务。', ['区财政局']], ['丙任务。', ['区教育局']],
    ]);
  });

  it('refuses items each followed by what was done (完成情况：, 落实情况：) as a report on the tasks’ progress, whatever the title', () => {
    for (const label of ['完成情况', '落实情况', '进展情况', '推进情况']) {
      const r = readPage(page(`<p>一、冯晶区长牵头工作</p>
        <p>1．地区生产总值增长6%。</p><p>牵头单位：区发改经信局</p><p>${label}：全年增长6.2%，已完成。</p>
        <p>2．一般公共预算收入与经济增长同步。</p><p>牵头单位：区财政局</p><p>${label}：完成年度目标的102%。</p>
        <p>3．新增就业3万人。</p><p>牵头单位：区人力社保局</p><p>${label}：新增就业3.2万人，已完成。</p>`), URL_);
      expect(r, label).toMatchObject({ refused: true, report: true });
    }
  });

  it('refuses items under a heading naming them lagging (进度滞后的事项) as a report on the tasks’ progress', () => {
    const r = readPage(page(`<p>一、总体情况</p><p>156项重点工作中，进度滞后12项。</p><p>二、进度滞后的事项</p>
      <p>1．城北净水厂投用进度滞后。</p><p>责任单位：区住建局</p><p>2．电力设施项目尚未开工。</p><p>责任单位：区发改经信局</p>
      <p>3．老旧小区改造开工率不足60%。</p><p>责任单位：区住建局、各街道办事处</p>`), URL_);
    expect(r).toMatchObject({ refused: true, report: true });
  });

  it('reads a breakdown that asks for its progress: 完成时限 lines, 工作进度 and 进度滞后的事项 in its requirements', () => {
    const r = readPage(page(`<p>各牵头单位要于每季度末报送工作进度，落实情况：按月报送区政府督查室。</p>
      <p>一、冯晶区长牵头工作</p>
      <p>1．地区生产总值增长6%。</p><p>牵头单位：区发改经信局</p><p>完成时限：12月底前</p>
      <p>2．一般公共预算收入与经济增长同步。</p><p>牵头单位：区财政局</p><p>完成时限：年内</p>
      <p>3．新增就业3万人。</p><p>牵头单位：区人力社保局</p><p>完成时限：年内持续推进</p>
      <p>二、工作要求</p><p>区政府督查室要加强督查，对进度滞后的事项及时通报，确保完成情况：按季度公开。</p>`), URL_);
    expect(itemsOf(r).map((i) => [i.key, i.units.map((u) => u.name), i.deadline])).toEqual([
      ['1', ['区发改经信局'], '12月底前'], ['2', ['区财政局'], '年内'], ['3', ['区人力社保局'], '年内持续推进'],
    ]);
  });

  it('keeps a name whose last word a space sets off and a <br> cuts (各街道　办事<br>处) one name', () => {
    const r = readPage(page(`<p>1.新建公园2个。</p><p>责任单位：区民政局、各街道　办事<br>处</p><p>2.新增托位300个。</p><p>责任单位：区卫健局　区教育局</p>
      <p>3.新建城市书房5家。</p><p>责任单位：台州湾产业集聚区　管委<br>会</p>`), URL_);
    expect(itemsOf(r).map((i) => i.units.map((u) => u.name))).toEqual([['区民政局', '各街道办事处'], ['区卫健局', '区教育局'], ['台州湾产业集聚区管委会']]);
  });

  it('reads a label whose colon is the ratio sign ∶ some documents type for one (牵头单位∶), in lines and brackets', () => {
    const r = readPage(page(`<p>1.新建公园2个。</p><p>牵头单位∶区城管局；配合单位∶各街道</p><p>2.新增托位300个。（牵头单位∶区卫健局）</p>
      <p>3.新建城市书房5家。</p><p>责任领导∶王五　牵头单位∶区文旅局</p><p>4.绘制1∶500地形图。</p><p>牵头单位∶区规划分局</p>`), URL_);
    expect(itemsOf(r).map((i) => [i.text, i.units.map((u) => `${u.name}:${u.role}`), i.leaders])).toEqual([
      ['新建公园2个。', ['区城管局:lead', '各街道:co'], []], ['新增托位300个。', ['区卫健局:lead'], []],
      ['新建城市书房5家。', ['区文旅局:lead'], ['王五']], ['绘制1∶500地形图。', ['区规划分局:lead'], []],
    ]);
  });

  it('reads labels in one word (牵头：, 配合：, 责任：) in lines and brackets alike', () => {
    const r = readPage(page(`<p>1.新建公园2个。</p><p>牵头：区城管局；配合：各街道</p><p>2.新增托位300个。（牵头：区卫健局；配合：区教育局）</p>
      <p>3.新建城市书房5家。</p><p>责任：区文旅局</p>`), URL_);
    expect(itemsOf(r).map((i) => [i.text, i.units.map((u) => `${u.name}:${u.role}`)])).toEqual([
      ['新建公园2个。', ['区城管局:lead', '各街道:co']], ['新增托位300个。', ['区卫健局:lead', '区教育局:co']], ['新建城市书房5家。', ['区文旅局:co']],
    ]);
  });

  it('reads a label stating the lead rule in a bracket before its colon (责任单位（列第一位的为牵头单位）：)', () => {
    const r = readPage(page(`<p>1.新建公园2个。</p><p>责任单位（列第一位的为牵头单位）：区城管局、各街道</p>
      <p>2.新增托位300个。</p><p>责任单位(排名第一的为牵头单位)：区卫健局、区教育局</p>
      <p>3.新建城市书房5家。</p><p>责任单位（列第一位的为牵头单位）：区文旅局</p>`), URL_);
    expect(itemsOf(r).map((i) => [i.text, i.units.map((u) => `${u.name}:${u.role}`)])).toEqual([
      ['新建公园2个。', ['区城管局:lead', '各街道:co']], ['新增托位300个。', ['区卫健局:lead', '区教育局:co']], ['新建城市书房5家。', ['区文旅局:lead']],
    ]);
  });

  it('reads a line after items saying who leads them all (以上工作由…牵头) as theirs, and not as an item\'s text', () => {
    const r = readPage(page(`<p>一、城市建设</p><p>1.新建公园2个。</p><p>2.新增绿道10公里。</p><p>以上工作由区城管局牵头，各街道配合。</p>
      <p>3.新增托位300个。</p><p>牵头单位：区卫健局</p><p>4.新建城市书房5家。</p><p>5.新建文化驿站3个。</p><p>以上2项任务均由区文旅局负责。</p>
      <p>二、民生保障</p><p>6.新增就业3万人。</p><p>牵头单位：区人力社保局</p>`), URL_);
    expect(itemsOf(r).map((i) => [i.key, i.text, i.units.map((u) => `${u.name}:${u.role}`)])).toEqual([
      ['1', '新建公园2个。', ['区城管局:lead', '各街道:co']],
      ['2', '新增绿道10公里。', ['区城管局:lead', '各街道:co']],
      ['3', '新增托位300个。', ['区卫健局:lead']],
      ['4', '新建城市书房5家。', ['区文旅局:co']],
      ['5', '新建文化驿站3个。', ['区文旅局:co']],
      ['6', '新增就业3万人。', ['区人力社保局:lead']],
    ]);
  });

  it('reads items numbered in one character (① ⑴ ⒈), and points ① ② inside items as their text', () => {
    const items = (mark: (n: number) => string) =>
      ['新建公园2个。', '新增托位300个。', '新建城市书房5家。'].map((t, i) => `<p>${mark(i + 1)}${t}</p><p>牵头单位：区${'城卫文'[i]}局</p>`).join('');
    for (const first of [0x2460, 0x2474, 0x2488]) {
      const r = readPage(page(items((n) => String.fromCharCode(first + n - 1))), URL_);
      expect(itemsOf(r).map((i) => [i.key, i.text, i.units.map((u) => u.name)]), first.toString(16)).toEqual([
        ['1', '新建公园2个。', ['区城局']], ['2', '新增托位300个。', ['区卫局']], ['3', '新建城市书房5家。', ['区文局']],
      ]);
    }
    const points = readPage(page(`<p>1.推进城市更新。</p><p>①新建公园2个；</p><p>②完成老旧小区改造10个。</p><p>牵头单位：区住建局</p>
      <p>2.新增托位300个。</p><p>牵头单位：区卫健局</p><p>3.新建城市书房5家。</p><p>牵头单位：区文旅局</p>`), URL_);
    expect(itemsOf(points).map((i) => [i.key, i.text])).toEqual([
      ['1', '推进城市更新。\n①新建公园2个；\n②完成老旧小区改造10个。'], ['2', '新增托位300个。'], ['3', '新建城市书房5家。'],
    ]);
  });

  it('reads a deadline labelled with what is asked of it (时限要求：, 完成时限要求：, 时间要求：)', () => {
    const r = readPage(page(`<p>1．新建公园2个。</p><p>牵头单位：区城管局</p><p>时限要求：2024年6月底前</p>
      <p>2．新增托位300个。</p><p>牵头单位：区卫健局</p><p>完成时限要求：年底前</p>
      <p>3．新建城市书房5家。</p><p>牵头单位：区文旅局；时间要求：9月底前</p>`), URL_);
    expect(itemsOf(r).map((i) => [i.text, i.units.map((u) => u.name), i.deadline])).toEqual([
      ['新建公园2个。', ['区城管局'], '2024年6月底前'], ['新增托位300个。', ['区卫健局'], '年底前'], ['新建城市书房5家。', ['区文旅局'], '9月底前'],
    ]);
  });

  it('reads 完成时间节点：, 完成节点：, 办结时限： as deadlines and 牵头负责单位：, 牵头实施单位： as the lead', () => {
    const r = readPage(page(`<p>1．新建公园2个。</p><p>牵头负责单位：区城管局</p><p>完成时间节点：2024年6月底前</p>
      <p>2．新增托位300个。</p><p>牵头实施单位：区卫健局；配合单位：各街道</p><p>完成节点：年底前</p>
      <p>3．新建城市书房5家。</p><p>牵头单位：区文旅局</p><p>办结时限：9月底前</p>`), URL_);
    expect(itemsOf(r).map((i) => [i.text, i.units.map((u) => `${u.name}:${u.role}`), i.deadline])).toEqual([
      ['新建公园2个。', ['区城管局:lead'], '2024年6月底前'], ['新增托位300个。', ['区卫健局:lead', '各街道:co'], '年底前'],
      ['新建城市书房5家。', ['区文旅局:lead'], '9月底前'],
    ]);
  });

  it('reads 协作单位： and 参加单位： as units working with the lead, 责任主体单位： and 实施主体： as units answering for the item, in lines and a table\'s header', () => {
    const r = readPage(page(`<p>1．新建公园2个。</p><p>牵头单位：区城管局；协作单位：各街道</p>
      <p>2．新增托位300个。</p><p>牵头单位：区卫健局；参加单位：区教育局</p>
      <p>3．新建城市书房5家。</p><p>责任主体单位：区文旅局</p><p>4．新增就业1万人。</p><p>实施主体：区人社局</p>`), URL_);
    expect(itemsOf(r).map((i) => i.units.map((u) => `${u.name}:${u.role}`))).toEqual([
      ['区城管局:lead', '各街道:co'], ['区卫健局:lead', '区教育局:co'], ['区文旅局:co'], ['区人社局:co'],
    ]);
    const t = readPage(page(`<table><tr><td>序号</td><td>工作任务</td><td>牵头单位</td><td>协作单位</td></tr>
      <tr><td>1</td><td>甲任务</td><td>区发改局</td><td>区统计局</td></tr><tr><td>2</td><td>乙任务</td><td>区财政局</td><td>区税务局</td></tr>
      <tr><td>3</td><td>丙任务</td><td>区教育局</td><td>各街道</td></tr></table>`), URL_);
    expect(itemsOf(t).map((i) => i.units.map((u) => `${u.name}:${u.role}`))).toEqual([['区发改局:lead', '区统计局:co'], ['区财政局:lead', '区税务局:co'], ['区教育局:lead', '各街道:co']]);
  });

  /** The page's lists: each its title, and its items' keys, sections and leaders. */
  const listsOf = (r: NoticeReading) =>
    isRefusal(r) ? r.reason : r.lists.map((l) => [l.title, l.items.map((i) => [i.key, i.section, i.leaders])]);
  const WANG = '王丹县长牵头重点工作';
  const LI = '李四副县长牵头重点工作';

  it.each([['on a line of its own', '</p><p>'], ['after its last sentence', '']])('reads unnumbered lines naming who leads as sections of one list: their items led by that official, keyed by the line’s place (each item’s 牵头单位 %s)', (_how, br) => {
    const r = readNoticePage(doc(page(`<p>2024年政府工作报告重点工作责任分解</p>
      <p><strong>${WANG}</strong></p>
      <p>1．全县生产总值增长7%。${br}牵头单位：县发改局</p><p>2．一般公共预算收入增长5%。${br}牵头单位：县财政局</p>
      <p><strong>${LI}</strong></p>
      <p>1．新增就业1万人。${br}牵头单位：县人社局</p><p>2．建成保障性住房500套。${br}牵头单位：县住建局</p>`)), URL_);
    expect(listsOf(r.reading)).toEqual([['2024年政府工作报告重点工作责任分解', [
      ['一、1.', WANG, ['王丹']], ['一、2.', WANG, ['王丹']], ['二、1.', LI, ['李四']], ['二、2.', LI, ['李四']],
    ]]]);
    expect(itemsOf(r.reading).map((i) => [i.text, i.units.map((u) => u.name)])).toEqual([
      ['全县生产总值增长7%。', ['县发改局']], ['一般公共预算收入增长5%。', ['县财政局']], ['新增就业1万人。', ['县人社局']], ['建成保障性住房500套。', ['县住建局']],
    ]);
    expect([...r.anchors!.keys()]).toEqual(['一、1.', '一、2.', '二、1.', '二、2.']);
  });

  it('still starts a new list at a list’s title after items under unnumbered leader lines, and keys by number where numbering runs on', () => {
    const r = readPage(page(`<p><strong>${WANG}</strong></p>
      <p>1．全县生产总值增长7%。（牵头单位：县发改局）</p><p>2．一般公共预算收入增长5%。（牵头单位：县财政局）</p>
      <p><strong>${LI}</strong></p>
      <p>3．新增就业1万人。（牵头单位：县人社局）</p><p>4．建成保障性住房500套。（牵头单位：县住建局）</p>
      <p><strong>2024年民生实事项目</strong></p>
      <p>1．新建农村公路30公里。（牵头单位：县交通运输局）</p><p>2．新增托位300个。（牵头单位：县卫健局）</p>`), URL_);
    expect(listsOf(r)).toEqual([
      [undefined, [['1/1', WANG, ['王丹']], ['1/2', WANG, ['王丹']], ['1/3', LI, ['李四']], ['1/4', LI, ['李四']]]],
      ['2024年民生实事项目', [['2/1', undefined, []], ['2/2', undefined, []]]],
    ]);
  });

  it('reads who leads a numbered section from a bracket after its theme, or a leader’s line right under it, for each of its items', () => {
    const r = readPage(page(`<p>一、经济发展（王丹县长牵头）</p><p>1．全县生产总值增长7%。</p><p>牵头单位：县发改局</p>
      <p>2．一般公共预算收入增长5%。</p><p>牵头单位：县财政局</p>
      <p>二、社会民生</p><p>牵头县领导：李四</p><p>3．新增就业1万人。</p><p>牵头单位：县人社局</p>
      <p>4．建成保障房500套。</p><p>责任领导：赵六</p><p>牵头单位：县住建局</p>`), URL_);
    expect(itemsOf(r).map((i) => [i.key, i.leaders, i.units.map((u) => u.name)])).toEqual([
      ['1', ['王丹'], ['县发改局']], ['2', ['王丹'], ['县财政局']], ['3', ['李四'], ['县人社局']], ['4', ['赵六'], ['县住建局']],
    ]);
  });

  it('reads an item whose text starts with figures (1.5G…, 1.2024年…) where numbering starts again: its own item, not the one before’s', () => {
    const r = readPage(page(`<p>一、经济发展</p><p>1．全县生产总值增长7%。</p><p>牵头单位：县发改局</p>
      <p>2．一般公共预算收入增长5%。</p><p>牵头单位：县财政局</p>
      <p>二、数字经济</p><p>1．5G基站新建100个。</p><p>牵头单位：县经信局</p><p>2．新增规上企业20家。</p><p>牵头单位：县经信局</p>`), URL_);
    expect(itemsOf(r).map((i) => [i.key, i.text, i.units.map((u) => u.name)])).toEqual([
      ['一、1.', '全县生产总值增长7%。', ['县发改局']], ['一、2.', '一般公共预算收入增长5%。', ['县财政局']],
      ['二、1.', '5G基站新建100个。', ['县经信局']], ['二、2.', '新增规上企业20家。', ['县经信局']],
    ]);
    const led = readPage(page(`<p>${WANG}</p><p>1．全县生产总值增长7%。</p><p>牵头单位：县发改局</p>
      <p>2．一般公共预算收入增长5%。</p><p>牵头单位：县财政局</p>
      <p>${LI}</p><p>1．2024年完成老旧小区改造12个。</p><p>牵头单位：县住建局</p><p>2．新增托位300个。</p><p>牵头单位：县卫健局</p>`), URL_);
    expect(itemsOf(led).map((i) => [i.key, i.text, i.units.map((u) => u.name), i.leaders])).toEqual([
      ['一、1.', '全县生产总值增长7%。', ['县发改局'], ['王丹']], ['一、2.', '一般公共预算收入增长5%。', ['县财政局'], ['王丹']],
      ['二、1.', '2024年完成老旧小区改造12个。', ['县住建局'], ['李四']], ['二、2.', '新增托位300个。', ['县卫健局'], ['李四']],
    ]);
  });

  it('reads unnumbered leader lines over numbered sections as sections of one list: the second line’s （一） starts no other list', () => {
    const r = readPage(page(`<p>${WANG}</p><p>（一）经济发展</p>
      <p>1．全县生产总值增长7%。</p><p>牵头单位：县发改局</p><p>2．严控一般性支出。</p><p>牵头单位：县财政局</p>
      <p>（二）社会民生</p><p>1．新增就业1万人。</p><p>牵头单位：县人社局</p>
      <p>${LI}</p><p>（一）城市建设</p>
      <p>1．推进城市更新。</p><p>牵头单位：县住建局</p><p>2．新建公园2个。</p><p>牵头单位：县城管局</p>`), URL_);
    expect(listsOf(r)).toEqual([[undefined, [
      ['一、（一）1.', '（一）经济发展', ['王丹']], ['一、（一）2.', '（一）经济发展', ['王丹']], ['一、（二）1.', '（二）社会民生', ['王丹']],
      ['二、（一）1.', '（一）城市建设', ['李四']], ['二、（一）2.', '（一）城市建设', ['李四']],
    ]]]);
  });

  it('keys items under unnumbered leader lines inside a numbered section by the line’s place in it', () => {
    const r = readPage(page(`<p>一、经济发展</p>
      <p>${WANG}</p><p>1．全县生产总值增长7%。</p><p>牵头单位：县发改局</p>
      <p>${LI}</p><p>1．一般公共预算收入增长5%。</p><p>牵头单位：县财政局</p>
      <p>二、社会民生</p>
      <p>${LI}</p><p>1．新增就业1万人。</p><p>牵头单位：县人社局</p>`), URL_);
    expect(listsOf(r)).toEqual([[undefined, [
      ['一、（一）1.', WANG, ['王丹']], ['一、（二）1.', LI, ['李四']], ['二、（一）1.', LI, ['李四']],
    ]]]);
  });

  it('keys apart the tasks of a table whose unnumbered group rows name who leads, numbering restarting under each', () => {
    const r = readNoticePage(doc(page(`<table><tr><td>序号</td><td>重点工作</td><td>牵头单位</td></tr>
      <tr><td colspan="3">${WANG}</td></tr>
      <tr><td>1</td><td>全县生产总值增长7%。</td><td>县发改局</td></tr><tr><td>2</td><td>一般公共预算收入增长5%。</td><td>县财政局</td></tr>
      <tr><td colspan="3">${LI}</td></tr>
      <tr><td>1</td><td>新增就业1万人。</td><td>县人社局</td></tr><tr><td>2</td><td>建成保障性住房500套。</td><td>县住建局</td></tr></table>`)), URL_);
    expect(listsOf(r.reading)).toEqual([[undefined, [
      ['一、1.', WANG, ['王丹']], ['一、2.', WANG, ['王丹']], ['二、1.', LI, ['李四']], ['二、2.', LI, ['李四']],
    ]]]);
    expect([...r.anchors!.keys()]).toEqual(['一、1.', '一、2.', '二、1.', '二、2.']);
  });

  it('refuses numbered measures that name no unit, however many', () => {
    const body = Array.from({ length: 20 }, (_, i) => `<p>${i + 1}.推进第${i + 1}项改革，确保落地见效。</p>`).join('');
    expect(isRefusal(readPage(page(body), URL_))).toBe(true);
  });
});

describe('what a reading hands out', () => {
  it('gives each item lists of its own: changing one item’s leaders or units changes no other', () => {
    const entry = index.find((e) => e.file === 'haiyan-2022.html')!;
    const r = readPage(read(entry.file), entry.url);
    if (isRefusal(r)) throw new Error(r.reason);
    const [a, b] = r.lists[0].items;
    expect(a.leaders).toEqual(b.leaders);
    a.leaders.push('某某');
    a.units.pop();
    expect(b.leaders).toEqual(['王丹']);
    expect(readPage(read(entry.file), entry.url)).toEqual(expectedOf(entry));
  });
});

describe('tables', () => {
  const table = (rows: string) => page(`<p>2024年重点工作责任分解表</p><table>${rows}</table>`);

  it('reads a 责任单位 column whose header states the lead rule in a bracket (责任单位（牵头单位列第一位）): the first listed leads, the rest work with it', () => {
    for (const note of ['（牵头单位列第一位）', '（列第一位的为牵头单位）', '（牵头单位排在首位）']) {
      const r = readPage(table(`<tr><td>序号</td><td>主要目标任务</td><td>责任单位${note}</td></tr>
        <tr><td>1</td><td>甲任务</td><td>区发改局、区统计局</td></tr><tr><td>2</td><td>乙任务</td><td>区财政局、区税务局、各街道</td></tr>
        <tr><td>3</td><td>丙任务</td><td>区教育局</td></tr>`), URL_);
      expect(itemsOf(r).map((i) => i.units.map((u) => `${u.name}:${u.role}`)), note).toEqual([
        ['区发改局:lead', '区统计局:co'], ['区财政局:lead', '区税务局:co', '各街道:co'], ['区教育局:lead'],
      ]);
    }
  });

  it('reads several labels in one unit cell apart, set off by a space only or by nothing', () => {
    const r = readPage(table(`<tr><td>序号</td><td>工作任务</td><td>责任单位</td></tr>
      <tr><td>1</td><td>甲任务</td><td>牵头：区发改局　配合：区统计局</td></tr>
      <tr><td>2</td><td>乙任务</td><td>牵头单位：区财政局配合单位：区税务局、各街道</td></tr>
      <tr><td>3</td><td>丙任务</td><td>牵头单位：区教育局<br>配合单位：各街道</td></tr>`), URL_);
    expect(itemsOf(r).map((i) => i.units.map((u) => `${u.name}:${u.role}`))).toEqual([
      ['区发改局:lead', '区统计局:co'], ['区财政局:lead', '区税务局:co', '各街道:co'], ['区教育局:lead', '各街道:co'],
    ]);
  });

  it('reads a header over two rows: 牵头单位 and 配合单位 under 责任单位', () => {
    const r = readPage(table(`<tr><td rowspan="2">序号</td><td rowspan="2">工作任务</td><td colspan="2">责任单位</td></tr>
      <tr><td>牵头单位</td><td>配合单位</td></tr>
      <tr><td>1</td><td>甲任务</td><td>区发改局</td><td>区财政局、各街道</td></tr>
      <tr><td>2</td><td>乙任务</td><td>区财政局</td><td>区税务局</td></tr>
      <tr><td>3</td><td>丙任务</td><td>区教育局</td><td>各街道</td></tr>`), URL_);
    expect(itemsOf(r).map((i) => [i.key, i.text, i.units.map((u) => `${u.name}:${u.role}`)])).toEqual([
      ['1', '甲任务', ['区发改局:lead', '区财政局:co', '各街道:co']],
      ['2', '乙任务', ['区财政局:lead', '区税务局:co']],
      ['3', '丙任务', ['区教育局:lead', '各街道:co']],
    ]);
    expect(!isRefusal(r) && r.lists[0].title).toBe('2024年重点工作责任分解表');
  });

  it.each([
    ['责任单位', '牵头', '配合', ['区发改局:lead', '区财政局:co']],
    ['责任主体', '牵头领导', '牵头单位', ['区发改局:lead']],
  ])('reads a header over two rows whose upper cell says little (%s) over %s and %s', (over, a, b, units) => {
    const r = readPage(table(`<tr><td rowspan="2">序号</td><td rowspan="2">重点任务</td><td colspan="2">${over}</td><td rowspan="2">完成时限</td></tr>
      <tr><td>${a}</td><td>${b}</td></tr>
      <tr><td>1</td><td>甲任务</td><td>${a === '牵头' ? '区发改局' : '王建国'}</td><td>${a === '牵头' ? '区财政局' : '区发改局'}</td><td>年底前</td></tr>
      <tr><td>2</td><td>乙任务</td><td>${a === '牵头' ? '区发改局' : '王建国'}</td><td>${a === '牵头' ? '区财政局' : '区发改局'}</td><td>年底前</td></tr>
      <tr><td>3</td><td>丙任务</td><td>${a === '牵头' ? '区发改局' : '王建国'}</td><td>${a === '牵头' ? '区财政局' : '区发改局'}</td><td>年底前</td></tr>`), URL_);
    expect(itemsOf(r).map((i) => [i.key, i.text, i.units.map((u) => `${u.name}:${u.role}`), i.leaders, i.deadline])).toEqual(
      ['甲任务', '乙任务', '丙任务'].map((t, k) => [String(k + 1), t, units, a === '牵头' ? [] : ['王建国'], '年底前']),
    );
  });

  it('takes a list’s title from the table’s own caption or a row above its header spanning the table', () => {
    const rows = (tasks: string[]) => tasks.map((t, i) => `<tr><td>${i + 1}</td><td>${t}</td><td>区${t.slice(0, 1)}局</td></tr>`).join('');
    const head = '<tr><td>序号</td><td>重点工作</td><td>牵头单位</td></tr>';
    const r = readPage(page(`<p>现将有关事项通知如下。</p><table><caption>2024年重点工作责任分解表</caption>${head}${rows(['甲任务。', '乙任务。', '丙任务。'])}</table>
      <table><tr><td colspan="3">2024年民生实事项目</td></tr>${head}${rows(['丁任务。', '戊任务。'])}</table>`), URL_);
    expect(isRefusal(r) ? r.reason : r.lists.map((l) => [l.title, l.items.map((i) => i.key)])).toEqual([
      ['2024年重点工作责任分解表', ['1/1', '1/2', '1/3']], ['2024年民生实事项目', ['2/1', '2/2']],
    ]);
  });

  it.each(['落实情况', '累计完成情况', '完成进度', '进展情况', '推进情况', '执行情况', '工作进展'])('refuses a table with a %s column as a report on the tasks’ progress, whatever its title', (head) => {
    const r = readPage(table(`<tr><td>序号</td><td>重点工作任务</td><td>牵头单位</td><td>责任单位</td><td>${head}</td></tr>
      <tr><td>1</td><td>甲任务。</td><td>区发改局</td><td>区统计局</td><td>前三季度增长5.8%。</td></tr>
      <tr><td>2</td><td>乙任务。</td><td>区财政局</td><td>区税务局</td><td>已完成序时进度。</td></tr>
      <tr><td>3</td><td>丙任务。</td><td>区人社局</td><td>各街道</td><td>已新增就业8500人。</td></tr>`), URL_);
    expect(r).toMatchObject({ refused: true, report: true });
  });

  it.each([['工作进度', '一季度完成方案，年底前建成'], ['进度安排', '6月底前开工'], ['时间进度要求', '9月底前完成70%']])('reads a breakdown whose %s column is the plan, beside its 完成时限', (head, plan) => {
    const r = readPage(table(`<tr><td>序号</td><td>重点工作任务</td><td>牵头单位</td><td>${head}</td><td>完成时限</td></tr>
      <tr><td>1</td><td>甲任务。</td><td>区发改局</td><td>${plan}</td><td>12月底前</td></tr>
      <tr><td>2</td><td>乙任务。</td><td>区财政局</td><td>${plan}</td><td>年内</td></tr>
      <tr><td>3</td><td>丙任务。</td><td>区教育局</td><td>${plan}</td><td>年内持续推进</td></tr>`), URL_);
    expect(itemsOf(r).map((i) => [i.text, i.units.map((u) => u.name), i.deadline])).toEqual([
      ['甲任务。', ['区发改局'], '12月底前'], ['乙任务。', ['区财政局'], '年内'], ['丙任务。', ['区教育局'], '年内持续推进'],
    ]);
  });

  it('reads the tasks of a breakdown’s 任务分解、执行及落实情况 column (泾县): the tasks it breaks down, not a report', () => {
    const r = readPage(table(`<tr><td>序号</td><td>年度重点工作任务分解、执行及落实情况</td><td>牵头县领导</td><td>牵头责任单位</td><td>协同责任单位</td></tr>
      <tr><td>1</td><td>甲任务。</td><td>张三</td><td>县发改委</td><td>县财政局</td></tr>
      <tr><td>2</td><td>乙任务。</td><td>李四</td><td>县财政局</td><td>县税务局</td></tr>
      <tr><td>3</td><td>丙任务。</td><td>王五</td><td>县教体局</td><td>各乡镇</td></tr>`), URL_);
    expect(itemsOf(r).map((i) => [i.text, i.leaders, i.units.map((u) => `${u.name}:${u.role}`)])).toEqual([
      ['甲任务。', ['张三'], ['县发改委:lead', '县财政局:co']],
      ['乙任务。', ['李四'], ['县财政局:lead', '县税务局:co']],
      ['丙任务。', ['王五'], ['县教体局:lead', '各乡镇:co']],
    ]);
  });

  const HEAD = '<tr><td>序号</td><td>重点工作</td><td>牵头单位</td><td>完成时限</td></tr>';
  const rows = (from: number, tasks: string[]) =>
    tasks.map((t, i) => `<tr><td>${from + i}</td><td>${t}</td><td>区${t.slice(0, 1)}局</td><td>年底前</td></tr>`).join('');
  const keysOf = (r: NoticeReading) => (isRefusal(r) ? r.reason : r.lists.map((l) => [l.title, l.items.map((i) => [i.key, i.text, i.units[0]?.name])]));
  const LIST = ['甲任务。', '乙任务。', '丙任务。', '丁任务。', '戊任务。'];
  const whole = LIST.map((t, i) => [String(i + 1), t, `区${t.slice(0, 1)}局`]);

  it.each([['repeating its header row', HEAD], ['without a header row', '']])('reads a table a page breaks in two as one list when the second goes on with the numbering, %s', (_how, head) => {
    const r = readNoticePage(doc(table(`${HEAD}${rows(1, LIST.slice(0, 3))}</table><p></p><table>${head}${rows(4, LIST.slice(3))}`)), URL_);
    expect(keysOf(r.reading)).toEqual([['2024年重点工作责任分解表', whole]]);
    expect([...r.anchors!.keys()]).toEqual(['1', '2', '3', '4', '5']);
  });

  it('reads a second table going on under its next group row as the same list, its tasks keyed by group', () => {
    const group = (text: string) => `<tr><td colspan="4">${text}</td></tr>`;
    const r = readPage(table(`${HEAD}${group('一、经济发展')}${rows(1, LIST.slice(0, 3))}</table><table>${HEAD}${group('二、社会民生')}${rows(1, LIST.slice(3))}`), URL_);
    expect(itemsOf(r).map((i) => [i.key, i.section])).toEqual([
      ['一、1.', '一、经济发展'], ['一、2.', '一、经济发展'], ['一、3.', '一、经济发展'], ['二、1.', '二、社会民生'], ['二、2.', '二、社会民生'],
    ]);
  });

  it('reads a second table numbered from 1 again under a title of its own as a second list', () => {
    const r = readPage(table(`${HEAD}${rows(1, LIST.slice(0, 3))}</table><p>2024年民生实事项目</p><table>${HEAD}${rows(1, LIST.slice(3))}`), URL_);
    expect(keysOf(r)).toEqual([
      ['2024年重点工作责任分解表', whole.slice(0, 3).map(([n, t, u]) => [`1/${n}`, t, u])],
      ['2024年民生实事项目', whole.slice(3).map(([, t, u], i) => [`2/${i + 1}`, t, u])],
    ]);
  });

  it('reads a second table under a title of its own that repeats no header as a second list, by the columns of the table before', () => {
    const r = readPage(table(`${HEAD}${rows(1, LIST.slice(0, 3))}</table><p>2024年民生实事项目</p><table>${rows(1, LIST.slice(3))}`), URL_);
    expect(keysOf(r)).toEqual([
      ['2024年重点工作责任分解表', whole.slice(0, 3).map(([n, t, u]) => [`1/${n}`, t, u])],
      ['2024年民生实事项目', whole.slice(3).map(([, t, u], i) => [`2/${i + 1}`, t, u])],
    ]);
    // Not a table of other columns: a table of two columns under a title is no list of these tasks.
    const other = readPage(table(`${HEAD}${rows(1, LIST.slice(0, 3))}</table><p>2024年民生实事项目</p><table><tr><td>1</td><td>新建公园2个。</td></tr><tr><td>2</td><td>新增托位300个。</td></tr></table>`), URL_);
    expect(isRefusal(other) ? other.reason : other.lists.map((l) => l.title)).toEqual(['2024年重点工作责任分解表']);
  });

  it.each([
    ['in a 序号 column left empty', (n: string) => `<td>${n}</td>`, '<td>&nbsp;</td>'],
    ['numbered in the task cell', () => '', ''],
  ])('reads a group row that spans nothing (its 序号 and unit cells empty, as Word pastes it) as a group: %s', (_how, num, blank) => {
    const head = num('序号') ? '<tr><td>序号</td><td>重点工作</td><td>责任领导</td><td>责任单位</td></tr>' : '<tr><td>重点工作</td><td>责任领导</td><td>责任单位</td></tr>';
    const task = (n: number, t: string, l: string, u: string) => `<tr>${num(String(n))}<td>${num('x') ? '' : `${n}. `}${t}</td><td>${l}</td><td>${u}</td></tr>`;
    const group = (t: string) => `<tr>${blank}<td><strong>${t}</strong></td><td></td><td></td></tr>`;
    const r = readPage(table(`${head}${group('一、主要预期目标')}${task(1, '地区生产总值增长6%。', '王建国', '市发改委')}${task(2, '一般公共预算收入增长5%。', '李红梅', '市财政局')}
      ${group('二、重点工作任务')}${task(1, '新增城镇就业3万人。', '赵强', '市人社局')}${task(2, '完成老旧小区改造100个。', '赵强', '市住建局')}`), URL_);
    expect(itemsOf(r).map((i) => [i.key, i.section, i.text, i.units.map((u) => u.name)])).toEqual([
      ['一、1.', '一、主要预期目标', '地区生产总值增长6%。', ['市发改委']], ['一、2.', '一、主要预期目标', '一般公共预算收入增长5%。', ['市财政局']],
      ['二、1.', '二、重点工作任务', '新增城镇就业3万人。', ['市人社局']], ['二、2.', '二、重点工作任务', '完成老旧小区改造100个。', ['市住建局']],
    ]);
  });

  it('reads names a <br> sets apart in a unit or leader cell as several; a <br> inside a name or a task’s sentence joins it', () => {
    const r = readPage(table(`<tr><th>序号</th><th>工作任务</th><th>责任领导</th><th>牵头单位</th><th>配合单位</th></tr>
      <tr><td>1</td><td>推进30个省市<br>重点项目建设。</td><td>王建国</td><td>市发改委<br>市住建局</td><td>各区县政府</td></tr>
      <tr><td>2</td><td>城镇调查失业率控制在5.5%以内。</td><td>李红梅<br>赵强</td><td>市人社局</td><td>市财政局、<br>各区县政府</td></tr>
      <tr><td>3</td><td>完成城镇老旧小区改造100个。</td><td>副市长<br>赵强</td><td>市住建局</td><td>台州湾产业集聚区<br>管委会</td></tr>`), URL_);
    expect(itemsOf(r).map((i) => [i.text, i.leaders, i.units.map((u) => `${u.name}:${u.role}`)])).toEqual([
      ['推进30个省市重点项目建设。', ['王建国'], ['市发改委:lead', '市住建局:lead', '各区县政府:co']],
      ['城镇调查失业率控制在5.5%以内。', ['李红梅', '赵强'], ['市人社局:lead', '市财政局:co', '各区县政府:co']],
      ['完成城镇老旧小区改造100个。', ['赵强'], ['市住建局:lead', '台州湾产业集聚区管委会:co']],
    ]);
  });

  it('reads units a space sets apart in a unit cell as several; a person’s name padded with a space stays one', () => {
    const r = readPage(table(`<tr><th>序号</th><th>工作任务</th><th>责任领导</th><th>牵头单位</th><th>配合单位</th></tr>
      <tr><td>1</td><td>推进重点项目建设。</td><td>王　丹</td><td>市发改委　市住建局</td><td>各区县政府</td></tr>
      <tr><td>2</td><td>稳定就业。</td><td>李红梅</td><td>市人社局</td><td>市财政局 各区县政府</td></tr>
      <tr><td>3</td><td>改造老旧小区。</td><td>赵强</td><td>市住建局</td><td>台州湾产业集聚区 管委会</td></tr>
      <tr><td>4</td><td>增加教育资源供给。</td><td>何海平</td><td>教育局</td><td>经开区 高新园（邹区镇） 各街道 市国有公司</td></tr>
      <tr><td>5</td><td>老城厢复兴发展。</td><td>芮春祥</td><td>住建局</td><td>五星街道　南大街街道　荷花池街道</td></tr>`), URL_);
    expect(itemsOf(r).map((i) => [i.leaders, i.units.map((u) => `${u.name}:${u.role}`)])).toEqual([
      [['王丹'], ['市发改委:lead', '市住建局:lead', '各区县政府:co']],
      [['李红梅'], ['市人社局:lead', '市财政局:co', '各区县政府:co']],
      [['赵强'], ['市住建局:lead', '台州湾产业集聚区管委会:co']],
      [['何海平'], ['教育局:lead', '经开区:co', '高新园（邹区镇）:co', '各街道:co', '市国有公司:co']],
      [['芮春祥'], ['住建局:lead', '五星街道:co', '南大街街道:co', '荷花池街道:co']],
    ]);
  });

  it('reads a cell holding only a mark for none (/, —, 无) as empty: no unit, no leader, no deadline', () => {
    const r = readPage(table(`<tr><td>序号</td><td>重点工作</td><td>牵头领导</td><td>牵头单位</td><td>配合单位</td><td>完成时限</td></tr>
      <tr><td>1</td><td>甲任务。</td><td>王建国</td><td>市发改委</td><td>/</td><td>—</td></tr>
      <tr><td>2</td><td>乙任务。</td><td>－</td><td>市财政局</td><td>无</td><td>年底前</td></tr>
      <tr><td>3</td><td>丙任务。</td><td>赵强</td><td>市人社局</td><td>各区县政府</td><td>／</td></tr>`), URL_);
    expect(itemsOf(r).map((i) => [i.units.map((u) => u.name), i.leaders, i.deadline])).toEqual([
      [['市发改委'], ['王建国'], undefined], [['市财政局'], [], '年底前'], [['市人社局', '各区县政府'], ['赵强'], undefined],
    ]);
  });

  it('takes the number from the start of the task cell and a deadline from its column', () => {
    const r = readPage(table(`<tr><td>重点工作</td><td>责任单位</td><td>完成时限</td></tr>
      <tr><td>1．甲任务</td><td>区发改局</td><td>6月底前</td></tr><tr><td>2．乙任务</td><td>区财政局</td><td>年内</td></tr>
      <tr><td>3．丙任务</td><td>区教育局</td><td>年内持续推进</td></tr>`), URL_);
    expect(itemsOf(r).map((i) => [i.number, i.text, i.deadline])).toEqual([[1, '甲任务', '6月底前'], [2, '乙任务', '年内'], [3, '丙任务', '年内持续推进']]);
  });
});
