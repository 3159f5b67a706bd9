// End-to-end tests: real Chromium + the built extension (see tests/e2e/harness.ts).
// Plain Node config — the tests drive .output/chrome-mv3, so no WXT/Vite plugin is needed.
import './scripts/node-polyfills.ts'; // Node 20 lacks Map.groupBy, which Vitest 5's reporter uses
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    // Each file launches its own Chromium; one at a time keeps a 2-core machine responsive.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // expect.poll waits for a state the browser reaches when it gets to it: on a loaded 2-core
    // machine a cross-tab update or an idle-time fit can take longer than Vitest's 1 s default.
    expect: { poll: { timeout: 10_000 } },
  },
});
