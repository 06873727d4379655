/**
 * Routes of the web itself, its users and its groups: `contextinfo`, `web`, the current user,
 * site users, site groups, `ensureuser` and role definitions.
 */
import { randomBytes } from 'node:crypto';
import {
  badRequestBody,
  fieldOrPropertyNotFound,
  groupNotFound,
  parseJsonObjectBody,
  unsupportedQuery,
  userIdNotFound,
  SharePointError,
  userNotFound,
} from './errors';
import {
  ensureUser,
  parsePeoplePickerQuery,
  peoplePickerAnswerValue,
  peoplePickerSearch,
  type Directory,
  type SharePointFailure,
} from './directory';
import { numberArg, stringArg } from './http';
import {
  groupJson,
  SELECT_ONLY,
  selectProperties,
  stableGuid,
  userJson,
  type JsonObject,
} from './item-json';
import { parseTop, splitList } from './odata-query';
import {
  demandPermission,
  PERMISSION,
  roleDefinitionsEndpoint,
  siteAssignments,
} from './permissions';
import { createGroup, webEffectivePermissions, type SchemaRequest } from './list-schema';
import type { ApiContext, Route } from './router';
import type { SiteGroup, SiteUser } from './site-state';

/** `$select` on a plain entity; without one, the properties SharePoint sends by default. */
export function select(entity: JsonObject, opts: Map<string, string>): JsonObject {
  const names = splitList(opts.get('$select'));
  if (names.length > 0 && !names.includes('*')) return selectProperties(entity, names);
  return Object.fromEntries(Object.entries(entity).filter(([k]) => !SELECT_ONLY.has(k)));
}

/** The flavour the schema and permission modules speak (verbose only where a route allows it). */
export function metadataOf(ctx: ApiContext): 'minimal' | 'none' {
  return ctx.flavour === 'none' ? 'none' : 'minimal';
}

/** The request as the schema endpoints (list-schema.ts) take it. */
export function schemaRequest(ctx: ApiContext): SchemaRequest {
  return {
    state: ctx.state,
    user: ctx.user(),
    method: ctx.method,
    body: ctx.req.body,
    webUrl: ctx.webUrl,
    sitePath: ctx.sitePath,
    metadata: metadataOf(ctx),
    options: (allowed) => ctx.options(allowed),
    endpoint: ctx.endpoint,
    newId: ctx.newId,
    now: ctx.now.toISOString(),
    verbose: ctx.flavour === 'verbose',
  };
}

function userAnswer(ctx: ApiContext, user: SiteUser | undefined, opts: Map<string, string>) {
  if (!user) throw userIdNotFound();
  return ctx.json(
    200,
    'SP.ApiData.Users/@Element',
    select(userJson(ctx.webUrl, user, metadataOf(ctx)), opts),
  );
}

/** `getuserbyid(N)` and `siteusers/getbyid(N)`: one site user by principal id. */
function userById(ctx: ApiContext) {
  const id = numberArg(ctx.arg(0));
  return userAnswer(
    ctx,
    ctx.state.users.find((u) => u.Id === id),
    ctx.options(['$select']),
  );
}

function usersAnswer(ctx: ApiContext, users: readonly SiteUser[]) {
  const opts = ctx.options(['$select', '$top']);
  const topText = opts.get('$top');
  const top = topText === undefined ? users.length : parseTop(topText);
  const value = users
    .slice(0, top)
    .map((u) => select(userJson(ctx.webUrl, u, metadataOf(ctx)), opts));
  return ctx.json(200, 'SP.ApiData.Users', { value });
}

function userWithGroups(ctx: ApiContext, user: SiteUser, opts: Map<string, string>): JsonObject {
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
  const base = userJson(ctx.webUrl, user, metadataOf(ctx));
  const out = names.length === 0 ? base : selectProperties(base, plain);
  if (expanded && (names.length === 0 || names.includes('*') || namesGroups)) {
    out.Groups = ctx.state.groups
      .filter((g) => g.memberIds.includes(user.Id))
      .map((g) => {
        const json = groupJson(ctx.webUrl, g, metadataOf(ctx));
        return groupProps.length > 0 ? selectProperties(json, groupProps) : json;
      });
  }
  return out;
}

function findGroup(ctx: ApiContext): SiteGroup {
  const [which] = ctx.args;
  let group: SiteGroup | undefined;
  if (which?.name === 'getbyname') {
    const name = stringArg(which).toLowerCase();
    group = ctx.state.groups.find((g) => g.Title.toLowerCase() === name);
  } else if (which) {
    const id = numberArg(which);
    group = ctx.state.groups.find((g) => g.Id === id);
  }
  if (!group) throw groupNotFound();
  return group;
}

/** The directory behind the site; none: the site's people are its user list alone. */
function directoryOf(ctx: ApiContext): Directory {
  return ctx.state.directory ?? { tenantId: '', users: [], groups: [] };
}

function failure(error: SharePointFailure): SharePointError {
  return new SharePointError(error.status, error.code, error.message);
}

export const WEB_ROUTES: readonly Route[] = [
  {
    methods: ['POST'],
    path: 'contextinfo',
    handle(ctx) {
      ctx.options([]);
      const digest = `0x${randomBytes(64).toString('hex').toUpperCase()},${ctx.now.toUTCString()}`;
      return ctx.json(200, 'SP.ContextWebInformation', {
        FormDigestTimeoutSeconds: 1800,
        FormDigestValue: digest,
        LibraryVersion: '16.0.25000.12002',
        SiteFullUrl: ctx.webUrl,
        SupportedSchemaVersions: ['14.0.0.0', '15.0.0.0'],
        WebFullUrl: ctx.webUrl,
      });
    },
  },
  {
    methods: ['GET'],
    path: 'web',
    handle(ctx) {
      const opts = ctx.options(['$select']);
      const web: JsonObject = {
        ...(ctx.flavour === 'none'
          ? {}
          : {
              'odata.type': 'SP.Web',
              'odata.id': `${ctx.webUrl}/_api/Web`,
              'odata.editLink': 'Web',
            }),
        Configuration: 0,
        Created: ctx.siteCreated,
        Description: '',
        Id: stableGuid(`web${ctx.sitePath}`),
        Language: 1053,
        ServerRelativeUrl: ctx.sitePath,
        Title: ctx.state.title,
        Url: ctx.webUrl,
        WebTemplate: 'GROUP',
      };
      return ctx.json(200, 'SP.ApiData.Webs/@Element', select(web, opts));
    },
  },
  {
    methods: ['GET'],
    path: 'web/effectivebasepermissions',
    handle(ctx) {
      const answer = webEffectivePermissions(schemaRequest(ctx));
      return ctx.json(answer.status, answer.fragment ?? '', answer.body ?? {});
    },
  },
  {
    methods: ['GET'],
    path: 'web/currentuser',
    handle(ctx) {
      const opts = ctx.options(['$select', '$expand']);
      return ctx.json(200, 'SP.ApiData.Users/@Element', userWithGroups(ctx, ctx.user(), opts));
    },
  },
  { methods: ['GET'], path: 'web/getuserbyid()', handle: userById },
  { methods: ['GET'], path: 'web/siteusers', handle: (ctx) => usersAnswer(ctx, ctx.state.users) },
  { methods: ['GET'], path: 'web/siteusers/getbyid()', handle: userById },
  {
    methods: ['GET'],
    path: 'web/siteusers/getbyemail()',
    handle(ctx) {
      const email = stringArg(ctx.arg(0)).toLowerCase();
      return userAnswer(
        ctx,
        ctx.state.users.find((u) => u.Email !== '' && u.Email.toLowerCase() === email),
        ctx.options(['$select']),
      );
    },
  },
  {
    methods: ['GET'],
    path: 'web/sitegroups',
    handle(ctx) {
      const opts = ctx.options(['$select']);
      const value = ctx.state.groups.map((g) =>
        select(groupJson(ctx.webUrl, g, metadataOf(ctx)), opts),
      );
      return ctx.json(200, 'SP.ApiData.Groups', { value });
    },
  },
  {
    methods: ['POST'],
    path: 'web/sitegroups',
    handle(ctx) {
      const answer = createGroup(schemaRequest(ctx), (g) =>
        groupJson(ctx.webUrl, g, metadataOf(ctx)),
      );
      return ctx.json(answer.status, answer.fragment ?? '', answer.body ?? {});
    },
  },
  ...['getbyname()', 'getbyid()'].flatMap((by): Route[] => [
    {
      methods: ['GET'],
      path: `web/sitegroups/${by}`,
      handle(ctx) {
        const opts = ctx.options(['$select']);
        const json = groupJson(ctx.webUrl, findGroup(ctx), metadataOf(ctx));
        return ctx.json(200, 'SP.ApiData.Groups/@Element', select(json, opts));
      },
    },
    {
      methods: ['GET'],
      path: `web/sitegroups/${by}/users`,
      handle(ctx) {
        const members = findGroup(ctx)
          .memberIds.map((id) => ctx.state.users.find((u) => u.Id === id))
          .filter((u): u is SiteUser => u !== undefined);
        return usersAnswer(ctx, members);
      },
    },
    {
      // PnP's `siteGroups…users.add(loginName)`: the UserCollection resource of the users,
      // groups and roles REST reference (learn.microsoft.com/previous-versions/office/developer/
      // sharepoint-rest-reference/dn531432). Only site users (as `ensureuser` made them) join;
      // changing membership is checked as Manage Permissions on the site (SharePoint also lets
      // a group's own owner).
      methods: ['POST'],
      path: `web/sitegroups/${by}/users`,
      handle(ctx) {
        ctx.options([]);
        demandPermission(
          ctx.state,
          ctx.user(),
          siteAssignments(ctx.state),
          PERMISSION.managePermissions,
        );
        const group = findGroup(ctx);
        const loginName = parseJsonObjectBody(ctx.req.body).LoginName;
        if (typeof loginName !== 'string' || loginName.trim() === '') {
          throw badRequestBody('The request body must be { "LoginName": "…" }.');
        }
        const wanted = loginName.trim().toLowerCase();
        const user = ctx.state.users.find((u) => u.LoginName.toLowerCase() === wanted);
        if (!user) throw userNotFound(loginName);
        if (!group.memberIds.includes(user.Id)) {
          const index = ctx.state.groups.indexOf(group);
          ctx.state.groups[index] = { ...group, memberIds: [...group.memberIds, user.Id] };
        }
        return ctx.json(
          201,
          'SP.ApiData.Users/@Element',
          userJson(ctx.webUrl, user, metadataOf(ctx)),
        );
      },
    },
  ]),
  {
    methods: ['POST'],
    path: 'web/ensureuser',
    handle(ctx) {
      ctx.options([]);
      const logonName = parseJsonObjectBody(ctx.req.body).logonName;
      if (typeof logonName !== 'string' || logonName.trim() === '') {
        throw badRequestBody('The request body must be { "logonName": "…" }.');
      }
      const ensured = ensureUser(
        directoryOf(ctx),
        ctx.state.users,
        logonName,
        ctx.state.groups.map((g) => g.Id),
      );
      if (!ensured.ok) throw failure(ensured.error);
      if (ensured.added) ctx.state.users.push(ensured.user);
      return ctx.json(
        200,
        'SP.ApiData.Users/@Element',
        userJson(ctx.webUrl, ensured.user, metadataOf(ctx)),
      );
    },
  },
  {
    // The people picker's search (what SharePoint's own people pickers call): the tenant's
    // directory, not the site's user list. Answers the entities as one JSON string in `value`.
    methods: ['POST'],
    path: 'sp.ui.applicationpages.clientpeoplepickerwebserviceinterface.clientpeoplepickersearchuser',
    handle(ctx) {
      ctx.options([]);
      const parsed = parsePeoplePickerQuery(parseJsonObjectBody(ctx.req.body));
      if (!parsed.ok) throw failure(parsed.error);
      const entities = peoplePickerSearch(directoryOf(ctx), parsed.query);
      return ctx.json(200, 'Edm.String', { value: peoplePickerAnswerValue(entities) });
    },
  },
  {
    methods: ['GET'],
    path: 'web/roledefinitions(?)/**',
    handle(ctx) {
      const answer = roleDefinitionsEndpoint({
        method: ctx.method,
        segments: [ctx.args[0] ?? { name: 'roledefinitions', arg: null }, ...ctx.tail],
        webUrl: ctx.webUrl,
        metadata: metadataOf(ctx),
        options: (allowed) => ctx.options(allowed),
        endpoint: ctx.endpoint,
      });
      return ctx.json(answer.status, answer.fragment, answer.body);
    },
  },
];
