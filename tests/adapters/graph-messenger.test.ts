import { MAX_ATTEMPTS } from '../../src/adapters/http/fetch-with-waits';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { noTokenProvider, type TokenProvider } from '../../src/adapters/auth/token-provider';
import { GraphMessenger, LocalGraphOutbox } from '../../src/adapters/graph/graph-messenger';
import { LOCAL_CHANNEL } from '../../src/app/create-services';
import { StoreFailure } from '../../src/domain/errors';
import { DEMO_COORDINATOR_ID } from '../../src/demo/demo-people';
import { loadDemoState } from '../../src/demo/load-demo-state';
import { DEMO_DIRECTORY } from '../../src/demo/directory-demo';
import { LOCAL_TEAM } from '../../src/local-site/graph';
import { createLocalSite, USER_COOKIE } from '../../src/local-site/local-site';
import { serveSite, type FixtureServer } from '../../src/local-site/test-fixture';

const site = createLocalSite({ createInitialState: loadDemoState });
let server: FixtureServer;
beforeAll(async () => {
  server = await serveSite(site);
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => site.reset());

const ANNA = 'anna.lindgren@region.example';
const BJORN = 'bjorn.ekholm@region.example';

/** A fetch signed in as a demo user that records what it sends. */
function signedIn(userId = DEMO_COORDINATOR_ID) {
  const calls: Array<{ method: string; url: string; headers: Record<string, string> }> = [];
  const fetchFn: typeof fetch = (input, init) => {
    const headers = {
      ...(init?.headers as Record<string, string>),
      Cookie: `${USER_COOKIE}=${userId}`,
    };
    calls.push({ method: init?.method ?? 'GET', url: String(input), headers });
    return fetch(input, { ...init, headers });
  };
  return { calls, fetchFn };
}

function messenger(tokens: TokenProvider = noTokenProvider) {
  const { calls, fetchFn } = signedIn();
  return {
    calls,
    graph: new GraphMessenger({ baseUrl: `${server.siteUrl}/_local/graph/v1.0`, tokens, fetchFn }),
  };
}

/** The directory's object id of a demo person. */
function idOf(upn: string): string {
  const user = DEMO_DIRECTORY.users.find((u) => u.userPrincipalName === upn);
  if (!user) throw new Error(`${upn} is not in the demo directory`);
  return user.id;
}

describe('GraphMessenger.resolveUsers', () => {
  it('looks up known and unknown users in one $batch request', async () => {
    const { graph, calls } = messenger();
    const found = await graph.resolveUsers([ANNA, BJORN, 'nobody@region.example', ANNA]);
    expect(calls.map((c) => `${c.method} ${c.url.replace(server.siteUrl, '')}`)).toEqual([
      'POST /_local/graph/v1.0/$batch',
    ]);
    expect(Object.fromEntries(found)).toEqual({
      [ANNA]: { id: idOf(ANNA), displayName: 'Anna Lindgren' },
      [BJORN]: { id: idOf(BJORN), displayName: 'Björn Ekholm' },
    });
    expect(found.has('nobody@region.example')).toBe(false);
  });

  it('finds users by object id as well as by UPN, and nobody by a mail address', async () => {
    const { graph } = messenger();
    const anna = (await graph.resolveUsers([ANNA])).get(ANNA);
    if (!anna) throw new Error('Anna not found by UPN');
    expect((await graph.resolveUsers([anna.id])).get(anna.id)).toEqual(anna);
    // The demo mail equals the UPN here; an address that is no UPN finds nobody.
    expect((await graph.resolveUsers(['anna@lindgren.example'])).size).toBe(0);
  });

  it('splits more than 20 addresses into batches of 20', async () => {
    const { graph, calls } = messenger();
    const many = [ANNA, ...Array.from({ length: 24 }, (_, i) => `x${i}@region.example`)];
    const found = await graph.resolveUsers(many);
    expect(calls).toHaveLength(2);
    expect([...found.keys()]).toEqual([ANNA]);
  });

  it('sends no request for no addresses, and a bearer token when there is one', async () => {
    const none = messenger();
    expect((await none.graph.resolveUsers([])).size).toBe(0);
    expect(none.calls).toHaveLength(0);
    const resources: string[] = [];
    const withToken = messenger({
      getAccessToken: (resource) => {
        resources.push(resource);
        return Promise.resolve('t0k3n');
      },
    });
    await withToken.graph.resolveUsers([ANNA]);
    expect(resources).toEqual(['https://graph.microsoft.com']);
    expect(withToken.calls[0]?.headers.Authorization).toBe('Bearer t0k3n');
  });

  it('maps a 403 to forbidden, naming Graph', async () => {
    const { graph } = messenger();
    site.injectFault({ status: 403, count: 1, match: '_local/graph' });
    await expect(graph.resolveUsers([ANNA])).rejects.toMatchObject({
      kind: 'forbidden',
      service: 'graph',
    });
  });

  it('retries a 429 after its Retry-After, as SharePoint requests are', async () => {
    const { graph } = messenger();
    site.injectFault({ status: 429, count: 1, match: '_local/graph', retryAfterSeconds: 0 });
    const found = await graph.resolveUsers([ANNA]);
    expect([...found.values()].map((u) => u.displayName)).toEqual(['Anna Lindgren']);
  });

  it('is throttled, naming Graph, when every attempt is refused', async () => {
    const { graph } = messenger();
    site.injectFault({
      status: 503,
      count: MAX_ATTEMPTS,
      match: '_local/graph',
      retryAfterSeconds: 0,
    });
    await expect(graph.resolveUsers([ANNA])).rejects.toMatchObject({
      kind: 'throttled',
      service: 'graph',
    });
  });

  it('maps a failed fetch to offline', async () => {
    const graph = new GraphMessenger({
      baseUrl: 'http://127.0.0.1:1/v1.0',
      tokens: noTokenProvider,
      fetchFn: () => Promise.reject(new TypeError('fetch failed')),
    });
    const error: unknown = await graph.resolveUsers([ANNA]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreFailure);
    expect((error as StoreFailure).kind).toBe('offline');
  });
});

describe('GraphMessenger.send', () => {
  const anna = { id: idOf(ANNA), displayName: 'Anna Lindgren' };
  const bjorn = { id: idOf(BJORN), displayName: 'Björn Ekholm' };

  it('posts a channel message with mentions; the local Graph records it in the outbox', async () => {
    expect(LOCAL_CHANNEL).toEqual({ groupId: LOCAL_TEAM.groupId, channelId: LOCAL_TEAM.channelId });
    const { graph, calls } = messenger();
    const html = '<p>Hej <at id="0">Anna Lindgren</at> och <at id="1">Björn Ekholm</at>!</p>';
    const { messageId } = await graph.send(LOCAL_CHANNEL, {
      html,
      mentions: [
        { id: 0, mentionText: 'Anna Lindgren', user: anna },
        { id: 1, mentionText: 'Björn Ekholm', user: bjorn },
      ],
    });
    expect(messageId).toMatch(/^\d+$/);
    expect(calls.map((c) => c.url.replace(server.siteUrl, ''))).toEqual([
      `/_local/graph/v1.0/teams/${LOCAL_TEAM.groupId}/channels/${encodeURIComponent(LOCAL_TEAM.channelId)}/messages`,
    ]);
    const outbox = await new LocalGraphOutbox(server.siteUrl).list();
    expect(outbox).toEqual([
      {
        id: messageId,
        createdDateTime: expect.any(String) as string,
        channel: LOCAL_CHANNEL,
        from: 'Karin Samordnare',
        html,
        mentions: [
          { id: 0, mentionText: 'Anna Lindgren', userId: anna.id, displayName: 'Anna Lindgren' },
          { id: 1, mentionText: 'Björn Ekholm', userId: bjorn.id, displayName: 'Björn Ekholm' },
        ],
      },
    ]);
    site.reset();
    expect(await new LocalGraphOutbox(server.siteUrl).list()).toEqual([]);
  });

  it('is refused when a mention and the tags do not match, and nothing is recorded', async () => {
    const { graph } = messenger();
    const cases = [
      // A tag without a mention.
      {
        html: '<at id="0">Anna Lindgren</at> <at id="1">Björn Ekholm</at>',
        mentions: [{ id: 0, mentionText: 'Anna Lindgren', user: anna }],
      },
      // A mention without a tag.
      {
        html: '<at id="0">Anna Lindgren</at>',
        mentions: [
          { id: 0, mentionText: 'Anna Lindgren', user: anna },
          { id: 1, mentionText: 'Björn Ekholm', user: bjorn },
        ],
      },
      // Text differs from the tag.
      {
        html: '<at id="0">Anna Lindgren</at>',
        mentions: [{ id: 0, mentionText: 'Anna', user: anna }],
      },
      // Unknown user.
      {
        html: '<at id="0">Anna Lindgren</at>',
        mentions: [
          { id: 0, mentionText: 'Anna Lindgren', user: { id: 'no-such-id', displayName: 'X' } },
        ],
      },
    ];
    for (const message of cases) {
      await expect(graph.send(LOCAL_CHANNEL, message)).rejects.toBeInstanceOf(StoreFailure);
    }
    expect(site.state().outbox ?? []).toEqual([]);
  });

  it("answers Graph's error JSON for an unknown user and a mismatched mention", async () => {
    const { fetchFn } = signedIn();
    const user = await fetchFn(
      `${server.siteUrl}/_local/graph/v1.0/users/nobody%40region.example?$select=id`,
    );
    expect(user.status).toBe(404);
    expect(await user.json()).toMatchObject({ error: { code: 'Request_ResourceNotFound' } });
    const post = await fetchFn(
      `${server.siteUrl}/_local/graph/v1.0/teams/${LOCAL_TEAM.groupId}/channels/${encodeURIComponent(LOCAL_TEAM.channelId)}/messages`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          body: { contentType: 'html', content: '<at id="0">Anna Lindgren</at>' },
          mentions: [{ id: 1, mentionText: 'Anna Lindgren', mentioned: { user: { id: anna.id } } }],
        }),
      },
    );
    expect(post.status).toBe(400);
    expect(await post.json()).toMatchObject({ error: { code: 'BadRequest' } });
  });

  it('maps an unknown channel to not-found and a 403 to forbidden', async () => {
    const { graph } = messenger();
    const message = { html: '<p>Hej</p>', mentions: [] };
    await expect(
      graph.send({ groupId: 'other', channelId: LOCAL_CHANNEL.channelId }, message),
    ).rejects.toMatchObject({ kind: 'not-found' });
    site.injectFault({ status: 403, count: 1, match: '_local/graph/v1.0/teams' });
    await expect(graph.send(LOCAL_CHANNEL, message)).rejects.toMatchObject({ kind: 'forbidden' });
  });
});

describe('GraphMessenger.notify', () => {
  const notification = (over: Partial<Parameters<GraphMessenger['notify']>[0]> = {}) => ({
    activityType: 'inputReminder',
    topic: {
      text: '3. Övergripande handlingsplan för läkemedel 2020',
      webUrl: 'https://teams.microsoft.com/l/entity/app-1/planuppfoljning?context=%7B%7D',
    },
    previewText: 'Planen saknar ert svar.',
    templateParameters: [{ name: 'period', value: 'Delårsrapport augusti 2020' }],
    recipientIds: [idOf(ANNA), idOf(BJORN)],
    ...over,
  });

  it('posts one bulk notification naming the recipients by object id; Graph records it', async () => {
    const { graph, calls } = messenger();
    await graph.notify(notification());
    expect(calls.map((c) => `${c.method} ${c.url.replace(server.siteUrl, '')}`)).toEqual([
      'POST /_local/graph/v1.0/teamwork/sendActivityNotificationToRecipients',
    ]);
    const [recorded] = site.state().activity ?? [];
    expect(recorded).toMatchObject({
      activityType: 'inputReminder',
      topic: { source: 'text', value: '3. Övergripande handlingsplan för läkemedel 2020' },
      previewText: { content: 'Planen saknar ert svar.' },
      templateParameters: [{ name: 'period', value: 'Delårsrapport augusti 2020' }],
    });
    expect(recorded?.recipients.map((r) => r.userId)).toEqual([idOf(ANNA), idOf(BJORN)]);
  });

  it('maps Graph’s refusals to StoreFailures: 400 for an undeclared type, 403 forbidden', async () => {
    const { graph } = messenger();
    await expect(graph.notify(notification({ activityType: 'undeclared' }))).rejects.toBeInstanceOf(
      StoreFailure,
    );
    site.injectFault({ status: 403, count: 1, match: 'sendActivityNotificationToRecipients' });
    await expect(graph.notify(notification())).rejects.toMatchObject({ kind: 'forbidden' });
    expect(site.state().activity ?? []).toEqual([]);
  });
});
