// @ts-check
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const reactHooks = require('eslint-plugin-react-hooks');

const NODE_BUILTINS = [
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'stream',
  'util',
  'buffer',
  'worker_threads',
  'url',
  'zlib',
];
const pureRestrictions = {
  paths: NODE_BUILTINS.map((name) => ({ name, message: 'Pure layers never use Node APIs: adapters do I/O.' })),
  patterns: [
    { group: ['node:*'], message: 'Pure layers never use Node APIs: adapters do I/O.' },
    { group: ['react', 'react-dom', 'react/*', '@fluentui/*'], message: 'Pure layers never import UI code.' },
    {
      group: ['exceljs', '**/office/**', '**/xlsx/**', '**/taskpane/**'],
      message: 'Pure layers never import adapters.',
    },
  ],
};

module.exports = tseslint.config(
  { ignores: ['dist/**', 'dist-addin/**', 'node_modules/**', 'coverage/**', 'test-artifacts/**', 'out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The rules of hooks and the React Compiler's checks for the pane and the playground.
    files: ['src/taskpane/**/*.{ts,tsx}', 'src/playground/**/*.{ts,tsx}', 'test/**/*.tsx'],
    ...reactHooks.configs.flat['recommended-latest'],
    rules: { ...reactHooks.configs.flat['recommended-latest'].rules, 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: [
      'src/engine/**/*.ts',
      'src/input/**/*.ts',
      'src/workpapers/**/*.ts',
      'src/template/**/*.ts',
      'src/export/**/*.ts',
    ],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', pureRestrictions] },
  },
);
