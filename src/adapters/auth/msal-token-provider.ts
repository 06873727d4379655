import {
  AuthError,
  BrowserAuthErrorCodes,
  createNestablePublicClientApplication,
  InteractionRequiredAuthError,
  type AccountInfo,
  type AuthenticationResult,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import { StoreFailure } from '../../domain/errors';
import type { SignInPort } from '../../domain/ports';
import type { ScopeProbe, TokenProvider } from './token-provider';

/** The part of MSAL's client the provider uses (a fake stands in for it in unit tests). */
export type TokenClient = Pick<
  IPublicClientApplication,
  | 'acquireTokenSilent'
  | 'acquireTokenPopup'
  | 'ssoSilent'
  | 'getActiveAccount'
  | 'getAllAccounts'
  | 'setActiveAccount'
>;

/** Microsoft Entra ID's sign-in host (the public cloud). */
export const ENTRA_LOGIN_URL = 'https://login.microsoftonline.com';

export interface MsalSettings {
  readonly clientId: string;
  readonly tenantId: string;
  /** The identity provider's origin: Entra's public cloud unless the build names another. */
  readonly loginUrl: string;
  /** The redirect bridge page (msal-browser v5), served without a COOP header. */
  readonly redirectUri: string;
  /** Delegated scopes per resource origin, e.g. SharePoint → AllSites.FullControl. */
  readonly scopes: Readonly<Record<string, readonly string[]>>;
  /** The resource whose scopes interactive sign-in asks for (SharePoint's). */
  readonly signInResource: string;
}

/** Readable names of the resources, for messages that tell IT what to grant. */
export type ResourceNames = Readonly<Record<string, string>>;

/** `https://contoso.sharepoint.com/AllSites.FullControl` → `AllSites.FullControl (SharePoint)`. */
function scopeForPeople(scope: string, names: ResourceNames): string {
  const slash = scope.lastIndexOf('/');
  if (slash < 0) return scope;
  const resource = scope.slice(0, slash);
  const name = names[resource];
  return name ? `${scope.slice(slash + 1)} (${name})` : scope.slice(slash + 1);
}

/** The short name of a scope, as Entra lists it in a token's `scp` and a response's `scope`. */
function shortName(scope: string): string {
  return scope.slice(scope.lastIndexOf('/') + 1).toLowerCase();
}

/** Failures of a silent request after which only the user's own sign-in helps. */
const NEEDS_INTERACTION: ReadonlySet<string> = new Set([
  BrowserAuthErrorCodes.timedOut,
  BrowserAuthErrorCodes.blockIframeReload,
  BrowserAuthErrorCodes.noAccountError,
  BrowserAuthErrorCodes.userCancelled,
  BrowserAuthErrorCodes.interactionInProgress,
  BrowserAuthErrorCodes.interactionInProgressCancelled,
  BrowserAuthErrorCodes.iframeClosedPrematurely,
]);

/** A pop-up blocker (or the browser) kept the sign-in window from opening. */
const WINDOW_BLOCKED: ReadonlySet<string> = new Set([
  BrowserAuthErrorCodes.popupWindowError,
  BrowserAuthErrorCodes.emptyWindowError,
]);

/** No network, or the identity provider could not be reached. */
const OFFLINE: ReadonlySet<string> = new Set([
  BrowserAuthErrorCodes.noNetworkConnectivity,
  BrowserAuthErrorCodes.postRequestFailed,
  BrowserAuthErrorCodes.getRequestFailed,
]);

/**
 * Entra's answer that the tenant has not granted a permission (AADSTS65001 "The user or
 * administrator has not consented", or `consent_required`), once the user has seen the
 * sign-in page: only an administrator can help. A silent request's `consent_required` still
 * leads to the sign-in button: interactively the user may be able to consent, or is told why not.
 */
function isConsentRefusal(error: AuthError): boolean {
  const text = `${error.errorCode} ${error.subError} ${error.errorMessage}`;
  return /consent_required|AADSTS65001|AADSTS90094|AADSTS90008/.test(text);
}

/**
 * Bearer tokens from Microsoft Entra through MSAL. Silently only, when data is loaded: from the
 * cache, by refresh token, or by single sign-on in a hidden frame (with the Teams user as hint).
 * When that is not enough the request fails as `unauthorized`, and the app shows **Logga in**,
 * whose click calls `signIn`: a pop-up window must be opened from a user's action, or the browser
 * blocks it. Inside Teams, nested app authentication lets Teams broker every token, silently.
 * Tokens stay in MSAL's memory and sessionStorage, never in localStorage.
 */
export class MsalTokenProvider implements TokenProvider, SignInPort, ScopeProbe {
  /** One silent request per resource at a time: the first screen asks for several at once. */
  private readonly pending = new Map<string, Promise<string>>();

  constructor(
    private readonly client: TokenClient,
    private readonly settings: Pick<MsalSettings, 'scopes' | 'signInResource'>,
    private readonly loginHint?: string,
    private readonly names: ResourceNames = {},
  ) {}

  private account(): AccountInfo | null {
    return this.client.getActiveAccount() ?? this.client.getAllAccounts()[0] ?? null;
  }

  private scopesOf(resource: string): string[] {
    return [...(this.settings.scopes[resource] ?? [`${resource}/.default`])];
  }

  getAccessToken(resource: string): Promise<string> {
    const known = this.pending.get(resource);
    if (known) return known;
    const request = this.silently(resource).finally(() => this.pending.delete(resource));
    this.pending.set(resource, request);
    return request;
  }

  private async silently(resource: string): Promise<string> {
    const scopes = this.scopesOf(resource);
    const account = this.account();
    const hint = this.loginHint ? { loginHint: this.loginHint } : {};
    let result: AuthenticationResult;
    try {
      result = account
        ? await this.client.acquireTokenSilent({ scopes, account })
        : await this.client.ssoSilent({ scopes, ...hint });
    } catch (error) {
      throw this.failure(error, scopes, 'silent');
    }
    return this.accepted(result, scopes);
  }

  /**
   * The preflight's probe: a silent token for exactly `scope`, bypassing the cached access token
   * (`forceRefresh`), so that Entra itself answers whether the permission is consented now. A
   * refusal that names consent (AADSTS65001, `consent_required`) is `consent-required` here,
   * silent or not: the preflight reports it to IT rather than offering a sign-in.
   */
  async tokenFor(scope: string): Promise<string> {
    const account = this.account();
    if (!account) throw new StoreFailure('unauthorized', 'Not signed in');
    let result: AuthenticationResult;
    try {
      result = await this.client.acquireTokenSilent({
        scopes: [scope],
        account,
        forceRefresh: true,
      });
    } catch (error) {
      if (error instanceof AuthError && isConsentRefusal(error)) {
        throw new StoreFailure('consent-required', error.message, {
          cause: error,
          scopes: [scopeForPeople(scope, this.names)],
        });
      }
      throw this.failure(error, [scope], 'silent');
    }
    return this.accepted(result, [scope]);
  }

  async signIn(): Promise<void> {
    const scopes = this.scopesOf(this.settings.signInResource);
    try {
      const result = await this.client.acquireTokenPopup({
        scopes,
        ...(this.loginHint ? { loginHint: this.loginHint } : {}),
      });
      this.accepted(result, scopes);
    } catch (error) {
      throw this.failure(error, scopes, 'interactive');
    }
  }

  /**
   * The token, once it holds every scope asked for: Entra lists the granted ones in `scope`, and
   * a token short of one would be refused by SharePoint or Graph later, less clearly.
   */
  private accepted(result: AuthenticationResult, scopes: readonly string[]): string {
    if (result.account) this.client.setActiveAccount(result.account);
    const granted = new Set(result.scopes.map(shortName));
    const missing = scopes.filter((scope) => !granted.has(shortName(scope)));
    if (result.scopes.length > 0 && missing.length > 0) {
      throw new StoreFailure(
        'consent-required',
        `The token lacks ${missing.join(', ')} (granted: ${result.scopes.join(' ')})`,
        { scopes: missing.map((scope) => scopeForPeople(scope, this.names)) },
      );
    }
    return result.accessToken;
  }

  private failure(
    error: unknown,
    scopes: readonly string[],
    how: 'silent' | 'interactive',
  ): StoreFailure {
    if (error instanceof StoreFailure) return error;
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof AuthError) {
      if (how === 'interactive' && isConsentRefusal(error)) {
        return new StoreFailure('consent-required', message, {
          cause: error,
          scopes: scopes.map((scope) => scopeForPeople(scope, this.names)),
        });
      }
      if (error instanceof InteractionRequiredAuthError || NEEDS_INTERACTION.has(error.errorCode)) {
        return new StoreFailure('unauthorized', message, { cause: error });
      }
      if (WINDOW_BLOCKED.has(error.errorCode)) {
        return new StoreFailure('sign-in-blocked', message, { cause: error });
      }
      if (OFFLINE.has(error.errorCode)) {
        return new StoreFailure('offline', message, { cause: error });
      }
    }
    return new StoreFailure('server', message, { cause: error });
  }
}

/**
 * MSAL for this app: nested app authentication inside Teams (the host brokers the tokens), a
 * standard browser client elsewhere, which in msal-browser v5 returns through the redirect bridge
 * page. Entra by default; another authority (the local identity provider of `npm run
 * start:tenant`) is named in `knownAuthorities`, so that MSAL trusts its metadata without asking
 * Entra's instance discovery. Cache in sessionStorage: cleared with the tab, never shared
 * through localStorage.
 */
export async function createMsalTokenProvider(
  settings: MsalSettings,
  loginHint?: string,
  names: ResourceNames = {},
): Promise<MsalTokenProvider> {
  const login = new URL(settings.loginUrl);
  const entra = login.origin === ENTRA_LOGIN_URL;
  const client = await createNestablePublicClientApplication({
    auth: {
      clientId: settings.clientId,
      authority: `${login.origin}/${settings.tenantId}`,
      redirectUri: settings.redirectUri,
      ...(entra ? {} : { knownAuthorities: [login.host] }),
    },
    cache: { cacheLocation: 'sessionStorage' },
  });
  return new MsalTokenProvider(client, settings, loginHint, names);
}
