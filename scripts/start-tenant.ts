/**
 * `npm run start:tenant`: the production path on this machine. A local identity provider standing
 * in for Microsoft Entra ID, SharePoint and Microsoft Graph on origins of their own behind bearer
 * tokens, and the app's production build in tenant mode, configured with the same VITE_* values a
 * region sets (only the host names differ), all over https on localhost. Prints the app's
 * address and the demo users (password `demo`). `npm start` (the local default) is unchanged.
 *
 * Options: TENANT_PORT (the app's port, default 4400; the identity provider, SharePoint and
 * Graph take the next three), LOCAL_TENANT_DATA_DIR (sites, certificate; default
 * .local-tenant), APP_BASE_URL (serve the app under a path), `--no-build` (serve the last build).
 */
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { preview } from 'vite';
import { DEMO_DIRECTORY, DEMO_TENANT_ID } from '../src/demo/directory-demo';
import { loadDemoState } from '../src/demo/load-demo-state';
import { createIdentityProvider } from '../src/local-tenant/identity';
import { createGraphFront } from '../src/local-tenant/resource/graph-front';
import { createSharePointFront } from '../src/local-tenant/resource/sharepoint-front';
import { localCertificate } from '../src/local-tenant/tls';
import { emptySiteState, halfSetUp } from '../src/local-site/test-fixture';
import { createRemoteJWKSet, customFetch } from 'jose';
import { Agent, fetch as undiciFetch } from 'undici';
import {
  LOCAL_TENANT_BROKER,
  LOCAL_TENANT_CLIENT_ID,
  tenantOrigins,
  tenantBuildEnv,
} from './tenant-env';

const basePort = Number(process.env.TENANT_PORT ?? 4400);
const origins = tenantOrigins(basePort);
const dataDir = resolve(process.env.LOCAL_TENANT_DATA_DIR ?? '.local-tenant');
const outDir = resolve(dataDir, 'dist');
const appBase = process.env.APP_BASE_URL ? new URL(process.env.APP_BASE_URL).pathname : '/';
const appUrl = `${origins.app}${appBase.endsWith('/') ? appBase : `${appBase}/`}`;

function listen(handler: (req: IncomingMessage, res: ServerResponse) => void, port: number) {
  return new Promise<Server>((done, fail) => {
    const server = createServer({ key: tls.key, cert: tls.cert }, handler);
    server.once('error', fail);
    server.listen(port, 'localhost', () => done(server));
  });
}

const tls = await localCertificate(resolve(dataDir, 'tls'));

if (!process.argv.includes('--no-build')) {
  // The production build as a region makes it: only the host names differ.
  const built = spawnSync(
    'npx',
    ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    {
      stdio: 'inherit',
      env: {
        ...process.env,
        ...tenantBuildEnv(origins),
        VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true',
      },
    },
  );
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const idp = await createIdentityProvider({
  origin: origins.login,
  tenantId: DEMO_TENANT_ID,
  users: DEMO_DIRECTORY.users,
  clients: [
    {
      clientId: LOCAL_TENANT_CLIENT_ID,
      // The one redirect URI (docs/it-admin.md). Entra's nested-app-auth entry
      // (`brk-multihub://…`) is not registered: the Teams harness brokers through its own grant.
      redirectUris: [`${appUrl}redirect.html`],
    },
  ],
  resources: [
    {
      audience: origins.sharePoint,
      scopes: ['AllSites.Read', 'AllSites.Write', 'AllSites.Manage', 'AllSites.FullControl'],
    },
    {
      audience: origins.graph,
      scopes: ['User.ReadBasic.All', 'User.Read.All', 'ChannelMessage.Send', 'TeamsActivity.Send'],
    },
  ],
  broker: LOCAL_TENANT_BROKER,
});

// TENANT_CLOCK_SKEW_SECONDS: the clock skew SharePoint and Graph allow on tokens (five minutes
// by default, as the real services). The browser tests set 0, so that a token they let expire
// is refused within seconds.
const skew = process.env.TENANT_CLOCK_SKEW_SECONDS;
const clockTolerance = skew === undefined ? {} : { clockToleranceSeconds: Number(skew) };

// The services fetch the identity provider's keys as SharePoint and Graph fetch Entra's.
// They trust the local certificate and nothing else.
const trusting = new Agent({ connect: { ca: tls.cert } });
const keys = createRemoteJWKSet(new URL(idp.jwksUri), {
  [customFetch]: async (url, options) => {
    const answer = await undiciFetch(url, {
      method: options.method,
      headers: Object.fromEntries(options.headers),
      redirect: options.redirect,
      signal: options.signal,
      dispatcher: trusting,
    });
    return new Response(await answer.text(), {
      status: answer.status,
      headers: Object.fromEntries(answer.headers),
    });
  },
});

const sharePoint = createSharePointFront({
  origin: origins.sharePoint,
  issuer: idp.issuer,
  keys,
  tenantId: DEMO_TENANT_ID,
  allowedOrigins: [origins.app],
  ...clockTolerance,
  sites: {
    dataDir: resolve(dataDir, 'sharepoint'),
    createInitialState: loadDemoState,
    namedStates: { empty: emptySiteState, partial: () => halfSetUp(loadDemoState()) },
  },
});
const graph = createGraphFront({
  origin: origins.graph,
  issuer: idp.issuer,
  keys,
  allowedOrigins: [origins.app],
  directory: DEMO_DIRECTORY,
  ...clockTolerance,
});

await listen(idp.handler, new URL(origins.login).port ? Number(new URL(origins.login).port) : 443);
await listen(sharePoint.handler, Number(new URL(origins.sharePoint).port));
await listen(graph.handler, Number(new URL(origins.graph).port));

// The app: Vite's preview server with the production headers, the CSP naming these hosts.
// As a region sets it (docs/hosting.md), with the local hosts: teams-js reads Microsoft's list of
// Teams hosts from res.cdn.office.net.
process.env.CSP_CONNECT_SRC = [
  origins.login,
  origins.sharePoint,
  origins.graph,
  'https://res.cdn.office.net',
].join(' ');
process.env.CSP_FRAME_SRC = origins.login;
process.env.LOCAL_SITES = 'off';
process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING = 'true';
const server = await preview({
  build: { outDir },
  preview: {
    port: basePort,
    strictPort: true,
    host: 'localhost',
    https: { key: tls.key, cert: tls.cert },
  },
  logLevel: 'warn',
});
void server;

console.log(`
Planuppföljning i klientläge (tenant mode) på den här datorn:

  Appen:                 ${appUrl}
  Inloggning (Entra):    ${origins.login}/${DEMO_TENANT_ID}/v2.0
  SharePoint:            ${origins.sharePoint}/sites/planuppfoljning
  Microsoft Graph:       ${origins.graph}/v1.0

Logga in som någon av demoanvändarna med lösenordet "demo", t.ex.
  anna.lindgren@region.example    (planägare)
  karin.samordnare@region.example (samordnare)

Certifikatet är självsignerat (${tls.certFile}): låt webbläsaren lita på det, eller starta
Chromium med --ignore-certificate-errors. Avsluta med Ctrl+C.
`);
