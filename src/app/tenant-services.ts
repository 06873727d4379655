import { createMsalTokenProvider } from '../adapters/auth/msal-token-provider';
import type { Services } from '../domain/ports';
import type { AppConfig } from './config';
import { createServices } from './create-services';

/** Delegated permissions the app asks for, per resource (docs/it-admin.md). */
function scopesFor(siteUrl: string): Record<string, string[]> {
  const sharePoint = new URL(siteUrl).origin;
  return {
    // Manage: set-up creates lists, fields and views. A delegated scope only caps what the token
    // may do; the user's own SharePoint rights still decide (owners hold no Manage Lists).
    [sharePoint]: [`${sharePoint}/AllSites.Write`, `${sharePoint}/AllSites.Manage`],
    'https://graph.microsoft.com': [
      'https://graph.microsoft.com/ChannelMessage.Send',
      'https://graph.microsoft.com/User.ReadBasic.All',
    ],
  };
}

/**
 * The services against a real tenant: the same SharePoint code as the local default, with the
 * tenant's site URL and tokens from MSAL. Loaded on demand, so MSAL is not part of the local
 * first screen.
 */
export async function createTenantServices(
  config: Extract<AppConfig, { mode: 'tenant' }>,
  origin: string,
): Promise<Services> {
  const tokens = await createMsalTokenProvider({
    clientId: config.clientId,
    tenantId: config.tenantId,
    redirectUri: `${origin}/redirect.html`,
    scopes: scopesFor(config.siteUrl),
  });
  return createServices({ siteUrl: config.siteUrl, tokens, local: false });
}
