/**
 * Microsoft Graph on its own origin: bearer tokens, Graph's delegated scopes per operation (and
 * per `$batch` part), the sender from the token, CORS for any origin and the outbox controls.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LOCAL_TEAM } from '../../local-site/graph';
import { createGraphFront, type GraphFront } from './graph-front';
import {
  APP_ORIGIN,
  createIssuer,
  DIRECTORY,
  ISSUER,
  OID,
  serve,
  type Issuer,
} from './token-fixture';

let issuer: Issuer;
let front: GraphFront;
let server: { origin: string; close(): Promise<void> };
const SP_ORIGIN = 'https://localhost:4402';
const MESSAGES = `/v1.0/teams/${LOCAL_TEAM.groupId}/channels/${encodeURIComponent(LOCAL_TEAM.channelId)}/messages`;

beforeAll(async () => {
  issuer = await createIssuer();
  server = await serve((origin) => {
    front = createGraphFront({ origin, issuer: ISSUER, keys: issuer.keys, directory: DIRECTORY });
    return front.handler;
  });
});

afterAll(() => server.close());

beforeEach(async () => {
  expect((await fetch(`${server.origin}/_local/reset`, { method: 'POST' })).status).toBe(204);
});

const token = (oid: string, scp: string) => issuer.mint(server.origin, oid, scp);

async function call(
  method: string,
  path: string,
  bearer: string | undefined,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${server.origin}${path}`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      ...(bearer !== undefined ? { Authorization: `Bearer ${bearer}` } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}

const message = { body: { contentType: 'text', content: 'Påminnelse' } };

describe('refused tokens: 401 InvalidAuthenticationToken', () => {
  it.each([
    ['no token', async () => undefined, 'Access token is empty.'],
    [
      'a token of SharePoint',
      () => issuer.mint(SP_ORIGIN, OID.bo, 'AllSites.Read'),
      'Access token validation failure. Invalid audience.',
    ],
    [
      'an expired token',
      () =>
        issuer.mint(server.origin, OID.bo, 'User.ReadBasic.All', {
          exp: Math.floor(Date.now() / 1000) - 900,
        }),
      'Access token has expired or is not yet valid.',
    ],
    [
      'a forged token',
      () => issuer.mint(server.origin, OID.bo, 'User.ReadBasic.All', {}, issuer.strangerKey),
      'Access token validation failure.',
    ],
  ])('refuses %s', async (_what, make, message) => {
    const response = await call('GET', `/v1.0/users/${OID.anna}`, await make(), undefined, {
      'client-request-id': 'c0ffee00-0000-4000-8000-000000000001',
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(
      'Bearer realm="", authorization_uri="https://localhost:4401/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"',
    );
    const body = (await response.json()) as {
      error: { code: string; message: string; innerError: Record<string, string> };
    };
    expect(body.error.code).toBe('InvalidAuthenticationToken');
    expect(body.error.message).toBe(message);
    expect(Object.keys(body.error.innerError).sort()).toEqual([
      'client-request-id',
      'date',
      'request-id',
    ]);
    expect(body.error.innerError['client-request-id']).toBe('c0ffee00-0000-4000-8000-000000000001');
  });
});

describe('user look-up', () => {
  it('needs User.ReadBasic.All (or higher) for another user', async () => {
    const allowed = await call(
      'GET',
      '/v1.0/users/anna@region.example',
      await token(OID.bo, 'User.ReadBasic.All'),
    );
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toMatchObject({ id: OID.anna });
    const refused = await call(
      'GET',
      `/v1.0/users/${OID.anna}`,
      await token(OID.bo, 'User.Read ChannelMessage.Send'),
    );
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({
      error: {
        code: 'Authorization_RequestDenied',
        message: 'Insufficient privileges to complete the operation.',
      },
    });
  });

  it('lets User.Read read the signed-in user only', async () => {
    expect(
      (await call('GET', `/v1.0/users/${OID.bo}`, await token(OID.bo, 'User.Read'))).status,
    ).toBe(200);
  });

  it('checks each $batch part', async () => {
    const batch = {
      requests: [
        { id: '1', method: 'GET', url: `/users/${OID.anna}` },
        { id: '2', method: 'GET', url: `/users/${OID.bo}` },
      ],
    };
    const statuses = async (scp: string) => {
      const response = await call('POST', '/v1.0/$batch', await token(OID.bo, scp), batch);
      expect(response.status).toBe(200);
      const { responses } = (await response.json()) as {
        responses: { id: string; status: number }[];
      };
      return responses.map((r) => `${r.id}:${r.status}`);
    };
    expect(await statuses('User.Read')).toEqual(['1:403', '2:200']);
    expect(await statuses('User.ReadBasic.All')).toEqual(['1:200', '2:200']);
  });
});

describe('channel messages', () => {
  it('need ChannelMessage.Send; the sender is the token’s user', async () => {
    const refused = await call(
      'POST',
      MESSAGES,
      await token(OID.bo, 'User.ReadBasic.All'),
      message,
    );
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({
      error: {
        code: 'Forbidden',
        message:
          "Missing scope permissions on the request. API requires one of 'ChannelMessage.Send, Group.ReadWrite.All'. Scopes on the request 'User.ReadBasic.All'",
      },
    });
    expect(front.outbox()).toHaveLength(0);
    const sent = await call('POST', MESSAGES, await token(OID.bo, 'ChannelMessage.Send'), message);
    expect(sent.status).toBe(201);
    expect(await sent.json()).toMatchObject({
      from: { user: { id: OID.bo, displayName: 'Bo Samordnare' } },
    });
    expect(front.outbox().map((m) => m.from.user.id)).toEqual([OID.bo]);
  });

  it('take Group.ReadWrite.All, which Graph still accepts', async () => {
    expect(
      (await call('POST', MESSAGES, await token(OID.anna, 'Group.ReadWrite.All'), message)).status,
    ).toBe(201);
  });
});

describe('activity-feed notifications', () => {
  const NOTIFY = '/v1.0/teamwork/sendActivityNotificationToRecipients';
  const notification = {
    topic: {
      source: 'text',
      value: '3. Läkemedel',
      webUrl: 'https://teams.microsoft.com/l/entity/app-1/planuppfoljning',
    },
    activityType: 'inputReminder',
    previewText: { content: 'Planen saknar ert svar.' },
    templateParameters: [{ name: 'period', value: 'Delårsrapport augusti 2020' }],
    recipients: [
      { '@odata.type': 'microsoft.graph.aadUserNotificationRecipient', userId: OID.anna },
    ],
  };

  it('need TeamsActivity.Send; accepted ones are listed at /_local/activity', async () => {
    const refused = await call(
      'POST',
      NOTIFY,
      await token(OID.bo, 'ChannelMessage.Send User.ReadBasic.All'),
      notification,
    );
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: 'Forbidden' } });
    expect(front.activity()).toHaveLength(0);
    const sent = await call(
      'POST',
      NOTIFY,
      await token(OID.bo, 'TeamsActivity.Send'),
      notification,
    );
    expect(sent.status).toBe(202);
    expect(await sent.text()).toBe('');
    const listed = (await (await fetch(`${server.origin}/_local/activity`)).json()) as {
      value: Array<{ from: { user: { id: string } }; recipients: Array<{ userId: string }> }>;
    };
    expect(listed.value.map((n) => [n.from.user.id, n.recipients.map((r) => r.userId)])).toEqual([
      [OID.bo, [OID.anna]],
    ]);
  });
});

describe('CORS and the test controls', () => {
  it('answers a preflight from any origin, exposing what Graph exposes', async () => {
    const preflight = await fetch(`${server.origin}${MESSAGES}`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://anywhere.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, content-type',
      },
    });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://anywhere.example');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    const get = await call(
      'GET',
      `/v1.0/users/${OID.bo}`,
      await token(OID.bo, 'User.Read'),
      undefined,
      { Origin: APP_ORIGIN },
    );
    expect(get.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    const exposed = (get.headers.get('access-control-expose-headers') ?? '').split(', ');
    expect(exposed).toEqual(
      expect.arrayContaining(['ETag', 'Location', 'request-id', 'client-request-id']),
    );
    expect(exposed).not.toContain('Retry-After');
  });

  it('lists the outbox for Node, refuses it cross-origin', async () => {
    await call('POST', MESSAGES, await token(OID.bo, 'ChannelMessage.Send'), message);
    const listed = await fetch(`${server.origin}/_local/outbox`);
    expect(((await listed.json()) as { value: unknown[] }).value).toHaveLength(1);
    const crossOrigin = await fetch(`${server.origin}/_local/outbox`, {
      headers: { Origin: APP_ORIGIN },
    });
    expect(crossOrigin.status).toBe(403);
    await fetch(`${server.origin}/_local/reset`, { method: 'POST' });
    expect(front.outbox()).toHaveLength(0);
  });

  it('injects faults with Graph’s error body', async () => {
    await fetch(`${server.origin}/_local/fault`, {
      method: 'POST',
      body: JSON.stringify({ status: 429, count: 1, retryAfterSeconds: 3 }),
    });
    const bearer = await token(OID.bo, 'User.Read');
    const throttled = await call('GET', `/v1.0/users/${OID.bo}`, bearer);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('3');
    expect(await throttled.json()).toMatchObject({ error: { code: 'TooManyRequests' } });
    expect((await call('GET', `/v1.0/users/${OID.bo}`, bearer)).status).toBe(200);
  });
});
