/**
 * npx tsx scripts/make-icons.ts — draws duban's toolbar icon (督 on a seal-red rounded square) in
 * Chromium and writes public/icon/{16,32,48,128}.png. Run again only to change the icon.
 */
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const SIZES = [16, 32, 48, 128];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ deviceScaleFactor: 1 });
mkdirSync('public/icon', { recursive: true });
for (const size of SIZES) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0;background:transparent">
    <div style="width:${size}px;height:${size}px;border-radius:${size * 0.2}px;background:#b3261e;color:#fff;
      display:flex;align-items:center;justify-content:center;font:700 ${Math.round(size * 0.74)}px 'Noto Serif CJK SC','Noto Sans CJK SC',serif;
      line-height:1">督</div></body></html>`);
  await page.screenshot({ path: `public/icon/${size}.png`, omitBackground: true });
}
await browser.close();
