import { describe, expect, it } from 'vitest';
import type { PlanKey } from './follow-up';
import type { PeriodKey } from './period';
import { filterOverTime, overTimeGrid, type OverTimeItem } from './over-time';

const P = (k: string) => ({ key: k as PeriodKey });
const anna = { id: 1, name: 'Anna Berg', upn: 'anna@x' };
const bo = { id: 2, name: 'Bo Ek', upn: 'bo@x' };
let nextId = 1;
function item(
  planKey: string,
  periodKey: string,
  change: Partial<OverTimeItem> = {},
): OverTimeItem {
  return {
    itemId: nextId++,
    planKey: planKey as PlanKey,
    periodKey: periodKey as PeriodKey,
    title: planKey,
    sortOrder: 1,
    status: 'good',
    statusNote: '',
    inputState: 'submitted',
    lifecycle: 'active',
    lifecycleFrom: null,
    replacedBy: null,
    owners: [anna],
    ...change,
  };
}

describe('overTimeGrid', () => {
  it('has one column per period, newest first, also for periods given in any order', () => {
    const grid = overTimeGrid([P('2017-08'), P('2020-08'), P('2020-04')], []);
    expect(grid.columns).toEqual(['2020-08', '2020-04', '2017-08']);
    // Årsbokslut (12) comes after delår (08) of the same year.
    expect(overTimeGrid([P('2020-08'), P('2020-12'), P('2021-04')], []).columns).toEqual([
      '2021-04',
      '2020-12',
      '2020-08',
    ]);
  });

  it('keeps a renamed plan on one row, titled as it is now, with its former titles', () => {
    const grid = overTimeGrid(
      [P('2017-08'), P('2020-04')],
      [
        item('lakemedel', '2017-08', { title: 'Läkemedelsplan' }),
        item('lakemedel', '2020-04', { title: 'Läkemedel', status: 'poor' }),
      ],
    );
    expect(grid.rows).toHaveLength(1);
    const row = grid.rows[0]!;
    expect(row.title).toBe('Läkemedel');
    expect(row.formerTitles).toEqual(['Läkemedelsplan']);
    expect(row.cells.map((c) => (c.kind === 'answered' ? c.status : c.kind))).toEqual([
      'poor',
      'good',
    ]);
  });

  it('leaves a cell absent where the plan was not part of the period, unanswered without a submitted answer', () => {
    const grid = overTimeGrid(
      [P('2017-08'), P('2020-04'), P('2020-08')],
      [item('a', '2020-08', { inputState: 'draft' }), item('a', '2017-08')],
    );
    expect(grid.rows[0]!.cells.map((c) => c.kind)).toEqual(['unanswered', 'absent', 'answered']);
  });

  it('puts a replacement right after the plan it replaced, linked both ways', () => {
    const grid = overTimeGrid(
      [P('2017-08'), P('2020-04')],
      [
        item('ny', '2020-04', { title: 'Ny plan', sortOrder: 1 }),
        item('other', '2020-04', { title: 'Annan', sortOrder: 2 }),
        item('gammal', '2017-08', {
          title: 'Gammal plan',
          sortOrder: 1,
          lifecycle: 'replaced',
          replacedBy: 'ny' as PlanKey,
        }),
      ],
    );
    expect(grid.rows.map((r) => r.planKey)).toEqual(['other', 'gammal', 'ny']);
    const [, old, replacement] = grid.rows;
    expect(old!.lifecycle).toBe('replaced');
    expect(old!.replacedBy).toEqual({ planKey: 'ny', title: 'Ny plan' });
    expect(replacement!.replaces).toEqual([{ planKey: 'gammal', title: 'Gammal plan' }]);
  });

  it('takes the lifecycle and owners from the plan’s newest period', () => {
    const grid = overTimeGrid(
      [P('2017-08'), P('2020-04')],
      [
        item('a', '2017-08', { owners: [anna] }),
        item('a', '2020-04', { owners: [bo], lifecycle: 'retired' }),
        item('b', '2020-04', { owners: [anna], lifecycle: 'under-revision' }),
      ],
    );
    const a = grid.rows.find((r) => r.planKey === 'a')!;
    expect(a.lifecycle).toBe('ended');
    expect(a.owners).toEqual([bo]);
    expect(grid.rows.find((r) => r.planKey === 'b')!.lifecycle).toBe('active');
    expect(grid.owners.map((o) => o.name)).toEqual(['Anna Berg', 'Bo Ek']);
  });
});

describe('filterOverTime', () => {
  const grid = overTimeGrid(
    [P('2020-04')],
    [
      item('a', '2020-04', { owners: [anna] }),
      item('b', '2020-04', { owners: [bo], lifecycle: 'retired' }),
      item('c', '2020-04', {
        owners: [anna, bo],
        lifecycle: 'replaced',
        replacedBy: 'a' as PlanKey,
      }),
    ],
  );
  const keys = (
    lifecycles: Parameters<typeof filterOverTime>[1]['lifecycles'],
    ownerId: number | null = null,
  ) =>
    filterOverTime(grid.rows, { lifecycles, ownerId })
      .map((r) => r.planKey)
      .sort();

  it('shows all with no lifecycle chosen, and only the chosen ones otherwise', () => {
    expect(keys([])).toEqual(['a', 'b', 'c']);
    expect(keys(['active'])).toEqual(['a']);
    expect(keys(['ended', 'replaced'])).toEqual(['b', 'c']);
  });

  it('keeps the plans of one owner', () => {
    expect(keys([], 2)).toEqual(['b', 'c']);
    expect(keys(['active'], 2)).toEqual([]);
  });
});
