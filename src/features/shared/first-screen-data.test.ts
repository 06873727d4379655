// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FollowUp } from '../../domain/follow-up';
import { parsePeriodKey, type Period, type PeriodKey } from '../../domain/period';
import type { Services } from '../../domain/ports';
import type { Viewer } from '../../domain/rules';
import { DataCache } from './data-cache';
import { followUpsKey, preloadFirstScreen, VIEWER_AND_PERIODS } from './first-screen-data';

function period(key: string, state: Period['state']): Period {
  const id = parsePeriodKey(key);
  if (!id) throw new Error(key);
  return {
    ...id,
    key: key as PeriodKey,
    itemId: 1,
    version: '"1"',
    state,
    dueDate: '',
    summary: '',
    introduction: '',
    legendPlacement: 'before-summary',
    log: [],
    report: { unit: '', contact: '', date: '', diaryNumber: '' },
  };
}

const PERIODS = [period('2020-08', 'open'), period('2020-04', 'locked')];
const VIEWER = { id: 7, name: 'Anna', role: 'owner' } as unknown as Viewer;
const FOLLOW_UPS = [
  { planKey: 'a', periodKey: '2020-08' },
  { planKey: 'a', periodKey: '2020-04' },
] as unknown as FollowUp[];

/** A request the test answers when it wants to. */
function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function fakeServices() {
  const startup = deferred<{ viewer: Viewer; periods: Period[] }>();
  const followUps = deferred<FollowUp[]>();
  const listForPeriods = vi.fn((_keys: readonly PeriodKey[]) => followUps.promise);
  const services = {
    startup: { viewerAndPeriods: () => startup.promise },
    followUps: { listForPeriods },
  } as unknown as Services;
  return { services, startup, followUps, listForPeriods };
}

/** Whether `promise` has settled once everything queued so far has run. */
async function hasSettled(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true));
  await new Promise((resolve) => setTimeout(resolve, 5));
  return settled;
}

afterEach(() => window.history.replaceState(null, '', '/'));

describe('preloadFirstScreen', () => {
  it('asks for the start period and the one before once the periods are in, then says all has left', async () => {
    const { services, startup, followUps, listForPeriods } = fakeServices();
    const cache = new DataCache();
    const load = preloadFirstScreen(services, cache, null);

    expect(await hasSettled(load.sent)).toBe(false);
    expect(listForPeriods).not.toHaveBeenCalled();

    startup.resolve({ viewer: VIEWER, periods: PERIODS });
    expect(await hasSettled(load.sent)).toBe(true);
    expect(listForPeriods).toHaveBeenCalledWith(['2020-08', '2020-04']);
    expect(cache.peek(VIEWER_AND_PERIODS)).toEqual({
      data: { viewer: VIEWER, periods: PERIODS },
    });
    expect(await hasSettled(load.settled)).toBe(false);

    followUps.resolve(FOLLOW_UPS);
    expect(await hasSettled(load.settled)).toBe(true);
    const settled = cache.settled<{ current: FollowUp[] }>(followUpsKey('2020-08' as PeriodKey));
    expect(settled?.state === 'ready' && settled.data.current).toEqual([FOLLOW_UPS[0]]);
  });

  it('starts on the period in the address', async () => {
    window.history.replaceState(null, '', '/?period=2020-04');
    const { services, startup, listForPeriods } = fakeServices();
    preloadFirstScreen(services, new DataCache(), null);
    startup.resolve({ viewer: VIEWER, periods: PERIODS });
    await new Promise((resolve) => setTimeout(resolve, 5));
    // With the open period, in the same request: the owner's to-do spans every open period.
    expect(listForPeriods).toHaveBeenCalledWith(['2020-04', '2020-08']);
    expect(listForPeriods).toHaveBeenCalledTimes(1);
  });

  it('asks only for the user and the periods on a screen without the follow-ups', async () => {
    const { services, startup, listForPeriods } = fakeServices();
    const load = preloadFirstScreen(services, new DataCache(), 'report');
    // Nothing more will leave: the screens' code need not wait for the answer.
    expect(await hasSettled(load.sent)).toBe(true);
    expect(await hasSettled(load.settled)).toBe(false);
    startup.resolve({ viewer: VIEWER, periods: PERIODS });
    expect(await hasSettled(load.settled)).toBe(true);
    expect(listForPeriods).not.toHaveBeenCalled();
  });

  it('never rejects: a failure is left in the cache for the screen to show', async () => {
    const first = fakeServices();
    const failedStart = preloadFirstScreen(first.services, new DataCache(), null);
    first.startup.reject(new Error('offline'));
    await expect(failedStart.sent).resolves.toBeUndefined();
    await expect(failedStart.settled).resolves.toBeUndefined();

    const second = fakeServices();
    const cache = new DataCache();
    const failedPlans = preloadFirstScreen(second.services, cache, 'overview');
    second.startup.resolve({ viewer: VIEWER, periods: PERIODS });
    second.followUps.reject(new Error('throttled'));
    await expect(failedPlans.settled).resolves.toBeUndefined();
    expect(cache.settled(followUpsKey('2020-08' as PeriodKey))).toEqual({
      state: 'failed',
      error: new Error('throttled'),
    });
  });
});
