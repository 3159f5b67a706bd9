/**
 * make-seeds: builds the pages that tests and `npm run start` serve at the official gongshu.gov.cn
 * addresses (seeds/pages.json), because the live site cannot be reached from tests.
 *
 * seeds/gongshu-2024-2.html is generated from the plain-text dump of the live notice
 * 拱政办发〔2024〕2号 (seeds/source/gongshu-2024-2.txt, or --src PATH) and dressed in the
 * markup quirks the live JCMS page has: full-width punctuation, U+3000 and &nbsp; indents, text
 * split over several <span>s, unit lines joined to their item by <br>, and a hidden print copy of
 * the whole body. seeds/not-a-notice.html is a page of the same site that is not a breakdown notice.
 *
 * The seeds are generated, never hand-edited: change this script and rerun it. The output is
 * deterministic (the variety comes from item-number arithmetic), so a rerun gives the same bytes.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GONGSHU } from '../lib/notice/sites';
import { cutRuns, escapeHtml, fw, readDump, toFullWidth, type Dump } from './page-text';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = resolve(ROOT, 'seeds');
const DEFAULT_SRC = resolve(ROOT, 'seeds/source/gongshu-2024-2.txt');

// Where the seeds are served: the site's sample pages (lib/notice/sites.ts).
const { notice: NOTICE_URL, other: OTHER_URL } = GONGSHU.samples;

const INDENT = '\u3000\u3000';
const NBSP_INDENT = '&nbsp;&nbsp;&nbsp;&nbsp;';
const SPAN = '<span style="font-family:仿宋_GB2312">';

// ---------------------------------------------------------------------------------------------
// Body rendering

const ITEM = /^(\d+)\.(.*)$/;
const UNIT = /^牵头单位:/;
const SECTION = /^[一二三四五六七八九十]+、/;

function itemParagraph(no: number, text: string): string {
  const indent = no % 7 === 0 ? NBSP_INDENT : INDENT;
  const prefix = `${no}${no % 10 === 0 ? '．' : '.'}`;
  const full = toFullWidth(text);
  if (no % 4 !== 3) return `${indent}${escapeHtml(prefix + full)}`;
  // Split inside the text (not at the number), into 2 or 3 runs as JCMS's editor leaves them.
  const runs = cutRuns(full, no % 8 === 3 ? 2 : 3, no);
  runs[0] = prefix + runs[0];
  return indent + runs.map((r) => `${SPAN}${escapeHtml(r)}</span>`).join('');
}

/** One dump body (lines) as the <p>s of the article. */
function renderBody(lines: string[]): string {
  const out: string[] = [];
  let lastItem = 0;
  let prev = ''; // kind of the previous non-empty line
  for (const raw of lines) {
    const line = raw.replace(/\s+$/, '');
    if (!line) continue;
    const item = ITEM.exec(line);
    if (item) {
      lastItem = Number(item[1]);
      out.push(`<p>${itemParagraph(lastItem, item[2]!)}</p>`);
      prev = 'item';
    } else if (UNIT.test(line)) {
      const unit = lastItem % 6 === 0 ? `<strong>${fw(line)}</strong>` : fw(line);
      if (prev === 'item' && lastItem % 5 === 2) out.push(`${out.pop()!.slice(0, -4)}<br>${INDENT}${unit}</p>`);
      else out.push(`<p>${INDENT}${unit}</p>`);
      prev = 'unit';
    } else if (SECTION.test(line)) {
      out.push(`<p><strong>${INDENT}${fw(line)}</strong></p>`);
      prev = 'section';
    } else if (/责任分解$/.test(line)) {
      out.push('<p>&nbsp;</p>', `<p style="text-align:center"><strong>${fw(line)}</strong></p>`);
      prev = 'title';
    } else if (raw !== line || /^\d{4}年\d{1,2}月\d{1,2}日$/.test(line)) {
      // The signature (its trailing spaces are &nbsp;s on the page) and the date: right-aligned.
      const pad = '&nbsp;'.repeat(raw.length - line.length);
      if (prev === 'text') out.push('<p>&nbsp;</p>');
      out.push(`<p style="text-align:right">${fw(line)}${pad}</p>`);
      prev = 'sign';
    } else if (line.endsWith(':')) {
      out.push(`<p>${fw(line)}</p>`); // the salutation starts at the margin
      prev = 'text';
    } else {
      out.push(`<p>${INDENT}${fw(line)}</p>`);
      prev = 'text';
    }
  }
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Page chrome

interface Page {
  title: string;
  column: string;
  columnType: string;
  pubDate: string; // 2024-03-07 16:38:24
  source: string;
  keywords: string;
  description: string;
  infoRows: [string, string][][];
  body: string;
  print?: string;
}

const CSS = `
body{margin:0;background:#f3f5f8;color:#333;font:14px/1.8 "Microsoft YaHei","PingFang SC","Hiragino Sans GB",SimSun,sans-serif}
a{color:#333;text-decoration:none}a:hover{color:#c8161d}
.w1200{width:1200px;margin:0 auto}
.header{height:140px;background:#c8161d linear-gradient(180deg,#d7262d,#b10f16)}
.header .logo{display:block;padding-top:36px;color:#fff;font-size:34px;font-weight:bold;letter-spacing:4px;font-family:"STKaiti","KaiTi",serif}
.header .tools{float:right;margin-top:-40px;color:#fde;font-size:13px}.header .tools a{color:#fde;margin-left:12px}
.nav{background:#9e0b11}.nav ul{margin:0 auto;padding:0;list-style:none;overflow:hidden}
.nav li{float:left}.nav li a{display:block;padding:0 34px;line-height:48px;color:#fff;font-size:17px}
.nav li.on a,.nav li a:hover{background:#7d060b;color:#fff}
.crumb{padding:14px 0;color:#666}.crumb a{color:#666}
.main{background:#fff;padding:30px 60px 50px;min-height:600px}
.xxgk_table{width:100%;border-collapse:collapse;margin-bottom:28px;background:#f8fafc}
.xxgk_table th,.xxgk_table td{border:1px solid #dde3ea;padding:6px 12px;text-align:left;font-size:13px}
.xxgk_table th{width:110px;background:#eef2f6;font-weight:normal;color:#555}
.article .title{text-align:center;font-size:24px;color:#c8161d;font-weight:bold;line-height:1.6;margin:10px 0}
.article .info{text-align:center;color:#888;font-size:13px;border-bottom:1px dashed #ccc;padding-bottom:12px;margin-bottom:20px}
.article .info span{margin:0 10px}
.article-content{font-size:16px;line-height:2;color:#222;font-family:仿宋_GB2312,FangSong,STFangsong,serif}
.article-content p{margin:0 0 8px}
.article .tool{margin-top:30px;text-align:right;color:#666}.article .tool a{margin-left:16px}
.footer{margin-top:30px;background:#2f3338;color:#aab;padding:24px 0;text-align:center;font-size:13px;line-height:2}
.footer a{color:#ccd;margin:0 10px}
`;

const NAV: [string, string][] = [
  ['首页', '/'],
  ['走进拱墅', '/col/col1229290389/index.html'],
  ['政务公开', '/col/col1229290390/index.html'],
  ['政务服务', 'https://www.zjzwfw.gov.cn/'],
  ['互动交流', '/col/col1229290392/index.html'],
  ['专题专栏', '/col/col1229290393/index.html'],
];

function renderPage(p: Page): string {
  const meta = (name: string, content: string) => `<meta name="${name}" content="${escapeHtml(content)}">`;
  const info = p.infoRows
    .map((row) => `<tr>${row.map(([k, v], i) => `<th>${fw(k)}</th><td${row.length === 1 && i === 0 ? ' colspan="3"' : ''}>${fw(v)}</td>`).join('')}</tr>`)
    .join('\n');
  const nav = NAV.map(([t, href], i) => `<li${i === 2 ? ' class="on"' : ''}><a href="${href}" target="_blank">${t}</a></li>`).join('');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>${escapeHtml(p.title)}</title>
${meta('SiteName', GONGSHU.name)}
${meta('SiteDomain', GONGSHU.hosts[0])}
${meta('SiteIDCode', '3301050001')}
${meta('ColumnName', p.column)}
${meta('ColumnType', p.columnType)}
${meta('ArticleTitle', p.title)}
${meta('PubDate', p.pubDate.slice(0, 16))}
${meta('ContentSource', p.source)}
${meta('Keywords', p.keywords)}
${meta('Description', p.description)}
<style>${CSS}</style>
</head>
<body>
<div class="header"><div class="w1200"><a class="logo" href="/">杭州市拱墅区人民政府</a>
<div class="tools"><a href="/col/col1229290395/index.html">无障碍</a><a href="/col/col1229290396/index.html">长者版</a><a href="/col/col1229290397/index.html">English</a></div></div></div>
<div class="nav"><ul class="w1200">${nav}</ul></div>
<div class="w1200">
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/col/col1229290390/index.html">政务公开</a> &gt; <a href="/col/col1229290402/index.html">${escapeHtml(p.column)}</a></div>
<div class="main">
<table class="xxgk_table">
${info}
</table>
<div class="article">
<div class="title">${fw(p.title)}</div>
<div class="info"><span>发布日期：${p.pubDate}</span><span>来源：${escapeHtml(p.source)}</span><span>点击率：<span id="ClickCount"></span></span></div>
<div class="article-content" id="zoom">
${p.body}
</div>
${p.print ? `<div class="print-version" style="display:none">\n${p.print}\n</div>\n` : ''}<div class="tool"><a href="javascript:window.print()">【打印本页】</a><a href="javascript:window.close()">【关闭窗口】</a></div>
</div>
</div>
</div>
<div class="footer"><div class="w1200">
<div><a href="/col/col1229290398/index.html">网站地图</a>|<a href="/col/col1229290399/index.html">联系我们</a>|<a href="/col/col1229290400/index.html">隐私声明</a>|<a href="https://www.hangzhou.gov.cn/" target="_blank">杭州市人民政府</a></div>
<div>主办：杭州市拱墅区人民政府办公室　承办：杭州市拱墅区数据资源管理局　网站标识码：3301050001</div>
</div></div>
</body>
</html>
`;
}

// ---------------------------------------------------------------------------------------------
// The two seeds

function noticePage(d: Dump): string {
  // The print copy's head: 区级文件 / 区府办文件 / title, then label/value pairs as separate blocks.
  const [kind, column, printTitle, ...pairs] = d.printHead;
  const pv = [
    `<div class="pv-head"><div>${fw(kind ?? '')}</div><div>${fw(column ?? '')}</div><div class="pv-title">${fw(printTitle ?? '')}</div></div>`,
    `<div class="pv-info">${pairs.map((l, i) => `<p class="${i % 2 ? 'pv-value' : 'pv-label'}">${fw(l)}</p>`).join('')}</div>`,
    `<div class="pv-content">`,
    renderBody(d.printBody),
    `</div>`,
  ].join('\n');
  return renderPage({
    title: d.title,
    column: column ?? '区府办文件',
    columnType: kind ?? '区级文件',
    pubDate: d.published,
    source: d.info.get('发布机构') ?? '区府办',
    keywords: '政府工作报告,重点工作,责任分解',
    description: '《2024年区政府工作报告重点工作责任分解》已经区政府同意，现印发给你们，请认真贯彻执行。',
    infoRows: d.infoRows,
    body: renderBody(d.body),
    print: pv,
  });
}

// Invented text for a page of the same site that is not a breakdown notice.
const OTHER_TITLE = '拱墅区2024年民生实事项目推进情况';
const OTHER_ITEMS = [
  '城镇老旧小区综合改造提升。已启动改造小区30个,完工12个,惠及居民8000余户。',
  '既有住宅加装电梯。已完成加装电梯联审118台,开工95台,完工竣工验收62台。',
  '婴幼儿照护服务。新增托位480个,新建婴幼儿成长驿站5个,普惠托育机构覆盖率持续提升。',
  '老年助餐服务。新增老年食堂(助餐点)15家,日均服务老年人3200人次。',
  '城市书房和文化驿站建设。新建城市书房3家、文化驿站4家,累计开展阅读活动260场。',
  '全民健身设施补短板。新建和改造百姓健身房8个、多功能运动场5个,新增健身步道6公里。',
  '农贸市场改造提升。完成农贸市场改造6家,同步推进智慧化改造和周边环境整治。',
  '背街小巷改善。完成背街小巷改善提升20条,整治架空线1.5公里。',
  '公共停车泊位建设。新增公共停车泊位1,500个,其中错时共享泊位600个。',
  '“一老一小”关爱服务。开展困难老人家庭适老化改造300户,组织暑期托管班42个。',
];

function otherPage(): string {
  const body = [
    `<p>${INDENT}${fw('今年以来,区政府认真落实民生实事项目工作要求,坚持项目化推进、清单化管理。截至5月中旬,各项目推进情况如下:')}</p>`,
    ...OTHER_ITEMS.map((t, i) => `<p>${INDENT}${i + 1}．${fw(t)}</p>`),
    `<p>${INDENT}${fw('下一步,各项目实施单位将加快推进进度,确保年底前全面完成目标任务。')}</p>`,
  ].join('\n');
  return renderPage({
    title: OTHER_TITLE,
    column: '重点工作',
    columnType: '工作动态',
    pubDate: '2024-05-20 09:15:02',
    source: '区发改经信局',
    keywords: '民生实事,项目推进',
    description: '拱墅区2024年民生实事项目推进情况。',
    infoRows: [
      [['信息索引号', 'K1493206-6/2024-31754'], ['公开方式', '主动公开']],
      [['发布机构', '区发改经信局'], ['公开范围', '面向全社会']],
      [['备注/文号', ''], ['公开时限', '长期公开']],
      [['生成日期', '2024-05-20'], ['发布日期', '2024-05-20']],
    ],
    body,
  });
}

// ---------------------------------------------------------------------------------------------

function main() {
  const at = process.argv.indexOf('--src');
  const src = at >= 0 && process.argv[at + 1] ? resolve(process.argv[at + 1]!) : DEFAULT_SRC;
  const dump = readDump(src);
  mkdirSync(OUT, { recursive: true });
  writeFileSync(resolve(OUT, 'gongshu-2024-2.html'), noticePage(dump));
  writeFileSync(resolve(OUT, 'not-a-notice.html'), otherPage());
  const pages = [
    { file: 'gongshu-2024-2.html', url: NOTICE_URL, notice: true },
    { file: 'not-a-notice.html', url: OTHER_URL, notice: false },
  ];
  writeFileSync(resolve(OUT, 'pages.json'), JSON.stringify(pages, null, 2) + '\n');
  console.log(`seeds written to ${OUT} from ${src}`);
}

main();
