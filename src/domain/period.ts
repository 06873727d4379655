import { assertNever } from './assert-never';
import { monthName } from './format';
import type { PeriodLogEntry } from './period-log';

/** The three follow-ups of a year: per 30 April, per 31 August, per 31 December. */
export type PeriodKind = 'tertial' | 'delar' | 'arsbokslut';

export const PERIOD_KINDS: readonly PeriodKind[] = ['tertial', 'delar', 'arsbokslut'];

/** A period's key, "YYYY-MM" with MM the closing month: "2020-04", "2017-08", "2020-12". */
export type PeriodKey = string & { readonly __brand: 'PeriodKey' };

export interface PeriodId {
  readonly year: number;
  readonly kind: PeriodKind;
}

export type PeriodState = 'open' | 'locked';

/** Where a period's report puts its legend: before the summary (as in 2020) or after it (2017). */
export type LegendPlacement = 'before-summary' | 'after-summary';
export const LEGEND_PLACEMENTS: readonly LegendPlacement[] = ['before-summary', 'after-summary'];

export interface ReportMetadata {
  /** Issuing unit, e.g. "Samordningskansliet". */
  readonly unit: string;
  /** As the reports print it, a line each: "Sandra Hedman", "Tfn: …", "E-post: …". */
  readonly contact: string;
  /** Report date, YYYY-MM-DD or "". */
  readonly date: string;
  readonly diaryNumber: string;
}

export interface Period extends PeriodId {
  readonly key: PeriodKey;
  readonly state: PeriodState;
  /** Last day for owners' input, YYYY-MM-DD. */
  readonly dueDate: string;
  /** The "Sammantaget visar…" paragraph, HTML. */
  readonly summary: string;
  /**
   * The report's introduction as plain text, paragraphs apart by a blank line; "" for the
   * standard text, which follows the period ("Den här rapporten redovisar uppföljning per …").
   */
  readonly introduction: string;
  readonly legendPlacement: LegendPlacement;
  readonly report: ReportMetadata;
  /** Reminders sent, locks and reopenings, oldest first. */
  readonly log: readonly PeriodLogEntry[];
  /** Storage version (ETag) for concurrency. */
  readonly version: string;
  /** Storage id, used by the adapter to address the item. */
  readonly itemId: number;
}

const MONTH_OF_KIND: Record<PeriodKind, number> = { tertial: 4, delar: 8, arsbokslut: 12 };

/** The month (1–12) a period of this kind closes on. */
export function closingMonth(kind: PeriodKind): number {
  return MONTH_OF_KIND[kind];
}

/** "2020-04" for tertial 2020. */
export function periodKey(id: PeriodId): PeriodKey {
  return `${String(id.year).padStart(4, '0')}-${String(closingMonth(id.kind)).padStart(2, '0')}` as PeriodKey;
}

/** Parses "2020-04" / "2017-08" / "2020-12"; null for anything else. */
export function parsePeriodKey(value: string): PeriodId | null {
  const match = /^(\d{4})-(04|08|12)$/.exec(value.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const kind = PERIOD_KINDS.find((k) => closingMonth(k) === month);
  return kind ? { year, kind } : null;
}

/** Type guard and brand for a string that is a valid period key. */
export function isPeriodKey(value: string): value is PeriodKey {
  return parsePeriodKey(value) !== null;
}

export type Locale = 'sv' | 'en';

/** "Tertialrapport april 2020", "Delårsrapport augusti 2017", "Årsbokslut 2020" (or English). */
export function periodLabel(id: PeriodId, locale: Locale = 'sv'): string {
  switch (id.kind) {
    case 'tertial':
      return locale === 'sv'
        ? `Tertialrapport april ${id.year}`
        : `Four-month report April ${id.year}`;
    case 'delar':
      return locale === 'sv'
        ? `Delårsrapport augusti ${id.year}`
        : `Interim report August ${id.year}`;
    case 'arsbokslut':
      return locale === 'sv' ? `Årsbokslut ${id.year}` : `Annual accounts ${id.year}`;
    default:
      return assertNever(id.kind);
  }
}

/** The period after this one: tertial → delår → årsbokslut → next year's tertial. */
export function nextPeriod(id: PeriodId): PeriodId {
  switch (id.kind) {
    case 'tertial':
      return { year: id.year, kind: 'delar' };
    case 'delar':
      return { year: id.year, kind: 'arsbokslut' };
    case 'arsbokslut':
      return { year: id.year + 1, kind: 'tertial' };
    default:
      return assertNever(id.kind);
  }
}

/** The period before this one. */
export function previousPeriod(id: PeriodId): PeriodId {
  switch (id.kind) {
    case 'tertial':
      return { year: id.year - 1, kind: 'arsbokslut' };
    case 'delar':
      return { year: id.year, kind: 'tertial' };
    case 'arsbokslut':
      return { year: id.year, kind: 'delar' };
    default:
      return assertNever(id.kind);
  }
}

/** Last day of the period, YYYY-MM-DD: 30 April, 31 August, 31 December. */
export function periodEndDate(id: PeriodId): string {
  const month = closingMonth(id.kind);
  const day = month === 4 ? 30 : 31;
  return `${id.year}-${String(month).padStart(2, '0')}-${day}`;
}

/** Days after the period's end that owners get for their input by default. */
export const DEFAULT_DAYS_TO_ANSWER = 14;

/** Default due date for input: two weeks after the period ends (YYYY-MM-DD). */
export function defaultDueDate(id: PeriodId): string {
  return addDays(periodEndDate(id), DEFAULT_DAYS_TO_ANSWER);
}

/** Adds days to a YYYY-MM-DD date, in calendar days (no time zone involved). */
export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + days));
  return date.toISOString().slice(0, 10);
}

/** Orders period keys newest first. */
export function compareNewestFirst(a: PeriodId, b: PeriodId): number {
  return b.year - a.year || closingMonth(b.kind) - closingMonth(a.kind);
}

/** The name of the month a period of this kind closes in: "april", "augusti", "december". */
export function closingMonthName(kind: PeriodKind): string {
  return monthName(closingMonth(kind), 'sv');
}

/** "per 30 april", "per 31 augusti", "per 31 december". */
export function periodAsOf(id: PeriodId): string {
  const day = Number(periodEndDate(id).slice(8, 10));
  return `per ${day} ${closingMonthName(id.kind)}`;
}

/**
 * The introduction a rolled-over period starts with: the previous period's own text, with its
 * "per 30 april" turned into the new period's date; "" (the standard text) stays "".
 */
export function introductionForNext(
  from: PeriodId & Pick<Period, 'introduction'>,
  next: PeriodId,
): string {
  if (from.introduction.trim() === '') return '';
  return from.introduction.split(periodAsOf(from)).join(periodAsOf(next));
}
