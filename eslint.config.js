import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// model, io and analysis run in Node (the CLI) and in workers: no React, DOM or store.
const headless = {
  patterns: [
    { group: ['react', 'react-dom', 'react-dom/*', '@xyflow/*', 'zustand', 'zustand/*', 'idb-keyval'], message: 'model, io and analysis stay headless.' },
    { group: ['**/store/**', '**/canvas/**', '**/panels/**', '**/app/**', '**/persist/**', '**/commands/**'], message: 'model, io and analysis must not depend on the UI.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'dev-dist', 'bench/out'] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx,js}'],
    languageOptions: { ecmaVersion: 2023, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-properties': ['error', { object: 'window', property: 'eval' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render text as text, never HTML.' },
        { selector: "MemberExpression[property.name='innerHTML']", message: 'Render text as text, never HTML.' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Playwright fixtures call `use`, which is not React's hook.
    files: ['e2e/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    files: ['src/model/**', 'src/io/**', 'src/analysis/**', 'src/cli/**'],
    rules: { 'no-restricted-imports': ['error', headless] },
  },
);
