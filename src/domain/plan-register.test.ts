import { describe, expect, it } from 'vitest';
import { lifecycleIn, type PlanKey } from './follow-up';
import { makeFollowUp } from '../../tests/fixtures/follow-up';
import type { PeriodKey } from './period';
import { rollover } from './rules';
import {
  endingFields,
  endingPeriods,
  replacementCandidates,
  validatePlanEnding,
  isValidity,
  nextSortOrder,
  normalizePlanDraft,
  ownersChanged,
  planKeyFor,
  reorder,
  validatePlanDraft,
  type PlanDraft,
  undoEndingBlock,
  undoneEndingFields,
} from './plan-register';

const key = (k: string) => k as PlanKey;
const anna = { id: 11, name: 'Anna Lindgren', upn: 'anna@example' };
const bo = { id: 12, name: 'Bo', upn: '' };

const draft: PlanDraft = {
  title: 'Handlingsplan för digital vård',
  validity: '2020–2022',
  decision: 'RD 2020-01-01',
  diaryNumber: 'RS/1/2020',
  documentUrl: 'https://docs.example/plan.pdf',
  owners: [anna],
};

describe('planKeyFor', () => {
  it('makes an ASCII kebab slug', () => {
    expect(planKeyFor('Handlingsplan för digital vård 2020–2022', [])).toBe(
      'handlingsplan-for-digital-vard-2020-2022',
    );
    expect(planKeyFor('  Åtgärder i glesbygd! ', [])).toBe('atgarder-i-glesbygd');
    expect(planKeyFor('???', [])).toBe('plan');
  });

  it('is unique among existing keys', () => {
    expect(planKeyFor('Miljö', [key('miljo')])).toBe('miljo-2');
    expect(planKeyFor('Miljö', [key('miljo'), key('miljo-2')])).toBe('miljo-3');
  });
});

describe('validatePlanDraft', () => {
  it('accepts a complete draft', () => {
    expect(validatePlanDraft(draft)).toEqual([]);
    expect(validatePlanDraft({ ...draft, validity: '', documentUrl: '' })).toEqual([]);
  });

  it('names each problem', () => {
    expect(
      validatePlanDraft({
        ...draft,
        title: '  ',
        validity: '20-22',
        documentUrl: 'javascript:alert(1)',
        owners: [],
      }),
    ).toEqual([
      { field: 'title', code: 'required' },
      { field: 'validity', code: 'invalid-validity' },
      { field: 'documentUrl', code: 'invalid-url' },
      { field: 'owners', code: 'required' },
    ]);
    expect(validatePlanDraft({ ...draft, title: 'x'.repeat(256) })).toEqual([
      { field: 'title', code: 'too-long', max: 255 },
    ]);
  });

  it('reads validities', () => {
    expect(isValidity('2020')).toBe(true);
    expect(isValidity('2020-2022')).toBe(true);
    expect(isValidity('2020 – 2022')).toBe(true);
    expect(isValidity('2022–2020')).toBe(false);
    expect(isValidity('tills vidare')).toBe(false);
  });

  it('normalizes for storage', () => {
    expect(
      normalizePlanDraft({ ...draft, title: ' T ', validity: '2020 - 2022', owners: [anna, anna] }),
    ).toMatchObject({ title: 'T', validity: '2020–2022', owners: [anna] });
  });
});

describe('owners and order', () => {
  it('tells when owners changed', () => {
    expect(ownersChanged([anna, bo], [bo, anna])).toBe(false);
    expect(ownersChanged([anna], [anna, bo])).toBe(true);
  });

  const plans = [
    { planKey: key('a'), sortOrder: 1, title: 'A' },
    { planKey: key('b'), sortOrder: 2, title: 'B' },
    { planKey: key('c'), sortOrder: 3, title: 'C' },
  ];

  it('moves a plan up or down and returns the changed orders', () => {
    expect(reorder(plans, key('c'), 'up')).toEqual([
      { followUp: plans[2], sortOrder: 2 },
      { followUp: plans[1], sortOrder: 3 },
    ]);
    expect(reorder(plans, key('a'), 'down').map((c) => [c.followUp.planKey, c.sortOrder])).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
  });

  it('does nothing at the ends or for an unknown plan', () => {
    expect(reorder(plans, key('a'), 'up')).toEqual([]);
    expect(reorder(plans, key('c'), 'down')).toEqual([]);
    expect(reorder(plans, key('x'), 'up')).toEqual([]);
  });

  it('keeps gaps when swapping and renumbers ties', () => {
    const gappy = [
      { planKey: key('a'), sortOrder: 5, title: 'A' },
      { planKey: key('b'), sortOrder: 9, title: 'B' },
    ];
    expect(reorder(gappy, key('b'), 'up').map((c) => [c.followUp.planKey, c.sortOrder])).toEqual([
      ['b', 5],
      ['a', 9],
    ]);
    const tied = [
      { planKey: key('a'), sortOrder: 1, title: 'A' },
      { planKey: key('b'), sortOrder: 1, title: 'B' },
      { planKey: key('c'), sortOrder: 3, title: 'C' },
    ];
    expect(reorder(tied, key('b'), 'up').map((c) => [c.followUp.planKey, c.sortOrder])).toEqual([
      ['a', 2],
    ]);
  });

  it('numbers a new plan after the others', () => {
    expect(nextSortOrder(plans)).toBe(4);
    expect(nextSortOrder([])).toBe(1);
  });
});

describe('ending a plan (retire or replace)', () => {
  const period = '2020-08' as PeriodKey;
  const a = makeFollowUp(1, { planKey: key('a'), periodKey: period, sortOrder: 1 });
  const b = makeFollowUp(2, { planKey: key('b'), periodKey: period, sortOrder: 2 });
  const c = makeFollowUp(3, {
    planKey: key('c'),
    periodKey: period,
    sortOrder: 3,
    lifecycle: 'retired',
  });
  const plans = [a, b, c];

  it("takes effect from the plan's own period or the next, nothing else", () => {
    expect(endingPeriods(a)).toEqual(['2020-08', '2020-12']);
    expect(endingPeriods({ periodKey: '2020-12' as PeriodKey })).toEqual(['2020-12', '2021-04']);
    expect(validatePlanEnding(a, { kind: 'retired', from: '2021-04' as PeriodKey }, plans)).toEqual(
      ['invalid-period'],
    );
    expect(validatePlanEnding(a, { kind: 'retired', from: period }, plans)).toEqual([]);
  });

  it('is replaced only by another plan of the period that is not ending itself', () => {
    expect(replacementCandidates(a, plans).map((p) => p.planKey)).toEqual(['b']);
    expect(
      validatePlanEnding(a, { kind: 'replaced', from: period, replacedBy: key('') }, plans),
    ).toEqual(['replacement-required']);
    for (const by of ['a', 'c', 'unknown']) {
      expect(
        validatePlanEnding(a, { kind: 'replaced', from: period, replacedBy: key(by) }, plans),
      ).toEqual(['replacement-invalid']);
    }
    expect(
      validatePlanEnding(a, { kind: 'replaced', from: period, replacedBy: key('b') }, plans),
    ).toEqual([]);
  });

  it('shows a plan ending from the next period as still active in its own', () => {
    const later = {
      ...a,
      ...endingFields({ kind: 'replaced', from: '2020-12' as PeriodKey, replacedBy: key('b') }),
    };
    expect(later).toMatchObject({
      lifecycle: 'replaced',
      lifecycleFrom: '2020-12',
      replacedBy: 'b',
    });
    expect(lifecycleIn(later)).toBe('active');
    const now = { ...a, ...endingFields({ kind: 'retired', from: period }) };
    expect(now.replacedBy).toBeNull();
    expect(lifecycleIn(now)).toBe('retired');
    // Older items without a "from" end in their own period.
    expect(lifecycleIn({ ...a, lifecycle: 'replaced', lifecycleFrom: null })).toBe('replaced');
  });

  it('leaves retired and replaced plans out of the next period, whenever the ending takes effect', () => {
    const period0 = {
      year: 2020,
      kind: 'delar' as const,
      ...ENDED_TEXT,
      report: { unit: '', contact: '', date: '', diaryNumber: '' },
    };
    const ended = [
      a,
      {
        ...b,
        ...endingFields({ kind: 'replaced', from: '2020-12' as PeriodKey, replacedBy: key('a') }),
      },
      c,
    ];
    expect(rollover(period0, ended).followUps.map((f) => f.planKey)).toEqual(['a']);
  });
});

describe('validatePlanDraft, a title unique within its period', () => {
  it('refuses a title another plan has, letter case, spaces and dashes aside', () => {
    const others = ['Handlingsplan för digital vård 2020–2022', 'Annan plan'];
    expect(
      validatePlanDraft({ ...draft, title: ' handlingsplan för  digital vård 2020-2022 ' }, others),
    ).toEqual([{ field: 'title', code: 'duplicate' }]);
    expect(
      validatePlanDraft({ ...draft, title: 'Handlingsplan för digital vård' }, others),
    ).toEqual([]);
  });
});

describe('undoing an ending', () => {
  const open = { state: 'open' } as const;
  const periods = [{ key: '2020-08' as PeriodKey }, { key: '2020-04' as PeriodKey }];
  const ended = makeFollowUp(1, { lifecycle: 'retired', lifecycleFrom: '2020-08' as PeriodKey });

  it('is allowed while the period is open and the next has not been started', () => {
    expect(undoEndingBlock(ended, open, periods)).toBeNull();
    const replaced = makeFollowUp(2, {
      lifecycle: 'replaced',
      lifecycleFrom: '2020-12' as PeriodKey,
      replacedBy: key('p3'),
    });
    expect(undoEndingBlock(replaced, open, periods)).toBeNull();
  });

  it('is refused once the period is locked', () => {
    expect(undoEndingBlock(ended, { state: 'locked' }, periods)).toBe('period-locked');
  });

  it('is refused once the next period was started without the plan', () => {
    expect(undoEndingBlock(ended, open, [{ key: '2020-12' as PeriodKey }, ...periods])).toBe(
      'next-started',
    );
  });

  it('has nothing to undo on a plan that is not ended', () => {
    expect(undoEndingBlock(makeFollowUp(1), open, periods)).toBe('not-ended');
  });

  it('writes the plan back as active, from no period, replaced by none', () => {
    const fields = undoneEndingFields();
    expect(fields).toEqual({ lifecycle: 'active', lifecycleFrom: null, replacedBy: null });
    // It is followed up again and rolls over.
    const restored = { ...ended, ...fields };
    expect(lifecycleIn(restored)).toBe('active');
    expect(
      rollover({ year: 2020, kind: 'delar', ...ENDED_TEXT, report: ENDED_REPORT }, [restored])
        .followUps,
    ).toHaveLength(1);
  });
});

const ENDED_REPORT = { unit: '', contact: '', date: '', diaryNumber: '' };
const ENDED_TEXT = { introduction: '', legendPlacement: 'before-summary' } as const;
