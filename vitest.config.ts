import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Node loads graphql's CommonJS build for the externalized libraries (Pothos, Yoga); the tests
  // must load the same copy, or graphql-js rejects types "from another realm".
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    testTimeout: 30_000,
    // Each project inherits the alias and the timeout above (`extends: true`).
    projects: [
      {
        extends: true,
        // Pure functions (`npm run test:unit`): no database, files in parallel.
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          exclude: ['test/unit/**'],
          globalSetup: ['test/global-setup.ts'],
          // One shared database: files run one after another so counts and seeds stay deterministic.
          fileParallelism: false,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
