/**
 * The local Microsoft Graph: the two Graph endpoints the app calls, served by the local site at
 * `<site>/_local/graph/v1.0/…`, plus the outbox at `<site>/_local/graph/outbox`.
 *
 * - `GET /users/{id | userPrincipalName}?$select=id,displayName` (also inside `$batch`);
 *   unknown users answer 404 `Request_ResourceNotFound` as Graph does.
 * - `POST /$batch` (JSON batching: at most 20 requests, unique ids, GETs of users only).
 * - `POST /teams/{groupId}/channels/{channelId}/messages`: validated strictly (html content,
 *   every `<at id>` has a mention with the same id and vice versa, mentioned users exist),
 *   answered 201 with the chatMessage and recorded in the site state's outbox.
 *
 * Entra object ids of the demo users are deterministic GUIDs from their site user id.
 */
import { stableGuid } from './item-json';
import type { GraphChatMessageRecord, SiteState, SiteUser } from './site-state';

/** The demo team and channel the local mode's tab lives in (fixed ids). */
export const LOCAL_TEAM = {
  groupId: '5f0c4b7e-8a51-4c1d-9b2e-3d6a7f8e9a01',
  channelId: '19:planuppfoljning-demo@thread.tacv2',
  displayName: 'Samordningskansliet',
  channelName: 'Planuppföljning',
} as const;

/** The maximum number of requests Graph accepts in one JSON batch. */
export const GRAPH_BATCH_LIMIT = 20;

/** The Entra object id the local Graph gives a site user. */
export function entraObjectId(user: Pick<SiteUser, 'Id'>): string {
  return stableGuid(`entra-user/${user.Id}`);
}

export interface GraphRequest {
  readonly method: string;
  /** Path segments after `_local/graph`, still URL-encoded. */
  readonly segments: readonly string[];
  readonly query: URLSearchParams;
  readonly body: string;
  /** The signed-in user (the local site's cookie). */
  readonly sender: SiteUser;
  readonly now: Date;
}

export interface GraphResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
  /** True when the state changed (the caller persists it). */
  readonly changed: boolean;
}

interface Answer {
  readonly status: number;
  readonly body: unknown;
}

const JSON_TYPE = 'application/json;odata.metadata=minimal;odata.streaming=true;charset=utf-8';

function graphError(status: number, code: string, message: string): Answer {
  return {
    status,
    body: {
      error: {
        code,
        message,
        innerError: {
          date: new Date().toISOString().slice(0, 19),
          'request-id': stableGuid(message),
        },
      },
    },
  };
}

function userJson(user: SiteUser, select: readonly string[] | null): Record<string, unknown> {
  const full: Record<string, unknown> = {
    id: entraObjectId(user),
    displayName: user.Title,
    mail: user.Email || null,
    userPrincipalName: user.UserPrincipalName,
  };
  if (!select) return full;
  return Object.fromEntries(select.filter((k) => k in full).map((k) => [k, full[k]]));
}

/** `GET /users/{id | userPrincipalName}` with an optional `$select`. */
function getUser(state: SiteState, rawKey: string, query: URLSearchParams): Answer {
  let key: string;
  try {
    key = decodeURIComponent(rawKey);
  } catch {
    return graphError(400, 'BadRequest', `The user key '${rawKey}' is not URL-encoded correctly.`);
  }
  for (const name of query.keys()) {
    if (name !== '$select') {
      return graphError(400, 'BadRequest', `The query option ${name} is not emulated on /users.`);
    }
  }
  const selectRaw = query.get('$select');
  const select = selectRaw ? selectRaw.split(',').map((s) => s.trim()) : null;
  const wanted = key.toLowerCase();
  const user = state.users.find(
    (u) => u.UserPrincipalName.toLowerCase() === wanted || entraObjectId(u) === wanted,
  );
  if (!user) {
    return graphError(
      404,
      'Request_ResourceNotFound',
      `Resource '${key}' does not exist or one of its queried reference-property objects are not present.`,
    );
  }
  return {
    status: 200,
    body: {
      '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#users(${select ? select.join(',') : ''})/$entity`,
      ...userJson(user, select),
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseBody(body: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(body);
    return isRecord(value) ? value : null;
  } catch {
    return null;
  }
}

/** `POST /$batch`: GETs of users only; one response per request, outer status 200. */
function batch(state: SiteState, body: string): Answer {
  const parsed = parseBody(body);
  const requests = parsed?.requests;
  if (!Array.isArray(requests)) {
    return graphError(400, 'BadRequest', 'Invalid batch payload: expected { requests: [...] }.');
  }
  if (requests.length === 0 || requests.length > GRAPH_BATCH_LIMIT) {
    return graphError(
      400,
      'BadRequest',
      `Invalid batch payload format: a batch holds 1 to ${GRAPH_BATCH_LIMIT} requests (got ${requests.length}).`,
    );
  }
  const ids = new Set<string>();
  const responses: unknown[] = [];
  for (const request of requests) {
    if (
      !isRecord(request) ||
      typeof request.id !== 'string' ||
      typeof request.method !== 'string' ||
      typeof request.url !== 'string'
    ) {
      return graphError(400, 'BadRequest', 'Each batch request needs string id, method and url.');
    }
    if (ids.has(request.id)) {
      return graphError(400, 'BadRequest', `Duplicate request id '${request.id}' in the batch.`);
    }
    ids.add(request.id);
    if (request.dependsOn !== undefined) {
      return graphError(400, 'BadRequest', 'dependsOn is not emulated.');
    }
    const url = new URL(request.url.replace(/^\/?/, '/'), 'https://graph.invalid');
    const segments = url.pathname.split('/').filter((s) => s !== '');
    let answer: Answer;
    if (
      request.method.toUpperCase() === 'GET' &&
      segments.length === 2 &&
      segments[0] === 'users'
    ) {
      answer = getUser(state, segments[1] ?? '', url.searchParams);
    } else {
      answer = graphError(
        501,
        'NotImplemented',
        `${request.method} ${request.url} is not emulated inside $batch (only GET /users/{id}).`,
      );
    }
    responses.push({
      id: request.id,
      status: answer.status,
      headers: { 'Content-Type': 'application/json' },
      body: answer.body,
    });
  }
  return { status: 200, body: { responses } };
}

const AT_TAG = /<at\s+id="(\d+)"\s*>(.*?)<\/at>/gis;

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

let lastMessageId = 0;

/** `POST /teams/{groupId}/channels/{channelId}/messages`. */
function postMessage(
  state: SiteState,
  request: GraphRequest,
  groupId: string,
  channelId: string,
): [Answer, boolean] {
  if (groupId !== LOCAL_TEAM.groupId) {
    return [graphError(404, 'NotFound', `No team found with Group Id ${groupId}`), false];
  }
  if (channelId !== LOCAL_TEAM.channelId) {
    return [graphError(404, 'NotFound', `Channel ${channelId} was not found in the team.`), false];
  }
  const bad = (message: string): [Answer, boolean] => [
    graphError(400, 'BadRequest', message),
    false,
  ];
  const parsed = parseBody(request.body);
  if (!parsed) return bad('The request body is not a JSON object.');
  const body = parsed.body;
  if (!isRecord(body) || typeof body.content !== 'string' || body.content.trim() === '') {
    return bad('body.content is required.');
  }
  const contentType = body.contentType ?? 'text';
  if (contentType !== 'html' && contentType !== 'text') {
    return bad(`body.contentType '${String(contentType)}' is not one of text, html.`);
  }
  const rawMentions = parsed.mentions ?? [];
  if (!Array.isArray(rawMentions)) return bad('mentions must be an array.');
  const tags = new Map<number, string>();
  for (const match of body.content.matchAll(AT_TAG)) {
    const id = Number(match[1]);
    if (tags.has(id)) return bad(`The <at id="${id}"> tag appears more than once.`);
    tags.set(id, decodeEntities(match[2] ?? ''));
  }
  if ((tags.size > 0 || rawMentions.length > 0) && contentType !== 'html') {
    return bad('Messages with mentions must have body.contentType html.');
  }
  const mentions: GraphChatMessageRecord['mentions'][number][] = [];
  const seen = new Set<number>();
  for (const raw of rawMentions) {
    const user = isRecord(raw) && isRecord(raw.mentioned) ? raw.mentioned.user : undefined;
    if (
      !isRecord(raw) ||
      typeof raw.id !== 'number' ||
      typeof raw.mentionText !== 'string' ||
      !isRecord(user) ||
      typeof user.id !== 'string'
    ) {
      return bad('Each mention needs id (number), mentionText and mentioned.user.id.');
    }
    if (seen.has(raw.id)) return bad(`Mention id ${raw.id} is used twice.`);
    seen.add(raw.id);
    const tagText = tags.get(raw.id);
    if (tagText === undefined) {
      return bad(`Mention id ${raw.id} has no matching <at id="${raw.id}"> tag in the body.`);
    }
    if (tagText !== raw.mentionText) {
      return bad(
        `The mentionText '${raw.mentionText}' of mention ${raw.id} differs from its tag text '${tagText}'.`,
      );
    }
    const target = state.users.find((u) => entraObjectId(u) === user.id);
    if (!target) return bad(`The mentioned user ${user.id} does not exist.`);
    if (user.userIdentityType !== undefined && user.userIdentityType !== 'aadUser') {
      return bad(`userIdentityType '${String(user.userIdentityType)}' is not emulated.`);
    }
    mentions.push({
      id: raw.id,
      mentionText: raw.mentionText,
      mentioned: {
        user: { id: user.id, displayName: target.Title, userIdentityType: 'aadUser' },
      },
    });
  }
  for (const id of tags.keys()) {
    if (!seen.has(id)) return bad(`The <at id="${id}"> tag has no mention with id ${id}.`);
  }
  lastMessageId = Math.max(lastMessageId + 1, request.now.getTime());
  const record: GraphChatMessageRecord = {
    id: String(lastMessageId),
    createdDateTime: request.now.toISOString(),
    channelIdentity: { teamId: groupId, channelId },
    from: {
      user: {
        id: entraObjectId(request.sender),
        displayName: request.sender.Title,
        userIdentityType: 'aadUser',
      },
    },
    body: { contentType, content: body.content },
    mentions,
  };
  state.outbox = [...(state.outbox ?? []), record];
  return [
    {
      status: 201,
      body: {
        '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#teams('${groupId}')/channels('${encodeURIComponent(channelId)}')/messages/$entity`,
        replyToId: null,
        etag: record.id,
        messageType: 'message',
        lastModifiedDateTime: record.createdDateTime,
        deletedDateTime: null,
        subject: null,
        summary: null,
        importance: 'normal',
        locale: 'en-us',
        webUrl: null,
        attachments: [],
        reactions: [],
        ...record,
      },
    },
    true,
  ];
}

function route(state: SiteState, request: GraphRequest): [Answer, boolean] {
  const [version, ...rest] = request.segments;
  const shape = `${request.method} ${rest.map((s) => (s.startsWith('$') ? s : '*')).join('/')}`;
  if (version === 'outbox' && rest.length === 0 && request.method === 'GET') {
    return [{ status: 200, body: { value: state.outbox ?? [] } }, false];
  }
  if (version !== 'v1.0') {
    return [
      graphError(404, 'NotFound', `The local Graph serves v1.0 only (got ${version ?? ''}).`),
      false,
    ];
  }
  if (shape === 'POST $batch') return [batch(state, request.body), false];
  if (shape === 'GET */*' && rest[0] === 'users') {
    return [getUser(state, rest[1] ?? '', request.query), false];
  }
  if (
    shape === 'POST */*/*/*/*' &&
    rest[0] === 'teams' &&
    rest[2] === 'channels' &&
    rest[4] === 'messages'
  ) {
    let groupId: string;
    let channelId: string;
    try {
      groupId = decodeURIComponent(rest[1] ?? '');
      channelId = decodeURIComponent(rest[3] ?? '');
    } catch {
      return [
        graphError(400, 'BadRequest', 'The team or channel id is not URL-encoded correctly.'),
        false,
      ];
    }
    return postMessage(state, request, groupId, channelId);
  }
  return [
    graphError(
      501,
      'NotImplemented',
      `${request.method} /${request.segments.join('/')} is not emulated by the local Graph.`,
    ),
    false,
  ];
}

/** An injected failure (test hook), with Graph's error JSON and Retry-After on 429/503. */
export function graphFault(status: number, retryAfterSeconds = 1): GraphResponse {
  const code =
    status === 403
      ? 'Forbidden'
      : status === 404
        ? 'NotFound'
        : status === 429
          ? 'TooManyRequests'
          : 'InternalServerError';
  const answer = graphError(
    status,
    code,
    `Injected fault: HTTP ${status} (local Graph test hook).`,
  );
  return {
    status,
    headers: {
      'content-type': JSON_TYPE,
      ...(status === 429 || status === 503 ? { 'retry-after': String(retryAfterSeconds) } : {}),
    },
    body: JSON.stringify(answer.body),
    changed: false,
  };
}

/** Answers one request to `<site>/_local/graph/…`. */
export function handleGraph(state: SiteState, request: GraphRequest): GraphResponse {
  const [answer, changed] = route(state, request);
  return {
    status: answer.status,
    headers: { 'content-type': JSON_TYPE },
    body: JSON.stringify(answer.body),
    changed,
  };
}
