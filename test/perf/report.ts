import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { repoRoot } from '../browser/harness/paths';

/** The median of some timings (ms). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The p-th percentile (0..100) of some timings (ms), nearest-rank. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

/** One measured figure, with the goal it is held against (for the report only, never asserted). */
export interface BenchFigure {
  name: string;
  value: number;
  unit: 'ms' | 'ratio' | 'files' | 'bytes' | 'count' | 'percent';
  goal?: string;
}

/**
 * Prints a benchmark's figures as a table and writes them to test-results/bench/<suite>.json,
 * so the closing notes can quote them.
 */
export async function reportBench(suite: string, figures: BenchFigure[]): Promise<void> {
  const rows = figures.map((f) => ({
    figure: f.name,
    value: Number.isInteger(f.value) ? f.value : Number(f.value.toFixed(3)),
    unit: f.unit,
    goal: f.goal ?? '',
  }));
  console.log(`\n[bench] ${suite}`);
  console.table(rows);
  const dir = join(repoRoot, 'test-results/bench');
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, `${suite}.json`),
    JSON.stringify({ suite, at: new Date().toISOString(), figures: rows }, null, 2),
  );
}
