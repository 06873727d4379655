import type { FollowUp, InputState, Person, Status } from './follow-up';
import { INPUT_STATES, isFollowedUp, STATUSES } from './follow-up';
import { sortByPlanOrder } from './rules';

/** How a period stands: answers by input state and by status, and who still owes input. */
export interface PeriodOverview {
  readonly total: number;
  readonly byInput: Readonly<Record<InputState, number>>;
  /** Status of the follow-ups, `none` where no status is set yet. */
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
    byStatus[f.status ?? 'none'] += 1;
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
    byStatus,
    awaiting,
    owing: [...owing.values()].sort((a, b) => a.owner.name.localeCompare(b.owner.name, 'sv')),
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
