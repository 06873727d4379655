/**
 * JSON shapes of the local SharePoint site: list items, users, groups, lists and the web, in
 * SharePoint Online's `odata=minimalmetadata` (PnP's plain `application/json`) and
 * `odata=nometadata` flavours, plus the columns every list item has besides its list's fields.
 */
import { createHash } from 'node:crypto';
import { fieldOrPropertyNotFound } from './errors';
import { encodedName, fieldInfo, type FieldInfo, type FieldType } from './field-schema';
import type { ListItemRecord, ListState, SiteGroup, SiteState, SiteUser } from './site-state';

/** `minimal` = `odata=minimalmetadata` (and plain `application/json`); `none` = `odata=nometadata`. */
export type MetadataLevel = 'minimal' | 'none';

/** Values in emitted JSON. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
/** One emitted JSON object. */
export type JsonObject = { [key: string]: Json };

/** A column of a list: one of its own fields or one SharePoint adds to every item. */
export interface Column {
  readonly name: string;
  readonly type: FieldType | 'Counter';
  readonly indexed: boolean;
  /** The list field's typed properties; absent for built-in columns. */
  readonly field?: FieldInfo;
  /** Built-in columns (Id, Created, Author…) cannot be written through the REST item body. */
  readonly readOnly: boolean;
}

const BUILTIN_COLUMNS: readonly Column[] = [
  { name: 'Id', type: 'Counter', indexed: true, readOnly: true },
  { name: 'ID', type: 'Counter', indexed: true, readOnly: true },
  { name: 'Created', type: 'DateTime', indexed: false, readOnly: true },
  { name: 'Modified', type: 'DateTime', indexed: false, readOnly: true },
  { name: 'Author', type: 'User', indexed: false, readOnly: true },
  { name: 'Editor', type: 'User', indexed: false, readOnly: true },
];

/**
 * Properties of items that are not columns of the list: the first five SharePoint returns on
 * every item; `HasUniqueRoleAssignments` (SP.SecurableObject, which an item is) only when
 * `$select` names it.
 */
const EXTRA_PROPERTIES = [
  'FileSystemObjectType',
  'ContentTypeId',
  'OData__UIVersionString',
  'Attachments',
  'GUID',
  'HasUniqueRoleAssignments',
] as const;

/** Finds a column by internal name (case-sensitive, as SharePoint's internal names are). */
export function findColumn(list: ListState, name: string): Column | undefined {
  const builtin = BUILTIN_COLUMNS.find((c) => c.name === name);
  if (builtin) return builtin;
  for (const record of list.fields) {
    const field = fieldInfo(record);
    if (field.name !== name) continue;
    return {
      name,
      type: field.type,
      indexed: field.indexed || field.unique,
      field,
      readOnly: false,
    };
  }
  return undefined;
}

/** True for the properties SharePoint adds to items that are not columns of the list. */
export function isExtraProperty(name: string): boolean {
  return (EXTRA_PROPERTIES as readonly string[]).includes(name);
}

/** The stored value of a column: user columns give ids, the rest as stored (missing = null). */
export function rawValue(item: ListItemRecord, column: Column): unknown {
  switch (column.name) {
    case 'Id':
    case 'ID':
      return item.Id;
    case 'Created':
      return item.Created;
    case 'Modified':
      return item.Modified;
    case 'Author':
      return item.AuthorId;
    case 'Editor':
      return item.EditorId;
    default:
      return item.fields[column.name] ?? null;
  }
}

/** Columns that hold ids of other things: people (site users) or items of a lookup list. */
export function isReference(column: Column | undefined): boolean {
  return (
    column !== undefined &&
    (column.type === 'User' ||
      column.type === 'UserMulti' ||
      column.type === 'Lookup' ||
      column.type === 'LookupMulti')
  );
}

/** Person columns (User, UserMulti, and the built-in Author and Editor). */
export function isPerson(column: Column | undefined): boolean {
  return column !== undefined && (column.type === 'User' || column.type === 'UserMulti');
}

/** Columns with several values per item. */
export function isMulti(column: Column): boolean {
  return (
    column.type === 'UserMulti' || column.type === 'LookupMulti' || column.type === 'MultiChoice'
  );
}

/** Ids held by a person or lookup column of an item (empty when none). */
export function referenceIds(item: ListItemRecord, column: Column): number[] {
  const value = rawValue(item, column);
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.filter((v): v is number => typeof v === 'number');
  return [];
}

/**
 * SharePoint's entity type name for a list's items: the list name with characters outside
 * [A-Za-z0-9_] written as `_xHHHH_`, first letter upper case, then `ListItem`.
 * "Uppföljning handlingsplaner" → "Uppf_x00f6_ljning_x0020_handlingsplanerListItem".
 */
export function listItemEntityTypeName(listTitle: string): string {
  const encoded = encodedName(listTitle);
  return `${encoded.charAt(0).toUpperCase()}${encoded.slice(1)}ListItem`;
}

/** `SP.Data.<entity type name>`, the `odata.type` of a list's items. */
export function listItemEntityTypeFullName(listTitle: string): string {
  return `SP.Data.${listItemEntityTypeName(listTitle)}`;
}

/** A stable GUID-shaped id derived from text (so the same item always has the same GUID). */
export function stableGuid(seed: string): string {
  const hex = createHash('sha1').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** GUIDs derived from a seed and a counter: the same sequence on every run (LocalSiteOptions.ids). */
export function seededIds(seed: string): () => string {
  let next = 0;
  return () => stableGuid(`${seed}/${(next += 1)}`);
}

/** ISO UTC without milliseconds, as SharePoint writes dates: "2020-05-01T10:00:00Z". */
export function spDate(value: Date | string): string {
  const date = typeof value === 'string' ? new Date(parseUtc(value)) : value;
  return `${date.toISOString().slice(0, 19)}Z`;
}

/**
 * Milliseconds of a date string, reading one without a zone as UTC (JavaScript would read it in
 * the server's local time zone, which would make the emulation depend on the machine).
 */
export function parseUtc(text: string): number {
  const zoned = /(?:[zZ]|[+-]\d\d:?\d\d)$/.test(text) || /^\d{4}-\d\d-\d\d$/.test(text);
  return Date.parse(zoned ? text : `${text}Z`);
}

/** The `"N"` ETag of an item version. */
export function etagOf(item: ListItemRecord): string {
  return `"${item.version}"`;
}

/** What `$select`/`$expand` asked for, already checked against the list. */
export type Projection =
  | { readonly kind: 'all' }
  | { readonly kind: 'some'; readonly entries: readonly ProjectionEntry[] };

/** One selected property: a plain property, or properties of an expanded user column. */
export type ProjectionEntry =
  | { readonly kind: 'allProperties' }
  | { readonly kind: 'property'; readonly name: string }
  | { readonly kind: 'expanded'; readonly column: Column; readonly props: readonly string[] };

/** Properties of a user that `$select=Owners/<prop>` may name. */
export const USER_LOOKUP_PROPERTIES: readonly string[] = ['Id', 'ID', 'Title', 'EMail', 'Name'];

/** The context item JSON needs: the site (for users), the list and the web's absolute URL. */
export interface ItemJsonContext {
  readonly site: SiteState;
  readonly list: ListState;
  /** Absolute URL of the web, no trailing slash. */
  readonly webUrl: string;
  readonly metadata: MetadataLevel;
}

/** The envelope SharePoint puts on every list item in minimal metadata. */
function itemEnvelope(ctx: ItemJsonContext, item: ListItemRecord): JsonObject {
  if (ctx.metadata === 'none') return {};
  return {
    'odata.type': listItemEntityTypeFullName(ctx.list.Title),
    'odata.id': stableGuid(`${ctx.list.id}/item/${item.Id}/odata`),
    'odata.etag': etagOf(item),
    'odata.editLink': `Web/Lists(guid'${ctx.list.id}')/Items(${item.Id})`,
  };
}

function fieldJson(column: Column, item: ListItemRecord): Json {
  const value = rawValue(item, column);
  if (value === null || value === undefined) return null;
  switch (column.type) {
    case 'Number':
    case 'Counter':
      return typeof value === 'number' ? value : null;
    case 'DateTime':
      return typeof value === 'string' ? spDate(value) : null;
    case 'URL': {
      const url = value as { Description?: unknown; Url?: unknown };
      return {
        Description: typeof url.Description === 'string' ? url.Description : null,
        Url: typeof url.Url === 'string' ? url.Url : null,
      };
    }
    case 'Boolean':
      return typeof value === 'boolean' ? value : null;
    case 'MultiChoice':
      return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : null;
    default:
      return typeof value === 'string' ? value : null;
  }
}

function extraPropertyJson(ctx: ItemJsonContext, item: ListItemRecord, name: string): Json {
  switch (name) {
    case 'FileSystemObjectType':
      return 0;
    case 'ContentTypeId':
      return `0x0100${stableGuid(ctx.list.id).replace(/-/g, '').toUpperCase()}`;
    case 'OData__UIVersionString':
      return `${item.version}.0`;
    case 'Attachments':
      return false;
    case 'HasUniqueRoleAssignments':
      return item.uniqueRoleAssignments !== undefined;
    default:
      return stableGuid(`${ctx.list.id}/item/${item.Id}`);
  }
}

/** `FId` / `FStringId` of a person or lookup column (an array when multi; null when empty). */
function referenceIdJson(column: Column, item: ListItemRecord, asString: boolean): Json {
  const ids = referenceIds(item, column);
  if (isMulti(column)) {
    return ids.length === 0 ? null : ids.map((id) => (asString ? String(id) : id));
  }
  const id = ids[0];
  if (id === undefined) return null;
  return asString ? String(id) : id;
}

/** One expanded user, with the selected properties. */
function expandedUserJson(
  ctx: ItemJsonContext,
  user: SiteUser,
  props: readonly string[],
): JsonObject {
  const out: JsonObject =
    ctx.metadata === 'none'
      ? {}
      : {
          'odata.type': 'SP.Data.UserInfoItem',
          'odata.id': stableGuid(`user/${user.Id}/odata`),
        };
  for (const prop of props) {
    switch (prop) {
      case 'Id':
      case 'ID':
        out[prop] = user.Id;
        break;
      case 'Title':
        out.Title = user.Title;
        break;
      case 'EMail':
        out.EMail = user.Email === '' ? null : user.Email;
        break;
      case 'Name':
        out.Name = user.LoginName;
        break;
    }
  }
  return out;
}

/** Thrown when a projected user property has no value, as SharePoint fails on multi-user columns. */
export class ProjectedFieldError extends Error {
  constructor(readonly fieldPath: string) {
    super(`Cannot get value for projected field ${fieldPath}.`);
  }
}

/** One expanded lookup target item, with the selected properties of the looked-up list. */
function expandedLookupJson(
  ctx: ItemJsonContext,
  target: ListState,
  item: ListItemRecord,
  props: readonly string[],
): JsonObject {
  const out: JsonObject =
    ctx.metadata === 'none'
      ? {}
      : {
          'odata.type': listItemEntityTypeFullName(target.Title),
          'odata.id': stableGuid(`${target.id}/item/${item.Id}/odata`),
        };
  for (const prop of props) {
    const column = findColumn(target, prop);
    out[prop] = column ? fieldJson(column, item) : null;
  }
  return out;
}

/** The list a lookup column looks up (null when it is gone). */
export function lookupTarget(site: SiteState, column: Column): ListState | null {
  const id = column.field?.lookupList?.toLowerCase();
  return site.lists.find((l) => l.id.toLowerCase() === id) ?? null;
}

function expandedJson(
  ctx: ItemJsonContext,
  item: ListItemRecord,
  column: Column,
  props: readonly string[],
): Json {
  const ids = referenceIds(item, column);
  if (column.type === 'Lookup' || column.type === 'LookupMulti') {
    const target = lookupTarget(ctx.site, column);
    const targets = ids
      .map((id) => target?.items.find((i) => i.Id === id))
      .filter((i): i is ListItemRecord => i !== undefined);
    if (column.type === 'Lookup') {
      const first = targets[0];
      return first && target ? expandedLookupJson(ctx, target, first, props) : null;
    }
    // As for people: SharePoint fails a multi-value projection with an empty value
    // (https://github.com/SharePoint/sp-dev-docs/issues/4478).
    for (const prop of props) {
      const propColumn = target ? findColumn(target, prop) : undefined;
      if (propColumn && targets.some((t) => rawValue(t, propColumn) === null)) {
        throw new ProjectedFieldError(`${column.name}_x005f_${prop}`);
      }
    }
    return target ? targets.map((t) => expandedLookupJson(ctx, target, t, props)) : [];
  }
  const users = ids.map((id) => ctx.site.users.find((u) => u.Id === id));
  if (column.type === 'UserMulti') {
    // SharePoint Online fails the whole request with a 500 when a person in a multi-person
    // column has no mailbox and EMail is projected; a single-person column answers null
    // (https://github.com/pnp/pnpjs/issues/778, https://github.com/SharePoint/sp-dev-docs/issues/10562).
    if (props.includes('EMail') && users.some((u) => u !== undefined && u.Email === '')) {
      throw new ProjectedFieldError(`${column.name}_x005f_EMail`);
    }
    return users
      .filter((u): u is SiteUser => u !== undefined)
      .map((u) => expandedUserJson(ctx, u, props));
  }
  const user = users[0];
  return user ? expandedUserJson(ctx, user, props) : null;
}

/** Every column of the list in the order SharePoint emits them when nothing is selected. */
function allProperties(ctx: ItemJsonContext, item: ListItemRecord): JsonObject {
  const out: JsonObject = {
    FileSystemObjectType: extraPropertyJson(ctx, item, 'FileSystemObjectType'),
    Id: item.Id,
    ContentTypeId: extraPropertyJson(ctx, item, 'ContentTypeId'),
  };
  for (const record of ctx.list.fields) {
    const column = findColumn(ctx.list, fieldInfo(record).name);
    if (!column) continue;
    if (isReference(column)) {
      out[`${column.name}Id`] = referenceIdJson(column, item, false);
      // Lookups have no FStringId (only person fields do).
      if (isPerson(column)) out[`${column.name}StringId`] = referenceIdJson(column, item, true);
    } else {
      out[column.name] = fieldJson(column, item);
    }
  }
  out.ID = item.Id;
  out.Modified = spDate(item.Modified);
  out.Created = spDate(item.Created);
  out.AuthorId = item.AuthorId;
  out.EditorId = item.EditorId;
  out.OData__UIVersionString = extraPropertyJson(ctx, item, 'OData__UIVersionString');
  out.Attachments = false;
  out.GUID = extraPropertyJson(ctx, item, 'GUID');
  return out;
}

/** The value of one plain selected property (a column, `FId`, `FStringId` or an extra). */
function propertyJson(ctx: ItemJsonContext, item: ListItemRecord, name: string): Json {
  if (isExtraProperty(name)) return extraPropertyJson(ctx, item, name);
  const column = findColumn(ctx.list, name);
  if (column && !isReference(column)) return fieldJson(column, item);
  const idMatch = /^(.+?)(String)?Id$/.exec(name);
  const idColumn = idMatch?.[1] ? findColumn(ctx.list, idMatch[1]) : undefined;
  if (idColumn && isReference(idColumn)) {
    return referenceIdJson(idColumn, item, idMatch?.[2] === 'String');
  }
  return null;
}

/** One list item as SharePoint returns it, limited to the projection. */
export function itemJson(
  ctx: ItemJsonContext,
  item: ListItemRecord,
  projection: Projection,
): JsonObject {
  const out = itemEnvelope(ctx, item);
  if (projection.kind === 'all') return { ...out, ...allProperties(ctx, item) };
  for (const entry of projection.entries) {
    if (entry.kind === 'allProperties') Object.assign(out, allProperties(ctx, item));
    else if (entry.kind === 'property') out[entry.name] = propertyJson(ctx, item, entry.name);
    else out[entry.column.name] = expandedJson(ctx, item, entry.column, entry.props);
  }
  return out;
}

/** Properties of an SP.User. */
export function userJson(webUrl: string, user: SiteUser, metadata: MetadataLevel): JsonObject {
  const envelope: JsonObject =
    metadata === 'none'
      ? {}
      : {
          'odata.type': 'SP.User',
          'odata.id': `${webUrl}/_api/Web/GetUserById(${user.Id})`,
          'odata.editLink': `Web/GetUserById(${user.Id})`,
        };
  return {
    ...envelope,
    Id: user.Id,
    IsHiddenInUI: false,
    LoginName: user.LoginName,
    Title: user.Title,
    PrincipalType: user.PrincipalType ?? 1,
    Email: user.Email,
    Expiration: '',
    IsEmailAuthenticationGuestUser: false,
    IsShareByEmailGuestUser: false,
    IsSiteAdmin: user.IsSiteAdmin,
    UserId: {
      NameId: stableGuid(`user/${user.Id}/nameid`).replace(/-/g, '').slice(0, 16),
      NameIdIssuer: 'urn:federation:microsoftonline',
    },
    UserPrincipalName: user.UserPrincipalName,
  };
}

/** Properties of an SP.Group. */
export function groupJson(webUrl: string, group: SiteGroup, metadata: MetadataLevel): JsonObject {
  const envelope: JsonObject =
    metadata === 'none'
      ? {}
      : {
          'odata.type': 'SP.Group',
          'odata.id': `${webUrl}/_api/Web/SiteGroups/GetById(${group.Id})`,
          'odata.editLink': `Web/SiteGroups/GetById(${group.Id})`,
        };
  return {
    ...envelope,
    Id: group.Id,
    IsHiddenInUI: false,
    LoginName: group.Title,
    Title: group.Title,
    PrincipalType: 8,
    AllowMembersEditMembership: false,
    AllowRequestToJoinLeave: false,
    AutoAcceptRequestToJoinLeave: false,
    Description: null,
    OnlyAllowMembersViewMembership: false,
    OwnerTitle: group.Title,
    RequestToJoinLeaveEmailSetting: null,
  };
}

/** Properties of an SP.List. */
export function listJson(webUrl: string, list: ListState, metadata: MetadataLevel): JsonObject {
  const envelope: JsonObject =
    metadata === 'none'
      ? {}
      : {
          'odata.type': 'SP.List',
          'odata.id': `${webUrl}/_api/Web/Lists(guid'${list.id}')`,
          'odata.editLink': `Web/Lists(guid'${list.id}')`,
        };
  const lastModified = list.items.reduce(
    (latest, item) => (item.Modified > latest ? item.Modified : latest),
    list.Created,
  );
  return {
    ...envelope,
    BaseTemplate: list.BaseTemplate ?? 100,
    // SP.BaseType: 0 a generic list, 1 a document library.
    BaseType: list.BaseTemplate === 101 ? 1 : 0,
    Created: spDate(list.Created),
    Description: list.Description,
    EnableVersioning: true,
    EntityTypeName: `${listItemEntityTypeName(list.Title).replace(/ListItem$/, '')}List`,
    HasUniqueRoleAssignments: list.roleAssignments !== undefined,
    Hidden: false,
    Id: list.id,
    ItemCount: list.items.length,
    LastItemModifiedDate: spDate(lastModified),
    ListItemEntityTypeFullName: listItemEntityTypeFullName(list.Title),
    Title: list.Title,
  };
}

/**
 * Properties of an entity SharePoint returns only when `$select` names them (on a list,
 * `HasUniqueRoleAssignments`, which `GET …/lists/getByTitle(…)` leaves out).
 */
export const SELECT_ONLY: ReadonlySet<string> = new Set(['HasUniqueRoleAssignments']);

/**
 * `$select` on a plain entity (web, user, group, list): the envelope plus the named properties
 * (`*` = all). An unknown name fails as SharePoint fails.
 */
export function selectProperties(entity: JsonObject, select: readonly string[]): JsonObject {
  if (select.includes('*')) return entity;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(entity)) {
    if (key.startsWith('odata.')) out[key] = value;
  }
  for (const name of select) {
    if (!(name in entity) || name.startsWith('odata.')) throw fieldOrPropertyNotFound(name);
    out[name] = entity[name] ?? null;
  }
  return out;
}
