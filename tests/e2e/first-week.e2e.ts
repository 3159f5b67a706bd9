// Issue 15, "a user's first week": each point a newcomer tripped on, checked as they would meet it,
// with a screenshot in artifacts/first-week/<point>.png.
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './harness';

const OUT = join(ROOT, 'artifacts/first-week');
mkdirSync(OUT, { recursive: true });

describe('first week', () => {
  it('1: npm start says the items were recognised, and how many are annotated (none yet)', async () => {
    const env = { ...process.env };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'scripts/start.ts'], { cwd: ROOT, env, timeout: 110_000 });
    const last = stdout.trim().split('\n').at(-1) ?? '';
    expect(last).toMatch(/156 items recognised/);
    expect(last).toMatch(/\b0 annotated\b/);
    expect(last).not.toMatch(/items annotated/);
    copyFileSync(join(ROOT, 'artifacts/start/notice.png'), join(OUT, '1.png'));
  });
});
