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
  /** A file is checked out or being edited (locked) by someone else: it cannot be replaced now. */
  | 'locked'
  /**
   * The tenant has not granted the app a delegated permission it asks for (Entra's
   * `consent_required`, AADSTS65001): only an administrator can. `scopes` names them.
   */
  | 'consent-required'
  /** The browser did not let the sign-in window open (a pop-up blocker). */
  | 'sign-in-blocked'
  /** The user cancelled a wait the service asked for (`Retry-After`); nothing was sent after it. */
  | 'cancelled'
  /**
   * The change was saved, but reading it back failed: SharePoint holds it, the app does not yet
   * know its new version. Not someone else's change; the form reconciles by reading it again.
   */
  | 'unconfirmed';

/** The service a failure came from, which its message names. */
export type Service = 'sharepoint' | 'graph';

export class StoreFailure extends Error {
  readonly kind: StoreFailureKind;
  /** For `consent-required`: the permissions IT must grant, as Entra names them. */
  readonly scopes: readonly string[];
  readonly service: Service;

  constructor(
    kind: StoreFailureKind,
    message: string,
    options?: { cause?: unknown; scopes?: readonly string[]; service?: Service },
  ) {
    super(message, options);
    this.name = 'StoreFailure';
    this.kind = kind;
    this.scopes = options?.scopes ?? [];
    this.service = options?.service ?? 'sharepoint';
  }
}

export function isStoreFailure(error: unknown): error is StoreFailure {
  return error instanceof StoreFailure;
}
