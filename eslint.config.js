// Lint rules, including the import boundaries of docs/app-shell.md: only the model/worker side
// (model, pathways, analysis, worker, Node scripts) may import TensorFlow.js, and only rendering
// code (layout, render) may import d3. The boundaries are enforced here, not by memory.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const tfjsBan = {
  group: ['@tensorflow/*'],
  message: 'TensorFlow.js belongs to src/model, src/pathways, src/analysis and src/worker only.',
};
const d3Ban = {
  group: ['d3', 'd3-*'],
  message: 'd3 belongs to src/layout and src/render only.',
};
const reactBan = {
  group: ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*'],
  message: 'The method and the analyses are pure: no React, no store (docs/app-shell.md).',
};
const appBan = {
  group: ['**/app', '**/app/**'],
  message:
    'src/app (the shell and the session) is the top of the house: components and state never import it; ' +
    'call a store action and let src/app/session react (docs/app-shell.md).',
};
const componentsBan = {
  group: ['**/components', '**/components/**'],
  message: 'src/state holds data and its types; move a type it needs out of src/components.',
};
// The method and the analyses run in a worker, in Node and in tests: no page globals.
const domGlobals = [
  'window',
  'document',
  'localStorage',
  'sessionStorage',
  'location',
  'history',
  'HTMLElement',
  'HTMLCanvasElement',
  'Image',
  'alert',
].map((name) => ({
  name,
  message: 'src/pathways and src/analysis are DOM-free (they run in workers and Node).',
}));

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'public/**',
      'test-results/**',
      'playwright-report/**',
      'e2e-artifacts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node, ...globals.worker },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: ['src/app/**', 'src/lib/**', 'src/main.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: [tfjsBan, d3Ban] }] },
  },
  {
    files: ['src/components/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [tfjsBan, d3Ban, appBan] }] },
  },
  {
    files: ['src/state/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [tfjsBan, d3Ban, appBan, componentsBan] }],
    },
  },
  {
    files: ['src/layout/**', 'src/render/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [tfjsBan] }] },
  },
  {
    files: ['src/model/**', 'src/worker/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [d3Ban] }] },
  },
  {
    files: ['src/pathways/**', 'src/analysis/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [d3Ban, reactBan, appBan, componentsBan] }],
      'no-restricted-globals': ['error', ...domGlobals],
    },
  },
);
