import { createMsalTokenProvider } from '../adapters/auth/msal-token-provider';
import type { Services } from '../domain/ports';
import type { AppConfig } from './config';
import { createServices } from './create-services';
import { scopesFor, signInResourceFor } from './token-scopes';

export { firstRequestScopes, scopesFor } from './token-scopes';

type TenantConfig = Extract<AppConfig, { mode: 'tenant' }>;

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
  const sharePoint = signInResourceFor(config);
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
    ...createServices({
      siteUrl: config.siteUrl,
      tokens,
      local: false,
      graphUrl: config.graphUrl,
      probe: tokens,
    }),
    signIn: tokens,
  };
}
