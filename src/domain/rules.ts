import {
  isFollowedUp,
  rollsOver,
  UNANSWERED,
  type FollowUp,
  type FollowUpInput,
  type PlanSnapshot,
  type Person,
} from './follow-up';
import {
  compareNewestFirst,
  defaultDueDate,
  introductionForNext,
  nextPeriod,
  periodKey,
  type Period,
  type PeriodId,
  type PeriodKey,
} from './period';
import { htmlToPlainText } from './rich-text';

/** Coordinators run the follow-up; members own plans or read. */
export type Role = 'coordinator' | 'member';

/** The signed-in person as the app sees them. */
export interface Viewer extends Person {
  readonly role: Role;
}

/** True when the viewer is one of the plan's owners in that period. */
export function isOwner(viewer: Person, followUp: Pick<FollowUp, 'owners'>): boolean {
  return followUp.owners.some((owner) => owner.id === viewer.id);
}

/** Why a viewer may not edit a follow-up, or null when they may. */
export type EditBlock = 'period-locked' | 'not-owner';

/**
 * What a viewer may edit: a coordinator edits every follow-up; an owner edits their own plans
 * while the period is open; everyone else reads.
 */
export function editBlock(
  viewer: Viewer,
  followUp: Pick<FollowUp, 'owners'>,
  period: Pick<Period, 'state'>,
): EditBlock | null {
  if (viewer.role === 'coordinator') return null;
  if (!isOwner(viewer, followUp)) return 'not-owner';
  if (period.state !== 'open') return 'period-locked';
  return null;
}

export function canEdit(
  viewer: Viewer,
  followUp: Pick<FollowUp, 'owners'>,
  period: Pick<Period, 'state'>,
): boolean {
  return editBlock(viewer, followUp, period) === null;
}

/** Follow-ups still waiting for input (nothing submitted), in the plans' order. */
export function awaitingInput(followUps: readonly FollowUp[]): FollowUp[] {
  return sortByPlanOrder(followUps.filter((f) => f.inputState !== 'submitted'));
}

/** Follow-ups the viewer owns, in the plans' order. */
export function ownedBy(viewer: Person, followUps: readonly FollowUp[]): FollowUp[] {
  return sortByPlanOrder(followUps.filter((f) => isOwner(viewer, f)));
}

export function sortByPlanOrder<T extends Pick<PlanSnapshot, 'sortOrder' | 'title'>>(
  items: readonly T[],
): T[] {
  return [...items].sort(
    (a, b) => a.sortOrder - b.sortOrder || a.title.localeCompare(b.title, 'sv'),
  );
}

/** Longest readable comment (characters of text). */
export const COMMENT_MAX_TEXT_LENGTH = 10_000;
/** Longest stored comment HTML: SharePoint's multi-line text field holds 63,999 characters. */
export const COMMENT_MAX_HTML_LENGTH = 63_999;
/** The note is a single-line text field in SharePoint. */
export const STATUS_NOTE_MAX_LENGTH = 255;

export type SaveIntent = 'draft' | 'submit';

export type ValidationIssue =
  | { readonly field: 'status'; readonly code: 'required' }
  | { readonly field: 'statusNote'; readonly code: 'required' }
  | { readonly field: 'statusNote'; readonly code: 'too-long'; readonly max: number }
  /** Longer than a submission may be (a draft may be). */
  | { readonly field: 'comment'; readonly code: 'too-long'; readonly max: number }
  /** More markup than the SharePoint field holds: not even a draft can be stored. */
  | { readonly field: 'comment'; readonly code: 'too-large'; readonly max: number };

/** The comment's length against its limit, as the form shows it while the owner types. */
export interface CommentLength {
  /** Characters of readable text. */
  readonly used: number;
  readonly max: number;
  /** Longer than a submission may be: flagged at once, though a draft may still be saved. */
  readonly over: boolean;
  /** More markup than SharePoint's field holds: not even a draft can be saved. */
  readonly tooLarge: boolean;
}

export function commentLength(comment: string): CommentLength {
  const used = htmlToPlainText(comment).length;
  return {
    used,
    max: COMMENT_MAX_TEXT_LENGTH,
    over: used > COMMENT_MAX_TEXT_LENGTH,
    tooLarge: comment.length > COMMENT_MAX_HTML_LENGTH,
  };
}

/**
 * Validates what an owner wrote. A draft may be incomplete, and its comment longer than the
 * limit (the owner may save work in progress and shorten it later); a submission needs a
 * status, a note when the plan is not assessed, and a comment within the limit. What a field
 * cannot store (a note past 255 characters, comment HTML past the field) is refused either way.
 */
export function validateInput(input: FollowUpInput, intent: SaveIntent): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (intent === 'submit' && input.status === null) {
    issues.push({ field: 'status', code: 'required' });
  }
  const note = input.statusNote.trim();
  if (intent === 'submit' && input.status === 'not-assessed' && note === '') {
    issues.push({ field: 'statusNote', code: 'required' });
  }
  if (note.length > STATUS_NOTE_MAX_LENGTH) {
    issues.push({ field: 'statusNote', code: 'too-long', max: STATUS_NOTE_MAX_LENGTH });
  }
  const length = commentLength(input.comment);
  if (length.tooLarge) {
    issues.push({ field: 'comment', code: 'too-large', max: COMMENT_MAX_HTML_LENGTH });
  } else if (intent === 'submit' && length.over) {
    issues.push({ field: 'comment', code: 'too-long', max: COMMENT_MAX_TEXT_LENGTH });
  }
  return issues;
}

/** A follow-up to be created (no storage id or version yet). */
export type NewFollowUp = Omit<FollowUp, 'itemId' | 'version' | 'modifiedAt' | 'modifiedBy'>;

/** A period to be created. */
export type NewPeriod = Omit<Period, 'itemId' | 'version'>;

/**
 * Rolls a period over into the next: the same plans (all but retired and replaced ones), in the same order,
 * with the same owners and metadata; status and comment empty, input missing. Last period's
 * comment is not copied: the form shows it beside the new one for reference.
 */
export function rollover(
  from: Pick<Period, 'year' | 'kind' | 'report' | 'introduction' | 'legendPlacement'>,
  followUps: readonly FollowUp[],
): { period: NewPeriod; followUps: NewFollowUp[] } {
  const id: PeriodId = nextPeriod(from);
  const key: PeriodKey = periodKey(id);
  const period: NewPeriod = {
    ...id,
    key,
    state: 'open',
    dueDate: defaultDueDate(id),
    summary: '',
    // The report's own text carries over: the coordinator edits it beside the new summary.
    introduction: introductionForNext(from, id),
    legendPlacement: from.legendPlacement,
    report: { unit: from.report.unit, contact: from.report.contact, date: '', diaryNumber: '' },
    log: [],
  };
  const next = sortByPlanOrder(followUps.filter(rollsOver)).map((f): NewFollowUp => ({
    planKey: f.planKey,
    sortOrder: f.sortOrder,
    title: f.title,
    validity: f.validity,
    decision: f.decision,
    diaryNumber: f.diaryNumber,
    documentUrl: f.documentUrl,
    owners: f.owners,
    lifecycle: f.lifecycle,
    periodKey: key,
    ...UNANSWERED,
  }));
  return { period, followUps: next };
}

/**
 * Saving a draft of a submitted follow-up takes the submission back (its state becomes Utkast and
 * it no longer counts as an answer): the owner is asked before it happens.
 */
export function withdrawsSubmission(
  followUp: Pick<FollowUp, 'inputState'>,
  intent: SaveIntent,
): boolean {
  return intent === 'draft' && followUp.inputState === 'submitted';
}

/** The input state after a save: a submission is final, a draft stays a draft. */
export function inputStateAfter(intent: SaveIntent): 'draft' | 'submitted' {
  return intent === 'submit' ? 'submitted' : 'draft';
}

/** A coordinator signs off submitted follow-ups: marks them reviewed or sends them back. */
export function canReview(viewer: Viewer, followUp: Pick<FollowUp, 'inputState'>): boolean {
  return viewer.role === 'coordinator' && followUp.inputState === 'submitted';
}

/** Who submitted a follow-up and when. */
export interface Submission {
  readonly by: Person;
  /** ISO timestamp. */
  readonly at: string;
}

/**
 * What the form's header tells of the follow-up's state: submitted (by whom, when), or sent back
 * by a coordinator (a draft again, with the submission it was sent back from, if that is still
 * known); null for a draft or a missing answer, which the header leaves out. A send-back keeps
 * the submitter's fields, so they alone do not make a follow-up submitted.
 */
export type SubmissionState =
  | { readonly state: 'submitted'; readonly by: Person; readonly at: string }
  | { readonly state: 'returned'; readonly submitted: Submission | null }
  | null;

export function submissionState(
  f: Pick<FollowUp, 'inputState' | 'submittedBy' | 'submittedAt' | 'review'>,
): SubmissionState {
  const submitted =
    f.submittedBy && f.submittedAt ? { by: f.submittedBy, at: f.submittedAt } : null;
  if (f.inputState !== 'submitted') {
    return f.review?.state === 'returned' ? { state: 'returned', submitted } : null;
  }
  return submitted ? { state: 'submitted', ...submitted } : null;
}

/** Whether a period may be rolled over into the next, and what the coordinator must be told. */
export type RolloverGuard =
  /** Only the newest period is rolled over. */
  | { readonly allowed: false; readonly reason: 'not-newest' }
  /**
   * The newest period is open and an older one is open too: starting another would put the cycle
   * two periods ahead of the oldest open one (lock that one first).
   */
  | { readonly allowed: false; readonly reason: 'two-ahead'; readonly open: PeriodKey }
  /**
   * Allowed. `missing` plans of the period have not been submitted: with any missing from an
   * open period, the coordinator confirms knowing that, and the period stays open for them.
   */
  | { readonly allowed: true; readonly missing: number; readonly total: number };

/**
 * The guard on **Starta ny period**: from the newest period only; from a locked one freely; from
 * an open one only when no older period is open too (never two periods ahead), and only after a
 * confirmation naming how many answers are missing (the period stays open for them).
 */
export function rolloverGuard(
  periods: readonly Pick<Period, 'key' | 'state' | 'year' | 'kind'>[],
  from: Pick<Period, 'key'>,
  followUps: readonly FollowUp[],
): RolloverGuard {
  const newestFirst = [...periods].sort(compareNewestFirst);
  if (newestFirst[0]?.key !== from.key) return { allowed: false, reason: 'not-newest' };
  const current = newestFirst[0];
  const olderOpen = newestFirst.slice(1).find((p) => p.state === 'open');
  if (current.state === 'open' && olderOpen) {
    return { allowed: false, reason: 'two-ahead', open: olderOpen.key };
  }
  // The plans the period follows up (not those ended from it), answered or not.
  const followed = followUps.filter((f) => f.periodKey === from.key && isFollowedUp(f));
  return {
    allowed: true,
    missing:
      current.state === 'open' ? followed.filter((f) => f.inputState !== 'submitted').length : 0,
    total: followed.length,
  };
}
