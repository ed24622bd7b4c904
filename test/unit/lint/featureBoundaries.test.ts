import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The renderer's import boundaries (eslint.config.js, renderer/src/README.md), checked on
// example sources linted as if they were files of the renderer.
const root = resolve(import.meta.dirname, '../../..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The import sources ESLint restricts in `code`, as if it were the file at `path`. */
async function restricted(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, path) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => /'([^']*)' import is restricted/.exec(m.message)?.[1] ?? m.message);
}

const imports = (...sources: string[]) =>
  sources.map((s, i) => `import { x${i} } from '${s}';`).join('\n') +
  `\nexport const all = [${sources.map((_, i) => `x${i}`).join(', ')}];\n`;

describe('feature folders', () => {
  it('may not import another feature, by a relative or a longer path, even a type or a stylesheet', async () => {
    const file = 'renderer/src/features/notes/Probe.ts';
    const code =
      imports('../data/DataScreen', '../../features/risks/RiskDetail') +
      "import type { SyncScreen } from '../sync/SyncScreen';\nexport type S = typeof SyncScreen;\n" +
      "import '../today/today.css';\n";
    expect(await restricted(file, code)).toEqual([
      '../data/DataScreen',
      '../../features/risks/RiskDetail',
      '../sync/SyncScreen',
      '../today/today.css',
    ]);
  });

  it('may import their own folder, components, lib, state, styles and the app contracts', async () => {
    const file = 'renderer/src/features/notes/Probe.ts';
    const code = imports(
      './NotesScreen',
      '../../features/notes/NoteDetail',
      '../../components/attachments/AttachmentsPanel',
      '../../lib/formatBytes',
      '../../state/uiStore',
      '../../app/WorkbenchContext',
      '../../app/openRecord',
      '../../app/screenProps',
      '../../app/openSearch',
      '../../app/shortcuts',
      '@shared/model/registry',
    );
    expect(await restricted(file, code)).toEqual([]);
  });

  it("may not import the shell's composition (the registry, the frame)", async () => {
    const file = 'renderer/src/features/risks/Probe.ts';
    const code = imports('../../app/screens', '../../app/App', '../../app/EngagementView');
    expect(await restricted(file, code)).toEqual([
      '../../app/screens',
      '../../app/App',
      '../../app/EngagementView',
    ]);
  });

  it('still may not import electron code or Node modules', async () => {
    const file = 'renderer/src/features/sync/Probe.ts';
    expect(await restricted(file, imports('electron', 'node:fs'))).toEqual(['electron', 'node:fs']);
  });
});

describe('components, lib and state', () => {
  it('may not import a feature or the shell composition', async () => {
    for (const file of [
      'renderer/src/components/records/Probe.ts',
      'renderer/src/lib/Probe.ts',
      'renderer/src/state/Probe.ts',
    ]) {
      const up = file.startsWith('renderer/src/components/') ? '../..' : '..';
      const code = imports(`${up}/features/notes/NotesScreen`, `${up}/app/screens`);
      expect(await restricted(file, code)).toEqual([
        `${up}/features/notes/NotesScreen`,
        `${up}/app/screens`,
      ]);
    }
  });
});

describe('the shell', () => {
  it('composes the features', async () => {
    const file = 'renderer/src/app/Probe.ts';
    const code = imports('../features/notes/NotesScreen', '../features/sync/SyncScreen');
    expect(await restricted(file, code)).toEqual([]);
  });
});
