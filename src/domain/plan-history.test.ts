import { describe, expect, it } from 'vitest';
import type { FollowUp, PlanKey } from './follow-up';
import { parsePeriodKey, periodKey, type Period, type PeriodKey } from './period';
import { planHistory } from './plan-history';

let nextId = 1;

function followUp(period: string, overrides: Partial<FollowUp> = {}): FollowUp {
  return {
    itemId: nextId++,
    version: '"1"',
    planKey: 'lakemedel' as PlanKey,
    periodKey: period as PeriodKey,
    sortOrder: 3,
    title: 'Övergripande handlingsplan för läkemedel',
    validity: '2020–2022',
    decision: '',
    diaryNumber: '',
    documentUrl: null,
    owners: [],
    lifecycle: 'active',
    status: 'good',
    statusNote: '',
    comment: '<p>Arbetet går bra.</p>',
    inputState: 'submitted',
    submittedBy: null,
    submittedAt: null,
    modifiedAt: '2020-09-01T08:00:00Z',
    modifiedBy: null,
    ...overrides,
  };
}

function period(key: string): Period {
  const id = parsePeriodKey(key);
  if (!id) throw new Error(`not a period key: ${key}`);
  return {
    ...id,
    key: periodKey(id),
    state: 'locked',
    log: [],
    dueDate: '',
    summary: '',
    introduction: '',
    legendPlacement: 'before-summary',
    report: { unit: '', contact: '', date: '', diaryNumber: '' },
    version: '"1"',
    itemId: nextId++,
  };
}

const PERIODS = ['2021-04', '2020-12', '2020-08', '2020-04', '2019-12'].map(period);

describe('planHistory', () => {
  it('gives nothing for a plan without follow-ups', () => {
    expect(planHistory([], PERIODS)).toEqual([]);
  });

  it('lists the periods the plan was part of, newest first, whatever order they came in', () => {
    const history = planHistory(
      [followUp('2020-04'), followUp('2021-04'), followUp('2020-12')],
      PERIODS,
    );
    expect(history.map((e) => e.period.key)).toEqual(['2021-04', '2020-12', '2020-04']);
  });

  it('orders across years by period, not by string accident', () => {
    const history = planHistory(
      [followUp('2019-12'), followUp('2020-04'), followUp('2020-08'), followUp('2020-12')],
      PERIODS,
    );
    expect(history.map((e) => e.period.key)).toEqual(['2020-12', '2020-08', '2020-04', '2019-12']);
  });

  it('gives each entry its period item, year and kind', () => {
    const [entry] = planHistory([followUp('2020-08')], PERIODS);
    expect(entry?.period.id).toEqual({ year: 2020, kind: 'delar' });
    expect(entry?.period.period).toBe(PERIODS[2]);
  });

  it('keeps a follow-up whose period item is gone, with the period read from its key', () => {
    const [entry] = planHistory([followUp('2018-08')], PERIODS);
    expect(entry?.period).toEqual({
      key: '2018-08',
      id: { year: 2018, kind: 'delar' },
      period: null,
    });
  });

  it('keeps a follow-up with an unreadable period key, without year and kind', () => {
    const [entry] = planHistory([followUp('2018-13')], PERIODS);
    expect(entry?.period).toEqual({ key: '2018-13', id: null, period: null });
  });

  it('compares each entry with the one before it, the oldest with nothing', () => {
    const oldest = followUp('2020-04', { status: 'poor', comment: '<p>Vi börjar.</p>' });
    const middle = followUp('2020-08', { status: 'partly', comment: '<p>Vi börjar.</p>' });
    const newest = followUp('2020-12', { status: 'good', comment: '<p>Vi är klara.</p>' });
    const [first, second, third] = planHistory([oldest, middle, newest], PERIODS);

    expect(first?.followUp).toBe(newest);
    expect(first?.previous).toBe(middle);
    expect(first?.statusChange).toEqual({ from: 'partly', to: 'good', direction: 'better' });
    expect(first?.commentChange?.kind).toBe('changed');
    expect(first?.commentChange?.parts).toEqual([
      { kind: 'same', text: 'Vi ' },
      { kind: 'removed', text: 'börjar' },
      { kind: 'added', text: 'är klara' },
      { kind: 'same', text: '.' },
    ]);

    expect(second?.previous).toBe(oldest);
    expect(second?.statusChange).toEqual({ from: 'poor', to: 'partly', direction: 'better' });
    expect(second?.commentChange?.kind).toBe('unchanged');

    expect(third?.followUp).toBe(oldest);
    expect(third?.previous).toBeNull();
    expect(third?.statusChange).toBeNull();
    expect(third?.commentChange).toBeNull();
  });

  it('compares across a period the plan was not part of with the plan’s previous period', () => {
    const [newest] = planHistory(
      [
        followUp('2020-04', { status: 'good' }),
        followUp('2020-12', { status: 'poor' }), // no follow-up in 2020-08
      ],
      PERIODS,
    );
    expect(newest?.previous?.periodKey).toBe('2020-04');
    expect(newest?.statusChange?.direction).toBe('worse');
  });

  it('flags a comment copied on unchanged, even when reformatted', () => {
    const [newest] = planHistory(
      [
        followUp('2020-04', { comment: '<p>Arbetet går bra.</p>' }),
        followUp('2020-08', { comment: '<p><strong>Arbetet går bra.</strong></p>' }),
      ],
      PERIODS,
    );
    expect(newest?.commentChange).toEqual({
      kind: 'unchanged',
      parts: [{ kind: 'same', text: 'Arbetet går bra.' }],
    });
  });

  it('tells new, removed and absent comments apart', () => {
    const history = planHistory(
      [
        followUp('2019-12', { comment: '' }),
        followUp('2020-04', { comment: '' }),
        followUp('2020-08', { comment: '<p>Ny.</p>' }),
        followUp('2020-12', { comment: '<p></p>' }),
      ],
      PERIODS,
    );
    expect(history.map((e) => e.commentChange?.kind ?? null)).toEqual([
      'removed',
      'new',
      'none',
      null,
    ]);
  });

  it('does not compare a period where nothing was entered, but compares the next with it', () => {
    const history = planHistory(
      [
        followUp('2020-04', { status: 'good' }),
        followUp('2020-08', {
          status: null,
          comment: '',
          inputState: 'missing',
        }),
        followUp('2020-12', { status: 'good', comment: '<p>Igen.</p>' }),
      ],
      PERIODS,
    );
    const [newest, missing] = history;
    expect(missing?.previous?.periodKey).toBe('2020-04');
    expect(missing?.statusChange).toBeNull();
    expect(missing?.commentChange).toBeNull();
    // The period before really had no answer: the status has nothing to compare with.
    expect(newest?.statusChange).toEqual({ from: null, to: 'good', direction: 'unknown' });
    expect(newest?.commentChange?.kind).toBe('new');
  });

  it('compares a draft like a submission: its text is what the period holds', () => {
    const [newest] = planHistory(
      [
        followUp('2020-04', { status: 'partly' }),
        followUp('2020-08', { status: 'poor', inputState: 'draft' }),
      ],
      PERIODS,
    );
    expect(newest?.statusChange?.direction).toBe('worse');
  });

  it('treats not assessed as off the scale', () => {
    const [newest] = planHistory(
      [
        followUp('2020-04', { status: 'good' }),
        followUp('2020-08', { status: 'not-assessed', statusNote: 'Ska omarbetas' }),
      ],
      PERIODS,
    );
    expect(newest?.statusChange).toEqual({
      from: 'good',
      to: 'not-assessed',
      direction: 'unknown',
    });
  });

  it('keeps one follow-up per period, the one changed last, when the list holds two', () => {
    const older = followUp('2020-08', { status: 'poor', modifiedAt: '2020-09-01T08:00:00Z' });
    const newer = followUp('2020-08', { status: 'good', modifiedAt: '2020-09-05T08:00:00Z' });
    const history = planHistory([newer, older, followUp('2020-04')], PERIODS);
    expect(history).toHaveLength(2);
    expect(history[0]?.followUp).toBe(newer);
    expect(planHistory([older, newer], PERIODS)[0]?.followUp).toBe(newer);
  });

  it('does not change its input', () => {
    const input = Object.freeze([followUp('2020-04'), followUp('2020-08')]);
    const copy = [...input];
    planHistory(input, PERIODS);
    expect(input).toEqual(copy);
  });
});
