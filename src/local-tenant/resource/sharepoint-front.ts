/**
 * SharePoint Online on its own origin (tenant mode): the local sites of src/local-site served as
 * `/sites/<name>/_api/…` behind Entra v2 bearer tokens, answering CORS for the app's origin(s).
 *
 * Every `_api` request needs a valid token for this origin (bearer.ts); the token's `oid` and
 * delegated scopes reach the site as its principal (local-site.ts `authenticate`), which acts as
 * that directory person, capped by the scopes (permissions.ts `SCOPE_RIGHTS`). A refused token
 * answers 401 with SharePoint Online's WWW-Authenticate, x-ms-diagnostics (where known) and
 * `{"error_description": …}` body. The sites' test controls (`_local/*`) stay reachable without a
 * token, only for requests with no Origin or this origin (Node test code); `_local/signin` is
 * refused, since who calls is the token's user. Sources: docs/emulation.md, "Tokens, scopes and
 * CORS (tenant mode)".
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JWTVerifyGetKey } from 'jose';
import { authenticate } from '../../local-site/local-site';
import { localSitesMiddleware, type LocalSitePluginOptions } from '../../local-site/vite-plugin';
import { verifyBearer, type BearerFailure } from './bearer';
import {
  addCorsHeaders,
  answerPreflight,
  isCrossOrigin,
  isPreflight,
  type CorsPolicy,
} from './cors';

export interface SharePointFrontOptions {
  /** Its own origin, e.g. `https://localhost:4402`: the audience of its tokens. */
  readonly origin: string;
  /** The token issuer, e.g. `https://localhost:4401/<tenantId>/v2.0`. */
  readonly issuer: string;
  readonly keys: JWTVerifyGetKey;
  /** The tenant (the realm of SharePoint's bearer challenge). */
  readonly tenantId: string;
  /** The app's origin(s): the only ones answered with CORS headers. */
  readonly allowedOrigins: readonly string[];
  /** The sites (data folder, initial and named states), as the Vite plugin takes them. */
  readonly sites: LocalSitePluginOptions;
  /** The clock of token checks; default the system clock. */
  readonly now?: () => Date;
  /** The clock skew allowed on tokens (default: five minutes, as the real service). */
  readonly clockToleranceSeconds?: number;
}

export interface SharePointFront {
  handler(req: IncomingMessage, res: ServerResponse): void;
}

/** SharePoint Online's resource (app) id, the client_id of its bearer challenge. */
export const SHAREPOINT_RESOURCE_ID = '00000003-0000-0ff1-ce00-000000000000';

/**
 * CORS as the app needs it from SharePoint: the methods PnPjs sends (MERGE and DELETE tunnel
 * through POST + X-HTTP-Method, PATCH/PUT/DELETE also direct), the request headers it sets, and
 * the response headers it reads (ETag for concurrency, Retry-After for throttling, SPRequestGuid
 * / request-id for support, Location). Not verified against a captured SharePoint Online
 * preflight (docs/emulation.md).
 */
function sharePointCors(allowedOrigins: readonly string[]): CorsPolicy {
  const allowed = new Set(allowedOrigins);
  return {
    allows: (origin) => allowed.has(origin),
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'MERGE', 'DELETE', 'OPTIONS'],
    // Whatever the page asks to send: PnPjs adds headers of its own (X-PnPjs-RequestId,
    // X-ClientService-ClientTag) to every request, and PnPjs in single-page apps talks to
    // SharePoint Online across origins, so SharePoint Online lets them through.
    allowHeaders: 'requested',
    exposeHeaders: [
      'ETag',
      'Location',
      'Retry-After',
      'SPRequestGuid',
      'request-id',
      'SPClientServiceRequestDuration',
      'X-SharePointHealthScore',
      'DataServiceVersion',
      'Content-Length',
      'WWW-Authenticate',
      'x-ms-diagnostics',
    ],
    maxAgeSeconds: 86400,
  };
}

interface Refusal {
  readonly diagnostics?: string;
  readonly description: string;
}

/**
 * SharePoint Online's answers to a refused token. Verified strings (issues quoting real
 * responses): bad signature `3000006;reason="Token contains invalid signature.";category=
 * "invalid_client"` (SharePoint/PnP-JS-Core#174, SharePoint/sp-dev-docs#7152) with
 * "Invalid issuer or signature." (SharePoint/sp-dev-docs#5889, #2061); wrong audience
 * `3000003;reason="Invalid audience Uri '<aud>'.";category="invalid_client"` with the
 * AudienceUriValidationFailedException description
 * (AzureAD/azure-activedirectory-library-for-js#589, pnp/pnpframework#662); expired "Invalid JWT
 * token. The token is expired." (microsoft/BCApps SharePoint test doubles, client libraries
 * matching it); a token without delegated scopes (app-only) "Unsupported app only token.".
 * Ours, not verified: the not-yet-valid and malformed descriptions, and using 3000006 for a wrong
 * issuer (SharePoint answers it with the same "Invalid issuer or signature." body).
 */
function refusal(reason: Exclude<BearerFailure, 'missing'>, audience?: string): Refusal {
  const invalidClient = (code: string, why: string) =>
    `${code};reason="${why}";category="invalid_client"`;
  switch (reason) {
    case 'bad-signature':
    case 'wrong-issuer':
      return {
        diagnostics: invalidClient('3000006', 'Token contains invalid signature.'),
        description: 'Invalid issuer or signature.',
      };
    case 'wrong-audience':
      return {
        diagnostics: invalidClient('3000003', `Invalid audience Uri '${audience ?? ''}'.`),
        description:
          "Exception of type 'Microsoft.IdentityModel.Tokens.AudienceUriValidationFailedException' was thrown.",
      };
    case 'expired':
      return { description: 'Invalid JWT token. The token is expired.' };
    case 'not-yet-valid':
      return { description: 'Invalid JWT token. The token is not yet valid.' };
    case 'malformed':
      return { description: 'Invalid JWT token. The token is not a valid JWT.' };
    case 'no-scope':
      return { description: 'Unsupported app only token.' };
  }
}

/** SharePoint Online's correlation id, on every answer (also its refusals). */
function correlate(res: ServerResponse): void {
  const id = randomUUID();
  res.setHeader('SPRequestGuid', id);
  res.setHeader('request-id', id);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  correlate(res);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json;charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

/** Serves the local sites as SharePoint Online on its own origin. */
export function createSharePointFront(options: SharePointFrontOptions): SharePointFront {
  const cors = sharePointCors(options.allowedOrigins);
  const sites = localSitesMiddleware(options.sites);
  const authority = new URL(options.issuer).origin;
  const challenge =
    `Bearer realm="${options.tenantId}",client_id="${SHAREPOINT_RESOURCE_ID}",` +
    `trusted_issuers="00000001-0000-0000-c000-000000000000@*,${authority}/*/,${SHAREPOINT_RESOURCE_ID}@90140122-8516-11e1-8eff-49304924019b",` +
    `authorization_uri="${authority}/common/oauth2/authorize"`;

  const notFound = (res: ServerResponse) => {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/plain;charset=utf-8');
    res.end('404 FILE NOT FOUND');
  };

  function unauthorized(res: ServerResponse, reason: BearerFailure, audience?: string): void {
    res.setHeader('WWW-Authenticate', challenge);
    if (reason === 'missing') {
      // The bearer challenge a client without a token gets (realm discovery): no body.
      correlate(res);
      res.statusCode = 401;
      res.setHeader('Content-Length', '0');
      res.end();
      return;
    }
    const { diagnostics, description } = refusal(reason, audience);
    if (diagnostics) res.setHeader('x-ms-diagnostics', diagnostics);
    sendJson(res, 401, { error_description: description });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (isPreflight(req)) {
      answerPreflight(req, res, cors);
      return;
    }
    addCorsHeaders(req, res, cors);
    const path = new URL(req.url ?? '/', options.origin).pathname;
    const match = /^\/sites\/[^/]+(?:\/([^/]*))?/i.exec(path);
    if (!match) {
      notFound(res);
      return;
    }
    const area = (match[1] ?? '').toLowerCase();
    if (area === '_local') {
      if (isCrossOrigin(req, options.origin)) {
        sendJson(res, 403, {
          error: 'The local SharePoint’s test controls refuse requests from other origins.',
        });
        return;
      }
      if (/^\/sites\/[^/]+\/_local\/signin\/?$/i.test(path)) {
        sendJson(res, 400, {
          error: 'In tenant mode who calls is the bearer token’s user; _local/signin is refused.',
        });
        return;
      }
      sites(req, res, () => notFound(res));
      return;
    }
    const verified = await verifyBearer(req.headers.authorization, {
      issuer: options.issuer,
      audience: options.origin,
      keys: options.keys,
      ...(options.clockToleranceSeconds !== undefined
        ? { clockToleranceSeconds: options.clockToleranceSeconds }
        : {}),
      ...(options.now ? { now: options.now } : {}),
    });
    if (!verified.ok) {
      unauthorized(res, verified.reason, verified.audience);
      return;
    }
    if (verified.claims.tid !== undefined && verified.claims.tid !== options.tenantId) {
      unauthorized(res, 'wrong-issuer');
      return;
    }
    authenticate(req, { key: verified.claims.oid, scopes: verified.scopes });
    sites(req, res, () => notFound(res));
  }

  return {
    handler(req, res) {
      handle(req, res).catch((error: unknown) => {
        console.error('[local-tenant] the SharePoint front failed:', error);
        if (!res.headersSent) sendJson(res, 500, { error_description: 'Internal error.' });
        else res.end();
      });
    },
  };
}
