/**
 * What Microsoft Entra ID's v2 endpoints do with a `scope` parameter, written from Microsoft's
 * "Scopes and permissions in the Microsoft identity platform" and the AADSTS error code
 * reference: resource-prefixed scopes name one resource, OpenID Connect scopes name none, and an
 * access token is for exactly one resource. Pure functions: no oidc-provider here.
 */

/** The OpenID Connect scopes Entra knows besides the resources' permissions. */
export const OIDC_SCOPES: readonly string[] = ['openid', 'profile', 'email', 'offline_access'];

export interface ScopedResource {
  readonly audience: string;
  readonly scopes: readonly string[];
}

/** An OAuth error in Entra's shape: `error` plus an `error_description` starting `AADSTSnnnn:`. */
export class EntraError extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
  ) {
    super(description);
    this.name = 'EntraError';
  }
}

export interface ResolvedScopes<R extends ScopedResource> {
  /** The OpenID Connect scopes asked for, lower case. */
  readonly oidc: string[];
  /** The one resource named by the permissions asked for, if any. */
  readonly resource: R | undefined;
  /** The resource's permissions asked for, as the resource spells them (short names). */
  readonly permissions: string[];
  /** Whether `{resource}/.default` was asked for (every consented permission). */
  readonly defaultScope: boolean;
}

export const fullScope = (resource: ScopedResource, permission: string): string =>
  `${resource.audience}/${permission}`;

const splitScope = (scope: string | undefined): string[] =>
  (scope ?? '').split(/\s+/).filter((value) => value !== '');

/**
 * Maps a v2 `scope` parameter to the resource and permissions it names, refusing what Entra
 * refuses: permissions of two resources (AADSTS28000), an unknown resource (AADSTS500011) and a
 * permission the resource does not define (AADSTS70011).
 */
export function resolveScopes<R extends ScopedResource>(
  scope: string | undefined,
  resources: readonly R[],
  tenantId: string,
): ResolvedScopes<R> {
  const oidc: string[] = [];
  const permissions: string[] = [];
  let resource: R | undefined;
  let defaultScope = false;
  const values = splitScope(scope);
  for (const value of values) {
    const lower = value.toLowerCase();
    if (OIDC_SCOPES.includes(lower)) {
      if (!oidc.includes(lower)) oidc.push(lower);
      continue;
    }
    const owner = resources.find((candidate) =>
      lower.startsWith(`${candidate.audience.toLowerCase()}/`),
    );
    if (!owner) {
      if (/^[a-z][a-z0-9+.-]*:\/\//.test(lower)) {
        const named = URL.parse(value)?.origin ?? value;
        throw new EntraError(
          'invalid_resource',
          `AADSTS500011: The resource principal named ${named} was not found in the tenant named ${tenantId}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.`,
        );
      }
      throw new EntraError(
        'invalid_scope',
        `AADSTS70011: The provided value for the input parameter 'scope' is not valid. The scope '${value}' does not exist.`,
      );
    }
    if (resource && resource !== owner) {
      throw new EntraError(
        'invalid_request',
        `AADSTS28000: Provided value for the input parameter scope is not valid because it contains more than one resource. Scope ${values.join(' ')} is not valid.`,
      );
    }
    resource = owner;
    const name = value.slice(owner.audience.length + 1);
    if (name.toLowerCase() === '.default') {
      defaultScope = true;
      continue;
    }
    const permission = owner.scopes.find((known) => known.toLowerCase() === name.toLowerCase());
    if (!permission) {
      throw new EntraError(
        'invalid_scope',
        `AADSTS70011: The provided value for the input parameter 'scope' is not valid. The scope '${value}' does not exist.`,
      );
    }
    if (!permissions.includes(permission)) permissions.push(permission);
  }
  return { oidc, resource, permissions, defaultScope };
}

/** The scope parameter again, spelled as the resources spell their permissions. */
export function canonicalScope<R extends ScopedResource>(resolved: ResolvedScopes<R>): string {
  const { resource } = resolved;
  return [
    ...resolved.oidc,
    ...(resource ? resolved.permissions.map((permission) => fullScope(resource, permission)) : []),
    ...(resource && resolved.defaultScope ? [fullScope(resource, '.default')] : []),
  ].join(' ');
}

/** The resource's permissions IT has granted tenant-wide (admin consent), in its own order. */
export function consentedPermissions(
  resource: ScopedResource,
  consented: ReadonlySet<string>,
): string[] {
  return resource.scopes.filter((permission) =>
    consented.has(fullScope(resource, permission).toLowerCase()),
  );
}

/** The full scope URIs asked for that admin consent does not cover. */
export function missingConsent<R extends ScopedResource>(
  resolved: ResolvedScopes<R>,
  consented: ReadonlySet<string>,
): string[] {
  const { resource } = resolved;
  if (!resource) return [];
  const missing = resolved.permissions
    .map((permission) => fullScope(resource, permission))
    .filter((scope) => !consented.has(scope.toLowerCase()));
  if (resolved.defaultScope && consentedPermissions(resource, consented).length === 0) {
    missing.push(fullScope(resource, '.default'));
  }
  return missing;
}

/** Entra's AADSTS65001 description, naming the permissions IT has not granted. */
export function consentRequiredDescription(clientId: string, missing: readonly string[]): string {
  return `AADSTS65001: The user or administrator has not consented to use the application with ID '${clientId}'. Send an interactive authorization request for this user and resource. Missing permissions: ${missing.join(' ')}.`;
}
