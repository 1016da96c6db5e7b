// Lint: typescript-eslint's recommended rules over sources, tests and scripts; dist/ is generated.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '.bench/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', performance: 'readonly', Buffer: 'readonly' } },
    rules: {
      'no-control-regex': 'off', // terminal-safe.ts matches control characters on purpose
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // A function fits on a screen: longer ones are split into named steps.
    files: ['src/**/*.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }] },
  },
);
