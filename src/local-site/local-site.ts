/**
 * The local SharePoint site: a small, strict SharePoint Online stand-in, one instance per site
 * (`/sites/<name>`), served as Connect-style middleware (Vite) and used in-process by tests. It
 * knows nothing of any app: lists, fields, views and items are SharePoint's own model. The
 * supported subset and every known difference from SharePoint Online are in docs/emulation.md;
 * anything outside the subset is refused (400/405/501), never guessed.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { boundaryOf, formatBatchResponse, parseBatch } from './batch';
import {
  accessDenied,
  badRequestBody,
  notEmulated,
  securityValidation,
  SharePointError,
  unsupportedQuery,
} from './errors';
import { createFaults, faultAnswer, type InjectedFault } from './faults';
import {
  ensureUser,
  findUserByIdOrUpn,
  principalsOf,
  userLoginName,
  type Directory,
} from './directory';
import { graphFault, handleGraph } from './graph';
import {
  errorAnswer,
  flavourOf,
  type Principal,
  jsonAnswer,
  parseSegment,
  readCookie,
  STATUS_TEXT,
  type Segment,
  type SiteAnswer,
  type SiteRequest,
} from './http';
import { ProjectedFieldError, spDate } from './item-json';
import { DOCUMENT_ROUTES, fileAtUrl } from './documents';
import { LISTS_ROUTES } from './list-routes';
import { isCrossSite, localEndpoint, USER_COOKIE } from './local-endpoints';
import { internalError, readRequest, requestUrl, send } from './node-glue';
import { readQueryOptions } from './odata-query';
import { loadState, saveState, setAsideCorrupt } from './persistence';
import { scopeRights } from './permissions';
import { routeTable, type ApiContext } from './router';
import type { SiteState, SiteUser } from './site-state';
import { WEB_ROUTES } from './web-routes';

export { USER_COOKIE } from './local-endpoints';
export type { InjectedFault } from './faults';
export type { Principal } from './http';

/**
 * Principals set by a trusted front (token mode) on the Node requests it passes on: kept beside
 * the request, never in anything the client sent, so no header can name a principal.
 */
const PRINCIPALS = new WeakMap<IncomingMessage, Principal>();

/**
 * Marks a Node request as made by this principal (the front verified its bearer token). The site
 * then ignores the sign-in cookie and acts as the directory person whose object id is `key`,
 * capped by the scopes.
 */
export function authenticate(req: IncomingMessage, principal: Principal): void {
  PRINCIPALS.set(req, principal);
}

/**
 * The token's user is not a person of the tenant's directory (a token for a user who was since
 * deleted): SharePoint cannot map the identity to a user and refuses the request as
 * unauthenticated. Status ours, not verified against SharePoint Online.
 */
function unknownPrincipal(): SharePointError {
  return new SharePointError(
    401,
    '-2147024891, System.UnauthorizedAccessException',
    'Access denied. You do not have permission to perform this action or access this resource.',
  );
}

/** How to create a local site. */
export interface LocalSiteOptions {
  /** Server-relative URL of the site; default '/sites/planuppfoljning'. */
  sitePath?: string;
  /** JSON file holding the state; undefined = in memory only. */
  dataFile?: string;
  /** Used when no data file exists (or it is corrupt), and by reset(). */
  createInitialState: () => SiteState;
  /**
   * Other states `POST _local/reset` can start from, by name (`{ "state": "partial" }`), e.g. an
   * empty or half set-up site for tests of set-up.
   */
  namedStates?: Readonly<Record<string, () => SiteState>>;
  /** The clock of every timestamp the site writes (items, lists, digests). */
  now?: () => Date;
  /** Makes every GUID the site hands out (lists, fields, views); default random UUIDs. */
  ids?: () => string;
  /** SharePoint's list view threshold (5000); lower it to test large-list behaviour. */
  listViewThreshold?: number;
}

/** A running local site. */
export interface LocalSite {
  /** Connect-style middleware: handles requests under sitePath, calls next() for anything else. */
  handle(req: IncomingMessage, res: ServerResponse, next?: () => void): void;
  /** Back to createInitialState() (and saved). */
  reset(): void;
  /** The live state (mutations are not saved until the next write request). */
  state(): SiteState;
  /** Test hook: answer the next `count` matching requests with this status (429/503 add Retry-After). */
  injectFault(fault: InjectedFault): void;
}

/** A site whose state names no directory: its people are its user information list alone. */
const NO_DIRECTORY: Directory = {
  tenantId: '00000000-0000-0000-0000-000000000000',
  users: [],
  groups: [],
};

const ROUTES = routeTable([...WEB_ROUTES, ...LISTS_ROUTES, ...DOCUMENT_ROUTES]);

/** Creates the local site; loads its data file when there is one. */
export function createLocalSite(options: LocalSiteOptions): LocalSite {
  const sitePath = (options.sitePath ?? '/sites/planuppfoljning').replace(/\/+$/, '');
  const now = options.now ?? (() => new Date());
  const newId = options.ids ?? randomUUID;
  const threshold = options.listViewThreshold ?? 5000;
  const faults = createFaults();
  const siteCreated = spDate(now());
  // Own properties only: a state name like "constructor" must not reach Object.prototype.
  const namedStates = new Map(Object.entries(options.namedStates ?? {}));
  let state = initialState();

  function initialState(): SiteState {
    if (options.dataFile === undefined) return options.createInitialState();
    const loaded = loadState(options.dataFile);
    if (loaded.kind === 'loaded') return loaded.state;
    if (loaded.kind === 'corrupt') {
      const aside = setAsideCorrupt(options.dataFile, now());
      console.error(
        `[local-site] ${options.dataFile} is not a valid site state (${loaded.problem}); moved it to ${aside} and started from the initial state.`,
      );
    }
    const fresh = options.createInitialState();
    saveState(options.dataFile, fresh);
    return fresh;
  }

  function persist(): void {
    if (options.dataFile !== undefined) saveState(options.dataFile, state);
  }

  /**
   * The signed-in user: the site user the `LocalSiteUser` cookie names by id, or a directory
   * person it names by UPN or object id — added to the site's user list on their first request,
   * as SharePoint adds a person on their first visit — else `state.defaultUserId`. With the
   * principal ids of their Entra groups on the site, which SharePoint counts for permissions.
   */
  function currentUser(req: SiteRequest): SiteUser {
    const directory = state.directory ?? NO_DIRECTORY;
    if (req.principal) return principalUser(req.principal, directory);
    const user = signedIn(readCookie(req.headers.get('cookie'), USER_COOKIE), directory);
    if (!user) {
      throw new SharePointError(
        500,
        '-1, LocalSite.BadState',
        `The site state has no user with defaultUserId ${state.defaultUserId}.`,
      );
    }
    const viaGroupIds = principalsOf(directory, state.users, user.Id).filter(
      (id) => id !== user.Id,
    );
    return { ...user, viaGroupIds };
  }

  /**
   * Token mode: the directory person whose object id the token's `oid` names, added to the
   * site's users on their first request (as SharePoint adds a person on a first visit), with the
   * token's scopes as a cap on every right. A disabled account is refused (403), an object id
   * nobody in the directory has is unauthenticated (401); a token without any site scope
   * (`AllSites.*`) reaches nothing (403, SharePoint's access denied).
   */
  function principalUser(principal: Principal, directory: Directory): SiteUser {
    const key = principal.key.toLowerCase();
    const person = directory.users.find((u) => u.id.toLowerCase() === key);
    if (!person) throw unknownPrincipal();
    if (!person.accountEnabled) throw accessDenied();
    const cap = scopeRights(principal.scopes);
    if (!cap) throw accessDenied();
    const ensured = ensureUser(
      directory,
      state.users,
      userLoginName(person),
      state.groups.map((g) => g.Id),
    );
    if (!ensured.ok) throw unknownPrincipal();
    if (ensured.added) state.users.push(ensured.user);
    const user = ensured.user;
    const viaGroupIds = principalsOf(directory, state.users, user.Id).filter(
      (id) => id !== user.Id,
    );
    return { ...user, viaGroupIds, scopeCap: cap };
  }

  function signedIn(cookie: string | undefined, directory: Directory): SiteUser | undefined {
    const byDefault = () => state.users.find((u) => u.Id === state.defaultUserId);
    if (cookie === undefined || cookie === '') return byDefault();
    let key: string;
    try {
      key = decodeURIComponent(cookie);
    } catch {
      return byDefault();
    }
    if (/^\d+$/.test(key)) return state.users.find((u) => u.Id === Number(key)) ?? byDefault();
    const person = findUserByIdOrUpn(directory, key);
    if (!person) return byDefault();
    const ensured = ensureUser(
      directory,
      state.users,
      userLoginName(person),
      state.groups.map((g) => g.Id),
    );
    if (!ensured.ok) return byDefault();
    if (ensured.added) state.users.push(ensured.user);
    return ensured.user;
  }

  /** One `_api` request, through the route table. */
  function api(req: SiteRequest, rest: readonly string[]): SiteAnswer {
    const webUrl = `${req.url.origin}${sitePath}`;
    const overridden = req.headers.get('x-http-method')?.toUpperCase();
    const method = req.method === 'POST' && overridden ? overridden : req.method;
    const segments: Segment[] = rest.map(parseSegment);
    const endpoint = `${req.method} ${req.url.pathname.slice(sitePath.length + 1)}`;
    const verbose = ROUTES.allowsVerbose(method, segments);
    const requestType = req.headers.get('content-type') ?? '';
    if (!verbose && requestType.toLowerCase().includes('odata=verbose') && req.body.trim() !== '') {
      throw new SharePointError(
        415,
        '-1, LocalSite.NotEmulated',
        'Request bodies in odata=verbose (Content-Type: application/json;odata=verbose) are not emulated; send plain JSON.',
      );
    }
    const first = segments[0];
    if (req.method !== 'GET' && !req.inBatch && first?.name !== 'contextinfo') {
      const digest = req.headers.get('x-requestdigest') ?? '';
      if (!req.headers.has('authorization') && !/^0x[0-9A-F]+,/.test(digest)) {
        throw securityValidation();
      }
    }
    if (first?.name === '$batch' && segments.length === 1) {
      if (method !== 'POST') throw notEmulated(`${method} $batch`, 405);
      return batch(req);
    }
    // Token mode: who calls is known before any route runs (an unknown or scope-less principal
    // is refused whatever it asks, as SharePoint authenticates before it routes).
    if (req.principal) currentUser(req);
    const { route, args, tail } = ROUTES.find(method, segments, endpoint);
    const flavour = route.binary
      ? 'minimal'
      : flavourOf(req.headers.get('accept'), route.verbose === true);
    const ctx: ApiContext = {
      req,
      method,
      args,
      arg(index) {
        const segment = args[index];
        if (!segment) throw unsupportedQuery(`${endpoint} lacks an argument`);
        return segment;
      },
      tail,
      endpoint,
      webUrl,
      sitePath,
      flavour,
      state,
      now: now(),
      newId,
      listViewThreshold: threshold,
      siteCreated,
      user: () => currentUser(req),
      options: (allowed) => readQueryOptions(req.url.searchParams, allowed, endpoint),
      json: (status, fragment, body, headers) =>
        jsonAnswer(status, flavour, webUrl, fragment, body, headers),
    };
    return route.handle(ctx);
  }

  /** `$batch`: each part through `dispatch`, as the batch's caller; not transactional. */
  function batch(req: SiteRequest): SiteAnswer {
    const type = req.headers.get('content-type');
    const boundary = /^multipart\/mixed/i.test(type ?? '') ? boundaryOf(type) : null;
    if (!boundary) {
      throw badRequestBody(
        'A $batch request needs Content-Type: multipart/mixed; boundary=batch_<id>.',
      );
    }
    const parts = parseBatch(req.body, boundary).map((part) => {
      const headers = new Map(part.headers);
      for (const name of ['cookie', 'authorization']) {
        const value = req.headers.get(name);
        if (value !== undefined) headers.set(name, value);
      }
      let url: URL;
      try {
        url = new URL(part.url, req.url);
      } catch {
        throw badRequestBody(`The URL '${part.url}' in $batch is not valid.`);
      }
      const answer = dispatch({
        method: part.method,
        url,
        headers,
        body: part.body,
        inBatch: true,
        // The parts run as the batch's caller, with its token's scopes.
        ...(req.principal ? { principal: req.principal } : {}),
      });
      return {
        status: answer.status,
        statusText: STATUS_TEXT[answer.status] ?? 'Unknown',
        headers: { ...answer.headers },
        body: answer.body,
      };
    });
    const formatted = formatBatchResponse(parts);
    return {
      status: 200,
      headers: { 'content-type': formatted.contentType },
      body: formatted.body,
    };
  }

  function resetTo(name: string | undefined): boolean {
    const create = name === undefined ? options.createInitialState : namedStates.get(name);
    if (!create) return false;
    state = create();
    return true;
  }

  /**
   * Whether the request being answered wrote: set by any successful non-GET other than the
   * `$batch` envelope and `contextinfo`, so that a batch of reads (every first screen's) does not
   * save the site.
   */
  let wrote = false;

  function dispatch(req: SiteRequest): SiteAnswer {
    const answer = route(req);
    // POSTs that only read: the batch envelope (its parts count for themselves) and the digest.
    const reads = /\/_api\/(?:\$batch|contextinfo)$/i.test(req.url.pathname);
    if (req.method !== 'GET' && !reads && answer.status < 400) wrote = true;
    return answer;
  }

  /** Routes one request (outer or batch part) by area: `_api`, `_local/graph`, `_local`. */
  function route(req: SiteRequest): SiteAnswer {
    const path = req.url.pathname;
    if (path !== sitePath && !path.startsWith(`${sitePath}/`)) {
      return errorAnswer(notEmulated(`requests outside ${sitePath} (${path})`, 404));
    }
    const rest = path.slice(sitePath.length + 1).split('/');
    const area = rest[0]?.toLowerCase();
    try {
      if (area === '_api') {
        const fault = faults.take(req, req.inBatch);
        if (fault) return faultAnswer(fault);
        return api(
          req,
          rest.slice(1).filter((s, i, all) => s !== '' || i < all.length - 1),
        );
      }
      if (area === '_local' && !req.inBatch) {
        if (isCrossSite(req)) {
          return errorAnswer(
            new SharePointError(
              403,
              '-1, LocalSite.CrossSite',
              'The local site’s own endpoints refuse requests from other sites.',
            ),
          );
        }
        if (rest[1] === 'graph') {
          // Faults reach the local Graph only when their `match` names it.
          const fault = faults.take(req, true);
          if (fault) return graphFault(fault.status, fault.retryAfterSeconds);
          const sender = currentUser(req);
          const answer = handleGraph(
            {
              directory: state.directory ?? NO_DIRECTORY,
              outbox: state.outbox ?? [],
              activity: state.activity ?? [],
            },
            {
              method: req.method,
              segments: rest.slice(2),
              query: req.url.searchParams,
              body: req.body,
              senderKey: sender.UserPrincipalName ?? sender.LoginName,
              now: now(),
            },
          );
          if (answer.outbox) state.outbox = [...answer.outbox];
          if (answer.activity) state.activity = [...answer.activity];
          return answer;
        }
        return localEndpoint(req, rest.slice(1), {
          state: () => state,
          resetTo,
          stateNames: () => [...namedStates.keys()],
          injectFault: (fault) => faults.add(fault),
        });
      }
      // A library's file at its own URL, as a browser opening the file's link asks for it.
      if (req.method === 'GET' && !req.inBatch) {
        const file = fileAtUrl(state, sitePath, path, currentUser(req));
        if (file) return file;
      }
      return errorAnswer(
        notEmulated(`${path} (only _api, _local and library files are served)`, 404),
      );
    } catch (error) {
      if (error instanceof SharePointError) return errorAnswer(error);
      if (error instanceof ProjectedFieldError) {
        return errorAnswer(
          new SharePointError(500, '-2146232832, Microsoft.SharePoint.SPException', error.message),
        );
      }
      throw error;
    }
  }

  return {
    handle(req, res, next) {
      const url = requestUrl(req);
      if (!url || (url.pathname !== sitePath && !url.pathname.startsWith(`${sitePath}/`))) {
        if (next) next();
        else {
          res.statusCode = 404;
          res.end();
        }
        return;
      }
      const principal = PRINCIPALS.get(req);
      readRequest(req, url, (read) => {
        if (read instanceof SharePointError) {
          send(res, errorAnswer(read));
          return;
        }
        const request = principal ? { ...read, principal } : read;
        try {
          wrote = false;
          const answer = dispatch(request);
          // Any successful write is saved (a batch's parts count one by one); reads are not.
          if (wrote) persist();
          send(res, answer);
        } catch (error) {
          send(res, internalError(error));
        }
      });
    },
    reset() {
      state = options.createInitialState();
      persist();
    },
    state() {
      return state;
    },
    injectFault(fault) {
      faults.add(fault);
    },
  };
}
