import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = { '@shared': resolve(import.meta.dirname, 'shared') };

export default defineConfig({
  resolve: { alias },
  test: {
    reporters: ['default', './test/summaryReporter.ts'],
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
          // Sync and property tests do real work (files, gzip, thousands of cases); 5 s was
          // reached on a loaded machine. Speed goals are in test/perf, never here.
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'browser',
          environment: 'node',
          include: ['test/browser/**/*.spec.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        // `npm run bench`: speed measurements (medians and ratios), never part of `npm test`.
        resolve: { alias },
        test: {
          name: 'perf',
          environment: 'node',
          include: ['test/perf/**/*.perf.ts'],
          testTimeout: 600_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
