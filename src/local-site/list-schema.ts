/**
 * The local site's schema endpoints, the ones set-up uses: create a list, read and add fields
 * (`createfieldasxml`), change a field (MERGE: display name, index, unique values, column
 * formatting, choices, schema XML), read, add and change views and their columns, add a site
 * group, and the web's effective permissions. What set-up writes is stored in the list's
 * definition (ListState.definition) and answered back as SharePoint would: a field's schema XML
 * and CustomFormatter, a view's query, columns and CustomFormatter. Lists created here serve
 * items like the predefined ones (list-items.ts reads the same definition, unique values included).
 *
 * Strict as the rest: properties, options and endpoints outside this subset answer 400/501.
 */
import {
  fieldDefinitionFromXml,
  FieldXmlError,
  fieldSchemaXml,
} from '../adapters/sharepoint/field-xml';
import type {
  FieldDefinition,
  FieldType,
  ListDefinition,
  ViewDefinition,
} from '../adapters/sharepoint/schema';
import {
  badRequestBody,
  fieldOrPropertyNotFound,
  methodNotAllowed,
  notEmulated,
  SharePointError,
  unsupportedQuery,
  parseJsonObjectBody,
} from './errors';
import { selectProperties, stableGuid, type JsonObject, type MetadataLevel } from './item-json';
import { splitList } from './odata-query';
import {
  demandPermission,
  effectiveBasePermissions,
  listAssignments,
  PERMISSION,
  siteAssignments,
} from './permissions';
import type { ListState, SiteGroup, SiteState, SiteUser } from './site-state';

const SP_EXCEPTION = '-2146232832, Microsoft.SharePoint.SPException';

/** A URL segment as the router parses it: lower-case name and the text in its parentheses. */
export interface SchemaSegment {
  readonly name: string;
  readonly arg: string | null;
}

/** What a schema endpoint answers; the router adds the OData envelope (no body = 204). */
export interface SchemaAnswer {
  readonly status: number;
  /** `$metadata#…` fragment of the answer. */
  readonly fragment?: string;
  readonly body?: JsonObject;
  readonly changed: boolean;
}

/** One request to a schema endpoint, as the router hands it over. */
export interface SchemaRequest {
  readonly state: SiteState;
  readonly user: SiteUser;
  /** After `X-HTTP-Method`. */
  readonly method: string;
  readonly body: string;
  readonly webUrl: string;
  readonly sitePath: string;
  readonly metadata: MetadataLevel;
  readonly options: (allowed: readonly string[]) => Map<string, string>;
  readonly endpoint: string;
}

/** The view every new custom list starts with (SharePoint's "All Items" in a Swedish site). */
export const DEFAULT_VIEW: ViewDefinition = {
  title: 'Alla objekt',
  fields: ['LinkTitle'],
  query: '<OrderBy><FieldRef Name="ID"/></OrderBy>',
  rowLimit: 30,
};

/** The Title field of a new custom list. */
const TITLE_FIELD: FieldDefinition = {
  internalName: 'Title',
  displayName: 'Title',
  type: 'Text',
  required: true,
};

/** Built-in fields of every list that views may show and field listings include. */
const BUILTIN_FIELDS: ReadonlyArray<{
  readonly name: string;
  readonly title: string;
  readonly type: string;
  readonly kind: number;
}> = [
  { name: 'ID', title: 'ID', type: 'Counter', kind: 1 },
  { name: 'LinkTitle', title: 'Title', type: 'Computed', kind: 12 },
  { name: 'Created', title: 'Created', type: 'DateTime', kind: 4 },
  { name: 'Modified', title: 'Modified', type: 'DateTime', kind: 4 },
  { name: 'Author', title: 'Created By', type: 'User', kind: 20 },
  { name: 'Editor', title: 'Modified By', type: 'User', kind: 20 },
];

const FIELD_KIND: Readonly<Record<FieldType, { odataType: string; kind: number }>> = {
  Text: { odataType: 'SP.FieldText', kind: 2 },
  Note: { odataType: 'SP.FieldMultiLineText', kind: 3 },
  DateTime: { odataType: 'SP.FieldDateTime', kind: 4 },
  Choice: { odataType: 'SP.FieldChoice', kind: 6 },
  Number: { odataType: 'SP.FieldNumber', kind: 9 },
  URL: { odataType: 'SP.FieldUrl', kind: 11 },
  User: { odataType: 'SP.FieldUser', kind: 20 },
  UserMulti: { odataType: 'SP.FieldUser', kind: 20 },
};

/** AddFieldOptions bits the emulation honours: to the default content type, name hint, default view. */
const ADD_FIELD_OPTIONS = { toDefaultContentType: 1, internalNameHint: 8, toDefaultView: 16 };

/** A copy of `value` without `keys`. */
function omit<T extends object, K extends keyof T>(value: T, ...keys: K[]): Omit<T, K> {
  const copy = { ...value };
  for (const key of keys) delete copy[key];
  return copy;
}

/** Refuses body properties outside `allowed` (strict: never silently ignore a write). */
function onlyProperties(body: Record<string, unknown>, allowed: readonly string[], type: string) {
  for (const key of Object.keys(body)) {
    if (key === '__metadata') {
      throw notEmulated('__metadata in request bodies (odata=verbose); send plain JSON', 400);
    }
    if (!allowed.includes(key)) {
      throw notEmulated(`writing the property '${key}' of ${type}`, 400);
    }
  }
}

function stringArg(segment: SchemaSegment): string {
  const match = /^'(.*)'$/s.exec((segment.arg ?? '').trim());
  if (!match) throw unsupportedQuery(`${segment.name}(${segment.arg ?? ''}) needs a quoted string`);
  return (match[1] ?? '').replace(/''/g, "'");
}

function withSelect(entity: JsonObject, options: Map<string, string>): JsonObject {
  const names = splitList(options.get('$select'));
  return names.length === 0 ? entity : selectProperties(entity, names);
}

function views(list: ListState): readonly ViewDefinition[] {
  return list.definition.views ?? [];
}

/**
 * The list's default view: "Alla objekt", which every list created here starts with. Lists seeded
 * from schema.ts (the demo) hold only the app's own views and have no default view.
 */
function defaultView(list: ListState): ViewDefinition | undefined {
  return views(list).find((v) => v.title === DEFAULT_VIEW.title);
}

function replaceDefinition(list: ListState, change: Partial<ListDefinition>): void {
  list.definition = { ...list.definition, ...change };
}

// ---------------------------------------------------------------------------------- the web

/** `GET web/EffectiveBasePermissions`: the current user's permissions on the site. */
export function webEffectivePermissions(req: SchemaRequest): SchemaAnswer {
  if (req.method !== 'GET') throw methodNotAllowed(req.method, req.endpoint);
  req.options([]);
  return {
    status: 200,
    fragment: 'SP.ApiData.Webs/EffectiveBasePermissions',
    body: { ...effectiveBasePermissions(req.state, req.user, siteAssignments(req.state)) },
    changed: false,
  };
}

/**
 * `GET lists/…/EffectiveBasePermissions`: the current user's permissions on the list, from the
 * list's own role assignments or the site's it inherits, through groups as well (List.
 * EffectiveBasePermissions, https://learn.microsoft.com/previous-versions/office/developer/
 * sharepoint-2010/ee544616(v=office.14)).
 */
export function listEffectivePermissions(req: SchemaRequest, list: ListState): SchemaAnswer {
  if (req.method !== 'GET') throw methodNotAllowed(req.method, req.endpoint);
  req.options([]);
  return {
    status: 200,
    fragment: 'SP.ApiData.Lists/EffectiveBasePermissions',
    body: { ...effectiveBasePermissions(req.state, req.user, listAssignments(req.state, list)) },
    changed: false,
  };
}

/** `POST web/lists`: a new custom list (template 100) with its Title field and default view. */
export function createList(
  req: SchemaRequest,
  newId: () => string,
  listJson: (list: ListState) => JsonObject,
): SchemaAnswer {
  req.options([]);
  demandPermission(req.state, req.user, siteAssignments(req.state), PERMISSION.manageLists);
  const body = parseJsonObjectBody(req.body);
  onlyProperties(
    body,
    ['Title', 'Description', 'BaseTemplate', 'AllowContentTypes', 'ContentTypesEnabled'],
    'SP.List',
  );
  const title = body.Title;
  if (typeof title !== 'string' || title.trim() === '') {
    throw badRequestBody('A new list needs a Title.');
  }
  if (body.BaseTemplate !== undefined && body.BaseTemplate !== 100) {
    throw notEmulated(`lists of template ${String(body.BaseTemplate)} (only custom lists, 100)`);
  }
  if (body.ContentTypesEnabled === true || body.AllowContentTypes === true) {
    throw notEmulated('lists with content types enabled');
  }
  if (req.state.lists.some((l) => l.definition.title.toLowerCase() === title.toLowerCase())) {
    throw new SharePointError(
      500,
      '-2130575342, Microsoft.SharePoint.SPException',
      'A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.',
    );
  }
  const list: ListState = {
    id: newId(),
    definition: {
      title,
      description: typeof body.Description === 'string' ? body.Description : '',
      fields: [TITLE_FIELD],
      views: [DEFAULT_VIEW],
    },
    nextItemId: 1,
    items: [],
  };
  req.state.lists.push(list);
  return {
    status: 201,
    fragment: 'SP.ApiData.Lists/@Element',
    body: listJson(list),
    changed: true,
  };
}

/** `POST web/sitegroups`: a new site group (Create Groups needed), no members yet. */
export function createGroup(req: SchemaRequest, groupJson: (g: SiteGroup) => JsonObject) {
  req.options([]);
  demandPermission(req.state, req.user, siteAssignments(req.state), PERMISSION.createGroups);
  const body = parseJsonObjectBody(req.body);
  onlyProperties(body, ['Title', 'Description'], 'SP.Group');
  const title = body.Title;
  if (typeof title !== 'string' || title.trim() === '') {
    throw badRequestBody('A new group needs a Title.');
  }
  if (req.state.groups.some((g) => g.Title.toLowerCase() === title.toLowerCase())) {
    throw new SharePointError(
      400,
      SP_EXCEPTION,
      `The specified name is already in use.\n\nPlease try again with a new name.`,
    );
  }
  // Users and groups share one id space, as in SharePoint.
  const id =
    Math.max(0, ...req.state.users.map((u) => u.Id), ...req.state.groups.map((g) => g.Id)) + 1;
  const group: SiteGroup = { Id: id, Title: title, memberIds: [] };
  req.state.groups.push(group);
  const answer: SchemaAnswer = {
    status: 201,
    fragment: 'SP.ApiData.Groups/@Element',
    body: groupJson(group),
    changed: true,
  };
  return answer;
}

// ---------------------------------------------------------------------------------- fields

function fieldJson(req: SchemaRequest, list: ListState, field: FieldDefinition): JsonObject {
  const id = stableGuid(`${list.id}/field/${field.internalName}`);
  const { odataType, kind } = FIELD_KIND[field.type];
  const envelope: JsonObject =
    req.metadata === 'none'
      ? {}
      : {
          'odata.type': odataType,
          'odata.id': `${req.webUrl}/_api/Web/Lists(guid'${list.id}')/Fields(guid'${id}')`,
          'odata.editLink': `Web/Lists(guid'${list.id}')/Fields(guid'${id}')`,
        };
  const typed: JsonObject = {};
  switch (field.type) {
    case 'Text':
      typed.MaxLength = field.maxLength ?? 255;
      break;
    case 'Note':
      typed.NumberOfLines = 6;
      typed.RichText = field.richText === true;
      typed.AllowHyperlink = false;
      typed.AppendOnly = false;
      break;
    case 'Choice':
      typed.Choices = [...(field.choices ?? [])];
      typed.FillInChoice = false;
      typed.EditFormat = 0;
      break;
    case 'User':
    case 'UserMulti':
      typed.AllowMultipleValues = field.type === 'UserMulti';
      typed.SelectionMode = 0;
      typed.SelectionGroup = 0;
      break;
    case 'URL':
      typed.DisplayFormat = 0;
      break;
    case 'DateTime':
      typed.DisplayFormat = 1;
      break;
    case 'Number':
      break;
  }
  return {
    ...envelope,
    CustomFormatter: field.customFormatter ?? null,
    Description: '',
    EnforceUniqueValues: field.unique === true,
    FieldTypeKind: kind,
    Group: field.internalName === 'Title' ? 'Custom Columns' : 'Anpassade kolumner',
    Hidden: false,
    Id: id,
    Indexed: field.indexed === true,
    InternalName: field.internalName,
    ReadOnlyField: false,
    Required: field.required === true,
    SchemaXml: fieldSchemaXml(field, { id }),
    StaticName: field.internalName,
    Title: field.displayName,
    TypeAsString: field.type,
    ...typed,
  };
}

function builtinFieldJson(
  req: SchemaRequest,
  list: ListState,
  field: (typeof BUILTIN_FIELDS)[number],
): JsonObject {
  const id = stableGuid(`builtin/field/${field.name}`);
  const envelope: JsonObject =
    req.metadata === 'none'
      ? {}
      : {
          'odata.type': 'SP.Field',
          'odata.id': `${req.webUrl}/_api/Web/Lists(guid'${list.id}')/Fields(guid'${id}')`,
          'odata.editLink': `Web/Lists(guid'${list.id}')/Fields(guid'${id}')`,
        };
  return {
    ...envelope,
    CustomFormatter: null,
    Description: '',
    EnforceUniqueValues: false,
    FieldTypeKind: field.kind,
    Group: '_Hidden',
    Hidden: false,
    Id: id,
    Indexed: field.name === 'ID',
    InternalName: field.name,
    ReadOnlyField: true,
    Required: false,
    SchemaXml: `<Field ID="{${id}}" Name="${field.name}" DisplayName="${field.title}" Type="${field.type}" ReadOnly="TRUE" />`,
    StaticName: field.name,
    Title: field.title,
    TypeAsString: field.type,
  };
}

function findField(list: ListState, nameOrTitle: string): FieldDefinition {
  const field =
    list.definition.fields.find((f) => f.internalName === nameOrTitle) ??
    list.definition.fields.find((f) => f.displayName === nameOrTitle);
  if (!field) {
    throw new SharePointError(
      400,
      '-2147024809, System.ArgumentException',
      `Column '${nameOrTitle}' does not exist. It may have been deleted by another user.`,
    );
  }
  return field;
}

function hasDuplicates(list: ListState, name: string): boolean {
  const seen = new Set<string>();
  for (const item of list.items) {
    const value = item.fields[name];
    if (value === null || value === undefined) continue;
    const key = JSON.stringify(typeof value === 'string' ? value.toLowerCase() : value);
    if (seen.has(key)) return true;
    seen.add(key);
  }
  return false;
}

/** Checks index and unique rules as SharePoint does before a field changes. */
function checkFieldRules(list: ListState, field: FieldDefinition): void {
  if (field.unique === true && field.indexed !== true) {
    throw new SharePointError(
      400,
      SP_EXCEPTION,
      'The field must be indexed before unique values can be enforced on it.',
    );
  }
  if (field.unique === true && hasDuplicates(list, field.internalName)) {
    throw new SharePointError(
      500,
      SP_EXCEPTION,
      'This field contains duplicate values. Remove all duplicate values and try the operation again.',
    );
  }
  if (field.unique === true && (field.type === 'Note' || field.type === 'UserMulti')) {
    throw new SharePointError(400, SP_EXCEPTION, 'This field type cannot enforce unique values.');
  }
}

function booleanProperty(body: Record<string, unknown>, name: string): boolean | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw badRequestBody(`${name} must be true or false.`);
  return value;
}

function fromXml(xml: unknown): FieldDefinition {
  if (typeof xml !== 'string') throw badRequestBody('SchemaXml must be a string.');
  try {
    return fieldDefinitionFromXml(xml);
  } catch (error) {
    if (error instanceof FieldXmlError) throw badRequestBody(error.message);
    throw error;
  }
}

/** A field changed by a MERGE body. */
function mergedField(field: FieldDefinition, body: Record<string, unknown>): FieldDefinition {
  onlyProperties(
    body,
    [
      'Title',
      'Indexed',
      'EnforceUniqueValues',
      'CustomFormatter',
      'Choices',
      'Required',
      'SchemaXml',
    ],
    'SP.Field',
  );
  let next: FieldDefinition = field;
  if (body.SchemaXml !== undefined) {
    const fromSchema = fromXml(body.SchemaXml);
    if (fromSchema.internalName !== field.internalName || fromSchema.type !== field.type) {
      throw badRequestBody('SchemaXml may not change a field\u2019s Name or Type.');
    }
    next = fromSchema;
  }
  const title = body.Title;
  if (title !== undefined) {
    if (typeof title !== 'string' || title.trim() === '') {
      throw badRequestBody('Title must be a non-empty string.');
    }
    next = { ...next, displayName: title };
  }
  const toggle = (name: string, key: 'indexed' | 'unique' | 'required') => {
    const value = booleanProperty(body, name);
    if (value === undefined) return;
    const rest = omit(next, key);
    next = value ? { ...rest, [key]: true } : rest;
  };
  toggle('Indexed', 'indexed');
  toggle('EnforceUniqueValues', 'unique');
  toggle('Required', 'required');
  if (body.CustomFormatter !== undefined) {
    const formatter = body.CustomFormatter;
    if (formatter !== null && typeof formatter !== 'string') {
      throw badRequestBody('CustomFormatter must be a string (JSON text) or null.');
    }
    if (typeof formatter === 'string' && formatter !== '') {
      try {
        JSON.parse(formatter);
      } catch {
        throw badRequestBody('CustomFormatter is not valid JSON.');
      }
    }
    const rest = omit(next, 'customFormatter');
    next = formatter ? { ...rest, customFormatter: formatter } : rest;
  }
  if (body.Choices !== undefined) {
    if (field.type !== 'Choice') {
      throw badRequestBody(`Choices is not a property of ${FIELD_KIND[field.type].odataType}.`);
    }
    const choices = body.Choices;
    if (!Array.isArray(choices) || !choices.every((c) => typeof c === 'string')) {
      throw badRequestBody('Choices must be an array of strings ({ results } is odata=verbose).');
    }
    next = { ...next, choices };
  }
  return next;
}

/** `…/lists(…)/fields…`: list, add (`createfieldasxml`), read and change fields. */
export function fieldsEndpoint(
  req: SchemaRequest,
  list: ListState,
  rest: readonly SchemaSegment[],
): SchemaAnswer {
  const [first, second] = rest;
  const manage = () =>
    demandPermission(req.state, req.user, listAssignments(req.state, list), PERMISSION.manageLists);
  if (!first) {
    if (req.method !== 'GET') throw methodNotAllowed(req.method, req.endpoint);
    const options = req.options(['$select']);
    const value = [
      ...BUILTIN_FIELDS.map((f) => builtinFieldJson(req, list, f)),
      ...list.definition.fields.map((f) => fieldJson(req, list, f)),
    ].map((f) => withSelect(f, options));
    return { status: 200, fragment: 'SP.ApiData.Fields', body: { value }, changed: false };
  }
  if (second) throw notEmulated(req.endpoint);
  if (first.name === 'createfieldasxml') {
    if (req.method !== 'POST') throw methodNotAllowed(req.method, req.endpoint);
    req.options([]);
    manage();
    const parameters = parseJsonObjectBody(req.body).parameters;
    if (typeof parameters !== 'object' || parameters === null || Array.isArray(parameters)) {
      throw badRequestBody('createfieldasxml takes { "parameters": { "SchemaXml": "…" } }.');
    }
    const info = parameters as Record<string, unknown>;
    onlyProperties(info, ['SchemaXml', 'Options'], 'SP.XmlSchemaFieldCreationInformation');
    const options = info.Options ?? 0;
    const known =
      ADD_FIELD_OPTIONS.toDefaultContentType |
      ADD_FIELD_OPTIONS.internalNameHint |
      ADD_FIELD_OPTIONS.toDefaultView;
    if (typeof options !== 'number' || (options & ~known) !== 0) {
      throw notEmulated(`AddFieldOptions ${String(options)} (only 1, 8 and 16 are emulated)`, 400);
    }
    if ((options & ADD_FIELD_OPTIONS.internalNameHint) === 0) {
      // Without the hint SharePoint derives the internal name from DisplayName (Swedish text
      // encoded as _x00e5_…), which the app's ASCII names would not match.
      throw notEmulated('createfieldasxml without AddFieldInternalNameHint (8)', 400);
    }
    const field = fromXml(info.SchemaXml);
    if (
      list.definition.fields.some((f) => f.internalName === field.internalName) ||
      BUILTIN_FIELDS.some((f) => f.name === field.internalName)
    ) {
      throw new SharePointError(
        500,
        SP_EXCEPTION,
        `A duplicate field name "${field.internalName}" was found.`,
      );
    }
    checkFieldRules(list, field);
    const fields = [...list.definition.fields, field];
    const byDefault = defaultView(list);
    const withView =
      (options & ADD_FIELD_OPTIONS.toDefaultView) !== 0 && byDefault
        ? views(list).map((v) =>
            v === byDefault ? { ...v, fields: [...v.fields, field.internalName] } : v,
          )
        : views(list);
    replaceDefinition(list, { fields, views: withView });
    return {
      status: 200,
      fragment: 'SP.ApiData.Fields/@Element',
      body: fieldJson(req, list, field),
      changed: true,
    };
  }
  if (first.name !== 'getbyinternalnameortitle') throw notEmulated(req.endpoint);
  const field = findField(list, stringArg(first));
  switch (req.method) {
    case 'GET':
      return {
        status: 200,
        fragment: 'SP.ApiData.Fields/@Element',
        body: withSelect(fieldJson(req, list, field), req.options(['$select'])),
        changed: false,
      };
    case 'MERGE':
    case 'PATCH': {
      req.options([]);
      manage();
      const next = mergedField(field, parseJsonObjectBody(req.body));
      checkFieldRules(list, next);
      replaceDefinition(list, {
        fields: list.definition.fields.map((f) => (f === field ? next : f)),
      });
      return { status: 204, changed: true };
    }
    default:
      throw methodNotAllowed(req.method, req.endpoint);
  }
}

// ---------------------------------------------------------------------------------- views

function viewFieldsJson(req: SchemaRequest, list: ListState, view: ViewDefinition): JsonObject {
  const id = stableGuid(`${list.id}/view/${view.title}`);
  return {
    ...(req.metadata === 'none'
      ? {}
      : {
          'odata.type': 'SP.ViewFieldCollection',
          'odata.id': `${req.webUrl}/_api/Web/Lists(guid'${list.id}')/Views(guid'${id}')/ViewFields`,
          'odata.editLink': `Web/Lists(guid'${list.id}')/Views(guid'${id}')/ViewFields`,
        }),
    Items: [...view.fields],
    SchemaXml: view.fields.map((f) => `<FieldRef Name="${f}" />`).join(''),
  };
}

function viewJson(
  req: SchemaRequest,
  list: ListState,
  view: ViewDefinition,
  expandFields: boolean,
): JsonObject {
  const id = stableGuid(`${list.id}/view/${view.title}`);
  const listUrl = list.definition.title.replace(/[^A-Za-z0-9]/g, '');
  return {
    ...(req.metadata === 'none'
      ? {}
      : {
          'odata.type': 'SP.View',
          'odata.id': `${req.webUrl}/_api/Web/Lists(guid'${list.id}')/Views(guid'${id}')`,
          'odata.editLink': `Web/Lists(guid'${list.id}')/Views(guid'${id}')`,
        }),
    CustomFormatter: view.rowFormatter ?? '',
    DefaultView: defaultView(list) === view,
    Hidden: false,
    Id: id,
    PersonalView: false,
    RowLimit: view.rowLimit,
    ServerRelativeUrl: `${req.sitePath}/Lists/${listUrl}/${view.title}.aspx`,
    Title: view.title,
    ViewQuery: view.query,
    ...(expandFields ? { ViewFields: viewFieldsJson(req, list, view) } : {}),
  };
}

function viewProperties(
  view: ViewDefinition,
  body: Record<string, unknown>,
  allowed: readonly string[],
): ViewDefinition {
  onlyProperties(body, allowed, 'SP.View');
  let next = view;
  if (body.Title !== undefined) {
    if (typeof body.Title !== 'string' || body.Title.trim() === '') {
      throw badRequestBody('Title must be a non-empty string.');
    }
    next = { ...next, title: body.Title };
  }
  if (body.ViewQuery !== undefined) {
    if (typeof body.ViewQuery !== 'string') throw badRequestBody('ViewQuery must be a string.');
    next = { ...next, query: body.ViewQuery };
  }
  if (body.RowLimit !== undefined) {
    const limit = body.RowLimit;
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 5000) {
      throw badRequestBody('RowLimit must be a whole number from 1 to 5000.');
    }
    next = { ...next, rowLimit: limit };
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
    const rest = omit(next, 'rowFormatter');
    next = formatter ? { ...rest, rowFormatter: formatter } : rest;
  }
  return next;
}

function isViewField(list: ListState, name: string): boolean {
  return (
    list.definition.fields.some((f) => f.internalName === name) ||
    BUILTIN_FIELDS.some((f) => f.name === name)
  );
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
      const value = views(list).map((v) =>
        withSelect(viewJson(req, list, v, expand.length > 0), options),
      );
      return { status: 200, fragment: 'SP.ApiData.Views', body: { value }, changed: false };
    }
    if (req.method !== 'POST') throw methodNotAllowed(req.method, req.endpoint);
    req.options([]);
    manage();
    const body = parseJsonObjectBody(req.body);
    if (body.PersonalView === true) throw notEmulated('personal views');
    const props = omit(body, 'PersonalView');
    const created = viewProperties(
      { title: '', fields: ['LinkTitle'], query: '', rowLimit: 30 },
      props,
      ['Title', 'ViewQuery', 'RowLimit', 'CustomFormatter'],
    );
    if (created.title === '') throw badRequestBody('A new view needs a Title.');
    if (views(list).some((v) => v.title.toLowerCase() === created.title.toLowerCase())) {
      throw new SharePointError(
        500,
        SP_EXCEPTION,
        `A view named "${created.title}" already exists in this list.`,
      );
    }
    replaceDefinition(list, { views: [...views(list), created] });
    return {
      status: 201,
      fragment: 'SP.ApiData.Views/@Element',
      body: viewJson(req, list, created, false),
      changed: true,
    };
  }
  if (first.name !== 'getbytitle') throw notEmulated(req.endpoint);
  const title = stringArg(first);
  const view = views(list).find((v) => v.title.toLowerCase() === title.toLowerCase());
  if (!view) {
    throw new SharePointError(404, SP_EXCEPTION, 'The specified view is invalid.');
  }
  const update = (next: ViewDefinition): SchemaAnswer => {
    replaceDefinition(list, { views: views(list).map((v) => (v === view ? next : v)) });
    return { status: 200, fragment: 'Edm.Null', body: { 'odata.null': true }, changed: true };
  };
  if (!second) {
    switch (req.method) {
      case 'GET':
        return {
          status: 200,
          fragment: 'SP.ApiData.Views/@Element',
          body: withSelect(viewJson(req, list, view, false), req.options(['$select'])),
          changed: false,
        };
      case 'MERGE':
      case 'PATCH': {
        req.options([]);
        manage();
        const next = viewProperties(view, parseJsonObjectBody(req.body), [
          'Title',
          'ViewQuery',
          'RowLimit',
          'CustomFormatter',
        ]);
        replaceDefinition(list, { views: views(list).map((v) => (v === view ? next : v)) });
        return { status: 204, changed: true };
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
      changed: false,
    };
  }
  if (rest.length > 3) throw notEmulated(req.endpoint);
  if (req.method !== 'POST') throw methodNotAllowed(req.method, req.endpoint);
  req.options([]);
  manage();
  if (third.name === 'removeallviewfields' && third.arg === null) {
    return update({ ...view, fields: [] });
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
    return update(view.fields.includes(name) ? view : { ...view, fields: [...view.fields, name] });
  }
  throw notEmulated(req.endpoint);
}
