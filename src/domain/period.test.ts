import { describe, expect, it } from 'vitest';
import {
  introductionForNext,
  addDays,
  compareNewestFirst,
  defaultDueDate,
  isPeriodKey,
  nextPeriod,
  parsePeriodKey,
  periodEndDate,
  periodKey,
  periodLabel,
  previousPeriod,
  type PeriodId,
} from './period';

describe('period keys', () => {
  it.each([
    [{ year: 2020, kind: 'tertial' }, '2020-04'],
    [{ year: 2017, kind: 'delar' }, '2017-08'],
    [{ year: 2020, kind: 'arsbokslut' }, '2020-12'],
  ] as const)('%o has key %s and parses back', (id, key) => {
    expect(periodKey(id)).toBe(key);
    expect(parsePeriodKey(key)).toEqual(id);
  });

  it.each(['2020-05', '2020-4', '20-04', '2020-04-30', '', 'abcd-04', '2020-13'])(
    'rejects %j',
    (value) => {
      expect(parsePeriodKey(value)).toBeNull();
      expect(isPeriodKey(value)).toBe(false);
    },
  );
});

describe('labels', () => {
  it('names periods as the reports do, in Swedish by default', () => {
    expect(periodLabel({ year: 2020, kind: 'tertial' })).toBe('Tertialrapport april 2020');
    expect(periodLabel({ year: 2017, kind: 'delar' })).toBe('Delårsrapport augusti 2017');
    expect(periodLabel({ year: 2020, kind: 'arsbokslut' })).toBe('Årsbokslut 2020');
  });

  it('has English labels', () => {
    expect(periodLabel({ year: 2017, kind: 'delar' }, 'en')).toBe('Interim report August 2017');
    expect(periodLabel({ year: 2020, kind: 'arsbokslut' }, 'en')).toBe('Annual accounts 2020');
    expect(periodLabel({ year: 2020, kind: 'tertial' }, 'en')).toContain('April 2020');
  });
});

describe('period arithmetic', () => {
  const cycle: PeriodId[] = [
    { year: 2019, kind: 'arsbokslut' },
    { year: 2020, kind: 'tertial' },
    { year: 2020, kind: 'delar' },
    { year: 2020, kind: 'arsbokslut' },
    { year: 2021, kind: 'tertial' },
  ];

  it('steps forward through the year and into the next', () => {
    for (let i = 0; i < cycle.length - 1; i += 1) {
      expect(nextPeriod(cycle[i]!)).toEqual(cycle[i + 1]);
    }
  });

  it('steps backward as the inverse of next', () => {
    for (let i = 1; i < cycle.length; i += 1) {
      expect(previousPeriod(cycle[i]!)).toEqual(cycle[i - 1]);
      expect(previousPeriod(nextPeriod(cycle[i]!))).toEqual(cycle[i]);
    }
  });

  it('ends on 30 April, 31 August and 31 December', () => {
    expect(periodEndDate({ year: 2020, kind: 'tertial' })).toBe('2020-04-30');
    expect(periodEndDate({ year: 2017, kind: 'delar' })).toBe('2017-08-31');
    expect(periodEndDate({ year: 2020, kind: 'arsbokslut' })).toBe('2020-12-31');
  });

  it('gives owners two weeks after the period ends, across month and year ends', () => {
    expect(defaultDueDate({ year: 2020, kind: 'tertial' })).toBe('2020-05-14');
    expect(defaultDueDate({ year: 2020, kind: 'delar' })).toBe('2020-09-14');
    expect(defaultDueDate({ year: 2020, kind: 'arsbokslut' })).toBe('2021-01-14');
  });

  it('adds days across leap days', () => {
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2021-02-28', 1)).toBe('2021-03-01');
    expect(addDays('2020-03-01', -1)).toBe('2020-02-29');
  });

  it('sorts newest first', () => {
    const sorted = [...cycle].reverse().reverse().sort(compareNewestFirst);
    expect(sorted.map(periodKey)).toEqual(['2021-04', '2020-12', '2020-08', '2020-04', '2019-12']);
  });
});

describe('introductionForNext', () => {
  it('keeps the standard text as none', () => {
    expect(introductionForNext({ year: 2020, kind: 'tertial', introduction: '  ' }, NEXT)).toBe('');
  });

  it('copies an own text, its "per 30 april" turned into the next period’s date', () => {
    const own =
      'Handlingsplanerna följs upp. Den här rapporten redovisar uppföljning per 30 april.\n\n' +
      'Per 30 april 2020 är läget oklart.';
    expect(introductionForNext({ year: 2020, kind: 'tertial', introduction: own }, NEXT)).toBe(
      'Handlingsplanerna följs upp. Den här rapporten redovisar uppföljning per 31 augusti.\n\n' +
        'Per 30 april 2020 är läget oklart.',
    );
  });
});

const NEXT = { year: 2020, kind: 'delar' } as const;
