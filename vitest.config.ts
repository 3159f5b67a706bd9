import './scripts/node-polyfills.ts';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['lib/**/*.test.ts', 'lib/**/*.test.tsx', 'components/**/*.test.ts', 'components/**/*.test.tsx', 'entrypoints/**/*.test.ts', 'scripts/**/*.test.ts', 'utils/**/*.test.ts', 'locales/**/*.test.ts'],
    // The browser's i18n answers from locales/ (zh_CN): components render the words users read.
    setupFiles: ['fake-indexeddb/auto', './tests/unit/i18n.ts'],
    environment: 'node',
    testTimeout: 30000,
  },
});
