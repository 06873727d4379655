import { defaultDueDate, periodKey, type Period, type PeriodId, type PeriodKind } from './period';
import { isIsoDate } from './period-change';
import type { NewPeriod } from './rules';

/**
 * A new site's first period, as the coordinator types it: every later period is started from the
 * one before it (rollover), so only an empty site creates one this way.
 */
export interface FirstPeriodDraft {
  readonly kind: PeriodKind;
  /** As typed, "2027". */
  readonly year: string;
  /** YYYY-MM-DD. */
  readonly dueDate: string;
}

export type FirstPeriodIssue =
  | { readonly field: 'year'; readonly code: 'invalid-year' }
  | { readonly field: 'dueDate'; readonly code: 'required' | 'invalid-date' }
  | { readonly field: 'kind'; readonly code: 'not-first' };

function parseYear(year: string): number | null {
  const trimmed = year.trim();
  return /^(19|20|21)\d{2}$/.test(trimmed) ? Number(trimmed) : null;
}

/** What stands in the way of creating the first period; none means it may be created. */
export function validateFirstPeriod(
  draft: FirstPeriodDraft,
  existing: readonly Pick<Period, 'key'>[],
): FirstPeriodIssue[] {
  if (existing.length > 0) return [{ field: 'kind', code: 'not-first' }];
  const issues: FirstPeriodIssue[] = [];
  if (parseYear(draft.year) === null) issues.push({ field: 'year', code: 'invalid-year' });
  const due = draft.dueDate.trim();
  if (due === '') issues.push({ field: 'dueDate', code: 'required' });
  else if (!isIsoDate(due)) issues.push({ field: 'dueDate', code: 'invalid-date' });
  return issues;
}

/** The first period as stored: open, without plans, summary or report header yet. */
export function firstPeriod(draft: FirstPeriodDraft): NewPeriod {
  const year = parseYear(draft.year);
  if (year === null) throw new Error(`Not a year: ${draft.year}`);
  const id: PeriodId = { year, kind: draft.kind };
  return {
    ...id,
    key: periodKey(id),
    state: 'open',
    dueDate: draft.dueDate.trim(),
    summary: '',
    introduction: '',
    legendPlacement: 'before-summary',
    report: { unit: '', contact: '', date: '', diaryNumber: '' },
    log: [],
  };
}

/**
 * What the form proposes: the kind and year given (else the tertial of this year) and that
 * period's usual due date, two weeks after it ends.
 */
export function firstPeriodDefaults(
  today: Date,
  kind: PeriodKind = 'tertial',
  year: string = String(today.getFullYear()),
): FirstPeriodDraft {
  const parsed = parseYear(year);
  return { kind, year, dueDate: parsed === null ? '' : defaultDueDate({ year: parsed, kind }) };
}
