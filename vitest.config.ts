import { defineConfig } from 'vitest/config';

/**
 * Three suites, named for what they touch:
 * - unit: pure code, no database, no network;
 * - components: Astro components rendered in isolation (no database, no network);
 * - integration: real Postgres (PGlite always, a PostgreSQL server when TEST_DATABASE_URL is set);
 * - e2e: Debian's Chromium against the production build.
 */
export default defineConfig({
  test: {
    // `npm run test:coverage` (CI): V8 coverage of the server and library code
    // the unit and integration suites run. The e2e suite drives a separate
    // server process, which is not counted.
    coverage: {
      provider: 'v8',
      include: ['src/**/*.{ts,tsx}'],
      exclude: ['src/**/*.d.ts'],
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: 'coverage',
    },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // Suites run one after another: unit, integration, then e2e, so the
          // browser suite does not compete with PGlite for two cores.
          sequence: { groupOrder: 0 },
        },
      },
      // .astro components rendered with Astro's Container API (its own Vite config).
      'tests/components/vitest.config.ts',
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/integration-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // PGlite instances are memory-hungry WASM; two workers fit two cores.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/e2e-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
