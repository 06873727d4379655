/**
 * Permissions of the local SharePoint site: SharePoint's built-in role definitions (permission
 * levels), role assignments on lists and items, the effective permissions of a user (directly or
 * through the site groups they belong to), and the item endpoints that break, reset and change
 * role assignments. The router (local-site.ts) asks `demandPermission` before every write, so a
 * write the current user holds no permission for is refused with SharePoint's 403.
 *
 * Inheritance: an item without `uniqueRoleAssignments` inherits its list's assignments; a list
 * without `roleAssignments` inherits the site's, which the emulation takes as every site user
 * holding Edit. A state with no permission data at all therefore lets every site user read and
 * write, as the emulation did before permissions existed. Site admins (`IsSiteAdmin`) hold every
 * permission everywhere, as site collection administrators do.
 */
import {
  accessDenied,
  inheritsPermissions,
  methodNotAllowed,
  notEmulated,
  principalNotFound,
  roleDefinitionNotFound,
  unsupportedQuery,
} from './errors';
import { selectProperties, type Json, type JsonObject, type MetadataLevel } from './item-json';
import type {
  ListItemRecord,
  ListState,
  RoleAssignmentRecord,
  SiteState,
  SiteUser,
} from './site-state';

/** Ids of SharePoint Online's built-in role definitions (the same in every site). */
export const ROLE_DEFINITION_IDS = {
  limitedAccess: 1073741825,
  read: 1073741826,
  contribute: 1073741827,
  design: 1073741828,
  fullControl: 1073741829,
  edit: 1073741830,
} as const;

/** SharePoint's RoleType enumeration (`roledefinitions/getbytype(N)`). */
export const ROLE_TYPES = {
  guest: 1,
  reader: 2,
  contributor: 3,
  webDesigner: 4,
  administrator: 5,
  editor: 6,
} as const;

/** One role definition (permission level) as SharePoint describes it. */
export interface RoleDefinition {
  readonly Id: number;
  readonly Name: string;
  readonly Description: string;
  readonly RoleTypeKind: number;
  readonly Order: number;
  readonly Hidden: boolean;
  /** SP.BasePermissions: the high and low 32 bits of the permission mask. */
  readonly High: number;
  readonly Low: number;
}

/** The built-in permission levels of a SharePoint Online team site. */
export const ROLE_DEFINITIONS: readonly RoleDefinition[] = [
  {
    Id: ROLE_DEFINITION_IDS.fullControl,
    Name: 'Full Control',
    Description: 'Has full control.',
    RoleTypeKind: ROLE_TYPES.administrator,
    Order: 1,
    Hidden: false,
    High: 2147483647,
    Low: 4294967295,
  },
  {
    Id: ROLE_DEFINITION_IDS.design,
    Name: 'Design',
    Description: 'Can view, add, update, delete, approve, and customize.',
    RoleTypeKind: ROLE_TYPES.webDesigner,
    Order: 32,
    Hidden: false,
    High: 432,
    Low: 1012866047,
  },
  {
    Id: ROLE_DEFINITION_IDS.edit,
    Name: 'Edit',
    Description:
      'Can add, edit and delete lists; can view, add, update and delete list items and documents.',
    RoleTypeKind: ROLE_TYPES.editor,
    Order: 48,
    Hidden: false,
    High: 432,
    Low: 1011030767,
  },
  {
    Id: ROLE_DEFINITION_IDS.contribute,
    Name: 'Contribute',
    Description: 'Can view, add, update, and delete list items and documents.',
    RoleTypeKind: ROLE_TYPES.contributor,
    Order: 64,
    Hidden: false,
    High: 432,
    Low: 1011028719,
  },
  {
    Id: ROLE_DEFINITION_IDS.read,
    Name: 'Read',
    Description: 'Can view pages and list items and download documents.',
    RoleTypeKind: ROLE_TYPES.reader,
    Order: 128,
    Hidden: false,
    High: 176,
    Low: 138612833,
  },
  {
    Id: ROLE_DEFINITION_IDS.limitedAccess,
    Name: 'Limited Access',
    Description:
      'Can view specific lists, document libraries, list items, folders, or documents when given permissions.',
    RoleTypeKind: ROLE_TYPES.guest,
    Order: 160,
    Hidden: true,
    High: 48,
    Low: 134287360,
  },
];

/** The SharePoint PermissionKind values the emulation checks (bit number + 1, as in SP.js). */
export const PERMISSION = {
  viewListItems: 1,
  addListItems: 2,
  editListItems: 3,
  deleteListItems: 4,
  manageLists: 12,
  managePermissions: 26,
  createGroups: 25,
  enumeratePermissions: 63,
} as const;

/** One of the checked permissions. */
export type PermissionKind = (typeof PERMISSION)[keyof typeof PERMISSION];

export interface Mask {
  readonly high: number;
  readonly low: number;
}

const EMPTY: Mask = { high: 0, low: 0 };
const FULL: Mask = { high: 2147483647, low: 4294967295 };

function union(a: Mask, b: Mask): Mask {
  return { high: (a.high | b.high) >>> 0, low: (a.low | b.low) >>> 0 };
}

function intersection(a: Mask, b: Mask): Mask {
  return { high: (a.high & b.high) >>> 0, low: (a.low & b.low) >>> 0 };
}

function definitionMask(id: number): Mask {
  const definition = roleDefinition(id);
  return definition ? { high: definition.High, low: definition.Low } : EMPTY;
}

/**
 * The rights each delegated SharePoint scope allows, as Microsoft's add-in permission table
 * defines the rights of a request's scope ("Add-in permissions in SharePoint",
 * https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/add-in-permissions-in-sharepoint:
 * Read = the Reader permission level, Write = Contributor, Manage = Designer, FullControl = Full
 * Control; each includes the lower). The delegated `AllSites.*` scopes of Entra's SharePoint
 * resource are those rights over every site the user can reach. Masks are the site's own role
 * definitions (Read, Contribute, Design, Full Control).
 */
export const SCOPE_RIGHTS: Readonly<Record<string, Mask>> = {
  'AllSites.Read': definitionMask(ROLE_DEFINITION_IDS.read),
  'AllSites.Write': definitionMask(ROLE_DEFINITION_IDS.contribute),
  'AllSites.Manage': definitionMask(ROLE_DEFINITION_IDS.design),
  'AllSites.FullControl': FULL,
};

/**
 * The rights a token's delegated scopes allow on a site: the union of its `AllSites.*` scopes'
 * rights, or null when it holds none of them (no site access at all).
 */
export function scopeRights(scopes: ReadonlySet<string>): Mask | null {
  let mask: Mask | null = null;
  for (const scope of scopes) {
    const rights = Object.hasOwn(SCOPE_RIGHTS, scope) ? SCOPE_RIGHTS[scope] : undefined;
    if (rights) mask = union(mask ?? EMPTY, rights);
  }
  return mask;
}

function includes(mask: Mask, kind: PermissionKind): boolean {
  const bit = kind - 1;
  const word = bit < 32 ? mask.low : mask.high;
  return Math.floor(word / 2 ** (bit % 32)) % 2 === 1;
}

/** The role definition with this id, if the site has it. */
export function roleDefinition(id: number): RoleDefinition | undefined {
  return ROLE_DEFINITIONS.find((d) => d.Id === id);
}

/** The site's own assignments: the state's, else every site user holds Edit (module comment). */
export function siteAssignments(state: SiteState): RoleAssignmentRecord[] {
  return (
    state.roleAssignments ??
    state.users.map((u) => ({ principalId: u.Id, roleDefId: ROLE_DEFINITION_IDS.edit }))
  );
}

/** The assignments that apply to the list (its own, or the site's). */
export function listAssignments(state: SiteState, list: ListState): RoleAssignmentRecord[] {
  return list.roleAssignments ?? siteAssignments(state);
}

/** The assignments that apply to the item (its own when unique, else the list's). */
export function itemAssignments(
  state: SiteState,
  list: ListState,
  item: ListItemRecord,
): RoleAssignmentRecord[] {
  return item.uniqueRoleAssignments ?? listAssignments(state, list);
}

/** The user's own id, their Entra groups' ids, and the ids of the site groups of either. */
export function principalsOf(state: SiteState, user: SiteUser): Set<number> {
  // The user and their Entra groups on the site: a SharePoint group holding such a group gives
  // its rights to the group's members (directory.ts principalsOf).
  const own = [user.Id, ...(user.viaGroupIds ?? [])];
  const ids = new Set<number>(own);
  for (const group of state.groups) {
    if (group.memberIds.some((id) => own.includes(id))) ids.add(group.Id);
  }
  return ids;
}

function effectiveMask(
  state: SiteState,
  user: SiteUser,
  assignments: readonly RoleAssignmentRecord[],
): Mask {
  // In token mode the user's own rights are capped by what the token's scopes allow, also for
  // site admins: SharePoint's user + add-in policy, "authorization checks succeed only if both
  // the current user and the add-in have sufficient permissions"
  // (https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/add-in-authorization-policy-types-in-sharepoint).
  const cap = user.scopeCap ?? FULL;
  if (user.IsSiteAdmin) return intersection(FULL, cap);
  const principals = principalsOf(state, user);
  let mask = EMPTY;
  for (const assignment of assignments) {
    if (!principals.has(assignment.principalId)) continue;
    const definition = roleDefinition(assignment.roleDefId);
    if (definition) mask = union(mask, { high: definition.High, low: definition.Low });
  }
  return intersection(mask, cap);
}

/**
 * The user's effective permissions under these assignments as SP.BasePermissions (`High`, `Low`;
 * Int64 words written as strings, as JSON light writes them), e.g. `web/EffectiveBasePermissions`.
 */
export function effectiveBasePermissions(
  state: SiteState,
  user: SiteUser,
  assignments: readonly RoleAssignmentRecord[],
): { High: string; Low: string } {
  const mask = effectiveMask(state, user, assignments);
  return { High: String(mask.high), Low: String(mask.low) };
}

/** Whether the user holds the permission under these assignments (site admins always do). */
export function hasPermission(
  state: SiteState,
  user: SiteUser,
  assignments: readonly RoleAssignmentRecord[],
  kind: PermissionKind,
): boolean {
  return includes(effectiveMask(state, user, assignments), kind);
}

/** Refuses with SharePoint's 403 unless the user holds the permission. */
export function demandPermission(
  state: SiteState,
  user: SiteUser,
  assignments: readonly RoleAssignmentRecord[],
  kind: PermissionKind,
): void {
  if (!hasPermission(state, user, assignments, kind)) throw accessDenied();
}

/** Whether the user may see the item (SharePoint leaves other items out of every answer). */
export function canRead(
  state: SiteState,
  user: SiteUser,
  list: ListState,
  item: ListItemRecord,
): boolean {
  return hasPermission(state, user, itemAssignments(state, list, item), PERMISSION.viewListItems);
}

/** A URL segment as the router parses it: lower-case name and the text in its parentheses. */
export interface PathSegment {
  readonly name: string;
  readonly arg: string | null;
}

/** What a permission endpoint answers; the router adds the OData envelope. */
export interface SecurityAnswer {
  readonly status: number;
  /** `$metadata#…` fragment of the answer. */
  readonly fragment: string;
  readonly body: JsonObject;
}

const VOID: SecurityAnswer = {
  status: 200,
  fragment: 'Edm.Null',
  body: { 'odata.null': true },
};

/** Reads `a=1, b=true` or positional `1, true` arguments of a method segment. */
function methodArgs(segment: PathSegment, names: readonly string[]): Map<string, string> {
  const args = new Map<string, string>();
  const text = (segment.arg ?? '').trim();
  if (text === '') return args;
  text.split(',').forEach((part, i) => {
    const eq = part.indexOf('=');
    const name = eq >= 0 ? part.slice(0, eq).trim().toLowerCase() : names[i];
    const value = (eq >= 0 ? part.slice(eq + 1) : part).trim().replace(/^'(.*)'$/, '$1');
    if (name === undefined || !names.includes(name)) {
      throw unsupportedQuery(`${segment.name}(${text}) has an argument this method does not take`);
    }
    args.set(name, value);
  });
  return args;
}

function booleanArg(args: Map<string, string>, name: string, fallback: boolean): boolean {
  const value = args.get(name);
  if (value === undefined) return fallback;
  if (/^true$/i.test(value)) return true;
  if (/^false$/i.test(value)) return false;
  throw unsupportedQuery(`${name}=${value} is not true or false`);
}

function numberArgOf(args: Map<string, string>, name: string, segment: PathSegment): number {
  const value = args.get(name) ?? '';
  if (!/^\d+$/.test(value)) {
    throw unsupportedQuery(`${segment.name}(${segment.arg ?? ''}) needs a whole number ${name}`);
  }
  return Number(value);
}

function principalIdOf(segment: PathSegment): number {
  const text = (segment.arg ?? '').trim().replace(/^'(.*)'$/, '$1');
  if (!/^\d+$/.test(text)) {
    throw unsupportedQuery(`${segment.name}(${segment.arg ?? ''}) needs a principal id`);
  }
  return Number(text);
}

/** Properties of an SP.RoleDefinition (Int64 mask words as strings, as JSON light writes them). */
export function roleDefinitionJson(
  webUrl: string,
  definition: RoleDefinition,
  metadata: MetadataLevel,
): JsonObject {
  const envelope: JsonObject =
    metadata === 'none'
      ? {}
      : {
          'odata.type': 'SP.RoleDefinition',
          'odata.id': `${webUrl}/_api/Web/RoleDefinitions(${definition.Id})`,
          'odata.editLink': `Web/RoleDefinitions(${definition.Id})`,
        };
  return {
    ...envelope,
    BasePermissions: { High: String(definition.High), Low: String(definition.Low) },
    Description: definition.Description,
    Hidden: definition.Hidden,
    Id: definition.Id,
    Name: definition.Name,
    Order: definition.Order,
    RoleTypeKind: definition.RoleTypeKind,
  };
}

/** What the role definition endpoints need from the router. */
export interface RoleDefinitionRequest {
  readonly method: string;
  /** Segments after `_api/web/roledefinitions` (the first one included, for `roledefinitions(N)`). */
  readonly segments: readonly PathSegment[];
  readonly webUrl: string;
  readonly metadata: MetadataLevel;
  /** Reads the query options, refusing any not in `allowed`. */
  readonly options: (allowed: readonly string[]) => Map<string, string>;
  readonly endpoint: string;
}

function selected(entity: JsonObject, options: Map<string, string>): JsonObject {
  const names = (options.get('$select') ?? '')
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '');
  return names.length === 0 ? entity : selectProperties(entity, names);
}

/**
 * `GET _api/web/roledefinitions`, `…/getbytype(N)`, `…/getbyid(N)`, `…/getbyname('…')`,
 * `…/roledefinitions(N)` (`$select`).
 */
export function roleDefinitionsEndpoint(req: RoleDefinitionRequest): SecurityAnswer {
  if (req.method !== 'GET') throw methodNotAllowed(req.method, req.endpoint);
  const [self, which, ...more] = req.segments;
  if (!self || more.length > 0) throw notEmulated(req.endpoint);
  const opts = req.options(['$select']);
  const json = (d: RoleDefinition) =>
    selected(roleDefinitionJson(req.webUrl, d, req.metadata), opts);
  let found: RoleDefinition | undefined;
  let what: string;
  if (self.arg !== null) {
    if (which) throw notEmulated(req.endpoint);
    const id = principalIdOf(self);
    what = `with id ${id}`;
    found = roleDefinition(id);
  } else if (!which) {
    const value: Json[] = ROLE_DEFINITIONS.map(json);
    return { status: 200, fragment: 'SP.ApiData.RoleDefinitions', body: { value } };
  } else if (which.name === 'getbytype') {
    const type = principalIdOf(which);
    what = `of type ${type}`;
    found = ROLE_DEFINITIONS.find((d) => d.RoleTypeKind === type);
  } else if (which.name === 'getbyid') {
    const id = principalIdOf(which);
    what = `with id ${id}`;
    found = roleDefinition(id);
  } else if (which.name === 'getbyname') {
    const name = (which.arg ?? '')
      .trim()
      .replace(/^'(.*)'$/s, '$1')
      .replace(/''/g, "'");
    what = `named '${name}'`;
    found = ROLE_DEFINITIONS.find((d) => d.Name.toLowerCase() === name.toLowerCase());
  } else {
    throw notEmulated(req.endpoint);
  }
  if (!found) throw roleDefinitionNotFound(what);
  return {
    status: 200,
    fragment: 'SP.ApiData.RoleDefinitions/@Element',
    body: json(found),
  };
}

/** What the permission endpoints of a list or an item need from the router. */
interface SecurityRequest {
  readonly state: SiteState;
  readonly user: SiteUser;
  readonly method: string;
  /** Segments after `items(N)` (or after the list). */
  readonly segments: readonly PathSegment[];
  readonly webUrl: string;
  readonly metadata: MetadataLevel;
  readonly options: (allowed: readonly string[]) => Map<string, string>;
  readonly endpoint: string;
}

/** What the item permission endpoints need from the router. */
export interface ItemSecurityRequest extends SecurityRequest {
  readonly list: ListState;
  readonly item: ListItemRecord;
}

/** What the list permission endpoints need from the router. */
export interface ListSecurityRequest extends SecurityRequest {
  readonly list: ListState;
}

/** An object with role assignments of its own or inherited: a list or an item. */
interface Securable {
  /** Its `_api` path, e.g. `Web/Lists(guid'…')/Items(3)`. */
  readonly path: string;
  /** Its own assignments; undefined while it inherits. */
  own(): RoleAssignmentRecord[] | undefined;
  setOwn(assignments: RoleAssignmentRecord[] | undefined): void;
  /** The assignments that apply to it (its own, or its parent's). */
  current(): RoleAssignmentRecord[];
}

function principalExists(state: SiteState, id: number): boolean {
  return state.users.some((u) => u.Id === id) || state.groups.some((g) => g.Id === id);
}

function roleAssignmentJson(
  req: SecurityRequest,
  target: Securable,
  principalId: number,
  bindings: readonly RoleAssignmentRecord[],
  expand: boolean,
): JsonObject {
  const path = `${target.path}/RoleAssignments/GetByPrincipalId(${principalId})`;
  const json: JsonObject =
    req.metadata === 'none'
      ? {}
      : {
          'odata.type': 'SP.RoleAssignment',
          'odata.id': `${req.webUrl}/_api/${path}`,
          'odata.editLink': path,
        };
  json.PrincipalId = principalId;
  if (expand) {
    json.RoleDefinitionBindings = bindings
      .map((b) => roleDefinition(b.roleDefId))
      .filter((d): d is RoleDefinition => d !== undefined)
      .map((d) => roleDefinitionJson(req.webUrl, d, req.metadata));
  }
  return json;
}

function expandsBindings(options: Map<string, string>): boolean {
  const names = (options.get('$expand') ?? '')
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '');
  for (const name of names) {
    if (name !== 'RoleDefinitionBindings') {
      throw unsupportedQuery(`$expand=${name} on role assignments is not emulated`);
    }
  }
  return names.length > 0;
}

/**
 * Item permission endpoints: `breakroleinheritance(copyroleassignments, clearsubscopes)`,
 * `resetroleinheritance`, `HasUniqueRoleAssignments`, and under `roleassignments`:
 * the collection (GET), `addroleassignment(principalid, roledefid)`,
 * `removeroleassignment(principalid, roledefid)`, `getbyprincipalid(P)` / `roleassignments(P)`
 * (GET, DELETE). Changing or listing assignments needs ManagePermissions / EnumeratePermissions
 * (Full Control) on the item.
 */
export function itemSecurityEndpoint(req: ItemSecurityRequest): SecurityAnswer {
  const { state, list, item } = req;
  return securityEndpoint(req, {
    path: `Web/Lists(guid'${list.id}')/Items(${item.Id})`,
    own: () => item.uniqueRoleAssignments,
    setOwn: (assignments) => {
      if (assignments) item.uniqueRoleAssignments = assignments;
      else delete item.uniqueRoleAssignments;
    },
    current: () => itemAssignments(state, list, item),
  });
}

/**
 * The same permission endpoints on a list (`lists/getByTitle('…')/breakroleinheritance(…)`,
 * `…/roleassignments…`); a list inherits the site's assignments until its inheritance is broken.
 */
export function listSecurityEndpoint(req: ListSecurityRequest): SecurityAnswer {
  const { state, list } = req;
  return securityEndpoint(req, {
    path: `Web/Lists(guid'${list.id}')`,
    own: () => list.roleAssignments,
    setOwn: (assignments) => {
      if (assignments) list.roleAssignments = assignments;
      else delete list.roleAssignments;
    },
    current: () => listAssignments(state, list),
  });
}

function securityEndpoint(req: SecurityRequest, target: Securable): SecurityAnswer {
  const { state, user, method } = req;
  const [first, second, ...more] = req.segments;
  if (!first || more.length > 0) throw notEmulated(req.endpoint);
  const current = (): RoleAssignmentRecord[] => target.current();
  const only = (...methods: string[]): void => {
    if (!methods.includes(method)) throw methodNotAllowed(method, req.endpoint);
  };
  const manage = (): RoleAssignmentRecord[] => {
    demandPermission(state, user, current(), PERMISSION.managePermissions);
    const own = target.own();
    if (!own) throw inheritsPermissions();
    return own;
  };

  if (first.name === 'hasuniqueroleassignments' && first.arg === null && !second) {
    only('GET');
    req.options([]);
    return {
      status: 200,
      fragment: 'Edm.Boolean',
      body: { value: target.own() !== undefined },
    };
  }

  if (first.name === 'breakroleinheritance' && !second) {
    only('POST');
    req.options([]);
    const args = methodArgs(first, ['copyroleassignments', 'clearsubscopes']);
    const copy = booleanArg(args, 'copyroleassignments', true);
    // clearSubscopes: a list item has no children; on a list, items keep their own permissions
    // here (SharePoint would reset them when it is true).
    booleanArg(args, 'clearsubscopes', false);
    demandPermission(state, user, current(), PERMISSION.managePermissions);
    // An object that already has unique permissions is left as it is.
    if (target.own()) return VOID;
    target.setOwn(
      copy
        ? current().map((a) => ({ ...a }))
        : // Without a copy, SharePoint gives the caller the level needed to manage the object.
          [{ principalId: user.Id, roleDefId: ROLE_DEFINITION_IDS.fullControl }],
    );
    return VOID;
  }

  if (first.name === 'resetroleinheritance' && first.arg === null && !second) {
    only('POST');
    req.options([]);
    demandPermission(state, user, current(), PERMISSION.managePermissions);
    if (!target.own()) return VOID;
    target.setOwn(undefined);
    return VOID;
  }

  if (first.name !== 'roleassignments') throw notEmulated(req.endpoint);

  // roleassignments(P) addresses one principal's assignment, as getbyprincipalid(P) does.
  const principalSegment =
    first.arg !== null ? first : second?.name === 'getbyprincipalid' ? second : null;
  if (principalSegment) {
    if (first.arg !== null && second) throw notEmulated(req.endpoint);
    const principalId = principalIdOf(principalSegment);
    if (method === 'GET') {
      const expand = expandsBindings(req.options(['$expand']));
      demandPermission(state, user, current(), PERMISSION.enumeratePermissions);
      const bindings = current().filter((a) => a.principalId === principalId);
      if (bindings.length === 0) throw principalNotFound(principalId);
      return {
        status: 200,
        fragment: 'SP.ApiData.RoleAssignments/@Element',
        body: roleAssignmentJson(req, target, principalId, bindings, expand),
      };
    }
    only('DELETE');
    req.options([]);
    const own = manage();
    if (!own.some((a) => a.principalId === principalId)) throw principalNotFound(principalId);
    target.setOwn(own.filter((a) => a.principalId !== principalId));
    return VOID;
  }

  if (!second) {
    only('GET');
    const expand = expandsBindings(req.options(['$expand']));
    demandPermission(state, user, current(), PERMISSION.enumeratePermissions);
    const byPrincipal = new Map<number, RoleAssignmentRecord[]>();
    for (const a of current())
      byPrincipal.set(a.principalId, [...(byPrincipal.get(a.principalId) ?? []), a]);
    const value: Json[] = [...byPrincipal].map(([id, bindings]) =>
      roleAssignmentJson(req, target, id, bindings, expand),
    );
    return { status: 200, fragment: 'SP.ApiData.RoleAssignments', body: { value } };
  }

  if (second.name === 'addroleassignment' || second.name === 'removeroleassignment') {
    only('POST');
    req.options([]);
    const args = methodArgs(second, ['principalid', 'roledefid']);
    const principalId = numberArgOf(args, 'principalid', second);
    const roleDefId = numberArgOf(args, 'roledefid', second);
    const own = manage();
    const has = own.some((a) => a.principalId === principalId && a.roleDefId === roleDefId);
    if (second.name === 'removeroleassignment') {
      if (!has) return VOID;
      target.setOwn(own.filter((a) => a.principalId !== principalId || a.roleDefId !== roleDefId));
      return VOID;
    }
    if (!principalExists(state, principalId)) throw principalNotFound(principalId);
    if (!roleDefinition(roleDefId)) throw roleDefinitionNotFound(`with id ${roleDefId}`);
    if (has) return VOID;
    target.setOwn([...own, { principalId, roleDefId }]);
    return VOID;
  }

  throw notEmulated(req.endpoint);
}
