// Issue 15, "a user's first week": each point a newcomer tripped on, checked as they would meet it,
// with a screenshot in artifacts/first-week/<point>.png.
import 'fake-indexeddb/auto'; // only to write the colleague's file with duban's own export
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { createService } from '../../entrypoints/background/router';
import { saveAnnotation } from '../../lib/db/annotations';
import { readSnapshot } from '../../lib/db/transfer-store';
import { buildTransferFile, serializeTransferFile } from '../../lib/transfer/export-json';
import { dispose, freshDb, SEED_KEY, seedNotice } from '../../lib/transfer/test/fixtures';
import { extensionPage, launchDuban, ROOT, type Duban } from './harness';

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

/** A colleague's JSON file: 8 of the seed's 156 items annotated, item 5 explicitly 未开始. */
async function colleaguesFile(): Promise<string> {
  const db = await freshDb('first-week');
  const now = Date.now();
  const notice = seedNotice();
  await createService(db, () => now - 10_000).handle('openNotice', notice);
  const statuses = ['in_progress', 'done', 'behind', 'paused', 'not_started', 'in_progress', 'done', 'in_progress'] as const;
  for (const [i, status] of statuses.entries()) {
    const item = notice.items[i];
    await saveAnnotation(db, { noticeKey: SEED_KEY, itemKey: item.key, fingerprint: item.fingerprint, status, note: `第 ${i + 1} 项的进展` }, now - 5000 + i);
  }
  const { file } = buildTransferFile(await readSnapshot(db), now);
  await dispose(db);
  const path = join(mkdtempSync(join(tmpdir(), 'duban-first-week-')), 'colleague.json');
  writeFileSync(path, serializeTransferFile(file));
  return path;
}

async function openPopup(d: Duban): Promise<Page> {
  const page = await extensionPage(d.context, d.extensionId, 'popup.html');
  await page.setViewportSize({ width: 460, height: 900 });
  page.on('filechooser', () => {});
  await page.locator('main[aria-busy="false"]').waitFor();
  return page;
}

describe('first week: a profile minutes old imports a colleague\'s file', () => {
  let duban: Duban;
  let popup: Page;
  beforeAll(async () => {
    const file = await colleaguesFile();
    duban = await launchDuban();
    popup = await openPopup(duban);
    const [chooser] = await Promise.all([popup.waitForEvent('filechooser'), popup.locator('[data-action="choose-import"]').click()]);
    await chooser.setFiles(file);
    await popup.locator('[data-action="apply-import"]').click();
    await popup.locator('[data-testid="import-done"]').waitFor();
    await popup.close();
    popup = await openPopup(duban);
  });
  afterAll(() => duban?.close());

  it('3: the backup reminder says there was never a backup, and claims no 30 days', async () => {
    const backup = popup.locator('[data-testid="backup"]');
    const text = await backup.innerText();
    expect(text).toContain('尚未导出过备份');
    expect(text).toContain('卸载扩展会删除全部批注');
    expect(text).not.toContain('30 天');
    await backup.screenshot({ path: join(OUT, '3.png') });
  });

  it('4: the counts are of the notice\'s 156 items, the rest not started', async () => {
    const notice = popup.locator('section.notice').first();
    expect(await notice.locator('.count-line').innerText()).toBe('已批注 8 / 156 项');
    // 148 items the file did not carry, and item 5 set to 未开始.
    expect(await notice.locator('b[data-status="not_started"]').innerText()).toBe('149');
    expect(await notice.locator('b[data-status="in_progress"]').innerText()).toBe('3');
    await notice.screenshot({ path: join(OUT, '4.png') });
  });

  it('10: with one notice, one set of export buttons', async () => {
    expect(await popup.locator('[data-export="json"]').count()).toBe(1);
    expect(await popup.getByText('导出此通知').count()).toBe(0);
    await popup.screenshot({ path: join(OUT, '10.png'), fullPage: true });
  });
});
