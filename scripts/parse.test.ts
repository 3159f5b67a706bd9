import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FixtureIndex } from '../tests/fixtures/notice-expected';
import { NEGATIVE_PAGE, SEED_PAGE } from '../tests/fixtures/seed-dump';

const FIXTURES = fileURLToPath(new URL('../tests/fixtures/notices/', import.meta.url));
const fixture = (file: string) => {
  const entry = FixtureIndex.parse(JSON.parse(readFileSync(FIXTURES + 'index.json', 'utf8'))).find((e) => e.file === file)!;
  return { page: FIXTURES + file, url: entry.url, expected: JSON.parse(readFileSync(FIXTURES + entry.expected, 'utf8')) };
};

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/parse.ts', ...args], { encoding: 'utf8' });

/**
 * `html` in GBK bytes, as a browser saves a page served in GBK: a character GBK lacks as a numeric
 * reference (Chromium's kEntitiesForUnencodables). The table is made from the platform's own GBK decoder.
 */
function toGbk(html: string): Buffer {
  const gbk = new TextDecoder('gbk');
  const codes = new Map<string, number[]>();
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      const c = gbk.decode(new Uint8Array([a, b]));
      if (b !== 0x7f && c.length === 1 && c !== '\ufffd' && !codes.has(c)) codes.set(c, [a, b]);
    }
  }
  const bytes: number[] = [];
  for (const c of html) {
    const code = c.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else bytes.push(...(codes.get(c) ?? Buffer.from(`&#${code};`)));
  }
  return Buffer.from(bytes);
}

describe('npm run parse', () => {
  it('reads a page saved from a site serving GBK, and knows it by the address the browser noted', () => {
    const seed = readFileSync(SEED_PAGE, 'utf8');
    const url = 'https://www.gongshu.gov.cn/art/2024/3/7/art_1229138302_1841065.html';
    const saved = seed
      .replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')
      .replace('<!DOCTYPE html>\n', `<!DOCTYPE html>\n<!-- saved from url=(${String(url.length).padStart(4, '0')})${url} -->\n`);
    const file = join(mkdtempSync(join(tmpdir(), 'duban-parse-')), 'saved.html');
    writeFileSync(file, toGbk(saved));
    const r = run(file);
    expect(r.stderr).toBe('');
    const notice = JSON.parse(r.stdout);
    const utf8 = JSON.parse(run(SEED_PAGE, '--url', url).stdout);
    expect(notice.sourceUrl).toBe(url);
    expect(notice.items).toHaveLength(156);
    expect(notice).toEqual(utf8);
  });

  it('prints the notice as JSON', () => {
    const r = run(SEED_PAGE);
    expect(r.status).toBe(0);
    const notice = JSON.parse(r.stdout);
    expect(notice.docNo).toBe('拱政办发〔2024〕2号');
    expect(notice.items).toHaveLength(156);
    // The richer model: the unit's role, the page's own words.
    expect(notice.items[21].units[0]).toEqual({ name: '五经普领导小组办公室', lead: true, role: 'lead' });
    expect(notice.items[155].text).toBe('开展“家家有救护员”行动，争创省级博爱家园示范点。');
  });

  it('prints CSV with a BOM and one row per item: its section, lead units and the others apart, leaders, deadline', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/parse.ts', SEED_PAGE, '--format', 'csv'], { encoding: 'utf8' });
    expect(out.startsWith('\uFEFF')).toBe(true);
    const rows = out.slice(1).trimEnd().split('\r\n');
    expect(rows).toHaveLength(157);
    expect(rows[0]).toBe('序号 No.,所属部分 Section,事项 Item,牵头单位 Lead units,配合/责任单位 Other units,牵头领导 Leaders,完成时限 Deadline,指纹 Fingerprint');
    expect(rows[1]).toMatch(/^1,一、冯晶区长牵头工作,坚持政治引领，担当勤政。.*,区政府办公室,区政府各部门、各街道办事处,冯晶,,[0-9a-f]{14}$/);
    expect(rows[156]).toMatch(/^156,.*,开展“家家有救护员”行动，争创省级博爱家园示范点。,区红十字会,,贾元元,,[0-9a-f]{14}$/);
    // A deadline, where the page gives one (国务院 2020: （…分别负责，年内持续推进）).
    const { page, url } = fixture('guowuyuan-2020.html');
    const gwy = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/parse.ts', page, '--format', 'csv', '--url', url], { encoding: 'utf8' });
    expect(gwy.split('\r\n').filter((row) => row.includes(',年内持续推进,')).length).toBeGreaterThan(0);
  });

  it('refuses a page that is not a notice with one line and a non-zero exit', () => {
    const r = run(NEGATIVE_PAGE);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^not a notice: .*牵头单位/);
  });
});

describe('npm run parse -- --lists', () => {
  it('prints the richer reading of any breakdown notice: lists, keys, roles, leaders', () => {
    const { page, url, expected } = fixture('hangzhou-2021.html');
    const r = run(page, '--lists', '--url', url);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(expected);
  });

  it('prints one CSV row per item of every list, lead and other units apart', () => {
    const { page, url } = fixture('haiyan-2022.html');
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/parse.ts', page, '--lists', '--format', 'csv', '--url', url], { encoding: 'utf8' });
    const rows = out.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(rows).toHaveLength(1 + 7);
    expect(rows[1]).toBe('政府工作报告2022年重点工作责任分解,1/一、1.,1,一、王丹县长牵头重点工作,'
      + '全县生产总值增长7.5%左右；一般公共预算收入增长8.5%；城乡居民人均可支配收入与经济增长基本同步，收入倍差进一步缩小。,'
      + '县发改局,县财政局、县税务局、县农业农村局,王丹,');
    expect(rows[7]).toMatch(/^2022年县政府民生实事项目责任分解,2\/3,3,,/);
  });

  it('refuses a look-alike with one line and exit status 1', () => {
    const { page, url } = fixture('gongshu-2023q4-progress.html');
    const r = run(page, '--lists', '--url', url);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^not a notice: .*完成情况/);
  });
});
