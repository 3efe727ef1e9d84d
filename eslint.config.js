import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';

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
        { patterns: ['**/server/**', '@electric-sql/*', 'pg', 'pg-*'] },
      ],
    },
  },
];
