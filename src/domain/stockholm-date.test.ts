import { describe, expect, it } from 'vitest';
import { stockholmDate } from './stockholm-date';

const intl = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' });
const byIntl = (ms: number) => intl.format(ms);

describe('stockholmDate', () => {
  it('reads the date SharePoint stores for a date-only value as Stockholm midnight', () => {
    expect(stockholmDate('2020-08-30T22:00:00Z')).toBe('2020-08-31');
    expect(stockholmDate('2020-12-30T23:00:00Z')).toBe('2020-12-31');
    expect(stockholmDate('2020-04-30T12:00:00Z')).toBe('2020-04-30');
  });

  it('changes date at Stockholm midnight, not at UTC midnight', () => {
    expect(stockholmDate('2024-01-15T22:59:59Z')).toBe('2024-01-15');
    expect(stockholmDate('2024-01-15T23:00:00Z')).toBe('2024-01-16');
    expect(stockholmDate('2024-07-15T21:59:59Z')).toBe('2024-07-15');
    expect(stockholmDate('2024-07-15T22:00:00Z')).toBe('2024-07-16');
  });

  it('switches to and from summer time at 01:00 UTC on the last Sundays of March and October', () => {
    // 2024: summer time from 31 March to 27 October.
    expect(stockholmDate('2024-03-30T23:30:00Z')).toBe('2024-03-31'); // 00:30 CET
    expect(stockholmDate('2024-10-26T22:30:00Z')).toBe('2024-10-27'); // 00:30 CEST
    expect(stockholmDate('2024-10-27T22:30:00Z')).toBe('2024-10-27'); // 23:30 CET
  });

  it('agrees with Intl every hour of the days around each switch, 1996 to 2040', () => {
    const differences: string[] = [];
    for (let year = 1996; year <= 2040; year += 1) {
      for (const month of [2, 9]) {
        const from = Date.UTC(year, month, 20);
        for (let ms = from; ms < from + 14 * 86_400_000; ms += 1_800_000) {
          const iso = new Date(ms).toISOString();
          if (stockholmDate(iso) !== byIntl(ms)) differences.push(iso);
        }
      }
    }
    expect(differences).toEqual([]);
  });

  it('agrees with Intl on earlier years, which had other rules', () => {
    for (const iso of ['1985-09-28T22:30:00Z', '1979-06-30T22:30:00Z', '1995-09-23T22:30:00Z']) {
      expect(stockholmDate(iso)).toBe(byIntl(Date.parse(iso)));
    }
  });

  it('answers an empty string for a value that is not an instant', () => {
    expect(stockholmDate('not a date')).toBe('');
    expect(stockholmDate('')).toBe('');
  });
});
