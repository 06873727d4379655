import { describe, expect, it } from 'vitest';
import type { Directory } from './directory';
import {
  handleGraph,
  LOCAL_TEAM,
  LOCAL_TEAMS_APP,
  type GraphRequest,
  type GraphWorld,
} from './graph';

const PER = '2a6e2f4c-0b4e-4f3a-9d7e-000000000002';
const LISA = '2a6e2f4c-0b4e-4f3a-9d7e-000000000003';

const directory: Directory = {
  tenantId: '11111111-2222-4333-8444-555555555555',
  users: [
    {
      id: PER,
      displayName: 'Per Olsson',
      givenName: 'Per',
      surname: 'Olsson',
      userPrincipalName: 'per.olsson@region.example',
      mail: 'per.o@region.example',
      jobTitle: 'Handläggare',
      department: 'Kansliet',
      accountEnabled: true,
    },
    {
      id: LISA,
      displayName: 'Lisa Utan Post',
      userPrincipalName: 'lisa@region.example',
      mail: null,
      accountEnabled: false,
    },
  ],
  groups: [],
};

const world: GraphWorld = { directory, outbox: [] };
const NOW = new Date('2026-05-04T10:00:00Z');

function call(
  method: string,
  path: string,
  body: unknown = '',
  more: Partial<GraphRequest> & { world?: GraphWorld } = {},
) {
  const url = new URL(path, 'https://local.invalid');
  const response = handleGraph(more.world ?? world, {
    method,
    segments: url.pathname.split('/').filter((s) => s !== ''),
    query: url.searchParams,
    body: typeof body === 'string' ? body : JSON.stringify(body),
    senderKey: 'per.olsson@region.example',
    now: NOW,
    ...more,
  });
  return { ...response, json: JSON.parse(response.body) as Record<string, unknown> };
}

const notFoundMessage = (key: string) =>
  `Resource '${key}' does not exist or one of its queried reference-property objects are not present.`;

describe('GET /users/{id | userPrincipalName}', () => {
  it('finds a user by object id or UPN, in any case', () => {
    for (const key of [PER, PER.toUpperCase(), 'Per.Olsson@Region.Example']) {
      const answer = call('GET', `/v1.0/users/${encodeURIComponent(key)}?$select=id`);
      expect(answer.status, key).toBe(200);
      expect(answer.json.id).toBe(PER);
    }
  });

  it('answers 404 for a mail that is not the UPN, as Graph does', () => {
    const answer = call('GET', '/v1.0/users/per.o%40region.example?$select=id,displayName');
    expect(answer.status).toBe(404);
    expect(answer.json.error).toMatchObject({
      code: 'Request_ResourceNotFound',
      message: notFoundMessage('per.o@region.example'),
    });
  });

  it('without $select answers the default properties, mail null without a mailbox', () => {
    const answer = call('GET', `/v1.0/users/${LISA}`);
    expect(answer.json).toEqual({
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users/$entity',
      businessPhones: [],
      displayName: 'Lisa Utan Post',
      givenName: null,
      jobTitle: null,
      mail: null,
      mobilePhone: null,
      officeLocation: null,
      preferredLanguage: null,
      surname: null,
      userPrincipalName: 'lisa@region.example',
      id: LISA,
    });
  });

  it('with $select answers just the properties named, also non-default ones', () => {
    const answer = call('GET', `/v1.0/users/${PER}?$select=displayName,department,accountEnabled`);
    expect(answer.json).toEqual({
      '@odata.context':
        'https://graph.microsoft.com/v1.0/$metadata#users(displayName,department,accountEnabled)/$entity',
      displayName: 'Per Olsson',
      department: 'Kansliet',
      accountEnabled: true,
    });
  });

  it('refuses properties and query options it does not emulate', () => {
    expect(call('GET', `/v1.0/users/${PER}?$select=id,city`).status).toBe(501);
    expect(call('GET', `/v1.0/users/${PER}?$expand=manager`).status).toBe(400);
  });
});

describe('POST /$batch', () => {
  it('answers each user look-up in its own part', () => {
    const answer = call('POST', '/v1.0/$batch', {
      requests: [
        { id: '1', method: 'GET', url: '/users/per.olsson@region.example?$select=id' },
        { id: '2', method: 'GET', url: '/users/per.o@region.example?$select=id' },
        { id: '3', method: 'GET', url: '/me' },
      ],
    });
    expect(answer.status).toBe(200);
    const parts = answer.json.responses as Array<{ id: string; status: number; body: unknown }>;
    expect(parts.map((p) => [p.id, p.status])).toEqual([
      ['1', 200],
      ['2', 404],
      ['3', 501],
    ]);
  });

  it('refuses more than 20 requests and duplicate ids', () => {
    const get = (id: string) => ({ id, method: 'GET', url: `/users/${PER}` });
    const many = Array.from({ length: 21 }, (_, i) => get(String(i)));
    expect(call('POST', '/v1.0/$batch', { requests: many }).status).toBe(400);
    expect(call('POST', '/v1.0/$batch', { requests: [get('a'), get('a')] }).status).toBe(400);
  });
});

describe('POST /teams/{id}/channels/{id}/messages', () => {
  const path = `/v1.0/teams/${LOCAL_TEAM.groupId}/channels/${encodeURIComponent(LOCAL_TEAM.channelId)}/messages`;
  const mention = (id: string, text = 'Lisa Utan Post') => ({
    body: { contentType: 'html', content: `<p>Hej <at id="0">${text}</at></p>` },
    mentions: [
      { id: 0, mentionText: text, mentioned: { user: { id, userIdentityType: 'aadUser' } } },
    ],
  });

  it('posts a mention of a user named by object id and returns the new outbox', () => {
    const answer = call('POST', path, mention(LISA));
    expect(answer.status).toBe(201);
    expect(answer.json.from).toEqual({
      user: { id: PER, displayName: 'Per Olsson', userIdentityType: 'aadUser' },
    });
    expect(answer.outbox).toHaveLength(1);
    expect(answer.outbox?.[0]?.mentions[0]?.mentioned.user).toEqual({
      id: LISA,
      displayName: 'Lisa Utan Post',
      userIdentityType: 'aadUser',
    });
    expect(world.outbox).toEqual([]);
  });

  it('gives later messages rising ids', () => {
    const first = call('POST', path, mention(LISA));
    const second = call('POST', path, mention(LISA), {
      world: { directory, outbox: first.outbox ?? [] },
    });
    expect(Number(second.json.id)).toBeGreaterThan(Number(first.json.id));
    expect(second.outbox).toHaveLength(2);
  });

  it('refuses a mention that names a user by UPN or an id nobody has', () => {
    for (const id of ['lisa@region.example', '00000000-0000-4000-8000-000000000000']) {
      const answer = call('POST', path, mention(id));
      expect(answer.status, id).toBe(400);
      expect(answer.outbox).toBeUndefined();
    }
  });

  it('refuses a sender who is not in the directory', () => {
    const answer = call('POST', path, mention(LISA), { senderKey: 'ghost@region.example' });
    expect(answer.status).toBe(401);
    expect(answer.outbox).toBeUndefined();
  });

  it('lists the outbox it is given', () => {
    const posted = call('POST', path, mention(LISA));
    const outbox = call('GET', '/outbox', '', {
      world: { directory, outbox: posted.outbox ?? [] },
    });
    expect((outbox.json.value as unknown[]).length).toBe(1);
  });
});

describe('POST /teamwork/sendActivityNotificationToRecipients', () => {
  const path = '/v1.0/teamwork/sendActivityNotificationToRecipients';
  const LINK =
    'https://teams.microsoft.com/l/entity/app-1/planuppfoljning?context=%7B%22subEntityId%22%3A%22period%3D2020-08%26plan%3Dlakemedel%22%7D';
  const notification = (over: Record<string, unknown> = {}) => ({
    topic: { source: 'text', value: '3. Läkemedel', webUrl: LINK },
    activityType: 'inputReminder',
    previewText: { content: 'Planen saknar ert svar.' },
    templateParameters: [{ name: 'period', value: 'Delårsrapport augusti 2020' }],
    recipients: [{ '@odata.type': 'microsoft.graph.aadUserNotificationRecipient', userId: LISA }],
    ...over,
  });
  const send = (body: unknown, more: Partial<GraphRequest> & { world?: GraphWorld } = {}) => {
    const url = new URL(path, 'https://local.invalid');
    const response = handleGraph(more.world ?? world, {
      method: 'POST',
      segments: url.pathname.split('/').filter((s) => s !== ''),
      query: url.searchParams,
      body: JSON.stringify(body),
      senderKey: 'per.olsson@region.example',
      now: NOW,
      ...more,
    });
    const json =
      response.body === ''
        ? null
        : (JSON.parse(response.body) as { error: { code: string; message: string } });
    return { ...response, json };
  };

  it('accepts a notification to users named by object id: 202, no body, recorded', () => {
    const answer = send(notification());
    expect(answer.status).toBe(202);
    expect(answer.body).toBe('');
    expect(answer.activity).toHaveLength(1);
    expect(answer.activity?.[0]).toMatchObject({
      from: { user: { id: PER, displayName: 'Per Olsson' } },
      activityType: 'inputReminder',
      topic: { source: 'text', value: '3. Läkemedel', webUrl: LINK },
      recipients: [{ userId: LISA, displayName: 'Lisa Utan Post' }],
      notDelivered: [],
    });
    const listed = handleGraph(
      { ...world, activity: answer.activity ?? [] },
      {
        method: 'GET',
        segments: ['activity'],
        query: new URLSearchParams(),
        body: '',
        senderKey: '',
        now: NOW,
      },
    );
    expect((JSON.parse(listed.body) as { value: unknown[] }).value).toHaveLength(1);
  });

  it('refuses a token without TeamsActivity.Send: 403, in Graph’s error shape', () => {
    const answer = send(notification(), {
      scopes: new Set(['ChannelMessage.Send', 'User.ReadBasic.All']),
    });
    expect(answer.status).toBe(403);
    expect(answer.json?.error.code).toBe('Forbidden');
    expect(answer.json?.error.message).toContain("API requires one of 'TeamsActivity.Send'");
    expect(answer.activity).toBeUndefined();
    expect(send(notification(), { scopes: new Set(['TeamsActivity.Send']) }).status).toBe(202);
  });

  it('refuses an activity type the Teams app does not declare: 400', () => {
    const answer = send(notification({ activityType: 'somethingElse' }));
    expect(answer.status).toBe(400);
    expect(answer.json?.error.code).toBe('BadRequest');
    expect(answer.json?.error.message).toContain('somethingElse');
    expect(answer.activity).toBeUndefined();
  });

  it('refuses a recipient who is no user object id in the directory (a UPN included)', () => {
    for (const userId of ['00000000-0000-4000-8000-000000000000', 'lisa@region.example']) {
      const answer = send(
        notification({
          recipients: [{ '@odata.type': 'microsoft.graph.aadUserNotificationRecipient', userId }],
        }),
      );
      expect(answer.status, userId).toBe(400);
      expect(answer.activity).toBeUndefined();
    }
  });

  it('refuses a topic link that is not a Teams deep link, and a text topic without one', () => {
    for (const webUrl of [
      'https://app.example/?plan=x',
      'https://teams.microsoft.com/',
      undefined,
    ]) {
      const answer = send(notification({ topic: { source: 'text', value: 'x', webUrl } }));
      expect(answer.status, String(webUrl)).toBe(400);
    }
  });

  it('refuses a template without its parameters, the reserved actor, and over 100 recipients', () => {
    expect(send(notification({ templateParameters: [] })).status).toBe(400);
    expect(
      send(
        notification({
          templateParameters: [
            { name: 'period', value: 'x' },
            { name: 'actor', value: 'Per' },
          ],
        }),
      ).status,
    ).toBe(400);
    const many = Array.from({ length: 101 }, () => ({
      '@odata.type': 'microsoft.graph.aadUserNotificationRecipient',
      userId: LISA,
    }));
    expect(send(notification({ recipients: many })).status).toBe(400);
    expect(
      send(
        notification({
          recipients: [
            { '@odata.type': 'microsoft.graph.teamMembersNotificationRecipient', teamId: 'x' },
          ],
        }),
      ).status,
    ).toBe(400);
  });

  it('refuses a recipient the app is not installed for: 403', () => {
    const answer = send(notification(), {
      world: { ...world, teamsApp: { ...LOCAL_TEAMS_APP, installedFor: [PER] } },
    });
    expect(answer.status).toBe(403);
    expect(answer.json?.error.message).toContain('Ensure that the expected Teams app is installed');
  });

  it('records the sender as not notified: a user cannot notify themselves', () => {
    const answer = send(
      notification({
        recipients: [PER, LISA].map((userId) => ({
          '@odata.type': 'microsoft.graph.aadUserNotificationRecipient',
          userId,
        })),
      }),
    );
    expect(answer.status).toBe(202);
    expect(answer.activity?.[0]?.notDelivered).toEqual([PER]);
  });
});
