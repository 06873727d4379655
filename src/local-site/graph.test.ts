import { describe, expect, it } from 'vitest';
import type { Directory } from './directory';
import { handleGraph, LOCAL_TEAM, type GraphRequest, type GraphWorld } from './graph';

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
