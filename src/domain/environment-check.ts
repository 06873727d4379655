/**
 * "Kontrollera miljön": the IT preflight's model. Every kind of operation the app needs is tried
 * against the configured site and Graph, each as one check with one result; this module holds the
 * checks, their results and the rules that turn a failure into what IT must fix. Pure: the
 * adapter (src/adapters/preflight) runs the operations, the UI words the results (i18n).
 */
import { assertNever } from './assert-never';
import type { Service, StoreFailureKind } from './errors';

/** The checks, in the order they run. */
export const CHECK_IDS = [
  'lists',
  'read',
  'write',
  'rights',
  'user-lookup',
  'consent-sharepoint',
  'consent-users',
  'consent-channel',
  'consent-activity',
] as const;

export type CheckId = (typeof CHECK_IDS)[number];

/** A SharePoint right the app needs, by the name SharePoint's permission levels give it. */
export type SiteRight = 'manage-permissions' | 'create-groups' | 'manage-lists';

/** A delegated permission the app asks Entra for: its short name and its resource's name. */
export interface Permission {
  /** e.g. `ChannelMessage.Send`. */
  readonly name: string;
  /** e.g. `Microsoft Graph`, `SharePoint`. */
  readonly resource: string;
}

/** Why a check did not pass, with what the fix needs to name. */
export type CheckProblem =
  /** Lists of the app the site lacks; `canSetUp`: the signed-in user may run set-up. */
  | {
      readonly kind: 'missing-lists';
      readonly lists: readonly string[];
      readonly canSetUp: boolean;
    }
  /** Rights the signed-in user lacks. */
  | { readonly kind: 'missing-rights'; readonly rights: readonly SiteRight[] }
  /** IT has not consented to the permission for this app (or this user). */
  | { readonly kind: 'consent'; readonly permission: Permission }
  /** No response at all: refused by CORS, or the service cannot be reached from here. */
  | { readonly kind: 'cors'; readonly service: Service }
  /** Silent sign-in did not give a token: the user signs in again (Logga in) and re-runs. */
  | { readonly kind: 'sign-in'; readonly service: Service }
  /** The service refused the operation (403): the user's rights or the token's scopes. */
  | { readonly kind: 'forbidden'; readonly service: Service }
  /** The scratch item was written but could not be removed: IT removes it by hand. */
  | { readonly kind: 'cleanup-failed'; readonly list: string; readonly itemId: number | null }
  /** Graph does not know the signed-in user by their user principal name. */
  | { readonly kind: 'user-not-found'; readonly upn: string }
  /** Anything else: the service's own message, for IT's support case. */
  | { readonly kind: 'other'; readonly service: Service; readonly message: string };

/** A check's result. `warn`: works for the app's daily use, but something IT may want to fix. */
export type CheckResult =
  | { readonly state: 'pass'; readonly note?: CheckNote }
  | { readonly state: 'warn'; readonly problem: CheckProblem }
  | { readonly state: 'fail'; readonly problem: CheckProblem }
  | { readonly state: 'skipped'; readonly reason: SkipReason };

/** What a passed check may add (e.g. which lists were read). */
export type CheckNote =
  | { readonly kind: 'lists'; readonly lists: readonly string[] }
  | { readonly kind: 'user'; readonly displayName: string }
  | { readonly kind: 'permission'; readonly permission: Permission };

export type SkipReason =
  /** Local mode: there is no sign-in, so there are no tokens to check. */
  | 'local-mode'
  /** The lists the check needs are missing (the list check says which). */
  | 'needs-lists'
  /** The signed-in user could not be read (the read check says why). */
  | 'needs-user';

/** A check as the screen shows it while the checks run. */
export type CheckState =
  | { readonly state: 'waiting' }
  | { readonly state: 'running' }
  | { readonly state: 'done'; readonly result: CheckResult };

/** A failure as the adapter caught it: the store's kind, the service, and consent's scopes. */
export interface CaughtFailure {
  readonly kind: StoreFailureKind;
  readonly service: Service;
  readonly message: string;
}

/**
 * The problem a failed operation stands for. A fetch that got no response at all (a TypeError,
 * which the adapters map to `offline`) is what a CORS refusal looks like from the page: the
 * browser tells the page nothing more ("Cross-Origin Resource Sharing", Fetch standard: a CORS
 * failure is a network error), so it is named as CORS or an unreachable service.
 */
export function problemOf(failure: CaughtFailure, permission?: Permission): CheckProblem {
  switch (failure.kind) {
    case 'consent-required':
      return permission
        ? { kind: 'consent', permission }
        : { kind: 'other', service: failure.service, message: failure.message };
    case 'offline':
    case 'timeout':
      return { kind: 'cors', service: failure.service };
    case 'unauthorized':
      return { kind: 'sign-in', service: failure.service };
    case 'forbidden':
      return { kind: 'forbidden', service: failure.service };
    case 'conflict':
    case 'not-found':
    case 'throttled':
    case 'server':
    case 'invalid-data':
    case 'setup-needed':
    case 'sign-in-blocked':
    case 'cancelled':
    case 'unconfirmed':
    case 'locked':
      return { kind: 'other', service: failure.service, message: failure.message };
    default:
      return assertNever(failure.kind);
  }
}

/** The lists a site lacks, of those the app needs (titles compared as SharePoint does: any case). */
export function missingLists(needed: readonly string[], present: readonly string[]): string[] {
  const have = new Set(present.map((title) => title.toLowerCase()));
  return needed.filter((title) => !have.has(title.toLowerCase()));
}

/** What the signed-in user holds, as effective permissions answer it. */
export interface ObservedRights {
  /** On the site (web): for set-up's groups and the lists' own permissions. */
  readonly site: { readonly createGroups: boolean; readonly manageLists: boolean };
  /**
   * Manage Permissions where the app breaks and sets item permissions: on the follow-ups list
   * when it exists, else on the site (from which set-up's list inherits).
   */
  readonly managePermissions: boolean;
}

/**
 * The rights check. Manage Permissions is what a coordinator's rollover, lock, reopen and new
 * plans need every time (item permissions): without it the check fails. Create Groups and Manage
 * Lists only set-up needs, which a site owner can run once: without them it warns.
 */
export function rightsResult(observed: ObservedRights): CheckResult {
  const missing: SiteRight[] = [];
  if (!observed.managePermissions) missing.push('manage-permissions');
  if (!observed.site.createGroups) missing.push('create-groups');
  if (!observed.site.manageLists) missing.push('manage-lists');
  if (missing.length === 0) return { state: 'pass' };
  const problem: CheckProblem = { kind: 'missing-rights', rights: missing };
  return observed.managePermissions ? { state: 'warn', problem } : { state: 'fail', problem };
}

/**
 * The scratch item's marker: a period key that is not a period key. The app reads a period item
 * only when its PeriodKey parses as one ("2020-04"), so an item keyed like this never reaches a
 * screen, a report or a count, even the instant it exists. Unique per run (the column is unique).
 */
export function scratchPeriodKey(random: string): string {
  return `miljokontroll-${random.replace(/[^a-z0-9]/gi, '').toLowerCase()}`;
}

/** True for the scratch items of this preflight (what a clean-up looks for). */
export function isScratchPeriodKey(key: string): boolean {
  return /^miljokontroll-[a-z0-9]+$/.test(key);
}

/** The summary of a run: how many checks passed, warned, failed or were skipped. */
export interface CheckSummary {
  readonly pass: number;
  readonly warn: number;
  readonly fail: number;
  readonly skipped: number;
}

export function summarize(results: readonly CheckResult[]): CheckSummary {
  const summary = { pass: 0, warn: 0, fail: 0, skipped: 0 };
  for (const result of results) summary[result.state] += 1;
  return summary;
}

/** A progress event of a run: a check begins, or it has its result. */
export type CheckEvent =
  | { readonly id: CheckId; readonly phase: 'running' }
  | { readonly id: CheckId; readonly phase: 'done'; readonly result: CheckResult };

/** The screen's state after an event: every check in order, with what is known of it. */
export function applyEvent(
  states: ReadonlyMap<CheckId, CheckState>,
  event: CheckEvent,
): Map<CheckId, CheckState> {
  const next = new Map(states);
  next.set(
    event.id,
    event.phase === 'running' ? { state: 'running' } : { state: 'done', result: event.result },
  );
  return next;
}

/** Every check waiting: the state a run starts from. */
export function initialStates(): Map<CheckId, CheckState> {
  return new Map(CHECK_IDS.map((id) => [id, { state: 'waiting' } as const]));
}
