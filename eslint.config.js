import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * What an app may take from the libs: each block names the parts of the domain (its subpath
 * imports, `#domain/<part>`) that an app's own code must not import, and why.
 */
function boundary(files, patterns) {
  return {
    files,
    ignores: ['**/*.spec.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'coverage/**', 'node_modules/**', 'tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // Nest modules are classes made of decorators and static factories.
      '@typescript-eslint/no-extraneous-class': ['error', { allowWithDecorator: true }],
      // Nest types its option objects as classes that are never constructed.
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
      // noUncheckedIndexedAccess types every indexed read `T | undefined`; in the columnar loops,
      // bounded by the arrays' length, `!` states that invariant where a check per read would cost.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/explicit-function-return-type': [
        'error',
        { allowExpressions: true, allowTypedFunctionExpressions: true },
      ],
    },
  },
  {
    // The dashboard runs in the browser.
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    // Plain JavaScript states no types.
    rules: { '@typescript-eslint/explicit-function-return-type': 'off' },
  },
  {
    // The domain and the message contracts are pure: no framework, no I/O, so they run unchanged in
    // the CLI, the gateway and the workers.
    files: ['libs/domain/src/**/*.ts', 'libs/contracts/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@nestjs/*', 'rxjs', 'rxjs/*'], message: 'The domain imports no framework.' },
            {
              group: ['\\#contracts', '\\#platform', '\\#input'],
              message: 'The domain and the contracts depend on no lib above them.',
            },
            {
              group: [
                'node:*',
                'fs',
                'fs/*',
                'path',
                'net',
                'http',
                'child_process',
                'stream',
                'os',
              ],
              message: 'The domain does no I/O.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'require', 'Buffer'],
    },
  },
  boundary(
    ['apps/gateway/src/**/*.ts'],
    [
      {
        group: ['\\#domain/csv', '\\#domain/store'],
        message:
          'The gateway speaks no CSV and holds no rows: route records with #domain/ingest, build reports from summaries.',
      },
    ],
  ),
  boundary(
    ['apps/city-worker/src/**/*.ts'],
    [
      {
        group: ['\\#domain/report', '\\#domain/query', '\\#domain/labels'],
        message: 'A worker stores and summarizes its city; reports are built by the gateway.',
      },
    ],
  ),
  boundary(
    ['apps/web/src/**/*.{ts,tsx}'],
    [
      {
        group: ['\\#domain/*', '!\\#domain/labels', '\\#contracts'],
        allowTypeImports: true,
        message: 'The dashboard takes types of the API and the labels catalogue, no server code.',
      },
      {
        group: ['\\#platform', '\\#input'],
        message: 'The dashboard runs in the browser: no Node.js helpers.',
      },
    ],
  ),
  boundary(
    ['libs/contracts/src/**/*.ts'],
    [
      {
        group: ['\\#domain/*'],
        allowTypeImports: true,
        message: 'The contracts name the domain types they carry; they run no domain code.',
      },
    ],
  ),
);
