import { z } from 'zod/mini';
import { StoreFailure } from '../../domain/errors';
import type {
  ActivityNotification,
  ActivityNotifier,
  ChannelMessage,
  ChannelMessenger,
  ChannelRef,
  DirectoryUser,
  OutboxEntry,
  OutboxPort,
} from '../../domain/ports';
import type { TokenProvider } from '../auth/token-provider';
import { fetchWithWaits } from '../http/fetch-with-waits';
import { WaitBoard } from '../http/wait-board';
import { mapFailures } from '../sharepoint/errors';

/** The resource MSAL issues Graph tokens for. */
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';
/** Graph's JSON batching takes at most 20 requests. */
export const GRAPH_BATCH_LIMIT = 20;

export interface GraphMessengerOptions {
  /** `https://graph.microsoft.com/v1.0`, or the local emulation's `<site>/_local/graph/v1.0`. */
  readonly baseUrl: string;
  /** The resource its tokens are for: Graph's origin (GRAPH_RESOURCE unless configured). */
  readonly resource?: string;
  readonly tokens: TokenProvider;
  readonly fetchFn?: typeof fetch;
  /** Where waits Graph asks for (429, 503 with `Retry-After`) are shown; a board of its own if not. */
  readonly waits?: WaitBoard;
}

/** An HTTP error with Graph's `{ error: { code, message } }`, mapped by toStoreFailure. */
class GraphHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'GraphHttpError';
  }
}

const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});

const userSchema = z.object({ id: z.string(), displayName: z.nullable(z.string()) });

const batchSchema = z.object({
  responses: z.array(z.object({ id: z.string(), status: z.number(), body: z.unknown() })),
});

const messageSchema = z.object({ id: z.string() });

function failureOf(status: number, body: unknown, what: string): GraphHttpError {
  const parsed = errorSchema.safeParse(body);
  const code = parsed.success ? parsed.data.error.code : '';
  const message = parsed.success ? parsed.data.error.message : `HTTP ${status}`;
  return new GraphHttpError(status, `${what}: ${code} ${message}`.trim(), code);
}

/** Throws the failure of a batch part that is neither found nor plainly missing. */
function checkPart(status: number, body: unknown, key: string): void {
  if (status === 200 || status === 404) return;
  // A batch part's 400 for a malformed key means "no such user" to the caller too.
  if (status === 400) return;
  throw failureOf(status, body, `Look-up of ${key}`);
}

/**
 * Channel messages with @-mentions through Microsoft Graph: users are looked up by object id or
 * user principal name, the keys `GET /users/{id | userPrincipalName}` takes
 * (https://learn.microsoft.com/graph/api/user-get), with JSON batching (`POST /$batch` of
 * `GET /users/{key}?$select=id,displayName`,
 * 20 per batch, so one request for up to 20 people), then one `POST
 * /teams/{groupId}/channels/{channelId}/messages`. Failures become StoreFailures (403
 * forbidden, 404 not-found, 429 throttled, no response offline).
 */
export class GraphMessenger implements ChannelMessenger, ActivityNotifier {
  private readonly baseUrl: string;
  private readonly fetchFn: typeof fetch;
  private readonly waits: WaitBoard;

  constructor(private readonly options: GraphMessengerOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.fetchFn = options.fetchFn ?? ((...args) => fetch(...args));
    this.waits = options.waits ?? new WaitBoard();
  }

  private async request(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    what: string,
  ): Promise<{ status: number; json: unknown }> {
    const token = await this.options.tokens.getAccessToken(this.options.resource ?? GRAPH_RESOURCE);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (token) headers.Authorization = `Bearer ${token}`;
    // Graph's throttling rules are SharePoint's: wait what Retry-After asks, then retry
    // ("Microsoft Graph throttling guidance").
    const response = await fetchWithWaits(
      `${this.baseUrl}${path}`,
      {
        method,
        headers,
        credentials: token ? 'omit' : 'same-origin',
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      },
      { service: 'graph', board: this.waits, fetchFn: this.fetchFn },
    );
    const text = await response.text();
    let json: unknown;
    try {
      json = text === '' ? null : JSON.parse(text);
    } catch {
      json = null;
    }
    if (!response.ok) throw failureOf(response.status, json, what);
    return { status: response.status, json };
  }

  resolveUsers(keys: readonly string[]): Promise<Map<string, DirectoryUser>> {
    return mapFailures(async () => {
      const unique = [...new Set(keys.map((k) => k.trim()).filter((k) => k !== ''))];
      const found = new Map<string, DirectoryUser>();
      for (let start = 0; start < unique.length; start += GRAPH_BATCH_LIMIT) {
        const chunk = unique.slice(start, start + GRAPH_BATCH_LIMIT);
        const { json } = await this.request(
          'POST',
          '/$batch',
          {
            requests: chunk.map((key, i) => ({
              id: String(i),
              method: 'GET',
              url: `/users/${encodeURIComponent(key)}?$select=id,displayName`,
            })),
          },
          'User look-up',
        );
        const parsed = batchSchema.safeParse(json);
        if (!parsed.success) {
          throw new StoreFailure('invalid-data', 'Graph $batch answered an unexpected shape', {
            service: 'graph',
          });
        }
        for (const part of parsed.data.responses) {
          const key = chunk[Number(part.id)];
          if (key === undefined) continue;
          checkPart(part.status, part.body, key);
          if (part.status !== 200) continue;
          const user = userSchema.safeParse(part.body);
          if (!user.success)
            throw new StoreFailure('invalid-data', `User ${key}: bad shape`, { service: 'graph' });
          found.set(key, { id: user.data.id, displayName: user.data.displayName ?? key });
        }
      }
      // The map is keyed by the keys as given (trimmed ones map back to them).
      const result = new Map<string, DirectoryUser>();
      for (const key of keys) {
        const user = found.get(key.trim());
        if (user) result.set(key, user);
      }
      return result;
    }, 'graph');
  }

  send(channel: ChannelRef, message: ChannelMessage): Promise<{ messageId: string }> {
    return mapFailures(async () => {
      const path = `/teams/${encodeURIComponent(channel.groupId)}/channels/${encodeURIComponent(channel.channelId)}/messages`;
      const { json } = await this.request(
        'POST',
        path,
        {
          body: { contentType: 'html', content: message.html },
          mentions: message.mentions.map((m) => ({
            id: m.id,
            mentionText: m.mentionText,
            mentioned: {
              user: {
                id: m.user.id,
                displayName: m.user.displayName,
                userIdentityType: 'aadUser',
              },
            },
          })),
        },
        'Channel message',
      );
      const parsed = messageSchema.safeParse(json);
      if (!parsed.success)
        throw new StoreFailure('invalid-data', 'Graph answered no message id', {
          service: 'graph',
        });
      return { messageId: parsed.data.id };
    }, 'graph');
  }

  /**
   * `POST /teamwork/sendActivityNotificationToRecipients` (delegated TeamsActivity.Send), answered
   * 202 Accepted with no body: a topic of source `text` with the Teams link as `webUrl`, the
   * manifest's activity type, preview text, template parameters, and the recipients as
   * `aadUserNotificationRecipient`s by object id, at most 100
   * (https://learn.microsoft.com/graph/api/teamwork-sendactivitynotificationtorecipients).
   */
  notify(notification: ActivityNotification): Promise<void> {
    return mapFailures(async () => {
      await this.request(
        'POST',
        '/teamwork/sendActivityNotificationToRecipients',
        {
          topic: {
            source: 'text',
            value: notification.topic.text,
            webUrl: notification.topic.webUrl,
          },
          activityType: notification.activityType,
          previewText: { content: notification.previewText },
          templateParameters: notification.templateParameters.map((p) => ({
            name: p.name,
            value: p.value,
          })),
          recipients: notification.recipientIds.map((userId) => ({
            '@odata.type': 'microsoft.graph.aadUserNotificationRecipient',
            userId,
          })),
        },
        'Activity notification',
      );
    }, 'graph');
  }
}

const outboxSchema = z.object({
  value: z.array(
    z.object({
      id: z.string(),
      createdDateTime: z.string(),
      channelIdentity: z.object({ teamId: z.string(), channelId: z.string() }),
      from: z.object({ user: z.object({ displayName: z.string() }) }),
      body: z.object({ content: z.string() }),
      mentions: z.array(
        z.object({
          id: z.number(),
          mentionText: z.string(),
          mentioned: z.object({ user: z.object({ id: z.string(), displayName: z.string() }) }),
        }),
      ),
    }),
  ),
});

/** Local mode only: reads the local Graph emulation's outbox (`<site>/_local/graph/outbox`). */
export class LocalGraphOutbox implements OutboxPort {
  constructor(
    private readonly siteUrl: string,
    private readonly fetchFn: typeof fetch = (...args) => fetch(...args),
  ) {}

  list(): Promise<OutboxEntry[]> {
    return mapFailures(async () => {
      const response = await this.fetchFn(`${this.siteUrl}/_local/graph/outbox`, {
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
      });
      if (!response.ok) throw new StoreFailure('server', `Outbox: HTTP ${response.status}`);
      return outboxSchema.parse(await response.json()).value.map((m) => ({
        id: m.id,
        createdDateTime: m.createdDateTime,
        channel: { groupId: m.channelIdentity.teamId, channelId: m.channelIdentity.channelId },
        from: m.from.user.displayName,
        html: m.body.content,
        mentions: m.mentions.map((x) => ({
          id: x.id,
          mentionText: x.mentionText,
          userId: x.mentioned.user.id,
          displayName: x.mentioned.user.displayName,
        })),
      }));
    });
  }
}
