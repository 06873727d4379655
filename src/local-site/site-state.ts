import type { ListDefinition } from '../adapters/sharepoint/schema';
import type { GraphChatMessage } from './graph';

/**
 * The persisted state of the local SharePoint site: what a site collection would hold for this
 * app (users, groups, lists with items). Serialized as JSON to the data file.
 */

export interface SiteUser {
  readonly Id: number;
  readonly Title: string;
  readonly Email: string;
  /** Claims login name as SharePoint Online has it: "i:0#.f|membership|<upn>". */
  readonly LoginName: string;
  readonly UserPrincipalName: string;
  readonly IsSiteAdmin: boolean;
}

export interface SiteGroup {
  readonly Id: number;
  readonly Title: string;
  readonly memberIds: readonly number[];
}

/**
 * One role assignment binding: a principal (a user's or a group's Id; they share one id space,
 * as in SharePoint) holds a role definition (`ROLE_DEFINITION_IDS` in permissions.ts). A principal
 * with several roles has several bindings.
 */
export interface RoleAssignmentRecord {
  readonly principalId: number;
  readonly roleDefId: number;
}

/**
 * One list item. `fields` is keyed by internal name; values as SharePoint stores them:
 * User fields hold a user id (number), UserMulti an array of ids, URL `{ Description, Url }`,
 * DateTime an ISO UTC string, Number a number, everything else a string; missing = null.
 */
export interface ListItemRecord {
  readonly Id: number;
  /** Item version: the ETag is `"<version>"`, rising by one with every update. */
  version: number;
  readonly Created: string;
  Modified: string;
  readonly AuthorId: number;
  EditorId: number;
  fields: Record<string, unknown>;
  /**
   * The item's own role assignments once its inheritance is broken; absent = the item inherits
   * the list's (SharePoint's `HasUniqueRoleAssignments` false).
   */
  uniqueRoleAssignments?: RoleAssignmentRecord[];
}

export interface ListState {
  /** List GUID. */
  readonly id: string;
  /**
   * What the list looks like: its fields (with display names, indexes, formatting) and public
   * views. Set-up's endpoints (list-schema.ts) replace it as they add and change fields and views.
   */
  definition: ListDefinition;
  nextItemId: number;
  items: ListItemRecord[];
  /**
   * The list's role assignments; absent = the list inherits the site's, which the emulation
   * takes as every site user holding Edit (so states without permission data let everyone
   * with the site read and write, as before permissions were emulated).
   */
  roleAssignments?: RoleAssignmentRecord[];
}

export interface SiteState {
  readonly title: string;
  readonly users: SiteUser[];
  readonly groups: SiteGroup[];
  readonly lists: ListState[];
  /**
   * The site's (web's) own role assignments; absent = every site user holds Edit (which includes
   * Manage Lists but not Create Groups). Lists without their own assignments inherit these.
   */
  roleAssignments?: RoleAssignmentRecord[];
  /** The user a request without the local sign-in cookie is served as. */
  readonly defaultUserId: number;
  /**
   * Channel messages the local Microsoft Graph emulation accepted (graph.ts), oldest first, as
   * Graph returned them. Absent = none; a reset starts without.
   */
  outbox?: GraphChatMessage[];
}
