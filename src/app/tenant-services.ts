import { createMsalTokenProvider } from '../adapters/auth/msal-token-provider';
import type { Services } from '../domain/ports';
import type { AppConfig } from './config';
import { createServices } from './create-services';

type TenantConfig = Extract<AppConfig, { mode: 'tenant' }>;

/**
 * The delegated permissions the app asks for, per resource (docs/it-admin.md has the table and
 * why): SharePoint's `AllSites.FullControl`, because set-up creates site groups and the
 * coordinator's rollover, lock, reopen and plan changes break and set item permissions, which
 * need Full Control rights (`AllSites.Manage` is the Design level: no Manage Permissions, no
 * Create Groups). One scope for everyone: with admin consent Entra puts every consented
 * permission of a resource into each of its tokens, so asking owners for less would not make
 * their tokens smaller; what an owner can do stays capped by their own SharePoint rights.
 * Graph: channel messages for reminders and reading users' basic profile to @-mention them, and
 * `TeamsActivity.Send` for the reminders' personal activity-feed notifications (the only
 * delegated permission Graph's sendActivityNotification APIs take).
 */
export function scopesFor(config: Pick<TenantConfig, 'siteUrl' | 'graphUrl'>) {
  const sharePoint = new URL(config.siteUrl).origin;
  return {
    [sharePoint]: [`${sharePoint}/AllSites.FullControl`],
    [config.graphUrl]: [
      `${config.graphUrl}/ChannelMessage.Send`,
      `${config.graphUrl}/User.ReadBasic.All`,
      `${config.graphUrl}/TeamsActivity.Send`,
    ],
  };
}

/**
 * The one redirect URI of the app registration: the redirect bridge page beside the app
 * (`redirect.html` under the build's base path), e.g. https://planer.region.example/redirect.html.
 */
export function redirectUriFor(origin: string, basePath: string): string {
  const base = basePath.endsWith('/') ? basePath : `${basePath}/`;
  return `${origin}${base}redirect.html`;
}

/**
 * The services against a real tenant: the same SharePoint code as the local default, with the
 * tenant's site URL and tokens from MSAL. Loaded on demand, so MSAL is not part of the local
 * first screen.
 */
export async function createTenantServices(
  config: TenantConfig,
  options: { readonly origin: string; readonly basePath: string; readonly loginHint?: string },
): Promise<Services> {
  const sharePoint = new URL(config.siteUrl).origin;
  const tokens = await createMsalTokenProvider(
    {
      clientId: config.clientId,
      tenantId: config.tenantId,
      loginUrl: config.loginUrl,
      redirectUri: redirectUriFor(options.origin, options.basePath),
      scopes: scopesFor(config),
      signInResource: sharePoint,
    },
    options.loginHint,
    { [sharePoint]: 'SharePoint', [config.graphUrl]: 'Microsoft Graph' },
  );
  return {
    ...createServices({ siteUrl: config.siteUrl, tokens, local: false, graphUrl: config.graphUrl }),
    signIn: tokens,
  };
}
