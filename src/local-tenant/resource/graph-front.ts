/**
 * Microsoft Graph on its own origin (tenant mode): src/local-site/graph.ts's `handleGraph` (the
 * same implementation the same-origin `<site>/_local/graph` uses) at `/v1.0/…`, behind Entra v2
 * bearer tokens and delegated scopes, answering CORS as Graph does (any origin).
 *
 * - A refused token: 401 `InvalidAuthenticationToken` with Graph's WWW-Authenticate and messages.
 * - Scopes: each operation (and each `$batch` part) checks the token's `scp` (graph.ts
 *   `USER_READ_SCOPES`, `CHANNEL_MESSAGE_SCOPES`); the sender of a channel message is the token's
 *   user (`oid`).
 * - Test controls, no token, refused cross-origin: `GET /_local/outbox` (the messages sent),
 *   `GET /_local/activity` (the activity-feed notifications sent), `POST /_local/reset` (empties
 *   both), `POST /_local/fault` (`{ status, count,
 *   retryAfterSeconds?, match? }`, as the local site's).
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JWTVerifyGetKey } from 'jose';
import type { Directory } from '../../local-site/directory';
import { createFaults } from '../../local-site/faults';
import {
  graphFault,
  handleGraph,
  type GraphActivityNotification,
  type GraphChatMessage,
  type InstalledTeamsApp,
} from '../../local-site/graph';
import { readRequest } from '../../local-site/node-glue';
import { SharePointError } from '../../local-site/errors';
import type { SiteRequest } from '../../local-site/http';
import { verifyBearer, type BearerFailure } from './bearer';
import {
  addCorsHeaders,
  answerPreflight,
  isCrossOrigin,
  isPreflight,
  type CorsPolicy,
} from './cors';

export interface GraphFrontOptions {
  /** Its own origin, e.g. `https://localhost:4403`: the audience of its tokens. */
  readonly origin: string;
  readonly issuer: string;
  readonly keys: JWTVerifyGetKey;
  /**
   * Graph answers CORS for any origin; pass origins here to answer only those (stricter than
   * Graph), or leave it out (or `['*']`) for Graph's behaviour.
   */
  readonly allowedOrigins?: readonly string[];
  /** The tenant's directory: who `/users/{id}` finds and who may send. */
  readonly directory: Directory;
  /** The Teams app as installed in the tenant (graph.ts LOCAL_TEAMS_APP when absent). */
  readonly teamsApp?: InstalledTeamsApp;
  readonly now?: () => Date;
  /** The clock skew allowed on tokens (default: five minutes, as the real service). */
  readonly clockToleranceSeconds?: number;
}

export interface GraphFront {
  handler(req: IncomingMessage, res: ServerResponse): void;
  /** The channel messages sent so far. */
  outbox(): readonly GraphChatMessage[];
  /** The activity-feed notifications sent so far. */
  activity(): readonly GraphActivityNotification[];
}

/** Microsoft Graph's resource (app) id, the client_id of its bearer challenge. */
export const GRAPH_RESOURCE_ID = '00000003-0000-0000-c000-000000000000';

/**
 * Graph's CORS: preflights answered for any origin. Exposed headers: those a client reads from
 * Graph (ETag, Location, request-id, client-request-id). Graph does not expose Retry-After
 * (microsoftgraph/microsoft-graph-docs-contrib#2011: "retry-after header is not part of the
 * Access-Control-Expose-Headers"), so neither does this: a browser app cannot read it.
 */
function graphCors(allowedOrigins: readonly string[] | undefined): CorsPolicy {
  const any = allowedOrigins === undefined || allowedOrigins.includes('*');
  const allowed = new Set(allowedOrigins ?? []);
  return {
    allows: (origin) => any || allowed.has(origin),
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    allowHeaders: [
      'authorization',
      'content-type',
      'accept',
      'client-request-id',
      'if-match',
      'if-none-match',
      'prefer',
      'consistencylevel',
      'sdkversion',
    ],
    exposeHeaders: ['ETag', 'Location', 'request-id', 'client-request-id', 'Preference-Applied'],
    maxAgeSeconds: 3600,
  };
}

/**
 * Graph's 401 messages. Verified (issues quoting real answers): "Access token has expired or is
 * not yet valid." (besscroft/diyfile#1, microsofthackathons/tdi#24), "Access token validation
 * failure." (OfficeDev/O365-Cloud-Sec-Tooling#5), "CompactToken parsing failed with error code:
 * 80049217" for a token that is no JWT (microsoftgraph/msgraph-training-dotnet#31). "Access token
 * is empty." for no token and "Access token validation failure. Invalid audience." for a token
 * of another resource are Graph's as commonly reported, not verified here.
 */
function unauthorizedMessage(reason: BearerFailure): string {
  switch (reason) {
    case 'missing':
      return 'Access token is empty.';
    case 'malformed':
      return 'CompactToken parsing failed with error code: 80049217';
    case 'expired':
    case 'not-yet-valid':
      return 'Access token has expired or is not yet valid.';
    case 'wrong-audience':
      return 'Access token validation failure. Invalid audience.';
    case 'bad-signature':
    case 'wrong-issuer':
    case 'no-scope':
      return 'Access token validation failure.';
  }
}

/** Serves the local Graph on its own origin. */
export function createGraphFront(options: GraphFrontOptions): GraphFront {
  const cors = graphCors(options.allowedOrigins);
  const now = options.now ?? (() => new Date());
  const faults = createFaults();
  let outbox: readonly GraphChatMessage[] = [];
  let activity: readonly GraphActivityNotification[] = [];
  const authority = new URL(options.issuer).origin;
  const challenge = `Bearer realm="", authorization_uri="${authority}/common/oauth2/authorize", client_id="${GRAPH_RESOURCE_ID}"`;

  function send(
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    body: string,
    headers: Record<string, string> = {},
  ): void {
    const clientRequestId = req.headers['client-request-id'];
    const requestId = randomUUID();
    res.statusCode = status;
    res.setHeader('request-id', requestId);
    res.setHeader(
      'client-request-id',
      typeof clientRequestId === 'string' ? clientRequestId : requestId,
    );
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    if (status === 204) {
      res.end();
      return;
    }
    res.setHeader('Content-Length', Buffer.byteLength(body));
    res.end(body);
  }

  /** Graph's error body, with the innerError Graph puts on every error. */
  function errorBody(req: IncomingMessage, code: string, message: string): string {
    const clientRequestId = req.headers['client-request-id'];
    const requestId = randomUUID();
    return JSON.stringify({
      error: {
        code,
        message,
        innerError: {
          date: now().toISOString().slice(0, 19),
          'request-id': requestId,
          'client-request-id': typeof clientRequestId === 'string' ? clientRequestId : requestId,
        },
      },
    });
  }

  const JSON_HEADERS = { 'Content-Type': 'application/json' };

  function control(req: IncomingMessage, res: ServerResponse, name: string, body: string): void {
    const route = `${req.method ?? 'GET'} ${name}`;
    if (route === 'GET outbox') {
      send(req, res, 200, JSON.stringify({ value: outbox }), JSON_HEADERS);
    } else if (route === 'GET activity') {
      send(req, res, 200, JSON.stringify({ value: activity }), JSON_HEADERS);
    } else if (route === 'POST reset') {
      outbox = [];
      activity = [];
      send(req, res, 204, '');
    } else if (route === 'POST fault') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        parsed = null;
      }
      const f = parsed as Record<string, unknown> | null;
      if (
        !f ||
        typeof f.status !== 'number' ||
        typeof f.count !== 'number' ||
        (f.match !== undefined && typeof f.match !== 'string') ||
        (f.retryAfterSeconds !== undefined && typeof f.retryAfterSeconds !== 'number')
      ) {
        send(
          req,
          res,
          400,
          JSON.stringify({ error: 'Expected { status, count, … }.' }),
          JSON_HEADERS,
        );
        return;
      }
      faults.add({
        status: f.status,
        count: f.count,
        ...(typeof f.retryAfterSeconds === 'number'
          ? { retryAfterSeconds: f.retryAfterSeconds }
          : {}),
        ...(typeof f.match === 'string' ? { match: f.match } : {}),
      });
      send(req, res, 204, '');
    } else {
      send(req, res, 404, JSON.stringify({ error: `No test control ${route}.` }), JSON_HEADERS);
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (isPreflight(req)) {
      answerPreflight(req, res, cors);
      return;
    }
    addCorsHeaders(req, res, cors);
    const url = new URL(req.url ?? '/', options.origin);
    const segments = url.pathname.split('/').filter((s) => s !== '');
    const read = await new Promise<SiteRequest | SharePointError>((resolve) =>
      readRequest(req, url, resolve),
    );
    if (read instanceof SharePointError) {
      send(req, res, 413, errorBody(req, 'RequestEntityTooLarge', read.message), JSON_HEADERS);
      return;
    }
    if (segments[0] === '_local' && segments.length === 2) {
      if (isCrossOrigin(req, options.origin)) {
        send(
          req,
          res,
          403,
          JSON.stringify({ error: 'The local Graph’s test controls refuse other origins.' }),
          JSON_HEADERS,
        );
        return;
      }
      control(req, res, segments[1] ?? '', read.body);
      return;
    }
    if (segments[0] !== 'v1.0') {
      send(
        req,
        res,
        400,
        errorBody(req, 'BadRequest', `Invalid version: ${segments[0] ?? ''}`),
        JSON_HEADERS,
      );
      return;
    }
    const verified = await verifyBearer(req.headers.authorization, {
      issuer: options.issuer,
      audience: options.origin,
      keys: options.keys,
      ...(options.clockToleranceSeconds !== undefined
        ? { clockToleranceSeconds: options.clockToleranceSeconds }
        : {}),
      now,
    });
    if (!verified.ok) {
      if (verified.reason === 'no-scope') {
        send(
          req,
          res,
          403,
          errorBody(
            req,
            'Authorization_RequestDenied',
            'Insufficient privileges to complete the operation.',
          ),
          JSON_HEADERS,
        );
        return;
      }
      send(
        req,
        res,
        401,
        errorBody(req, 'InvalidAuthenticationToken', unauthorizedMessage(verified.reason)),
        {
          ...JSON_HEADERS,
          'WWW-Authenticate': challenge,
        },
      );
      return;
    }
    // Faults reach the Graph as they reach the site: by a substring of the path (or every request).
    const fault = faults.take(read, false);
    if (fault) {
      const answer = graphFault(fault.status, fault.retryAfterSeconds);
      send(req, res, answer.status, answer.body, answer.headers);
      return;
    }
    const answer = handleGraph(
      {
        directory: options.directory,
        outbox,
        activity,
        ...(options.teamsApp ? { teamsApp: options.teamsApp } : {}),
      },
      {
        method: read.method,
        segments,
        query: url.searchParams,
        body: read.body,
        senderKey: verified.claims.oid,
        now: now(),
        scopes: verified.scopes,
      },
    );
    if (answer.outbox) outbox = answer.outbox;
    if (answer.activity) activity = answer.activity;
    send(req, res, answer.status, answer.body, answer.headers);
  }

  return {
    handler(req, res) {
      handle(req, res).catch((error: unknown) => {
        console.error('[local-tenant] the Graph front failed:', error);
        if (!res.headersSent) {
          send(req, res, 500, errorBody(req, 'InternalServerError', 'The local Graph failed.'), {
            'Content-Type': 'application/json',
          });
        } else res.end();
      });
    },
    outbox: () => outbox,
    activity: () => activity,
  };
}
