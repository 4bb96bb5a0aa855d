// ESLint for the repo's TypeScript: the projects `npm run typecheck` checks (contract/, tsconfig.json,
// hub/tsconfig.json, test/e2e/tsconfig.json), type-checked. House style: /work/shared/notes/style.md.
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const typescriptSources = [
  'contract/src/**/*.ts',
  'src/**/*.ts',
  'test/**/*.ts',
  'stories/**/*.ts',
  'hub/src/**/*.ts',
  'hub/test/**/*.ts',
];

export default defineConfig(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'storybook-static/**',
      'examples/*/dist/**',
      'custom-elements.json',
      '**/.data/**',
      // Type tests of the generated JSX typings, checked by scripts/check-manifest.mjs, in no tsconfig.
      'test/integrations/**',
    ],
  },
  {
    files: typescriptSources,
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    settings: {
      // no-cycle follows only files it may parse: the TypeScript ones too, with typescript-eslint's parser.
      'import-x/extensions': ['.ts', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      // Resolves the `.js` specifiers that name `.ts` files, through each project's tsconfig.
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: ['contract/tsconfig.json', 'tsconfig.json', 'hub/tsconfig.json', 'test/e2e/tsconfig.json'],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: {
      'import-x/no-cycle': 'error',
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            // node:test's describe/it return promises the runner itself awaits.
            { from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite'] },
            // @open-wc/semantic-dom-diff types chai's `equal` as returning a Promise; it is synchronous.
            { from: 'package', package: '@open-wc/semantic-dom-diff', name: 'Equal' },
          ],
        },
      ],
      // Parameters a signature needs but a body ignores (fakes, Lit lifecycle overrides), and fields a
      // destructuring leaves out, start with `_`.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // `async` is how fakes and handlers meet Promise-returning interfaces; without it a throw would be synchronous.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['test/**/*.ts', 'hub/test/**/*.ts'],
    rules: {
      // Chai's property assertions (`expect(x).to.exist`, `.to.be.empty`) are expressions by design.
      '@typescript-eslint/no-unused-expressions': 'off',
      // Tests read what arrives over the wire (JSON, WebSocket frames) and assert its shape themselves.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
    },
  },
  {
    files: ['src/components/**/*.ts', 'stories/**/*.ts'],
    extends: [lit.configs['flat/recommended'], wc.configs['flat/best-practice']],
    rules: {
      // Lit calls template event listeners with the element as `this`, so `@click=${this.hangUp}` is bound.
      '@typescript-eslint/unbound-method': 'off',
      // LitElement always defines connectedCallback/disconnectedCallback; the guard is for bare HTMLElement.
      'wc/guard-super-call': 'off',
    },
  },
);
