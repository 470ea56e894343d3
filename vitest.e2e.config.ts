import { defineConfig } from 'vitest/config';

// Real-browser tests: Debian's chromium against the real server on a loopback port.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One browser at a time on a 2-core machine keeps timings honest and memory low.
    fileParallelism: false,
  },
});
