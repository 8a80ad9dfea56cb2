import { defineConfig } from 'vitest/config';

// End-to-end tests: the built site in real Chromium through playwright-core.
// One file at a time: two cores, and each file starts its own preview server.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
