/**
 * `_local/…`: the stand-in's own endpoints (not SharePoint's): the people of the site for the
 * demo's "Visa som", signing in as one of them, resetting the state and injecting faults. They
 * refuse cross-site requests, so a web page elsewhere cannot reset the site or sign someone in.
 */
import { findUserByIdOrUpn, groupsHeldEffectively } from './directory';
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
      // Who can sign in: the site's users and the directory's people it has not seen yet, each
      // with the SharePoint groups whose rights they hold (directly or through an Entra group).
      const state = site.state();
      const directory = state.directory;
      const people = state.users.filter((u) => (u.PrincipalType ?? 1) === 1);
      const seen = new Set(people.map((u) => u.UserPrincipalName?.toLowerCase()));
      const unseen = (directory?.users ?? []).filter(
        (u) => u.accountEnabled && !seen.has(u.userPrincipalName.toLowerCase()),
      );
      const groupsOf = (id: number) =>
        (directory
          ? groupsHeldEffectively(directory, state.users, state.groups, id)
          : state.groups.filter((g) => g.memberIds.includes(id))
        ).map((g) => g.Title);
      return json(200, [
        ...people.map((u) => ({
          id: u.Id,
          login: u.UserPrincipalName ?? u.LoginName,
          title: u.Title,
          email: u.Email,
          groups: groupsOf(u.Id),
        })),
        ...unseen.map((u) => ({
          id: null,
          login: u.userPrincipalName,
          title: u.displayName,
          email: u.mail ?? '',
          groups: [],
        })),
      ]);
    },
  ],
  [
    'POST signin',
    (req, site) => {
      // By site user id, or by a directory person's UPN or object id (the site adds them to its
      // user list on their first request, as SharePoint does on a first visit).
      const { userId, login } = parseJsonObjectBody(req.body);
      const state = site.state();
      const wanted = typeof login === 'string' ? login.toLowerCase() : undefined;
      const known = state.users.find((u) =>
        wanted === undefined
          ? u.Id === userId
          : u.UserPrincipalName?.toLowerCase() === wanted || u.LoginName.toLowerCase() === wanted,
      );
      let value: string;
      if (known) {
        value = String(known.Id);
      } else if (
        typeof login === 'string' &&
        state.directory &&
        findUserByIdOrUpn(state.directory, login)
      ) {
        value = encodeURIComponent(login);
      } else {
        return json(400, { error: `No user ${String(userId ?? login)}.` });
      }
      return {
        status: 204,
        headers: { 'set-cookie': `${USER_COOKIE}=${value}; Path=/; SameSite=Lax` },
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
