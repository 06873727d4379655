import { assertNever } from './assert-never';
import type { PeriodKey } from './period';

/** A plan's stable key across periods, e.g. "lakemedel". */
export type PlanKey = string & { readonly __brand: 'PlanKey' };

export type Status = 'good' | 'partly' | 'poor' | 'not-assessed';
export const STATUSES: readonly Status[] = ['good', 'partly', 'poor', 'not-assessed'];

export type InputState = 'missing' | 'draft' | 'submitted';
export const INPUT_STATES: readonly InputState[] = ['missing', 'draft', 'submitted'];

/** A coordinator's sign-off of a submitted follow-up. */
export type ReviewState = 'none' | 'approved' | 'returned';

export interface Review {
  readonly state: ReviewState;
  /** Why it was sent back (or a note with the approval). */
  readonly comment: string;
}

/**
 * Active plans roll over; plans under revision roll over too; retired plans and plans replaced by
 * another plan do not (see `rollsOverInto` in plan-register.ts for when the end takes effect).
 */
export type Lifecycle = 'active' | 'under-revision' | 'retired' | 'replaced';
export const LIFECYCLES: readonly Lifecycle[] = ['active', 'under-revision', 'retired', 'replaced'];

/** True when the plan has been retired or replaced (whether from now or from the next period). */
export function isEnding(f: Pick<PlanSnapshot, 'lifecycle'>): boolean {
  return f.lifecycle === 'retired' || f.lifecycle === 'replaced';
}

/**
 * Whether the plan is carried into the period after its own (rollover). An ending takes effect in
 * this period or the next: either way, the next period goes without it.
 */
export function rollsOver(f: Pick<PlanSnapshot, 'lifecycle'>): boolean {
  return !isEnding(f);
}

/**
 * The plan's lifecycle in the follow-up's own period: a plan retired or replaced from a later
 * period is still followed up here (shown as active, with its ending announced).
 */
export function lifecycleIn(
  f: Pick<FollowUp, 'lifecycle' | 'lifecycleFrom' | 'periodKey'>,
): Lifecycle {
  if (isEnding(f) && f.lifecycleFrom && f.lifecycleFrom > f.periodKey) return 'active';
  return f.lifecycle;
}

/**
 * Whether the period of the follow-up follows the plan up: not when the plan is retired or
 * replaced from that period. An ended plan is out of every count, list of missing answers and
 * reminder from the period it ends (it still shows, as ended, in the period's list and report).
 */
export function isFollowedUp(
  f: Pick<FollowUp, 'lifecycle' | 'lifecycleFrom' | 'periodKey'>,
): boolean {
  return !isEnding({ lifecycle: lifecycleIn(f) });
}

export interface Person {
  /** The person's id in the site (SharePoint user id). */
  readonly id: number;
  readonly name: string;
  /**
   * The user principal name (the Entra sign-in name), by which Microsoft Graph finds the person;
   * '' when the site holds none (a group, an app). Never the e-mail address: in many tenants mail
   * differs from the UPN, and some people have no mailbox at all.
   */
  readonly upn: string;
}

/** The plan's data as it stood in one period (plans change between periods). */
export interface PlanSnapshot {
  readonly planKey: PlanKey;
  readonly sortOrder: number;
  readonly title: string;
  /** Validity years, "2016–2018". */
  readonly validity: string;
  /** "RD 2016-11-16", "HSdir 2016-11-28"… */
  readonly decision: string;
  /** "RS/1957/2016", "Centuri 33786"… */
  readonly diaryNumber: string;
  readonly documentUrl: string | null;
  readonly owners: readonly Person[];
  readonly lifecycle: Lifecycle;
  /**
   * For a retired or replaced plan: the first period in which it is no longer followed up.
   * Absent (or the item's own period) means from this period on; a later period means the plan
   * is still followed up here and leaves at the rollover into that period.
   */
  readonly lifecycleFrom?: PeriodKey | null;
  /** The plan that replaces this one (lifecycle `replaced`). */
  readonly replacedBy?: PlanKey | null;
}

/** What an owner writes for a plan and period. */
export interface FollowUpInput {
  readonly status: Status | null;
  /** Short note, required when not assessed ("Ska omarbetas"). */
  readonly statusNote: string;
  /** Rich-text comment as HTML. */
  readonly comment: string;
}

/** One plan in one period: the list item of "Uppföljning handlingsplaner". */
export interface FollowUp extends PlanSnapshot, FollowUpInput {
  readonly itemId: number;
  /** Storage version (ETag) for optimistic concurrency. */
  readonly version: string;
  readonly periodKey: PeriodKey;
  readonly inputState: InputState;
  readonly submittedBy: Person | null;
  /** ISO timestamp of the submission. */
  readonly submittedAt: string | null;
  /** ISO timestamp of the last change and who made it (for "saved by … at …"). */
  readonly modifiedAt: string;
  readonly modifiedBy: Person | null;
  /** The coordinator's sign-off; absent or `none` until reviewed. */
  readonly review?: Review;
}

/** A follow-up nobody has answered yet: how a plan starts a period (rollover, a new plan). */
export const UNANSWERED = {
  status: null,
  statusNote: '',
  comment: '',
  inputState: 'missing',
  submittedBy: null,
  submittedAt: null,
} as const satisfies Pick<
  FollowUp,
  'status' | 'statusNote' | 'comment' | 'inputState' | 'submittedBy' | 'submittedAt'
>;

/** What an owner wrote, without the rest of the follow-up. */
export function inputOf(followUp: FollowUpInput): FollowUpInput {
  return { status: followUp.status, statusNote: followUp.statusNote, comment: followUp.comment };
}

/** The arrow of a status as the reports print it; not-assessed has none. */
export function statusSymbol(status: Status): string {
  switch (status) {
    case 'good':
      return '↑';
    case 'partly':
      return '➔';
    case 'poor':
      return '↓';
    case 'not-assessed':
      return '–';
    default:
      return assertNever(status);
  }
}

/** The key that makes a follow-up unique: one item per plan and period. */
export function planPeriodKey(planKey: PlanKey, periodKey: PeriodKey): string {
  return `${planKey}|${periodKey}`;
}
