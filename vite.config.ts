import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { localSitePlugin } from './src/local-site/vite-plugin';
import { connectSourcesFrom, securityHeaders } from './csp.config';

// `npm start` serves the app and, on the same origin, the local SharePoint site at
// /sites/planuppfoljning (see docs/emulation.md). LOCAL_SITE_DATA_DIR moves its JSON file
// (the browser tests use a fresh folder per run).
export default defineConfig({
  plugins: [
    react(),
    localSitePlugin({ dataDir: process.env.LOCAL_SITE_DATA_DIR ?? '.local-site' }),
  ],
  server: { port: Number(process.env.PORT ?? 5173), strictPort: true },
  // `vite preview` serves the production build with the security headers of the real host
  // (docs/hosting.md); CSP_CONNECT_SRC (space-separated) names the tenant's hosts. Not on the dev
  // server: its HMR and React refresh need inline script.
  preview: {
    port: Number(process.env.PORT ?? 4173),
    strictPort: true,
    headers: securityHeaders({ connectSources: connectSourcesFrom(process.env.CSP_CONNECT_SRC) }),
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
        // What the first screen and the lazy screens share (React, Fluent's core, the domain,
        // shared features, texts) goes in one chunk instead of twenty small ones: each file is a
        // round trip, and HTTP/1.1 fetches six at a time (docs/benchmarks.md). The sanitizer
        // (DOMPurify) stays out: only an opened form or report needs it.
        codeSplitting: {
          groups: [
            {
              name: 'shell',
              test: /node_modules[\\/](react|react-dom|scheduler|@griffel|tabster|keyborg|@swc|@floating-ui|stylis|rtl-css-js|@fluentui[\\/](react-utilities|react-shared-contexts|react-jsx-runtime|react-tabster|react-theme|tokens|react-provider|react-button|react-portal|react-label|react-field|react-motion|react-icons|react-message-bar|react-link|react-spinner|react-text|react-aria|react-context-selector|react-positioning|react-badge))[\\/]|[\\/]src[\\/](domain|i18n)[\\/]|[\\/]src[\\/]features[\\/]shared[\\/](?!sanitize|safe-html)/,
            },
          ],
        },
      },
    },
  },
});
