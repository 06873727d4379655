import { assertNever } from '../../domain/assert-never';
import type {
  CheckId,
  CheckProblem,
  CheckResult,
  CheckState,
} from '../../domain/environment-check';
import type { Messages } from '../../i18n/sv';

/** "A", "A och B", "A, B och C". */
function listOf(items: readonly string[], and: string): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1] ?? ''}`;
}

/** What a check found, and what IT must do about it (null when nothing). */
export interface CheckText {
  readonly detail: string;
  readonly fix: string | null;
}

/** The word for a check's state (beside its icon: never the icon or colour alone). */
export function stateText(state: CheckState, t: Messages): string {
  switch (state.state) {
    case 'waiting':
      return t.preflight.state.waiting;
    case 'running':
      return t.preflight.state.running;
    case 'done':
      return t.preflight.state[state.result.state];
    default:
      return assertNever(state);
  }
}

function isConsentCheck(
  id: CheckId,
): id is 'consent-sharepoint' | 'consent-users' | 'consent-channel' | 'consent-activity' {
  return id.startsWith('consent-');
}

function problemText(id: CheckId, problem: CheckProblem, warn: boolean, t: Messages): CheckText {
  const p = t.preflight.problem;
  switch (problem.kind) {
    case 'missing-lists':
      return {
        detail: p.missingLists(listOf(problem.lists, t.errors.and)),
        fix: problem.canSetUp ? p.missingListsFixSetUp : p.missingListsFixOwner,
      };
    case 'missing-rights':
      return {
        detail: p.missingRights(
          listOf(
            problem.rights.map((right) => t.preflight.rightNames[right]),
            t.errors.and,
          ),
        ),
        fix: warn ? p.missingRightsWarnFix : p.missingRightsFix,
      };
    case 'consent': {
      const { name, resource } = problem.permission;
      // The user look-up needs User.ReadBasic.All: say so in its own check too.
      const purpose = isConsentCheck(id)
        ? t.preflight.purpose[id]
        : id === 'user-lookup'
          ? t.preflight.purpose['consent-users']
          : '';
      return {
        detail: `${p.consent(name, resource)} ${purpose}`.trim(),
        fix: p.consentFix(name, resource),
      };
    }
    case 'cors': {
      const service = t.preflight.services[problem.service];
      return { detail: p.cors(service), fix: p.corsFix(service) };
    }
    case 'sign-in':
      return { detail: p.signIn(t.preflight.services[problem.service]), fix: p.signInFix };
    case 'forbidden':
      return id === 'write'
        ? { detail: p.forbiddenWrite, fix: p.forbiddenWriteFix }
        : { detail: p.forbidden(t.preflight.services[problem.service]), fix: p.forbiddenFix };
    case 'cleanup-failed':
      return {
        detail: p.cleanupFailed(
          problem.list,
          problem.itemId === null ? '' : String(problem.itemId),
        ),
        fix: p.cleanupFailedFix(problem.list),
      };
    case 'user-not-found':
      return { detail: p.userNotFound(problem.upn), fix: p.userNotFoundFix };
    case 'other':
      return {
        detail: p.other(t.preflight.services[problem.service], problem.message),
        fix: p.otherFix,
      };
    default:
      return assertNever(problem);
  }
}

/** The sentences for one check's result. */
export function resultText(id: CheckId, result: CheckResult, t: Messages): CheckText {
  switch (result.state) {
    case 'pass': {
      const note = result.note;
      if (id === 'write') return { detail: t.preflight.pass.write, fix: null };
      if (id === 'rights') return { detail: t.preflight.pass.rights, fix: null };
      if (!note) return { detail: t.preflight.pass.plain, fix: null };
      switch (note.kind) {
        case 'lists': {
          const lists = listOf(note.lists, t.errors.and);
          return {
            detail: id === 'read' ? t.preflight.pass.read(lists) : t.preflight.pass.lists(lists),
            fix: null,
          };
        }
        case 'user':
          return { detail: t.preflight.pass.user(note.displayName), fix: null };
        case 'permission':
          return {
            detail: t.preflight.pass.permission(note.permission.name, note.permission.resource),
            fix: null,
          };
        default:
          return assertNever(note);
      }
    }
    case 'warn':
      return problemText(id, result.problem, true, t);
    case 'fail':
      return problemText(id, result.problem, false, t);
    case 'skipped':
      return { detail: t.preflight.skipped[result.reason], fix: null };
    default:
      return assertNever(result);
  }
}
