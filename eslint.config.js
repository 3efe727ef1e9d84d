import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import { boundaryZones } from './eslint/boundaries.js';

export default [
  {
    ignores: [
      'dist/',
      'dist-*/',
      '.astro/',
      '.data/',
      '.data-*/',
      '.tmp/',
      '.test-data/',
      'node_modules/',
      'bench/results/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Astro's ambient App.Locals declaration must stay a script, so it names types with import().
    files: ['src/env.d.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    // Islands run in the browser: they must never reach server-only code.
    files: ['src/components/islands/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/server/**', '@electric-sql/*', 'pg', 'pg-*', 'node:*'] },
      ],
    },
  },
  {
    // Module boundaries (eslint/boundaries.js, docs/architecture.md).
    files: ['src/**/*.{ts,tsx,astro,mjs}'],
    plugins: { 'import-x': importX },
    settings: {
      // Parse TypeScript dependencies too (no-cycle follows them).
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.mjs', '.js', '.astro', '.json'] }),
      ],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: boundaryZones() }],
    },
  },
  {
    // No import cycles in server and shared code (a cycle is a boundary in disguise).
    files: ['src/server/**/*.ts', 'src/lib/**/*.ts', 'src/middleware.ts'],
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
];
