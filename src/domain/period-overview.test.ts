import { describe, expect, it } from 'vitest';
import type { FollowUp, Person } from './follow-up';
import { filterFollowUps, periodOverview } from './period-overview';
import { makeFollowUp } from '../../tests/fixtures/follow-up';

const anna: Person = { id: 1, name: 'Anna', upn: 'a@x.test' };
const bo: Person = { id: 2, name: 'Bo', upn: 'b@x.test' };

/** The shared test follow-up, owned by Anna unless a test says otherwise. */
function f(n: number, overrides: Partial<FollowUp>): FollowUp {
  return makeFollowUp(n, { owners: [anna], ...overrides });
}

const items = [
  f(3, { status: 'good', inputState: 'submitted' }),
  f(1, { status: 'partly', inputState: 'draft', owners: [anna, bo] }),
  f(2, { owners: [bo] }),
  f(4, { status: 'not-assessed', statusNote: 'Ska omarbetas', inputState: 'submitted' }),
  f(5, { status: 'poor', inputState: 'missing', owners: [] }),
];

describe('period overview', () => {
  it('counts by input state and by status', () => {
    const o = periodOverview(items);
    expect(o.total).toBe(5);
    expect(o.byInput).toEqual({ missing: 2, draft: 1, submitted: 2 });
    expect(o.byStatus).toEqual({ good: 1, partly: 1, poor: 1, 'not-assessed': 1, none: 1 });
  });

  it('lists what is awaited in plan order and each owner who owes input once', () => {
    const o = periodOverview(items);
    expect(o.awaiting.map((x) => x.itemId)).toEqual([1, 2, 5]);
    expect(o.owing.map((x) => [x.owner.name, x.plans.map((p) => p.itemId)])).toEqual([
      ['Anna', [1]],
      ['Bo', [1, 2]],
    ]);
  });

  it('is all zeroes for an empty period', () => {
    const o = periodOverview([]);
    expect(o.total).toBe(0);
    expect(Object.values(o.byInput).every((n) => n === 0)).toBe(true);
    expect(o.owing).toEqual([]);
  });

  it('filters by input state', () => {
    expect(filterFollowUps(items, 'all').map((x) => x.itemId)).toEqual([1, 2, 3, 4, 5]);
    expect(filterFollowUps(items, 'missing').map((x) => x.itemId)).toEqual([2, 5]);
    expect(filterFollowUps(items, 'submitted').map((x) => x.itemId)).toEqual([3, 4]);
  });
});

describe('period overview, a plan ended from this period', () => {
  const retiredNow = f(6, {
    inputState: 'missing',
    owners: [bo],
    lifecycle: 'retired',
    lifecycleFrom: '2020-08' as FollowUp['periodKey'],
  });
  const retiredNext = f(7, {
    inputState: 'missing',
    owners: [bo],
    lifecycle: 'retired',
    lifecycleFrom: '2020-12' as FollowUp['periodKey'],
  });

  it('is in no count and owes nothing; one ended from the next period still does', () => {
    const o = periodOverview([...items, retiredNow, retiredNext]);
    expect(o.total).toBe(6);
    expect(o.byInput.missing).toBe(3);
    expect(o.awaiting.map((x) => x.itemId)).toEqual([1, 2, 5, 7]);
    expect(o.owing.find((x) => x.owner.name === 'Bo')?.plans.map((p) => p.itemId)).toEqual([
      1, 2, 7,
    ]);
  });
});
