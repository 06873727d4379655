import type { FollowUp, PlanKey } from '../../domain/follow-up';
import type { Period, PeriodKey } from '../../domain/period';
import type { Services } from '../../domain/ports';
import type { Viewer } from '../../domain/rules';
import type { DataCache } from './data-cache';
import { readUrlState } from './url-state';

/*
 * What the first screen loads, without React: main.tsx asks for it before the screens' code has
 * even been evaluated, and the hooks of use-period-data.ts take the same requests.
 */

/** The cache entry of the viewer and the periods; drop it where periods change. */
export const VIEWER_AND_PERIODS = 'viewer-and-periods';

/** The viewer and every period (newest first), in one round trip where the store allows. */
export async function loadViewerAndPeriods(
  services: Services,
): Promise<{ viewer: Viewer; periods: Period[] }> {
  if (services.startup) return services.startup.viewerAndPeriods();
  const [viewer, periods] = await Promise.all([
    services.session.currentViewer(),
    services.periods.list(),
  ]);
  return { viewer, periods };
}

/** The first screen's requests under way. */
export interface FirstScreenLoad {
  /** Settles when every request has been handed to the network (or could not be). */
  readonly sent: Promise<void>;
  /** Settles when all of the data has arrived or failed. */
  readonly settled: Promise<void>;
}

/**
 * Gives the first screen a head start, called before anything renders: asks for the viewer and
 * the periods at once and, as soon as they are there, for the follow-ups of the period the screen
 * starts on (the owner list and the overview need the same). Nothing is asked twice: the screens
 * take these requests instead of making their own. Neither promise rejects: a failure is the
 * screen's to show.
 */
export function preloadFirstScreen(
  services: Services,
  cache: DataCache,
  view: string | null,
): FirstScreenLoad {
  const withFollowUps = view === null || view === 'overview';
  let followUps: Promise<unknown> | undefined;
  const first = cache.load(VIEWER_AND_PERIODS, async () => {
    const loaded = await loadViewerAndPeriods(services);
    const start = withFollowUps ? startPeriod(loaded.periods) : undefined;
    if (start) {
      followUps = loadPeriodFollowUps(services, loaded.periods, start.key);
      cache.preload(followUpsKey(start.key), followUps);
      // PnP sends a request from a timer: resolving first would let anything long that waits
      // for this (React's drawing, the screens' code) run before the request leaves.
      await nextTask();
    }
    return loaded;
  });
  const loaded = first.then(ignore, ignore);
  return {
    // Without follow-ups to ask for, everything has left with the first request.
    sent: withFollowUps ? loaded : Promise.resolve(),
    settled: loaded.then(() => followUps?.then(ignore, ignore)),
  };
}

const ignore = () => undefined;

/** Resolves after the tasks queued so far, e.g. PnP's, which sends its requests from a timer. */
export const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export const followUpsKey = (period: PeriodKey) => `follow-ups:${period}`;

/** The period before `selected` among `periods` (newest first), if any. */
function periodBefore(periods: readonly Period[], selected: PeriodKey): Period | undefined {
  const index = periods.findIndex((p) => p.key === selected);
  return index < 0 ? undefined : periods[index + 1];
}

export async function loadPeriodFollowUps(
  services: Services,
  periods: readonly Period[],
  selected: PeriodKey,
): Promise<PeriodFollowUps> {
  const previous = periodBefore(periods, selected);
  // Every other open period too, in the same request: the owner's to-do spans them all.
  const open = periods.filter((p) => p.state === 'open').map((p) => p.key);
  const keys = [...new Set([selected, ...(previous ? [previous.key] : []), ...open])];
  const all = await services.followUps.listForPeriods(keys);
  const previousByPlan = new Map<PlanKey, FollowUp>();
  for (const f of all) if (f.periodKey === previous?.key) previousByPlan.set(f.planKey, f);
  return {
    current: all.filter((f) => f.periodKey === selected),
    previousByPlan,
    previousPeriod: previous,
    otherOpen: all.filter((f) => f.periodKey !== selected && open.includes(f.periodKey)),
  };
}

/** The period a user lands on: the open one (newest if several), else the newest. */
export function defaultPeriod(periods: readonly Period[]): Period | undefined {
  return periods.find((p) => p.state === 'open') ?? periods[0];
}

/** The period a screen starts on: the one in the address, else the default. */
export function startPeriod(periods: readonly Period[]): Period | undefined {
  const wanted = readUrlState().period;
  return periods.find((p) => p.key === wanted) ?? defaultPeriod(periods);
}

export interface PeriodFollowUps {
  readonly current: FollowUp[];
  /** Last period's follow-up of each plan, for reference beside the form. */
  readonly previousByPlan: ReadonlyMap<PlanKey, FollowUp>;
  readonly previousPeriod: Period | undefined;
  /** The follow-ups of every open period other than the selected one (the owner's to-do). */
  readonly otherOpen: readonly FollowUp[];
}
