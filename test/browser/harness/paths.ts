import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../../..');
export const rendererDir = join(repoRoot, 'out/renderer');
export const screenshotDir = join(repoRoot, 'test-results/screenshots');
