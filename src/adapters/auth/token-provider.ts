/**
 * Where the SharePoint client gets its bearer tokens. MSAL implements it inside Microsoft 365;
 * the local site needs none (it signs the demo user in with a cookie, as SharePoint does with
 * its own session cookie), so the local provider answers null and no Authorization header goes.
 */
export interface TokenProvider {
  /** An access token for the resource (e.g. "https://contoso.sharepoint.com"), or null for none. */
  getAccessToken(resource: string): Promise<string | null>;
}

/** The local default: no tokens. */
export const noTokenProvider: TokenProvider = {
  getAccessToken: () => Promise.resolve(null),
};
