import type { Queryable } from '@pnp/queryable';
import { USER_COOKIE } from '../../src/local-site/local-site';

/**
 * A PnP behaviour for node tests against the local site: signs the client in as a demo user
 * (the browser does it with the local site's cookie) and records each request as
 * "METHOD decoded-url" when a list is given.
 */
export function signedIn(userId: number | undefined, requests?: string[]) {
  return (instance: Queryable) => {
    instance.on.pre(async (url, init, result) => {
      requests?.push(`${init.method ?? 'GET'} ${decodeURIComponent(url.replace(/\+/g, ' '))}`);
      if (userId !== undefined) {
        init.headers = {
          ...(init.headers as Record<string, string>),
          Cookie: `${USER_COOKIE}=${userId}`,
        };
      }
      return [url, init, result];
    });
    return instance;
  };
}
