import type { SPFI } from '@pnp/sp';
import '@pnp/sp/batching';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/security';
import '@pnp/sp/site-groups/web';
import '@pnp/sp/site-users/web';
import '@pnp/sp/webs';
import { z } from 'zod/mini';
import { mapFailures } from './errors';
import { COORDINATOR_GROUP, FOLLOW_UP_LIST, READER_GROUP } from './schema';

/** SharePoint's RoleType values (`roledefinitions/getbytype(N)`). */
/** SP.RoleType of the built-in permission levels the app grants. */
export const ROLE_TYPE = { reader: 2, contributor: 3, administrator: 5 } as const;

const withId = z.object({ Id: z.number() });

/** The site groups that item permissions name. */
export interface PermissionGroups {
  /** Full Control on every follow-up. */
  readonly coordinators: string;
  /** Read on every follow-up (unique items no longer inherit the list's readers). */
  readonly readers: string;
}

/**
 * Runs a batch and throws the first failure of its requests. The requests are settled before the
 * batch runs, so a failing part is never an unhandled rejection.
 */
async function runBatch(
  execute: () => Promise<void>,
  requests: readonly Promise<unknown>[],
): Promise<void> {
  const settled = Promise.allSettled(requests);
  await execute();
  const failed = (await settled).find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/**
 * Item-level permissions of "Uppföljning handlingsplaner", so that SharePoint itself (not only
 * the app's UI) enforces who may write a follow-up: its owners while the period is open, the
 * coordinators always; everyone else reads.
 *
 * Every secured follow-up is one unique permission scope. SharePoint allows 50,000 per list and
 * recommends at most 5,000; about 20 plans × 3 periods a year is some 60 scopes a year, far
 * below. Should that change (hundreds of plans), a folder per plan with unique permissions and
 * items inheriting from it scales further.
 *
 * Needs Manage Permissions on the item (a coordinator: the coordinator group holds Full Control on
 * the list and on every secured item), and the two groups to exist in the site.
 */
export class SharePointItemPermissions {
  constructor(
    private readonly sp: SPFI,
    private readonly groups: PermissionGroups = {
      coordinators: COORDINATOR_GROUP,
      readers: READER_GROUP,
    },
  ) {}

  /**
   * Gives a follow-up its own permissions: the coordinator group Full Control, the reader group
   * Read, and the owners Contribute (`open`) or Read (`locked`, so owners cannot change a closed
   * period). Replaces whatever the item had, so calling it again after the owners changed takes
   * the old owners' rights away. Two requests: one batch of look-ups (groups, role definitions,
   * the caller), one batch of writes. Batches are not transactional: when a write fails, the
   * item may be left inheriting the list's permissions or with fewer rights than intended, and
   * the call fails (a StoreFailure); calling it again repairs the item.
   */
  secureFollowUp(
    itemId: number,
    ownerIds: readonly number[],
    mode: 'open' | 'locked',
  ): Promise<void> {
    return mapFailures(async () => {
      const ownerType = mode === 'open' ? ROLE_TYPE.contributor : ROLE_TYPE.reader;
      const [lookup, runLookups] = this.sp.batched();
      const idOf = (request: Promise<unknown>) => request.then((raw) => withId.parse(raw).Id);
      const coordinators = idOf(
        lookup.web.siteGroups.getByName(this.groups.coordinators).select('Id')(),
      );
      const readers = idOf(lookup.web.siteGroups.getByName(this.groups.readers).select('Id')());
      const caller = idOf(lookup.web.currentUser.select('Id')());
      const fullControl = idOf(
        lookup.web.roleDefinitions.getByType(ROLE_TYPE.administrator).select('Id')(),
      );
      const read = idOf(lookup.web.roleDefinitions.getByType(ROLE_TYPE.reader).select('Id')());
      const ownerRole =
        ownerType === ROLE_TYPE.reader
          ? read
          : idOf(lookup.web.roleDefinitions.getByType(ownerType).select('Id')());
      const lookups = [coordinators, readers, caller, fullControl, read, ownerRole] as const;
      await runBatch(runLookups, lookups);
      const [coordinatorId, readerId, callerId, fullControlId, readId, ownerRoleId] =
        await Promise.all(lookups);

      const [batched, runWrites] = this.sp.batched();
      const item = batched.web.lists.getByTitle(FOLLOW_UP_LIST.title).items.getById(itemId);
      const writes: Promise<unknown>[] = [
        // Back to the list's permissions first: breaking inheritance of an item that already
        // has unique permissions changes nothing, and the old owners must lose their rights.
        item.resetRoleInheritance(),
        // No copy: the list's assignments (which may grant members more) do not carry over.
        item.breakRoleInheritance(false, true),
        item.roleAssignments.add(coordinatorId, fullControlId),
        item.roleAssignments.add(readerId, readId),
        ...[...new Set(ownerIds)].map((ownerId) => item.roleAssignments.add(ownerId, ownerRoleId)),
        // Breaking without a copy gave the caller Full Control in person; the group holds it.
        item.roleAssignments.remove(callerId, fullControlId),
      ];
      await runBatch(runWrites, writes);
    });
  }
}
