import { spfi, SPBrowser, type SPFI } from '@pnp/sp';
import { Timeout, type Queryable } from '@pnp/queryable';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/site-users/web';
import type { TokenProvider } from '../auth/token-provider';

/**
 * PnP behaviour that asks the token provider for a bearer token before each request. When the
 * provider answers null (local site), no Authorization header is sent and PnP falls back to the
 * request digest for writes, as it does in a classic SharePoint page.
 */
export function BearerTokenFrom(tokens: TokenProvider, resource: string) {
  return (instance: Queryable) => {
    instance.on.auth(async (url, init) => {
      const token = await tokens.getAccessToken(resource);
      if (token !== null) {
        // Add to the headers as they are: rebuilding them through `Headers` would lower-case the
        // names, and PnP's later defaults would then add a second Content-Type (a $batch's
        // multipart type would come out as "multipart/mixed…, application/json").
        if (init.headers instanceof Headers) {
          init.headers.set('Authorization', `Bearer ${token}`);
        } else {
          init.headers = {
            ...(init.headers as Record<string, string> | undefined),
            Authorization: `Bearer ${token}`,
          };
        }
      }
      return [url, init];
    });
    return instance;
  };
}

/** How long one SharePoint request may take before it counts as timed out. */
export const REQUEST_TIMEOUT_MS = 30_000;

/**
 * The one configured PnP client of the app: SPBrowser's pipeline (default headers, fetch with
 * retry on 429/503/504, OData parsing, request digest) plus bearer tokens. No PnP caching: the
 * app keeps one cache of its own.
 */
export function createSpClient(
  siteUrl: string,
  tokens: TokenProvider,
  ...extra: Array<(instance: Queryable) => Queryable>
): SPFI {
  const resource = new URL(siteUrl).origin;
  return spfi(siteUrl).using(
    SPBrowser({ baseUrl: siteUrl }),
    BearerTokenFrom(tokens, resource),
    // A request that hangs (a captive portal, a stalled proxy) fails as a timeout instead of
    // spinning for ever; the user gets a message and a retry.
    Timeout(REQUEST_TIMEOUT_MS),
    ...extra,
  );
}
