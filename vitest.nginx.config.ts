import { defineConfig } from 'vitest/config';

// nginx (Debian's, with deploy/nginx.conf) serving the static export, held to the server's contract.
export default defineConfig({
  test: {
    include: ['test/nginx/**/*.test.ts'],
    testTimeout: 30_000,
    // The hook builds the whole export before nginx starts.
    hookTimeout: 120_000,
  },
});
