import {
  createNestablePublicClientApplication,
  InteractionRequiredAuthError,
  type AccountInfo,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import type { TokenProvider } from './token-provider';

/** The part of MSAL's client the provider uses (a fake stands in for it in tests). */
export type TokenClient = Pick<
  IPublicClientApplication,
  | 'acquireTokenSilent'
  | 'acquireTokenPopup'
  | 'ssoSilent'
  | 'getActiveAccount'
  | 'getAllAccounts'
  | 'setActiveAccount'
>;

export interface MsalSettings {
  readonly clientId: string;
  readonly tenantId: string;
  /** The redirect bridge page (msal-browser v5), served without a COOP header. */
  readonly redirectUri: string;
  /** Delegated scopes per resource origin, e.g. SharePoint → AllSites.Write. */
  readonly scopes: Readonly<Record<string, readonly string[]>>;
}

/**
 * Bearer tokens from Microsoft Entra through MSAL: silently first (from the cache, or single
 * sign-on with the Teams user as hint), interactively only when Entra says interaction is
 * required. Tokens stay in MSAL's memory and sessionStorage, never in localStorage.
 */
export class MsalTokenProvider implements TokenProvider {
  constructor(
    private readonly client: TokenClient,
    private readonly scopes: MsalSettings['scopes'],
    private readonly loginHint?: string,
  ) {}

  private account(): AccountInfo | null {
    return this.client.getActiveAccount() ?? this.client.getAllAccounts()[0] ?? null;
  }

  async getAccessToken(resource: string): Promise<string | null> {
    const scopes = [...(this.scopes[resource] ?? [`${resource}/.default`])];
    const account = this.account();
    try {
      const result = account
        ? await this.client.acquireTokenSilent({ scopes, account })
        : await this.client.ssoSilent({
            scopes,
            ...(this.loginHint ? { loginHint: this.loginHint } : {}),
          });
      if (result.account) this.client.setActiveAccount(result.account);
      return result.accessToken;
    } catch (error) {
      if (!(error instanceof InteractionRequiredAuthError)) throw error;
      const result = await this.client.acquireTokenPopup({
        scopes,
        ...(this.loginHint ? { loginHint: this.loginHint } : {}),
      });
      if (result.account) this.client.setActiveAccount(result.account);
      return result.accessToken;
    }
  }
}

/**
 * MSAL for this app: nested app authentication inside Teams (the host brokers the tokens), a
 * standard browser client elsewhere (which in msal-browser v5 returns through the redirect bridge
 * page). Cache in sessionStorage: cleared with the tab, never shared through localStorage.
 */
export async function createMsalTokenProvider(
  settings: MsalSettings,
  loginHint?: string,
): Promise<MsalTokenProvider> {
  const client = await createNestablePublicClientApplication({
    auth: {
      clientId: settings.clientId,
      authority: `https://login.microsoftonline.com/${settings.tenantId}`,
      redirectUri: settings.redirectUri,
    },
    cache: { cacheLocation: 'sessionStorage' },
  });
  return new MsalTokenProvider(client, settings.scopes, loginHint);
}
