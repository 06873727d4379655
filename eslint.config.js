import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const SDKS = [
  '@pnp/*',
  '@microsoft/teams-js',
  '@azure/msal-browser',
  'react',
  'react-dom',
  '@fluentui/*',
  '@tiptap/*',
  'dompurify',
];

/** Import restriction helper: `patterns` forbidden for files matched by `files`. */
function forbid(files, patterns, message, ignores = []) {
  return {
    files,
    ignores,
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist', 'node_modules', '.local-site', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  // The layers of STYLE.md: domain is pure; features use ports, never adapters; nothing in the
  // app imports the local SharePoint site (it is served beside the app, not bundled into it).
  forbid(
    ['src/domain/**'],
    [...SDKS, '**/adapters/**', '**/features/**', '**/app/**', '**/local-site/**', '**/i18n/**'],
    'The domain is pure TypeScript: no SDKs, no UI, no adapters.',
  ),
  forbid(
    ['src/features/**', 'src/i18n/**'],
    [
      '@pnp/*',
      '@microsoft/teams-js',
      '@azure/msal-browser',
      '**/adapters/**',
      '**/local-site/**',
      '**/app/**',
    ],
    'Features use domain ports; only src/app wires adapters.',
  ),
  forbid(
    ['src/adapters/**'],
    ['react', 'react-dom', '@fluentui/*', '**/features/**', '**/app/**', '**/local-site/**'],
    'Adapters implement ports; they know no UI and no local emulation.',
  ),
  forbid(
    ['src/app/**', 'src/main.tsx'],
    ['**/local-site/**', '@pnp/*', '@microsoft/teams-js', '@azure/msal-browser'],
    'The composition root builds adapters; it does not call SDKs itself.',
  ),
  // The local SharePoint is a stand-in for SharePoint Online, written from Microsoft's
  // documentation: it knows nothing of the app. Its demo data is the app's (src/demo, built with
  // the app's own set-up and adapters) and reaches it from vite.config.ts.
  forbid(
    ['src/local-site/**'],
    [
      '../*',
      '../**',
      '**/adapters/**',
      '**/domain/**',
      '**/app/**',
      '**/features/**',
      '**/i18n/**',
      '**/demo/**',
    ],
    'The local SharePoint imports nothing from the app (src/local-site stands alone).',
  ),
  // The tenant-mode resources (SharePoint and Graph on their own origins) are Node servers in
  // front of the local site: they may use src/local-site, never the app.
  forbid(
    ['src/local-tenant/resource/**'],
    [
      ...SDKS,
      '../../*',
      '!../../local-site',
      '**/adapters/**',
      '**/domain/**',
      '**/app/**',
      '**/features/**',
      '**/i18n/**',
      '**/demo/**',
    ],
    'The local tenant’s resources import src/local-site and nothing of the app.',
  ),
  // The local identity provider stands in for Entra ID: nothing of the app, nor of the other
  // stand-ins (tls.ts beside it is the start script's).
  forbid(
    ['src/local-tenant/identity/**'],
    [
      ...SDKS,
      '../*',
      '../**',
      '**/adapters/**',
      '**/domain/**',
      '**/app/**',
      '**/features/**',
      '**/i18n/**',
      '**/demo/**',
      '**/local-site/**',
    ],
    'The local identity provider imports nothing of the app or the other stand-ins.',
  ),
  // The app's code validates with Zod's small functional build: the full `zod` would add ~17 KB
  // gzip to the first screen (docs/benchmarks.md).
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}', 'src/local-site/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value='zod']",
          message: "Import Zod as 'zod/mini' in the app's code (first-screen budget).",
        },
      ],
    },
  },
);
