/**
 * The local site's view endpoints: list, add and change a list's views and their columns, kept as
 * SharePoint keeps them (ViewRecord in site-state.ts), with the `ListViewXml` built from them.
 */
import {
  badRequestBody,
  fieldOrPropertyNotFound,
  methodNotAllowed,
  notEmulated,
  parseJsonObjectBody,
  SharePointError,
} from './errors';
import type { Json, JsonObject } from './item-json';
import {
  onlyProperties,
  SP_EXCEPTION,
  stringArg,
  withSelect,
  type SchemaAnswer,
  type SchemaRequest,
  type SchemaSegment,
} from './list-schema';
import { BUILTIN_FIELDS, listField } from './lists';
import { splitList } from './odata-query';
import { demandPermission, listAssignments, PERMISSION } from './permissions';
import type { ListState, ViewRecord } from './site-state';

function viewPath(list: ListState, view: ViewRecord): string {
  return `Web/Lists(guid'${list.id}')/Views(guid'${view.Id}')`;
}

function viewFieldsJson(req: SchemaRequest, list: ListState, view: ViewRecord): JsonObject {
  return {
    ...(req.metadata === 'none'
      ? {}
      : {
          'odata.type': 'SP.ViewFieldCollection',
          'odata.id': `${req.webUrl}/_api/${viewPath(list, view)}/ViewFields`,
          'odata.editLink': `${viewPath(list, view)}/ViewFields`,
        }),
    Items: [...view.ViewFields],
    SchemaXml: view.ViewFields.map((f) => `<FieldRef Name="${f}" />`).join(''),
  };
}

/** The view's `ListViewXml`, as SharePoint builds it from the view's parts (simplified). */
function listViewXml(view: ViewRecord): string {
  const fields = view.ViewFields.map((f) => `<FieldRef Name="${f}" />`).join('');
  return (
    `<View Name="{${view.Id.toUpperCase()}}" ${view.DefaultView ? 'DefaultView="TRUE" ' : ''}` +
    `Type="HTML" DisplayName="${view.Title}" Url="" Level="1" BaseViewID="1" ContentTypeID="0x">` +
    `<Query>${view.ViewQuery}</Query><ViewFields>${fields}</ViewFields>` +
    `<RowLimit Paged="TRUE">${view.RowLimit}</RowLimit>` +
    (view.CustomFormatter !== ''
      ? `<CustomFormatter><![CDATA[${view.CustomFormatter}]]></CustomFormatter>`
      : '') +
    `</View>`
  );
}

function viewJson(
  req: SchemaRequest,
  list: ListState,
  view: ViewRecord,
  expandFields: boolean,
): JsonObject {
  const listUrl = list.Title.replace(/[^A-Za-z0-9]/g, '');
  return {
    ...(req.metadata === 'none'
      ? {}
      : {
          'odata.type': 'SP.View',
          'odata.id': `${req.webUrl}/_api/${viewPath(list, view)}`,
          'odata.editLink': viewPath(list, view),
        }),
    CustomFormatter: view.CustomFormatter,
    DefaultView: view.DefaultView,
    Hidden: false,
    Id: view.Id,
    ListViewXml: listViewXml(view),
    PersonalView: false,
    RowLimit: view.RowLimit,
    ServerRelativeUrl: `${req.sitePath}/Lists/${listUrl}/${view.Title}.aspx`,
    Title: view.Title,
    ViewQuery: view.ViewQuery,
    ...(expandFields ? { ViewFields: viewFieldsJson(req, list, view) as Json } : {}),
  };
}

const VIEW_PROPERTIES = ['Title', 'ViewQuery', 'RowLimit', 'CustomFormatter'];

/** Applies a view's writable properties (a MERGE or a `POST views` body) to `view`. */
function applyViewProperties(view: ViewRecord, body: Record<string, unknown>): void {
  onlyProperties(body, VIEW_PROPERTIES, 'SP.View');
  if (body.Title !== undefined) {
    if (typeof body.Title !== 'string' || body.Title.trim() === '') {
      throw badRequestBody('Title must be a non-empty string.');
    }
    view.Title = body.Title;
  }
  if (body.ViewQuery !== undefined) {
    if (typeof body.ViewQuery !== 'string') throw badRequestBody('ViewQuery must be a string.');
    view.ViewQuery = body.ViewQuery;
  }
  if (body.RowLimit !== undefined) {
    const limit = body.RowLimit;
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 5000) {
      throw badRequestBody('RowLimit must be a whole number from 1 to 5000.');
    }
    view.RowLimit = limit;
  }
  if (body.CustomFormatter !== undefined) {
    const formatter = body.CustomFormatter;
    if (formatter !== null && typeof formatter !== 'string') {
      throw badRequestBody('CustomFormatter must be a string (JSON text).');
    }
    if (typeof formatter === 'string' && formatter !== '') {
      try {
        JSON.parse(formatter);
      } catch {
        throw badRequestBody('CustomFormatter is not valid JSON.');
      }
    }
    view.CustomFormatter = formatter ?? '';
  }
}

function isViewField(list: ListState, name: string): boolean {
  return listField(list, name) !== undefined || BUILTIN_FIELDS.some((f) => f.name === name);
}

/** `…/lists(…)/views…`: list, add and change views and their columns. */
export function viewsEndpoint(
  req: SchemaRequest,
  list: ListState,
  rest: readonly SchemaSegment[],
): SchemaAnswer {
  const [first, second, third] = rest;
  const manage = () =>
    demandPermission(req.state, req.user, listAssignments(req.state, list), PERMISSION.manageLists);
  if (!first) {
    if (req.method === 'GET') {
      const options = req.options(['$select', '$expand']);
      const expand = splitList(options.get('$expand'));
      for (const name of expand) if (name !== 'ViewFields') throw fieldOrPropertyNotFound(name);
      const value = list.views.map((v) =>
        withSelect(viewJson(req, list, v, expand.length > 0), options),
      );
      return { status: 200, fragment: 'SP.ApiData.Views', body: { value } };
    }
    if (req.method !== 'POST') throw methodNotAllowed(req.method, req.endpoint);
    req.options([]);
    manage();
    const body = parseJsonObjectBody(req.body);
    if (body.PersonalView === true) throw notEmulated('personal views');
    const props = Object.fromEntries(Object.entries(body).filter(([k]) => k !== 'PersonalView'));
    const view: ViewRecord = {
      Id: req.newId(),
      Title: '',
      ViewQuery: '',
      ViewFields: ['LinkTitle'],
      RowLimit: 30,
      CustomFormatter: '',
      DefaultView: false,
    };
    applyViewProperties(view, props);
    if (view.Title === '') throw badRequestBody('A new view needs a Title.');
    if (list.views.some((v) => v.Title.toLowerCase() === view.Title.toLowerCase())) {
      throw new SharePointError(
        500,
        SP_EXCEPTION,
        `A view named "${view.Title}" already exists in this list.`,
      );
    }
    list.views.push(view);
    return {
      status: 201,
      fragment: 'SP.ApiData.Views/@Element',
      body: viewJson(req, list, view, false),
    };
  }
  if (first.name !== 'getbytitle') throw notEmulated(req.endpoint);
  const title = stringArg(first);
  const view = list.views.find((v) => v.Title.toLowerCase() === title.toLowerCase());
  if (!view) {
    throw new SharePointError(404, SP_EXCEPTION, 'The specified view is invalid.');
  }
  if (!second) {
    switch (req.method) {
      case 'GET':
        return {
          status: 200,
          fragment: 'SP.ApiData.Views/@Element',
          body: withSelect(viewJson(req, list, view, false), req.options(['$select'])),
        };
      case 'MERGE':
      case 'PATCH': {
        req.options([]);
        manage();
        const next = { ...view, ViewFields: [...view.ViewFields] };
        applyViewProperties(next, parseJsonObjectBody(req.body));
        list.views = list.views.map((v) => (v === view ? next : v));
        return { status: 204 };
      }
      default:
        throw methodNotAllowed(req.method, req.endpoint);
    }
  }
  if (second.name !== 'viewfields') throw notEmulated(req.endpoint);
  if (!third) {
    if (req.method !== 'GET') throw methodNotAllowed(req.method, req.endpoint);
    req.options([]);
    return {
      status: 200,
      fragment: 'SP.ApiData.ViewFieldCollections/@Element',
      body: viewFieldsJson(req, list, view),
    };
  }
  if (rest.length > 3) throw notEmulated(req.endpoint);
  if (req.method !== 'POST') throw methodNotAllowed(req.method, req.endpoint);
  req.options([]);
  manage();
  const done: SchemaAnswer = { status: 200, fragment: 'Edm.Null', body: { 'odata.null': true } };
  if (third.name === 'removeallviewfields' && third.arg === null) {
    view.ViewFields = [];
    return done;
  }
  if (third.name === 'addviewfield') {
    const name = stringArg(third);
    if (!isViewField(list, name)) {
      throw new SharePointError(
        400,
        '-2147024809, System.ArgumentException',
        `Column '${name}' does not exist. It may have been deleted by another user.`,
      );
    }
    // SharePoint leaves a column already in the view where it is.
    if (!view.ViewFields.includes(name)) view.ViewFields.push(name);
    return done;
  }
  throw notEmulated(req.endpoint);
}
