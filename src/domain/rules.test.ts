import { describe, expect, it } from 'vitest';
import type { FollowUp, Person, PlanKey } from './follow-up';
import type { PeriodKey } from './period';
import {
  rolloverGuard,
  withdrawsSubmission,
  awaitingInput,
  canEdit,
  commentLength,
  COMMENT_MAX_HTML_LENGTH,
  COMMENT_MAX_TEXT_LENGTH,
  editBlock,
  inputStateAfter,
  ownedBy,
  rollover,
  STATUS_NOTE_MAX_LENGTH,
  submissionState,
  validateInput,
  type Viewer,
} from './rules';

const anna: Person = { id: 11, name: 'Anna Demo', upn: 'anna@example.test' };
const bo: Person = { id: 12, name: 'Bo Demo', upn: 'bo@example.test' };

function followUp(overrides: Partial<FollowUp> = {}): FollowUp {
  return {
    itemId: 1,
    version: '"1"',
    planKey: 'lakemedel' as PlanKey,
    periodKey: '2020-04' as PeriodKey,
    sortOrder: 1,
    title: 'Övergripande handlingsplan för läkemedel 2020',
    validity: '2020',
    decision: '',
    diaryNumber: 'HSN/1241/2019',
    documentUrl: null,
    owners: [anna],
    lifecycle: 'active',
    status: 'partly',
    statusNote: '',
    comment: '<p>Text</p>',
    inputState: 'submitted',
    submittedBy: anna,
    submittedAt: '2020-05-10T08:00:00Z',
    modifiedAt: '2020-05-10T08:00:00Z',
    modifiedBy: anna,
    ...overrides,
  };
}

const owner: Viewer = { ...anna, role: 'member' };
const other: Viewer = { ...bo, role: 'member' };
const coordinator: Viewer = {
  id: 1,
  name: 'Samordnare',
  upn: 's@example.test',
  role: 'coordinator',
};
const open = { state: 'open' } as const;
const locked = { state: 'locked' } as const;

describe('who may edit what', () => {
  it('lets an owner edit their own plan in an open period', () => {
    expect(canEdit(owner, followUp(), open)).toBe(true);
    expect(editBlock(owner, followUp(), open)).toBeNull();
  });

  it('keeps an owner out of a locked period', () => {
    expect(editBlock(owner, followUp(), locked)).toBe('period-locked');
  });

  it('keeps others out of plans they do not own, open or locked', () => {
    expect(editBlock(other, followUp(), open)).toBe('not-owner');
    expect(editBlock(other, followUp(), locked)).toBe('not-owner');
  });

  it('recognizes one owner among several', () => {
    expect(canEdit(other, followUp({ owners: [anna, bo] }), open)).toBe(true);
  });

  it('lets a coordinator edit everything', () => {
    expect(canEdit(coordinator, followUp(), open)).toBe(true);
    expect(canEdit(coordinator, followUp(), locked)).toBe(true);
    expect(canEdit(coordinator, followUp({ owners: [] }), open)).toBe(true);
  });
});

describe('missing input and ownership', () => {
  const items = [
    followUp({ itemId: 1, sortOrder: 3, inputState: 'missing', title: 'C' }),
    followUp({ itemId: 2, sortOrder: 1, inputState: 'submitted', title: 'A' }),
    followUp({ itemId: 3, sortOrder: 2, inputState: 'draft', title: 'B', owners: [bo] }),
  ];

  it('lists everything not submitted, in the plans’ order', () => {
    expect(awaitingInput(items).map((f) => f.itemId)).toEqual([3, 1]);
  });

  it('lists a person’s own plans', () => {
    expect(ownedBy(anna, items).map((f) => f.itemId)).toEqual([2, 1]);
    expect(ownedBy(bo, items).map((f) => f.itemId)).toEqual([3]);
  });
});

describe('validation', () => {
  const blank = { status: null, statusNote: '', comment: '' };

  it('lets a draft be incomplete', () => {
    expect(validateInput(blank, 'draft')).toEqual([]);
    expect(validateInput({ ...blank, status: 'not-assessed' }, 'draft')).toEqual([]);
  });

  it('requires a status to submit', () => {
    expect(validateInput(blank, 'submit')).toEqual([{ field: 'status', code: 'required' }]);
  });

  it('requires a note when not assessed, ignoring blanks', () => {
    expect(validateInput({ ...blank, status: 'not-assessed', statusNote: '  ' }, 'submit')).toEqual(
      [{ field: 'statusNote', code: 'required' }],
    );
    expect(
      validateInput({ ...blank, status: 'not-assessed', statusNote: 'Ska omarbetas' }, 'submit'),
    ).toEqual([]);
  });

  it('accepts each assessed status without a note', () => {
    for (const status of ['good', 'partly', 'poor'] as const) {
      expect(validateInput({ ...blank, status }, 'submit')).toEqual([]);
    }
  });

  it('bounds the note', () => {
    const note = 'x'.repeat(STATUS_NOTE_MAX_LENGTH + 1);
    expect(validateInput({ ...blank, statusNote: note }, 'draft')).toEqual([
      { field: 'statusNote', code: 'too-long', max: STATUS_NOTE_MAX_LENGTH },
    ]);
  });

  it('bounds a submitted comment by its text; a draft may be longer', () => {
    const atLimit = `<p>${'a'.repeat(COMMENT_MAX_TEXT_LENGTH)}</p>`;
    expect(validateInput({ ...blank, status: 'good', comment: atLimit }, 'submit')).toEqual([]);
    const tooLongText = `<p>${'a'.repeat(COMMENT_MAX_TEXT_LENGTH + 1)}</p>`;
    expect(validateInput({ ...blank, comment: tooLongText }, 'draft')).toEqual([]);
    expect(validateInput({ ...blank, status: 'good', comment: tooLongText }, 'submit')).toEqual([
      { field: 'comment', code: 'too-long', max: COMMENT_MAX_TEXT_LENGTH },
    ]);
  });

  it('refuses comment HTML the field cannot hold, even for a draft', () => {
    const heavyMarkup = '<p><b></b></p>'.repeat(Math.ceil(COMMENT_MAX_HTML_LENGTH / 14) + 1);
    for (const intent of ['draft', 'submit'] as const) {
      expect(validateInput({ ...blank, status: 'good', comment: heavyMarkup }, intent)).toEqual([
        { field: 'comment', code: 'too-large', max: COMMENT_MAX_HTML_LENGTH },
      ]);
    }
  });

  it('tells the comment’s length against the limit, as the form shows it while typing', () => {
    expect(commentLength('<p>Hej &amp; hå</p>')).toEqual({
      used: 8,
      max: COMMENT_MAX_TEXT_LENGTH,
      over: false,
      tooLarge: false,
    });
    expect(commentLength(`<p>${'a'.repeat(COMMENT_MAX_TEXT_LENGTH)}</p>`).over).toBe(false);
    expect(commentLength(`<p>${'a'.repeat(COMMENT_MAX_TEXT_LENGTH + 1)}</p>`)).toMatchObject({
      used: COMMENT_MAX_TEXT_LENGTH + 1,
      over: true,
    });
  });

  it('reports several issues at once', () => {
    const issues = validateInput(
      { status: 'not-assessed', statusNote: '', comment: 'x'.repeat(COMMENT_MAX_TEXT_LENGTH + 1) },
      'submit',
    );
    expect(issues.map((i) => i.field)).toEqual(['statusNote', 'comment']);
  });

  it('maps the intent to the input state', () => {
    expect(inputStateAfter('draft')).toBe('draft');
    expect(inputStateAfter('submit')).toBe('submitted');
  });
});

describe('rollover', () => {
  const from = {
    year: 2020,
    kind: 'tertial' as const,
    introduction: '',
    legendPlacement: 'before-summary' as const,
    report: {
      unit: 'Samordningskansliet',
      contact: 'Kontakt',
      date: '2020-05-20',
      diaryNumber: 'RS/1/2020',
    },
  };
  const items = [
    followUp({ itemId: 1, planKey: 'b' as PlanKey, sortOrder: 2, owners: [bo] }),
    followUp({
      itemId: 2,
      planKey: 'a' as PlanKey,
      sortOrder: 1,
      documentUrl: 'https://x.test/a.pdf',
    }),
    followUp({ itemId: 3, planKey: 'gone' as PlanKey, sortOrder: 3, lifecycle: 'retired' }),
    followUp({ itemId: 4, planKey: 'rev' as PlanKey, sortOrder: 4, lifecycle: 'under-revision' }),
  ];

  it('creates the next period, open, with a default due date and the same unit and contact', () => {
    const { period } = rollover(from, items);
    expect(period).toMatchObject({
      key: '2020-08',
      year: 2020,
      kind: 'delar',
      state: 'open',
      dueDate: '2020-09-14',
      summary: '',
      report: { unit: 'Samordningskansliet', contact: 'Kontakt', date: '', diaryNumber: '' },
    });
  });

  it('keeps plans, order, owners and metadata; empties status and comment; drops retired plans', () => {
    const { followUps } = rollover(from, items);
    expect(followUps.map((f) => f.planKey)).toEqual(['a', 'b', 'rev']);
    expect(followUps[0]).toMatchObject({
      periodKey: '2020-08',
      documentUrl: 'https://x.test/a.pdf',
      owners: [anna],
      status: null,
      statusNote: '',
      comment: '',
      inputState: 'missing',
      submittedBy: null,
      submittedAt: null,
    });
    expect(followUps[1]?.owners).toEqual([bo]);
    expect(followUps[2]?.lifecycle).toBe('under-revision');
  });

  it('carries the report’s own introduction, with the new date, and the legend’s place', () => {
    const { period } = rollover(
      {
        ...from,
        introduction: 'Uppföljningen gäller läget per 30 april.',
        legendPlacement: 'after-summary',
      },
      [],
    );
    expect(period.introduction).toBe('Uppföljningen gäller läget per 31 augusti.');
    expect(period.legendPlacement).toBe('after-summary');
    expect(rollover(from, []).period.introduction).toBe('');
  });

  it('rolls the year over after årsbokslut', () => {
    const { period } = rollover({ ...from, kind: 'arsbokslut' }, []);
    expect(period.key).toBe('2021-04');
  });
});

describe('withdrawsSubmission', () => {
  it('is only a draft saved over a submission', () => {
    expect(withdrawsSubmission({ inputState: 'submitted' }, 'draft')).toBe(true);
    expect(withdrawsSubmission({ inputState: 'submitted' }, 'submit')).toBe(false);
    expect(withdrawsSubmission({ inputState: 'draft' }, 'draft')).toBe(false);
    expect(withdrawsSubmission({ inputState: 'missing' }, 'draft')).toBe(false);
  });
});

describe('rolloverGuard', () => {
  const p = (key: string, state: 'open' | 'locked') => {
    const [year, month] = key.split('-').map(Number);
    const kind = month === 4 ? 'tertial' : month === 8 ? 'delar' : 'arsbokslut';
    return { key: key as PeriodKey, state, year: year ?? 0, kind } as const;
  };
  const inAugust = (overrides: Partial<FollowUp>) =>
    followUp({ periodKey: '2020-08' as PeriodKey, ...overrides });
  const august = [
    inAugust({ planKey: 'a' as PlanKey, inputState: 'submitted' }),
    inAugust({ planKey: 'b' as PlanKey, inputState: 'draft' }),
    inAugust({ planKey: 'c' as PlanKey, inputState: 'missing' }),
    // Ended from this period: not followed up, so not missing either.
    inAugust({
      planKey: 'd' as PlanKey,
      inputState: 'missing',
      lifecycle: 'retired',
      lifecycleFrom: '2020-08' as PeriodKey,
    }),
    // Ended from the next: followed up now.
    inAugust({
      planKey: 'e' as PlanKey,
      inputState: 'missing',
      lifecycle: 'retired',
      lifecycleFrom: '2020-12' as PeriodKey,
    }),
  ];

  it('lets a locked period roll over without a word of missing answers', () => {
    const periods = [p('2020-08', 'locked'), p('2020-04', 'locked')];
    expect(rolloverGuard(periods, p('2020-08', 'locked'), august)).toEqual({
      allowed: true,
      missing: 0,
      total: 4,
    });
  });

  it('names the missing answers of an open period (drafts count as missing)', () => {
    const periods = [p('2020-08', 'open'), p('2020-04', 'locked')];
    expect(rolloverGuard(periods, p('2020-08', 'open'), august)).toEqual({
      allowed: true,
      missing: 3,
      total: 4,
    });
  });

  it('never goes two periods ahead, and only from the newest', () => {
    const periods = [p('2020-12', 'open'), p('2020-08', 'open'), p('2020-04', 'locked')];
    expect(rolloverGuard(periods, p('2020-12', 'open'), [])).toEqual({
      allowed: false,
      reason: 'two-ahead',
      open: '2020-08',
    });
    expect(rolloverGuard(periods, p('2020-08', 'open'), august)).toEqual({
      allowed: false,
      reason: 'not-newest',
    });
    // Once the older one is locked, the newest may go on.
    const later = [p('2020-12', 'open'), p('2020-08', 'locked')];
    expect(rolloverGuard(later, p('2020-12', 'open'), []).allowed).toBe(true);
  });
});

describe('rolloverGuard, a plan being revised', () => {
  it('is followed up, so its missing answer counts', () => {
    const periods = [
      { key: '2020-08' as PeriodKey, state: 'open', year: 2020, kind: 'delar' },
    ] as const;
    const revising = followUp({
      periodKey: '2020-08' as PeriodKey,
      lifecycle: 'under-revision',
      inputState: 'missing',
    });
    expect(rolloverGuard(periods, periods[0], [revising])).toEqual({
      allowed: true,
      missing: 1,
      total: 1,
    });
  });
});

describe('submissionState', () => {
  const at = '2020-09-01T08:00:00Z';

  it('tells a submission by whom and when', () => {
    expect(
      submissionState({ inputState: 'submitted', submittedBy: anna, submittedAt: at }),
    ).toEqual({ state: 'submitted', by: anna, at });
  });

  it('tells a send-back as returned, not submitted, though the submitter is still stored', () => {
    expect(
      submissionState({
        inputState: 'draft',
        submittedBy: anna,
        submittedAt: at,
        review: { state: 'returned', comment: 'Komplettera.' },
      }),
    ).toEqual({ state: 'returned', submitted: { by: anna, at } });
    // Saved as a draft since: the submitter is cleared, the send-back still stands.
    expect(
      submissionState({
        inputState: 'draft',
        submittedBy: null,
        submittedAt: null,
        review: { state: 'returned', comment: 'Komplettera.' },
      }),
    ).toEqual({ state: 'returned', submitted: null });
  });

  it('tells nothing of a draft or a missing answer', () => {
    expect(submissionState({ inputState: 'draft', submittedBy: anna, submittedAt: at })).toBeNull();
    expect(
      submissionState({ inputState: 'missing', submittedBy: null, submittedAt: null }),
    ).toBeNull();
    // Submitted again after a send-back: the new submission is what counts.
    expect(
      submissionState({
        inputState: 'submitted',
        submittedBy: anna,
        submittedAt: at,
        review: { state: 'returned', comment: '' },
      }),
    ).toEqual({ state: 'submitted', by: anna, at });
  });
});
