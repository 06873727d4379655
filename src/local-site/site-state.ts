import type { Directory } from './directory';
import type { GraphActivityNotification, GraphChatMessage } from './graph';

/**
 * The persisted state of the local SharePoint site: what a site holds (users, groups, lists with
 * their fields, views and items), in SharePoint's own terms. Serialized as JSON to the data file.
 */

export interface SiteUser {
  readonly Id: number;
  readonly Title: string;
  readonly Email: string;
  /** Claims login name as SharePoint Online has it: "i:0#.f|membership|<upn>". */
  readonly LoginName: string;
  /** The person's UPN; null for a principal that is an Entra security group. */
  readonly UserPrincipalName: string | null;
  readonly IsSiteAdmin: boolean;
  /** SP.Utilities.PrincipalType: 1 a user (the default), 4 an Entra security group. */
  readonly PrincipalType?: number;
  /**
   * Not stored: the principal ids of the Entra security groups on the site that the signed-in
   * user belongs to, as SharePoint knows them for a request (directory.ts `principalsOf`).
   */
  readonly viaGroupIds?: readonly number[];
  /**
   * Not stored: in token mode, the rights the token's delegated scopes allow (permissions.ts
   * `scopeRights`); every permission check intersects the user's own rights with it.
   */
  readonly scopeCap?: { readonly high: number; readonly low: number };
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
 * One list item. `fields` is keyed by internal name; values as SharePoint's REST shapes them:
 * User and Lookup fields hold an id (number), UserMulti and LookupMulti an array of ids,
 * MultiChoice an array of strings, Boolean true/false, URL `{ Description, Url }`, DateTime an
 * ISO UTC string, Number a number, Text/Note/Choice a string; missing = null.
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

/**
 * One field of a list as SharePoint keeps it: its `<Field>` element (field-schema.ts derives
 * the typed properties from it). Attributes in document order, values unescaped.
 */
export interface FieldRecord {
  /** Field GUID (no braces). */
  readonly Id: string;
  attributes: Array<[string, string]>;
  /** `<CHOICES>` of Choice and MultiChoice fields; null for other types. */
  choices: string[] | null;
  /** `<Default>` text; null when none. */
  defaultValue: string | null;
}

/** One public view of a list, with the properties SharePoint's `SP.View` has. */
export interface ViewRecord {
  /** View GUID (no braces). */
  readonly Id: string;
  Title: string;
  /** CAML inside `<Query>`: `<Where>`, `<GroupBy>`, `<OrderBy>`. */
  ViewQuery: string;
  /** Internal names of the view's columns, in order. */
  ViewFields: string[];
  RowLimit: number;
  /** View formatting (JSON text); '' when none, as SharePoint answers. */
  CustomFormatter: string;
  DefaultView: boolean;
}

/** One version of a file in a document library: its bytes and who saved it when. */
export interface FileVersionRecord {
  /** The major version (1, 2, …): `UIVersionLabel` is `"<n>.0"`, `UIVersion` n × 512. */
  readonly major: number;
  readonly created: string;
  readonly authorId: number;
  /** The bytes, base64. */
  readonly content: string;
}

/** A file in a document library (SharePoint's `SP.File`). */
export interface FileRecord {
  readonly UniqueId: string;
  /** The folder it is in, relative to the library's root folder ('' = the root folder). */
  folder: string;
  readonly Name: string;
  readonly TimeCreated: string;
  readonly AuthorId: number;
  /** Every version, oldest first; the last is the current one. */
  versions: FileVersionRecord[];
  /** The id of the file's list item (it shares the library's item ids). */
  readonly itemId: number;
  /** Checked out by this site user (`CheckOutType` 0, Online); absent = not checked out. */
  checkedOutById?: number;
  /**
   * A shared (co-authoring) lock held by this site user, as while they edit the file in Word:
   * SharePoint refuses others' saves with SPFileLockException. Set only by test states.
   */
  lockedById?: number;
}

/** A folder in a document library (SharePoint's `SP.Folder`). */
export interface FolderRecord {
  readonly UniqueId: string;
  /** Its path relative to the library's root folder, e.g. `Rapporter/2020`. */
  readonly path: string;
  readonly TimeCreated: string;
  readonly itemId: number;
}

/** What a document library (BaseTemplate 101) holds beyond a list's own state. */
export interface LibraryState {
  /** The root folder's name in the site's URL, e.g. `Shared Documents` (not localized). */
  readonly url: string;
  folders: FolderRecord[];
  files: FileRecord[];
}

export interface ListState {
  /** List GUID. */
  readonly id: string;
  /**
   * SharePoint's list template: absent = 100 (a custom list); 101 = a document library, which
   * then has `library`.
   */
  readonly BaseTemplate?: number;
  /** A document library's root folder, folders and files (BaseTemplate 101 only). */
  library?: LibraryState;
  Title: string;
  Description: string;
  /** When the list was made (ISO UTC). */
  readonly Created: string;
  /** The list's own fields (not the built-in ones every list has, item-json.ts). */
  fields: FieldRecord[];
  views: ViewRecord[];
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
  /**
   * Activity-feed notifications the local Graph accepted (graph.ts), oldest first. Absent =
   * none; a reset starts without.
   */
  activity?: GraphActivityNotification[];
  /**
   * The tenant's directory behind the site (Entra ID in SharePoint Online): the people and
   * security groups `ensureuser` and the people picker resolve, and that sign in. Absent = none;
   * then the site's people are its user information list alone.
   */
  directory?: Directory;
}
