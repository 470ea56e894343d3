import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each has its own config and script: test:e2e (a browser), test:nginx (nginx).
    exclude: ['test/e2e/**', 'test/nginx/**'],
  },
});
