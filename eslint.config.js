// Lint rules, including the import boundaries of architecture.md: only the model/worker side
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
    files: ['src/app/**', 'src/components/**', 'src/state/**', 'src/lib/**', 'src/main.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: [tfjsBan, d3Ban] }] },
  },
  {
    files: ['src/layout/**', 'src/render/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [tfjsBan] }] },
  },
  {
    files: ['src/model/**', 'src/pathways/**', 'src/analysis/**', 'src/worker/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [d3Ban] }] },
  },
);
