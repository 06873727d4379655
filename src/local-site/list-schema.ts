/**
 * The local site's schema endpoints: create a list, list, add (`createfieldasxml`, typed
 * `POST fields` as PnP's `fields.add*` send it, `fields/addfield` for lookups) and change fields
 * (MERGE of typed properties or of SchemaXml), add a site group, and the web's effective
 * permissions. Views are in views.ts. Lists, fields and views are kept in
 * SharePoint's own model (site-state.ts, field-schema.ts), whatever list an admin makes.
 *
 * Strict as the rest: properties, options and endpoints outside this subset answer 400/501.
 */
import {
  badRequestBody,
  methodNotAllowed,
  notEmulated,
  SharePointError,
  unsupportedQuery,
  parseJsonObjectBody,
} from './errors';
import { addField, BUILTIN_FIELDS, listField, newList } from './lists';
import {
  applyProperties,
  bumpVersion,
  fieldInfo,
  fieldProperties,
  odataTypeOf,
  replaceSchemaXml,
  xmlForCreationInformation,
  xmlForFieldCreation,
} from './field-schema';
import { selectProperties, type JsonObject, type MetadataLevel } from './item-json';
import { splitList } from './odata-query';
import {
  demandPermission,
  effectiveBasePermissions,
  listAssignments,
  PERMISSION,
  siteAssignments,
} from './permissions';
import type { FieldRecord, ListState, SiteGroup, SiteState, SiteUser } from './site-state';

export const SP_EXCEPTION = '-2146232832, Microsoft.SharePoint.SPException';

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
  /** Answer in odata=verbose (`{ d: … }`), as SharePoint does when asked so. */
  readonly verbose?: boolean;
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
  /** Makes every GUID the site hands out (LocalSiteOptions.ids). */
  readonly newId: () => string;
  /** The request's time, ISO UTC. */
  readonly now: string;
  /** Whether the request asked for odata=verbose (only `POST fields` may). */
  readonly verbose: boolean;
}

/** AddFieldOptions bits the emulation honours: to the default content type, name hint, default view. */
const ADD_FIELD_OPTIONS = { toDefaultContentType: 1, internalNameHint: 8, toDefaultView: 16 };

/** Refuses body properties outside `allowed` (strict: never silently ignore a write). */
export function onlyProperties(
  body: Record<string, unknown>,
  allowed: readonly string[],
  type: string,
) {
  for (const key of Object.keys(body)) {
    if (key === '__metadata') {
      throw notEmulated('__metadata in request bodies (odata=verbose); send plain JSON', 400);
    }
    if (!allowed.includes(key)) {
      throw notEmulated(`writing the property '${key}' of ${type}`, 400);
    }
  }
}

export function stringArg(segment: SchemaSegment): string {
  const match = /^'(.*)'$/s.exec((segment.arg ?? '').trim());
  if (!match) throw unsupportedQuery(`${segment.name}(${segment.arg ?? ''}) needs a quoted string`);
  return (match[1] ?? '').replace(/''/g, "'");
}

export function withSelect(entity: JsonObject, options: Map<string, string>): JsonObject {
  const names = splitList(options.get('$select'));
  return names.length === 0 ? entity : selectProperties(entity, names);
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
  };
}

/** `POST web/lists`: a new custom list (template 100) with its Title field and default view. */
export function createList(
  req: SchemaRequest,
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
  if (req.state.lists.some((l) => l.Title.toLowerCase() === title.toLowerCase())) {
    throw new SharePointError(
      500,
      '-2130575342, Microsoft.SharePoint.SPException',
      'A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.',
    );
  }
  const list = newList({
    id: req.newId(),
    title,
    description: typeof body.Description === 'string' ? body.Description : '',
    created: req.now,
    newId: req.newId,
  });
  req.state.lists.push(list);
  return {
    status: 201,
    fragment: 'SP.ApiData.Lists/@Element',
    body: listJson(list),
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
  };
  return answer;
}

// ---------------------------------------------------------------------------------- fields

function fieldEnvelope(req: SchemaRequest, list: ListState, id: string, type: string): JsonObject {
  const path = `Web/Lists(guid'${list.id}')/Fields(guid'${id}')`;
  if (req.verbose) {
    return {
      __metadata: { id: `${req.webUrl}/_api/${path}`, uri: `${req.webUrl}/_api/${path}`, type },
    };
  }
  if (req.metadata === 'none') return {};
  return {
    'odata.type': type,
    'odata.id': `${req.webUrl}/_api/${path}`,
    'odata.editLink': path,
  };
}

function fieldJson(req: SchemaRequest, list: ListState, field: FieldRecord): JsonObject {
  const info = fieldInfo(field);
  return {
    ...fieldEnvelope(req, list, field.Id, odataTypeOf(info.type)),
    ...(fieldProperties(field, info.name === 'Title') as JsonObject),
  };
}

function builtinFieldJson(
  req: SchemaRequest,
  list: ListState,
  field: (typeof BUILTIN_FIELDS)[number],
): JsonObject {
  return {
    ...fieldEnvelope(req, list, field.id, 'SP.Field'),
    CustomFormatter: null,
    DefaultValue: null,
    Description: '',
    EnforceUniqueValues: false,
    FieldTypeKind: field.kind,
    Group: '_Hidden',
    Hidden: false,
    Id: field.id,
    Indexed: field.name === 'ID',
    InternalName: field.name,
    ReadOnlyField: true,
    Required: false,
    SchemaXml: `<Field ID="{${field.id}}" Name="${field.name}" SourceID="http://schemas.microsoft.com/sharepoint/v3" StaticName="${field.name}" DisplayName="${field.title}" Type="${field.type}" ReadOnly="TRUE" FromBaseType="TRUE" />`,
    StaticName: field.name,
    Title: field.title,
    TypeAsString: field.type,
  };
}

function findField(list: ListState, nameOrTitle: string): FieldRecord {
  const field =
    listField(list, nameOrTitle) ?? list.fields.find((f) => fieldInfo(f).title === nameOrTitle);
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

/** Types that cannot enforce unique values (https://learn.microsoft.com/en-us/previous-versions/office/developer/sharepoint-2010/ff428211(v=office.14)). */
const NO_UNIQUE = new Set(['Note', 'MultiChoice', 'UserMulti', 'LookupMulti', 'Boolean']);

/** Checks index and unique rules as SharePoint does before a field changes. */
function checkFieldRules(list: ListState, field: FieldRecord): void {
  const info = fieldInfo(field);
  if (!info.unique) return;
  if (!info.indexed) {
    throw new SharePointError(
      400,
      SP_EXCEPTION,
      'The field must be indexed before unique values can be enforced on it.',
    );
  }
  if (NO_UNIQUE.has(info.type)) {
    throw new SharePointError(400, SP_EXCEPTION, 'This field type cannot enforce unique values.');
  }
  if (hasDuplicates(list, info.name)) {
    throw new SharePointError(
      500,
      SP_EXCEPTION,
      'This field contains duplicate values. Remove all duplicate values and try the operation again.',
    );
  }
}

/** A verbose body's collections (`{ results: [...] }`) as plain arrays, `__metadata` dropped. */
function fromVerbose(body: Record<string, unknown>): Record<string, unknown> {
  const plain: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === '__metadata') continue;
    const results =
      typeof value === 'object' && value !== null && !Array.isArray(value)
        ? (value as { results?: unknown }).results
        : undefined;
    plain[key] = Array.isArray(results) ? results : value;
  }
  return plain;
}

/** Adds a field, applies extra typed properties, and answers it as SharePoint does. */
function created(
  req: SchemaRequest,
  list: ListState,
  xml: string,
  options: { keepName: boolean; toDefaultView: boolean },
  properties: Record<string, unknown> = {},
): SchemaAnswer {
  const before = list.fields.length;
  const field = addField(list, xml, { ...options, newId: req.newId });
  try {
    applyProperties(field, properties);
    checkFieldRules(list, field);
  } catch (error) {
    // A refused property leaves no half-made field behind.
    list.fields.splice(before, 1);
    for (const view of list.views) {
      view.ViewFields = view.ViewFields.filter((n) => n !== fieldInfo(field).name);
    }
    throw error;
  }
  return {
    status: req.verbose ? 201 : 200,
    fragment: 'SP.ApiData.Fields/@Element',
    body: fieldJson(req, list, field),
    ...(req.verbose ? { verbose: true } : {}),
  };
}

function createFieldAsXml(req: SchemaRequest, list: ListState): SchemaAnswer {
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
  if (typeof info.SchemaXml !== 'string') throw badRequestBody('SchemaXml must be a string.');
  // Without AddFieldInternalNameHint SharePoint names the field after its DisplayName.
  return created(req, list, info.SchemaXml, {
    keepName: (options & ADD_FIELD_OPTIONS.internalNameHint) !== 0,
    toDefaultView: (options & ADD_FIELD_OPTIONS.toDefaultView) !== 0,
  });
}

/** `…/lists(…)/fields…`: list, add and change fields. */
export function fieldsEndpoint(
  req: SchemaRequest,
  list: ListState,
  rest: readonly SchemaSegment[],
): SchemaAnswer {
  const [first, second] = rest;
  const manage = () =>
    demandPermission(req.state, req.user, listAssignments(req.state, list), PERMISSION.manageLists);
  if (!first) {
    if (req.method === 'POST') {
      // PnP's fields.add* (fields/types.js `add`): a typed body in odata=verbose.
      req.options([]);
      manage();
      const { xml, rest: properties } = xmlForFieldCreation(
        fromVerbose(parseJsonObjectBody(req.body)),
      );
      return created(req, list, xml, { keepName: false, toDefaultView: false }, properties);
    }
    if (req.method !== 'GET') throw methodNotAllowed(req.method, req.endpoint);
    const options = req.options(['$select', '$filter']);
    if (options.has('$filter')) throw notEmulated('$filter on fields', 400);
    const value = [
      ...BUILTIN_FIELDS.map((f) => builtinFieldJson(req, list, f)),
      ...list.fields.map((f) => fieldJson(req, list, f)),
    ].map((f) => withSelect(f, options));
    return { status: 200, fragment: 'SP.ApiData.Fields', body: { value } };
  }
  if (second) throw notEmulated(req.endpoint);
  if (first.name === 'createfieldasxml' || first.name === 'addfield') {
    if (req.method !== 'POST') throw methodNotAllowed(req.method, req.endpoint);
    req.options([]);
    manage();
    if (first.name === 'createfieldasxml') return createFieldAsXml(req, list);
    const parameters = parseJsonObjectBody(req.body).parameters;
    if (typeof parameters !== 'object' || parameters === null || Array.isArray(parameters)) {
      throw badRequestBody('addfield takes { "parameters": { "Title", "FieldTypeKind", … } }.');
    }
    const info = parameters as Record<string, unknown>;
    const target = String(info.LookupListId ?? '')
      .replace(/[{}]/g, '')
      .toLowerCase();
    if (!req.state.lists.some((l) => l.id.toLowerCase() === target)) {
      throw new SharePointError(404, '-1, System.ArgumentException', 'List does not exist.');
    }
    return created(req, list, xmlForCreationInformation(info), {
      keepName: false,
      toDefaultView: false,
    });
  }
  let field: FieldRecord;
  if (first.name === 'getbyinternalnameortitle' || first.name === 'getbytitle') {
    field = findField(list, stringArg(first));
  } else if (first.name === 'getbyid' || (first.name === 'fields' && first.arg !== null)) {
    const id = /^guid'([^']*)'$/.exec(first.arg ?? '')?.[1] ?? stringArg(first);
    const found = list.fields.find((f) => f.Id.toLowerCase() === id.toLowerCase());
    if (!found) throw findField(list, id);
    field = found;
  } else throw notEmulated(req.endpoint);
  switch (req.method) {
    case 'GET':
      return {
        status: 200,
        fragment: 'SP.ApiData.Fields/@Element',
        body: withSelect(fieldJson(req, list, field), req.options(['$select'])),
      };
    case 'MERGE':
    case 'PATCH': {
      // A reused PnP field object carries an earlier $select; SharePoint ignores it on a write.
      req.options(['$select']);
      manage();
      const body = parseJsonObjectBody(req.body);
      if ('__metadata' in body) {
        throw notEmulated('__metadata in request bodies (odata=verbose); send plain JSON', 400);
      }
      // Changed on a copy: a refused change leaves the field as it was.
      const next: FieldRecord = {
        ...field,
        attributes: field.attributes.map(([n, v]) => [n, v]),
        choices: field.choices === null ? null : [...field.choices],
      };
      const { SchemaXml: schemaXml, ...typed } = body;
      if (schemaXml !== undefined) {
        if (typeof schemaXml !== 'string') throw badRequestBody('SchemaXml must be a string.');
        replaceSchemaXml(next, schemaXml);
      } else bumpVersion(next);
      applyProperties(next, typed);
      checkFieldRules(list, next);
      list.fields = list.fields.map((f) => (f === field ? next : f));
      return { status: 204 };
    }
    default:
      throw methodNotAllowed(req.method, req.endpoint);
  }
}
