import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, normalizePath, type HtmlTagDescriptor, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { loadDemoState } from './src/demo/load-demo-state';
import { emptySiteState, halfSetUp } from './src/local-site/test-fixture';
import { localSitePlugin } from './src/local-site/vite-plugin';
import { connectSourcesFrom, frameSourcesFrom, securityHeaders } from './csp.config';
import { statementContact } from './src/app/statement-config';
import { renderStatementPage, STATEMENT_PAGES } from './src/features/accessibility/statement-page';

/**
 * Preloads, from index.html, the module main.tsx imports as soon as it has asked for the data
 * (`src/app/render.tsx`: the screens) and everything it imports: they download beside the entry
 * instead of after it has run. Vite preloads only an entry's static imports by itself.
 */
function preloadRenderModule(base: string): Plugin {
  return {
    name: 'planuppfoljning:preload-render-module',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { path, bundle, chunk }): HtmlTagDescriptor[] {
        if (path !== '/index.html' || !bundle || !chunk) return [];
        const imports = (file: string): string[] => {
          const output = bundle[file];
          return output?.type === 'chunk' ? output.imports : [];
        };
        const closure = (file: string, seen = new Set<string>()): Set<string> => {
          if (!seen.has(file)) {
            seen.add(file);
            for (const next of imports(file)) closure(next, seen);
          }
          return seen;
        };
        const render = Object.values(bundle).find(
          (output) =>
            output.type === 'chunk' &&
            /[\\/]src[\\/]app[\\/]render\.tsx$/.test(output.facadeModuleId ?? ''),
        );
        if (!render) throw new Error('preload-render-module: no chunk for src/app/render.tsx');
        const loaded = closure(chunk.fileName);
        return [...closure(render.fileName)]
          .filter((file) => !loaded.has(file))
          .map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${file}` },
            injectTo: 'head',
          }));
      },
    },
  };
}

/**
 * The accessibility statement as public pages of the static site (STATEMENT_PAGES), rendered from
 * the same component and shortcoming list as the app's own statement, so the two cannot
 * disagree. Written into the build; served on the fly by the dev server.
 */
function statementPages(): Plugin {
  let contact = statementContact({});
  const pages = () =>
    (['sv', 'en'] as const).map((locale) => ({
      fileName: STATEMENT_PAGES[locale],
      html: renderStatementPage(locale, contact),
    }));
  return {
    name: 'planuppfoljning:statement-pages',
    configResolved(config) {
      contact = statementContact(config.env);
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const path = (request.url ?? '').split('?')[0] ?? '';
        const page = pages().find((p) => path === `${server.config.base}${p.fileName}`);
        if (!page) return next();
        response.setHeader('Content-Type', 'text/html; charset=utf-8');
        response.end(page.html);
      });
    },
    generateBundle() {
      for (const page of pages())
        this.emitFile({ type: 'asset', fileName: page.fileName, source: page.html });
    },
  };
}

/**
 * The chunks the owner's first screen loads: the entry, what it shares with the screens, the
 * screens' module and what they share with the lazy screens (groups below).
 */
const FIRST_SCREEN_CHUNKS = ['main', 'core', 'render', 'shell'];

/**
 * Vite 8's own `server.fs.deny`, which a deny list of the config replaces rather than extends
 * (tests/unit/dev-server.test.ts checks that every default is still here).
 */
const VITE_FS_DENY = [
  '.env',
  '.env.*',
  '*.{crt,pem,key,p12,pfx,cer,der}',
  '.npmrc',
  '.yarnrc.yml',
  '**/.git/**',
];

// `npm start` serves the app and, on the same origin, local SharePoint sites: the demo at
// /sites/planuppfoljning, and any other /sites/<name> as a site of its own (see
// docs/emulation.md). LOCAL_SITE_DATA_DIR moves their JSON files (the browser tests use a fresh
// folder per run).
const localSiteDataDir = resolve(process.env.LOCAL_SITE_DATA_DIR ?? '.local-site');

/**
 * The path the app is served under: that of APP_BASE_URL, the app's address that the Teams
 * package is made with too (docs/teams-package.md), e.g. `https://intra.region.example/planer`
 * → `/planer/`. Every file, the redirect bridge page and so the one redirect URI live beneath
 * it. `/` when unset or at the host's root.
 */
function basePath(appBaseUrl: string | undefined): string {
  const value = (appBaseUrl ?? '').trim();
  if (value === '') return '/';
  if (!URL.canParse(value)) throw new Error(`APP_BASE_URL is not an address: ${value}`);
  const path = new URL(value).pathname;
  return path.endsWith('/') ? path : `${path}/`;
}
const base = basePath(process.env.APP_BASE_URL);

export default defineConfig({
  base,
  plugins: [
    react(),
    preloadRenderModule(base),
    statementPages(),
    // Not beside a tenant build (`npm run start:tenant`), whose SharePoint is on its own origin.
    ...(process.env.LOCAL_SITES === 'off'
      ? []
      : [
          localSitePlugin({
            dataDir: localSiteDataDir,
            createInitialState: loadDemoState,
            // For trying set-up (and its browser test): `POST _local/reset {"state":"partial"}`.
            namedStates: { empty: emptySiteState, partial: () => halfSetUp(loadDemoState()) },
          }),
        ]),
  ],
  server: {
    port: Number(process.env.PORT ?? 5173),
    strictPort: true,
    // The sites' data lies in the project folder, which the dev server serves: never hand it out.
    fs: { deny: [...VITE_FS_DENY, `${normalizePath(localSiteDataDir)}/**`] },
  },
  // `vite preview` serves the production build with the security headers of the real host
  // (docs/hosting.md); CSP_CONNECT_SRC (space-separated) names the tenant's hosts. Not on the dev
  // server: its HMR and React refresh need inline script.
  preview: {
    port: Number(process.env.PORT ?? 4173),
    strictPort: true,
    headers: securityHeaders({
      connectSources: connectSourcesFrom(process.env.CSP_CONNECT_SRC),
      frameSources: frameSourcesFrom(process.env.CSP_FRAME_SRC),
    }),
  },
  build: {
    sourcemap: true,
    // Two pages: the app, and the MSAL redirect bridge that interactive sign-in returns to.
    rolldownOptions: {
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        redirect: fileURLToPath(new URL('./redirect.html', import.meta.url)),
      },
      output: {
        // The first screen's files ask V8 to compile all of their functions at once, on the
        // thread that streams them in, instead of each on the main thread when first called
        // (explicit compile hints, Chrome 136+; other browsers ignore the comment). Added after
        // minification, which would drop it. Measured in docs/benchmarks.md.
        postBanner: (chunk) =>
          FIRST_SCREEN_CHUNKS.includes(chunk.name) ? '//# allFunctionsCalledOnLoad' : '',
        // The first screen in three steps: the entry (main.tsx: config, host, SharePoint adapters)
        // asks for the data; `core` holds what it shares with the screens (PnP, zod, the domain,
        // the cache, the address), without React. `shell` holds what the first screen and the lazy screens
        // share (React, Fluent's core, texts, shared features) in one chunk instead of twenty
        // small ones: each file is a round trip, and HTTP/1.1 fetches six at a time
        // (docs/benchmarks.md). The sanitizer (DOMPurify) stays out: only an opened form or report
        // needs it.
        codeSplitting: {
          groups: [
            {
              name: 'core',
              test: /node_modules[\\/](@pnp|zod|tslib)[\\/]|[\\/]src[\\/](domain[\\/]|features[\\/]shared[\\/](data-cache|first-screen-data|url-state)\.ts$)/,
            },
            {
              name: 'shell',
              test: /node_modules[\\/](react|react-dom|scheduler|@griffel|tabster|keyborg|@swc|@floating-ui|stylis|rtl-css-js|@fluentui[\\/](react-utilities|react-shared-contexts|react-jsx-runtime|react-tabster|react-theme|tokens|react-provider|react-button|react-portal|react-label|react-field|react-motion|react-icons|react-message-bar|react-link|react-spinner|react-text|react-aria|react-context-selector|react-positioning|react-badge))[\\/]|[\\/]src[\\/]i18n[\\/]|[\\/]src[\\/]features[\\/]shared[\\/](?!sanitize|safe-html)/,
            },
          ],
        },
      },
    },
  },
});
