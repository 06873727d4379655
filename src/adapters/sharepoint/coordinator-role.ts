import { hasPermissions } from '@pnp/sp/security/funcs.js';
import { PermissionKind, type IBasePermissions } from '@pnp/sp/security';
import { z } from 'zod/mini';
import type { Role } from '../../domain/rules';

/**
 * SP.BasePermissions as `EffectiveBasePermissions` answers it: two Int64 words, which JSON light
 * writes as strings ("2147483647") and verbose JSON as numbers.
 */
export const basePermissionsSchema = z.object({
  High: z.coerce.number(),
  Low: z.coerce.number(),
});

/** The signed-in user's effective permissions on the app's two lists. */
export interface ListPermissions {
  /** On "Uppföljningsperioder". */
  readonly periods: IBasePermissions;
  /** On "Uppföljning handlingsplaner". */
  readonly followUps: IBasePermissions;
}

/**
 * The role follows from what SharePoint lets the user do, not from a group list:
 * `currentuser/Groups` names only SharePoint groups the user is a direct member of, so a
 * coordinator who holds the role through an Entra security group in the coordinator group would
 * be missed, while effective permissions count every path (direct, SharePoint group, Entra group,
 * site collection admin).
 *
 * A coordinator must both edit the periods' items (lock, reopen, summary, log) and manage the
 * follow-ups' permissions (rollover and a new plan give each new item its own permissions; lock
 * and reopen change them). Editing alone is not enough: a site whose members hold Edit on the
 * lists (copied from the site at set-up) would make every member a coordinator whose rollover
 * then fails. The coordinator group's Full Control on both lists grants both; Read (owners,
 * readers) and Edit grant neither ManagePermissions.
 *
 * Bits: SP.PermissionKind EditListItems = 3, ManagePermissions = 26 (bit n-1 of the Low/High
 * words), https://learn.microsoft.com/dotnet/api/microsoft.sharepoint.client.permissionkind;
 * tested with PnPjs's `hasPermissions` (packages/sp/security/funcs.ts, taken from sp.js).
 */
export function roleFromPermissions(permissions: ListPermissions): Role {
  return hasPermissions(permissions.periods, PermissionKind.EditListItems) &&
    hasPermissions(permissions.followUps, PermissionKind.ManagePermissions)
    ? 'coordinator'
    : 'member';
}
