/**
 * The local Microsoft Graph: the Graph endpoints the app calls, served by the local site at
 * `<site>/_local/graph/v1.0/…`, plus the outbox at `<site>/_local/graph/outbox`. It reads the
 * tenant's directory (directory.ts), never a site's user list.
 *
 * - `GET /users/{id | userPrincipalName}` with `$select` (also inside `$batch`): resolves by object
 *   id or UPN only, as https://learn.microsoft.com/en-us/graph/api/user-get documents
 *   (`GET /users/{id | userPrincipalName}`); a mail address that is not the UPN is a 404
 *   `Request_ResourceNotFound`. Without `$select` Graph answers the default properties listed
 *   there; `$select` answers just the ones named.
 * - `POST /$batch` (JSON batching: at most 20 requests, unique ids, GETs of users only):
 *   https://learn.microsoft.com/en-us/graph/json-batching
 * - `POST /teams/{groupId}/channels/{channelId}/messages`: validated strictly (html content,
 *   every `<at id>` has a mention with the same id and vice versa, mentioned users are directory
 *   users named by object id), answered 201 with the chatMessage and added to the outbox:
 *   https://learn.microsoft.com/en-us/graph/api/channel-post-messages
 *
 * Pure: `handleGraph` takes the directory and the outbox and returns the answer and, when a
 * message was posted, the new outbox for the caller to store.
 */
import { createHash } from 'node:crypto';
import { findUserByIdOrUpn, type Directory, type DirectoryUser } from './directory';

/** The demo team and channel the local mode's tab lives in (fixed ids). */
export const LOCAL_TEAM = {
  groupId: '5f0c4b7e-8a51-4c1d-9b2e-3d6a7f8e9a01',
  channelId: '19:planuppfoljning-demo@thread.tacv2',
  displayName: 'Samordningskansliet',
  channelName: 'Planuppföljning',
} as const;

/** The maximum number of requests Graph accepts in one JSON batch. */
export const GRAPH_BATCH_LIMIT = 20;

/** A channel message as the local Graph recorded it (Graph's chatMessage resource, trimmed). */
export interface GraphChatMessage {
  readonly id: string;
  readonly createdDateTime: string;
  readonly channelIdentity: { readonly teamId: string; readonly channelId: string };
  readonly from: { readonly user: GraphIdentity };
  readonly body: { readonly contentType: string; readonly content: string };
  readonly mentions: ReadonlyArray<{
    readonly id: number;
    readonly mentionText: string;
    readonly mentioned: { readonly user: GraphIdentity };
  }>;
}

interface GraphIdentity {
  readonly id: string;
  readonly displayName: string;
  readonly userIdentityType: string;
}

/** What the local Graph reads: the tenant's directory and the messages posted so far. */
export interface GraphWorld {
  readonly directory: Directory;
  readonly outbox: readonly GraphChatMessage[];
}

export interface GraphRequest {
  readonly method: string;
  /** Path segments after `_local/graph`, still URL-encoded. */
  readonly segments: readonly string[];
  readonly query: URLSearchParams;
  readonly body: string;
  /**
   * Who calls: the signed-in user's object id (a token's `oid`) or UPN (the local site's
   * sign-in cookie names a site user, whose UPN is in its login name).
   */
  readonly senderKey: string;
  readonly now: Date;
  /**
   * Token mode (src/local-tenant/resource/graph-front.ts): the token's delegated scopes, which
   * each operation (and each `$batch` part) checks as Graph's permission tables say. Absent on
   * the same-origin `_local/graph`, which checks none.
   */
  readonly scopes?: ReadonlySet<string>;
}

/**
 * `GET /users/{id | userPrincipalName}`, delegated: User.ReadBasic.All is the least privileged
 * scope for another user, then User.Read.All, User.ReadWrite.All, Directory.Read.All,
 * Directory.ReadWrite.All; User.Read (and User.ReadWrite) read the signed-in user only
 * (https://learn.microsoft.com/en-us/graph/api/user-get, Permissions).
 */
export const USER_READ_SCOPES = [
  'User.ReadBasic.All',
  'User.Read.All',
  'User.ReadWrite.All',
  'Directory.Read.All',
  'Directory.ReadWrite.All',
] as const;
const OWN_USER_SCOPES = ['User.Read', 'User.ReadWrite'] as const;

/**
 * `POST /teams/{id}/channels/{id}/messages`, delegated: ChannelMessage.Send, or Group.ReadWrite.All
 * ("supported only for backward compatibility")
 * (https://learn.microsoft.com/en-us/graph/api/channel-post-messages, Permissions).
 */
export const CHANNEL_MESSAGE_SCOPES = ['ChannelMessage.Send', 'Group.ReadWrite.All'] as const;

export interface GraphResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
  /** The outbox after this request, present only when the request added to it. */
  readonly outbox?: readonly GraphChatMessage[];
}

interface Answer {
  readonly status: number;
  readonly body: unknown;
}

const JSON_TYPE = 'application/json;odata.metadata=minimal;odata.streaming=true;charset=utf-8';

/** A GUID that is the same for the same seed (Graph's request ids only need to look like one). */
function requestId(seed: string): string {
  const hex = createHash('sha1').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Graph's error body: https://learn.microsoft.com/en-us/graph/errors */
function graphError(status: number, code: string, message: string): Answer {
  return {
    status,
    body: {
      error: {
        code,
        message,
        innerError: {
          date: new Date().toISOString().slice(0, 19),
          'request-id': requestId(message),
        },
      },
    },
  };
}

/**
 * The user's properties the emulation can answer, in Graph's order. Those the directory does not
 * model (phones, office, language) are null as Graph has them for a user without them.
 */
function userProperties(user: DirectoryUser): Record<string, unknown> {
  return {
    businessPhones: [],
    displayName: user.displayName,
    givenName: user.givenName ?? null,
    jobTitle: user.jobTitle ?? null,
    mail: user.mail,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: null,
    surname: user.surname ?? null,
    userPrincipalName: user.userPrincipalName,
    id: user.id,
    department: user.department ?? null,
    accountEnabled: user.accountEnabled,
  };
}

/** The properties Graph returns without `$select` (user-get, "Properties" section). */
const DEFAULT_USER_PROPERTIES = [
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
  'id',
];

/**
 * Whether the token's scopes allow reading this user. Directory reads without the scope answer
 * 403 `Authorization_RequestDenied` "Insufficient privileges to complete the operation."
 * (microsoftgraph/microsoft-graph-docs#94).
 */
function mayReadUser(request: GraphRequest, directory: Directory, key: string): boolean {
  const scopes = request.scopes;
  if (!scopes) return true;
  if (USER_READ_SCOPES.some((s) => scopes.has(s))) return true;
  if (!OWN_USER_SCOPES.some((s) => scopes.has(s))) return false;
  const caller = findUserByIdOrUpn(directory, request.senderKey);
  const wanted = findUserByIdOrUpn(directory, key);
  return caller !== undefined && wanted !== undefined && caller.id === wanted.id;
}

/** `GET /users/{id | userPrincipalName}` with an optional `$select`. */
function getUser(
  directory: Directory,
  request: GraphRequest,
  rawKey: string,
  query: URLSearchParams,
): Answer {
  let key: string;
  try {
    key = decodeURIComponent(rawKey);
  } catch {
    return graphError(400, 'BadRequest', `The user key '${rawKey}' is not URL-encoded correctly.`);
  }
  if (!mayReadUser(request, directory, key)) {
    return graphError(
      403,
      'Authorization_RequestDenied',
      'Insufficient privileges to complete the operation.',
    );
  }
  for (const name of query.keys()) {
    if (name !== '$select') {
      return graphError(400, 'BadRequest', `The query option ${name} is not emulated on /users.`);
    }
  }
  const selectRaw = query.get('$select');
  const select = selectRaw ? selectRaw.split(',').map((s) => s.trim()) : null;
  const user = findUserByIdOrUpn(directory, key);
  if (!user) {
    return graphError(
      404,
      'Request_ResourceNotFound',
      `Resource '${key}' does not exist or one of its queried reference-property objects are not present.`,
    );
  }
  const all = userProperties(user);
  const unknown = select?.find((name) => !(name in all));
  if (unknown !== undefined) {
    return graphError(
      501,
      'NotImplemented',
      `The property '${unknown}' of user is not emulated by the local Graph.`,
    );
  }
  const names = select ?? DEFAULT_USER_PROPERTIES;
  return {
    status: 200,
    body: {
      '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#users${select ? `(${select.join(',')})` : ''}/$entity`,
      ...Object.fromEntries(names.map((name) => [name, all[name]])),
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
function batch(directory: Directory, outer: GraphRequest): Answer {
  const parsed = parseBody(outer.body);
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
      // Each part is checked against the outer request's token, as Graph checks each part.
      answer = getUser(directory, outer, segments[1] ?? '', url.searchParams);
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

/** The outcome of a post: the answer, and the new outbox when the message was accepted. */
interface Posted {
  readonly answer: Answer;
  readonly outbox?: readonly GraphChatMessage[];
}

/**
 * `POST /teams/{groupId}/channels/{channelId}/messages`. A mention names its user by object id
 * (`mentioned.user.id`); Graph's documentation gives no answer for an id that is no user, so the
 * emulation refuses it (400) rather than post a mention nobody receives.
 */
function postMessage(
  world: GraphWorld,
  request: GraphRequest,
  groupId: string,
  channelId: string,
): Posted {
  const scopes = request.scopes;
  if (scopes && !CHANNEL_MESSAGE_SCOPES.some((s) => scopes.has(s))) {
    // Teams' answer for a token without the scope (telstrapurple/MSTeamsChatExporter#9 and
    // Softeria/ms-365-mcp-server#65 quote it for chats): 403 Forbidden, naming both lists.
    return {
      answer: graphError(
        403,
        'Forbidden',
        `Missing scope permissions on the request. API requires one of '${CHANNEL_MESSAGE_SCOPES.join(', ')}'. Scopes on the request '${[...scopes].join(', ')}'`,
      ),
    };
  }
  if (groupId !== LOCAL_TEAM.groupId) {
    return { answer: graphError(404, 'NotFound', `No team found with Group Id ${groupId}`) };
  }
  if (channelId !== LOCAL_TEAM.channelId) {
    return {
      answer: graphError(404, 'NotFound', `Channel ${channelId} was not found in the team.`),
    };
  }
  const bad = (message: string): Posted => ({ answer: graphError(400, 'BadRequest', message) });
  const sender = findUserByIdOrUpn(world.directory, request.senderKey);
  if (!sender) {
    return {
      answer: graphError(
        401,
        'InvalidAuthenticationToken',
        'Access token validation failure: the signed-in user is not in the directory.',
      ),
    };
  }
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
  const mentions: GraphChatMessage['mentions'][number][] = [];
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
    const mentionedId = user.id.toLowerCase();
    const target = world.directory.users.find((u) => u.id === mentionedId);
    if (!target) return bad(`The mentioned user ${user.id} is not a user object id.`);
    if (user.userIdentityType !== undefined && user.userIdentityType !== 'aadUser') {
      return bad(`userIdentityType '${String(user.userIdentityType)}' is not emulated.`);
    }
    mentions.push({
      id: raw.id,
      mentionText: raw.mentionText,
      mentioned: { user: identity(target) },
    });
  }
  for (const id of tags.keys()) {
    if (!seen.has(id)) return bad(`The <at id="${id}"> tag has no mention with id ${id}.`);
  }
  // Graph's channel message ids are the creation time in milliseconds; rising within one outbox.
  const last = Number(world.outbox.at(-1)?.id ?? 0);
  const record: GraphChatMessage = {
    id: String(Math.max(last + 1, request.now.getTime())),
    createdDateTime: request.now.toISOString(),
    channelIdentity: { teamId: groupId, channelId },
    from: { user: identity(sender) },
    body: { contentType, content: body.content },
    mentions,
  };
  return {
    answer: {
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
    outbox: [...world.outbox, record],
  };
}

function identity(user: DirectoryUser): GraphIdentity {
  return { id: user.id, displayName: user.displayName, userIdentityType: 'aadUser' };
}

function route(world: GraphWorld, request: GraphRequest): Posted {
  const [version, ...rest] = request.segments;
  const shape = `${request.method} ${rest.map((s) => (s.startsWith('$') ? s : '*')).join('/')}`;
  if (version === 'outbox' && rest.length === 0 && request.method === 'GET') {
    return { answer: { status: 200, body: { value: world.outbox } } };
  }
  if (version !== 'v1.0') {
    return {
      answer: graphError(
        404,
        'NotFound',
        `The local Graph serves v1.0 only (got ${version ?? ''}).`,
      ),
    };
  }
  if (shape === 'POST $batch') return { answer: batch(world.directory, request) };
  if (shape === 'GET */*' && rest[0] === 'users') {
    return { answer: getUser(world.directory, request, rest[1] ?? '', request.query) };
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
      return {
        answer: graphError(
          400,
          'BadRequest',
          'The team or channel id is not URL-encoded correctly.',
        ),
      };
    }
    return postMessage(world, request, groupId, channelId);
  }
  return {
    answer: graphError(
      501,
      'NotImplemented',
      `${request.method} /${request.segments.join('/')} is not emulated by the local Graph.`,
    ),
  };
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
  };
}

/** Answers one request to `<site>/_local/graph/…`. */
export function handleGraph(world: GraphWorld, request: GraphRequest): GraphResponse {
  const { answer, outbox } = route(world, request);
  return {
    status: answer.status,
    headers: { 'content-type': JSON_TYPE },
    body: JSON.stringify(answer.body),
    ...(outbox ? { outbox } : {}),
  };
}
