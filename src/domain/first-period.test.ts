import { describe, expect, it } from 'vitest';
import { firstPeriod, firstPeriodDefaults, validateFirstPeriod } from './first-period';
import type { PeriodKey } from './period';

describe('validateFirstPeriod', () => {
  it('accepts a kind, a year and a due date on a site without periods', () => {
    expect(
      validateFirstPeriod({ kind: 'tertial', year: '2027', dueDate: '2027-05-14' }, []),
    ).toEqual([]);
  });

  it('asks for a four-digit year and a real date', () => {
    expect(validateFirstPeriod({ kind: 'delar', year: '27', dueDate: '2027-02-30' }, [])).toEqual([
      { field: 'year', code: 'invalid-year' },
      { field: 'dueDate', code: 'invalid-date' },
    ]);
    expect(validateFirstPeriod({ kind: 'delar', year: ' ', dueDate: '' }, [])).toEqual([
      { field: 'year', code: 'invalid-year' },
      { field: 'dueDate', code: 'required' },
    ]);
  });

  it('refuses once the site has a period: later ones are started from it', () => {
    expect(
      validateFirstPeriod({ kind: 'arsbokslut', year: '2027', dueDate: '2028-01-14' }, [
        { key: '2027-08' as PeriodKey },
      ]),
    ).toEqual([{ field: 'kind', code: 'not-first' }]);
  });
});

describe('firstPeriod', () => {
  it('is open, with the key and the due date given, and nothing else filled in', () => {
    const period = firstPeriod({ kind: 'arsbokslut', year: ' 2027 ', dueDate: ' 2028-01-14 ' });
    expect(period).toEqual({
      year: 2027,
      kind: 'arsbokslut',
      key: '2027-12',
      state: 'open',
      dueDate: '2028-01-14',
      summary: '',
      introduction: '',
      legendPlacement: 'before-summary',
      report: { unit: '', contact: '', date: '', diaryNumber: '' },
      log: [],
    });
  });

  it('proposes the tertial of the year and its usual due date', () => {
    expect(firstPeriodDefaults(new Date('2027-03-02T10:00:00Z'))).toEqual({
      kind: 'tertial',
      year: '2027',
      dueDate: '2027-05-14',
    });
    // The form follows the kind and year chosen.
    expect(firstPeriodDefaults(new Date('2027-03-02T10:00:00Z'), 'delar', '2026')).toEqual({
      kind: 'delar',
      year: '2026',
      dueDate: '2026-09-14',
    });
  });
});
