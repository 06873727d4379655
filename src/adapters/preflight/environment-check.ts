import type { SPFI } from '@pnp/sp';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/security';
import '@pnp/sp/site-users/web';
import '@pnp/sp/webs';
import { PermissionKind } from '@pnp/sp/security';
import { hasPermissions } from '@pnp/sp/security/funcs.js';
import { z } from 'zod/mini';
import {
  missingLists,
  problemOf,
  rightsResult,
  scratchPeriodKey,
  type CheckEvent,
  type CheckId,
  type CheckProblem,
  type CheckResult,
  type Permission,
} from '../../domain/environment-check';
import type { Service } from '../../domain/errors';
import type { ChannelMessenger, EnvironmentCheck } from '../../domain/ports';
import type { ScopeProbe } from '../auth/token-provider';
import { basePermissionsSchema } from '../sharepoint/coordinator-role';
import { toStoreFailure } from '../sharepoint/errors';
import { upnFromLogin } from '../sharepoint/item-mapping';
import { odataString } from '../sharepoint/sharepoint-repositories';
import { FOLLOW_UP_LIST, PERIOD_LIST } from '../sharepoint/schema';

/** A delegated permission the preflight asks a token for: its full scope URI and how IT names it. */
export interface ConsentToCheck {
  /** Full scope URI, e.g. `https://graph.microsoft.com/ChannelMessage.Send`. */
  readonly scope: string;
  readonly permission: Permission;
}

export interface EnvironmentCheckOptions {
  /** The app's configured PnP client (the signed-in user's token). */
  readonly sp: SPFI;
  /** Graph's user look-up, as the reminders make it (`$batch` of `GET /users/{upn}`). */
  readonly users: Pick<ChannelMessenger, 'resolveUsers'>;
  /** Tokens per permission; absent in local mode, where there is no sign-in. */
  readonly probe?: ScopeProbe;
  /** The permissions the app asks for, per check. */
  readonly consents: {
    readonly sharePoint: ConsentToCheck;
    readonly users: ConsentToCheck;
    readonly channel: ConsentToCheck;
    readonly activity: ConsentToCheck;
  };
  /** The scratch item's random part (tests fix it). */
  readonly random?: () => string;
}

const titles = z.array(z.object({ Title: z.string() }));
const withId = z.object({ Id: z.number() });
const ids = z.array(withId);
const currentUser = z.object({
  Title: z.nullish(z.string()),
  LoginName: z.nullish(z.string()),
});

/** What a failed operation stands for, as a check's result. */
function failed(error: unknown, service: Service = 'sharepoint', permission?: Permission) {
  const failure = toStoreFailure(error, service);
  return {
    state: 'fail',
    problem: problemOf(
      { kind: failure.kind, service: failure.service, message: failure.message },
      permission,
    ),
  } as const satisfies CheckResult;
}

/**
 * "Kontrollera miljön" against SharePoint and Graph: every kind of operation the app needs,
 * tried once with the signed-in user's token, in order:
 * - the app's lists exist (`web/lists`), and whether the user may create them (Manage Lists);
 * - reading both lists (one item each) and the signed-in user (`web/currentuser`);
 * - writing: a scratch item added to "Uppföljningsperioder" and deleted at once (always, in
 *   `finally`, also found again by its marker when the add's answer was lost). Its PeriodKey is
 *   not a period key (`scratchPeriodKey`), and the app reads a period item only when its key
 *   parses, so it never reaches a screen, a report or a count. That list, not the follow-ups:
 *   every follow-up item is counted, listed in SharePoint's "Saknar svar" view and printed;
 *   a period item with a foreign key is dropped by the app's own reading;
 * - rights without changing anything: `EffectiveBasePermissions` of the site (Create Groups,
 *   Manage Lists) and of the follow-ups list (Manage Permissions, for item permissions);
 * - the user look-up of the reminders (Graph `/users/{upn}`, User.ReadBasic.All);
 * - each delegated permission's token, silently and afresh (`ScopeProbe`): nothing is sent.
 * A response that never came (a TypeError from fetch) is reported as CORS.
 */
export class SharePointEnvironmentCheck implements EnvironmentCheck {
  constructor(private readonly options: EnvironmentCheckOptions) {}

  async run(onEvent: (event: CheckEvent) => void): Promise<void> {
    const step = async (id: CheckId, check: () => Promise<CheckResult>) => {
      onEvent({ id, phase: 'running' });
      let result: CheckResult;
      try {
        result = await check();
      } catch (error) {
        result = failed(error);
      }
      onEvent({ id, phase: 'done', result });
      return result;
    };
    const { sp } = this.options;

    // Lists, and the site's rights (which the rights check reads again only if this failed).
    let present: string[] | null = null;
    let siteMask: z.infer<typeof basePermissionsSchema> | null = null;
    await step('lists', async () => {
      const [lists, rights] = await Promise.all([
        sp.web.lists.select('Title')(),
        sp.web.getCurrentUserEffectivePermissions(),
      ]);
      present = titles.parse(lists).map((l) => l.Title);
      siteMask = basePermissionsSchema.parse(rights);
      const missing = missingLists([FOLLOW_UP_LIST.title, PERIOD_LIST.title], present);
      if (missing.length === 0) {
        return {
          state: 'pass',
          note: { kind: 'lists', lists: [FOLLOW_UP_LIST.title, PERIOD_LIST.title] },
        };
      }
      return {
        state: 'fail',
        problem: {
          kind: 'missing-lists',
          lists: missing,
          canSetUp: hasPermissions(siteMask, PermissionKind.ManageLists),
        },
      };
    });
    const has = (title: string) =>
      present === null || present.some((t) => t.toLowerCase() === title.toLowerCase());
    const hasPeriods = has(PERIOD_LIST.title);
    const hasFollowUps = has(FOLLOW_UP_LIST.title);

    let upn: string | null = null;
    await step('read', async () => {
      const user = currentUser.parse(await sp.web.currentUser.select('Title', 'LoginName')());
      upn = upnFromLogin(user.LoginName) || null;
      const read = [
        ...(hasPeriods ? [PERIOD_LIST.title] : []),
        ...(hasFollowUps ? [FOLLOW_UP_LIST.title] : []),
      ];
      if (read.length === 0) return { state: 'skipped', reason: 'needs-lists' };
      for (const title of read) {
        ids.parse(await sp.web.lists.getByTitle(title).items.select('Id').top(1)());
      }
      return { state: 'pass', note: { kind: 'lists', lists: read } };
    });

    await step('write', () =>
      hasPeriods
        ? this.scratchWrite()
        : Promise.resolve({ state: 'skipped', reason: 'needs-lists' }),
    );

    await step('rights', async () => {
      const mask =
        siteMask ?? basePermissionsSchema.parse(await sp.web.getCurrentUserEffectivePermissions());
      const onItems = hasFollowUps
        ? basePermissionsSchema.parse(
            await sp.web.lists
              .getByTitle(FOLLOW_UP_LIST.title)
              .getCurrentUserEffectivePermissions(),
          )
        : mask;
      return rightsResult({
        site: {
          createGroups: hasPermissions(mask, PermissionKind.CreateGroups),
          manageLists: hasPermissions(mask, PermissionKind.ManageLists),
        },
        managePermissions: hasPermissions(onItems, PermissionKind.ManagePermissions),
      });
    });

    const { consents, probe } = this.options;
    await step('user-lookup', async () => {
      if (upn === null) return { state: 'skipped', reason: 'needs-user' };
      const key = upn;
      try {
        const found = (await this.options.users.resolveUsers([key])).get(key);
        if (!found) return { state: 'fail', problem: { kind: 'user-not-found', upn: key } };
        return { state: 'pass', note: { kind: 'user', displayName: found.displayName } };
      } catch (error) {
        return failed(error, 'graph', consents.users.permission);
      }
    });

    const consent = (id: CheckId, what: ConsentToCheck, service: Service) =>
      step(id, async () => {
        if (!probe) return { state: 'skipped', reason: 'local-mode' };
        try {
          await probe.tokenFor(what.scope);
          return { state: 'pass', note: { kind: 'permission', permission: what.permission } };
        } catch (error) {
          return failed(error, service, what.permission);
        }
      });
    await consent('consent-sharepoint', consents.sharePoint, 'sharepoint');
    await consent('consent-users', consents.users, 'graph');
    await consent('consent-channel', consents.channel, 'graph');
    await consent('consent-activity', consents.activity, 'graph');
  }

  /** Adds the scratch item and removes it, whatever happens in between. */
  private async scratchWrite(): Promise<CheckResult> {
    const list = this.options.sp.web.lists.getByTitle(PERIOD_LIST.title);
    const random = this.options.random ?? (() => crypto.randomUUID());
    const marker = scratchPeriodKey(random());
    let itemId: number | null = null;
    let outcome: ReturnType<typeof failed> | null = null;
    try {
      const added = withId.parse(
        await list.items.add({ Title: 'Miljökontroll (tas bort direkt)', PeriodKey: marker }),
      );
      itemId = added.Id;
    } catch (error) {
      outcome = failed(error);
    }
    // Clean-up: by id, or (when the add failed and may still have been stored) by its marker.
    let cleanup: CheckProblem | null = null;
    try {
      const toDelete =
        itemId !== null
          ? [itemId]
          : outcome?.problem.kind === 'forbidden'
            ? []
            : ids
                .parse(
                  await list.items
                    .select('Id')
                    .filter(`PeriodKey eq ${odataString(marker)}`)
                    .top(10)(),
                )
                .map((i) => i.Id);
      for (const id of toDelete) await list.items.getById(id).delete();
    } catch (error) {
      const failure = toStoreFailure(error);
      // What was not added need not be removed; a refused delete leaves the item behind.
      if (itemId !== null || failure.kind !== 'not-found') {
        cleanup = { kind: 'cleanup-failed', list: PERIOD_LIST.title, itemId };
      }
    }
    if (cleanup) return { state: 'fail', problem: cleanup };
    return outcome ?? { state: 'pass' };
  }
}
