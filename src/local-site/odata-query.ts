/**
 * The OData query options of the local SharePoint site other than `$filter`: reading and
 * checking the options a request may carry, `$select`/`$expand` on list items, `$orderby`,
 * `$top` and SharePoint's `$skiptoken` paging.
 */
import {
  fieldOrPropertyNotFound,
  projectionNeedsExpand,
  SharePointError,
  unsupportedQuery,
} from './errors';
import {
  findColumn,
  isExtraProperty,
  isPerson,
  isReference,
  lookupTarget,
  USER_LOOKUP_PROPERTIES,
  type Column,
  type Projection,
  type ProjectionEntry,
} from './item-json';
import type { ListState, SiteState } from './site-state';

/** SharePoint's default page size for list items. */
export const DEFAULT_TOP = 100;
/** The largest `$top` SharePoint Online accepts for list items. */
export const MAX_TOP = 5000;

/**
 * Reads the `$`-options of a query string (keys case-insensitive, returned lower case) and
 * refuses the ones this endpoint does not support, repeated options and `@` parameter aliases.
 * Parameters without `$` or `@` are ignored, as SharePoint ignores them.
 */
export function readQueryOptions(
  params: URLSearchParams,
  allowed: readonly string[],
  endpoint: string,
): Map<string, string> {
  const options = new Map<string, string>();
  for (const [rawKey, value] of params) {
    const key = rawKey.toLowerCase();
    if (key.startsWith('@')) {
      throw unsupportedQuery(`Parameter aliases such as '${rawKey}' are not supported`);
    }
    if (!key.startsWith('$')) continue;
    if (key === '$skip' && allowed.includes('$skiptoken')) {
      // SharePoint Online ignores $skip on list items, so an app relying on it would page wrong.
      throw unsupportedQuery(
        '$skip is not supported on list items (SharePoint Online ignores it); page with $top and odata.nextLink',
      );
    }
    if (!allowed.includes(key)) {
      throw unsupportedQuery(`The query option '${rawKey}' is not supported on ${endpoint}`);
    }
    if (options.has(key)) throw unsupportedQuery(`The query option '${rawKey}' is given twice`);
    options.set(key, value);
  }
  return options;
}

/** Splits a comma-separated option value into trimmed, non-empty parts. */
export function splitList(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/** Whether `$select=F/<prop>` may name this property of an expanded person or lookup column. */
function expandableProperty(site: SiteState, column: Column, prop: string): boolean {
  if (isPerson(column)) return USER_LOOKUP_PROPERTIES.includes(prop);
  const target = lookupTarget(site, column);
  return target !== null && findColumn(target, prop) !== undefined;
}

/** The person and lookup columns named in `$expand`, checked against the list. */
export function compileExpand(list: ListState, expand: string | undefined): Map<string, Column> {
  const expanded = new Map<string, Column>();
  for (const name of splitList(expand)) {
    if (name.includes('/')) throw unsupportedQuery(`Nested $expand '${name}' is not supported`);
    const column = findColumn(list, name);
    if (!column) throw fieldOrPropertyNotFound(name);
    if (!isReference(column)) {
      throw unsupportedQuery(`$expand of '${name}' (a ${column.type} column) is not supported`);
    }
    expanded.set(name, column);
  }
  return expanded;
}

/** `$select` + `$expand` on list items → what to emit for each item. */
export function compileProjection(
  site: SiteState,
  list: ListState,
  select: string | undefined,
  expand: string | undefined,
): Projection {
  const expanded = compileExpand(list, expand);
  const names = splitList(select);
  if (names.length === 0) {
    if (expanded.size > 0) {
      throw unsupportedQuery(
        `$expand without $select is not supported; select the expanded properties, e.g. $select=*,${[...expanded.keys()][0] ?? 'Author'}/Title`,
      );
    }
    return { kind: 'all' };
  }
  const entries: ProjectionEntry[] = [];
  const lookups = new Map<string, { column: Column; props: string[] }>();
  for (const name of names) {
    if (name === '*') {
      entries.push({ kind: 'allProperties' });
      continue;
    }
    const slash = name.indexOf('/');
    if (slash >= 0) {
      const fieldName = name.slice(0, slash);
      const prop = name.slice(slash + 1);
      const column = findColumn(list, fieldName);
      if (!column) throw fieldOrPropertyNotFound(fieldName);
      if (!isReference(column)) throw fieldOrPropertyNotFound(name);
      if (!expanded.has(fieldName)) throw projectionNeedsExpand(name, fieldName);
      if (!expandableProperty(site, column, prop)) throw fieldOrPropertyNotFound(prop);
      let lookup = lookups.get(fieldName);
      if (!lookup) {
        lookup = { column, props: [] };
        lookups.set(fieldName, lookup);
      }
      if (!lookup.props.includes(prop)) lookup.props.push(prop);
      continue;
    }
    if (isExtraProperty(name)) {
      entries.push({ kind: 'property', name });
      continue;
    }
    const column = findColumn(list, name);
    if (column && !isReference(column)) {
      entries.push({ kind: 'property', name });
      continue;
    }
    if (column) {
      throw unsupportedQuery(
        `Selecting the person or lookup column '${name}' itself is not supported; select ${name}Id, or ${name}/Title etc. with $expand=${name}`,
      );
    }
    const idMatch = /^(.+?)(String)?Id$/.exec(name);
    const idColumn = idMatch?.[1] ? findColumn(list, idMatch[1]) : undefined;
    if (idColumn && isReference(idColumn) && (idMatch?.[2] === undefined || isPerson(idColumn))) {
      entries.push({ kind: 'property', name });
      continue;
    }
    throw fieldOrPropertyNotFound(name);
  }
  for (const { column, props } of lookups.values()) {
    entries.push({ kind: 'expanded', column, props });
  }
  return { kind: 'some', entries };
}

/** `$top` for list items: default 100, at most 5000. */
export function parseTop(value: string | undefined): number {
  if (value === undefined) return DEFAULT_TOP;
  if (!/^\d+$/.test(value.trim())) throw unsupportedQuery(`$top='${value}' is not a whole number`);
  const top = Number(value);
  if (top > MAX_TOP) {
    throw new SharePointError(
      400,
      '-1, LocalSite.NotEmulated',
      `$top=${top} is above SharePoint Online's limit of ${MAX_TOP} list items per page; page with odata.nextLink.`,
    );
  }
  return top;
}

/** One `$orderby` term, checked against the list. */
export interface OrderTerm {
  /** The name as written (also the `p_<name>` key of the skip token). */
  readonly name: string;
  readonly column: Column;
  readonly descending: boolean;
}

/** Columns (and `FId` of single-person columns) that `$orderby` may name. */
export function resolveSortColumn(list: ListState, name: string): Column {
  const direct = findColumn(list, name);
  const idMatch = /^(.+?)Id$/.exec(name);
  const userColumn = idMatch?.[1] ? findColumn(list, idMatch[1]) : undefined;
  const column =
    direct ??
    (userColumn?.type === 'User' || userColumn?.type === 'Lookup' ? userColumn : undefined);
  if (!column) {
    if (userColumn)
      throw unsupportedQuery(`Sorting by the multi-person column '${name}' is not supported`);
    throw fieldOrPropertyNotFound(name);
  }
  switch (column.type) {
    case 'Text':
    case 'Choice':
    case 'Number':
    case 'DateTime':
    case 'Counter':
    case 'Boolean':
      return column;
    case 'User':
    case 'Lookup':
      if (direct) {
        throw unsupportedQuery(`Sort by '${name}Id' rather than the column '${name}'`);
      }
      return column;
    default:
      throw unsupportedQuery(`Sorting by the ${column.type} column '${name}' is not supported`);
  }
}

/** `$orderby=A asc,B desc` → terms. */
export function parseOrderBy(list: ListState, value: string | undefined): OrderTerm[] {
  return splitList(value).map((term) => {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)(?:\s+(asc|desc))?$/i.exec(term);
    if (!match?.[1]) throw unsupportedQuery(`$orderby term '${term}' is not supported`);
    return {
      name: match[1],
      column: resolveSortColumn(list, match[1]),
      descending: match[2]?.toLowerCase() === 'desc',
    };
  });
}

/** A decoded `$skiptoken`: the last item of the previous page. */
export interface SkipToken {
  readonly lastId: number;
  /** `p_<Field>` values, keyed by the order term name, as written in the token. */
  readonly values: ReadonlyMap<string, string>;
}

/** Reads SharePoint's `Paged=TRUE&p_ID=12` (URL-decoded once already). */
export function parseSkipToken(value: string | undefined): SkipToken | null {
  if (value === undefined) return null;
  let paged = false;
  let lastId: number | undefined;
  const values = new Map<string, string>();
  for (const pair of value.split('&')) {
    const eq = pair.indexOf('=');
    const key = eq < 0 ? pair : pair.slice(0, eq);
    const raw = eq < 0 ? '' : pair.slice(eq + 1);
    let decoded: string;
    try {
      decoded = decodeURIComponent(raw);
    } catch {
      throw unsupportedQuery(`$skiptoken value '${raw}' is not URL-encoded correctly`);
    }
    if (key.toLowerCase() === 'paged') paged = decoded.toUpperCase() === 'TRUE';
    else if (key === 'p_ID') lastId = Number(decoded);
    else if (key.toLowerCase() === 'pagedprev') {
      throw unsupportedQuery('Paging backwards ($skiptoken with PagedPrev=TRUE) is not supported');
    } else if (key.startsWith('p_')) values.set(key.slice(2), decoded);
    else throw unsupportedQuery(`$skiptoken part '${key}' is not supported`);
  }
  if (!paged || lastId === undefined || !Number.isInteger(lastId)) {
    throw unsupportedQuery(`$skiptoken '${value}' is not of the form Paged=TRUE&p_ID=<id>`);
  }
  return { lastId, values };
}

/** Builds the `$skiptoken` value for the page after the item described. */
export function formatSkipToken(lastId: number, values: ReadonlyMap<string, string>): string {
  const parts = ['Paged=TRUE'];
  for (const [name, value] of values) parts.push(`p_${name}=${encodeURIComponent(value)}`);
  parts.push(`p_ID=${lastId}`);
  return parts.join('&');
}

/**
 * The absolute `odata.nextLink`: the request URL with its `$skiptoken` replaced. Encoded as
 * SharePoint does (`%24skiptoken=Paged%3dTRUE%26p_ID%3d12`).
 */
export function nextLink(requestUrl: URL, token: string): string {
  const kept = requestUrl.search
    .replace(/^\?/, '')
    .split('&')
    .filter((pair) => {
      if (pair === '') return false;
      const key = decodeURIComponent(pair.split('=')[0]?.replace(/\+/g, ' ') ?? '');
      return key.toLowerCase() !== '$skiptoken';
    });
  const encodedToken = encodeURIComponent(token).replace(/%3D/g, '%3d');
  kept.push(`%24skiptoken=${encodedToken}`);
  return `${requestUrl.origin}${requestUrl.pathname}?${kept.join('&')}`;
}
