const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The instant (ms) of 01:00 UTC on the last Sunday of `month` (0-based) in `year`. */
function lastSundayAtOneUtc(year: number, month: number): number {
  const lastDay = Date.UTC(year, month + 1, 0);
  return lastDay - new Date(lastDay).getUTCDay() * DAY_MS + HOUR_MS;
}

/** The first year of the EU's common summer-time rule, which Sweden follows. */
const COMMON_RULE_FROM = 1996;

/**
 * The calendar date (YYYY-MM-DD) in Stockholm of an instant, '' for a value that is not one.
 *
 * Sweden is on UTC+1, and on UTC+2 from 01:00 UTC on the last Sunday of March to 01:00 UTC on
 * the last Sunday of October (the EU rule since 1996). Computed here rather than with
 * `Intl.DateTimeFormat`: the app reads dates while it starts, and the first use of `Intl` loads
 * its locale and time-zone data, about 50 ms on a slow laptop before the first screen's second
 * request can leave (docs/benchmarks.md). Earlier years, with other rules, still go to `Intl`.
 */
export function stockholmDate(isoInstant: string): string {
  const ms = Date.parse(isoInstant);
  if (Number.isNaN(ms)) return '';
  const year = new Date(ms).getUTCFullYear();
  if (year < COMMON_RULE_FROM) {
    return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(ms);
  }
  const summer = ms >= lastSundayAtOneUtc(year, 2) && ms < lastSundayAtOneUtc(year, 9);
  return new Date(ms + (summer ? 2 : 1) * HOUR_MS).toISOString().slice(0, 10);
}
