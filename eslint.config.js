// ESLint flat config. Zero warnings are allowed (`npm run lint` uses --max-warnings 0).
// The layer rules keep the architecture honest:
//   shared/   imports nothing from electron/ or renderer/ (and no Node or DOM-only modules);
//   renderer/ never imports electron/ code (type-only imports of electron/preload/api are allowed);
//   electron/ never imports renderer/.
// And inside renderer/src (see renderer/src/README.md):
//   a feature folder (features/X) never imports another feature folder (features/Y);
//   components/, lib/ and state/ never import a feature;
//   none of them imports the shell's composition (app/App, app/screens, …): only the app's
//   contracts (APP_CONTRACTS below). The shell (app/) composes the features.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import regexpPlugin from 'eslint-plugin-regexp';
import jsxA11y from 'eslint-plugin-jsx-a11y';

const layer = (from, patterns) => ({
  files: from,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: patterns.map((p) => ({
          group: p.group,
          message: p.message,
          ...(p.allowTypeImports ? { allowTypeImports: true } : {}),
        })),
      },
    ],
  },
});

// The feature folders, read from disk so a new feature is covered without editing this file.
const FEATURES = readdirSync(new URL('./renderer/src/features', import.meta.url), {
  withFileTypes: true,
})
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

// What a feature, a component, a helper or the store may import from app/: the contracts the
// shell offers. Everything else in app/ composes the features and would make a cycle.
const APP_CONTRACTS = ['WorkbenchContext', 'openRecord', 'openSearch', 'screenProps', 'shortcuts'];

const RENDERER_PATTERNS = [
  {
    group: ['**/electron/**', 'electron', 'electron/*'],
    message:
      'renderer/ must not import electron code; use window.workbench (types from electron/preload/api).',
    allowTypeImports: true,
  },
  {
    group: ['node:*', 'fs', 'path', 'os', 'child_process'],
    message: 'No Node modules in the renderer.',
  },
];

const SHELL_ONLY = {
  group: ['**/app/*', ...APP_CONTRACTS.map((name) => `!**/app/${name}`)],
  message: `Only the app shell composes screens; import from app/ only its contracts (${APP_CONTRACTS.join(', ')}).`,
};

const otherFeatures = (feature) => ({
  group: FEATURES.filter((other) => other !== feature).flatMap((other) => [
    `../${other}`,
    `../${other}/**`,
    `**/features/${other}`,
    `**/features/${other}/**`,
  ]),
  message:
    'A feature folder must not import another feature: move what both use to components/, lib/ or styles/ (or let the shell in app/ pass it in).',
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Regular expressions: the recommended checks, with super-linear backtracking (a pattern that
  // freezes on a long line of a hostile file) as errors. No such pattern may see user or file text.
  regexpPlugin.configs['flat/recommended'],
  {
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
    },
  },
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: [
      'electron/**/*.ts',
      'scripts/**/*.{ts,mjs,js}',
      'tools/**/*.mjs',
      'test/**/*.ts',
      '*.config.{ts,js}',
      '.ci/**/*.mjs',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  // Accessibility of the JSX (labels, roles, keyboard handlers): the plugin's recommended rules.
  {
    files: ['renderer/**/*.tsx'],
    ...jsxA11y.flatConfigs.recommended,
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      // Form components take `autoFocus` as a prop and mark the field data-autofocus; the
      // Dialog focuses it when it opens (the WAI-ARIA dialog pattern). DOM autoFocus stays banned.
      'jsx-a11y/no-autofocus': ['error', { ignoreNonDOM: true }],
      // A focusable separator is the WAI-ARIA window splitter (a widget), as a tabpanel may be.
      'jsx-a11y/no-noninteractive-tabindex': [
        'error',
        { tags: [], roles: ['tabpanel', 'separator'] },
      ],
    },
  },
  layer(
    ['shared/**/*.ts'],
    [
      {
        group: ['**/electron/**', 'electron', 'electron/*'],
        message: 'shared/ must not import electron code.',
      },
      { group: ['**/renderer/**'], message: 'shared/ must not import renderer code.' },
      {
        group: ['node:*', 'fs', 'path', 'os', 'child_process'],
        message: 'shared/ is pure TypeScript: no Node modules.',
      },
      {
        group: ['react', 'react-dom', 'dexie', 'zustand'],
        message: 'shared/ must not depend on UI or storage libraries.',
      },
    ],
  ),
  layer(['renderer/**/*.{ts,tsx}'], RENDERER_PATTERNS),
  // (A later block's no-restricted-imports replaces the earlier one, so each repeats the renderer's.)
  ...FEATURES.map((feature) =>
    layer(
      [`renderer/src/features/${feature}/**/*.{ts,tsx}`],
      [...RENDERER_PATTERNS, otherFeatures(feature), SHELL_ONLY],
    ),
  ),
  layer(
    ['renderer/src/{components,lib,state}/**/*.{ts,tsx}'],
    [
      ...RENDERER_PATTERNS,
      {
        group: ['**/features', '**/features/**'],
        message: 'components/, lib/ and state/ sit below the features: they must not import one.',
      },
      SHELL_ONLY,
    ],
  ),
  layer(
    ['electron/**/*.ts'],
    [{ group: ['**/renderer/**'], message: 'electron/ must not import renderer code.' }],
  ),
);
