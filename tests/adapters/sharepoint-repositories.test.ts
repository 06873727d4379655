import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  LOCAL_SESSION_TOKEN,
  localSessionTokenProvider,
  noTokenProvider,
} from '../../src/adapters/auth/token-provider';
import {
  SharePointFollowUpRepository,
  SharePointPeriodRepository,
  SharePointSession,
  SharePointStartup,
} from '../../src/adapters/sharepoint/sharepoint-repositories';
import { FOLLOW_UP_LIST } from '../../src/adapters/sharepoint/schema';
import { createSpClient } from '../../src/adapters/sharepoint/sp-client';
import { isStoreFailure, StoreFailure } from '../../src/domain/errors';
import type { PlanKey } from '../../src/domain/follow-up';
import type { PeriodKey } from '../../src/domain/period';
import type { Viewer } from '../../src/domain/rules';
import { DEMO_COORDINATOR_ID } from '../../src/demo/demo-people';
import { loadDemoState } from '../../src/demo/load-demo-state';
import { createLocalSite } from '../../src/local-site/local-site';
import { ROLE_DEFINITION_IDS } from '../../src/local-site/permissions';
import { serveSite, type FixtureServer } from '../../src/local-site/test-fixture';
import { signedIn } from './signed-in';

/**
 * The SharePoint adapters against the local SharePoint site over HTTP, through the same PnP
 * client the app uses. A behaviour signs the node client in as a demo user (the browser does it
 * with the local site's cookie) and counts requests.
 */

const site = createLocalSite({ createInitialState: loadDemoState });
let server: FixtureServer;

beforeAll(async () => {
  server = await serveSite(site);
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  site.reset();
});

function client(userId?: number) {
  const requests: string[] = [];
  const behaviour = signedIn(userId, requests);
  const sp = createSpClient(server.siteUrl, noTokenProvider, behaviour);
  return {
    requests,
    periods: new SharePointPeriodRepository(sp),
    followUps: new SharePointFollowUpRepository(sp, () => new Date('2020-09-01T10:00:00Z')),
    session: new SharePointSession(sp),
  };
}

const AUGUST = '2020-08' as PeriodKey;
const APRIL = '2020-04' as PeriodKey;

async function viewer(userId?: number): Promise<Viewer> {
  return client(userId).session.currentViewer();
}

describe('periods', () => {
  it('lists the periods newest first, in one request, with state and due date', async () => {
    const c = client();
    const periods = await c.periods.list();
    expect(periods.map((p) => [p.key, p.state])).toEqual([
      ['2020-08', 'open'],
      ['2020-04', 'locked'],
      ['2017-08', 'locked'],
    ]);
    expect(periods[0]?.dueDate).toBe('2020-09-14');
    expect(periods[2]?.report).toEqual({
      unit: 'Samordningskansliet',
      contact: 'Sandra Hedman\nTfn: 063-147509\nE-post: sandra.hedman@regionjh.se',
      date: '2017-09-25',
      diaryNumber: 'RS/780/2017',
    });
    expect(periods[2]?.summary).toMatch(/^<p>Sammantaget visar uppföljningen/);
    expect(c.requests.filter((r) => r.includes('/_api/'))).toHaveLength(1);
  });

  it('reads each period’s own introduction and legend place, carried into the rollover', async () => {
    const [august, april, y2017] = await client().periods.list();
    expect(y2017?.introduction).toMatch(
      /\n\nEn uppföljning per augusti har genomförts .* verksamhetsplaner 2017\.$/,
    );
    expect(y2017?.legendPlacement).toBe('after-summary');
    expect(april?.legendPlacement).toBe('before-summary');
    expect(april?.introduction).toMatch(/redovisar uppföljning per 30 april\.$/);
    // 2020-08 was rolled over from 2020-04 by the app: the text, with the new date.
    expect(august?.introduction).toMatch(/redovisar uppföljning per 31 augusti\.$/);
    expect(august?.legendPlacement).toBe('before-summary');
  });
});

describe('follow-ups', () => {
  it('reads two periods in one request filtered on the indexed PeriodKey', async () => {
    const c = client();
    const all = await c.followUps.listForPeriods([AUGUST, APRIL]);
    expect(all.filter((f) => f.periodKey === AUGUST)).toHaveLength(12);
    expect(all.filter((f) => f.periodKey === APRIL)).toHaveLength(13);
    expect(c.requests).toHaveLength(1);
    expect(c.requests[0]).toContain("$filter=PeriodKey eq '2020-08' or PeriodKey eq '2020-04'");
  });

  it('reads one plan’s history across periods in one request filtered on PlanKey', async () => {
    const c = client();
    const history = await c.followUps.listForPlan('lakemedel' as PlanKey);
    expect(history.map((f) => f.periodKey).sort()).toEqual(['2017-08', '2020-04', '2020-08']);
    expect(c.requests).toHaveLength(1);
    expect(c.requests[0]).toContain("$filter=PlanKey eq 'lakemedel'");
  });

  it('reads every plan over time in one narrow request, and a comment by item id', async () => {
    const c = client();
    const items = await c.followUps.listOverTime();
    expect(c.requests).toHaveLength(1);
    const query = decodeURIComponent(c.requests[0] ?? '');
    expect(query).toContain('$top=5000');
    expect(query).toMatch(/\$select=[^&]*StatusNote/);
    expect(query).not.toMatch(/\$select=[^&]*Comment/);
    expect(query).not.toContain('$filter');
    expect(new Set(items.map((i) => i.periodKey))).toEqual(
      new Set(['2017-08', '2020-04', '2020-08']),
    );
    const april = items.find((i) => i.planKey === 'lakemedel' && i.periodKey === APRIL);
    expect(april).toMatchObject({ status: 'partly', inputState: 'submitted', lifecycle: 'active' });
    expect(april?.owners.map((o) => o.name)).toEqual(['Anna Lindgren']);
    expect(april).not.toHaveProperty('comment');

    const comment = await c.followUps.readComment(april?.itemId ?? 0);
    expect(comment).toMatch(/^<p><i>Kommentar:<\/i> De aktiviteter/);
    expect(c.requests).toHaveLength(2);
    expect(decodeURIComponent(c.requests[1] ?? '')).toMatch(/items\(\d+\)\?.*\$select=Id,Comment/);
  });

  it('maps items to the domain: people, choices, rich text without the ExternalClass wrapper', async () => {
    const all = await client().followUps.listForPeriods([APRIL]);
    const lakemedel = all.find((f) => f.planKey === 'lakemedel');
    expect(lakemedel).toMatchObject({
      title: 'Övergripande handlingsplan för läkemedel 2020',
      diaryNumber: 'HSN/1241/2019',
      status: 'partly',
      inputState: 'submitted',
      lifecycle: 'active',
      owners: [{ id: 11, name: 'Anna Lindgren', upn: 'anna.lindgren@region.example' }],
      submittedBy: { id: 11, name: 'Anna Lindgren' },
    });
    expect(lakemedel?.version).toBe('"1"');
    expect(lakemedel?.comment).toMatch(/^<p><i>Kommentar:<\/i> De aktiviteter/);
    expect(lakemedel?.documentUrl).toMatch(/^https:\/\/diariet\.regionjh\.se\//);
    const gone = all.find((f) => f.planKey === 'battre-liv-aldre');
    expect(gone).toMatchObject({ status: 'not-assessed', lifecycle: 'retired' });
  });

  it('loads a period whose owner has no mailbox: people are read by login name, never EMail', async () => {
    const users = site.state().users;
    const index = users.findIndex((u) => u.Id === 11);
    const anna = users[index];
    if (!anna) throw new Error('demo user missing');
    // SharePoint Online fails the whole query when $select names EMail and one person has none.
    users[index] = { ...anna, Email: '' };
    const c = client();
    const all = await c.followUps.listForPeriods([AUGUST]);
    expect(all.find((f) => f.planKey === 'lakemedel')?.owners).toEqual([
      { id: 11, name: 'Anna Lindgren', upn: 'anna.lindgren@region.example' },
    ]);
    expect(c.requests[0]).toContain('Owners/Name');
    expect(c.requests[0]).not.toMatch(/EMail/i);
  });

  it('reads an item another editor left with an unknown choice and no owners', async () => {
    const list = site.state().lists.find((l) => l.Title === FOLLOW_UP_LIST.title);
    const item = list?.items.find((i) => i.fields.PlanPeriodKey === 'miljo|2020-08');
    if (!item) throw new Error('demo item missing');
    item.fields = { ...item.fields, Status: 'Okänd status', InputState: 'Konstig', Owners: null };
    const all = await client().followUps.listForPeriods([AUGUST]);
    expect(all.find((f) => f.planKey === 'miljo')).toMatchObject({
      status: null,
      inputState: 'missing',
      owners: [],
    });
  });

  it('saves a draft with the ETag it was read with and returns the new version', async () => {
    const anna = await viewer();
    const c = client();
    const [item] = (await c.followUps.listForPeriods([AUGUST])).filter(
      (f) => f.planKey === 'lakemedel',
    );
    if (!item) throw new Error('no item');
    const saved = await c.followUps.saveInput(
      item,
      { status: 'good', statusNote: '', comment: '<p>Går <i>bra</i>.</p>' },
      'draft',
      anna,
    );
    expect(saved).toMatchObject({
      itemId: item.itemId,
      version: '"2"',
      status: 'good',
      inputState: 'draft',
      comment: '<p>Går <i>bra</i>.</p>',
      submittedBy: null,
      modifiedBy: { id: 11 },
    });
    const merge = c.requests.find((r) => r.startsWith('POST'));
    expect(merge).toContain(`/items(${item.itemId})`);
  });

  it('a save whose read-back fails is "unconfirmed": SharePoint holds it', async () => {
    const anna = await viewer();
    const c = client();
    const item = (await c.followUps.listForPeriods([AUGUST])).find(
      (f) => f.planKey === 'lakemedel',
    );
    if (!item) throw new Error('no item');
    // The read-back is the item's GET with its $select; the MERGE has no query.
    site.injectFault({ status: 500, count: 1, match: `items(${item.itemId})?` });
    await expect(
      c.followUps.saveInput(
        item,
        { status: 'good', statusNote: '', comment: '<p>Sparad.</p>' },
        'draft',
        anna,
      ),
    ).rejects.toMatchObject({ kind: 'unconfirmed' });
    const stored = (await c.followUps.listForPeriods([AUGUST])).find(
      (f) => f.itemId === item.itemId,
    );
    expect(stored).toMatchObject({ version: '"2"', comment: '<p>Sparad.</p>' });
  });

  it('records who submitted and when', async () => {
    const anna = await viewer();
    const c = client();
    const item = (await c.followUps.listForPeriods([AUGUST])).find(
      (f) => f.planKey === 'lakemedel',
    );
    if (!item) throw new Error('no item');
    const saved = await c.followUps.saveInput(
      item,
      { status: 'not-assessed', statusNote: ' Ska omarbetas ', comment: '' },
      'submit',
      anna,
    );
    expect(saved).toMatchObject({
      status: 'not-assessed',
      statusNote: 'Ska omarbetas',
      inputState: 'submitted',
      submittedBy: { id: 11, name: 'Anna Lindgren' },
      submittedAt: '2020-09-01T10:00:00Z',
    });
  });

  it('refuses a save over a newer version with a conflict, writing nothing', async () => {
    const anna = await viewer();
    const c = client();
    const stale = (await c.followUps.listForPeriods([AUGUST])).find(
      (f) => f.planKey === 'lakemedel',
    );
    if (!stale) throw new Error('no item');
    // Someone else saves first.
    await client(DEMO_COORDINATOR_ID).followUps.saveInput(
      stale,
      { status: 'poor', statusNote: '', comment: '<p>Samordnaren</p>' },
      'draft',
      await viewer(DEMO_COORDINATOR_ID),
    );
    const attempt = c.followUps.saveInput(
      stale,
      { status: 'good', statusNote: '', comment: '<p>Ägaren</p>' },
      'draft',
      anna,
    );
    await expect(attempt).rejects.toSatisfy(
      (e: unknown) => isStoreFailure(e) && e.kind === 'conflict',
    );
    const now = (await c.followUps.listForPeriods([AUGUST])).find((f) => f.planKey === 'lakemedel');
    expect(now).toMatchObject({ status: 'poor', comment: '<p>Samordnaren</p>', version: '"2"' });
  });
});

/** What actually goes over the network (batched parts are not requests of their own). */
async function networkRequests<T>(run: () => Promise<T>): Promise<{ value: T; sent: string[] }> {
  const sent: string[] = [];
  const real = globalThis.fetch;
  const spy = vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    sent.push(`${init?.method ?? 'GET'} ${decodeURIComponent(url).replace(server.siteUrl, '')}`);
    return real(input, init);
  });
  try {
    return { value: await run(), sent };
  } finally {
    spy.mockRestore();
  }
}

describe('startup', () => {
  it('asks for the viewer and the periods in one $batch, with no form digest first', async () => {
    const sp = createSpClient(
      server.siteUrl,
      localSessionTokenProvider(new URL(server.siteUrl).origin),
      signedIn(DEMO_COORDINATOR_ID),
    );
    const { value, sent } = await networkRequests(() =>
      new SharePointStartup(sp).viewerAndPeriods(),
    );
    expect(value.viewer).toMatchObject({ id: DEMO_COORDINATOR_ID, role: 'coordinator' });
    expect(value.periods.map((p) => p.key)).toEqual(['2020-08', '2020-04', '2017-08']);
    expect(sent).toEqual(['POST /_api/$batch']);
  });

  it('hands the local session token to the local site only', async () => {
    const tokens = localSessionTokenProvider('http://localhost:5173');
    expect(await tokens.getAccessToken('http://localhost:5173')).toBe(LOCAL_SESSION_TOKEN);
    expect(await tokens.getAccessToken('https://graph.microsoft.com')).toBeNull();
  });

  it('reports a failed part of the batch as a typed failure', async () => {
    site.injectFault({ status: 404, count: 1, match: 'currentuser' });
    const sp = createSpClient(server.siteUrl, noTokenProvider, signedIn(undefined));
    await expect(new SharePointStartup(sp).viewerAndPeriods()).rejects.toMatchObject({
      kind: 'not-found',
    });
  });
});

describe('session', () => {
  it('knows the signed-in owner as a member, with the UPN from the login name', async () => {
    expect(await viewer()).toEqual({
      id: 11,
      name: 'Anna Lindgren',
      upn: 'anna.lindgren@region.example',
      role: 'member',
    });
    expect(await viewer(DEMO_COORDINATOR_ID)).toMatchObject({ id: 7, role: 'coordinator' });
  });

  it('asks for the user and both lists’ permissions in one $batch', async () => {
    const c = client(DEMO_COORDINATOR_ID);
    const { sent } = await networkRequests(() => c.session.currentViewer());
    expect(sent.filter((r) => r !== 'POST /_api/contextinfo')).toEqual(['POST /_api/$batch']);
    expect(c.requests.map((r) => r.replace(server.siteUrl, ''))).toEqual(
      expect.arrayContaining([
        "GET /_api/web/lists/getByTitle('Uppföljningsperioder')/EffectiveBasePermissions",
        "GET /_api/web/lists/getByTitle('Uppföljning handlingsplaner')/EffectiveBasePermissions",
      ]),
    );
  });

  it('takes the role from the permissions on the lists, whatever group grants them', async () => {
    const state = site.state();
    // Björn gets Full Control on both lists through a group that is not the coordinator group
    // (as a coordinator through an Entra group is not listed in currentuser/Groups either).
    state.groups.push({ Id: 90, Title: 'Samordningskansliet', memberIds: [12] });
    // Cecilia gets Edit on both lists: she may edit items but not manage their permissions.
    for (const list of state.lists) {
      list.roleAssignments = [
        ...(list.roleAssignments ?? []),
        { principalId: 90, roleDefId: ROLE_DEFINITION_IDS.fullControl },
        { principalId: 13, roleDefId: ROLE_DEFINITION_IDS.edit },
      ];
    }
    expect(await viewer(12)).toMatchObject({ id: 12, role: 'coordinator' });
    expect(await viewer(13)).toMatchObject({ id: 13, role: 'member' });

    // Full Control on the periods alone is not enough: rollover secures follow-ups.
    const followUps = state.lists.find((l) => l.Title === FOLLOW_UP_LIST.title);
    if (!followUps) throw new Error('no follow-up list');
    followUps.roleAssignments = (followUps.roleAssignments ?? []).filter(
      (a) => a.principalId !== 90,
    );
    expect(await viewer(12)).toMatchObject({ role: 'member' });
  });
});

describe('failures', () => {
  it('retries a throttled request after Retry-After and then succeeds', async () => {
    site.injectFault({ status: 503, count: 1, retryAfterSeconds: 0, match: 'Uppf' });
    const c = client();
    // Without PnP's retry the 503 would reject this call.
    const all = await c.followUps.listForPeriods([AUGUST]);
    expect(all).toHaveLength(12);
  });

  it('maps statuses to typed failures', async () => {
    site.injectFault({ status: 403, count: 1, match: 'Uppf' });
    await expect(client().followUps.listForPeriods([AUGUST])).rejects.toMatchObject({
      kind: 'forbidden',
    });
    site.injectFault({ status: 404, count: 1, match: 'Uppf' });
    await expect(client().periods.list()).rejects.toMatchObject({ kind: 'not-found' });
    site.injectFault({ status: 500, count: 1, match: 'Uppf' });
    await expect(client().periods.list()).rejects.toBeInstanceOf(StoreFailure);
  });

  it('reports an unreachable site as offline', async () => {
    const sp = createSpClient('http://127.0.0.1:9/sites/none', noTokenProvider);
    await expect(new SharePointPeriodRepository(sp).list()).rejects.toMatchObject({
      kind: 'offline',
    });
  });
});

describe('sign-off', () => {
  it('sends a submitted follow-up back as a draft with a comment, and a new submission clears it', async () => {
    const anna = await viewer();
    const owner = client();
    const item = (await owner.followUps.listForPeriods([AUGUST])).find(
      (f) => f.planKey === 'lakemedel',
    );
    if (!item) throw new Error('no item');
    const submitted = await owner.followUps.saveInput(
      item,
      { status: 'good', statusNote: '', comment: '<p>Klart.</p>' },
      'submit',
      anna,
    );
    const returned = await client(DEMO_COORDINATOR_ID).followUps.review(submitted, {
      state: 'returned',
      comment: ' Beskriv kostnaderna. ',
    });
    expect(returned).toMatchObject({
      inputState: 'draft',
      review: { state: 'returned', comment: 'Beskriv kostnaderna.' },
    });
    // Reviewing what someone has since changed is a conflict, not an overwrite.
    await expect(
      client(DEMO_COORDINATOR_ID).followUps.review(submitted, { state: 'approved', comment: '' }),
    ).rejects.toMatchObject({ kind: 'conflict' });
    const again = await owner.followUps.saveInput(returned, returned, 'submit', anna);
    expect(again.review).toEqual({ state: 'none', comment: '' });
    const approved = await client(DEMO_COORDINATOR_ID).followUps.review(again, {
      state: 'approved',
      comment: '',
    });
    expect(approved).toMatchObject({ inputState: 'submitted', review: { state: 'approved' } });
  });

  it('refuses a sign-off from an owner: only coordinators hold the right on the item', async () => {
    const item = (await client().followUps.listForPeriods([APRIL])).find(
      (f) => f.planKey === 'lakemedel',
    );
    if (!item) throw new Error('no item');
    await expect(
      client().followUps.review(item, { state: 'approved', comment: '' }),
    ).rejects.toMatchObject({ kind: 'forbidden' });
  });
});
