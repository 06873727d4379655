import { assertNever } from '../../domain/assert-never';
import { isStoreFailure, type StoreFailureKind } from '../../domain/errors';
import type { Messages } from '../../i18n/sv';

/** Permissions as a list a person reads: "A", "A och B", "A, B och C". */
function listOf(items: readonly string[], and: string): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1] ?? ''}`;
}

/** The Swedish (or English) sentence for a failure, with what the user can do next. */
export function failureMessage(error: unknown, t: Messages): string {
  const kind: StoreFailureKind = isStoreFailure(error) ? error.kind : 'server';
  const service = t.errors.services[isStoreFailure(error) ? error.service : 'sharepoint'];
  switch (kind) {
    case 'consent-required':
      return t.errors.consentRequired(
        listOf(isStoreFailure(error) ? error.scopes : [], t.errors.and),
      );
    case 'sign-in-blocked':
      return t.errors.popupBlocked;
    case 'conflict':
      return `${t.errors.conflictTitle}. ${t.errors.conflictUnavailable}`;
    case 'offline':
      return t.errors.offline;
    case 'timeout':
      return t.errors.timeout(service);
    case 'unauthorized':
      return t.errors.unauthorized;
    case 'forbidden':
      return t.errors.forbidden;
    case 'not-found':
      return t.errors.notFound;
    case 'throttled':
      return t.errors.throttled(service);
    case 'server':
      return t.errors.server(service);
    case 'cancelled':
      return t.errors.cancelled;
    case 'unconfirmed':
      return t.errors.unconfirmed;
    case 'invalid-data':
      return t.errors.invalidData;
    case 'setup-needed':
      return t.errors.setupNeeded;
    case 'locked':
      return t.reportFiles.locked;
    default:
      return assertNever(kind);
  }
}

/** What the user can do about a failure: try again, reload (fresh data), or sign in again. */
export type FailureAction = 'retry' | 'reload' | 'sign-in';

export function failureAction(error: unknown): FailureAction {
  const kind: StoreFailureKind = isStoreFailure(error) ? error.kind : 'server';
  switch (kind) {
    case 'unauthorized':
    case 'sign-in-blocked':
      return 'sign-in';
    case 'consent-required':
      return 'retry';
    case 'not-found':
    case 'forbidden':
    case 'invalid-data':
    case 'setup-needed':
      return 'reload';
    case 'conflict':
    case 'offline':
    case 'timeout':
    case 'throttled':
    case 'server':
    case 'cancelled':
    case 'unconfirmed':
    case 'locked':
      return 'retry';
    default:
      return assertNever(kind);
  }
}

/** The label of the action's button. */
export function failureActionLabel(action: FailureAction, t: Messages): string {
  switch (action) {
    case 'retry':
      return t.errors.retry;
    case 'reload':
      return t.errors.reload;
    case 'sign-in':
      return t.errors.signIn;
    default:
      return assertNever(action);
  }
}
