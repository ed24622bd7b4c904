import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

export type RuntimeChoice =
  { kind: 'electron'; executablePath: string } | { kind: 'chromium'; executablePath: string };

const require = createRequire(import.meta.url);

/**
 * The Electron binary the `electron` package installed, when it was downloaded. Read from the
 * package's path.txt rather than `require('electron')`, which would try to download it.
 */
export function findElectronBinary(): string | null {
  try {
    const packageDir = dirname(require.resolve('electron/package.json'));
    const relative = readFileSync(join(packageDir, 'path.txt'), 'utf8').trim();
    const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist');
    const binary = join(distDir, relative);
    return relative !== '' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return (
    candidates.find((p): p is string => typeof p === 'string' && p !== '' && existsSync(p)) ?? null
  );
}

/**
 * One choice for the whole browser suite. WORKBENCH_BROWSER=electron|chromium forces one;
 * otherwise the real Electron app is used when its binary is installed, and Debian's Chromium
 * otherwise. With neither, the suite fails with a message saying what to install.
 */
export function chooseRuntime(env: NodeJS.ProcessEnv = process.env): RuntimeChoice {
  const forced = env.WORKBENCH_BROWSER;
  const electron = forced === 'chromium' ? null : findElectronBinary();
  if (electron) return { kind: 'electron', executablePath: electron };
  if (forced === 'electron') {
    throw new Error(
      'WORKBENCH_BROWSER=electron but the Electron binary is not installed: run `npm install` where the binary can be downloaded (without ELECTRON_SKIP_BINARY_DOWNLOAD).',
    );
  }
  const chromium = findChromium();
  if (chromium) return { kind: 'chromium', executablePath: chromium };
  throw new Error(
    'Browser tests need a browser: install Chromium (Debian: `apt-get install chromium`, or set CHROMIUM_PATH) or the Electron binary (`npm install` without ELECTRON_SKIP_BINARY_DOWNLOAD).',
  );
}
