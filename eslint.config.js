import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// model, io, analysis and theme run in Node (the CLI) and in workers: no React, DOM or store.
const headless = {
  patterns: [
    { group: ['react', 'react-dom', 'react-dom/*', '@xyflow/*', 'zustand', 'zustand/*', 'idb-keyval'], message: 'model, io and analysis stay headless.' },
    { group: ['**/store/**', '**/canvas/**', '**/panels/**', '**/app/**', '**/persist/**', '**/commands/**'], message: 'model, io and analysis must not depend on the UI.' },
  ],
};

const textNotHtml = [
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render text as text, never HTML.' },
  { selector: "MemberExpression[property.name='innerHTML']", message: 'Render text as text, never HTML.' },
];

// Outside the store, editor state changes only through commands and named store
// actions, never a raw setter (zustand's setState, or a `set` read from getState()).
const noRawSetter = [
  { selector: "MemberExpression[property.name='setState']", message: 'Change the editor through a command or a named store action.' },
  { selector: "MemberExpression[property.name='set']:has(CallExpression[callee.property.name='getState'])", message: 'Change the editor through a command or a named store action.' },
  { selector: "VariableDeclarator:has(CallExpression[callee.property.name='getState']) > ObjectPattern > Property[key.name='set']", message: 'Change the editor through a command or a named store action.' },
  { selector: "CallExpression[callee.name=/^useEditor/] ArrowFunctionExpression > MemberExpression.body[property.name='set']", message: 'Change the editor through a command or a named store action.' },
];

export default tseslint.config(
  { ignores: ['dist', 'dist-cli', 'node_modules', 'test-results', 'playwright-report', 'dev-dist', 'bench/out'] },
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
      'no-restricted-syntax': ['error', ...textNotHtml],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Playwright fixtures call `use`, which is not React's hook.
    files: ['e2e/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/store/**'],
    rules: { 'no-restricted-syntax': ['error', ...textNotHtml, ...noRawSetter] },
  },
  {
    files: ['src/model/**', 'src/io/**', 'src/analysis/**', 'src/cli/**', 'src/theme/**'],
    rules: { 'no-restricted-imports': ['error', headless] },
  },
);
