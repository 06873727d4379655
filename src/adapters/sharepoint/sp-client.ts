import { spfi, SPBrowser, type SPFI } from '@pnp/sp';
import type { Queryable } from '@pnp/queryable';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/site-users/web';
import type { TokenProvider } from '../auth/token-provider';
import { fetchWithWaits } from '../http/fetch-with-waits';
import { WaitBoard } from '../http/wait-board';

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

/**
 * PnP's send step replaced by `fetchWithWaits`: SharePoint's 429/503/504 retried after the wait
 * its `Retry-After` asks for (capped, on `board` for the user's countdown and cancel), each attempt
 * with its own timeout, so a request that hangs (a captive portal, a stalled proxy) fails as a
 * timeout and a long wait does not. (PnP's BrowserFetchWithRetry waits whatever it is told inside
 * one timeout, and offers no way to cancel.)
 */
export function FetchWithWaits(board: WaitBoard) {
  return (instance: Queryable) => {
    instance.on.send.clear();
    instance.on.send((url, init) =>
      fetchWithWaits(url.toString(), init, { service: 'sharepoint', board }),
    );
    return instance;
  };
}

/**
 * The one configured PnP client of the app: SPBrowser's pipeline (default headers, OData
 * parsing, request digest), SharePoint's throttling rules (`FetchWithWaits`, on a board of its
 * own unless `extra` brings one) and bearer tokens. No PnP caching: the app keeps one cache of
 * its own.
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
    FetchWithWaits(new WaitBoard()),
    ...extra,
  );
}
