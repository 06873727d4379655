/**
 * The tenant's directory, as Microsoft Entra ID holds it, and the SharePoint functions that read
 * it: `ensureuser`, the people-picker search, and which principals a site user acts as.
 *
 * The directory is tenant-wide and shared by every site. A site's user information list
 * (`siteusers`) is something else: it holds only the people (and Entra groups) the site has seen,
 * and someone enters it only through `ensureUser` (or by being granted access). Everything here is
 * pure: functions take plain records and return new ones; the caller stores them.
 *
 * Sources for each behaviour are named where it is implemented and collected in
 * docs/emulation.md ("The directory").
 */

/** A directory user (Graph's `user` resource, the properties the emulation models). */
export interface DirectoryUser {
  /** Entra object id: a lower-case GUID. */
  readonly id: string;
  readonly userPrincipalName: string;
  /** The primary SMTP address; null for people without a mailbox (Graph answers `mail: null`). */
  readonly mail: string | null;
  readonly displayName: string;
  readonly givenName?: string | null;
  readonly surname?: string | null;
  readonly jobTitle?: string | null;
  readonly department?: string | null;
  readonly accountEnabled: boolean;
}

/** An Entra security group (Graph's `group` with `securityEnabled: true`). */
export interface DirectoryGroup {
  /** Entra object id: a lower-case GUID. */
  readonly id: string;
  readonly displayName: string;
  readonly description?: string | null;
  /** Object ids of the group's direct members (users). */
  readonly memberIds: readonly string[];
}

export interface Directory {
  /** The tenant id (a GUID), as in tokens' `tid`. */
  readonly tenantId: string;
  readonly users: readonly DirectoryUser[];
  readonly groups: readonly DirectoryGroup[];
}

/**
 * SharePoint's principal types (`SP.Utilities.PrincipalType`), a bit mask in people-picker
 * queries: https://learn.microsoft.com/en-us/previous-versions/office/sharepoint-server/ee541430(v=office.15)
 */
export const PRINCIPAL_TYPE = {
  user: 1,
  distributionList: 2,
  securityGroup: 4,
  sharePointGroup: 8,
  all: 15,
} as const;

/**
 * One entry of a site's user information list as `ensureUser` creates it: what
 * `_api/web/siteusers` returns for the principal (SP.User).
 */
export interface SitePrincipalRecord {
  /** The site's principal id; users and SharePoint groups share one id space. */
  readonly Id: number;
  readonly Title: string;
  /** The mailbox address, or '' when there is none (SharePoint never answers null here). */
  readonly Email: string;
  /** `i:0#.f|membership|<upn>` for users, `c:0t.c|tenant|<group id>` for Entra groups. */
  readonly LoginName: string;
  /** The UPN for users; null for groups. */
  readonly UserPrincipalName: string | null;
  readonly IsSiteAdmin: boolean;
  readonly PrincipalType: 1 | 4;
}

/** The least a site principal must have for the functions here (so older records fit too). */
export interface SitePrincipalLike {
  readonly Id: number;
  readonly LoginName: string;
  readonly Email?: string;
  readonly UserPrincipalName?: string | null;
}

/** A SharePoint site group: its principal id and its members' principal ids. */
export interface SiteGroupLike {
  readonly Id: number;
  readonly memberIds: readonly number[];
}

/** An error as SharePoint answers it: HTTP status, `odata.error.code` and the message. */
export interface SharePointFailure {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

const SP_EXCEPTION = '-2146232832, Microsoft.SharePoint.SPException';
const INVALID_CLIENT_QUERY = '-1, Microsoft.SharePoint.Client.InvalidClientQueryException';

/** SharePoint Online's claims prefix for a member of the tenant (forms-based, membership). */
const USER_CLAIM = 'i:0#.f|membership|';
/** SharePoint Online's claims prefix for an Entra security group (the "Tenant" provider). */
const GROUP_CLAIM = 'c:0t.c|tenant|';

/** The login name SharePoint Online gives a directory user: the claim over the lower-cased UPN. */
export function userLoginName(user: Pick<DirectoryUser, 'userPrincipalName'>): string {
  return `${USER_CLAIM}${user.userPrincipalName.toLowerCase()}`;
}

/** The login name SharePoint Online gives an Entra security group. */
export function groupLoginName(group: Pick<DirectoryGroup, 'id'>): string {
  return `${GROUP_CLAIM}${group.id.toLowerCase()}`;
}

/**
 * The tenant-wide claim for "Everyone except external users" (every member of the tenant), which
 * SharePoint Online lists as a security group: `c:0-.f|rolemanager|spo-grid-all-users/<tenant id>`
 * (pnp/pnpcore#1630). The directory models members only, so every directory user holds it.
 */
export function everyoneLoginName(directory: Pick<Directory, 'tenantId'>): string {
  return `c:0-.f|rolemanager|spo-grid-all-users/${directory.tenantId.toLowerCase()}`;
}

const EVERYONE_TITLE = 'Everyone except external users';

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The directory user with this object id or UPN (case-insensitive), as Graph resolves `/users/{key}`. */
export function findUserByIdOrUpn(directory: Directory, key: string): DirectoryUser | undefined {
  return directory.users.find((u) => same(u.id, key) || same(u.userPrincipalName, key));
}

/** The directory user behind a site principal's login name; undefined for groups and strangers. */
export function directoryUserOf(
  directory: Directory,
  principal: Pick<SitePrincipalLike, 'LoginName'>,
): DirectoryUser | undefined {
  const login = principal.LoginName.toLowerCase();
  if (!login.startsWith(USER_CLAIM)) return undefined;
  const upn = login.slice(USER_CLAIM.length);
  return directory.users.find((u) => same(u.userPrincipalName, upn));
}

type Resolved =
  | { readonly kind: 'user'; readonly user: DirectoryUser }
  | { readonly kind: 'group'; readonly group: DirectoryGroup }
  | { readonly kind: 'everyone'; readonly loginName: string };

/**
 * What a logon name names in the directory. SharePoint Online resolves a user's claims login, the
 * bare UPN, and the e-mail address (the Entra `mail`, also when it differs from the UPN; on-premises
 * SharePoint also took `DOMAIN\user` and display names, which a cloud tenant has no use for and the
 * emulation does not resolve). A claims login carries the UPN only, so `i:0#.f|membership|<mail>`
 * does not resolve a user whose mail differs from the UPN.
 * Sources: SPWeb.EnsureUser, https://learn.microsoft.com/en-us/previous-versions/office/developer/sharepoint-2010/ms473422(v=office.14)
 * ("The specified user {0} could not be found."), and pnp/cli-microsoft365#4497 (ensure by UPN or
 * by Entra id via its UPN; an Entra group as `c:0t.c|tenant|<id>`, pnp/cli-microsoft365#6426).
 */
function resolveInDirectory(directory: Directory, logonName: string): Resolved | undefined {
  const name = logonName.trim().toLowerCase();
  if (name === everyoneLoginName(directory)) return { kind: 'everyone', loginName: name };
  if (name.startsWith(GROUP_CLAIM)) {
    const id = name.slice(GROUP_CLAIM.length);
    const group = directory.groups.find((g) => same(g.id, id));
    return group ? { kind: 'group', group } : undefined;
  }
  if (name.startsWith(USER_CLAIM)) {
    const upn = name.slice(USER_CLAIM.length);
    const user = directory.users.find((u) => same(u.userPrincipalName, upn));
    return user ? { kind: 'user', user } : undefined;
  }
  if (name.includes('|')) return undefined;
  const user =
    directory.users.find((u) => same(u.userPrincipalName, name)) ??
    directory.users.find((u) => u.mail !== null && same(u.mail, name));
  return user ? { kind: 'user', user } : undefined;
}

/** A site principal that a logon name already names (login, UPN or e-mail). */
function findOnSite<T extends SitePrincipalLike>(siteUsers: readonly T[], logonName: string) {
  const name = logonName.trim().toLowerCase();
  const claim = name.startsWith(USER_CLAIM);
  const bare = claim ? name.slice(USER_CLAIM.length) : name;
  // A claims login carries the UPN, never the mail (as in resolveInDirectory).
  return siteUsers.find(
    (u) =>
      same(u.LoginName, name) ||
      (!!u.UserPrincipalName && same(u.UserPrincipalName, bare)) ||
      (!claim && !!u.Email && same(u.Email, bare)),
  );
}

export type EnsureUserResult<T extends SitePrincipalLike> =
  /** Already on the site: returned as the site has it; the user list is unchanged. */
  | { readonly ok: true; readonly added: false; readonly user: T }
  /** New on the site: append `user` to the site's user list. */
  | { readonly ok: true; readonly added: true; readonly user: SitePrincipalRecord }
  | { readonly ok: false; readonly error: SharePointFailure };

/**
 * `POST _api/web/ensureuser {"logonName": …}`: the site principal for a logon name, added to the
 * site's user list when the site has not seen it yet.
 *
 * The site's own list is asked first: a person who has left Entra but is still in the user
 * information list is still returned (pnp/pnpcore#1030). A new principal gets the next free
 * principal id after every user and group id the site has used (`takenIds`: pass the site
 * groups' ids; SharePoint allocates from one counter per site collection and never reuses an id,
 * which "one above the highest" matches as long as nothing is deleted).
 */
export function ensureUser<T extends SitePrincipalLike>(
  directory: Directory,
  siteUsers: readonly T[],
  logonName: string,
  takenIds: readonly number[] = [],
): EnsureUserResult<T> {
  if (logonName.trim() === '') {
    return { ok: false, error: userNotFound(logonName) };
  }
  const existing = findOnSite(siteUsers, logonName);
  if (existing) return { ok: true, added: false, user: existing };
  const resolved = resolveInDirectory(directory, logonName);
  if (!resolved) return { ok: false, error: userNotFound(logonName) };
  const record = principalRecord(resolved, 0);
  // The login names differ from the given name when it was a UPN or a mail: look again.
  const seen = siteUsers.find((u) => same(u.LoginName, record.LoginName));
  if (seen) return { ok: true, added: false, user: seen };
  const highest = Math.max(0, ...siteUsers.map((u) => u.Id), ...takenIds);
  return { ok: true, added: true, user: { ...record, Id: highest + 1 } };
}

function principalRecord(resolved: Resolved, id: number): SitePrincipalRecord {
  if (resolved.kind === 'everyone') {
    return {
      Id: id,
      Title: EVERYONE_TITLE,
      Email: '',
      LoginName: resolved.loginName,
      UserPrincipalName: null,
      IsSiteAdmin: false,
      PrincipalType: PRINCIPAL_TYPE.securityGroup,
    };
  }
  if (resolved.kind === 'group') {
    return {
      Id: id,
      Title: resolved.group.displayName,
      Email: '',
      LoginName: groupLoginName(resolved.group),
      UserPrincipalName: null,
      IsSiteAdmin: false,
      PrincipalType: PRINCIPAL_TYPE.securityGroup,
    };
  }
  const { user } = resolved;
  return {
    Id: id,
    Title: user.displayName,
    Email: user.mail ?? '',
    LoginName: userLoginName(user),
    UserPrincipalName: user.userPrincipalName,
    IsSiteAdmin: false,
    PrincipalType: PRINCIPAL_TYPE.user,
  };
}

/** SharePoint's answer to `ensureuser` for a name nobody in the directory has. */
export function userNotFound(logonName: string): SharePointFailure {
  return {
    status: 404,
    code: SP_EXCEPTION,
    message: `The specified user ${logonName} could not be found.`,
  };
}

/**
 * The principal ids a site user acts as: the user's own id and the ids of the Entra security
 * groups on the site that hold the user as a direct member (and of "Everyone except external
 * users" when the site has it). A role assignment or a SharePoint
 * group membership of any of them gives the user its rights (an Entra group "can be added to
 * SharePoint groups or directly granted permissions", and its members get access:
 * https://learn.microsoft.com/en-us/sharepoint/modern-experience-sharing-permissions).
 * Members of nested Entra groups are not followed (the demo directory has none).
 */
export function principalsOf(
  directory: Directory,
  siteUsers: readonly SitePrincipalLike[],
  siteUserId: number,
): number[] {
  const principal = siteUsers.find((u) => u.Id === siteUserId);
  if (!principal) return [];
  const person = directoryUserOf(directory, principal);
  const groupLogins = person
    ? [
        everyoneLoginName(directory),
        ...directory.groups.filter((g) => g.memberIds.includes(person.id)).map(groupLoginName),
      ]
    : [];
  const viaGroups = siteUsers
    .filter((u) => groupLogins.includes(u.LoginName.toLowerCase()))
    .map((u) => u.Id);
  return [siteUserId, ...viaGroups];
}

/**
 * The SharePoint groups a principal is a direct member of: what `_api/web/currentuser/groups`
 * (and `siteusers(id)/groups`) lists. A group the user holds only through an Entra group that is
 * its member is not listed. Microsoft documents `SP.User.groups` only as "the collection of groups
 * of which the user is a member" (https://learn.microsoft.com/en-us/previous-versions/office/sharepoint-visio/jj246407(v=office.15));
 * the direct-only answer on SharePoint Online is reported in pnp/pnpjs#1892 (a maintainer:
 * "that is not how the SharePoint API's work") and pnp/pnpjs#691; no Microsoft page says it.
 */
export function groupsHeldDirectly<G extends SiteGroupLike>(
  siteGroups: readonly G[],
  siteUserId: number,
): G[] {
  return siteGroups.filter((g) => g.memberIds.includes(siteUserId));
}

/**
 * The SharePoint groups whose rights a site user holds: those it is a member of itself and those
 * that contain one of its Entra groups. Permission checks use this, never `groupsHeldDirectly`.
 */
export function groupsHeldEffectively<G extends SiteGroupLike>(
  directory: Directory,
  siteUsers: readonly SitePrincipalLike[],
  siteGroups: readonly G[],
  siteUserId: number,
): G[] {
  const principals = principalsOf(directory, siteUsers, siteUserId);
  return siteGroups.filter((g) => g.memberIds.some((m) => principals.includes(m)));
}

// ---------------------------------------------------------------------------------------------
// The people picker: SP.UI.ApplicationPages.ClientPeoplePickerWebServiceInterface

/**
 * `queryParams` of `clientPeoplePickerSearchUser`
 * (SP.UI.ApplicationPages.ClientPeoplePickerQueryParameters; property list of SharePoint
 * Online from koltyakov/sp-metadata, types from @pnp/sp profiles/types.d.ts).
 */
export interface PeoplePickerQuery {
  readonly QueryString: string;
  readonly MaximumEntitySuggestions: number;
  /** Bit mask of PRINCIPAL_TYPE. */
  readonly PrincipalType: number;
}

const QUERY_PARAMETER_NAMES = new Set([
  'AllUrlZones',
  'AllowEmailAddresses',
  'AllowMultipleEntities',
  'AllowOnlyEmailAddresses',
  'EnabledClaimProviders',
  'ForceClaims',
  'MaximumEntitySuggestions',
  'PrincipalSource',
  'PrincipalType',
  'QuerySettings',
  'QueryString',
  'Required',
  'SharePointGroupID',
  'UrlZone',
  'UrlZoneSpecified',
  'WebApplicationID',
]);

const QUERY_TYPE = 'SP.UI.ApplicationPages.ClientPeoplePickerQueryParameters';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalidQuery(message: string): { ok: false; error: SharePointFailure } {
  return { ok: false, error: { status: 400, code: INVALID_CLIENT_QUERY, message } };
}

/**
 * Reads the request body `{ "queryParams": { … } }`. A property the type does not define is
 * refused as SharePoint's OData reader refuses it; the verbose dialect's `__metadata` is allowed
 * when it names the right type.
 */
export function parsePeoplePickerQuery(
  body: unknown,
): { ok: true; query: PeoplePickerQuery } | { ok: false; error: SharePointFailure } {
  const params = isRecord(body) ? body.queryParams : undefined;
  if (!isRecord(params)) {
    return notEmulatedQuery('The body must be { "queryParams": { … } }.');
  }
  for (const [name, value] of Object.entries(params)) {
    if (name === '__metadata') {
      if (!isRecord(value) || value.type !== QUERY_TYPE) {
        return invalidQuery(
          `A type named '${String(isRecord(value) ? value.type : value)}' could not be resolved by the model. When a model is available, each type name must resolve to a valid type.`,
        );
      }
      continue;
    }
    if (!QUERY_PARAMETER_NAMES.has(name)) {
      return invalidQuery(
        `The property '${name}' does not exist on type '${QUERY_TYPE}'. Make sure to only use property names that are defined by the type.`,
      );
    }
  }
  // SharePoint's defaults for absent values are not documented: the emulation asks for them
  // rather than guess (PnP's IClientPeoplePickerQueryParameters also requires the first two).
  const { QueryString, MaximumEntitySuggestions, PrincipalType } = params;
  if (typeof QueryString !== 'string') {
    return notEmulatedQuery('QueryString must be given as a string.');
  }
  if (!isCount(MaximumEntitySuggestions) || !isCount(PrincipalType)) {
    return notEmulatedQuery('MaximumEntitySuggestions and PrincipalType must be whole numbers.');
  }
  if (
    (params.SharePointGroupID !== undefined && params.SharePointGroupID !== 0) ||
    params.AllowOnlyEmailAddresses === true ||
    (params.EnabledClaimProviders !== undefined && params.EnabledClaimProviders !== '')
  ) {
    return notEmulatedQuery(
      'SharePointGroupID, AllowOnlyEmailAddresses and EnabledClaimProviders are not emulated.',
    );
  }
  return {
    ok: true,
    query: { QueryString, MaximumEntitySuggestions, PrincipalType },
  };
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function notEmulatedQuery(detail: string): { ok: false; error: SharePointFailure } {
  return {
    ok: false,
    error: {
      status: 400,
      code: '-1, LocalSite.NotEmulated',
      message: `${detail} (the local SharePoint site's people picker; see docs/emulation.md).`,
    },
  };
}

/** One entity of the people picker's answer (@pnp/sp IPeoplePickerEntity). */
export interface PeoplePickerEntity {
  readonly Key: string;
  readonly Description: string;
  readonly DisplayText: string;
  readonly EntityType: 'User' | 'SecGroup';
  readonly ProviderDisplayName: string;
  readonly ProviderName: string;
  readonly IsResolved: boolean;
  readonly EntityData: Readonly<Record<string, string>>;
  readonly MultipleMatches: readonly unknown[];
}

/** Word starts of a display name ("Anna Lindgren" → "anna", "lindgren"; "Åström-Berg" → both). */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[\s\-.,()]+/)
    .filter((w) => w !== '');
}

function matches(query: string, fields: readonly (string | null | undefined)[], name: string) {
  const q = query.trim().toLowerCase();
  if (q === '') return false;
  if (name.toLowerCase().startsWith(q)) return true;
  if (words(name).some((w) => w.startsWith(q))) return true;
  return fields.some((f) => !!f && f.toLowerCase().startsWith(q));
}

/** A user as the people picker's Tenant provider answers it (shape from SharePoint Online answers). */
function userEntity(user: DirectoryUser): PeoplePickerEntity {
  return {
    Key: userLoginName(user),
    Description: user.userPrincipalName,
    DisplayText: user.displayName,
    EntityType: 'User',
    ProviderDisplayName: 'Tenant',
    ProviderName: 'Tenant',
    IsResolved: true,
    EntityData: {
      IsAltSecIdPresent: 'False',
      Title: user.jobTitle ?? '',
      Email: user.mail ?? '',
      MobilePhone: '',
      ObjectId: user.id,
      Department: user.department ?? '',
    },
    MultipleMatches: [],
  };
}

/** An Entra security group as the people picker answers it (EntityData not verified; see docs). */
function groupEntity(group: DirectoryGroup): PeoplePickerEntity {
  return {
    Key: groupLoginName(group),
    Description: group.displayName,
    DisplayText: group.displayName,
    EntityType: 'SecGroup',
    ProviderDisplayName: 'Tenant',
    ProviderName: 'Tenant',
    IsResolved: true,
    EntityData: { DisplayName: group.displayName, Email: '' },
    MultipleMatches: [],
  };
}

/**
 * `clientPeoplePickerSearchUser`: the directory's users (PrincipalType bit 1) and security groups
 * (bit 4) whose display name, or one of its words, or UPN or mail starts with the query
 * (case-insensitive), sorted by display name, at most `MaximumEntitySuggestions`. SharePoint
 * groups (bit 8) and distribution lists (bit 2) are not searched. The endpoint answers the list
 * as a JSON *string*: `{"value": JSON.stringify(entities)}` in JSON light, which @pnp/sp parses
 * with `JSON.parse` (profiles/types.js); `peoplePickerAnswerValue` makes that string.
 */
export function peoplePickerSearch(
  directory: Directory,
  query: PeoplePickerQuery,
): PeoplePickerEntity[] {
  const limit = Math.max(0, query.MaximumEntitySuggestions);
  const found: { name: string; entity: PeoplePickerEntity }[] = [];
  if (query.PrincipalType & PRINCIPAL_TYPE.user) {
    for (const u of directory.users) {
      if (
        matches(
          query.QueryString,
          [u.userPrincipalName, u.mail, u.givenName, u.surname],
          u.displayName,
        )
      ) {
        found.push({ name: u.displayName, entity: userEntity(u) });
      }
    }
  }
  if (query.PrincipalType & PRINCIPAL_TYPE.securityGroup) {
    for (const g of directory.groups) {
      if (matches(query.QueryString, [], g.displayName)) {
        found.push({ name: g.displayName, entity: groupEntity(g) });
      }
    }
  }
  return found
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'))
    .slice(0, limit)
    .map((f) => f.entity);
}

/** The `value` of the endpoint's answer: the entities as one JSON string, as SharePoint sends it. */
export function peoplePickerAnswerValue(entities: readonly PeoplePickerEntity[]): string {
  return JSON.stringify(entities);
}
