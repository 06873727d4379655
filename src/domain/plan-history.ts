import { commentChange, statusChange, type CommentChange, type StatusChange } from './comment-diff';
import type { FollowUp } from './follow-up';
import { parsePeriodKey, type Period, type PeriodId, type PeriodKey } from './period';

/** The period of a history entry: its key, and what is known about it. */
export interface HistoryPeriod {
  readonly key: PeriodKey;
  /** Year and kind, for the label; null only when the stored key is not a valid period key. */
  readonly id: PeriodId | null;
  /** The period item, when the given periods include it (a deleted period leaves it null). */
  readonly period: Period | null;
}

/** One period of a plan's history and what changed since the entry before it. */
export interface HistoryEntry {
  readonly period: HistoryPeriod;
  readonly followUp: FollowUp;
  /** The follow-up of the entry before (the plan's previous period), or null for the oldest. */
  readonly previous: FollowUp | null;
  /**
   * Status then and now; null for the oldest entry, and when nothing was entered for this
   * period ('missing'): "from partly to no status" would read as a change nobody made.
   */
  readonly statusChange: StatusChange | null;
  /** Comment then and now; null in the same cases as statusChange. */
  readonly commentChange: CommentChange | null;
}

/**
 * A plan's history, newest period first: one entry per period the plan was part of, each
 * compared with the entry before it (the plan's previous period, which skips periods the plan
 * was not part of). `followUps` are one plan's follow-ups (FollowUpRepository.listForPlan), in
 * any order; `periods` give the period items where known. Follow-ups of periods missing from
 * `periods` are still shown: history should not vanish because a period item did.
 */
export function planHistory(
  followUps: readonly FollowUp[],
  periods: readonly Period[],
): HistoryEntry[] {
  const byKey = new Map<string, Period>(periods.map((p) => [p.key, p]));
  // Oldest first, so each entry can look at the one before it; reversed at the end. Period keys
  // ("2020-04" < "2020-08" < "2020-12" < "2021-04") sort by time as plain strings.
  const oldestFirst = onePerPeriod(followUps).sort((a, b) =>
    a.periodKey < b.periodKey ? -1 : a.periodKey > b.periodKey ? 1 : 0,
  );
  const entries = oldestFirst.map((followUp, index): HistoryEntry => {
    const previous = oldestFirst[index - 1] ?? null;
    const compared = previous !== null && followUp.inputState !== 'missing';
    return {
      period: {
        key: followUp.periodKey,
        id: parsePeriodKey(followUp.periodKey),
        period: byKey.get(followUp.periodKey) ?? null,
      },
      followUp,
      previous,
      statusChange: compared ? statusChange(previous.status, followUp.status) : null,
      commentChange: compared ? commentChange(previous.comment, followUp.comment) : null,
    };
  });
  return entries.reverse();
}

/**
 * A plan has one follow-up per period; should the list hold two (edited outside the app), the
 * one changed last is taken, so the history shows one line per period and compares like with
 * like.
 */
function onePerPeriod(followUps: readonly FollowUp[]): FollowUp[] {
  const latest = new Map<string, FollowUp>();
  for (const followUp of followUps) {
    const seen = latest.get(followUp.periodKey);
    if (!seen || followUp.modifiedAt > seen.modifiedAt) latest.set(followUp.periodKey, followUp);
  }
  return [...latest.values()];
}
