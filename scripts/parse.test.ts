import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { NEGATIVE_PAGE, SEED_PAGE } from '../tests/fixtures/seed-dump';

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/parse.ts', ...args], { encoding: 'utf8' });

describe('npm run parse', () => {
  it('prints the notice as JSON', () => {
    const r = run(SEED_PAGE);
    expect(r.status).toBe(0);
    const notice = JSON.parse(r.stdout);
    expect(notice.docNo).toBe('拱政办发〔2024〕2号');
    expect(notice.items).toHaveLength(156);
    expect(notice.items[21].units[0]).toEqual({ name: '五经普领导小组办公室', lead: true });
  });

  it('prints CSV with a BOM and one row per item', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/parse.ts', SEED_PAGE, '--format', 'csv'], { encoding: 'utf8' });
    expect(out.startsWith('\uFEFF序号')).toBe(true);
    const rows = out.trimEnd().split('\r\n');
    expect(rows).toHaveLength(157);
    expect(rows[156]).toMatch(/^156,贾元元副区长,"开展“家家有救护员”行动,争创省级博爱家园示范点。",区红十字会,区红十字会,[0-9a-f]{14}$/);
  });

  it('refuses a page that is not a notice with one line and a non-zero exit', () => {
    const r = run(NEGATIVE_PAGE);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^not a notice: .*牵头单位/);
  });
});
