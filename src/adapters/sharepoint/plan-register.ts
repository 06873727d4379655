import type { SPFI } from '@pnp/sp';
import '@pnp/sp/batching';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/webs';
import { z } from 'zod/mini';
import { StoreFailure } from '../../domain/errors';
import { UNANSWERED, type FollowUp, type Person, type PlanKey } from '../../domain/follow-up';
import type { Period, PeriodKey } from '../../domain/period';
import {
  nextSortOrder,
  normalizePlanDraft,
  ownersChanged,
  planKeyFor,
  validatePlanDraft,
  endingFields,
  endingPeriods,
  undoEndingBlock,
  undoneEndingFields,
  type PlanDraft,
  type PlanEnding,
} from '../../domain/plan-register';
import type { PersonCandidate, PlanRegister } from '../../domain/ports';
import { mapFailures } from './errors';
import {
  FOLLOW_UP_EXPAND,
  FOLLOW_UP_SELECT,
  followUpFromItem,
  newFollowUpToFields,
} from './item-mapping';
import type * as PeopleSearch from './people-search';
import { SharePointItemPermissions } from './permissions';
import { odataString } from './sharepoint-repositories';
import { FOLLOW_UP_LIST, LIFECYCLE_CHOICES, PERIOD_LIST, PERIOD_STATE_CHOICES } from './schema';

const periodState = z.object({ State: z.nullish(z.string()) });
const planKeyItem = z.object({ PlanKey: z.nullish(z.string()) });
const createdId = z.object({ Id: z.number() });
const periodKeyItem = z.object({ PeriodKey: z.nullish(z.string()) });
const sortOrderItem = z.object({ SortOrder: z.nullish(z.number()) });

/** The fields a plan's data is stored in. */
function planFields(draft: PlanDraft): Record<string, unknown> {
  return {
    Title: draft.title,
    Validity: draft.validity,
    Decision: draft.decision,
    DiaryNumber: draft.diaryNumber,
    PlanDocument: draft.documentUrl ? { Description: draft.title, Url: draft.documentUrl } : null,
    OwnersId: draft.owners.map((o) => o.id),
  };
}

function invalid(draft: PlanDraft): StoreFailure | null {
  const issues = validatePlanDraft(draft);
  if (issues.length === 0) return null;
  const fields = issues.map((i) => `${i.field}: ${i.code}`).join(', ');
  return new StoreFailure('invalid-data', `Invalid plan (${fields})`);
}

/**
 * The plan register against "Uppföljning handlingsplaner". Before a write, the period's state is
 * read: a locked period's follow-ups are refused ('forbidden') without sending anything. A new
 * plan, and a plan whose owners change, gets its item permissions set again (owners write).
 */
export class SharePointPlanRegister implements PlanRegister {
  constructor(
    private readonly sp: SPFI,
    private readonly permissions: SharePointItemPermissions = new SharePointItemPermissions(sp),
  ) {}

  private get list() {
    return this.sp.web.lists.getByTitle(FOLLOW_UP_LIST.title);
  }

  private async read(itemId: number): Promise<FollowUp> {
    const raw: unknown = await this.list.items
      .getById(itemId)
      .select(...FOLLOW_UP_SELECT)
      .expand(...FOLLOW_UP_EXPAND)();
    return followUpFromItem(raw);
  }

  /** Refuses periods that are locked (or unknown), from their current state in SharePoint. */
  private async assertOpen(keys: readonly PeriodKey[]): Promise<void> {
    for (const key of new Set(keys)) {
      const items: unknown[] = await this.sp.web.lists
        .getByTitle(PERIOD_LIST.title)
        .items.select('State')
        .filter(`PeriodKey eq ${odataString(key)}`)
        .top(1)();
      const state = periodState.safeParse(items[0]);
      if (!state.success) throw new StoreFailure('not-found', `Period ${key} not found`);
      if (state.data.State === PERIOD_STATE_CHOICES.locked) {
        throw new StoreFailure('forbidden', `Period ${key} is locked`);
      }
    }
  }

  /** The people search, with PnP's people picker module, loads when the register first asks. */
  private peopleModule?: Promise<typeof PeopleSearch>;
  private get people(): Promise<typeof PeopleSearch> {
    return (this.peopleModule ??= import('./people-search'));
  }

  searchPeople(query: string): Promise<PersonCandidate[]> {
    return mapFailures(async () => (await this.people).searchDirectory(this.sp, query));
  }

  ensurePerson(candidate: PersonCandidate): Promise<Person> {
    return mapFailures(async () => (await this.people).ensureSiteUser(this.sp, candidate));
  }

  addPlan(period: Pick<Period, 'key'>, draft: PlanDraft): Promise<FollowUp> {
    const failure = invalid(draft);
    if (failure) return Promise.reject(failure);
    const plan = normalizePlanDraft(draft);
    return mapFailures(async () => {
      await this.assertOpen([period.key]);
      // Keys of every period, so a new plan never takes an earlier (retired) plan's key.
      const keys: unknown[] = await this.list.items.select('PlanKey').top(5000)();
      const existing = keys.flatMap((k) => {
        const v = planKeyItem.safeParse(k);
        return v.success && v.data.PlanKey ? [v.data.PlanKey as PlanKey] : [];
      });
      const orders: unknown[] = await this.list.items
        .select('SortOrder')
        .filter(`PeriodKey eq ${odataString(period.key)}`)
        .top(5000)();
      const sortOrder = nextSortOrder(
        orders.flatMap((o) => {
          const v = sortOrderItem.safeParse(o);
          return v.success && typeof v.data.SortOrder === 'number'
            ? [{ sortOrder: v.data.SortOrder }]
            : [];
        }),
      );
      const created: unknown = await this.list.items.add(
        newFollowUpToFields({
          ...plan,
          documentUrl: plan.documentUrl || null,
          planKey: planKeyFor(plan.title, existing),
          periodKey: period.key,
          sortOrder,
          lifecycle: 'active',
          ...UNANSWERED,
        }),
      );
      const id = createdId.parse(created).Id;
      await this.permissions.secureFollowUp(
        id,
        plan.owners.map((o) => o.id),
        'open',
      );
      return this.read(id);
    });
  }

  updatePlan(followUp: FollowUp, change: PlanDraft): Promise<FollowUp> {
    const failure = invalid(change);
    if (failure) return Promise.reject(failure);
    const plan = normalizePlanDraft(change);
    return mapFailures(async () => {
      await this.assertOpen([followUp.periodKey]);
      // The version the coordinator started from: SharePoint answers 412 when it changed since.
      await this.list.items.getById(followUp.itemId).update(planFields(plan), followUp.version);
      if (ownersChanged(followUp.owners, plan.owners)) {
        await this.permissions.secureFollowUp(
          followUp.itemId,
          plan.owners.map((o) => o.id),
          'open',
        );
      }
      return this.read(followUp.itemId);
    });
  }

  reorder(changes: ReadonlyArray<{ followUp: FollowUp; sortOrder: number }>): Promise<void> {
    if (changes.length === 0) return Promise.resolve();
    return mapFailures(async () => {
      await this.assertOpen(changes.map((c) => c.followUp.periodKey));
      const [batched, execute] = this.sp.batched();
      const list = batched.web.lists.getByTitle(FOLLOW_UP_LIST.title);
      // Only the order changes: no ETag, so an owner's save in between is no conflict.
      const requests = changes.map((c) =>
        list.items.getById(c.followUp.itemId).update({ SortOrder: c.sortOrder }),
      );
      const settled = Promise.allSettled(requests);
      await execute();
      const failed = (await settled).find(
        (r): r is PromiseRejectedResult => r.status === 'rejected',
      );
      if (failed) throw failed.reason;
    });
  }

  end(followUp: FollowUp, ending: PlanEnding): Promise<FollowUp> {
    return mapFailures(async () => {
      const replacedBy = ending.kind === 'replaced' ? ending.replacedBy : null;
      if (
        !endingPeriods(followUp).includes(ending.from) ||
        (ending.kind === 'replaced' && (!replacedBy || replacedBy === followUp.planKey))
      ) {
        throw new StoreFailure('invalid-data', 'The ending is not valid for this plan.');
      }
      await this.assertOpen([followUp.periodKey]);
      const fields = endingFields(ending);
      await this.list.items.getById(followUp.itemId).update(
        {
          Lifecycle: LIFECYCLE_CHOICES[fields.lifecycle],
          LifecycleFrom: fields.lifecycleFrom,
          ReplacedBy: fields.replacedBy,
        },
        followUp.version,
      );
      return this.read(followUp.itemId);
    });
  }

  undoEnd(followUp: FollowUp): Promise<FollowUp> {
    return mapFailures(async () => {
      // Locked (or unknown) is refused first, as 'forbidden'.
      await this.assertOpen([followUp.periodKey]);
      // The periods as they now are (a few a year): a later one started without the plan.
      const rows: unknown[] = await this.sp.web.lists
        .getByTitle(PERIOD_LIST.title)
        .items.select('PeriodKey')
        .top(5000)();
      const periods = rows.flatMap((r) => {
        const row = periodKeyItem.safeParse(r);
        return row.success && row.data.PeriodKey ? [{ key: row.data.PeriodKey as PeriodKey }] : [];
      });
      const block = undoEndingBlock(followUp, { state: 'open' }, periods);
      if (block) throw new StoreFailure('invalid-data', `The ending cannot be undone (${block}).`);
      const fields = undoneEndingFields();
      await this.list.items.getById(followUp.itemId).update(
        {
          Lifecycle: LIFECYCLE_CHOICES[fields.lifecycle],
          LifecycleFrom: fields.lifecycleFrom,
          ReplacedBy: fields.replacedBy,
        },
        followUp.version,
      );
      return this.read(followUp.itemId);
    });
  }
}
