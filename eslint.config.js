// Lint rules (npm run lint, part of npm test): typescript-eslint and react-hooks recommended, type imports marked as
// such, the environment read in server/env.ts only, geo free of the clock, functions of at most 60 lines. Layers are checked by dependency-cruiser
// (.dependency-cruiser.cjs); formatting by Prettier.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'coverage/',
      'test-artifacts/',
      'bench-results/',
      '.data/',
      'data/demo/out/',
      'server/db/migrations/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read the environment through server/env.ts (readEnv).' },
      ],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['geo/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'geo/ is pure: pass the date in.' },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'geo/ is pure.' },
        { name: 'window', message: 'geo/ is pure.' },
        { name: 'document', message: 'geo/ is pure.' },
      ],
    },
  },
  {
    // A function longer than a screen does several things: split it by step (router factories list their routes).
    files: ['geo/**/*.ts', 'server/**/*.ts', 'data/**/*.ts', 'web/**/*.{ts,tsx}'],
    rules: { 'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }] },
  },
  {
    // Specs read JSON bodies of many shapes; typing each one would restate the contracts they check.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The one reader of the environment, and the tools that pass it on to the processes they start.
    files: [
      'server/env.ts',
      'scripts/**/*.ts',
      'tests/**/*.ts',
      'vite.config.ts',
      'vitest.config.ts',
      'drizzle.config.ts',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
);
