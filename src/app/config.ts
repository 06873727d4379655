import { z } from 'zod/mini';

/**
 * Where the app runs, from build-time environment values (VITE_*): nothing set means the local
 * SharePoint site on this origin; a real tenant needs all three values. Anything in between is a
 * configuration mistake, reported in Swedish before anything else starts.
 */
export type AppConfig =
  | { readonly mode: 'local' }
  | {
      readonly mode: 'tenant';
      readonly siteUrl: string;
      readonly clientId: string;
      readonly tenantId: string;
      /** The identity provider's origin: Entra's `https://login.microsoftonline.com` by default. */
      readonly loginUrl: string;
      /** Microsoft Graph's origin: `https://graph.microsoft.com` by default. */
      readonly graphUrl: string;
    }
  | { readonly mode: 'invalid'; readonly problems: readonly string[] };

export interface ConfigValues {
  readonly VITE_SITE_URL?: string | undefined;
  readonly VITE_ENTRA_CLIENT_ID?: string | undefined;
  readonly VITE_ENTRA_TENANT_ID?: string | undefined;
  /** Only for another cloud or the local identity provider (`npm run start:tenant`). */
  readonly VITE_ENTRA_LOGIN_URL?: string | undefined;
  /** Only for another cloud or the local Graph (`npm run start:tenant`). */
  readonly VITE_GRAPH_URL?: string | undefined;
}

/** The three values a tenant needs; the two host overrides alone do not make a tenant build. */
const CONFIG_KEYS = ['VITE_SITE_URL', 'VITE_ENTRA_CLIENT_ID', 'VITE_ENTRA_TENANT_ID'] as const;
const HOST_KEYS = ['VITE_ENTRA_LOGIN_URL', 'VITE_GRAPH_URL'] as const;

export const DEFAULT_LOGIN_URL = 'https://login.microsoftonline.com';
export const DEFAULT_GRAPH_URL = 'https://graph.microsoft.com';

/** An origin on https (a host override): no path, query or credentials. */
function httpsOrigin(name: string) {
  return z.optional(
    z
      .string()
      .check(
        z.refine(
          (v: string) =>
            URL.canParse(v) &&
            new URL(v).protocol === 'https:' &&
            new URL(v).origin === v.replace(/\/+$/, ''),
          { error: `${name} måste vara en https-adress utan sökväg, t.ex. https://värd.example.` },
        ),
      ),
  );
}

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const tenantSchema = z.object({
  VITE_SITE_URL: z
    .string({ error: 'VITE_SITE_URL saknas: adressen till SharePoint-webbplatsen.' })
    .check(
      z.refine((v: string) => URL.canParse(v) && new URL(v).protocol === 'https:', {
        error:
          'VITE_SITE_URL måste vara en https-adress, t.ex. https://contoso.sharepoint.com/sites/planer.',
      }),
    ),
  VITE_ENTRA_CLIENT_ID: z
    .string({ error: 'VITE_ENTRA_CLIENT_ID saknas: appregistreringens klient-id i Entra.' })
    .check(z.regex(guid, { error: 'VITE_ENTRA_CLIENT_ID ska vara ett GUID.' })),
  VITE_ENTRA_TENANT_ID: z
    .string({ error: 'VITE_ENTRA_TENANT_ID saknas: klientorganisationens id i Entra.' })
    .check(z.regex(guid, { error: 'VITE_ENTRA_TENANT_ID ska vara ett GUID.' })),
  VITE_ENTRA_LOGIN_URL: httpsOrigin('VITE_ENTRA_LOGIN_URL'),
  VITE_GRAPH_URL: httpsOrigin('VITE_GRAPH_URL'),
});

/** Reads and checks the configuration. */
export function readConfig(values: ConfigValues): AppConfig {
  // Only the app's own values: `import.meta.env` also holds Vite's (BASE_URL, MODE) and any
  // other VITE_* variable of the build environment, which say nothing about the tenant.
  const read = (keys: readonly string[]) =>
    keys.flatMap((key) => {
      const value: unknown = (values as Record<string, unknown>)[key];
      return typeof value === 'string' && value.trim() !== '' ? [[key, value.trim()]] : [];
    });
  const set = Object.fromEntries(read(CONFIG_KEYS)) as Record<string, string>;
  if (Object.keys(set).length === 0) return { mode: 'local' };
  Object.assign(set, Object.fromEntries(read(HOST_KEYS)));
  const parsed = tenantSchema.safeParse(set);
  if (!parsed.success)
    return { mode: 'invalid', problems: parsed.error.issues.map((i) => i.message) };
  return {
    mode: 'tenant',
    siteUrl: parsed.data.VITE_SITE_URL.replace(/\/+$/, ''),
    clientId: parsed.data.VITE_ENTRA_CLIENT_ID,
    tenantId: parsed.data.VITE_ENTRA_TENANT_ID,
    loginUrl: (parsed.data.VITE_ENTRA_LOGIN_URL ?? DEFAULT_LOGIN_URL).replace(/\/+$/, ''),
    graphUrl: (parsed.data.VITE_GRAPH_URL ?? DEFAULT_GRAPH_URL).replace(/\/+$/, ''),
  };
}
