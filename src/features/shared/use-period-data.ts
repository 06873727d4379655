import type { Period, PeriodKey } from '../../domain/period';
import type { FollowUp } from '../../domain/follow-up';
import { useServices } from './services-context';
import { useLoad } from './use-load';
import {
  followUpsKey,
  loadPeriodFollowUps,
  loadViewerAndPeriods,
  VIEWER_AND_PERIODS,
} from './first-screen-data';

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
