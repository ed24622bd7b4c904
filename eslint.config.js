// ESLint flat config. Zero warnings are allowed (`npm run lint` uses --max-warnings 0).
// The layer rules keep the architecture honest:
//   shared/   imports nothing from electron/ or renderer/ (and no Node or DOM-only modules);
//   renderer/ never imports electron/ code (type-only imports of electron/preload/api are allowed);
//   electron/ never imports renderer/.
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
  layer(
    ['renderer/**/*.{ts,tsx}'],
    [
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
    ],
  ),
  layer(
    ['electron/**/*.ts'],
    [{ group: ['**/renderer/**'], message: 'electron/ must not import renderer code.' }],
  ),
);
