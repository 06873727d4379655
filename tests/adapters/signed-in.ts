import type { Queryable } from '@pnp/queryable';
import { USER_COOKIE } from '../../src/local-site/local-site';
import { DEMO_COORDINATOR } from '../../src/demo/demo-people';
import type { Viewer } from '../../src/domain/rules';

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

/** The demo coordinator as the app knows her when she acts (rollover, lock): her name is logged. */
export const KARIN_VIEWER: Viewer = { ...DEMO_COORDINATOR, role: 'coordinator' };
