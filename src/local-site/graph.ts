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
 * - `POST /teamwork/sendActivityNotificationToRecipients`: validated as the reference page and
 *   "Send activity feed notifications to users in Microsoft Teams" describe it (TeamsActivity.Send,
 *   a topic of source `text` with a Teams `webUrl`, an activity type the Teams app declares, its
 *   template's parameters, 1–100 `aadUserNotificationRecipient`s by object id, the app installed
 *   for each), answered 202 Accepted and added to the activity record at
 *   `<site>/_local/graph/activity`:
 *   https://learn.microsoft.com/en-us/graph/api/teamwork-sendactivitynotificationtorecipients
 *
 * Pure: `handleGraph` takes the directory, the outbox and the activity record and returns the
 * answer and, when a message or notification was accepted, the new record for the caller to
 * store.
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

/**
 * The Teams app as Teams has it installed (its manifest's `activities.activityTypes` and who has
 * it): the local Graph's own configuration, as Graph knows an app from its installed package.
 */
export interface InstalledTeamsApp {
  /** The app's Entra client id (`webApplicationInfo.id`), named in Graph's refusals. */
  readonly clientId: string;
  readonly activityTypes: ReadonlyArray<{ readonly type: string; readonly templateText: string }>;
  /** Object ids of the users the app is installed for; absent = everyone in the directory. */
  readonly installedFor?: readonly string[];
}

/**
 * The local stand-in's Teams app: the tab is installed in the demo team, which everyone in the
 * demo directory belongs to, and declares one activity type (tests/unit/teams-manifest.test.ts
 * checks that the manifest declares the same).
 */
export const LOCAL_TEAMS_APP: InstalledTeamsApp = {
  clientId: '00000000-0000-0000-0000-00000000a11a',
  activityTypes: [
    { type: 'inputReminder', templateText: '{actor} påminner dig om uppföljningen för {period}' },
  ],
};

/** An activity-feed notification the local Graph accepted (the request, as Graph read it). */
export interface GraphActivityNotification {
  readonly id: string;
  readonly createdDateTime: string;
  readonly from: { readonly user: GraphIdentity };
  readonly topic: { readonly source: string; readonly value: string; readonly webUrl: string };
  readonly activityType: string;
  readonly previewText: { readonly content: string };
  readonly templateParameters: ReadonlyArray<{ readonly name: string; readonly value: string }>;
  /** The recipients named, as directory users. */
  readonly recipients: ReadonlyArray<{ readonly userId: string; readonly displayName: string }>;
  /** Recipients Teams does not notify: the sender (a user cannot notify themselves). */
  readonly notDelivered: readonly string[];
}

/** What the local Graph reads: the tenant's directory and what was sent so far. */
export interface GraphWorld {
  readonly directory: Directory;
  readonly outbox: readonly GraphChatMessage[];
  /** Activity-feed notifications accepted so far; absent = none. */
  readonly activity?: readonly GraphActivityNotification[];
  /** The Teams app installed in the tenant; LOCAL_TEAMS_APP when absent. */
  readonly teamsApp?: InstalledTeamsApp;
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

/**
 * `POST /teamwork/sendActivityNotificationToRecipients` (and the other sendActivityNotification
 * actions), delegated: TeamsActivity.Send, nothing higher
 * (https://learn.microsoft.com/en-us/graph/api/teamwork-sendactivitynotificationtorecipients,
 * Permissions).
 */
export const TEAMS_ACTIVITY_SCOPES = ['TeamsActivity.Send'] as const;

/** At most 100 recipients in one sendActivityNotificationToRecipients request (its reference). */
export const ACTIVITY_RECIPIENT_LIMIT = 100;

export interface GraphResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
  /** The outbox after this request, present only when the request added to it. */
  readonly outbox?: readonly GraphChatMessage[];
  /** The activity record after this request, present only when the request added to it. */
  readonly activity?: readonly GraphActivityNotification[];
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
/**
 * Graph's 403 for a token that carries none of the scopes an API takes, naming them and the
 * token's own; null when the request has one (or no token: the local default signs nobody in).
 */
function missingScope(request: GraphRequest, needed: readonly string[]): Answer | null {
  const scopes = request.scopes;
  if (!scopes || needed.some((s) => scopes.has(s))) return null;
  return graphError(
    403,
    'Forbidden',
    `Missing scope permissions on the request. API requires one of '${needed.join(', ')}'. Scopes on the request '${[...scopes].join(', ')}'`,
  );
}

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

/** The outcome of a post: the answer, and the new record when the post was accepted. */
interface Posted {
  readonly answer: Answer;
  readonly outbox?: readonly GraphChatMessage[];
  readonly activity?: readonly GraphActivityNotification[];
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
  // Teams' answer for a token without the scope (telstrapurple/MSTeamsChatExporter#9 and
  // Softeria/ms-365-mcp-server#65 quote it for chats): 403 Forbidden, naming both lists.
  const refused = missingScope(request, CHANNEL_MESSAGE_SCOPES);
  if (refused) return { answer: refused };
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

/** Teams' own links (`https://teams.microsoft.com/l/…`), the only ones a feed entry opens. */
function isTeamsLink(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (
    url.protocol === 'https:' &&
    (url.hostname === 'teams.microsoft.com' || url.hostname === 'teams.cloud.microsoft') &&
    url.pathname.startsWith('/l/')
  );
}

/** The `{name}` parameters of a template text. */
function templateNames(text: string): string[] {
  return [...text.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1] ?? '');
}

/**
 * `POST /teamwork/sendActivityNotificationToRecipients`: the same notification to 1–100 users.
 * Graph documents the request, the 202 and the requirements (activity type declared, app
 * installed for the recipient); for what it leaves open (the answer to an unknown recipient, a
 * missing template parameter) the emulation refuses with 400 rather than accept what Teams would
 * not show. docs/emulation.md names the sources.
 */
function sendActivityToRecipients(world: GraphWorld, request: GraphRequest): Posted {
  // Graph's scope refusal, as it words it for channel messages and for this API's app roles
  // ("Missing role permissions on the request. API requires one of 'TeamsActivity.Send, …'",
  // OfficeDev/microsoft-teams-library-js#2256).
  const refused = missingScope(request, TEAMS_ACTIVITY_SCOPES);
  if (refused) return { answer: refused };
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
  const app = world.teamsApp ?? LOCAL_TEAMS_APP;
  const parsed = parseBody(request.body);
  if (!parsed) return bad('The request body is not a JSON object.');
  const topic = parsed.topic;
  if (!isRecord(topic) || typeof topic.source !== 'string' || typeof topic.value !== 'string') {
    return bad('topic with source and value is required.');
  }
  if (topic.source === 'entityUrl') {
    return {
      answer: graphError(
        501,
        'NotImplemented',
        'Topics of source entityUrl are not emulated by the local Graph (use source text).',
      ),
    };
  }
  if (topic.source !== 'text')
    return bad(`topic.source '${topic.source}' is not one of entityUrl, text.`);
  if (topic.value.trim() === '') return bad('topic.value is required.');
  // "webUrl … required when source is text" (teamworkActivityTopic).
  if (typeof topic.webUrl !== 'string' || topic.webUrl === '') {
    return bad('topic.webUrl is required when topic.source is text.');
  }
  if (!isTeamsLink(topic.webUrl)) {
    return bad(
      `topic.webUrl '${topic.webUrl}' is not a Teams deep link (https://teams.microsoft.com/l/…).`,
    );
  }
  const activityType = parsed.activityType;
  if (typeof activityType !== 'string' || activityType === '') {
    return bad('activityType is required.');
  }
  const declared = app.activityTypes.find((a) => a.type === activityType);
  if (activityType !== 'systemDefault' && !declared) {
    return bad(`Activity type '${activityType}' is not declared in the Teams app's manifest.`);
  }
  const preview = parsed.previewText;
  if (!isRecord(preview) || typeof preview.content !== 'string') {
    return bad('previewText with content is required.');
  }
  const rawParameters = parsed.templateParameters ?? [];
  if (!Array.isArray(rawParameters)) return bad('templateParameters must be an array.');
  const templateParameters: { name: string; value: string }[] = [];
  for (const p of rawParameters) {
    if (!isRecord(p) || typeof p.name !== 'string' || typeof p.value !== 'string') {
      return bad('Each template parameter needs a string name and value.');
    }
    if (p.name === 'actor')
      return bad("The template parameter 'actor' is reserved for the caller.");
    templateParameters.push({ name: p.name, value: p.value });
  }
  const wanted = declared
    ? templateNames(declared.templateText).filter((n) => n !== 'actor')
    : ['systemDefaultText'];
  const missing = wanted.find((n) => !templateParameters.some((p) => p.name === n));
  if (missing !== undefined) {
    return bad(
      `The template parameter '${missing}' of activity type '${activityType}' has no value.`,
    );
  }
  const rawRecipients = parsed.recipients;
  if (!Array.isArray(rawRecipients) || rawRecipients.length === 0) {
    return bad('recipients must name at least one recipient.');
  }
  if (rawRecipients.length > ACTIVITY_RECIPIENT_LIMIT) {
    return bad(
      `At most ${ACTIVITY_RECIPIENT_LIMIT} recipients per request (got ${rawRecipients.length}).`,
    );
  }
  const recipients: DirectoryUser[] = [];
  for (const raw of rawRecipients) {
    if (!isRecord(raw) || typeof raw.userId !== 'string') {
      return bad('Each recipient needs @odata.type and userId.');
    }
    const type = String(raw['@odata.type'] ?? '').replace(/^#/, '');
    if (type !== 'microsoft.graph.aadUserNotificationRecipient') {
      return bad(
        `Recipient type '${type}' is not supported: only aadUserNotificationRecipient is.`,
      );
    }
    const user = world.directory.users.find((u) => u.id === (raw.userId as string).toLowerCase());
    if (!user) return bad(`The recipient ${raw.userId} is not a user object id in the directory.`);
    if (app.installedFor && !app.installedFor.includes(user.id)) {
      // Graph's words when the app is not installed for the recipient
      // (OfficeDev/microsoft-365-agents-toolkit#6067).
      return {
        answer: graphError(
          403,
          'Forbidden',
          `Application with AAD App Id '${app.clientId}' is not authorized to generate custom text notifications about '/v1.0/teamwork/sendActivityNotificationToRecipients' to the recipient. Ensure that the expected Teams app is installed in the target scope (user, team, or chat).`,
        ),
      };
    }
    if (!recipients.some((r) => r.id === user.id)) recipients.push(user);
  }
  const activity = world.activity ?? [];
  const record: GraphActivityNotification = {
    id: String(activity.length + 1),
    createdDateTime: request.now.toISOString(),
    from: { user: identity(sender) },
    topic: { source: 'text', value: topic.value, webUrl: topic.webUrl },
    activityType,
    previewText: { content: preview.content },
    templateParameters,
    recipients: recipients.map((u) => ({ userId: u.id, displayName: u.displayName })),
    notDelivered: recipients.filter((u) => u.id === sender.id).map((u) => u.id),
  };
  return { answer: { status: 202, body: undefined }, activity: [...activity, record] };
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
  if (version === 'activity' && rest.length === 0 && request.method === 'GET') {
    return { answer: { status: 200, body: { value: world.activity ?? [] } } };
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
  if (
    shape === 'POST */*' &&
    rest[0]?.toLowerCase() === 'teamwork' &&
    rest[1]?.toLowerCase() === 'sendactivitynotificationtorecipients'
  ) {
    return sendActivityToRecipients(world, request);
  }
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
  const { answer, outbox, activity } = route(world, request);
  // 202 Accepted and 204 No Content carry no body.
  if (answer.body === undefined) {
    return { status: answer.status, headers: {}, body: '', ...(activity ? { activity } : {}) };
  }
  return {
    status: answer.status,
    headers: { 'content-type': JSON_TYPE },
    body: JSON.stringify(answer.body),
    ...(outbox ? { outbox } : {}),
    ...(activity ? { activity } : {}),
  };
}
