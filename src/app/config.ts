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
    }
  | { readonly mode: 'invalid'; readonly problems: readonly string[] };

export interface ConfigValues {
  readonly VITE_SITE_URL?: string | undefined;
  readonly VITE_ENTRA_CLIENT_ID?: string | undefined;
  readonly VITE_ENTRA_TENANT_ID?: string | undefined;
}

const CONFIG_KEYS = ['VITE_SITE_URL', 'VITE_ENTRA_CLIENT_ID', 'VITE_ENTRA_TENANT_ID'] as const;

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
});

/** Reads and checks the configuration. */
export function readConfig(values: ConfigValues): AppConfig {
  // Only the app's own values: `import.meta.env` also holds Vite's (BASE_URL, MODE) and any
  // other VITE_* variable of the build environment, which say nothing about the tenant.
  const set = Object.fromEntries(
    CONFIG_KEYS.flatMap((key) => {
      const value: unknown = (values as Record<string, unknown>)[key];
      return typeof value === 'string' && value.trim() !== '' ? [[key, value]] : [];
    }),
  ) as Record<string, string>;
  if (Object.keys(set).length === 0) return { mode: 'local' };
  const parsed = tenantSchema.safeParse(set);
  if (!parsed.success)
    return { mode: 'invalid', problems: parsed.error.issues.map((i) => i.message) };
  return {
    mode: 'tenant',
    siteUrl: parsed.data.VITE_SITE_URL.replace(/\/+$/, ''),
    clientId: parsed.data.VITE_ENTRA_CLIENT_ID,
    tenantId: parsed.data.VITE_ENTRA_TENANT_ID,
  };
}
