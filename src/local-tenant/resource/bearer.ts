/**
 * Checks an `Authorization: Bearer <JWT>` header as a resource of Microsoft Entra ID checks the
 * access tokens it is sent (v2 tokens, RS256): the signature against the issuer's keys (JWKS),
 * the issuer, the audience (the resource's own origin), `exp` and `nbf`, and that the token is a
 * delegated one (a `scp` claim naming at least one scope).
 *
 * Clock tolerance: 5 minutes either side, the default clock skew of Microsoft.IdentityModel's
 * token validation (`TokenValidationParameters.DefaultClockSkew`, 300 s), which Microsoft's
 * resource APIs use.
 * Sources: "Access tokens in the Microsoft identity platform", validating tokens and the claims
 * reference (https://learn.microsoft.com/en-us/entra/identity-platform/access-tokens,
 * https://learn.microsoft.com/en-us/entra/identity-platform/access-token-claims-reference).
 */
import { errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';

/** Entra's default clock skew (seconds). */
export const CLOCK_TOLERANCE_SECONDS = 300;

/** The claims of an Entra v2 delegated access token the stand-ins read. */
export interface AccessTokenClaims extends JWTPayload {
  readonly tid?: string;
  /** The directory user's object id. */
  readonly oid: string;
  readonly upn?: string;
  readonly preferred_username?: string;
  readonly name?: string;
  /** Space-separated delegated scopes. */
  readonly scp: string;
  readonly azp?: string;
  readonly ver?: string;
}

/** Why a bearer token was refused. */
export type BearerFailure =
  | 'missing'
  | 'malformed'
  | 'bad-signature'
  | 'expired'
  | 'not-yet-valid'
  | 'wrong-audience'
  | 'wrong-issuer'
  | 'no-scope';

export type BearerResult =
  | { readonly ok: true; readonly claims: AccessTokenClaims; readonly scopes: Set<string> }
  | {
      readonly ok: false;
      readonly reason: BearerFailure;
      /** The token's `aud` when it could be read (SharePoint names it in its answer). */
      readonly audience?: string;
    };

export interface VerifyBearerOptions {
  /** The token issuer, e.g. `https://localhost:4401/<tenantId>/v2.0`. */
  readonly issuer: string;
  /** The resource's own origin, e.g. `https://localhost:4402`. */
  readonly audience: string;
  /** The issuer's keys: jose `createRemoteJWKSet` or `createLocalJWKSet`. */
  readonly keys: JWTVerifyGetKey;
  readonly now?: () => Date;
  /** The clock skew allowed on `exp` and `nbf`; CLOCK_TOLERANCE_SECONDS unless given. */
  readonly clockToleranceSeconds?: number;
}

const BEARER = /^Bearer[ \t]+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)[ \t]*$/i;

/** The unverified `aud` of a compact JWT, for the answer to a token meant for someone else. */
function unverifiedAudience(token: string): string | undefined {
  try {
    const payload: unknown = JSON.parse(
      Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'),
    );
    const aud = (payload as { aud?: unknown } | null)?.aud;
    return typeof aud === 'string' ? aud : Array.isArray(aud) ? aud.join(',') : undefined;
  } catch {
    return undefined;
  }
}

/** Verifies the header's bearer token; never throws for a bad token (only for a JWKS failure). */
export async function verifyBearer(
  authorization: string | undefined,
  opts: VerifyBearerOptions,
): Promise<BearerResult> {
  if (authorization === undefined || /^\s*(Bearer\s*)?$/i.test(authorization)) {
    return { ok: false, reason: 'missing' };
  }
  const match = BEARER.exec(authorization.trim());
  const token = match?.[1];
  if (!token) return { ok: false, reason: 'malformed' };
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, opts.keys, {
      algorithms: ['RS256'],
      issuer: opts.issuer,
      audience: opts.audience,
      clockTolerance: opts.clockToleranceSeconds ?? CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ['exp', 'nbf', 'iat'],
      ...(opts.now ? { currentDate: opts.now() } : {}),
    }));
  } catch (error) {
    const reason = failureOf(error);
    if (reason === 'wrong-audience') {
      const audience = unverifiedAudience(token);
      return { ok: false, reason, ...(audience !== undefined ? { audience } : {}) };
    }
    return { ok: false, reason };
  }
  if (typeof payload.oid !== 'string' || payload.oid === '') {
    return { ok: false, reason: 'malformed' };
  }
  const scopes = new Set(
    (typeof payload.scp === 'string' ? payload.scp : '').split(' ').filter((s) => s !== ''),
  );
  if (scopes.size === 0) return { ok: false, reason: 'no-scope' };
  return { ok: true, claims: payload as AccessTokenClaims, scopes };
}

function failureOf(error: unknown): BearerFailure {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === 'missing') return 'malformed';
    if (error.claim === 'nbf' || error.claim === 'iat') return 'not-yet-valid';
    if (error.claim === 'iss') return 'wrong-issuer';
    if (error.claim === 'aud') return 'wrong-audience';
    return 'malformed';
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'bad-signature';
  // A key id the issuer does not have: the token was not signed by it.
  if (error instanceof errors.JWKSNoMatchingKey) return 'bad-signature';
  if (
    error instanceof errors.JWSInvalid ||
    error instanceof errors.JWTInvalid ||
    error instanceof errors.JOSEAlgNotAllowed ||
    error instanceof errors.JOSENotSupported
  ) {
    return 'malformed';
  }
  throw error;
}
