/**
 * `_local/…`: the stand-in's own endpoints (not SharePoint's): the people of the site for the
 * demo's "Visa som", signing in as one of them, resetting the state and injecting faults. They
 * refuse cross-site requests, so a web page elsewhere cannot reset the site or sign someone in.
 */
import { parseJsonObjectBody, SharePointError } from './errors';
import type { InjectedFault } from './faults';
import { NO_CONTENT, type SiteAnswer, type SiteRequest } from './http';
import type { SiteState } from './site-state';

/** The cookie that picks the signed-in demo user. */
export const USER_COOKIE = 'LocalSiteUser';

/** What the endpoints need of their site. */
export interface LocalEndpointsSite {
  state(): SiteState;
  /** Starts over from the named state (undefined: the initial one); false when there is none. */
  resetTo(name: string | undefined): boolean;
  /** The names `resetTo` knows. */
  stateNames(): string[];
  injectFault(fault: InjectedFault): void;
}

function json(status: number, body: unknown): SiteAnswer {
  return {
    status,
    headers: { 'content-type': 'application/json;charset=utf-8' },
    body: JSON.stringify(body),
  };
}

/**
 * Whether a request comes from a page of another site: a browser says so in Sec-Fetch-Site
 * (https://www.w3.org/TR/fetch-metadata/) and in Origin, which a form post also carries; tools
 * (tests, curl) send neither.
 */
export function isCrossSite(req: SiteRequest): boolean {
  const fetchSite = req.headers.get('sec-fetch-site');
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') return true;
  const origin = req.headers.get('origin');
  return origin !== undefined && origin !== req.url.origin;
}

type Handler = (req: SiteRequest, site: LocalEndpointsSite) => SiteAnswer;

const ENDPOINTS: ReadonlyMap<string, Handler> = new Map<string, Handler>([
  [
    'GET users',
    (_req, site) => {
      const { users, groups } = site.state();
      return json(
        200,
        users.map((u) => ({
          id: u.Id,
          title: u.Title,
          email: u.Email,
          groups: groups.filter((g) => g.memberIds.includes(u.Id)).map((g) => g.Title),
        })),
      );
    },
  ],
  [
    'POST signin',
    (req, site) => {
      const userId = parseJsonObjectBody(req.body).userId;
      if (typeof userId !== 'number' || !site.state().users.some((u) => u.Id === userId)) {
        return json(400, { error: `No user with id ${String(userId)}.` });
      }
      return {
        status: 204,
        headers: { 'set-cookie': `${USER_COOKIE}=${userId}; Path=/; SameSite=Lax` },
        body: '',
      };
    },
  ],
  [
    'POST reset',
    (req, site) => {
      const name = req.body.trim() === '' ? undefined : parseJsonObjectBody(req.body).state;
      if (name !== undefined && typeof name !== 'string') {
        return json(400, { error: 'state must be the name of a state.' });
      }
      if (!site.resetTo(name)) {
        return json(400, {
          error: `No state named ${String(name)} (known: ${site.stateNames().join(', ')}).`,
        });
      }
      return NO_CONTENT;
    },
  ],
  [
    'POST fault',
    (req, site) => {
      const { status, count, retryAfterSeconds, match } = parseJsonObjectBody(req.body);
      if (
        typeof status !== 'number' ||
        typeof count !== 'number' ||
        (match !== undefined && typeof match !== 'string') ||
        (retryAfterSeconds !== undefined && typeof retryAfterSeconds !== 'number')
      ) {
        return json(400, {
          error: 'Expected { status, count, retryAfterSeconds?, match? (a substring) }.',
        });
      }
      site.injectFault({
        status,
        count,
        ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
        ...(match !== undefined ? { match } : {}),
      });
      return NO_CONTENT;
    },
  ],
]);

/** Answers `_local/<rest>` (not the local Graph, which graph.ts answers). */
export function localEndpoint(
  req: SiteRequest,
  rest: readonly string[],
  site: LocalEndpointsSite,
): SiteAnswer {
  const route = `${req.method} ${rest.join('/')}`;
  const handler = ENDPOINTS.get(route);
  if (!handler) return json(404, { error: `The local site has no endpoint ${route}.` });
  try {
    return handler(req, site);
  } catch (error) {
    if (error instanceof SharePointError) return json(400, { error: error.message });
    throw error;
  }
}
