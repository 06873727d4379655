import { describe, expect, test } from 'vitest';
import { formatDate, formatDateTime, formatNumber, formatPercent, formatTime } from './format';

describe('formatDate', () => {
  test.each([
    ['2020-09-14', 'sv', '14 september 2020'],
    ['2026-01-01', 'sv', '1 januari 2026'],
    ['2020-04-30', 'en', '30 April 2020'],
  ] as const)('%s in %s is %s', (iso, locale, expected) => {
    expect(formatDate(iso, locale)).toBe(expected);
  });

  test.each(['', 'snart', '2020-13-01', '2020-00-10', '2020-09-00', '2020-9-14'])(
    '%j is shown as it is',
    (value) => {
      expect(formatDate(value, 'sv')).toBe(value);
    },
  );

  test('writes what Intl writes for a long date, without loading it', () => {
    for (const iso of ['2020-02-29', '2024-05-01', '2026-12-31']) {
      const intl = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: 'UTC' });
      expect(formatDate(iso, 'sv')).toBe(intl.format(new Date(`${iso}T12:00:00Z`)));
    }
  });
});

describe('formatDateTime and formatTime', () => {
  test('a timestamp in Stockholm time, the date spelt out as formatDate does', () => {
    expect(formatDateTime('2026-12-02T06:17:00Z', 'sv')).toBe(
      `${formatDate('2026-12-02', 'sv')} kl. 07:17`,
    );
    // Summer time.
    expect(formatDateTime('2020-09-10T08:00:00Z', 'sv')).toBe('10 september 2020 kl. 10:00');
    expect(formatDateTime('2020-09-10T08:00:00Z', 'en')).toBe('10 September 2020 at 10:00');
    expect(formatDateTime('inte ett datum', 'sv')).toBe('');
    expect(formatTime(new Date('2026-12-02T06:17:00Z'), 'sv')).toBe('07:17');
  });
});

describe('formatNumber', () => {
  test.each([
    [0, 'sv', '0'],
    [999, 'sv', '999'],
    [1000, 'sv', '1\u00a0000'],
    [10000, 'sv', '10\u00a0000'],
    [1234567, 'sv', '1\u00a0234\u00a0567'],
    [10000, 'en', '10,000'],
    [-2500, 'sv', '\u22122\u00a0500'],
  ] as const)('%d in %s is %j', (n, locale, expected) => {
    expect(formatNumber(n, locale)).toBe(expected);
  });

  test('groups as Intl does in Swedish', () => {
    for (const n of [5, 12345, 9876543, -10000]) {
      expect(formatNumber(n, 'sv')).toBe(new Intl.NumberFormat('sv-SE').format(n));
    }
  });
});

describe('formatPercent', () => {
  test('a no-break space before the sign in Swedish, none in English', () => {
    expect(formatPercent(67, 'sv')).toBe('67\u00a0%');
    expect(formatPercent(100, 'sv')).toBe('100\u00a0%');
    expect(formatPercent(67, 'en')).toBe('67%');
  });

  test('as Intl writes a whole percentage', () => {
    for (const n of [0, 7, 67, 100]) {
      expect(formatPercent(n, 'sv')).toBe(
        new Intl.NumberFormat('sv-SE', { style: 'percent' }).format(n / 100),
      );
      expect(formatPercent(n, 'en')).toBe(
        new Intl.NumberFormat('en-GB', { style: 'percent' }).format(n / 100),
      );
    }
  });
});
