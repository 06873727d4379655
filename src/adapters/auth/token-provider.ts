/**
 * Where the SharePoint client gets its bearer tokens. MSAL implements it inside Microsoft 365.
 * The local site signs the demo user in with a cookie; its provider hands out a fixed session
 * token so that the app takes the same path as in a tenant (bearer token, no form digest
 * round trip before writes and batches). `noTokenProvider` sends none, as a classic SharePoint
 * page does: PnP then fetches a form digest before the first write.
 */
export interface TokenProvider {
  /** An access token for the resource (e.g. "https://contoso.sharepoint.com"), or null for none. */
  getAccessToken(resource: string): Promise<string | null>;
}

/**
 * Tokens for one delegated permission at a time, asked of the identity provider afresh (not from
 * the cache, which may be up to an hour older than IT's last consent change): what the preflight
 * ("Kontrollera miljön") uses to tell which permissions IT has consented. Rejects with
 * StoreFailure `consent-required` (the permission not consented), `unauthorized` (sign in again)
 * or another kind. Only a signed-in client (MSAL) has one; local mode has none.
 */
export interface ScopeProbe {
  /** A token for `scope` (a full scope URI, e.g. `https://graph.microsoft.com/User.ReadBasic.All`). */
  tokenFor(scope: string): Promise<string>;
}

/** The local default: no tokens. */
export const noTokenProvider: TokenProvider = {
  getAccessToken: () => Promise.resolve(null),
};

/** The token the local site accepts in place of an Entra token (identity comes from its cookie). */
export const LOCAL_SESSION_TOKEN = 'local-site-session';

/** The local default: a fixed session token for the embedded site, on its own origin only. */
export function localSessionTokenProvider(siteOrigin: string): TokenProvider {
  return {
    getAccessToken: (resource) =>
      Promise.resolve(new URL(resource).origin === siteOrigin ? LOCAL_SESSION_TOKEN : null),
  };
}
