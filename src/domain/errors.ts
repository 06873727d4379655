/**
 * Failures of the store, as the app needs to tell them apart: transport and SharePoint errors are
 * mapped to these in the adapter; the UI turns them into Swedish messages.
 */
export type StoreFailureKind =
  | 'conflict'
  | 'not-found'
  | 'forbidden'
  | 'unauthorized'
  | 'throttled'
  | 'offline'
  | 'timeout'
  | 'server'
  | 'invalid-data'
  /** The site lacks a list or field this version of the app uses: set-up has to run. */
  | 'setup-needed';

export class StoreFailure extends Error {
  readonly kind: StoreFailureKind;

  constructor(kind: StoreFailureKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreFailure';
    this.kind = kind;
  }
}

export function isStoreFailure(error: unknown): error is StoreFailure {
  return error instanceof StoreFailure;
}
