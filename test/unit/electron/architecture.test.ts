import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sourceFiles(path);
      return Promise.resolve(
        /\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [],
      );
    }),
  );
  return nested.flat();
}

async function filesMatching(pattern: RegExp): Promise<string[]> {
  const files = await sourceFiles(join(ROOT, 'electron'));
  const hits: string[] = [];
  for (const file of files) {
    if (pattern.test(await readFile(file, 'utf8')))
      hits.push(relative(ROOT, file).split('\\').join('/'));
  }
  return hits.sort();
}

describe('electron/ layering', () => {
  it("only the thin wiring files import 'electron' at runtime", async () => {
    const importers = await filesMatching(/^import (?!type)[^;]*from 'electron';/m);
    expect(importers).toEqual([
      'electron/main/dialogs/dialogs.main.ts',
      'electron/main/index.ts',
      'electron/main/menu.main.ts',
      'electron/main/pdf/printToPdf.main.ts',
      'electron/main/window.main.ts',
      'electron/preload/index.ts',
    ]);
  });

  it('calls shell.openExternal in exactly one place', async () => {
    expect(await filesMatching(/shell\.openExternal\(/)).toEqual(['electron/main/index.ts']);
    const main = await readFile(join(ROOT, 'electron/main/index.ts'), 'utf8');
    expect(main.match(/shell\.openExternal\(/g)).toHaveLength(1);
  });

  it('the preload never exposes ipcRenderer itself', async () => {
    const preload = await readFile(join(ROOT, 'electron/preload/index.ts'), 'utf8');
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(preload).toMatch(/exposeInMainWorld\('workbench', createWorkbenchApi\(ipcRenderer\)\)/);
  });
});
