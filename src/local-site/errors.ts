/**
 * Errors of the local SharePoint site, in SharePoint's own JSON shape:
 * `{"odata.error":{"code":"<hresult>, <type>","message":{"lang":"en-US","value":"…"}}}`.
 *
 * Where a message is known from real SharePoint Online responses it is copied here word for
 * word; errors that exist only because something is not emulated use the code
 * `-1, LocalSite.NotEmulated` so nobody mistakes them for SharePoint's.
 */

/** A failed request: thrown anywhere in the emulation and turned into a response by the router. */
export class SharePointError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'SharePointError';
  }

  /** The JSON body SharePoint sends for this error (the same for every odata flavour). */
  body(): string {
    return JSON.stringify({
      'odata.error': { code: this.code, message: { lang: 'en-US', value: this.message } },
    });
  }
}

const SP_EXCEPTION = '-2146232832, Microsoft.SharePoint.SPException';
const INVALID_CLIENT_QUERY = '-1, Microsoft.SharePoint.Client.InvalidClientQueryException';

/** Something SharePoint may well support, but the emulation does not: never guess an answer. */
export function notEmulated(what: string, status = 501): SharePointError {
  return new SharePointError(
    status,
    '-1, LocalSite.NotEmulated',
    `The local SharePoint site does not emulate ${what} (see docs/emulation.md).`,
  );
}

/** A query option or syntax the emulation refuses (400), naming what was not understood. */
export function unsupportedQuery(detail: string): SharePointError {
  return new SharePointError(
    400,
    '-1, LocalSite.NotEmulated',
    `${detail} (the local SharePoint site supports a subset of OData; see docs/emulation.md).`,
  );
}

/** `getByTitle` of a list that does not exist. */
export function listNotFound(title: string, webUrl: string): SharePointError {
  return new SharePointError(
    404,
    '-1, System.ArgumentException',
    `List '${title}' does not exist at site with URL '${webUrl}'.`,
  );
}

/** An item id that does not exist (or was deleted). */
export function itemNotFound(): SharePointError {
  return new SharePointError(
    404,
    '-2130575338, Microsoft.SharePoint.SPException',
    'Item does not exist. It may have been deleted by another user.',
  );
}

/** `$filter` / `$orderby` naming a column the list does not have. */
export function columnNotFound(name: string): SharePointError {
  return new SharePointError(
    400,
    '-2147024809, System.ArgumentException',
    `Column '${name}' does not exist. It may have been deleted by another user.`,
  );
}

/** `$select` / `$expand` naming a field or property the entity does not have. */
export function fieldOrPropertyNotFound(name: string): SharePointError {
  return new SharePointError(
    400,
    '-1, Microsoft.SharePoint.SPException',
    `The field or property '${name}' does not exist.`,
  );
}

/** `$select=F/X` without `$expand=F`. */
export function projectionNeedsExpand(path: string, field: string): SharePointError {
  return new SharePointError(
    400,
    '-1, Microsoft.SharePoint.SPException',
    `The query to field '${path}' is not valid. The $select query string must specify the target fields and the $expand query string must contains ${field}.`,
  );
}

/** A write naming a property the item type does not have. */
export function propertyNotOnType(name: string, entityType: string): SharePointError {
  return new SharePointError(
    400,
    INVALID_CLIENT_QUERY,
    `The property '${name}' does not exist on type '${entityType}'. Make sure to only use property names that are defined by the type.`,
  );
}

/** A written value of the wrong JSON type for the field. */
export function invalidValue(field: string, detail: string): SharePointError {
  return new SharePointError(
    400,
    INVALID_CLIENT_QUERY,
    `An invalid value was given for the property '${field}': ${detail}.`,
  );
}

/** A unique column would get a value another item already has. */
export function duplicateValues(fields: readonly string[]): SharePointError {
  return new SharePointError(
    500,
    '-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException',
    `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${fields.join(', ')}].`,
  );
}

/** IF-MATCH names a version that is not the item's current one. */
export function etagMismatch(requested: string, current: string): SharePointError {
  return new SharePointError(
    412,
    '-1, Microsoft.SharePoint.Client.ClientServiceException',
    `The request ETag value '${requested}' does not match the object's ETag value '${current}'.`,
  );
}

/** ensureuser with a logon name nobody has. */
export function userNotFound(logonName: string): SharePointError {
  return new SharePointError(
    404,
    SP_EXCEPTION,
    `The specified user ${logonName} could not be found.`,
  );
}

/** A user id (e.g. in `getUserById` or a person field) that is not in the site's user list. */
export function userIdNotFound(): SharePointError {
  return new SharePointError(404, SP_EXCEPTION, 'User cannot be found.');
}

/** `sitegroups/getByName` of a group that does not exist. */
export function groupNotFound(): SharePointError {
  return new SharePointError(404, SP_EXCEPTION, 'Group cannot be found.');
}

/** A write without a form digest (and without a bearer token), as SharePoint refuses it. */
export function securityValidation(): SharePointError {
  return new SharePointError(
    403,
    '-2130575252, Microsoft.SharePoint.SPException',
    "The security validation for this page is invalid and might be corrupted. Please use your web browser's Back button to try your operation again.",
  );
}

/** A query that would scan more than the list view threshold without an index to narrow it. */
export function listViewThreshold(): SharePointError {
  return new SharePointError(
    500,
    '-2147024860, Microsoft.SharePoint.SPQueryThrottledException',
    'The attempted operation is prohibited because it exceeds the list view threshold.',
  );
}

/** The HTTP method is not one this endpoint answers. */
export function methodNotAllowed(method: string, endpoint: string): SharePointError {
  return new SharePointError(
    405,
    '-1, LocalSite.NotEmulated',
    `The method ${method} is not allowed on ${endpoint} in the local SharePoint site.`,
  );
}

/** A malformed request body. */
export function badRequestBody(detail: string): SharePointError {
  return new SharePointError(400, INVALID_CLIENT_QUERY, detail);
}

/**
 * A write (or permission change) the current user holds no permission for. Code and message as
 * SharePoint Online answers them.
 */
export function accessDenied(): SharePointError {
  return new SharePointError(
    403,
    '-2147024891, System.UnauthorizedAccessException',
    'Access denied. You do not have permission to perform this action or access this resource.',
  );
}

/** A role assignment naming a principal id that is neither a site user nor a site group. */
export function principalNotFound(id: number): SharePointError {
  return new SharePointError(404, SP_EXCEPTION, `Can not find the principal with id: ${id}.`);
}

/** A role definition id or type the site does not have (message text is ours). */
export function roleDefinitionNotFound(what: string): SharePointError {
  return new SharePointError(
    404,
    SP_EXCEPTION,
    `The role definition ${what} cannot be found in this site.`,
  );
}

/** Changing role assignments of an object that still inherits them. */
export function inheritsPermissions(): SharePointError {
  return new SharePointError(
    400,
    SP_EXCEPTION,
    'This operation is not allowed on an object that inherits permissions.',
  );
}

/**
 * A request body that must be a JSON object (an empty body is `{}`); anything else is refused as
 * SharePoint refuses it. `what` names the object in the message ("field values", …).
 */
export function parseJsonObjectBody(body: string, what = ''): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = body.trim() === '' ? {} : JSON.parse(body);
  } catch {
    throw badRequestBody('The request body is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw badRequestBody(`The request body must be a JSON object${what ? ` of ${what}` : ''}.`);
  }
  return parsed as Record<string, unknown>;
}
