import type { SPFI } from '@pnp/sp';
import '@pnp/sp/batching';
import '@pnp/sp/security';
import type { FollowUp, FollowUpInput, PlanKey } from '../../domain/follow-up';
import { compareNewestFirst, type Period, type PeriodKey } from '../../domain/period';
import type {
  FollowUpRepository,
  PeriodRepository,
  SessionPort,
  StartupPort,
} from '../../domain/ports';
import type { SaveIntent, Viewer } from '../../domain/rules';
import { StoreFailure } from '../../domain/errors';
import { mapFailures, toStoreFailure } from './errors';
import {
  FOLLOW_UP_EXPAND,
  FOLLOW_UP_SELECT,
  followUpFromItem,
  followUpsFromItems,
  inputToFields,
  PERIOD_SELECT,
  periodFromItem,
  reviewToFields,
  upnFromLogin,
  commentFromItem,
  OVER_TIME_EXPAND,
  OVER_TIME_SELECT,
  overTimeItemsFromItems,
} from './item-mapping';
import type { OverTimeItem } from '../../domain/over-time';
import { basePermissionsSchema, roleFromPermissions } from './coordinator-role';
import { FOLLOW_UP_LIST, PERIOD_LIST } from './schema';
import { z } from 'zod/mini';

/** OData string literal: single quotes doubled. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** Largest page SharePoint serves; a period holds tens of plans, so one page is the norm. */
const PAGE_SIZE = 5000;

/** Periods from "Uppföljningsperioder", newest first, in one request. */
export class SharePointPeriodRepository implements PeriodRepository {
  constructor(private readonly sp: SPFI) {}

  list(): Promise<Period[]> {
    return mapFailures(() => readPeriods(this.sp));
  }
}

async function readPeriods(sp: SPFI): Promise<Period[]> {
  const items: unknown[] = await sp.web.lists
    .getByTitle(PERIOD_LIST.title)
    .items.select(...PERIOD_SELECT)
    .top(500)();
  return items
    .map(periodFromItem)
    .filter((p): p is Period => p !== null)
    .sort(compareNewestFirst);
}

/** Follow-ups from "Uppföljning handlingsplaner", filtered on the indexed PeriodKey column. */
export class SharePointFollowUpRepository implements FollowUpRepository {
  constructor(
    private readonly sp: SPFI,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private get list() {
    return this.sp.web.lists.getByTitle(FOLLOW_UP_LIST.title);
  }

  listForPeriods(periods: readonly PeriodKey[]): Promise<FollowUp[]> {
    if (periods.length === 0) return Promise.resolve([]);
    return this.query(periods.map((key) => `PeriodKey eq ${odataString(key)}`).join(' or '));
  }

  /** One filtered query on an indexed column, following paging when a result spans pages. */
  private query(filter: string): Promise<FollowUp[]> {
    return mapFailures(async () => {
      const query = this.list.items
        .select(...FOLLOW_UP_SELECT)
        .expand(...FOLLOW_UP_EXPAND)
        .filter(filter)
        .top(PAGE_SIZE);
      const items: unknown[] = [];
      // Follows odata.nextLink when a (very large) period spans pages.
      for await (const page of query) {
        items.push(...(page as unknown[]));
      }
      return followUpsFromItems(items);
    });
  }

  listForPlan(planKey: PlanKey): Promise<FollowUp[]> {
    return this.query(`PlanKey eq ${odataString(planKey)}`);
  }

  /** All periods' follow-ups with only the fields "Över tid" shows; unfiltered, so paged. */
  listOverTime(): Promise<OverTimeItem[]> {
    return mapFailures(async () => {
      const query = this.list.items
        .select(...OVER_TIME_SELECT)
        .expand(...OVER_TIME_EXPAND)
        .top(PAGE_SIZE);
      const items: unknown[] = [];
      for await (const page of query) {
        items.push(...(page as unknown[]));
      }
      return overTimeItemsFromItems(items);
    });
  }

  readComment(itemId: number): Promise<string> {
    return mapFailures(async () => {
      const item: unknown = await this.list.items.getById(itemId).select('Id', 'Comment')();
      return commentFromItem(item);
    });
  }

  review(
    followUp: Pick<FollowUp, 'itemId' | 'version'>,
    decision: { readonly state: 'approved' | 'returned'; readonly comment: string },
  ): Promise<FollowUp> {
    return mapFailures(async () => {
      const item = this.list.items.getById(followUp.itemId);
      await item.update(reviewToFields(decision), followUp.version);
      const saved: unknown = await item.select(...FOLLOW_UP_SELECT).expand(...FOLLOW_UP_EXPAND)();
      return followUpFromItem(saved);
    });
  }

  saveInput(
    followUp: Pick<FollowUp, 'itemId' | 'version'>,
    input: FollowUpInput,
    intent: SaveIntent,
    by: Viewer,
  ): Promise<FollowUp> {
    return mapFailures(async () => {
      const item = this.list.items.getById(followUp.itemId);
      // The ETag the user started from: SharePoint answers 412 when someone saved since.
      await item.update(inputToFields(input, intent, by, this.now()), followUp.version);
      // Read back what SharePoint now holds (new ETag, normalized HTML, submitter). The change
      // is saved whatever happens now: a failure here is "unconfirmed", never a failed save
      // (retrying the write with the old ETag would meet our own change as a conflict).
      let saved: unknown;
      try {
        saved = await item.select(...FOLLOW_UP_SELECT).expand(...FOLLOW_UP_EXPAND)();
      } catch (error) {
        throw new StoreFailure('unconfirmed', 'Saved, but the read-back failed', {
          cause: toStoreFailure(error),
        });
      }
      return followUpFromItem(saved);
    });
  }
}

const currentUserSchema = z.object({
  Id: z.number(),
  Title: z.nullish(z.string()),
  LoginName: z.nullish(z.string()),
});

/** The signed-in user, with the role from their permissions on the lists, in one request. */
export class SharePointSession implements SessionPort {
  constructor(private readonly sp: SPFI) {}

  currentViewer(): Promise<Viewer> {
    return mapFailures(async () => {
      const [batched, execute] = this.sp.batched();
      const viewer = readViewer(batched);
      // Settled before execute() resolves; a failed part rejects `viewer`, not execute().
      viewer.catch(() => undefined);
      await execute();
      return viewer;
    });
  }
}

/**
 * The user and their effective permissions on both lists: three requests, meant for a batch
 * (they are all made before the first await, so a batched client sends them together).
 */
async function readViewer(sp: SPFI): Promise<Viewer> {
  const permissionsOn = (title: string) =>
    sp.web.lists
      .getByTitle(title)
      .getCurrentUserEffectivePermissions()
      .then((raw: unknown) => basePermissionsSchema.parse(raw));
  const [raw, periods, followUps] = await Promise.all([
    sp.web.currentUser.select('Id', 'Title', 'LoginName')(),
    permissionsOn(PERIOD_LIST.title),
    permissionsOn(FOLLOW_UP_LIST.title),
  ]);
  const user = currentUserSchema.parse(raw);
  return {
    id: user.Id,
    name: user.Title ?? '',
    upn: upnFromLogin(user.LoginName),
    role: roleFromPermissions({ periods, followUps }),
  };
}

/**
 * What every screen needs first, in one `$batch` round trip: the signed-in user and every period.
 * With a bearer token (a tenant, and the local site's session token) no form digest is fetched
 * first, so a screen costs this batch plus its follow-ups: two requests.
 */
export class SharePointStartup implements StartupPort {
  constructor(private readonly sp: SPFI) {}

  viewerAndPeriods(): Promise<{ viewer: Viewer; periods: Period[] }> {
    return mapFailures(async () => {
      const [batched, execute] = this.sp.batched();
      const viewer = readViewer(batched);
      const periods = readPeriods(batched);
      // Both settle before execute() resolves; a failed part rejects its own promise.
      const both = Promise.all([viewer, periods]);
      await execute();
      const [v, p] = await both;
      return { viewer: v, periods: p };
    });
  }
}
