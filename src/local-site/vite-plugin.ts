/**
 * Serves local SharePoint sites on the app's own origin from `vite` and `vite preview`, so the
 * app talks to them exactly as it would to SharePoint Online (same URL shapes, no CORS). Every
 * `/sites/<name>` is a site of its own, created with the demo data on its first request: the
 * browser tests give each test a site, and `npm start` shows the demo at /sites/planuppfoljning.
 */
import { join } from 'node:path';
import type { Connect, Plugin } from 'vite';
import { createLocalSite, type LocalSite } from './local-site';
import type { SiteState } from './site-state';

/** Options of the local site plugin. */
export interface LocalSitePluginOptions {
  /** Folder of the data files (`<dataDir>/sites/<name>.json`), created when missing. Git-ignored. */
  readonly dataDir: string;
  /** How many sites one server keeps; a site past it is answered as one that does not exist. */
  readonly maxSites?: number;
  /** What a new site starts from (the caller's demo data; the stand-in knows none of its own). */
  readonly createInitialState: () => SiteState;
  /** Other states `POST …/_local/reset {"state": name}` starts a site from. */
  readonly namedStates?: Readonly<Record<string, () => SiteState>>;
}

/** The demo site `npm start` opens. */
export const DEMO_SITE_NAME = 'planuppfoljning';

/**
 * The site names served: lowercase letters, digits and hyphens, as a site URL SharePoint proposes
 * looks. Being also a file name, a name can never leave the data folder.
 */
const SITE_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Enough for a browser test run (one site per test) with room to spare; bounds the memory used. */
const DEFAULT_MAX_SITES = 500;

/** The data file of the site `/sites/<name>`. */
export function siteDataFile(dataDir: string, name: string): string {
  return join(dataDir, 'sites', `${name}.json`);
}

function startSite(options: LocalSitePluginOptions, name: string): LocalSite {
  return createLocalSite({
    sitePath: `/sites/${name}`,
    dataFile: siteDataFile(options.dataDir, name),
    createInitialState: options.createInitialState,
    ...(options.namedStates ? { namedStates: options.namedStates } : {}),
  });
}

/**
 * SharePoint Online answers 404 for a site that does not exist (pnp/PnP#446: "(404) Not Found",
 * CSOM's SpoNoSiteException). Here: a name outside SITE_NAME, or a site past the bound.
 */
function noSuchSite(res: Parameters<Connect.NextHandleFunction>[1], why: string): void {
  res.statusCode = 404;
  res.setHeader('Content-Type', 'text/plain;charset=utf-8');
  res.end(`404 FILE NOT FOUND: ${why}`);
}

/** The middleware that routes `/sites/<name>/…` to that site, starting it on first use. */
export function localSitesMiddleware(options: LocalSitePluginOptions): Connect.NextHandleFunction {
  const maxSites = options.maxSites ?? DEFAULT_MAX_SITES;
  const sites = new Map<string, LocalSite>();
  const siteFor = (name: string): LocalSite | undefined => {
    const known = sites.get(name);
    if (known || sites.size >= maxSites) return known;
    const started = startSite(options, name);
    sites.set(name, started);
    return started;
  };
  return (req, res, next) => {
    const match = /^\/sites\/([^/?#]*)/.exec(req.url ?? '');
    if (!match) {
      next();
      return;
    }
    const name = match[1] ?? '';
    if (!SITE_NAME.test(name)) {
      noSuchSite(res, `no site /sites/${name} (a local site's name is [a-z0-9][a-z0-9-]{0,62})`);
      return;
    }
    const site = siteFor(name);
    if (!site) {
      noSuchSite(res, `no site /sites/${name} (this server keeps at most ${maxSites} sites)`);
      return;
    }
    try {
      site.handle(req, res, () => next());
    } catch (error) {
      console.error(`[local-site] the local site /sites/${name} failed:`, error);
      next(error);
    }
  };
}

/** Vite plugin: the local SharePoint sites under /sites/ on the dev and preview servers. */
export function localSitePlugin(options: LocalSitePluginOptions): Plugin {
  return {
    name: 'planuppfoljning-local-site',
    configureServer(server) {
      // Vitest starts a Vite server too; tests create their own sites with their own states.
      if (process.env.VITEST) return;
      // Registered directly (not in a returned hook) so it runs before Vite's SPA fallback.
      server.middlewares.use(localSitesMiddleware(options));
    },
    configurePreviewServer(server) {
      server.middlewares.use(localSitesMiddleware(options));
    },
  };
}
