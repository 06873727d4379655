/**
 * Routes of lists: the list collection, one list (addressed as `lists(guid'…')`,
 * `lists/getByTitle('…')` or `lists/getById('…')`), its fields, views, permissions and items.
 */
import { itemNotFound, listNotFound, notEmulated, SharePointError } from './errors';
import { NO_CONTENT, numberArg, stringArg, type Segment, type SiteAnswer } from './http';
import {
  etagOf,
  itemJson,
  listItemEntityTypeName,
  listJson,
  type ItemJsonContext,
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
import { createList, fieldsEndpoint, type SchemaAnswer } from './list-schema';
import {
  compileExpand,
  compileProjection,
  nextLink,
  parseOrderBy,
  parseSkipToken,
  parseTop,
} from './odata-query';
import {
  canRead,
  demandPermission,
  effectiveBasePermissions,
  itemAssignments,
  itemSecurityEndpoint,
  listAssignments,
  listSecurityEndpoint,
  PERMISSION,
  type SecurityAnswer,
  type PermissionKind,
} from './permissions';
import { under, type ApiContext, type Route } from './router';
import type { ListItemRecord, ListState } from './site-state';
import { viewsEndpoint } from './views';
import { metadataOf, schemaRequest, select } from './web-routes';

/** The list the route's first argument names. */
function findList(ctx: ApiContext): ListState {
  const segment = ctx.arg(0);
  if (segment.name === 'getbytitle') {
    const title = stringArg(segment);
    // SharePoint matches list titles case-insensitively.
    const list = ctx.state.lists.find((l) => l.Title.toLowerCase() === title.toLowerCase());
    if (!list) throw listNotFound(title, ctx.webUrl);
    return list;
  }
  const id = stringArg(segment).toLowerCase();
  const list = ctx.state.lists.find((l) => l.id.toLowerCase() === id);
  if (!list) {
    throw new SharePointError(
      404,
      '-1, System.ArgumentException',
      'List does not exist.\n\nThe page you selected contains a list that does not exist.  It may have been deleted by another user.',
    );
  }
  return list;
}

function schemaAnswer(ctx: ApiContext, answer: SchemaAnswer): SiteAnswer {
  if (answer.body === undefined) return { ...NO_CONTENT, status: answer.status };
  return ctx.json(answer.status, answer.fragment ?? 'Edm.Null', answer.body);
}

function securityAnswer(ctx: ApiContext, answer: SecurityAnswer): SiteAnswer {
  return ctx.json(answer.status, answer.fragment, answer.body);
}

function entitySet(list: ListState): string {
  return `SP.ListData.${listItemEntityTypeName(list.Title)}s`;
}

function itemContext(ctx: ApiContext, list: ListState): ItemJsonContext {
  return { site: ctx.state, list, webUrl: ctx.webUrl, metadata: metadataOf(ctx) };
}

/** The item the route's second argument names, or 404 when the user may not see it. */
function visibleItem(ctx: ApiContext, list: ListState): ListItemRecord {
  const item = getItem(list, numberArg(ctx.arg(1)));
  if (!canRead(ctx.state, ctx.user(), list, item)) throw itemNotFound();
  return item;
}

/** The list and item a MERGE or DELETE addresses, once the user is known to hold `kind` on it. */
function itemToWrite(
  ctx: ApiContext,
  kind: PermissionKind,
): { list: ListState; visible: ListItemRecord } {
  const list = findList(ctx);
  // A reused PnP instance carries the $select/$expand of an earlier read; SharePoint ignores them.
  ctx.options(['$select', '$expand']);
  const visible = visibleItem(ctx, list);
  demandPermission(ctx.state, ctx.user(), itemAssignments(ctx.state, list, visible), kind);
  return { list, visible };
}

function queryItems(ctx: ApiContext, list: ListState): SiteAnswer {
  const opts = ctx.options(['$select', '$expand', '$filter', '$orderby', '$top', '$skiptoken']);
  const projection = compileProjection(ctx.state, list, opts.get('$select'), opts.get('$expand'));
  const expanded = new Set(compileExpand(list, opts.get('$expand')).keys());
  const filter = compileFilter(ctx.state, list, opts.get('$filter'), expanded);
  const order = parseOrderBy(list, opts.get('$orderby'));
  const top = parseTop(opts.get('$top'));
  const skip = parseSkipToken(opts.get('$skiptoken'));
  enforceThreshold(list, filter, order, ctx.listViewThreshold);
  const reader = ctx.user();
  const page = queryPage(list, filter, order, top, skip, (item) =>
    canRead(ctx.state, reader, list, item),
  );
  const body = {
    value: page.items.map((item) => itemJson(itemContext(ctx, list), item, projection)),
    ...(page.nextToken !== null ? { 'odata.nextLink': nextLink(ctx.req.url, page.nextToken) } : {}),
  };
  return ctx.json(200, entitySet(list), body);
}

function addItem(ctx: ApiContext, list: ListState): SiteAnswer {
  // A reused PnP instance carries the $select/$expand of an earlier read; SharePoint does not
  // fail the write for it, so neither do we (the answer is the whole item).
  ctx.options(['$select', '$expand']);
  demandPermission(
    ctx.state,
    ctx.user(),
    listAssignments(ctx.state, list),
    PERMISSION.addListItems,
  );
  const item = createItem(ctx.state, list, ctx.req.body, ctx.user().Id, ctx.now, ctx.newId);
  return ctx.json(
    201,
    `${entitySet(list)}/@Element`,
    itemJson(itemContext(ctx, list), item, { kind: 'all' }),
    {
      etag: etagOf(item),
      location: `${ctx.webUrl}/_api/Web/Lists(guid'${list.id}')/Items(${item.Id})`,
    },
  );
}

/** Routes of one item, under `items(N)` and `items/getById(N)`. */
const ITEM_ROUTES: readonly Route[] = [
  {
    methods: ['GET'],
    path: '',
    handle(ctx) {
      const list = findList(ctx);
      const opts = ctx.options(['$select', '$expand']);
      const projection = compileProjection(
        ctx.state,
        list,
        opts.get('$select'),
        opts.get('$expand'),
      );
      const item = visibleItem(ctx, list);
      return ctx.json(
        200,
        `${entitySet(list)}/@Element`,
        itemJson(itemContext(ctx, list), item, projection),
        { etag: etagOf(item) },
      );
    },
  },
  {
    methods: ['MERGE', 'PATCH'],
    path: '',
    handle(ctx) {
      const { list, visible } = itemToWrite(ctx, PERMISSION.editListItems);
      const item = updateItem(
        ctx.state,
        list,
        visible.Id,
        ctx.req.body,
        ctx.req.headers.get('if-match'),
        ctx.user().Id,
        ctx.now,
        ctx.newId,
      );
      return { ...NO_CONTENT, headers: { etag: etagOf(item) } };
    },
  },
  {
    methods: ['DELETE'],
    path: '',
    handle(ctx) {
      const { list, visible } = itemToWrite(ctx, PERMISSION.deleteListItems);
      deleteItem(list, visible.Id, ctx.req.headers.get('if-match'));
      return NO_CONTENT;
    },
  },
  {
    methods: ['PUT'],
    path: '',
    handle() {
      throw notEmulated('PUT (replace) on a list item; use MERGE', 405);
    },
  },
  {
    methods: ['GET'],
    path: 'effectivebasepermissions',
    handle(ctx) {
      const list = findList(ctx);
      ctx.options([]);
      const item = visibleItem(ctx, list);
      const mask = effectiveBasePermissions(
        ctx.state,
        ctx.user(),
        itemAssignments(ctx.state, list, item),
      );
      return ctx.json(200, 'SP.ApiData.ListItems/EffectiveBasePermissions', { ...mask });
    },
  },
  {
    // The permission module checks the method of each of its endpoints.
    methods: ['GET', 'POST', 'DELETE', 'MERGE', 'PATCH'],
    path: '++',
    handle(ctx) {
      const list = findList(ctx);
      return securityAnswer(
        ctx,
        itemSecurityEndpoint({
          state: ctx.state,
          list,
          item: visibleItem(ctx, list),
          user: ctx.user(),
          method: ctx.method,
          segments: ctx.tail,
          webUrl: ctx.webUrl,
          metadata: metadataOf(ctx),
          options: (allowed) => ctx.options(allowed),
          endpoint: ctx.endpoint,
        }),
      );
    },
  },
];

/** Routes of one list, below its address. */
const LIST_ROUTES: readonly Route[] = [
  {
    methods: ['GET'],
    path: '',
    handle(ctx) {
      const json = listJson(ctx.webUrl, findList(ctx), metadataOf(ctx));
      return ctx.json(200, 'SP.ApiData.Lists/@Element', select(json, ctx.options(['$select'])));
    },
  },
  {
    // Deleting a list (SharePoint answers 200 with no body); it goes, items and all.
    methods: ['DELETE'],
    path: '',
    handle(ctx) {
      const list = findList(ctx);
      ctx.options([]);
      demandPermission(
        ctx.state,
        ctx.user(),
        listAssignments(ctx.state, list),
        PERMISSION.manageLists,
      );
      ctx.state.lists.splice(ctx.state.lists.indexOf(list), 1);
      return { ...NO_CONTENT, status: 200 };
    },
  },
  {
    methods: ['GET'],
    path: 'effectivebasepermissions',
    handle(ctx) {
      const list = findList(ctx);
      ctx.options([]);
      const mask = effectiveBasePermissions(
        ctx.state,
        ctx.user(),
        listAssignments(ctx.state, list),
      );
      return ctx.json(200, 'SP.ApiData.Lists/EffectiveBasePermissions', { ...mask });
    },
  },
  ...[
    'breakroleinheritance(?)',
    'resetroleinheritance',
    'roleassignments(?)',
    'hasuniqueroleassignments',
  ].map((first): Route => ({
    methods: ['GET', 'POST'],
    path: `${first}/**`,
    handle(ctx) {
      const list = findList(ctx);
      const own: Segment = ctx.args[1] ?? { name: first.replace(/\(.*$/, ''), arg: null };
      return securityAnswer(
        ctx,
        listSecurityEndpoint({
          state: ctx.state,
          list,
          user: ctx.user(),
          method: ctx.method,
          segments: [own, ...ctx.tail],
          webUrl: ctx.webUrl,
          metadata: metadataOf(ctx),
          options: (allowed) => ctx.options(allowed),
          endpoint: ctx.endpoint,
        }),
      );
    },
  })),
  {
    methods: ['GET', 'POST', 'MERGE', 'PATCH'],
    path: 'fields/**',
    verbose: true,
    handle: (ctx) => schemaAnswer(ctx, fieldsEndpoint(schemaRequest(ctx), findList(ctx), ctx.tail)),
  },
  {
    methods: ['GET', 'POST', 'MERGE', 'PATCH'],
    path: 'views/**',
    handle: (ctx) => schemaAnswer(ctx, viewsEndpoint(schemaRequest(ctx), findList(ctx), ctx.tail)),
  },
  { methods: ['GET'], path: 'items', handle: (ctx) => queryItems(ctx, findList(ctx)) },
  { methods: ['POST'], path: 'items', handle: (ctx) => addItem(ctx, findList(ctx)) },
  ...under('items()', ITEM_ROUTES),
  ...under('items/getbyid()', ITEM_ROUTES),
];

export const LISTS_ROUTES: readonly Route[] = [
  {
    methods: ['GET'],
    path: 'web/lists',
    handle(ctx) {
      const opts = ctx.options(['$select']);
      const value = ctx.state.lists.map((l) =>
        select(listJson(ctx.webUrl, l, metadataOf(ctx)), opts),
      );
      return ctx.json(200, 'SP.ApiData.Lists', { value });
    },
  },
  {
    methods: ['POST'],
    path: 'web/lists',
    handle(ctx) {
      const answer = createList(schemaRequest(ctx), (l) =>
        select(listJson(ctx.webUrl, l, metadataOf(ctx)), new Map()),
      );
      return schemaAnswer(ctx, answer);
    },
  },
  ...under('web/lists()', LIST_ROUTES),
  ...under('web/lists/getbytitle()', LIST_ROUTES),
  ...under('web/lists/getbyid()', LIST_ROUTES),
];
