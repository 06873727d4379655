import { describe, expect, it } from 'vitest';
import type { FollowUp, Person } from './follow-up';
import { filterFollowUps, overviewChange, percentOf, periodOverview } from './period-overview';
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
    // Only submitted answers have a status that counts: the draft's and the missing one's do not.
    expect(o.byStatus).toEqual({ good: 1, partly: 0, poor: 0, 'not-assessed': 1, none: 0 });
  });

  it('counts a reviewed and a sent-back follow-up by what it is now', () => {
    const o = periodOverview([
      f(1, { status: 'good', inputState: 'submitted', review: { state: 'approved', comment: '' } }),
      f(2, { status: 'poor', inputState: 'draft', review: { state: 'returned', comment: 'Mer' } }),
    ]);
    expect(o.answered).toBe(1);
    expect(o.byStatus).toEqual({ good: 1, partly: 0, poor: 0, 'not-assessed': 0, none: 0 });
  });

  it('gives the share answered of the plans due, in whole percent', () => {
    const o = periodOverview(items);
    expect(o.answered).toBe(2);
    expect(o.answeredPercent).toBe(40);
    const twelve = Array.from({ length: 12 }, (_, i) =>
      f(i + 1, { status: 'good', inputState: i < 8 ? 'submitted' : 'draft' }),
    );
    expect(periodOverview(twelve).answeredPercent).toBe(67);
    expect(periodOverview([]).answeredPercent).toBeNull();
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

describe('period overview, the share answered', () => {
  it('leaves a plan ended from this period out of the plans due', () => {
    const o = periodOverview([
      f(1, { status: 'good', inputState: 'submitted' }),
      f(2, { inputState: 'missing', lifecycle: 'retired' }),
    ]);
    expect([o.answered, o.total, o.answeredPercent]).toEqual([1, 1, 100]);
  });

  it('rounds to the nearest, but never to all or nothing that is not so', () => {
    expect(percentOf(8, 12)).toBe(67);
    expect(percentOf(1, 3)).toBe(33);
    expect(percentOf(0, 12)).toBe(0);
    expect(percentOf(12, 12)).toBe(100);
    expect(percentOf(199, 200)).toBe(99);
    expect(percentOf(1, 300)).toBe(1);
    expect(percentOf(0, 0)).toBeNull();
  });
});

describe('overviewChange', () => {
  const before = f(1, {
    periodKey: '2020-04' as FollowUp['periodKey'],
    status: 'good',
    inputState: 'submitted',
    comment: '<p>Arbetet pågår.</p>',
  });

  it('compares nothing for a plan with no answer yet: no "removed", nothing to show', () => {
    expect(overviewChange(f(1, {}), before)).toEqual({ kind: 'unanswered' });
  });

  it('calls a comment new when the period before had no answer, so no comment', () => {
    const unanswered = f(1, { periodKey: '2020-04' as FollowUp['periodKey'], comment: '<p>x</p>' });
    const now = f(1, { status: 'good', inputState: 'draft', comment: '<p>Klart.</p>' });
    expect(overviewChange(now, unanswered)).toMatchObject({ comment: 'new', diffable: false });
    expect(overviewChange(now, undefined)).toMatchObject({
      kind: 'compared',
      previous: null,
      comment: 'new',
      previousComment: '',
      diffable: false,
    });
  });

  it('shows the diff for a changed or removed comment', () => {
    const changed = f(1, { status: 'good', inputState: 'submitted', comment: '<p>Klart.</p>' });
    expect(overviewChange(changed, before)).toMatchObject({
      comment: 'changed',
      previousComment: '<p>Arbetet pågår.</p>',
      diffable: true,
    });
    const removed = f(1, { status: 'good', inputState: 'submitted', comment: '' });
    expect(overviewChange(removed, before)).toMatchObject({ comment: 'removed', diffable: true });
    const same = f(1, {
      status: 'good',
      inputState: 'submitted',
      comment: '<p>Arbetet pågår.</p>',
    });
    expect(overviewChange(same, before)).toMatchObject({ comment: 'unchanged', diffable: false });
  });
});
