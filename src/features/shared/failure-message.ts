import { assertNever } from '../../domain/assert-never';
import { isStoreFailure, type StoreFailureKind } from '../../domain/errors';
import type { Messages } from '../../i18n/sv';

/** The Swedish (or English) sentence for a failure, with what the user can do next. */
export function failureMessage(error: unknown, t: Messages): string {
  const kind: StoreFailureKind = isStoreFailure(error) ? error.kind : 'server';
  switch (kind) {
    case 'conflict':
      return `${t.errors.conflictTitle}. ${t.errors.conflictUnavailable}`;
    case 'offline':
      return t.errors.offline;
    case 'unauthorized':
      return t.errors.unauthorized;
    case 'forbidden':
      return t.errors.forbidden;
    case 'not-found':
      return t.errors.notFound;
    case 'throttled':
      return t.errors.throttled;
    case 'server':
      return t.errors.server;
    case 'invalid-data':
      return t.errors.invalidData;
    default:
      return assertNever(kind);
  }
}
