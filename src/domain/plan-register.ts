import { isHttpUrl } from './links';
import { isEnding, type FollowUp, type Person, type PlanKey } from './follow-up';
import { nextPeriod, parsePeriodKey, periodKey, type Period, type PeriodKey } from './period';
import { sortByPlanOrder } from './rules';

/**
 * The coordinators' plan register: keys for new plans, validation of a plan's data, and the
 * order of the plans. Changes apply to the open period's follow-ups, which later rollovers copy.
 */

/** What a coordinator edits of a plan. */
export interface PlanDraft {
  readonly title: string;
  /** "2020" or "2020–2022". */
  readonly validity: string;
  readonly decision: string;
  readonly diaryNumber: string;
  /** http(s) link or "". */
  readonly documentUrl: string;
  readonly owners: readonly Person[];
}

/** The people search waits for this many characters: one letter matches half the directory. */
export const PEOPLE_QUERY_MIN_LENGTH = 2;

/** SharePoint's single-line text fields hold 255 characters. */
export const PLAN_TEXT_MAX_LENGTH = 255;
/** Longest plan key (before a uniqueness suffix). */
const KEY_MAX_LENGTH = 60;

export type PlanDraftField =
  'title' | 'validity' | 'decision' | 'diaryNumber' | 'documentUrl' | 'owners';

export type PlanIssue =
  | { readonly field: 'title'; readonly code: 'required' }
  /** Another plan of the period has the same title (letter case, spaces and dashes aside). */
  | { readonly field: 'title'; readonly code: 'duplicate' }
  | { readonly field: PlanDraftField; readonly code: 'too-long'; readonly max: number }
  | { readonly field: 'validity'; readonly code: 'invalid-validity' }
  | { readonly field: 'documentUrl'; readonly code: 'invalid-url' }
  | { readonly field: 'owners'; readonly code: 'required' };

/**
 * An ASCII kebab-case key from a title ("Handlingsplan för digital vård" → "handlingsplan-for-
 * digital-vard"), unique among `existing` (a suffix "-2", "-3"… when taken).
 */
export function planKeyFor(title: string, existing: readonly PlanKey[]): PlanKey {
  const base =
    title
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/æ/g, 'ae')
      .replace(/ø/g, 'o')
      .replace(/ß/g, 'ss')
      .replace(/[^a-z0-9]+/g, '-')
      .slice(0, KEY_MAX_LENGTH)
      .replace(/^-+|-+$/g, '') || 'plan';
  const taken = new Set<string>(existing);
  if (!taken.has(base)) return base as PlanKey;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate as PlanKey;
  }
}

/** "2020" or "2020–2022" (en dash, hyphen or em dash; spaces allowed; the end not before the start). */
export function isValidity(value: string): boolean {
  const match = /^(\d{4})(?:\s*[–—-]\s*(\d{4}))?$/.exec(value.trim());
  if (!match) return false;
  return match[2] === undefined || Number(match[2]) >= Number(match[1]);
}

/** The validity as stored: years joined by an en dash. */
export function normalizeValidity(value: string): string {
  return value.trim().replace(/\s*[–—-]\s*/, '–');
}

/** Validates a plan draft: a title, a validity when given, an http(s) link when given, an owner. */
/** A title as compared for uniqueness: letter case, runs of spaces and kinds of dash aside. */
function titleKey(title: string): string {
  return title.trim().replace(/\s+/g, ' ').replace(/[–—-]/g, '-').toLocaleLowerCase('sv');
}

export function validatePlanDraft(
  draft: PlanDraft,
  /** The titles of the period's other plans: a plan's title is unique within its period. */
  otherTitles: readonly string[] = [],
): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const title = draft.title.trim();
  if (title === '') issues.push({ field: 'title', code: 'required' });
  else if (otherTitles.some((other) => titleKey(other) === titleKey(title))) {
    issues.push({ field: 'title', code: 'duplicate' });
  }
  for (const field of ['title', 'validity', 'decision', 'diaryNumber'] as const) {
    if (draft[field].trim().length > PLAN_TEXT_MAX_LENGTH) {
      issues.push({ field, code: 'too-long', max: PLAN_TEXT_MAX_LENGTH });
    }
  }
  const validity = draft.validity.trim();
  if (validity !== '' && validity.length <= PLAN_TEXT_MAX_LENGTH && !isValidity(validity)) {
    issues.push({ field: 'validity', code: 'invalid-validity' });
  }
  const url = draft.documentUrl.trim();
  if (url !== '' && !isHttpUrl(url)) issues.push({ field: 'documentUrl', code: 'invalid-url' });
  if (draft.owners.length === 0) issues.push({ field: 'owners', code: 'required' });
  return issues;
}

/** The draft as stored: trimmed, validity with an en dash, owners once each. */
export function normalizePlanDraft(draft: PlanDraft): PlanDraft {
  const seen = new Set<number>();
  return {
    title: draft.title.trim(),
    validity: normalizeValidity(draft.validity),
    decision: draft.decision.trim(),
    diaryNumber: draft.diaryNumber.trim(),
    documentUrl: draft.documentUrl.trim(),
    owners: draft.owners.filter((o) => !seen.has(o.id) && Boolean(seen.add(o.id))),
  };
}

/** The draft of an existing plan, for its edit form. */
export function draftOf(f: FollowUp): PlanDraft {
  return {
    title: f.title,
    validity: f.validity,
    decision: f.decision,
    diaryNumber: f.diaryNumber,
    documentUrl: f.documentUrl ?? '',
    owners: f.owners,
  };
}

/** True when two owner lists name different people (order does not matter). */
export function ownersChanged(a: readonly Person[], b: readonly Person[]): boolean {
  const ids = (list: readonly Person[]) =>
    [...new Set(list.map((p) => p.id))].sort((x, y) => x - y);
  return ids(a).join(',') !== ids(b).join(',');
}

/** The sort order for a plan added after the period's others. */
export function nextSortOrder(followUps: readonly Pick<FollowUp, 'sortOrder'>[]): number {
  const orders = followUps.map((f) => f.sortOrder).filter((n) => n < Number.MAX_SAFE_INTEGER);
  return orders.length === 0 ? 1 : Math.max(...orders) + 1;
}

export interface SortOrderChange<T> {
  readonly followUp: T;
  readonly sortOrder: number;
}

/**
 * Moves a plan one step up or down among the period's plans: it swaps numbers with its neighbour
 * (or, when numbers tie, all are numbered 1…n in the new order). Returns only the plans whose
 * number changes; empty when the plan is already first/last or not there.
 */
export function reorder<T extends Pick<FollowUp, 'planKey' | 'sortOrder' | 'title'>>(
  followUps: readonly T[],
  planKey: PlanKey,
  direction: 'up' | 'down',
): SortOrderChange<T>[] {
  const ordered = sortByPlanOrder(followUps);
  const index = ordered.findIndex((f) => f.planKey === planKey);
  const other = direction === 'up' ? index - 1 : index + 1;
  const a = ordered[index];
  const b = ordered[other];
  if (index < 0 || !a || !b) return [];
  const distinct = ordered.every(
    (f, i) => i === 0 || f.sortOrder > (ordered[i - 1]?.sortOrder ?? 0),
  );
  // Distinct numbers: the two plans swap theirs, nothing else changes.
  if (distinct) {
    return [
      { followUp: a, sortOrder: b.sortOrder },
      { followUp: b, sortOrder: a.sortOrder },
    ];
  }
  // Ties (or unnumbered plans): number them all 1…n in the new order.
  ordered[index] = b;
  ordered[other] = a;
  return ordered.flatMap((followUp, i) =>
    followUp.sortOrder === i + 1 ? [] : [{ followUp, sortOrder: i + 1 }],
  );
}

/**
 * How a plan leaves the follow-up: retired, or replaced by another plan, from a chosen period on
 * (the period the follow-up belongs to, or the next one: closed periods are never rewritten).
 */
export type PlanEnding =
  | { readonly kind: 'retired'; readonly from: PeriodKey }
  | { readonly kind: 'replaced'; readonly from: PeriodKey; readonly replacedBy: PlanKey };

export type PlanEndingIssue = 'invalid-period' | 'replacement-required' | 'replacement-invalid';

/** The periods an ending may take effect from: the follow-up's own period and the next. */
export function endingPeriods(f: Pick<FollowUp, 'periodKey'>): PeriodKey[] {
  const id = parsePeriodKey(f.periodKey);
  return id ? [f.periodKey, periodKey(nextPeriod(id))] : [f.periodKey];
}

/** Plans that may replace `f` in its period: any other plan that is not itself ending. */
export function replacementCandidates<T extends FollowUp>(f: FollowUp, plans: readonly T[]): T[] {
  return sortByPlanOrder(
    plans.filter((p) => p.periodKey === f.periodKey && p.planKey !== f.planKey && !isEnding(p)),
  );
}

/** Checks an ending against the period's plans; empty when it may be saved. */
export function validatePlanEnding(
  f: FollowUp,
  ending: PlanEnding,
  plans: readonly FollowUp[],
): PlanEndingIssue[] {
  const issues: PlanEndingIssue[] = [];
  if (!endingPeriods(f).includes(ending.from)) issues.push('invalid-period');
  if (ending.kind === 'replaced') {
    if (!ending.replacedBy) issues.push('replacement-required');
    else if (!replacementCandidates(f, plans).some((p) => p.planKey === ending.replacedBy)) {
      issues.push('replacement-invalid');
    }
  }
  return issues;
}

/** The fields an ending writes. */
export function endingFields(
  ending: PlanEnding,
): Pick<FollowUp, 'lifecycle' | 'lifecycleFrom' | 'replacedBy'> {
  return {
    lifecycle: ending.kind,
    lifecycleFrom: ending.from,
    replacedBy: ending.kind === 'replaced' ? ending.replacedBy : null,
  };
}

/** Why an ending cannot be undone. */
export type UndoEndingBlock = 'not-ended' | 'period-locked' | 'next-started';

/**
 * Whether the ending of `f` may be undone: only while its period is open (a locked period is
 * never rewritten), and only before the next period has been started (that period went without
 * the plan; the plan is then added there anew, in the register).
 */
export function undoEndingBlock(
  f: Pick<FollowUp, 'lifecycle' | 'periodKey'>,
  period: Pick<Period, 'state'>,
  periods: readonly Pick<Period, 'key'>[],
): UndoEndingBlock | null {
  if (!isEnding(f)) return 'not-ended';
  if (period.state !== 'open') return 'period-locked';
  // Keys are "YYYY-MM": a later period sorts after this one.
  if (periods.some((p) => p.key > f.periodKey)) return 'next-started';
  return null;
}

/**
 * The fields undoing an ending writes: what the ending changed (lifecycle, from which period,
 * replaced by) back as before it, an active plan that rolls over and is followed up.
 */
export function undoneEndingFields(): Pick<FollowUp, 'lifecycle' | 'lifecycleFrom' | 'replacedBy'> {
  return { lifecycle: 'active', lifecycleFrom: null, replacedBy: null };
}
