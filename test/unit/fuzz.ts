// fast-check settings shared by the property tests: a fixed seed (the same cases every run, so a
// failure is reproducible and no test is flaky) and a number of cases that `npm run fuzz` raises
// through FUZZ_RUNS (and FUZZ_SEED, to explore other cases) for a longer run.
import type { Parameters } from 'fast-check';

/** The seed of every property in `npm test`. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261207);

/**
 * Options for fc.assert: `runs` cases in `npm test`; in `npm run fuzz`, FUZZ_RUNS cases times
 * `share` (below 1 for a property whose case is slow, such as rendering a whole memo).
 */
export function fuzz<T>(runs: number, share = 1): Parameters<T> {
  const more = Number(process.env.FUZZ_RUNS ?? 0);
  return { seed: FUZZ_SEED, numRuns: more > 0 ? Math.max(runs, Math.round(more * share)) : runs };
}

/** A test's time limit: generous for the longer `npm run fuzz` run. */
export const fuzzTimeout = (ms: number): number => (process.env.FUZZ_RUNS ? 600_000 : ms);
