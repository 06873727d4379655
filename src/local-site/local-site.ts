/**
 * The local SharePoint site: a small, strict emulation of the SharePoint Online REST endpoints
 * Planuppföljning uses, served as Connect-style middleware (Vite) and used in-process by tests.
 * The supported subset and every known difference from SharePoint Online are in
 * docs/emulation.md; anything outside the subset is refused (400/405/501), never guessed.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { COORDINATOR_GROUP, type ListDefinition } from '../adapters/sharepoint/schema';
import { boundaryOf, formatBatchResponse, parseBatch, type BatchPartResponse } from './batch';
import {
  badRequestBody,
  fieldOrPropertyNotFound,
  groupNotFound,
  itemNotFound,
  listNotFound,
  methodNotAllowed,
  notEmulated,
  securityValidation,
  SharePointError,
  unsupportedQuery,
  userIdNotFound,
  userNotFound,
  parseJsonObjectBody,
} from './errors';
import {
  etagOf,
  groupJson,
  itemJson,
  listItemEntityTypeName,
  listJson,
  SELECT_ONLY,
  ProjectedFieldError,
  selectProperties,
  spDate,
  stableGuid,
  userJson,
  type ItemJsonContext,
  type Json,
  type JsonObject,
  type MetadataLevel,
} from './item-json';
import {
  compileFilter,
  createItem,
  deleteItem,
  enforceThreshold,
  getItem,
  queryPage,
  updateItem,
} from './list-items';
import {
  compileExpand,
  compileProjection,
  nextLink,
  parseOrderBy,
  parseSkipToken,
  parseTop,
  readQueryOptions,
  splitList,
} from './odata-query';
import {
  canRead,
  demandPermission,
  itemAssignments,
  itemSecurityEndpoint,
  listAssignments,
  listSecurityEndpoint,
  PERMISSION,
  roleDefinitionsEndpoint,
  type SecurityAnswer,
} from './permissions';
import { graphFault, handleGraph } from './graph';
import {
  createGroup,
  createList,
  fieldsEndpoint,
  viewsEndpoint,
  webEffectivePermissions,
  listEffectivePermissions,
  type SchemaAnswer,
  type SchemaRequest,
} from './list-schema';
import { loadState, saveState, setAsideCorrupt } from './persistence';
import type { ListState, SiteState, SiteUser } from './site-state';

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
  now?: () => Date;
  /** SharePoint's list view threshold (5000); lower it to test large-list behaviour. */
  listViewThreshold?: number;
}

/** An injected failure for tests of retry behaviour. */
export interface InjectedFault {
  status: number;
  count: number;
  retryAfterSeconds?: number;
  /**
   * Tested against the request's path and query; default: every `_api` request on the wire. A
   * `$batch` part is answered with the fault only when `match` names it.
   */
  match?: RegExp;
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

/** Segments after a list that are its permission endpoints (permissions.ts). */
const LIST_SECURITY = [
  'breakroleinheritance',
  'resetroleinheritance',
  'roleassignments',
  'hasuniqueroleassignments',
];

/** The cookie that picks the signed-in demo user. */
export const USER_COOKIE = 'LocalSiteUser';

/** A request as the emulation core sees it (also each part of a `$batch`). */
interface CoreRequest {
  readonly method: string;
  readonly url: URL;
  /** Header names lower case. */
  readonly headers: ReadonlyMap<string, string>;
  readonly body: string;
  /** Part of a batch: the outer request was already checked for the form digest. */
  readonly inBatch: boolean;
}

interface CoreResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  412: 'Precondition Failed',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** An empty list of the given definition, for seeding states. */
export function emptyListState(definition: ListDefinition, id: string): ListState {
  return { id, definition, nextItemId: 1, items: [] };
}

function contentType(metadata: MetadataLevel): string {
  const level = metadata === 'none' ? 'nometadata' : 'minimalmetadata';
  return `application/json;odata=${level};streaming=true;charset=utf-8`;
}

/** Reads the odata flavour from Accept; refuses verbose, full metadata and non-JSON. */
function metadataLevel(accept: string | undefined): MetadataLevel {
  const value = (accept ?? '').toLowerCase();
  if (value.includes('odata=verbose')) {
    throw unsupportedQuery(
      'Accept: application/json;odata=verbose is not emulated; use application/json (minimal metadata) or odata=nometadata',
    );
  }
  if (value.includes('odata=fullmetadata')) {
    throw unsupportedQuery('Accept: application/json;odata=fullmetadata is not emulated');
  }
  if (!/(^|,)\s*application\/json/.test(value)) {
    throw unsupportedQuery(
      `Accept: '${accept ?? ''}' asks for a format other than JSON (SharePoint would answer Atom XML), which is not emulated; send Accept: application/json`,
    );
  }
  return value.includes('odata=nometadata') ? 'none' : 'minimal';
}

function errorResponse(error: SharePointError): CoreResponse {
  return {
    status: error.status,
    headers: { 'content-type': contentType('minimal'), ...error.headers },
    body: error.body(),
  };
}

function jsonResponse(
  status: number,
  metadata: MetadataLevel,
  body: JsonObject,
  headers: Record<string, string> = {},
): CoreResponse {
  return {
    status,
    headers: { 'content-type': contentType(metadata), ...headers },
    body: JSON.stringify(body),
  };
}

/** `{odata.metadata, …}` in minimal metadata; the body alone in nometadata. */
function withMetadata(
  webUrl: string,
  metadata: MetadataLevel,
  fragment: string,
  body: JsonObject,
): JsonObject {
  if (metadata === 'none') return body;
  return { 'odata.metadata': `${webUrl}/_api/$metadata#${fragment}`, ...body };
}

interface Segment {
  readonly name: string;
  readonly arg: string | null;
}

function parseSegment(raw: string): Segment {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    throw badRequestBody(`The URL segment '${raw}' is not URL-encoded correctly.`);
  }
  const match = /^([^()]+)(?:\((.*)\))?$/s.exec(decoded);
  if (!match?.[1]) return { name: decoded.toLowerCase(), arg: null };
  return { name: match[1].toLowerCase(), arg: match[2] ?? null };
}

/** `'text'` (with '' escaping), `guid'…'` or a number in a segment's parentheses. */
function stringArg(segment: Segment): string {
  const arg = segment.arg ?? '';
  const quoted = /^(?:guid)?'((?:[^']|'')*)'$/s.exec(arg);
  if (!quoted || quoted[1] === undefined) {
    throw unsupportedQuery(`The argument of ${segment.name}(${arg}) is not a quoted string`);
  }
  return quoted[1].replace(/''/g, "'");
}

function numberArg(segment: Segment): number {
  const arg = (segment.arg ?? '').trim();
  if (!/^\d+$/.test(arg)) {
    throw unsupportedQuery(`The argument of ${segment.name}(${arg}) is not a whole number`);
  }
  return Number(arg);
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

const CLAIMS_PREFIX = /^i:0#\.f\|membership\|/i;

/** Creates the local site; loads its data file when there is one. */
export function createLocalSite(options: LocalSiteOptions): LocalSite {
  const sitePath = (options.sitePath ?? '/sites/planuppfoljning').replace(/\/+$/, '');
  const now = options.now ?? (() => new Date());
  const threshold = options.listViewThreshold ?? 5000;
  const faults: InjectedFault[] = [];
  const siteCreated = spDate(now());
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

  function currentUser(headers: ReadonlyMap<string, string>): SiteUser {
    const id = Number(readCookie(headers.get('cookie'), USER_COOKIE));
    const user =
      state.users.find((u) => u.Id === id) ?? state.users.find((u) => u.Id === state.defaultUserId);
    if (!user) {
      throw new SharePointError(
        500,
        '-1, LocalSite.BadState',
        `The site state has no user with defaultUserId ${state.defaultUserId}.`,
      );
    }
    return user;
  }

  function findList(segment: Segment, webUrl: string): ListState {
    if (segment.name === 'lists' || segment.name === 'getbyid') {
      const id = stringArg(segment).toLowerCase();
      const list = state.lists.find((l) => l.id.toLowerCase() === id);
      if (!list) {
        throw new SharePointError(
          404,
          '-1, System.ArgumentException',
          'List does not exist.\n\nThe page you selected contains a list that does not exist.  It may have been deleted by another user.',
        );
      }
      return list;
    }
    const title = stringArg(segment);
    // SharePoint matches list titles case-insensitively.
    const list = state.lists.find((l) => l.definition.title.toLowerCase() === title.toLowerCase());
    if (!list) throw listNotFound(title, webUrl);
    return list;
  }

  /** The router's answer for a permission endpoint: the body in the request's OData flavour. */
  function securityResponse(
    webUrl: string,
    metadata: MetadataLevel,
    answer: SecurityAnswer,
  ): [CoreResponse, boolean] {
    return [
      jsonResponse(
        answer.status,
        metadata,
        withMetadata(webUrl, metadata, answer.fragment, answer.body),
      ),
      answer.changed,
    ];
  }

  /** The router's answer for a schema endpoint (list-schema.ts); no body = 204. */
  function schemaResponse(
    webUrl: string,
    metadata: MetadataLevel,
    answer: SchemaAnswer,
  ): [CoreResponse, boolean] {
    if (answer.body === undefined) {
      return [{ status: answer.status, headers: {}, body: '' }, answer.changed];
    }
    return [
      jsonResponse(
        answer.status,
        metadata,
        withMetadata(webUrl, metadata, answer.fragment ?? 'Edm.Null', answer.body),
      ),
      answer.changed,
    ];
  }

  function schemaRequest(
    req: CoreRequest,
    method: string,
    webUrl: string,
    metadata: MetadataLevel,
    endpoint: string,
  ): SchemaRequest {
    return {
      state,
      user: currentUser(req.headers),
      method,
      body: req.body,
      webUrl,
      sitePath,
      metadata,
      options: (allowed) => readQueryOptions(req.url.searchParams, allowed, endpoint),
      endpoint,
    };
  }

  function listCreated(list: ListState): string {
    return list.items.reduce((min, i) => (i.Created < min ? i.Created : min), siteCreated);
  }

  /** Dispatches one `_api` request. Returns the response and whether the state changed. */
  function api(req: CoreRequest, rest: readonly string[]): [CoreResponse, boolean] {
    const webUrl = `${req.url.origin}${sitePath}`;
    const overridden = req.headers.get('x-http-method')?.toUpperCase();
    const method = req.method === 'POST' && overridden ? overridden : req.method;
    const segments = rest.map(parseSegment);
    const endpoint = `${req.method} ${req.url.pathname.slice(sitePath.length + 1)}`;
    const accept = req.headers.get('accept');
    const requestType = req.headers.get('content-type') ?? '';
    if (requestType.toLowerCase().includes('odata=verbose') && req.body.trim() !== '') {
      throw new SharePointError(
        415,
        '-1, LocalSite.NotEmulated',
        'Request bodies in odata=verbose (Content-Type: application/json;odata=verbose) are not emulated; send plain JSON.',
      );
    }
    if (req.method !== 'GET' && !req.inBatch) {
      const isContextInfo = segments.length === 1 && segments[0]?.name === 'contextinfo';
      const digest = req.headers.get('x-requestdigest') ?? '';
      if (!isContextInfo && !req.headers.has('authorization') && !/^0x[0-9A-F]+,/.test(digest)) {
        throw securityValidation();
      }
    }
    const options = (allowed: readonly string[]): Map<string, string> =>
      readQueryOptions(req.url.searchParams, allowed, endpoint);
    const only = (...methods: string[]): void => {
      if (!methods.includes(method)) throw methodNotAllowed(method, endpoint);
    };

    const [first, second, third, fourth, fifth, ...more] = segments;
    if (!first) throw notEmulated(`${endpoint}`);

    if (first.name === 'contextinfo' && !second) {
      only('POST');
      options([]);
      const digest = `0x${randomBytes(64).toString('hex').toUpperCase()},${now().toUTCString()}`;
      const body = withMetadata(webUrl, metadataLevel(accept), 'SP.ContextWebInformation', {
        FormDigestTimeoutSeconds: 1800,
        FormDigestValue: digest,
        LibraryVersion: '16.0.25000.12002',
        SiteFullUrl: webUrl,
        SupportedSchemaVersions: ['14.0.0.0', '15.0.0.0'],
        WebFullUrl: webUrl,
      });
      return [jsonResponse(200, metadataLevel(accept), body), false];
    }

    if (first.name === '$batch' && !second) {
      only('POST');
      return batch(req);
    }

    if (first.name !== 'web' || first.arg !== null) throw notEmulated(endpoint);
    const metadata = metadataLevel(accept);

    if (!second) {
      only('GET');
      const opts = options(['$select']);
      const web: JsonObject = {
        ...(metadata === 'none'
          ? {}
          : {
              'odata.type': 'SP.Web',
              'odata.id': `${webUrl}/_api/Web`,
              'odata.editLink': 'Web',
            }),
        Configuration: 0,
        Created: siteCreated,
        Description: '',
        Id: stableGuid(`web${sitePath}`),
        Language: 1053,
        ServerRelativeUrl: sitePath,
        Title: state.title,
        Url: webUrl,
        WebTemplate: 'GROUP',
      };
      return [
        jsonResponse(
          200,
          metadata,
          withMetadata(webUrl, metadata, 'SP.ApiData.Webs/@Element', select(web, opts)),
        ),
        false,
      ];
    }

    if (second.name === 'effectivebasepermissions' && !third) {
      const request = schemaRequest(req, method, webUrl, metadata, endpoint);
      return schemaResponse(webUrl, metadata, webEffectivePermissions(request));
    }

    if (second.name === 'currentuser' && !third) {
      only('GET');
      const opts = options(['$select', '$expand']);
      const user = currentUser(req.headers);
      return [
        jsonResponse(
          200,
          metadata,
          withMetadata(
            webUrl,
            metadata,
            'SP.ApiData.Users/@Element',
            userWithGroups(webUrl, user, metadata, opts),
          ),
        ),
        false,
      ];
    }

    if (second.name === 'getuserbyid' && !third) {
      only('GET');
      const opts = options(['$select']);
      const user = state.users.find((u) => u.Id === numberArg(second));
      if (!user) throw userIdNotFound();
      return [
        jsonResponse(
          200,
          metadata,
          withMetadata(
            webUrl,
            metadata,
            'SP.ApiData.Users/@Element',
            select(userJson(webUrl, user, metadata), opts),
          ),
        ),
        false,
      ];
    }

    if (second.name === 'siteusers') {
      only('GET');
      if (!third) {
        const opts = options(['$select', '$top']);
        return [usersResponse(webUrl, metadata, state.users, opts), false];
      }
      if (fourth) throw notEmulated(endpoint);
      const opts = options(['$select']);
      let user: SiteUser | undefined;
      if (third.name === 'getbyid') user = state.users.find((u) => u.Id === numberArg(third));
      else if (third.name === 'getbyemail') {
        const email = stringArg(third).toLowerCase();
        user = state.users.find((u) => u.Email.toLowerCase() === email);
      } else throw notEmulated(endpoint);
      if (!user) throw userIdNotFound();
      return [
        jsonResponse(
          200,
          metadata,
          withMetadata(
            webUrl,
            metadata,
            'SP.ApiData.Users/@Element',
            select(userJson(webUrl, user, metadata), opts),
          ),
        ),
        false,
      ];
    }

    if (second.name === 'sitegroups') {
      if (!third && method === 'POST') {
        const request = schemaRequest(req, method, webUrl, metadata, endpoint);
        return schemaResponse(
          webUrl,
          metadata,
          createGroup(request, (g) => groupJson(webUrl, g, metadata)),
        );
      }
      only('GET');
      if (!third) {
        const opts = options(['$select']);
        const value = state.groups.map((g) => select(groupJson(webUrl, g, metadata), opts));
        return [
          jsonResponse(
            200,
            metadata,
            withMetadata(webUrl, metadata, 'SP.ApiData.Groups', { value }),
          ),
          false,
        ];
      }
      let group;
      if (third.name === 'getbyname') {
        const name = stringArg(third).toLowerCase();
        group = state.groups.find((g) => g.Title.toLowerCase() === name);
      } else if (third.name === 'getbyid') {
        const id = numberArg(third);
        group = state.groups.find((g) => g.Id === id);
      } else throw notEmulated(endpoint);
      if (!group) throw groupNotFound();
      if (!fourth) {
        const opts = options(['$select']);
        return [
          jsonResponse(
            200,
            metadata,
            withMetadata(
              webUrl,
              metadata,
              'SP.ApiData.Groups/@Element',
              select(groupJson(webUrl, group, metadata), opts),
            ),
          ),
          false,
        ];
      }
      if (fourth.name !== 'users' || fifth) throw notEmulated(endpoint);
      const opts = options(['$select', '$top']);
      const members = group.memberIds
        .map((id) => state.users.find((u) => u.Id === id))
        .filter((u): u is SiteUser => u !== undefined);
      return [usersResponse(webUrl, metadata, members, opts), false];
    }

    if (second.name === 'ensureuser' && !third) {
      only('POST');
      options([]);
      const body = parseJsonObjectBody(req.body);
      const logonName = body.logonName;
      if (typeof logonName !== 'string' || logonName.trim() === '') {
        throw badRequestBody('The request body must be { "logonName": "…" }.');
      }
      const wanted = logonName.trim().toLowerCase();
      const bare = wanted.replace(CLAIMS_PREFIX, '');
      const user = state.users.find(
        (u) =>
          u.LoginName.toLowerCase() === wanted ||
          u.UserPrincipalName.toLowerCase() === bare ||
          (u.Email !== '' && u.Email.toLowerCase() === bare),
      );
      if (!user) throw userNotFound(logonName);
      return [
        jsonResponse(
          200,
          metadata,
          withMetadata(
            webUrl,
            metadata,
            'SP.ApiData.Users/@Element',
            userJson(webUrl, user, metadata),
          ),
        ),
        false,
      ];
    }

    if (second.name === 'roledefinitions') {
      const answer = roleDefinitionsEndpoint({
        method,
        segments: [second, third, fourth, fifth, ...more].filter(
          (s): s is Segment => s !== undefined,
        ),
        webUrl,
        metadata,
        options,
        endpoint,
      });
      return securityResponse(webUrl, metadata, answer);
    }

    if (second.name === 'lists') {
      if (!third && second.arg === null) {
        if (method === 'POST') {
          const request = schemaRequest(req, method, webUrl, metadata, endpoint);
          const answer = createList(request, randomUUID, (l) =>
            select(listJson(webUrl, l, metadata, listCreated(l)), new Map()),
          );
          return schemaResponse(webUrl, metadata, answer);
        }
        only('GET');
        const opts = options(['$select']);
        const value = state.lists.map((l) =>
          select(listJson(webUrl, l, metadata, listCreated(l)), opts),
        );
        return [
          jsonResponse(
            200,
            metadata,
            withMetadata(webUrl, metadata, 'SP.ApiData.Lists', { value }),
          ),
          false,
        ];
      }
      // lists(guid'…') addresses the list itself; lists/getByTitle('…') and lists/getById('…') one level down.
      const listSegment = second.arg !== null ? second : third;
      const after =
        second.arg !== null ? [third, fourth, fifth, ...more] : [fourth, fifth, ...more];
      if (
        !listSegment ||
        (second.arg === null && !['getbytitle', 'getbyid'].includes(listSegment.name))
      ) {
        throw notEmulated(endpoint);
      }
      const list = findList(listSegment, webUrl);
      return listEndpoint(
        req,
        method,
        list,
        after.filter((s): s is Segment => s !== undefined),
        webUrl,
        metadata,
        endpoint,
      );
    }

    throw notEmulated(endpoint);
  }

  function select(entity: JsonObject, opts: Map<string, string>): JsonObject {
    const names = splitList(opts.get('$select'));
    if (names.length > 0 && !names.includes('*')) return selectProperties(entity, names);
    // Properties SharePoint sends only when named in $select.
    return Object.fromEntries(Object.entries(entity).filter(([k]) => !SELECT_ONLY.has(k)));
  }

  function usersResponse(
    webUrl: string,
    metadata: MetadataLevel,
    users: readonly SiteUser[],
    opts: Map<string, string>,
  ): CoreResponse {
    const topText = opts.get('$top');
    const top = topText === undefined ? users.length : parseTop(topText);
    const value = users.slice(0, top).map((u) => select(userJson(webUrl, u, metadata), opts));
    return jsonResponse(
      200,
      metadata,
      withMetadata(webUrl, metadata, 'SP.ApiData.Users', { value }),
    );
  }

  function userWithGroups(
    webUrl: string,
    user: SiteUser,
    metadata: MetadataLevel,
    opts: Map<string, string>,
  ): JsonObject {
    const expand = splitList(opts.get('$expand'));
    for (const name of expand) if (name !== 'Groups') throw fieldOrPropertyNotFound(name);
    const expanded = expand.includes('Groups');
    const names = splitList(opts.get('$select'));
    const plain = names.filter((n) => n !== 'Groups' && !n.startsWith('Groups/'));
    const groupProps = names.filter((n) => n.startsWith('Groups/')).map((n) => n.slice(7));
    const namesGroups = plain.length !== names.length;
    if (namesGroups && !expanded) {
      throw unsupportedQuery('Selecting Groups of the current user needs $expand=Groups');
    }
    const base = userJson(webUrl, user, metadata);
    const out = names.length === 0 ? base : selectProperties(base, plain);
    if (expanded && (names.length === 0 || names.includes('*') || namesGroups)) {
      out.Groups = state.groups
        .filter((g) => g.memberIds.includes(user.Id))
        .map((g) => {
          const json = groupJson(webUrl, g, metadata);
          return groupProps.length > 0 ? selectProperties(json, groupProps) : json;
        });
    }
    return out;
  }

  function listEndpoint(
    req: CoreRequest,
    method: string,
    list: ListState,
    rest: readonly Segment[],
    webUrl: string,
    metadata: MetadataLevel,
    endpoint: string,
  ): [CoreResponse, boolean] {
    const options = (allowed: readonly string[]): Map<string, string> =>
      readQueryOptions(req.url.searchParams, allowed, endpoint);
    const [first, second] = rest;
    if (!first) {
      if (method !== 'GET') throw methodNotAllowed(method, endpoint);
      const opts = options(['$select']);
      return [
        jsonResponse(
          200,
          metadata,
          withMetadata(
            webUrl,
            metadata,
            'SP.ApiData.Lists/@Element',
            select(listJson(webUrl, list, metadata, listCreated(list)), opts),
          ),
        ),
        false,
      ];
    }
    if (first.name === 'effectivebasepermissions' && !second) {
      const request = schemaRequest(req, method, webUrl, metadata, endpoint);
      return schemaResponse(webUrl, metadata, listEffectivePermissions(request, list));
    }
    if (LIST_SECURITY.includes(first.name)) {
      const answer = listSecurityEndpoint({
        state,
        list,
        user: currentUser(req.headers),
        method,
        segments: rest,
        webUrl,
        metadata,
        options,
        endpoint,
      });
      return securityResponse(webUrl, metadata, answer);
    }
    if ((first.name === 'fields' || first.name === 'views') && first.arg === null) {
      const request = schemaRequest(req, method, webUrl, metadata, endpoint);
      const schemaRest = rest.slice(1);
      const answer =
        first.name === 'fields'
          ? fieldsEndpoint(request, list, schemaRest)
          : viewsEndpoint(request, list, schemaRest);
      return schemaResponse(webUrl, metadata, answer);
    }
    if (first.name !== 'items') throw notEmulated(endpoint);
    const ctx: ItemJsonContext = { site: state, list, webUrl, metadata };
    const entitySet = `SP.ListData.${listItemEntityTypeName(list.definition.title)}s`;
    const user = (): SiteUser => currentUser(req.headers);

    // items(N)/… or items/getById(N)/…: what follows the item is a permission endpoint.
    let itemId: number | null = null;
    let after: readonly Segment[] = [];
    if (first.arg !== null) {
      itemId = numberArg(first);
      after = rest.slice(1);
    } else if (second?.name === 'getbyid') {
      itemId = numberArg(second);
      after = rest.slice(2);
    } else if (second) throw notEmulated(endpoint);

    /** The item, or SharePoint's 404 when it does not exist or the user may not see it. */
    const visibleItem = (id: number) => {
      const item = getItem(list, id);
      if (!canRead(state, user(), list, item)) throw itemNotFound();
      return item;
    };

    if (itemId !== null && after.length > 0) {
      const answer = itemSecurityEndpoint({
        state,
        list,
        item: visibleItem(itemId),
        user: user(),
        method,
        segments: after,
        webUrl,
        metadata,
        options,
        endpoint,
      });
      return securityResponse(webUrl, metadata, answer);
    }

    if (itemId === null) {
      if (method === 'GET') {
        const opts = options(['$select', '$expand', '$filter', '$orderby', '$top', '$skiptoken']);
        const projection = compileProjection(list, opts.get('$select'), opts.get('$expand'));
        const expanded = new Set(compileExpand(list, opts.get('$expand')).keys());
        const filter = compileFilter(state, list, opts.get('$filter'), expanded);
        const order = parseOrderBy(list, opts.get('$orderby'));
        const top = parseTop(opts.get('$top'));
        const skip = parseSkipToken(opts.get('$skiptoken'));
        enforceThreshold(list, filter, order, threshold);
        const reader = user();
        const page = queryPage(list, filter, order, top, skip, (item) =>
          canRead(state, reader, list, item),
        );
        const body: JsonObject = withMetadata(webUrl, metadata, entitySet, {
          value: page.items.map((item) => itemJson(ctx, item, projection)),
        });
        if (page.nextToken !== null) body['odata.nextLink'] = nextLink(req.url, page.nextToken);
        return [jsonResponse(200, metadata, body), false];
      }
      if (method === 'POST') {
        // A reused PnP instance carries the $select/$expand of an earlier read; SharePoint
        // does not fail the write for it, so neither do we (the answer is the whole item).
        options(['$select', '$expand']);
        demandPermission(state, user(), listAssignments(state, list), PERMISSION.addListItems);
        const item = createItem(state, list, req.body, user().Id, now());
        const body = withMetadata(
          webUrl,
          metadata,
          `${entitySet}/@Element`,
          itemJson(ctx, item, { kind: 'all' }),
        );
        return [
          jsonResponse(201, metadata, body, {
            etag: etagOf(item),
            location: `${webUrl}/_api/Web/Lists(guid'${list.id}')/Items(${item.Id})`,
          }),
          true,
        ];
      }
      throw methodNotAllowed(method, endpoint);
    }

    switch (method) {
      case 'GET': {
        const opts = options(['$select', '$expand']);
        const projection = compileProjection(list, opts.get('$select'), opts.get('$expand'));
        const item = visibleItem(itemId);
        const body = withMetadata(
          webUrl,
          metadata,
          `${entitySet}/@Element`,
          itemJson(ctx, item, projection),
        );
        return [jsonResponse(200, metadata, body, { etag: etagOf(item) }), false];
      }
      case 'MERGE':
      case 'PATCH': {
        options(['$select', '$expand']);
        demandPermission(
          state,
          user(),
          itemAssignments(state, list, visibleItem(itemId)),
          PERMISSION.editListItems,
        );
        const item = updateItem(
          state,
          list,
          itemId,
          req.body,
          req.headers.get('if-match'),
          user().Id,
          now(),
        );
        return [{ status: 204, headers: { etag: etagOf(item) }, body: '' }, true];
      }
      case 'DELETE':
        options(['$select', '$expand']);
        demandPermission(
          state,
          user(),
          itemAssignments(state, list, visibleItem(itemId)),
          PERMISSION.deleteListItems,
        );
        deleteItem(list, itemId, req.headers.get('if-match'));
        return [{ status: 204, headers: {}, body: '' }, true];
      case 'PUT':
        throw notEmulated(`PUT (replace) on a list item; use MERGE`, 405);
      default:
        throw methodNotAllowed(method, endpoint);
    }
  }

  function batch(req: CoreRequest): [CoreResponse, boolean] {
    const boundary = /^multipart\/mixed/i.test(req.headers.get('content-type') ?? '')
      ? boundaryOf(req.headers.get('content-type'))
      : null;
    if (!boundary)
      throw badRequestBody(
        'A $batch request needs Content-Type: multipart/mixed; boundary=batch_<id>.',
      );
    let changed = false;
    const parts: BatchPartResponse[] = parseBatch(req.body, boundary).map((part) => {
      const headers = new Map(part.headers);
      // The batch's parts run as the batch's caller.
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
      const [response, partChanged] = core({
        method: part.method,
        url,
        headers,
        body: part.body,
        inBatch: true,
      });
      changed ||= partChanged;
      const partHeaders = { ...response.headers };
      return {
        status: response.status,
        statusText: STATUS_TEXT[response.status] ?? 'Unknown',
        headers: partHeaders,
        body: response.body,
      };
    });
    const formatted = formatBatchResponse(parts);
    return [
      { status: 200, headers: { 'content-type': formatted.contentType }, body: formatted.body },
      changed,
    ];
  }

  /** `_local/…`: the emulation's own endpoints (not SharePoint's). */
  function local(req: CoreRequest, rest: readonly string[]): [CoreResponse, boolean] {
    const json = (status: number, body: Json): CoreResponse => ({
      status,
      headers: { 'content-type': 'application/json;charset=utf-8' },
      body: JSON.stringify(body),
    });
    const route = `${req.method} ${rest.join('/')}`;
    const coordinators = state.groups.find((g) => g.Title === COORDINATOR_GROUP)?.memberIds ?? [];
    switch (route) {
      case 'GET users':
        return [
          json(
            200,
            state.users.map((u) => ({
              id: u.Id,
              title: u.Title,
              email: u.Email,
              isCoordinator: coordinators.includes(u.Id),
            })),
          ),
          false,
        ];
      case 'POST signin': {
        const userId = parseJsonObjectBody(req.body).userId;
        if (typeof userId !== 'number' || !state.users.some((u) => u.Id === userId)) {
          return [json(400, { error: `No user with id ${String(userId)}.` }), false];
        }
        return [
          {
            status: 204,
            headers: { 'set-cookie': `${USER_COOKIE}=${userId}; Path=/; SameSite=Lax` },
            body: '',
          },
          false,
        ];
      }
      case 'POST reset': {
        const name = parseJsonObjectBody(req.body).state;
        if (name === undefined) {
          state = options.createInitialState();
          return [{ status: 204, headers: {}, body: '' }, true];
        }
        const create = typeof name === 'string' ? options.namedStates?.[name] : undefined;
        if (!create) {
          const known = Object.keys(options.namedStates ?? {}).join(', ');
          return [json(400, { error: `No state named ${String(name)} (known: ${known}).` }), false];
        }
        state = create();
        return [{ status: 204, headers: {}, body: '' }, true];
      }
      case 'POST fault': {
        const body = parseJsonObjectBody(req.body);
        const { status, count, retryAfterSeconds, match } = body;
        if (typeof status !== 'number' || typeof count !== 'number') {
          return [
            json(400, { error: 'Expected { status, count, retryAfterSeconds?, match? }.' }),
            false,
          ];
        }
        faults.push({
          status,
          count,
          ...(typeof retryAfterSeconds === 'number' ? { retryAfterSeconds } : {}),
          ...(typeof match === 'string' ? { match: new RegExp(match) } : {}),
        });
        return [{ status: 204, headers: {}, body: '' }, false];
      }
      default:
        return [json(404, { error: `The local site has no endpoint ${route}.` }), false];
    }
  }

  function injectedFault(req: CoreRequest): CoreResponse | null {
    const target = `${req.url.pathname}${req.url.search}`;
    // A batch part meets a fault only when the fault's `match` names it; one without a `match`
    // stays for the next request on the wire.
    const fault = faults.find(
      (f) =>
        f.count > 0 &&
        (req.inBatch ? f.match?.test(target) === true : (f.match?.test(target) ?? true)),
    );
    if (!fault) return null;
    fault.count -= 1;
    const headers: Record<string, string> = { 'content-type': contentType('minimal') };
    if (fault.status === 429 || fault.status === 503) {
      headers['retry-after'] = String(fault.retryAfterSeconds ?? 1);
    }
    const error = new SharePointError(
      fault.status,
      '-1, LocalSite.InjectedFault',
      `Injected fault: HTTP ${fault.status} (local site test hook).`,
    );
    return { status: fault.status, headers, body: error.body() };
  }

  /** Routes one request (outer or batch part). */
  function core(req: CoreRequest): [CoreResponse, boolean] {
    const path = req.url.pathname;
    if (path !== sitePath && !path.startsWith(`${sitePath}/`)) {
      return [errorResponse(notEmulated(`requests outside ${sitePath} (${path})`, 404)), false];
    }
    const rest = path.slice(sitePath.length + 1).split('/');
    const area = rest[0]?.toLowerCase();
    try {
      if (area === '_api') {
        const fault = injectedFault(req);
        if (fault) return [fault, false];
        return api(
          req,
          rest.slice(1).filter((s, i, all) => s !== '' || i < all.length - 1),
        );
      }
      if (area === '_local' && !req.inBatch && rest[1] === 'graph') {
        // The local Microsoft Graph (graph.ts). Injected faults reach it only when their
        // `match` names it (a fault without one stays for `_api`).
        const target = `${req.url.pathname}${req.url.search}`;
        const fault = faults.find((f) => f.count > 0 && f.match?.test(target) === true);
        if (fault) {
          fault.count -= 1;
          return [graphFault(fault.status, fault.retryAfterSeconds), false];
        }
        const answer = handleGraph(state, {
          method: req.method,
          segments: rest.slice(2),
          query: req.url.searchParams,
          body: req.body,
          sender: currentUser(req.headers),
          now: now(),
        });
        return [answer, answer.changed];
      }
      if (area === '_local' && !req.inBatch) return local(req, rest.slice(1));
      return [errorResponse(notEmulated(`${path} (only _api and _local are served)`, 404)), false];
    } catch (error) {
      if (error instanceof SharePointError) return [errorResponse(error), false];
      if (error instanceof ProjectedFieldError) {
        return [
          errorResponse(
            new SharePointError(
              500,
              '-2146232832, Microsoft.SharePoint.SPException',
              error.message,
            ),
          ),
          false,
        ];
      }
      throw error;
    }
  }

  function send(res: ServerResponse, response: CoreResponse): void {
    res.statusCode = response.status;
    res.setHeader('SPRequestGuid', randomUUID());
    res.setHeader('X-SharePointHealthScore', '0');
    if (response.status !== 204 && response.headers['content-type']?.includes('odata')) {
      res.setHeader('DataServiceVersion', '3.0');
    }
    for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
    if (response.status === 204) {
      res.end();
      return;
    }
    res.setHeader('Content-Length', Buffer.byteLength(response.body));
    res.end(response.body);
  }

  return {
    handle(req, res, next) {
      const host = req.headers.host ?? 'localhost';
      const protocol =
        'encrypted' in req.socket && req.socket.encrypted === true ? 'https' : 'http';
      let url: URL;
      try {
        url = new URL(req.url ?? '/', `${protocol}://${host}`);
      } catch {
        if (next) next();
        return;
      }
      if (url.pathname !== sitePath && !url.pathname.startsWith(`${sitePath}/`)) {
        if (next) next();
        else {
          res.statusCode = 404;
          res.end();
        }
        return;
      }
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('error', () => {
        res.statusCode = 400;
        res.end();
      });
      req.on('end', () => {
        const headers = new Map<string, string>();
        for (const [name, value] of Object.entries(req.headers)) {
          if (value !== undefined)
            headers.set(name, Array.isArray(value) ? value.join(', ') : value);
        }
        try {
          const [response, changed] = core({
            method: (req.method ?? 'GET').toUpperCase(),
            url,
            headers,
            body: Buffer.concat(chunks).toString('utf8'),
            inBatch: false,
          });
          if (changed && response.status < 400) persist();
          send(res, response);
        } catch (error) {
          console.error('[local-site] internal error', error);
          send(
            res,
            errorResponse(
              new SharePointError(
                500,
                '-1, LocalSite.InternalError',
                `The local SharePoint site failed: ${error instanceof Error ? error.message : String(error)}`,
              ),
            ),
          );
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
      faults.push({ ...fault });
    },
  };
}
