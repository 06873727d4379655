/**
 * A local stand-in for Microsoft Entra ID's v2 endpoints, built on oidc-provider (OpenID
 * certified). oidc-provider does the protocol: authorization code with PKCE, sessions, refresh
 * tokens and their rotation, JWT access tokens, ID tokens, JWKS, RP-initiated logout. This file
 * shapes it like Entra: the paths (`/{tenant}/oauth2/v2.0/...`), scopes named by resource URI,
 * one resource per access token, Entra's claims, `client_info`, admin consent and the AADSTS
 * errors. Written from Microsoft's documentation (see README.md), not from the app: it imports
 * nothing from it.
 *
 * Node only: served beside the app by its own https server, never bundled into it.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';
import type * as OidcProviderModule from 'oidc-provider';
import type {
  Account,
  AuthorizationCode,
  ClaimsParameterMember,
  ClientMetadata,
  Configuration,
  KoaContextWithOIDC,
  Provider as OidcProvider,
  ResourceServer,
  UnknownObject,
} from 'oidc-provider';
import {
  EntraError,
  OIDC_SCOPES,
  canonicalScope,
  consentRequiredDescription,
  consentedPermissions,
  fullScope,
  missingConsent,
  resolveScopes,
  type ResolvedScopes,
} from './entra';
import { createMemoryStore } from './memory-adapter';
import { consentPage, errorPage, signInPage, signOutPage, signedOutPage } from './pages';

export interface IdpUser {
  /** Object id (GUID): `oid`, and the account id. */
  id: string;
  userPrincipalName: string;
  displayName: string;
  mail: string | null;
  accountEnabled?: boolean;
}

export interface IdpClient {
  clientId: string;
  /** SPA redirect URIs, matched exactly. */
  redirectUris: string[];
}

export interface IdpResource {
  /** The resource's identifier and the access token's `aud`, e.g. 'https://localhost:4402'. */
  audience: string;
  /** Its delegated permissions, short names, e.g. 'AllSites.Read'. */
  scopes: string[];
}

export interface IdentityProviderOptions {
  /** e.g. 'https://localhost:4401'; the caller serves `handler` over https. */
  origin: string;
  /** GUID; the issuer is `${origin}/${tenantId}/v2.0`. */
  tenantId: string;
  /** Every user's password is 'demo'. */
  users: readonly IdpUser[];
  clients: readonly IdpClient[];
  resources: readonly IdpResource[];
  /** Full scope URIs IT has admin-consented; default: every scope of every resource. */
  consented?: readonly string[];
  /** Default 3600. */
  accessTokenTtlSeconds?: number;
  /** The Teams host stand-in: a confidential client allowed the broker grant. */
  broker?: { clientId: string; clientSecret: string };
  /** An RSA private JWK to sign with (RS256); default: a new key pair per start. */
  signingKey?: JWK;
}

export interface IdentityProvider {
  readonly issuer: string;
  readonly jwksUri: string;
  /** Node request handler for the whole origin. */
  handler(req: IncomingMessage, res: ServerResponse): void;
  /**
   * Test controls, also reachable over HTTP under `/_local/`. With a user (UPN), for that user
   * only — as an administrator can grant consent for one person (an oauth2PermissionGrant of
   * consentType `Principal`) — so that tests running in parallel do not meet each other's.
   */
  setConsented(scopes: readonly string[], userPrincipalName?: string): void;
  setAccessTokenTtl(seconds: number, userPrincipalName?: string): void;
  reset(): void;
}

/** The grant type the Teams host stand-in uses to broker tokens for a nested app. */
export const TEAMS_BROKER_GRANT = 'urn:planuppfoljning:teams-broker';

/** Every user's password. */
export const DEMO_PASSWORD = 'demo';

/** Entra issues SPA refresh tokens for 24 hours ("Refresh tokens in the Microsoft identity platform"). */
const SPA_REFRESH_TOKEN_TTL = 24 * 60 * 60;

type OidcModule = typeof OidcProviderModule;

let oidcModule: Promise<OidcModule> | undefined;

/**
 * Loads oidc-provider. On import it warns once that Node.js releases before 22 are unsupported;
 * that one line, and nothing else, is kept off the console (the repository runs on Node 20, see
 * README.md).
 */
function loadOidcProvider(): Promise<OidcModule> {
  oidcModule ??= (async () => {
    const warn = console.warn;
    console.warn = (...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].includes('Unsupported runtime')) return;
      warn(...args);
    };
    try {
      return await import('oidc-provider');
    } finally {
      console.warn = warn;
    }
  })();
  return oidcModule;
}

async function signingJwk(given: JWK | undefined): Promise<JWK> {
  if (given) return { alg: 'RS256', use: 'sig', ...given };
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(jwk);
  return { ...jwk, kid, alg: 'RS256', use: 'sig' };
}

const base64url = (value: string): string => Buffer.from(value).toString('base64url');

function decodeJwtPayload(token: unknown): Record<string, unknown> | undefined {
  if (typeof token !== 'string') return undefined;
  const part = token.split('.')[1];
  if (part === undefined) return undefined;
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > 64 * 1024) throw new Error('request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(
  res: ServerResponse,
  status: number,
  type: 'html' | 'json' | 'text',
  body: string,
): void {
  const contentType = {
    html: 'text/html; charset=utf-8',
    json: 'application/json; charset=utf-8',
    text: 'text/plain; charset=utf-8',
  }[type];
  res.writeHead(status, {
    'Content-Type': contentType,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(body);
}

export async function createIdentityProvider(
  options: IdentityProviderOptions,
): Promise<IdentityProvider> {
  const { Provider, errors, interactionPolicy } = await loadOidcProvider();
  const origin = new URL(options.origin).origin;
  const { tenantId } = options;
  const prefix = `/${tenantId}`;
  const issuer = `${origin}${prefix}/v2.0`;
  const resources = options.resources.map((resource) => ({
    audience: resource.audience.replace(/\/+$/, ''),
    scopes: [...resource.scopes],
  }));
  const audiences = resources.map((resource) => resource.audience);
  const allScopes = (value: { audience: string; scopes: readonly string[] }): string[] => [
    ...value.scopes.map((scope) => fullScope(value, scope)),
    fullScope(value, '.default'),
  ];

  const defaultConsented = (): Set<string> =>
    new Set(
      (
        options.consented ??
        resources.flatMap((resource) => resource.scopes.map((scope) => fullScope(resource, scope)))
      ).map((scope) => scope.toLowerCase()),
    );
  let consented = defaultConsented();
  let accessTokenTtl = options.accessTokenTtlSeconds ?? 3600;
  /** Per-user overrides of the two (by object id), set by the test controls. */
  const consentedByUser = new Map<string, Set<string>>();
  const ttlByUser = new Map<string, number>();
  const consentedFor = (userId: string | undefined): Set<string> =>
    (userId === undefined ? undefined : consentedByUser.get(userId)) ?? consented;
  const ttlFor = (userId: string | undefined): number =>
    (userId === undefined ? undefined : ttlByUser.get(userId)) ?? accessTokenTtl;
  /** The user a token request is for: the code's or the refresh token's account. */
  const tokenRequestUser = (ctx: KoaContextWithOIDC): string | undefined => {
    const entities = ctx.oidc.entities as {
      AuthorizationCode?: { accountId?: string };
      RefreshToken?: { accountId?: string };
    };
    return entities.AuthorizationCode?.accountId ?? entities.RefreshToken?.accountId;
  };

  const users = options.users;
  const userById = (id: string): IdpUser | undefined => users.find((user) => user.id === id);
  const userByName = (name: string): IdpUser | undefined =>
    users.find((user) => user.userPrincipalName.toLowerCase() === name.trim().toLowerCase());
  const enabled = (user: IdpUser): boolean => user.accountEnabled !== false;
  const knownUser = (name: string): IdpUser => {
    const user = userByName(name);
    if (!user) throw new RangeError(`no user ${name}`);
    return user;
  };

  const resolve = (scope: string | undefined): ResolvedScopes<(typeof resources)[number]> => {
    try {
      return resolveScopes(scope, resources, tenantId);
    } catch (error) {
      if (error instanceof EntraError) throw oauthError(error.error, error.description);
      throw error;
    }
  };

  /** An OAuth error oidc-provider answers as is: `error` and Entra's `error_description`. */
  function oauthError(error: string, description: string): Error {
    return new errors.CustomOIDCProviderError(error, description);
  }

  const store = createMemoryStore();
  const jwk = await signingJwk(options.signingKey);
  const singleHost = (uris: readonly string[]): boolean =>
    new Set(uris.map((uri) => new URL(uri).host)).size <= 1;

  const clients: ClientMetadata[] = options.clients.map((client) => ({
    client_id: client.clientId,
    application_type: 'web',
    redirect_uris: [...client.redirectUris],
    // Only web addresses: a broker entry (`brk-multihub://…`, nested app auth) is no page to return to.
    post_logout_redirect_uris: client.redirectUris.filter((uri) => /^https?:\/\//.test(uri)),
    token_endpoint_auth_method: 'none',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    // Entra's `sub` is pairwise: one value per user and application.
    subject_type: singleHost(client.redirectUris) ? 'pairwise' : 'public',
  }));
  if (options.broker) {
    clients.push({
      client_id: options.broker.clientId,
      client_secret: options.broker.clientSecret,
      token_endpoint_auth_method: 'client_secret_post',
      grant_types: [TEAMS_BROKER_GRANT],
      response_types: [],
      redirect_uris: [],
    });
  }

  const findAccount = (_ctx: unknown, id: string): Account | undefined => {
    const user = userById(id);
    if (!user || !enabled(user)) return undefined;
    return {
      accountId: user.id,
      claims: () => ({
        sub: user.id,
        oid: user.id,
        tid: tenantId,
        ver: '2.0',
        name: user.displayName,
        preferred_username: user.userPrincipalName,
        ...(user.mail === null ? {} : { email: user.mail }),
      }),
    };
  };

  /** The scope an access-token request names: the raw body, else the code's. */
  const tokenRequestScope = (ctx: KoaContextWithOIDC): string | undefined => {
    const body = (ctx.oidc as unknown as { body?: Record<string, unknown> }).body;
    const raw = body?.scope;
    if (typeof raw === 'string') return raw;
    return ctx.oidc.entities.AuthorizationCode?.scope;
  };

  const scopeParam = (ctx: KoaContextWithOIDC): string | undefined => {
    const scope = ctx.oidc.params?.scope;
    return typeof scope === 'string' ? scope : undefined;
  };

  const consentCheck = new interactionPolicy.Check(
    'entra_admin_consent_missing',
    'AADSTS65001',
    'consent_required',
    (ctx) =>
      missingConsent(resolve(scopeParam(ctx)), consentedFor(ctx.oidc.session?.accountId)).length >
      0,
    (ctx) => ({
      missing: missingConsent(resolve(scopeParam(ctx)), consentedFor(ctx.oidc.session?.accountId)),
    }),
  );
  // The description oidc-provider answers `prompt=none` with names the missing permissions.
  Object.defineProperty(consentCheck, 'description', {
    get: () => {
      const ctx = Provider.ctx;
      if (!ctx?.oidc.client) return 'AADSTS65001';
      return consentRequiredDescription(
        ctx.oidc.client.clientId,
        missingConsent(resolve(scopeParam(ctx)), consentedFor(ctx.oidc.session?.accountId)),
      );
    },
  });
  const basePolicy = interactionPolicy.base();
  const login = basePolicy.get('login');
  if (!login) throw new Error('oidc-provider has no login prompt');
  const policy = [
    login,
    new interactionPolicy.Prompt(
      { name: 'select_account', requestable: true },
      new interactionPolicy.Check(
        'select_account_prompt',
        'account selection requested',
        'account_selection_required',
        (ctx) => ctx.oidc.prompts.has('select_account') && ctx.oidc.promptPending('select_account'),
      ),
    ),
    new interactionPolicy.Prompt({ name: 'consent', requestable: true }, consentCheck),
  ];

  const interactionPath = (uid: string): string => `${prefix}/login/${uid}`;

  const configuration: Configuration = {
    adapter: store.adapter,
    clients,
    jwks: { keys: [jwk as never] },
    findAccount,
    cookies: {
      keys: [randomBytes(32).toString('base64url')],
      // The authorize endpoint also runs in MSAL's hidden iframe on the app's origin.
      long: { httpOnly: true, sameSite: 'none', secure: true },
      short: { httpOnly: true, sameSite: 'none', secure: true },
    },
    routes: {
      authorization: '/oauth2/v2.0/authorize',
      token: '/oauth2/v2.0/token',
      end_session: '/oauth2/v2.0/logout',
      jwks: '/discovery/v2.0/keys',
      // Not used by MSAL; kept off Entra's paths.
      backchannel_authentication: '/_oidc/backchannel',
      code_verification: '/_oidc/device',
      device_authorization: '/_oidc/device/auth',
      introspection: '/_oidc/token/introspection',
      pushed_authorization_request: '/_oidc/par',
      registration: '/_oidc/reg',
      revocation: '/_oidc/token/revocation',
      userinfo: '/_oidc/me',
      challenge: '/_oidc/challenge',
    },
    scopes: [...OIDC_SCOPES],
    claims: {
      openid: ['sub', 'tid', 'ver'],
      profile: ['name', 'preferred_username', 'oid'],
      email: ['email'],
    },
    subjectTypes: ['public', 'pairwise'],
    pairwiseIdentifier: (_ctx, accountId, client) =>
      createHash('sha256').update(`${accountId}:${client.clientId}`).digest('base64url'),
    pkce: { required: () => true },
    clientBasedCORS: (_ctx, requestOrigin, client) =>
      client.clientAuthMethod === 'none' &&
      (client.redirectUris ?? []).some((uri) => URL.parse(uri)?.origin === requestOrigin),
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.type = 'html';
          ctx.body = signOutPage(form);
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.type = 'html';
          ctx.body = signedOutPage();
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: (ctx, _client, oneOf) => {
          if (oneOf) {
            // Token endpoint: the one resource the scope names (Entra's refresh tokens are
            // multi-resource, so any resource of the tenant).
            const scope = tokenRequestScope(ctx);
            if (ctx.oidc.params?.grant_type === 'refresh_token' && scope === undefined) {
              throw new errors.InvalidRequest(
                "AADSTS90014: The required field 'scope' is missing from the credential.",
              );
            }
            return resolve(scope).resource?.audience ?? (undefined as unknown as string);
          }
          // Authorization endpoint: refuse what Entra refuses, spell the scope as the resources
          // do, keep `offline_access` (OpenID Connect drops it without prompt=consent; Entra
          // issues refresh tokens for it) and authorize every resource (a multi-resource grant).
          const raw =
            ctx.method === 'POST'
              ? (ctx.oidc as unknown as { body?: Record<string, unknown> }).body?.scope
              : ctx.query.scope;
          const resolved = resolve(typeof raw === 'string' ? raw : undefined);
          if (ctx.oidc.params) ctx.oidc.params.scope = canonicalScope(resolved) || undefined;
          return audiences;
        },
        useGrantedResource: () => true,
        getResourceServerInfo: (ctx, indicator) => {
          const resource = resources.find((candidate) => candidate.audience === indicator);
          if (!resource) throw new errors.InvalidTarget();
          const user = ctx.oidc.route === 'token' ? tokenRequestUser(ctx) : undefined;
          if (ctx.oidc.route === 'token' && ctx.oidc.client) {
            const resolved = resolve(tokenRequestScope(ctx));
            if (resolved.resource === resource) {
              const missing = missingConsent(resolved, consentedFor(user));
              if (missing.length > 0) {
                throw oauthError(
                  'invalid_grant',
                  consentRequiredDescription(ctx.oidc.client.clientId, missing),
                );
              }
            }
          }
          return resourceServer(resource, user);
        },
      },
    },
    loadExistingGrant: async (ctx) => {
      // Admin consent covers every user: the library may issue whatever the tenant's resources
      // define; the `consent` prompt above checks the request against what IT has granted.
      const { client, session } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grantId = session.grantIdFor(client.clientId);
      const existing =
        grantId === undefined ? undefined : await ctx.oidc.provider.Grant.find(grantId);
      const grant =
        existing ??
        new ctx.oidc.provider.Grant({ accountId: session.accountId, clientId: client.clientId });
      grant.addOIDCScope(OIDC_SCOPES.join(' '));
      for (const resource of resources)
        grant.addResourceScope(resource.audience, allScopes(resource).join(' '));
      await grant.save();
      return grant;
    },
    issueRefreshToken: (_ctx, client, code) => {
      if (!client.grantTypeAllowed('refresh_token') || !code.scopes.has('offline_access'))
        return false;
      // Entra's refresh tokens are multi-resource: the token minted from this code may be
      // redeemed for any resource of the tenant (oidc-provider's is bound to the code's scope).
      const source = code as AuthorizationCode;
      source.scope = [...new Set([...code.scopes, ...resources.flatMap(allScopes)])].join(' ');
      source.resource = audiences.length === 1 ? audiences[0] : [...audiences];
      return true;
    },
    rotateRefreshToken: true,
    extraTokenClaims: (_ctx, token) => {
      const resource = resources.find(
        (candidate) =>
          'resourceServer' in token && token.resourceServer?.audience === candidate.audience,
      );
      const accountId = 'accountId' in token ? token.accountId : undefined;
      const user = accountId === undefined ? undefined : userById(accountId);
      if (!resource || !user) return undefined;
      return {
        tid: tenantId,
        oid: user.id,
        upn: user.userPrincipalName,
        preferred_username: user.userPrincipalName,
        name: user.displayName,
        // Entra puts every consented permission of the resource in the token.
        scp: consentedPermissions(resource, consentedFor(user.id)).join(' '),
        azp: token.clientId,
        azpacr: '0',
        ver: '2.0',
      } satisfies UnknownObject;
    },
    formats: {
      customizers: {
        jwt: (_ctx, _token, jwt) => {
          const payload = jwt.payload as Record<string, unknown>;
          // Entra's access tokens: `typ: JWT`, `scp` not `scope`, `azp` not `client_id`, `uti`.
          jwt.header = { typ: 'JWT' };
          payload.nbf = payload.iat;
          payload.uti = payload.jti;
          delete payload.jti;
          delete payload.scope;
          delete payload.client_id;
        },
      },
    },
    ttl: {
      AccessToken: (_ctx, token) =>
        ttlFor('accountId' in token ? (token.accountId as string | undefined) : undefined),
      AuthorizationCode: 600,
      IdToken: 3600,
      RefreshToken: SPA_REFRESH_TOKEN_TTL,
      Interaction: 60 * 60,
      Session: 14 * 24 * 60 * 60,
      Grant: 14 * 24 * 60 * 60,
    },
    interactions: {
      url: (_ctx, interaction) => interactionPath(interaction.uid),
      policy,
    },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = errorPage(String(out.error), out.error_description as string | undefined);
    },
  };

  function resourceServer(resource: (typeof resources)[number], userId?: string): ResourceServer {
    return {
      scope: allScopes(resource).join(' '),
      audience: resource.audience,
      accessTokenTTL: ttlFor(userId),
      accessTokenFormat: 'jwt',
      jwt: { sign: { alg: 'RS256' } },
    };
  }

  const provider: OidcProvider = new Provider(issuer, configuration);

  // Entra's token responses: `scope` lists the resource's consented permissions (full URIs),
  // `ext_expires_in`, `client_info` when asked for; `error_codes`, `timestamp` and `suberror` on
  // errors.
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.oidc?.route !== 'token' || typeof ctx.body !== 'object' || ctx.body === null) return;
    const body = ctx.body as Record<string, unknown>;
    const request = (ctx.oidc as unknown as { body?: Record<string, unknown> }).body ?? {};
    if (typeof body.access_token === 'string') {
      const access = decodeJwtPayload(body.access_token);
      const resource = resources.find((candidate) => candidate.audience === access?.aud);
      if (resource && typeof access?.scp === 'string') {
        body.scope = access.scp
          .split(' ')
          .filter(Boolean)
          .map((permission) => fullScope(resource, permission))
          .join(' ');
      }
      if (typeof body.expires_in === 'number') body.ext_expires_in = body.expires_in;
      const identity = decodeJwtPayload(body.id_token) ?? access;
      if (request.client_info === '1' && typeof identity?.oid === 'string') {
        body.client_info = base64url(JSON.stringify({ uid: identity.oid, utid: tenantId }));
      }
    } else if (typeof body.error === 'string') {
      const description = typeof body.error_description === 'string' ? body.error_description : '';
      if (body.error === 'invalid_scope' && !description.startsWith('AADSTS')) {
        body.error_description = `AADSTS70011: The provided value for the input parameter 'scope' is not valid. ${description}.`;
      }
      if (body.error === 'invalid_grant' && description.startsWith('AADSTS65001')) {
        body.suberror = 'consent_required';
      }
      const code = /^AADSTS(\d+)/.exec(String(body.error_description ?? ''));
      if (code?.[1] !== undefined) body.error_codes = [Number(code[1])];
      body.timestamp = new Date()
        .toISOString()
        .replace('T', ' ')
        .replace(/\.\d+Z$/, 'Z');
    }
  });

  if (options.broker) {
    const broker = options.broker;
    provider.registerGrantType(
      TEAMS_BROKER_GRANT,
      async (ctx) => {
        if (ctx.oidc.client?.clientId !== broker.clientId) {
          throw new errors.UnauthorizedClient(
            'AADSTS700016: the broker grant is for the Teams host only',
          );
        }
        const params = ctx.oidc.params as Record<string, unknown>;
        const appClientId = typeof params.app_client_id === 'string' ? params.app_client_id : '';
        const loginHint = typeof params.login_hint === 'string' ? params.login_hint : '';
        const scope = typeof params.scope === 'string' ? params.scope : undefined;
        if (!appClientId || !loginHint || !scope) {
          throw new errors.InvalidRequest(
            "AADSTS900144: The request body must contain the following parameters: 'app_client_id', 'login_hint', 'scope'.",
          );
        }
        const app = await provider.Client.find(appClientId);
        if (!app || app.clientAuthMethod !== 'none') {
          throw new errors.CustomOIDCProviderError(
            'unauthorized_client',
            `AADSTS700016: Application with identifier '${appClientId}' was not found in the directory '${tenantId}'.`,
          );
        }
        const user = userByName(loginHint);
        if (!user) {
          throw new errors.CustomOIDCProviderError(
            'invalid_grant',
            `AADSTS50034: The user account ${loginHint} does not exist in the ${tenantId} directory.`,
          );
        }
        if (!enabled(user)) {
          throw new errors.CustomOIDCProviderError(
            'invalid_grant',
            'AADSTS50057: The user account is disabled.',
          );
        }
        const resolved = resolve(scope);
        const resource = resolved.resource;
        if (!resource) {
          throw oauthError(
            'invalid_scope',
            "AADSTS70011: The provided value for the input parameter 'scope' is not valid. It names no resource.",
          );
        }
        const missing = missingConsent(resolved, consentedFor(user.id));
        if (missing.length > 0) {
          throw oauthError('invalid_grant', consentRequiredDescription(app.clientId, missing));
        }
        const grant = new provider.Grant({ accountId: user.id, clientId: app.clientId });
        grant.addOIDCScope(resolved.oidc.join(' '));
        grant.addResourceScope(resource.audience, allScopes(resource).join(' '));
        const grantId = await grant.save();
        const at = new provider.AccessToken({
          accountId: user.id,
          client: app,
          grantId,
          gty: TEAMS_BROKER_GRANT,
          scope: canonicalScope({ ...resolved, oidc: [] }),
        });
        at.resourceServer = new provider.ResourceServer(
          resource.audience,
          resourceServer(resource, user.id),
        );
        const accessToken = await at.save();
        let idToken: string | undefined;
        if (resolved.oidc.includes('openid')) {
          const account = findAccount(ctx, user.id);
          if (!account)
            throw new errors.CustomOIDCProviderError(
              'invalid_grant',
              'AADSTS50057: The user account is disabled.',
            );
          const scopeString = resolved.oidc.join(' ');
          const token = new provider.IdToken(
            await account.claims(
              'id_token',
              scopeString,
              {} as Record<string, ClaimsParameterMember | null>,
              [],
            ),
            { ctx, client: app },
          );
          (token as unknown as { scope: string }).scope = scopeString;
          idToken = await token.issue({ use: 'idtoken' });
        }
        ctx.body = {
          access_token: accessToken,
          token_type: 'Bearer',
          expires_in: at.expiration,
          scope: at.scope,
          ...(idToken === undefined ? {} : { id_token: idToken }),
        };
      },
      ['app_client_id', 'login_hint', 'scope'],
    );
  }

  const callback = provider.callback();

  async function interaction(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let details;
    try {
      details = await provider.interactionDetails(req, res);
    } catch {
      send(
        res,
        400,
        'html',
        errorPage(
          'invalid_request',
          'Inloggningen har gått ut. Gå tillbaka till appen och försök igen.',
        ),
      );
      return;
    }
    const { prompt, params, uid } = details;
    const clientId = String(params.client_id);
    const action = interactionPath(uid);
    const form =
      req.method === 'POST' ? new URLSearchParams(await readBody(req)) : new URLSearchParams();

    if (prompt.name === 'consent') {
      const missing = (prompt.details.missing as string[] | undefined) ?? [];
      if (req.method === 'POST' && form.get('action') === 'back') {
        await provider.interactionFinished(
          req,
          res,
          {
            error: 'consent_required',
            error_description: consentRequiredDescription(clientId, missing),
          },
          { mergeWithLastSubmission: false },
        );
        return;
      }
      const grouped = resources
        .map((resource) => ({
          resource: resource.audience,
          permissions: missing
            .filter((scope) =>
              scope.toLowerCase().startsWith(`${resource.audience.toLowerCase()}/`),
            )
            .map((scope) => scope.slice(resource.audience.length + 1)),
        }))
        .filter((group) => group.permissions.length > 0);
      send(res, 200, 'html', consentPage({ action, clientName: clientId, missing: grouped }));
      return;
    }

    // login and select_account: the sign-in page.
    const hint = typeof params.login_hint === 'string' ? params.login_hint : '';
    if (req.method !== 'POST') {
      send(res, 200, 'html', signInPage({ action, username: hint, clientName: clientId }));
      return;
    }
    const username = form.get('username') ?? '';
    const user = userByName(username);
    if (!user || form.get('password') !== DEMO_PASSWORD) {
      send(
        res,
        200,
        'html',
        signInPage({
          action,
          username,
          clientName: clientId,
          error: 'Fel användarnamn eller lösenord.',
        }),
      );
      return;
    }
    if (!enabled(user)) {
      send(
        res,
        200,
        'html',
        signInPage({
          action,
          username,
          clientName: clientId,
          error: 'Kontot är inaktiverat. Kontakta IT om du behöver logga in.',
        }),
      );
      return;
    }
    await provider.interactionFinished(
      req,
      res,
      {
        login: { accountId: user.id, amr: ['pwd'] },
        ...(prompt.name === 'select_account' ? { select_account: {} } : {}),
      },
      { mergeWithLastSubmission: false },
    );
  }

  /** Refuses a control request a page on another origin could make. */
  function sameOriginOnly(req: IncomingMessage): boolean {
    const requestOrigin = req.headers.origin;
    if (requestOrigin !== undefined && requestOrigin !== origin) return false;
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
    return true;
  }

  async function control(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      send(res, 405, 'json', JSON.stringify({ error: 'method_not_allowed' }));
      return;
    }
    if (!sameOriginOnly(req)) {
      send(res, 403, 'json', JSON.stringify({ error: 'cross_origin_control_refused' }));
      return;
    }
    const text = await readBody(req);
    if (text !== '' && !(req.headers['content-type'] ?? '').startsWith('application/json')) {
      send(res, 415, 'json', JSON.stringify({ error: 'json_body_required' }));
      return;
    }
    let body: unknown;
    try {
      body = text === '' ? {} : JSON.parse(text);
    } catch {
      send(res, 400, 'json', JSON.stringify({ error: 'invalid_json' }));
      return;
    }
    const record = (typeof body === 'object' && body !== null ? body : {}) as Record<
      string,
      unknown
    >;
    if (path === '/_local/consent') {
      const list = record.consented;
      if (!Array.isArray(list) || !list.every((item) => typeof item === 'string')) {
        send(
          res,
          400,
          'json',
          JSON.stringify({ error: 'consented must be an array of scope URIs' }),
        );
        return;
      }
      const user = typeof record.user === 'string' ? record.user : undefined;
      if (user !== undefined && !userByName(user)) {
        send(res, 400, 'json', JSON.stringify({ error: `no user ${user}` }));
        return;
      }
      idp.setConsented(list as string[], user);
      send(res, 200, 'json', JSON.stringify({ consented: list, ...(user ? { user } : {}) }));
    } else if (path === '/_local/token-lifetime') {
      const seconds = record.seconds;
      if (typeof seconds !== 'number' || !Number.isSafeInteger(seconds) || seconds <= 0) {
        send(res, 400, 'json', JSON.stringify({ error: 'seconds must be a positive integer' }));
        return;
      }
      const user = typeof record.user === 'string' ? record.user : undefined;
      if (user !== undefined && !userByName(user)) {
        send(res, 400, 'json', JSON.stringify({ error: `no user ${user}` }));
        return;
      }
      idp.setAccessTokenTtl(seconds, user);
      send(res, 200, 'json', JSON.stringify({ seconds, ...(user ? { user } : {}) }));
    } else if (path === '/_local/reset') {
      idp.reset();
      send(res, 200, 'json', JSON.stringify({ reset: true }));
    } else {
      send(res, 404, 'json', JSON.stringify({ error: 'not_found' }));
    }
  }

  function route(req: IncomingMessage, res: ServerResponse): Promise<void> | void {
    const url = new URL(req.url ?? '/', origin);
    const { pathname, search } = url;
    const mounted = req as IncomingMessage & { originalUrl?: string };
    if (pathname.startsWith('/_local/')) return control(req, res, pathname);
    if (pathname === `${prefix}/v2.0/.well-known/openid-configuration`) {
      // MSAL's AAD-mode discovery URL; oidc-provider serves it from its mount point.
      mounted.originalUrl = `${prefix}/.well-known/openid-configuration${search}`;
      req.url = `/.well-known/openid-configuration${search}`;
      return callback(req, res);
    }
    if (pathname.startsWith(`${prefix}/login/`)) return interaction(req, res);
    if (pathname.startsWith(`${prefix}/`)) {
      if (pathname === `${prefix}/oauth2/v2.0/logout` && req.method === 'GET') {
        // Entra accepts a post_logout_redirect_uri of the app without client_id or
        // id_token_hint; oidc-provider needs one of them to find the client.
        const { searchParams } = url;
        const target = searchParams.get('post_logout_redirect_uri');
        if (
          target !== null &&
          !searchParams.has('client_id') &&
          !searchParams.has('id_token_hint')
        ) {
          const owner = options.clients.find((client) => client.redirectUris.includes(target));
          if (owner) searchParams.set('client_id', owner.clientId);
        }
        req.url = `${pathname}${url.search}`;
      }
      mounted.originalUrl = req.url;
      req.url = (req.url ?? '/').slice(prefix.length);
      return callback(req, res);
    }
    send(res, 404, 'json', JSON.stringify({ error: 'not_found' }));
  }

  const idp: IdentityProvider = {
    issuer,
    jwksUri: `${origin}${prefix}/discovery/v2.0/keys`,
    handler(req, res) {
      Promise.resolve(route(req, res)).catch((error: unknown) => {
        if (!res.headersSent) send(res, 500, 'text', 'identity provider error');
        else res.end();
        console.error(error);
      });
    },
    setConsented(scopes, userPrincipalName) {
      const granted = new Set(scopes.map((scope) => scope.toLowerCase()));
      if (userPrincipalName === undefined) consented = granted;
      else consentedByUser.set(knownUser(userPrincipalName).id, granted);
    },
    setAccessTokenTtl(seconds, userPrincipalName) {
      if (!Number.isSafeInteger(seconds) || seconds <= 0) {
        throw new RangeError('the access token lifetime is a positive whole number of seconds');
      }
      if (userPrincipalName === undefined) accessTokenTtl = seconds;
      else ttlByUser.set(knownUser(userPrincipalName).id, seconds);
    },
    reset() {
      store.clear();
      consented = defaultConsented();
      accessTokenTtl = options.accessTokenTtlSeconds ?? 3600;
      consentedByUser.clear();
      ttlByUser.clear();
    },
  };
  return idp;
}
