import type { ListDefinition } from '../adapters/sharepoint/schema';

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
}

export interface ListState {
  /** List GUID. */
  readonly id: string;
  readonly definition: ListDefinition;
  nextItemId: number;
  items: ListItemRecord[];
}

export interface SiteState {
  readonly title: string;
  readonly users: SiteUser[];
  readonly groups: SiteGroup[];
  readonly lists: ListState[];
  /** The user a request without the local sign-in cookie is served as. */
  readonly defaultUserId: number;
}
