import type { SPFI } from '@pnp/sp';
import '@pnp/sp/batching';
import { StoreFailure } from '../../domain/errors';
import type { FollowUp } from '../../domain/follow-up';
import { firstPeriod, validateFirstPeriod, type FirstPeriodDraft } from '../../domain/first-period';
import { periodLabel, type Period, type PeriodKey, type PeriodState } from '../../domain/period';
import {
  validatePeriodChange,
  validateReopenReason,
  type PeriodChange,
} from '../../domain/period-change';
import { appendPeriodLog, type PeriodLogEntry } from '../../domain/period-log';
import type { PeriodAdmin, RolloverResult } from '../../domain/ports';
import { rollover, type NewFollowUp, type NewPeriod, type Viewer } from '../../domain/rules';
import { mapFailures, toStoreFailure } from './errors';
import {
  dateToSharePoint,
  newFollowUpToFields,
  newPeriodToFields,
  PERIOD_SELECT,
  periodFromItem,
} from './item-mapping';
import { SharePointItemPermissions } from './permissions';
import {
  FOLLOW_UP_LIST,
  LEGEND_PLACEMENT_CHOICES,
  PERIOD_LIST,
  PERIOD_STATE_CHOICES,
} from './schema';
import { z } from 'zod/mini';

const createdId = z.object({ Id: z.number() });
const logItem = z.object({ 'odata.etag': z.string(), Log: z.nullish(z.string()) });

/** SharePoint's answer when a unique column already holds the value. */
function isDuplicate(error: unknown): boolean {
  const text = error instanceof Error ? error.message : String(error);
  return /SPDuplicateValuesFoundException|duplicate values/i.test(text);
}

/**
 * Period operations against the SharePoint lists. Writes that belong together go in one `$batch`
 * (not transactional in SharePoint: each part succeeds or fails on its own, so the result counts
 * both, and a failure other than "already exists" is reported). New follow-ups then get item
 * permissions (owners write, everyone else reads): two more requests per new item.
 */
export class SharePointPeriodAdmin implements PeriodAdmin {
  constructor(
    private readonly sp: SPFI,
    private readonly permissions: SharePointItemPermissions = new SharePointItemPermissions(sp),
    private readonly now: () => Date = () => new Date(),
  ) {}

  private periodItem(itemId: number) {
    return this.sp.web.lists.getByTitle(PERIOD_LIST.title).items.getById(itemId);
  }

  /** The period as SharePoint now holds it (new ETag, log). */
  private async readPeriod(itemId: number): Promise<Period> {
    const raw: unknown = await this.periodItem(itemId).select(...PERIOD_SELECT)();
    const period = periodFromItem(raw);
    if (!period) throw new StoreFailure('invalid-data', `Period item ${itemId} is not a period`);
    return period;
  }

  /**
   * Sets the period's state against its ETag, then the item permissions of each of its
   * follow-ups (owners Read when locked, Contribute when open), then logs. Not transactional: a
   * failure part-way leaves some follow-ups unchanged and the call fails; locking or reopening
   * again (from the reloaded period) repairs them, as securing an item is idempotent.
   */
  private changeState(
    period: Period,
    followUps: readonly FollowUp[],
    state: PeriodState,
    entry: PeriodLogEntry,
  ): Promise<Period> {
    return mapFailures(async () => {
      await this.periodItem(period.itemId).update(
        { State: PERIOD_STATE_CHOICES[state] },
        period.version,
      );
      for (const f of followUps.filter((f) => f.periodKey === period.key)) {
        await this.permissions.secureFollowUp(
          f.itemId,
          f.owners.map((o) => o.id),
          state === 'locked' ? 'locked' : 'open',
        );
      }
      await this.appendLog(period, entry);
      return this.readPeriod(period.itemId);
    });
  }

  lock(period: Period, followUps: readonly FollowUp[], by: Viewer): Promise<Period> {
    return this.changeState(period, followUps, 'locked', {
      kind: 'locked',
      at: this.now().toISOString(),
      by: by.name,
    });
  }

  reopen(
    period: Period,
    followUps: readonly FollowUp[],
    by: Viewer,
    reason: string,
  ): Promise<Period> {
    if (validateReopenReason(reason)) {
      return Promise.reject(new StoreFailure('invalid-data', 'A reopening needs a reason'));
    }
    return this.changeState(period, followUps, 'open', {
      kind: 'reopened',
      at: this.now().toISOString(),
      by: by.name,
      reason: reason.trim(),
    });
  }

  updatePeriod(period: Period, change: PeriodChange): Promise<Period> {
    const issues = validatePeriodChange(change);
    if (issues.length > 0) {
      const fields = issues.map((i) => `${i.field}: ${i.code}`).join(', ');
      return Promise.reject(new StoreFailure('invalid-data', `Invalid period change (${fields})`));
    }
    return mapFailures(async () => {
      const fields: Record<string, unknown> = {
        ...(change.dueDate !== undefined
          ? { DueDate: dateToSharePoint(change.dueDate.trim()) }
          : {}),
        ...(change.summary !== undefined ? { Summary: change.summary } : {}),
        ...(change.introduction !== undefined
          ? { ReportIntroduction: change.introduction.trim() }
          : {}),
        ...(change.legendPlacement !== undefined
          ? { LegendPlacement: LEGEND_PLACEMENT_CHOICES[change.legendPlacement] }
          : {}),
        ...(change.report !== undefined
          ? {
              ReportUnit: change.report.unit.trim(),
              ReportContact: change.report.contact.trim(),
              ReportDate: change.report.date.trim(),
              ReportDiaryNumber: change.report.diaryNumber.trim(),
            }
          : {}),
      };
      // The ETag the coordinator started from: SharePoint answers 412 when someone changed the
      // period since (another coordinator, a reminder logged, a lock).
      if (Object.keys(fields).length > 0) {
        await this.periodItem(period.itemId).update(fields, period.version);
      }
      return this.readPeriod(period.itemId);
    });
  }

  createFirst(draft: FirstPeriodDraft): Promise<Period> {
    return mapFailures(async () => {
      // Asked afresh, not taken from the screen: another coordinator may have been first.
      const existing: unknown = await this.sp.web.lists
        .getByTitle(PERIOD_LIST.title)
        .items.select('Id', 'PeriodKey')
        .top(1)();
      const periods = z.array(z.object({ PeriodKey: z.nullish(z.string()) })).parse(existing);
      const issues = validateFirstPeriod(
        draft,
        periods.map((p) => ({ key: (p.PeriodKey ?? '') as PeriodKey })),
      );
      if (issues.length > 0) {
        const fields = issues.map((i) => `${i.field}: ${i.code}`).join(', ');
        throw new StoreFailure('invalid-data', `Invalid first period (${fields})`);
      }
      const period = firstPeriod(draft);
      const created = createdId.parse(
        await this.sp.web.lists
          .getByTitle(PERIOD_LIST.title)
          .items.add(newPeriodToFields(period, periodLabel(period))),
      );
      return this.readPeriod(created.Id);
    });
  }

  importPeriod(
    period: NewPeriod,
    followUps: readonly NewFollowUp[],
    onProgress: (done: number, total: number) => void = () => undefined,
  ): Promise<Period> {
    return mapFailures(async () => {
      // Asked afresh: the key may have been taken since the preview (another coordinator, a
      // rollover). The unique PeriodKey column refuses a duplicate too, but only after the
      // follow-ups would have been sent in the same batch.
      const existing: unknown = await this.sp.web.lists
        .getByTitle(PERIOD_LIST.title)
        .items.select('Id')
        .filter(`PeriodKey eq '${period.key}'`)
        .top(1)();
      if (z.array(createdId).parse(existing).length > 0) {
        throw new StoreFailure('invalid-data', `Period ${period.key} exists: not overwritten`);
      }
      const total = 1 + 2 * followUps.length;
      let done = 0;
      const step = () => onProgress((done += 1), total);
      const [batched, execute] = this.sp.batched();
      const lists = [PERIOD_LIST.title, ...followUps.map(() => FOLLOW_UP_LIST.title)];
      const outcomes: Array<Promise<unknown>> = [
        batched.web.lists
          .getByTitle(PERIOD_LIST.title)
          .items.add(newPeriodToFields(period, periodLabel(period))),
        ...followUps.map((f) =>
          batched.web.lists.getByTitle(FOLLOW_UP_LIST.title).items.add(newFollowUpToFields(f)),
        ),
      ];
      await execute();
      const settled = await Promise.allSettled(outcomes);
      // What was written, so that an import that fails part-way can be taken back whole: a
      // half-imported period would stand in the way of importing it again.
      const created = settled.flatMap((s, index) => {
        const parsed = s.status === 'fulfilled' ? createdId.safeParse(s.value) : null;
        return parsed?.success ? [{ list: lists[index] ?? '', id: parsed.data.Id }] : [];
      });
      try {
        const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
        if (failed) {
          const failure = toStoreFailure(failed.reason);
          throw new StoreFailure(failure.kind, `Import incomplete: ${failure.message}`, {
            cause: failed.reason,
          });
        }
        step();
        // A locked period's follow-ups: owners read only, as `lock` leaves them.
        const items = await this.followUpItemsOf(period.key);
        for (const f of followUps) {
          const itemId = items.get(f.planKey);
          if (itemId === undefined) {
            throw new StoreFailure('server', `Import incomplete: no item for ${f.planKey}`);
          }
          await this.permissions.secureFollowUp(
            itemId,
            f.owners.map((o) => o.id),
            'locked',
          );
          step();
          step();
        }
      } catch (error) {
        await this.removeItems(created);
        throw error;
      }
      return this.readPeriod(await this.periodItemIdOf(period.key));
    });
  }

  /**
   * Deletes items this adapter has just created, in one batch, as far as SharePoint lets it; what
   * cannot be deleted stays (the caller's failure is the one reported).
   */
  private async removeItems(items: ReadonlyArray<{ list: string; id: number }>): Promise<void> {
    if (items.length === 0) return;
    const [batched, execute] = this.sp.batched();
    const deletions = items.map(({ list, id }) =>
      batched.web.lists.getByTitle(list).items.getById(id).delete(),
    );
    try {
      await execute();
      await Promise.allSettled(deletions);
    } catch {
      // The import's own failure is what the coordinator needs to hear about.
    }
  }

  appendLog(period: Pick<Period, 'itemId'>, entry: PeriodLogEntry): Promise<void> {
    return mapFailures(async () => {
      const item = this.sp.web.lists.getByTitle(PERIOD_LIST.title).items.getById(period.itemId);
      for (let attempt = 1; ; attempt += 1) {
        const current = logItem.parse(await item.select('Id', 'Log')());
        try {
          await item.update(
            { Log: appendPeriodLog(current.Log ?? '', entry) },
            current['odata.etag'],
          );
          return;
        } catch (error) {
          // Someone else wrote the period in between: read again and append to theirs.
          if (toStoreFailure(error).kind !== 'conflict' || attempt >= 3) throw error;
        }
      }
    });
  }

  rollover(from: Period, followUps: readonly FollowUp[], by: Viewer): Promise<RolloverResult> {
    return mapFailures(async () => {
      const next = rollover(from, followUps);
      // The new period's log says it was started and from what; "ready" follows once every
      // follow-up is written and secured. Until then the overview offers "Slutför perioden".
      const opened: PeriodLogEntry = {
        kind: 'opened',
        at: this.now().toISOString(),
        by: by.name,
        from: from.key,
      };
      const [batched, execute] = this.sp.batched();
      const outcomes: Array<Promise<'created' | 'existing'>> = [];
      const add = (listTitle: string, fields: Record<string, unknown>) => {
        outcomes.push(
          batched.web.lists
            .getByTitle(listTitle)
            .items.add(fields)
            .then(
              () => 'created' as const,
              (error: unknown) => {
                if (isDuplicate(error)) return 'existing' as const;
                throw error;
              },
            ),
        );
      };
      add(
        PERIOD_LIST.title,
        newPeriodToFields({ ...next.period, log: [opened] }, periodLabel(next.period)),
      );
      for (const f of next.followUps) add(FOLLOW_UP_LIST.title, newFollowUpToFields(f));
      await execute();
      const settled = await Promise.allSettled(outcomes);
      const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
      if (failed) {
        const failure = toStoreFailure(failed.reason);
        throw new StoreFailure(failure.kind, `Rollover incomplete: ${failure.message}`, {
          cause: failed.reason,
        });
      }
      // New items would inherit the list's permissions (coordinators and readers only): give each
      // its owners' right to write, so SharePoint itself enforces who may answer. Every item of
      // the period, not only those made now: a run that failed part-way left some unsecured, and
      // running it again (Försök igen, Slutför perioden) must finish them. Securing is idempotent.
      const items = await this.followUpItemsOf(next.period.key);
      for (const f of next.followUps) {
        const itemId = items.get(f.planKey);
        if (itemId === undefined) {
          throw new StoreFailure('server', `Rollover incomplete: no item for ${f.planKey}`);
        }
        await this.permissions.secureFollowUp(
          itemId,
          f.owners.map((o) => o.id),
          'open',
        );
      }
      const periodItemId = await this.periodItemIdOf(next.period.key);
      await this.appendLog(
        { itemId: periodItemId },
        { kind: 'ready', at: this.now().toISOString(), by: by.name, plans: next.followUps.length },
      );
      const values = settled.map((s) => (s.status === 'fulfilled' ? s.value : 'existing'));
      return {
        periodKey: next.period.key,
        created: values.filter((v) => v === 'created').length,
        existing: values.filter((v) => v === 'existing').length,
      };
    });
  }

  /** The follow-up item ids of a period by plan (one request; the key column is indexed). */
  private async followUpItemsOf(key: PeriodKey): Promise<Map<string, number>> {
    const raw: unknown = await this.sp.web.lists
      .getByTitle(FOLLOW_UP_LIST.title)
      .items.select('Id', 'PlanKey')
      .filter(`PeriodKey eq '${key}'`)
      .top(5000)();
    const rows = z.array(z.object({ Id: z.number(), PlanKey: z.nullish(z.string()) })).parse(raw);
    return new Map(rows.flatMap((r) => (r.PlanKey ? [[r.PlanKey, r.Id] as const] : [])));
  }

  private async periodItemIdOf(key: PeriodKey): Promise<number> {
    const raw: unknown = await this.sp.web.lists
      .getByTitle(PERIOD_LIST.title)
      .items.select('Id')
      .filter(`PeriodKey eq '${key}'`)
      .top(1)();
    const [row] = z.array(createdId).parse(raw);
    if (!row) throw new StoreFailure('not-found', `No period item for ${key}`);
    return row.Id;
  }
}
