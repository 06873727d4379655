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
  | 'setup-needed'
  /**
   * The tenant has not granted the app a delegated permission it asks for (Entra's
   * `consent_required`, AADSTS65001): only an administrator can. `scopes` names them.
   */
  | 'consent-required'
  /** The browser did not let the sign-in window open (a pop-up blocker). */
  | 'sign-in-blocked';

export class StoreFailure extends Error {
  readonly kind: StoreFailureKind;
  /** For `consent-required`: the permissions IT must grant, as Entra names them. */
  readonly scopes: readonly string[];

  constructor(
    kind: StoreFailureKind,
    message: string,
    options?: { cause?: unknown; scopes?: readonly string[] },
  ) {
    super(message, options);
    this.name = 'StoreFailure';
    this.kind = kind;
    this.scopes = options?.scopes ?? [];
  }
}

export function isStoreFailure(error: unknown): error is StoreFailure {
  return error instanceof StoreFailure;
}
