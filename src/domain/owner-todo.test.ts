import { describe, expect, it } from 'vitest';
import { makeFollowUp } from '../../tests/fixtures/follow-up';
import type { FollowUp } from './follow-up';
import { ownerTodo } from './owner-todo';
import type { Period, PeriodKey, PeriodState } from './period';

const anna = { id: 11, name: 'Anna Lindgren', upn: 'anna@example' };
const bo = { id: 12, name: 'Bo', upn: '' };

function period(key: string, state: PeriodState): Pick<Period, 'key' | 'state'> {
  return { key: key as PeriodKey, state };
}

const april = '2020-04' as PeriodKey;
const august = '2020-08' as PeriodKey;

function plan(n: number, periodKey: PeriodKey, overrides: Partial<FollowUp> = {}): FollowUp {
  return makeFollowUp(n, {
    itemId: n * 10 + Number(periodKey.slice(5)),
    periodKey,
    owners: [anna],
    ...overrides,
  });
}

describe('ownerTodo', () => {
  it('counts the plans the user owns in every open period and lists those not submitted', () => {
    const periods = [period('2020-08', 'open'), period('2020-04', 'open')];
    const todo = ownerTodo(anna, periods, [
      plan(1, august, { inputState: 'submitted' }),
      plan(2, august, { inputState: 'draft' }),
      plan(1, april),
      plan(2, april, { inputState: 'submitted' }),
    ]);
    expect(todo.total).toBe(4);
    // The older period first: it is the more pressing.
    expect(todo.remaining.map((f) => [f.periodKey, f.planKey])).toEqual([
      [april, 'p1'],
      [august, 'p2'],
    ]);
  });

  it('leaves out locked periods, other owners’ plans and ended plans', () => {
    const periods = [period('2020-08', 'open'), period('2020-04', 'locked')];
    const todo = ownerTodo(anna, periods, [
      plan(1, august),
      plan(2, august, { owners: [bo] }),
      plan(3, august, { lifecycle: 'retired' }),
      plan(4, august, { lifecycle: 'replaced', lifecycleFrom: august }),
      plan(1, april),
    ]);
    expect(todo.total).toBe(1);
    expect(todo.remaining.map((f) => f.planKey)).toEqual(['p1']);
  });

  it('still counts a plan that ends only from a later period', () => {
    const periods = [period('2020-08', 'open')];
    const todo = ownerTodo(anna, periods, [
      plan(1, august, { lifecycle: 'retired', lifecycleFrom: '2020-12' as PeriodKey }),
    ]);
    expect(todo.total).toBe(1);
    expect(todo.remaining).toHaveLength(1);
  });

  it('orders the plans of one period by their order in the register', () => {
    const periods = [period('2020-08', 'open')];
    const todo = ownerTodo(anna, periods, [
      plan(3, august),
      plan(1, august),
      plan(2, august, { inputState: 'submitted' }),
    ]);
    expect(todo.remaining.map((f) => f.planKey)).toEqual(['p1', 'p3']);
    expect(todo.total).toBe(3);
  });

  it('is empty and complete when everything is submitted', () => {
    const periods = [period('2020-08', 'open')];
    const todo = ownerTodo(anna, periods, [plan(1, august, { inputState: 'submitted' })]);
    expect(todo).toEqual({ remaining: [], total: 1 });
    expect(ownerTodo(bo, periods, [plan(1, august)])).toEqual({ remaining: [], total: 0 });
  });
});
