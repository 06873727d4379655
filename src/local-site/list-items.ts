/**
 * List items of the local SharePoint site: querying (`$filter` evaluation, sorting, paging,
 * the list view threshold) and writing (validation of the JSON body, unique columns, ETags).
 * Pure functions over the state; the router in local-site.ts turns them into HTTP.
 */
import {
  columnNotFound,
  duplicateValues,
  etagMismatch,
  invalidValue,
  itemNotFound,
  listViewThreshold,
  propertyNotOnType,
  SharePointError,
  unsupportedQuery,
  parseJsonObjectBody,
} from './errors';
import { fieldInfo } from './field-schema';
import {
  etagOf,
  findColumn,
  isPerson,
  isReference,
  listItemEntityTypeFullName,
  lookupTarget,
  parseUtc,
  rawValue,
  referenceIds,
  spDate,
  type Column,
} from './item-json';
import {
  filterFields,
  FilterSyntaxError,
  parseFilter,
  type FilterLiteral,
  type FilterNode,
} from './odata-filter';
import { formatSkipToken, type OrderTerm, type SkipToken } from './odata-query';
import type { ListItemRecord, ListState, SiteState } from './site-state';

/** Swedish collation: the site's locale decides how SharePoint sorts and compares text. */
const collator = new Intl.Collator('sv', { sensitivity: 'base' });

/**
 * SharePoint's limit for a multiple lines of text field, in characters
 * (https://learn.microsoft.com/en-us/office365/servicedescriptions/sharepoint-online-service-description/sharepoint-online-limits).
 */
const NOTE_MAX_LENGTH = 63_999;

type Scalar = string | number;
type ValueKind = 'text' | 'number' | 'datetime' | 'boolean';

/** How a `$filter` path reads an item: its values (several for multi-person columns). */
interface FilterAccessor {
  readonly kind: ValueKind;
  readonly multi: boolean;
  readonly indexed: boolean;
  read(item: ListItemRecord): Scalar[];
}

/** A `$filter` checked against the list, ready to evaluate. */
export interface CompiledFilter {
  readonly node: FilterNode;
  readonly accessors: ReadonlyMap<string, FilterAccessor>;
}

function userProperty(site: SiteState, id: number, prop: string): string | number | null {
  const user = site.users.find((u) => u.Id === id);
  if (!user) return null;
  switch (prop) {
    case 'Id':
    case 'ID':
      return user.Id;
    case 'Title':
      return user.Title;
    case 'EMail':
      return user.Email === '' ? null : user.Email;
    default:
      return user.LoginName;
  }
}

function columnAccessor(column: Column): FilterAccessor {
  const indexed = column.indexed;
  switch (column.type) {
    case 'Counter':
    case 'Number':
      return {
        kind: 'number',
        multi: false,
        indexed,
        read: (item) => {
          const v = rawValue(item, column);
          return typeof v === 'number' ? [v] : [];
        },
      };
    case 'DateTime':
      return {
        kind: 'datetime',
        multi: false,
        indexed,
        read: (item) => {
          const v = rawValue(item, column);
          return typeof v === 'string' ? [parseUtc(v)] : [];
        },
      };
    case 'Text':
    case 'Choice':
      return {
        kind: 'text',
        multi: false,
        indexed,
        read: (item) => {
          const v = rawValue(item, column);
          return typeof v === 'string' && v !== '' ? [v] : [];
        },
      };
    case 'MultiChoice':
      return {
        kind: 'text',
        multi: true,
        indexed: false,
        read: (item) => {
          const v = rawValue(item, column);
          return Array.isArray(v) ? v.filter((c): c is string => typeof c === 'string') : [];
        },
      };
    case 'Boolean':
      // Compared as 1/0: SharePoint takes `eq 1` and `eq true` alike.
      return {
        kind: 'boolean',
        multi: false,
        indexed,
        read: (item) => {
          const v = rawValue(item, column);
          return typeof v === 'boolean' ? [v ? 1 : 0] : [];
        },
      };
    case 'Note':
      throw new SharePointError(
        400,
        '-1, Microsoft.SharePoint.SPException',
        `The field '${column.name}' of type 'Note' cannot be used in the query filter expression.`,
      );
    default:
      throw unsupportedQuery(
        `Filtering on the ${column.type} column '${column.name}' is not supported`,
      );
  }
}

function resolveFilterPath(
  site: SiteState,
  list: ListState,
  path: string,
  expanded: ReadonlySet<string>,
): FilterAccessor {
  const slash = path.indexOf('/');
  if (slash >= 0) {
    const fieldName = path.slice(0, slash);
    const prop = path.slice(slash + 1);
    const column = findColumn(list, fieldName);
    if (!column) throw columnNotFound(fieldName);
    if (!isReference(column)) {
      throw unsupportedQuery(
        `'${path}' in $filter: only person and lookup columns have sub-properties`,
      );
    }
    if (!expanded.has(fieldName)) {
      throw unsupportedQuery(`'${path}' in $filter needs $expand=${fieldName}`);
    }
    const multi = column.type === 'UserMulti' || column.type === 'LookupMulti';
    const isId = prop === 'Id' || prop === 'ID';
    if (isPerson(column)) {
      if (!['Id', 'ID', 'Title', 'EMail', 'Name'].includes(prop)) throw columnNotFound(path);
      return {
        kind: isId ? 'number' : 'text',
        multi,
        indexed: isId && column.indexed,
        read: (item) =>
          referenceIds(item, column)
            .map((id) => userProperty(site, id, prop))
            .filter((v): v is Scalar => v !== null),
      };
    }
    const target = lookupTarget(site, column);
    const targetColumn = target ? findColumn(target, prop) : undefined;
    if (!target || !targetColumn) throw columnNotFound(path);
    const inner = columnAccessor(targetColumn);
    return {
      kind: inner.kind,
      multi,
      indexed: isId && column.indexed,
      read: (item) =>
        referenceIds(item, column).flatMap((id) => {
          const found = target.items.find((i) => i.Id === id);
          return found ? inner.read(found) : [];
        }),
    };
  }
  const column = findColumn(list, path);
  if (column && !isReference(column)) return columnAccessor(column);
  if (column) {
    throw unsupportedQuery(
      `Filter on ${path}Id (or ${path}/Id with $expand=${path}) rather than the column '${path}'`,
    );
  }
  const idMatch = /^(.+?)Id$/.exec(path);
  const idColumn = idMatch?.[1] ? findColumn(list, idMatch[1]) : undefined;
  if (idColumn && isReference(idColumn)) {
    return {
      kind: 'number',
      multi: idColumn.type === 'UserMulti' || idColumn.type === 'LookupMulti',
      indexed: idColumn.indexed,
      read: (item) => referenceIds(item, idColumn),
    };
  }
  throw columnNotFound(path);
}

/** Converts a literal to the accessor's kind, or refuses the comparison. */
function literalValue(
  accessor: FilterAccessor,
  literal: FilterLiteral,
  path: string,
): Scalar | null {
  if (literal.type === 'null') return null;
  switch (accessor.kind) {
    case 'number':
      if (literal.type === 'number') return literal.value;
      break;
    case 'boolean':
      if (literal.type === 'boolean') return literal.value ? 1 : 0;
      if (literal.type === 'number' && (literal.value === 0 || literal.value === 1)) {
        return literal.value;
      }
      break;
    case 'text':
      if (literal.type === 'string') return literal.value;
      break;
    case 'datetime':
      if (literal.type === 'datetime' || literal.type === 'string') {
        const ms = parseUtc(literal.value);
        if (!Number.isNaN(ms)) return ms;
      }
      break;
  }
  throw unsupportedQuery(
    `A ${literal.type} literal cannot be compared with '${path}' (a ${accessor.kind} value) in $filter`,
  );
}

function check(
  site: SiteState,
  list: ListState,
  node: FilterNode,
  expanded: ReadonlySet<string>,
  accessors: Map<string, FilterAccessor>,
): void {
  switch (node.kind) {
    case 'and':
    case 'or':
      check(site, list, node.left, expanded, accessors);
      check(site, list, node.right, expanded, accessors);
      return;
    case 'compare': {
      const accessor = resolveFilterPath(site, list, node.field, expanded);
      accessors.set(node.field, accessor);
      const value = literalValue(accessor, node.value, node.field);
      if (value === null && node.op !== 'eq' && node.op !== 'ne') {
        throw unsupportedQuery(
          `'${node.field} ${node.op} null' is not supported; use eq or ne with null`,
        );
      }
      if (accessor.multi && node.op !== 'eq' && node.op !== 'ne') {
        throw unsupportedQuery(`Only eq and ne are supported on the multi-value '${node.field}'`);
      }
      return;
    }
    default: {
      const accessor = resolveFilterPath(site, list, node.field, expanded);
      if (accessor.kind !== 'text') {
        throw unsupportedQuery(`${node.kind}() needs a text column, not '${node.field}'`);
      }
      accessors.set(node.field, accessor);
    }
  }
}

/** Parses and checks `$filter` against the list (columns, types, `$expand` of lookups). */
export function compileFilter(
  site: SiteState,
  list: ListState,
  text: string | undefined,
  expanded: ReadonlySet<string>,
): CompiledFilter | null {
  if (text === undefined) return null;
  let node: FilterNode;
  try {
    node = parseFilter(text);
  } catch (error) {
    if (error instanceof FilterSyntaxError)
      throw unsupportedQuery(error.message.replace(/\.$/, ''));
    throw error;
  }
  const accessors = new Map<string, FilterAccessor>();
  check(site, list, node, expanded, accessors);
  return { node, accessors };
}

function compareScalars(a: Scalar, b: Scalar): number {
  if (typeof a === 'string' && typeof b === 'string') return collator.compare(a, b);
  return a < b ? -1 : a > b ? 1 : 0;
}

function evaluate(filter: CompiledFilter, node: FilterNode, item: ListItemRecord): boolean {
  switch (node.kind) {
    case 'and':
      return evaluate(filter, node.left, item) && evaluate(filter, node.right, item);
    case 'or':
      return evaluate(filter, node.left, item) || evaluate(filter, node.right, item);
    case 'startswith':
    case 'substringof': {
      const needle = node.value.toLocaleLowerCase('sv');
      const values = filter.accessors.get(node.field)?.read(item) ?? [];
      return values.some((v) => {
        const hay = String(v).toLocaleLowerCase('sv');
        return node.kind === 'startswith' ? hay.startsWith(needle) : hay.includes(needle);
      });
    }
    case 'compare': {
      const accessor = filter.accessors.get(node.field);
      if (!accessor) return false;
      const values = accessor.read(item);
      const literal = literalValue(accessor, node.value, node.field);
      if (literal === null) return node.op === 'eq' ? values.length === 0 : values.length > 0;
      const equal = values.some((v) => compareScalars(v, literal) === 0);
      if (node.op === 'eq') return equal;
      if (node.op === 'ne') return !equal;
      const first = values[0];
      if (first === undefined) return false;
      const c = compareScalars(first, literal);
      switch (node.op) {
        case 'gt':
          return c > 0;
        case 'ge':
          return c >= 0;
        case 'lt':
          return c < 0;
        default:
          return c <= 0;
      }
    }
  }
}

/** True when the item passes the filter (or there is none). */
export function matches(filter: CompiledFilter | null, item: ListItemRecord): boolean {
  return filter === null || evaluate(filter, filter.node, item);
}

function topLevelConjuncts(node: FilterNode): FilterNode[] {
  return node.kind === 'and'
    ? [...topLevelConjuncts(node.left), ...topLevelConjuncts(node.right)]
    : [node];
}

/**
 * SharePoint's list view threshold, simplified: on a list holding more items than the
 * threshold, a query must sort on indexed columns only, and its filter must have top-level
 * `and` parts on indexed columns alone that narrow the list to at most the threshold.
 * Without a filter, paging in Id order is allowed.
 */
export function enforceThreshold(
  list: ListState,
  filter: CompiledFilter | null,
  order: readonly OrderTerm[],
  threshold: number,
): void {
  if (list.items.length <= threshold) return;
  if (order.some((term) => !term.column.indexed)) throw listViewThreshold();
  if (filter === null) return;
  const indexedParts = topLevelConjuncts(filter.node).filter((part) =>
    filterFields(part).every((path) => filter.accessors.get(path)?.indexed === true),
  );
  if (indexedParts.length === 0) throw listViewThreshold();
  const narrowed = list.items.filter((item) =>
    indexedParts.every((part) => evaluate(filter, part, item)),
  ).length;
  if (narrowed > threshold) throw listViewThreshold();
}

function sortValue(item: ListItemRecord, term: OrderTerm): Scalar | null {
  const value = rawValue(item, term.column);
  if (value === null || value === undefined || value === '') return null;
  if (term.column.type === 'DateTime' && typeof value === 'string') return parseUtc(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  return typeof value === 'number' || typeof value === 'string' ? value : null;
}

function compareNullable(a: Scalar | null, b: Scalar | null): number {
  // SharePoint sorts empty values first when ascending.
  if (a === null) return b === null ? 0 : -1;
  if (b === null) return 1;
  return compareScalars(a, b);
}

type SortKey = { readonly values: readonly (Scalar | null)[]; readonly id: number };

function compareKeys(a: SortKey, b: SortKey, order: readonly OrderTerm[]): number {
  for (const [i, term] of order.entries()) {
    const c = compareNullable(a.values[i] ?? null, b.values[i] ?? null);
    if (c !== 0) return term.descending ? -c : c;
  }
  return a.id - b.id;
}

function keyOf(item: ListItemRecord, order: readonly OrderTerm[]): SortKey {
  return { values: order.map((term) => sortValue(item, term)), id: item.Id };
}

function tokenValue(value: Scalar | null, term: OrderTerm): string {
  if (value === null) return '';
  if (term.column.type === 'DateTime' && typeof value === 'number') return spDate(new Date(value));
  return String(value);
}

function keyFromToken(token: SkipToken, order: readonly OrderTerm[]): SortKey | null {
  const values: (Scalar | null)[] = [];
  for (const term of order) {
    const raw = token.values.get(term.name);
    if (raw === undefined) return null;
    if (raw === '') values.push(null);
    else if (term.column.type === 'DateTime') values.push(parseUtc(raw));
    else if (['Number', 'Counter', 'User', 'Lookup', 'Boolean'].includes(term.column.type)) {
      values.push(Number(raw));
    } else values.push(raw);
  }
  return { values, id: token.lastId };
}

/** One page of a query, with the skip token of the next page when more items remain. */
export interface Page {
  readonly items: ListItemRecord[];
  readonly nextToken: string | null;
}

/**
 * Filters, sorts (by the terms, then Id) and cuts one page after the skip token. Items for which
 * `visible` is false (the caller may not read them) are left out, as SharePoint trims them.
 */
export function queryPage(
  list: ListState,
  filter: CompiledFilter | null,
  order: readonly OrderTerm[],
  top: number,
  skip: SkipToken | null,
  visible: (item: ListItemRecord) => boolean = () => true,
): Page {
  const sorted = list.items
    .filter((item) => visible(item) && matches(filter, item))
    .map((item) => ({ item, key: keyOf(item, order) }))
    .sort((a, b) => compareKeys(a.key, b.key, order));
  let start = 0;
  if (skip) {
    const after = keyFromToken(skip, order);
    if (after) {
      const index = sorted.findIndex((entry) => compareKeys(entry.key, after, order) > 0);
      start = index < 0 ? sorted.length : index;
    } else {
      const index = sorted.findIndex((entry) => entry.item.Id === skip.lastId);
      if (index < 0) {
        throw unsupportedQuery(
          `$skiptoken p_ID=${skip.lastId} without the p_ values of $orderby names no item of this result`,
        );
      }
      start = index + 1;
    }
  }
  const page = sorted.slice(start, start + top);
  const last = page[page.length - 1];
  const more = start + top < sorted.length && last !== undefined && top > 0;
  if (!more || !last) return { items: page.map((e) => e.item), nextToken: null };
  const values = new Map<string, string>();
  order.forEach((term, i) => values.set(term.name, tokenValue(last.key.values[i] ?? null, term)));
  return { items: page.map((e) => e.item), nextToken: formatSkipToken(last.item.Id, values) };
}

/** The item with this id, or SharePoint's 404. */
export function getItem(list: ListState, id: number): ListItemRecord {
  const item = list.items.find((i) => i.Id === id);
  if (!item) throw itemNotFound();
  return item;
}

/** Checks an `IF-MATCH` header against the item (`*` and a missing header always match). */
export function checkIfMatch(item: ListItemRecord, ifMatch: string | undefined): void {
  const requested = ifMatch?.trim();
  if (requested === undefined || requested === '' || requested === '*') return;
  const normalized = requested.replace(/^W\//, '');
  if (normalized !== etagOf(item)) throw etagMismatch(requested, etagOf(item));
}

const READ_ONLY_PROPERTIES = new Set([
  'Id',
  'ID',
  'Created',
  'Modified',
  'Author',
  'Editor',
  'AuthorId',
  'EditorId',
  'GUID',
  'Attachments',
  'ContentTypeId',
  'FileSystemObjectType',
  'OData__UIVersionString',
]);

const EXTERNAL_CLASS = /^<div class="ExternalClass[0-9A-Fa-f]+">([\s\S]*)<\/div>$/;

/** SharePoint's wrapper around enhanced rich text (a fresh class id on every write). */
function wrapRichText(html: string, newId: () => string): string {
  const inner = EXTERNAL_CLASS.exec(html)?.[1] ?? html;
  const id = newId().replace(/-/g, '').toUpperCase();
  return `<div class="ExternalClass${id}">${inner}</div>`;
}

/** Checks an id written to a person column (a site user) or a lookup (an item of its list). */
function validateReferenceId(
  site: SiteState,
  column: Column,
  field: string,
  value: unknown,
): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw invalidValue(field, 'a person or lookup column takes ids (numbers)');
  }
  if (isPerson(column)) {
    if (!site.users.some((u) => u.Id === value)) {
      throw invalidValue(field, `there is no user with id ${value} in the site`);
    }
  } else if (!lookupTarget(site, column)?.items.some((i) => i.Id === value)) {
    throw invalidValue(field, `the looked-up list has no item ${value}`);
  }
  return value;
}

/** Checks one written property and returns the field name and value to store. */
function validateProperty(
  site: SiteState,
  list: ListState,
  key: string,
  value: unknown,
  newId: () => string,
): [string, unknown] {
  const entityType = listItemEntityTypeFullName(list.Title);
  if (READ_ONLY_PROPERTIES.has(key)) {
    throw unsupportedQuery(`Writing the read-only property '${key}' is not supported`);
  }
  const idMatch = /^(.+?)Id$/.exec(key);
  const idColumn = idMatch?.[1] ? findColumn(list, idMatch[1]) : undefined;
  if (idColumn?.field && isReference(idColumn)) {
    const name = idColumn.name;
    if (value === null) return [name, null];
    if (idColumn.type === 'User' || idColumn.type === 'Lookup') {
      return [name, validateReferenceId(site, idColumn, key, value)];
    }
    if (!Array.isArray(value)) {
      throw invalidValue(
        key,
        'a multi-value column takes an array of ids ({ results: [...] } is the odata=verbose form, not supported)',
      );
    }
    const ids = value.map((v) => validateReferenceId(site, idColumn, key, v));
    return [name, ids.length === 0 ? null : [...new Set(ids)]];
  }
  const column = findColumn(list, key);
  const field = column?.field;
  if (!column || !field) throw propertyNotOnType(key, entityType);
  if (isReference(column)) {
    throw invalidValue(key, `write a person or lookup column as '${key}Id' with ids`);
  }
  if (value === null) return [key, null];
  switch (field.type) {
    case 'Text': {
      if (typeof value !== 'string') throw invalidValue(key, 'expected a string');
      if (value.length > field.maxLength) {
        throw invalidValue(key, `longer than the column's ${field.maxLength} characters`);
      }
      return [key, value === '' ? null : value];
    }
    case 'Note': {
      if (typeof value !== 'string') throw invalidValue(key, 'expected a string');
      if (value.length > NOTE_MAX_LENGTH) {
        throw invalidValue(key, `longer than ${NOTE_MAX_LENGTH} characters`);
      }
      if (value === '') return [key, null];
      return [key, field.richText ? wrapRichText(value, newId) : value];
    }
    case 'Choice': {
      if (typeof value !== 'string') throw invalidValue(key, 'expected a string');
      if (value === '') return [key, null];
      if (!field.choices.includes(value)) {
        throw invalidValue(key, `'${value}' is not one of the column's choices`);
      }
      return [key, value];
    }
    case 'MultiChoice': {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
        throw invalidValue(
          key,
          'a multi-choice column takes an array of strings ({ results: [...] } is the odata=verbose form, not supported)',
        );
      }
      const unknown = value.find((v) => !field.choices.includes(v));
      if (unknown !== undefined) {
        throw invalidValue(key, `'${unknown}' is not one of the column's choices`);
      }
      return [key, value.length === 0 ? null : [...new Set(value)]];
    }
    case 'Boolean':
      if (typeof value !== 'boolean') throw invalidValue(key, 'expected true or false');
      return [key, value];
    case 'Number':
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw invalidValue(key, 'expected a number');
      }
      return [key, value];
    case 'DateTime': {
      if (typeof value !== 'string' || Number.isNaN(parseUtc(value))) {
        throw invalidValue(key, 'expected an ISO 8601 date string');
      }
      return [key, spDate(new Date(parseUtc(value)))];
    }
    case 'URL': {
      const url = value as { Url?: unknown; Description?: unknown };
      if (typeof value !== 'object' || Array.isArray(value) || typeof url.Url !== 'string') {
        throw invalidValue(key, 'expected { Url, Description }');
      }
      for (const k of Object.keys(value)) {
        if (k !== 'Url' && k !== 'Description') {
          throw invalidValue(key, `'${k}' is not a property of SP.FieldUrlValue`);
        }
      }
      if (!URL.canParse(url.Url)) throw invalidValue(key, `'${url.Url}' is not an absolute URL`);
      const description = typeof url.Description === 'string' ? url.Description : url.Url;
      return [key, { Url: url.Url, Description: description }];
    }
    default:
      throw invalidValue(key, `write a ${field.type} column as '${key}Id'`);
  }
}

/** Reads and checks a JSON item body → field values to store (by internal name). */
export function parseItemBody(
  site: SiteState,
  list: ListState,
  body: string,
  newId: () => string,
): Record<string, unknown> {
  const parsed = parseJsonObjectBody(body, 'field values');
  const updates: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parsed)) {
    const [name, stored] = validateProperty(site, list, key, value, newId);
    updates[name] = stored;
  }
  return updates;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return collator.compare(a, b) === 0;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Fails as SharePoint does when a unique column would get a value another item has. */
export function enforceUnique(
  list: ListState,
  updates: Record<string, unknown>,
  selfId: number | null,
): void {
  const duplicates = list.fields
    .map(fieldInfo)
    .filter((f) => f.unique && f.name in updates)
    .filter((f) => {
      const value = updates[f.name];
      if (value === null || value === undefined) return false;
      return list.items.some((item) => item.Id !== selfId && sameValue(item.fields[f.name], value));
    })
    .map((f) => f.name);
  if (duplicates.length > 0) throw duplicateValues(duplicates);
}

/** The `<Default>` of each field that has one, as a stored value (a new item starts with them). */
function defaultValues(list: ListState): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const record of list.fields) {
    const text = record.defaultValue;
    if (text === null || text === '') continue;
    const field = fieldInfo(record);
    switch (field.type) {
      case 'Boolean':
        values[field.name] = text === '1' || /^true$/i.test(text);
        break;
      case 'Number':
        if (Number.isFinite(Number(text))) values[field.name] = Number(text);
        break;
      case 'Text':
      case 'Choice':
      case 'Note':
        values[field.name] = text;
        break;
      case 'MultiChoice':
        // SharePoint writes a multi-choice default as ;#A;#B;#.
        values[field.name] = text.split(';#').filter((c) => c !== '');
        break;
      default:
        // Defaults of dates ([today]), people and lookups are not emulated.
        break;
    }
  }
  return values;
}

/** Adds an item (version 1) and returns it. */
export function createItem(
  site: SiteState,
  list: ListState,
  body: string,
  userId: number,
  now: Date,
  newId: () => string,
): ListItemRecord {
  const updates = { ...defaultValues(list), ...parseItemBody(site, list, body, newId) };
  enforceUnique(list, updates, null);
  const stamp = spDate(now);
  const fields: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(updates)) if (value !== null) fields[name] = value;
  const item: ListItemRecord = {
    Id: list.nextItemId,
    version: 1,
    Created: stamp,
    Modified: stamp,
    AuthorId: userId,
    EditorId: userId,
    fields,
  };
  list.nextItemId += 1;
  list.items.push(item);
  return item;
}

/** MERGE: checks the ETag, writes the fields, raises the version. */
export function updateItem(
  site: SiteState,
  list: ListState,
  id: number,
  body: string,
  ifMatch: string | undefined,
  userId: number,
  now: Date,
  newId: () => string,
): ListItemRecord {
  const item = getItem(list, id);
  checkIfMatch(item, ifMatch);
  const updates = parseItemBody(site, list, body, newId);
  enforceUnique(list, updates, id);
  const fields = { ...item.fields };
  for (const [name, value] of Object.entries(updates)) {
    if (value === null) delete fields[name];
    else fields[name] = value;
  }
  item.fields = fields;
  item.version += 1;
  item.Modified = spDate(now);
  item.EditorId = userId;
  return item;
}

/** DELETE: checks the ETag and removes the item. */
export function deleteItem(list: ListState, id: number, ifMatch: string | undefined): void {
  const item = getItem(list, id);
  checkIfMatch(item, ifMatch);
  list.items = list.items.filter((i) => i !== item);
}
