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
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        redirect: fileURLToPath(new URL('./redirect.html', import.meta.url)),
      },
    },
  },
});
