import { defineConfig } from 'vitest/config';

// Lives in test/ because the design card keeps the top level to package.json and tsconfig.json.
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default', 'json'],
    outputFile: { json: '.ci/test-results.json' },
  },
});
