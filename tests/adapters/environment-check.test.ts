import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { noTokenProvider, type ScopeProbe } from '../../src/adapters/auth/token-provider';
import { GraphMessenger } from '../../src/adapters/graph/graph-messenger';
import { SharePointEnvironmentCheck } from '../../src/adapters/preflight/environment-check';
import { PERIOD_LIST } from '../../src/adapters/sharepoint/schema';
import { SharePointPeriodRepository } from '../../src/adapters/sharepoint/sharepoint-repositories';
import { createSpClient } from '../../src/adapters/sharepoint/sp-client';
import { preflightConsents } from '../../src/app/create-services';
import { emptyDemoSite } from '../../src/demo/build-demo-site';
import { DEMO_COORDINATOR_ID, DEMO_DEFAULT_USER_ID } from '../../src/demo/demo-people';
import { loadDemoState } from '../../src/demo/load-demo-state';
import type { CheckEvent, CheckId, CheckResult } from '../../src/domain/environment-check';
import { StoreFailure } from '../../src/domain/errors';
import { createLocalSite, USER_COOKIE } from '../../src/local-site/local-site';
import { serveSite, type FixtureServer } from '../../src/local-site/test-fixture';
import { signedIn } from './signed-in';

const site = createLocalSite({ createInitialState: loadDemoState });
/** The demo team's site before the app: its owner Karin, no lists. */
const bare = createLocalSite({ createInitialState: emptyDemoSite });
let server: FixtureServer;
let bareServer: FixtureServer;
beforeAll(async () => {
  server = await serveSite(site);
  bareServer = await serveSite(bare);
});
afterAll(async () => {
  await server.close();
  await bareServer.close();
});
beforeEach(() => {
  site.reset();
  bare.reset();
});

const GRAPH = 'https://graph.microsoft.com';

/** The check as a user of the local site, with the local Graph beside it. */
function checkAs(
  userId: number,
  options: { probe?: ScopeProbe; fetchFn?: typeof fetch; siteUrl?: string } = {},
) {
  const siteUrl = options.siteUrl ?? server.siteUrl;
  const requests: string[] = [];
  const sp = createSpClient(siteUrl, noTokenProvider, signedIn(userId, requests));
  const graphFetch: typeof fetch = (input, init) =>
    fetch(input, {
      ...init,
      headers: { ...(init?.headers as Record<string, string>), Cookie: `${USER_COOKIE}=${userId}` },
    });
  const users = new GraphMessenger({
    baseUrl: `${siteUrl}/_local/graph/v1.0`,
    tokens: noTokenProvider,
    fetchFn: options.fetchFn ?? graphFetch,
  });
  const check = new SharePointEnvironmentCheck({
    sp,
    users,
    ...(options.probe ? { probe: options.probe } : {}),
    consents: preflightConsents(siteUrl, GRAPH),
    random: () => 'test1',
  });
  return { check, requests, sp };
}

async function run(check: SharePointEnvironmentCheck) {
  const events: CheckEvent[] = [];
  await check.run((event) => events.push(event));
  const results = new Map<CheckId, CheckResult>();
  for (const event of events) if (event.phase === 'done') results.set(event.id, event.result);
  return { events, results };
}

describe('Kontrollera miljön against the local site', () => {
  it('passes every check for the coordinator; token checks are skipped in local mode', async () => {
    const { check } = checkAs(DEMO_COORDINATOR_ID);
    const { events, results } = await run(check);
    // Each check starts, then ends, in order.
    expect(events.map((e) => `${e.id}:${e.phase}`).slice(0, 4)).toEqual([
      'lists:running',
      'lists:done',
      'read:running',
      'read:done',
    ]);
    expect(Object.fromEntries([...results].map(([id, r]) => [id, r.state]))).toEqual({
      lists: 'pass',
      read: 'pass',
      write: 'pass',
      rights: 'pass',
      'user-lookup': 'pass',
      'consent-sharepoint': 'skipped',
      'consent-users': 'skipped',
      'consent-channel': 'skipped',
      'consent-activity': 'skipped',
    });
    expect(results.get('user-lookup')).toEqual({
      state: 'pass',
      note: { kind: 'user', displayName: 'Karin Samordnare' },
    });
    expect(results.get('consent-channel')).toEqual({ state: 'skipped', reason: 'local-mode' });
  });

  it('leaves no scratch item behind, and the app never saw it', async () => {
    const { check, requests, sp } = checkAs(DEMO_COORDINATOR_ID);
    const before = await new SharePointPeriodRepository(sp).list();
    await run(check);
    const writes = requests.filter((r) => r.startsWith('POST ') && !r.includes('$batch'));
    // An add, and a delete of what it added (PnP sends DELETE as POST + X-HTTP-Method).
    expect(writes.some((r) => /Uppföljningsperioder'\)\/items$/.test(r))).toBe(true);
    expect(writes.some((r) => /items\(\d+\)$/.test(r))).toBe(true);
    const raw = (await sp.web.lists
      .getByTitle(PERIOD_LIST.title)
      .items.select('PeriodKey')()) as Array<{ PeriodKey: string }>;
    expect(raw.some((i) => i.PeriodKey.startsWith('miljokontroll-'))).toBe(false);
    expect(await new SharePointPeriodRepository(sp).list()).toEqual(before);
  });

  it('an owner: reads pass, the rights check names Manage Permissions, the write is refused', async () => {
    const { check } = checkAs(DEMO_DEFAULT_USER_ID);
    const { results } = await run(check);
    expect(results.get('read')?.state).toBe('pass');
    expect(results.get('rights')).toEqual({
      state: 'fail',
      problem: {
        kind: 'missing-rights',
        rights: ['manage-permissions', 'create-groups', 'manage-lists'],
      },
    });
    expect(results.get('write')).toEqual({
      state: 'fail',
      problem: { kind: 'forbidden', service: 'sharepoint' },
    });
  });

  it('a site without the app’s lists: the list check names both, and the site owner may set up', async () => {
    const { check } = checkAs(DEMO_COORDINATOR_ID, { siteUrl: bareServer.siteUrl });
    const { results } = await run(check);
    expect(results.get('lists')).toEqual({
      state: 'fail',
      problem: {
        kind: 'missing-lists',
        lists: ['Uppföljning handlingsplaner', 'Uppföljningsperioder'],
        canSetUp: true,
      },
    });
    expect(results.get('read')).toEqual({ state: 'skipped', reason: 'needs-lists' });
    expect(results.get('write')).toEqual({ state: 'skipped', reason: 'needs-lists' });
  });

  it('names the permission IT has not consented, from the token probe', async () => {
    const probe: ScopeProbe = {
      tokenFor: (scope) =>
        scope.endsWith('/TeamsActivity.Send')
          ? Promise.reject(new StoreFailure('consent-required', 'AADSTS65001'))
          : Promise.resolve('token'),
    };
    const { check } = checkAs(DEMO_COORDINATOR_ID, { probe });
    const { results } = await run(check);
    expect(results.get('consent-channel')?.state).toBe('pass');
    expect(results.get('consent-activity')).toEqual({
      state: 'fail',
      problem: {
        kind: 'consent',
        permission: { name: 'TeamsActivity.Send', resource: 'Microsoft Graph' },
      },
    });
  });

  it('a request that gets no answer (a TypeError, as CORS refuses) is named as CORS', async () => {
    const refused: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    const { check } = checkAs(DEMO_COORDINATOR_ID, { fetchFn: refused });
    const { results } = await run(check);
    expect(results.get('user-lookup')).toEqual({
      state: 'fail',
      problem: { kind: 'cors', service: 'graph' },
    });
  });
});
