import type { Locale } from './period';

/**
 * How the app writes dates, times and numbers, in one place: dates spelt out ("14 september
 * 2020", the form Språkrådet recommends in running text), timestamps with the time after
 * ("2 december 2026 kl. 07:17", Stockholm time), numbers with digit grouping ("10 000", a
 * no-break space in Swedish, as `Intl` writes it).
 *
 * Dates and numbers are formatted by hand: the owner's first screen shows the due date, and the
 * first use of `Intl` loads its locale data, which the first screen does not wait for
 * (docs/benchmarks.md; see also stockholm-date.ts). Timestamps need the time zone, so
 * they go through `Intl`, which only later screens use.
 */

const MONTHS: Record<Locale, readonly string[]> = {
  sv: [
    'januari',
    'februari',
    'mars',
    'april',
    'maj',
    'juni',
    'juli',
    'augusti',
    'september',
    'oktober',
    'november',
    'december',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

const INTL_LOCALE: Record<Locale, string> = { sv: 'sv-SE', en: 'en-GB' };

/** A month's name (1–12) as running text writes it: "augusti", "August"; "" for no month. */
export function monthName(month: number, locale: Locale): string {
  return MONTHS[locale][month - 1] ?? '';
}

/** A calendar date (YYYY-MM-DD) spelt out: "14 september 2020"; anything else as it is. */
export function formatDate(isoDate: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const month = match ? monthName(Number(match[2]), locale) : '';
  const day = match ? Number(match[3]) : 0;
  if (!match || !month || day < 1 || day > 31) return isoDate;
  return `${day} ${month} ${match[1]}`;
}

/** An instant as the user reads it, in Stockholm time: "2 december 2026 kl. 07:17"; '' if none. */
export function formatDateTime(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Stockholm',
  }).format(date);
}

/** The time of day of an instant in Stockholm: "07:17". */
export function formatTime(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    timeStyle: 'short',
    timeZone: 'Europe/Stockholm',
  }).format(date);
}

const GROUP_SEPARATOR: Record<Locale, string> = { sv: '\u00a0', en: ',' };

/** A whole number with its digits grouped in threes: "10 000" (no-break space) or "10,000". */
export function formatNumber(n: number, locale: Locale): string {
  if (!Number.isInteger(n)) return String(n);
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, GROUP_SEPARATOR[locale]);
  return n < 0 ? `\u2212${digits}` : digits;
}

const PERCENT_SPACE: Record<Locale, string> = { sv: '\u00a0', en: '' };

/** A whole percentage: "67 %" (a no-break space before the sign in Swedish) or "67%". */
export function formatPercent(percent: number, locale: Locale): string {
  return `${formatNumber(Math.round(percent), locale)}${PERCENT_SPACE[locale]}%`;
}
