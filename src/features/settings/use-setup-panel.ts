import { useCallback, useEffect, useRef, useState } from 'react';
import { isStoreFailure } from '../../domain/errors';
import type { SetupItem, SetupReport, SiteSetup } from '../../domain/ports';

/** The outcome of the last run of set-up, shown under the report. */
export type SetupResult =
  | { readonly kind: 'done'; readonly count: number; readonly complete: boolean }
  | { readonly kind: 'failed'; readonly error: unknown; readonly done: number };

export type SetupPhase =
  | { readonly kind: 'checking' }
  | { readonly kind: 'check-failed'; readonly error: unknown }
  | { readonly kind: 'ready'; readonly report: SetupReport; readonly result?: SetupResult }
  | {
      readonly kind: 'applying';
      readonly report: SetupReport;
      readonly done: number;
      readonly total: number;
      readonly current: SetupItem | null;
    };

/** A SharePoint right set-up may need. */
export type SetupRight = 'manage-lists' | 'create-groups' | 'manage-permissions';

/** The rights the signed-in user lacks for what is still to do (empty: nothing stands in the way). */
export function missingRights(report: SetupReport): SetupRight[] {
  const open = report.items.filter((i) => i.state !== 'present');
  const rights: SetupRight[] = [];
  const needs = (test: (kind: SetupItem['kind']) => boolean) => open.some((i) => test(i.kind));
  if (needs((k) => k !== 'group' && k !== 'permissions') && !report.canManageLists) {
    rights.push('manage-lists');
  }
  if (needs((k) => k === 'group') && !report.canCreateGroups) rights.push('create-groups');
  if (needs((k) => k === 'permissions') && !report.canManagePermissions) {
    rights.push('manage-permissions');
  }
  return rights;
}

/**
 * The set-up panel's logic: checks the site on mount, runs set-up with progress, checks again on
 * request. `onComplete` hears every report that finds the site complete.
 */
export function useSetupPanel(setup: SiteSetup, onComplete?: (report: SetupReport) => void) {
  const [phase, setPhase] = useState<SetupPhase>({ kind: 'checking' });
  const completed = useRef(onComplete);
  useEffect(() => {
    completed.current = onComplete;
  });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setup.inspect().then(
      (report) => {
        if (!current) return;
        setPhase({ kind: 'ready', report });
        if (report.complete) completed.current?.(report);
      },
      (error: unknown) => current && setPhase({ kind: 'check-failed', error }),
    );
    return () => {
      current = false;
    };
  }, [setup, attempt]);

  const recheck = useCallback(() => {
    setPhase({ kind: 'checking' });
    setAttempt((n) => n + 1);
  }, []);

  const apply = useCallback(() => {
    if (phase.kind !== 'ready') return;
    const report = phase.report;
    const total = report.items.filter((i) => i.state !== 'present').length;
    let done = 0;
    setPhase({ kind: 'applying', report, done: 0, total, current: null });
    setup
      .apply((n, all, item) => {
        done = n;
        setPhase({ kind: 'applying', report, done: n, total: all, current: item });
      })
      .then(
        (after) => {
          setPhase({
            kind: 'ready',
            report: after,
            result: { kind: 'done', count: done, complete: after.complete },
          });
          if (after.complete) completed.current?.(after);
        },
        (error: unknown) => {
          // What was created stays; the report is from before, so check again on retry.
          setPhase({ kind: 'ready', report, result: { kind: 'failed', error, done } });
        },
      );
  }, [phase, setup]);

  return { phase, apply, recheck };
}

/** True for the failure set-up gives when the user lacks a right it needs. */
export function isForbidden(error: unknown): boolean {
  return isStoreFailure(error) && error.kind === 'forbidden';
}
