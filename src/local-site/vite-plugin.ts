/**
 * Serves the local SharePoint site on the app's own origin from `vite` and `vite preview`, so
 * the app talks to it exactly as it would to SharePoint Online (same URL shapes, no CORS).
 */
import { join } from 'node:path';
import type { Connect, Plugin } from 'vite';
import { createLocalSite, type LocalSite } from './local-site';

/** Options of the local site plugin. */
export interface LocalSitePluginOptions {
  /** Folder of the data file (`<dataDir>/site.json`), created when missing. Git-ignored. */
  readonly dataDir: string;
}

async function startSite(dataDir: string): Promise<LocalSite> {
  // Imported lazily so that loading vite.config.ts (e.g. by Vitest) does not load the demo data.
  const { loadDemoState } = await import('../demo/load-demo-state');
  const { emptySiteState, halfSetUp } = await import('./test-fixture');
  return createLocalSite({
    dataFile: join(dataDir, 'site.json'),
    createInitialState: loadDemoState,
    // For trying set-up (and its browser test): `POST _local/reset {"state":"partial"}`.
    namedStates: { empty: emptySiteState, partial: () => halfSetUp(loadDemoState()) },
  });
}

function middleware(dataDir: string): Connect.NextHandleFunction {
  const site = startSite(dataDir);
  // Reported at once (and to every request) rather than left as an unhandled rejection.
  site.catch((error: unknown) => {
    console.error('[local-site] could not start the local SharePoint site:', error);
  });
  return (req, res, next) => {
    site.then(
      (s) => s.handle(req, res, () => next()),
      (error: unknown) => next(error),
    );
  };
}

/** Vite plugin: the local SharePoint site at /sites/planuppfoljning on the dev and preview servers. */
export function localSitePlugin(options: LocalSitePluginOptions): Plugin {
  return {
    name: 'planuppfoljning-local-site',
    configureServer(server) {
      // Vitest starts a Vite server too; tests create their own sites with their own states.
      if (process.env.VITEST) return;
      // Registered directly (not in a returned hook) so it runs before Vite's SPA fallback.
      server.middlewares.use(middleware(options.dataDir));
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware(options.dataDir));
    },
  };
}
