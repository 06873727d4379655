import type { FollowUp, Lifecycle, Person, PlanKey, Status } from './follow-up';
import { compareNewestFirst, parsePeriodKey, type Period, type PeriodKey } from './period';

/**
 * What the view "Över tid" reads of a follow-up: only what its cells and filters show (no
 * comment, decision, diary number or people but the owners). The comment is read when a cell's
 * comment is opened (FollowUpRepository.readComment).
 */
export type OverTimeItem = Pick<
  FollowUp,
  | 'itemId'
  | 'planKey'
  | 'periodKey'
  | 'title'
  | 'sortOrder'
  | 'status'
  | 'statusNote'
  | 'inputState'
  | 'lifecycle'
  | 'lifecycleFrom'
  | 'replacedBy'
  | 'owners'
>;

/** A plan's state by its latest follow-up: still followed up, retired, or replaced. */
export type OverTimeLifecycle = 'active' | 'ended' | 'replaced';
export const OVER_TIME_LIFECYCLES: readonly OverTimeLifecycle[] = ['active', 'ended', 'replaced'];

export function overTimeLifecycle(lifecycle: Lifecycle): OverTimeLifecycle {
  return lifecycle === 'retired' ? 'ended' : lifecycle === 'replaced' ? 'replaced' : 'active';
}

/** One cell: the plan was not part of the period, had no submitted answer, or answered. */
export type OverTimeCell =
  | { readonly kind: 'absent'; readonly periodKey: PeriodKey }
  | {
      readonly kind: 'unanswered';
      readonly periodKey: PeriodKey;
      readonly itemId: number;
      readonly title: string;
    }
  | {
      readonly kind: 'answered';
      readonly periodKey: PeriodKey;
      readonly itemId: number;
      /** The plan's title in that period (it may have been renamed since). */
      readonly title: string;
      readonly status: Status | null;
      readonly statusNote: string;
    };

export interface OverTimeRow {
  readonly planKey: PlanKey;
  /** The title in the plan's newest period. */
  readonly title: string;
  /** Earlier titles, newest first (renames keep the plan's key, so one row). */
  readonly formerTitles: readonly string[];
  readonly lifecycle: OverTimeLifecycle;
  /** The plan that replaced this one, and the plans this one replaced (by key and title). */
  readonly replacedBy: { readonly planKey: PlanKey; readonly title: string } | null;
  readonly replaces: ReadonlyArray<{ readonly planKey: PlanKey; readonly title: string }>;
  /** Owners in the newest period. */
  readonly owners: readonly Person[];
  /** One per column, in the columns' order. */
  readonly cells: readonly OverTimeCell[];
}

export interface OverTimeGrid {
  /** Newest period first. */
  readonly columns: readonly PeriodKey[];
  readonly rows: readonly OverTimeRow[];
  /** Every owner of a row, by name, once. */
  readonly owners: readonly Person[];
}

export interface OverTimeFilter {
  /** The lifecycles shown; empty shows all. */
  readonly lifecycles: readonly OverTimeLifecycle[];
  /** The owner's person id, or null for every owner. */
  readonly ownerId: number | null;
}

const compareKeysNewestFirst = (a: PeriodKey, b: PeriodKey): number => {
  const pa = parsePeriodKey(a);
  const pb = parsePeriodKey(b);
  if (pa && pb) return compareNewestFirst(pa, pb);
  return a < b ? 1 : a > b ? -1 : 0;
};

/**
 * The grid of every plan across the periods: one row per plan key (the history follows a plan
 * by its key, so a renamed plan stays one row), one column per period, newest first. A replaced
 * plan and its replacement are two plans with two histories, as in the plan history: they are
 * adjacent rows (the replacement right after the plan it replaced) linked by text. Rows follow
 * the plans' order in their newest period. Columns are the given periods and any period a
 * follow-up names that is missing from them.
 */
export function overTimeGrid(
  periods: readonly Pick<Period, 'key'>[],
  items: readonly OverTimeItem[],
): OverTimeGrid {
  const columns = [...new Set([...periods.map((p) => p.key), ...items.map((i) => i.periodKey)])]
    .filter((k) => k !== '')
    .sort(compareKeysNewestFirst);

  const byPlan = new Map<PlanKey, Map<PeriodKey, OverTimeItem>>();
  for (const item of items) {
    if (!item.planKey || !item.periodKey) continue;
    const perPeriod = byPlan.get(item.planKey) ?? new Map<PeriodKey, OverTimeItem>();
    // One follow-up per plan and period; should there be two, the later item wins.
    const seen = perPeriod.get(item.periodKey);
    if (!seen || item.itemId > seen.itemId) perPeriod.set(item.periodKey, item);
    byPlan.set(item.planKey, perPeriod);
  }

  const newestOf = (perPeriod: Map<PeriodKey, OverTimeItem>): OverTimeItem => {
    const newest = [...perPeriod.keys()].sort(compareKeysNewestFirst)[0];
    return perPeriod.get(newest as PeriodKey) as OverTimeItem;
  };
  const latest = new Map<PlanKey, OverTimeItem>(
    [...byPlan].map(([key, perPeriod]) => [key, newestOf(perPeriod)]),
  );

  const titleOf = (key: PlanKey): string => latest.get(key)?.title ?? key;
  const replacedByOf = (key: PlanKey): PlanKey | null => {
    const newest = latest.get(key);
    return newest && newest.lifecycle === 'replaced' && newest.replacedBy
      ? newest.replacedBy
      : null;
  };

  const rows = [...byPlan].map(([planKey, perPeriod]): OverTimeRow => {
    const newest = latest.get(planKey) as OverTimeItem;
    const oldestFirst = [...perPeriod.keys()].sort(compareKeysNewestFirst).reverse();
    const formerTitles: string[] = [];
    for (const key of oldestFirst) {
      const title = perPeriod.get(key)?.title ?? '';
      if (title && title !== newest.title && !formerTitles.includes(title))
        formerTitles.push(title);
    }
    const replacement = replacedByOf(planKey);
    return {
      planKey,
      title: newest.title,
      formerTitles: formerTitles.reverse(),
      lifecycle: overTimeLifecycle(newest.lifecycle),
      replacedBy: replacement ? { planKey: replacement, title: titleOf(replacement) } : null,
      replaces: [...byPlan.keys()]
        .filter((other) => replacedByOf(other) === planKey)
        .map((other) => ({ planKey: other, title: titleOf(other) })),
      owners: newest.owners,
      cells: columns.map((periodKey): OverTimeCell => {
        const item = perPeriod.get(periodKey);
        if (!item) return { kind: 'absent', periodKey };
        if (item.inputState !== 'submitted') {
          return { kind: 'unanswered', periodKey, itemId: item.itemId, title: item.title };
        }
        return {
          kind: 'answered',
          periodKey,
          itemId: item.itemId,
          title: item.title,
          status: item.status,
          statusNote: item.statusNote,
        };
      }),
    };
  });

  // Plans in the order of their newest period (newest period's plans first), then by order.
  const sortKey = (row: OverTimeRow) => latest.get(row.planKey) as OverTimeItem;
  rows.sort((a, b) => {
    const x = sortKey(a);
    const y = sortKey(b);
    return (
      compareKeysNewestFirst(x.periodKey, y.periodKey) ||
      x.sortOrder - y.sortOrder ||
      a.title.localeCompare(b.title, 'sv')
    );
  });
  const ordered = placeReplacementsAfter(rows);

  const owners = new Map<number, Person>();
  for (const row of ordered) for (const o of row.owners) if (!owners.has(o.id)) owners.set(o.id, o);
  return {
    columns,
    rows: ordered,
    owners: [...owners.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv')),
  };
}

/** Moves each replacement right after the (first) plan it replaced, so the two read together. */
function placeReplacementsAfter(rows: readonly OverTimeRow[]): OverTimeRow[] {
  const byKey = new Map(rows.map((r) => [r.planKey, r]));
  const placed = new Set<PlanKey>();
  const out: OverTimeRow[] = [];
  const place = (row: OverTimeRow) => {
    if (placed.has(row.planKey)) return;
    placed.add(row.planKey);
    out.push(row);
    const next = row.replacedBy ? byKey.get(row.replacedBy.planKey) : undefined;
    if (next && next.replaces[0]?.planKey === row.planKey) place(next);
  };
  for (const row of rows) {
    // A replacement waits for the plan it replaced, which places it.
    const first = row.replaces[0];
    if (first && byKey.has(first.planKey) && !placed.has(first.planKey)) continue;
    place(row);
  }
  for (const row of rows) place(row);
  return out;
}

/** The rows a filter keeps. */
export function filterOverTime(
  rows: readonly OverTimeRow[],
  filter: OverTimeFilter,
): OverTimeRow[] {
  return rows.filter(
    (row) =>
      (filter.lifecycles.length === 0 || filter.lifecycles.includes(row.lifecycle)) &&
      (filter.ownerId === null || row.owners.some((o) => o.id === filter.ownerId)),
  );
}
