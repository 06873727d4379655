import { isFollowedUp, type FollowUp, type Person } from './follow-up';
import type { Period } from './period';
import { isOwner } from './rules';

/** What is left for a user across every open period ("Du har kvar N av M"). */
export interface OwnerTodo {
  /** The user's follow-ups not yet submitted: the oldest period first, then in plan order. */
  readonly remaining: readonly FollowUp[];
  /** Every follow-up the user owns in an open period (ended plans left out). */
  readonly total: number;
}

/**
 * An owner's own to-do: the plans `person` owns in every open period, and those of them not yet
 * submitted (a draft or a follow-up sent back counts as not submitted). A plan ended from its
 * period is not followed up there and is left out; locked periods are done with.
 */
export function ownerTodo(
  person: Person,
  periods: readonly Pick<Period, 'key' | 'state'>[],
  followUps: readonly FollowUp[],
): OwnerTodo {
  const open = new Set(periods.filter((p) => p.state === 'open').map((p) => p.key));
  const owned = followUps.filter(
    (f) => open.has(f.periodKey) && isOwner(person, f) && isFollowedUp(f),
  );
  const remaining = owned
    .filter((f) => f.inputState !== 'submitted')
    .sort(
      (a, b) =>
        a.periodKey.localeCompare(b.periodKey) ||
        a.sortOrder - b.sortOrder ||
        a.title.localeCompare(b.title, 'sv'),
    );
  return { remaining, total: owned.length };
}
