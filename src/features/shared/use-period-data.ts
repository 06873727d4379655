import type { FollowUp, PlanKey } from '../../domain/follow-up';
import type { Period, PeriodKey } from '../../domain/period';
import type { Viewer } from '../../domain/rules';
import { readUrlState } from './url-state';
import { useServices } from './services-context';
import { useLoad } from './use-load';
import type { DataCache } from './data-cache';
import type { Services } from '../../domain/ports';

/** The cache entry of the viewer and the periods; drop it where periods change. */
export const VIEWER_AND_PERIODS = 'viewer-and-periods';

/**
 * The signed-in viewer and every period (newest first): what the screens need before anything
 * else, in one round trip where the store allows (`startup`), else in parallel. Kept in the app's
 * cache, so moving between screens asks no more; a new `reload` value loads them again (after a
 * period was created or changed, once the cache entry was invalidated).
 */
export function useViewerAndPeriods(reload = 0) {
  const services = useServices();
  return useLoad(`${VIEWER_AND_PERIODS}:${reload}`, () => loadViewerAndPeriods(services), {
    cacheKey: VIEWER_AND_PERIODS,
  });
}

async function loadViewerAndPeriods(
  services: Services,
): Promise<{ viewer: Viewer; periods: Period[] }> {
  if (services.startup) return services.startup.viewerAndPeriods();
  const [viewer, periods] = await Promise.all([
    services.session.currentViewer(),
    services.periods.list(),
  ]);
  return { viewer, periods };
}

/**
 * Gives the first screen a head start, called before anything renders: asks for the viewer and
 * the periods at once and, as soon as they are there, for the follow-ups of the period the screen
 * starts on (the owner list and the overview need the same). Nothing is asked twice: the screens
 * take these requests instead of making their own.
 */
export function preloadFirstScreen(
  services: Services,
  cache: DataCache,
  view: string | null,
): Promise<void> {
  const withFollowUps = view === null || view === 'overview';
  const first = cache.load(VIEWER_AND_PERIODS, async () => {
    const loaded = await loadViewerAndPeriods(services);
    const start = withFollowUps ? startPeriod(loaded.periods) : undefined;
    if (start) {
      cache.preload(
        followUpsKey(start.key),
        loadPeriodFollowUps(services, loaded.periods, start.key),
      );
    }
    return loaded;
  });
  return first.then(
    () => undefined,
    () => undefined,
  );
}

const followUpsKey = (period: PeriodKey) => `follow-ups:${period}`;

/** The period before `selected` among `periods` (newest first), if any. */
function periodBefore(periods: readonly Period[], selected: PeriodKey): Period | undefined {
  const index = periods.findIndex((p) => p.key === selected);
  return index < 0 ? undefined : periods[index + 1];
}

async function loadPeriodFollowUps(
  services: Services,
  periods: readonly Period[],
  selected: PeriodKey,
): Promise<PeriodFollowUps> {
  const previous = periodBefore(periods, selected);
  const keys = previous ? [selected, previous.key] : [selected];
  const all = await services.followUps.listForPeriods(keys);
  const previousByPlan = new Map<PlanKey, FollowUp>();
  for (const f of all) if (f.periodKey === previous?.key) previousByPlan.set(f.planKey, f);
  return {
    current: all.filter((f) => f.periodKey === selected),
    previousByPlan,
    previousPeriod: previous,
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
}

/**
 * Follow-ups of a period and of the period before it, in one request (both filter the indexed
 * PeriodKey column).
 */
export function usePeriodFollowUps(periods: readonly Period[], selected: PeriodKey) {
  const services = useServices();
  // The newest period before the selected one: usually the one just before it, but a region
  // that skipped a follow-up still sees its latest comment.
  const loaded = useLoad(
    followUpsKey(selected),
    () => loadPeriodFollowUps(services, periods, selected),
    { preloadKey: followUpsKey(selected) },
  );

  /** Puts a saved follow-up in place of the loaded one. */
  const replace = (saved: FollowUp) =>
    loaded.setData((data) => ({
      ...data,
      current: data.current.map((f) => (f.itemId === saved.itemId ? saved : f)),
    }));

  return { ...loaded, replace };
}
