import { commentChangeKind, type CommentChangeKind } from './comment-diff';
import type { FollowUp, InputState, Person, Status } from './follow-up';
import { INPUT_STATES, isFollowedUp, STATUSES } from './follow-up';
import { sortByPlanOrder } from './rules';

/** How a period stands: answers by input state and by status, and who still owes input. */
export interface PeriodOverview {
  /** The plans due in the period (ended plans left out). */
  readonly total: number;
  readonly byInput: Readonly<Record<InputState, number>>;
  /** Plans answered: submitted (reviewed ones included, a review keeps them submitted). */
  readonly answered: number;
  /** `answered` out of `total` in whole percent; null when no plan is due. */
  readonly answeredPercent: number | null;
  /**
   * Status of the submitted answers only: a draft's status is not an answer yet (the drafts are
   * `byInput.draft`). `none` counts submitted answers without a status (edited outside the app).
   */
  readonly byStatus: Readonly<Record<Status | 'none', number>>;
  /** Follow-ups not submitted, in the plans' order. */
  readonly awaiting: readonly FollowUp[];
  /** Owners who still owe input, each once, with their plans. */
  readonly owing: ReadonlyArray<{ readonly owner: Person; readonly plans: readonly FollowUp[] }>;
}

function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

/**
 * Counts a period's follow-ups: the plans it follows up (a plan ended from this period is in no
 * count and owes nothing).
 */
export function periodOverview(all: readonly FollowUp[]): PeriodOverview {
  const followUps = all.filter(isFollowedUp);
  const byInput = zeroes(INPUT_STATES);
  const byStatus = zeroes<Status | 'none'>([...STATUSES, 'none']);
  for (const f of followUps) {
    byInput[f.inputState] += 1;
    if (f.inputState === 'submitted') byStatus[f.status ?? 'none'] += 1;
  }
  const awaiting = sortByPlanOrder(followUps.filter((f) => f.inputState !== 'submitted'));
  const owing = new Map<number, { owner: Person; plans: FollowUp[] }>();
  for (const f of awaiting) {
    for (const owner of f.owners) {
      const entry = owing.get(owner.id) ?? { owner, plans: [] };
      entry.plans.push(f);
      owing.set(owner.id, entry);
    }
  }
  return {
    total: followUps.length,
    byInput,
    answered: byInput.submitted,
    answeredPercent: percentOf(byInput.submitted, followUps.length),
    byStatus,
    awaiting,
    owing: [...owing.values()].sort((a, b) => a.owner.name.localeCompare(b.owner.name, 'sv')),
  };
}

/**
 * `part` of `whole` in whole percent, rounded to the nearest (8 of 12: 67); null for no whole.
 * Rounding never claims all or nothing that is not so: 199 of 200 is 99, 1 of 300 is 1.
 */
export function percentOf(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  const rounded = Math.round((100 * part) / whole);
  if (part > 0 && rounded === 0) return 1;
  if (part < whole && rounded === 100) return 99;
  return rounded;
}

/** What the overview's row says has changed since the period before. */
export type OverviewChange =
  /** Nothing is answered for this period yet: there is nothing to compare (no "removed"). */
  | { readonly kind: 'unanswered' }
  | {
      readonly kind: 'compared';
      /** The follow-up of the period before; null when the plan had none. */
      readonly previous: FollowUp | null;
      /**
       * The comment against the last one given: a period before without an answer had no
       * comment, so a comment now is new.
       */
      readonly comment: CommentChangeKind;
      /** The earlier comment compared with, '' when there was none. */
      readonly previousComment: string;
      /** Whether a word diff says more than the summary: the comment changed or was removed. */
      readonly diffable: boolean;
    };

export function overviewChange(
  current: FollowUp,
  previous: FollowUp | null | undefined,
): OverviewChange {
  if (current.inputState === 'missing') return { kind: 'unanswered' };
  const previousComment = previous && previous.inputState !== 'missing' ? previous.comment : '';
  const comment = commentChangeKind(previousComment, current.comment);
  return {
    kind: 'compared',
    previous: previous ?? null,
    comment,
    previousComment,
    diffable: comment === 'changed' || comment === 'removed',
  };
}

export type OverviewFilter = 'all' | InputState;

/** The follow-ups a filter shows, in the plans' order. */
export function filterFollowUps(
  followUps: readonly FollowUp[],
  filter: OverviewFilter,
): FollowUp[] {
  return sortByPlanOrder(
    filter === 'all' ? followUps : followUps.filter((f) => f.inputState === filter),
  );
}
