import type { LegendPlacement, Period, ReportMetadata } from './period';
import { COMMENT_MAX_HTML_LENGTH } from './rules';

/**
 * What a coordinator may change on a period: the due date, the summary, the report's
 * introduction and legend placement, the report header.
 */
export interface PeriodChange {
  readonly dueDate?: string;
  /** The "Sammantaget visar…" paragraph, HTML. */
  readonly summary?: string;
  /** Plain text; "" for the standard text. */
  readonly introduction?: string;
  readonly legendPlacement?: LegendPlacement;
  readonly report?: ReportMetadata;
}

/** The longest introduction: plain text in SharePoint's multi-line field, a few paragraphs. */
export const INTRODUCTION_MAX_LENGTH = 4_000;

export type PeriodChangeIssue =
  | { readonly field: 'dueDate'; readonly code: 'required' | 'invalid-date' }
  | { readonly field: 'reportDate'; readonly code: 'invalid-date' }
  | { readonly field: 'summary'; readonly code: 'too-long' }
  | { readonly field: 'introduction'; readonly code: 'too-long' };

/** True for a real calendar date written YYYY-MM-DD ("2020-02-30" is not one). */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/**
 * Checks a change before it is stored: the due date must be a date (it cannot be emptied), the
 * report date a date or empty, the summary fit SharePoint's multi-line text field.
 */
export function validatePeriodChange(change: PeriodChange): PeriodChangeIssue[] {
  const issues: PeriodChangeIssue[] = [];
  if (change.dueDate !== undefined) {
    const due = change.dueDate.trim();
    if (due === '') issues.push({ field: 'dueDate', code: 'required' });
    else if (!isIsoDate(due)) issues.push({ field: 'dueDate', code: 'invalid-date' });
  }
  if (change.report !== undefined) {
    const date = change.report.date.trim();
    if (date !== '' && !isIsoDate(date)) issues.push({ field: 'reportDate', code: 'invalid-date' });
  }
  if (change.summary !== undefined && change.summary.length > COMMENT_MAX_HTML_LENGTH) {
    issues.push({ field: 'summary', code: 'too-long' });
  }
  if (
    change.introduction !== undefined &&
    change.introduction.trim().length > INTRODUCTION_MAX_LENGTH
  ) {
    issues.push({ field: 'introduction', code: 'too-long' });
  }
  return issues;
}

/** Only what differs from the period: an unchanged field is not sent (and not overwritten). */
export function changedFields(period: Period, wanted: Required<PeriodChange>): PeriodChange {
  const report = wanted.report;
  const reportChanged =
    report.unit !== period.report.unit ||
    report.contact !== period.report.contact ||
    report.date !== period.report.date ||
    report.diaryNumber !== period.report.diaryNumber;
  return {
    ...(wanted.dueDate !== period.dueDate ? { dueDate: wanted.dueDate } : {}),
    ...(wanted.summary !== period.summary ? { summary: wanted.summary } : {}),
    ...(wanted.introduction.trim() !== period.introduction.trim()
      ? { introduction: wanted.introduction.trim() }
      : {}),
    ...(wanted.legendPlacement !== period.legendPlacement
      ? { legendPlacement: wanted.legendPlacement }
      : {}),
    ...(reportChanged ? { report } : {}),
  };
}

/** True when a change changes nothing. */
export function isEmptyChange(change: PeriodChange): boolean {
  return (
    change.dueDate === undefined &&
    change.summary === undefined &&
    change.introduction === undefined &&
    change.legendPlacement === undefined &&
    change.report === undefined
  );
}

/** A reopening needs a reason, kept in the period's log. */
export function validateReopenReason(reason: string): 'required' | null {
  return reason.trim() === '' ? 'required' : null;
}
