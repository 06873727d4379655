import { describe, expect, it } from 'vitest';
import type { Period, PeriodKey } from './period';
import {
  changedFields,
  INTRODUCTION_MAX_LENGTH,
  isEmptyChange,
  isIsoDate,
  validatePeriodChange,
  validateReopenReason,
} from './period-change';

const report = { unit: 'Kansliet', contact: 'Karin', date: '2020-09-20', diaryNumber: 'RS 1' };
const period: Period = {
  year: 2020,
  kind: 'delar',
  key: '2020-08' as PeriodKey,
  state: 'open',
  dueDate: '2020-09-14',
  summary: '<p>Sammantaget visar…</p>',
  introduction: '',
  legendPlacement: 'before-summary',
  report,
  log: [],
  version: '"1"',
  itemId: 3,
};

describe('isIsoDate', () => {
  it.each(['2020-09-14', '2024-02-29', '1999-12-31'])('accepts %s', (value) => {
    expect(isIsoDate(value)).toBe(true);
  });
  it.each(['', '2020-9-14', '14/09/2020', '2020-02-30', '2021-02-29', '2020-13-01', '2020-09-14 '])(
    'refuses %j',
    (value) => {
      expect(isIsoDate(value)).toBe(false);
    },
  );
});

describe('validatePeriodChange', () => {
  it('accepts a valid change, and an empty report date', () => {
    expect(
      validatePeriodChange({ dueDate: '2020-09-30', report: { ...report, date: '' } }),
    ).toEqual([]);
  });
  it('requires a due date and a real one', () => {
    expect(validatePeriodChange({ dueDate: ' ' })).toEqual([
      { field: 'dueDate', code: 'required' },
    ]);
    expect(validatePeriodChange({ dueDate: '2020-02-31' })).toEqual([
      { field: 'dueDate', code: 'invalid-date' },
    ]);
  });
  it('refuses a report date that is not YYYY-MM-DD', () => {
    expect(validatePeriodChange({ report: { ...report, date: '20 sep 2020' } })).toEqual([
      { field: 'reportDate', code: 'invalid-date' },
    ]);
  });
  it('refuses a summary too long for SharePoint', () => {
    expect(validatePeriodChange({ summary: 'x'.repeat(64_000) })).toEqual([
      { field: 'summary', code: 'too-long' },
    ]);
  });
  it('ignores fields that are not changed', () => {
    expect(validatePeriodChange({})).toEqual([]);
  });
});

describe('changedFields', () => {
  const UNCHANGED_TEXT = { introduction: '', legendPlacement: 'before-summary' } as const;

  it('keeps only what differs from the period', () => {
    expect(
      changedFields(period, {
        dueDate: '2020-09-14',
        summary: period.summary,
        ...UNCHANGED_TEXT,
        report,
      }),
    ).toEqual({});
    expect(
      isEmptyChange(
        changedFields(period, {
          dueDate: '2020-09-14',
          summary: period.summary,
          ...UNCHANGED_TEXT,
          report,
        }),
      ),
    ).toBe(true);
    expect(
      changedFields(period, {
        dueDate: '2020-09-30',
        summary: '<p>Ny</p>',
        ...UNCHANGED_TEXT,
        report: { ...report, diaryNumber: 'RS 2' },
      }),
    ).toEqual({
      dueDate: '2020-09-30',
      summary: '<p>Ny</p>',
      report: { ...report, diaryNumber: 'RS 2' },
    });
  });
});

describe('changedFields, introduction and legend', () => {
  const wanted = {
    dueDate: period.dueDate,
    summary: period.summary,
    report,
  };

  it('sends an introduction only when its text changed (spaces at the ends do not count)', () => {
    expect(
      changedFields(period, { ...wanted, introduction: '  ', legendPlacement: 'before-summary' }),
    ).toEqual({});
    expect(
      changedFields(period, {
        ...wanted,
        introduction: ' En uppföljning per augusti har genomförts. ',
        legendPlacement: 'after-summary',
      }),
    ).toEqual({
      introduction: 'En uppföljning per augusti har genomförts.',
      legendPlacement: 'after-summary',
    });
  });

  it('refuses an introduction past its limit, and counts it as a change', () => {
    const long = 'a'.repeat(INTRODUCTION_MAX_LENGTH + 1);
    expect(validatePeriodChange({ introduction: long })).toEqual([
      { field: 'introduction', code: 'too-long' },
    ]);
    expect(validatePeriodChange({ introduction: 'a'.repeat(INTRODUCTION_MAX_LENGTH) })).toEqual([]);
    expect(isEmptyChange({ legendPlacement: 'after-summary' })).toBe(false);
    expect(isEmptyChange({ introduction: '' })).toBe(false);
  });
});

describe('validateReopenReason', () => {
  it('requires a reason', () => {
    expect(validateReopenReason('  ')).toBe('required');
    expect(validateReopenReason('Sen komplettering')).toBeNull();
  });
});
