/**
 * The local tenant's addresses and registration, shared by `npm run start:tenant`, the browser
 * tests and the bench: the app on one port, the identity provider, SharePoint and Graph on the
 * next three, each its own origin. Invented ids, not a real tenant's.
 */
import { DEMO_TENANT_ID } from '../src/demo/directory-demo';

/** The app registration's client id in the local identity provider (invented). */
export const LOCAL_TENANT_CLIENT_ID = '5a1d0c1e-7e4b-4c55-9a3f-0c7a1e2b3d40';

/** The Teams host stand-in's own credentials at the local identity provider (test-only). */
export const LOCAL_TENANT_BROKER = {
  clientId: 'teams-host-broker',
  clientSecret: 'local-teams-broker-secret',
};

export interface TenantOrigins {
  readonly app: string;
  readonly login: string;
  readonly sharePoint: string;
  readonly graph: string;
}

export function tenantOrigins(appPort: number): TenantOrigins {
  const at = (port: number) => `https://localhost:${port}`;
  return {
    app: at(appPort),
    login: at(appPort + 1),
    sharePoint: at(appPort + 2),
    graph: at(appPort + 3),
  };
}

/**
 * What the tenant build is made with: the VITE_* values of docs/it-admin.md, the same a region
 * sets, with the local hosts for sign-in and Graph.
 */
export function tenantBuildEnv(origins: TenantOrigins): Record<string, string> {
  return {
    VITE_SITE_URL: `${origins.sharePoint}/sites/planuppfoljning`,
    VITE_ENTRA_CLIENT_ID: LOCAL_TENANT_CLIENT_ID,
    VITE_ENTRA_TENANT_ID: DEMO_TENANT_ID,
    VITE_ENTRA_LOGIN_URL: origins.login,
    VITE_GRAPH_URL: origins.graph,
  };
}
