// `npm run fuzz`: the property tests with many more cases than `npm test` runs (FUZZ_RUNS,
// default 3000 per property; FUZZ_SEED for other cases than the fixed seed), plus the print
// layout sample in Chromium when FUZZ_BROWSER=1 (after `npm run build`).
import { spawnSync } from 'node:child_process';

const env = { ...process.env, FUZZ_RUNS: process.env.FUZZ_RUNS ?? '3000' };
const files = [
  'test/unit/csv/csvProperties.test.ts',
  'test/unit/memo/verify.test.ts',
  'test/unit/memo/markdownProperties.test.ts',
  'test/unit/archive/archiveProperties.test.ts',
  'test/unit/sync/formatProperties.test.ts',
];
const run = (args) =>
  spawnSync('npx', ['vitest', 'run', ...args], {
    stdio: 'inherit',
    env,
    shell: process.platform === 'win32',
  }).status ?? 1;
let status = run(['--project', 'unit', ...files]);
if (status === 0 && process.env.FUZZ_BROWSER === '1') {
  status = run(['--project', 'browser', 'test/browser/printLayout.spec.ts']);
}
process.exit(status);
