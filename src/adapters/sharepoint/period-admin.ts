import type { SPFI } from '@pnp/sp';
import '@pnp/sp/batching';
import { StoreFailure } from '../../domain/errors';
import type { FollowUp } from '../../domain/follow-up';
import { periodLabel, type Period } from '../../domain/period';
import { appendPeriodLog, type PeriodLogEntry } from '../../domain/period-log';
import type { PeriodAdmin, RolloverResult } from '../../domain/ports';
import { rollover } from '../../domain/rules';
import { mapFailures, toStoreFailure } from './errors';
import { newFollowUpToFields, newPeriodToFields } from './item-mapping';
import { SharePointItemPermissions } from './permissions';
import { FOLLOW_UP_LIST, PERIOD_LIST } from './schema';
import { z } from 'zod';

const createdId = z.object({ Id: z.number() });
const logItem = z.object({ 'odata.etag': z.string(), Log: z.string().nullish() });

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
  ) {}

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

  rollover(from: Period, followUps: readonly FollowUp[]): Promise<RolloverResult> {
    return mapFailures(async () => {
      const next = rollover(from, followUps);
      const [batched, execute] = this.sp.batched();
      const outcomes: Array<Promise<'created' | 'existing'>> = [];
      const secure: Array<{ itemId: number; owners: number[] }> = [];
      const add = (listTitle: string, fields: Record<string, unknown>, owners?: number[]) => {
        outcomes.push(
          batched.web.lists
            .getByTitle(listTitle)
            .items.add(fields)
            .then(
              (created: unknown) => {
                const id = createdId.safeParse(created);
                if (owners && id.success) secure.push({ itemId: id.data.Id, owners });
                return 'created' as const;
              },
              (error: unknown) => {
                if (isDuplicate(error)) return 'existing' as const;
                throw error;
              },
            ),
        );
      };
      add(PERIOD_LIST.title, newPeriodToFields(next.period, periodLabel(next.period)));
      for (const f of next.followUps) {
        add(
          FOLLOW_UP_LIST.title,
          newFollowUpToFields(f),
          f.owners.map((o) => o.id),
        );
      }
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
      // its owners' right to write, so SharePoint itself enforces who may answer.
      for (const { itemId, owners } of secure) {
        await this.permissions.secureFollowUp(itemId, owners, 'open');
      }
      const values = settled.map((s) => (s.status === 'fulfilled' ? s.value : 'existing'));
      return {
        periodKey: next.period.key,
        created: values.filter((v) => v === 'created').length,
        existing: values.filter((v) => v === 'existing').length,
      };
    });
  }
}
