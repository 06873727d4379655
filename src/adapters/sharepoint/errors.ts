import { StoreFailure, type Service, type StoreFailureKind } from '../../domain/errors';

interface HttpLikeError {
  readonly status: number;
  readonly message: string;
}

function isHttpLikeError(error: unknown): error is HttpLikeError {
  return (
    typeof error === 'object' &&
    error !== null &&
    'status' in error &&
    typeof (error as { status: unknown }).status === 'number'
  );
}

/**
 * SharePoint's answers when a list or column is not there: "List '…' does not exist at site with
 * URL …" (404), "The field or property '…' does not exist." and "Column '…' does not exist."
 * (400). The site is older than the app (or was never set up).
 */
const MISSING_SCHEMA = [
  /List '[^']*' does not exist at site/,
  /The field or property '[^']*' does not exist/,
  /Column '[^']*' does not exist/,
  /The property '[^']*' does not exist on type 'SP\.Data\./,
];

/**
 * SharePoint's refusals to replace a file someone else holds: checked out ("The file … is checked
 * out for editing by …", SPException -2130575306) or under a shared lock while they edit it
 * (SPFileLockException, 423 Locked).
 */
const FILE_HELD = [/-2130575306, Microsoft\.SharePoint\.SPException/, /SPFileLockException/];

function kindOf(error: HttpLikeError): StoreFailureKind {
  if (error.status === 423 || FILE_HELD.some((r) => r.test(error.message))) return 'locked';
  if (
    (error.status === 400 || error.status === 404) &&
    MISSING_SCHEMA.some((r) => r.test(error.message))
  ) {
    return 'setup-needed';
  }
  return kindOfStatus(error.status);
}

function kindOfStatus(status: number): StoreFailureKind {
  if (status === 412) return 'conflict';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 429 || status === 503) return 'throttled';
  return 'server';
}

/**
 * Maps whatever PnP or fetch threw to a StoreFailure: HTTP statuses by kind, a failed fetch
 * (TypeError, no response) as offline. Errors that are already StoreFailures pass through.
 */
export function toStoreFailure(error: unknown, service: Service = 'sharepoint'): StoreFailure {
  if (error instanceof StoreFailure) return error;
  if (isHttpLikeError(error)) {
    return new StoreFailure(kindOf(error), error.message, { cause: error, service });
  }
  if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) {
    return new StoreFailure('timeout', error.message, { cause: error, service });
  }
  if (error instanceof TypeError) {
    return new StoreFailure('offline', error.message, { cause: error, service });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new StoreFailure('server', message, { cause: error, service });
}

/** Runs a call to `service` (SharePoint unless named) and normalizes its failure. */
export async function mapFailures<T>(
  call: () => Promise<T>,
  service: Service = 'sharepoint',
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toStoreFailure(error, service);
  }
}
