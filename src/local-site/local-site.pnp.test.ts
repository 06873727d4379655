/**
 * The local site driven by the real @pnp/sp client in Node (global fetch): the same behaviours
 * the app configures (SPBrowser = default headers and init, fetch with retry, default parse,
 * request digest), so what works here works the same way against SharePoint Online.
 */
import { InjectHeaders, type HttpRequestError } from '@pnp/queryable';
import { spfi, SPBrowser, type SPFI } from '@pnp/sp';
import '@pnp/sp/batching';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/site-groups/web';
import '@pnp/sp/site-users/web';
import '@pnp/sp/webs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLocalSite, type LocalSite } from './local-site';
import {
  fixtureState,
  serveSite,
  type FixtureServer,
  FIXTURE_LISTS,
  FIXTURE_STATUS,
  FIXTURE_COORDINATORS,
} from './test-fixture';

let site: LocalSite;
let server: FixtureServer;
let sp: SPFI;

function client(cookie?: string): SPFI {
  const base = spfi(server.siteUrl).using(SPBrowser({ baseUrl: server.siteUrl }));
  return cookie ? base.using(InjectHeaders({ Cookie: cookie })) : base;
}

beforeEach(async () => {
  site = createLocalSite({ createInitialState: fixtureState });
  server = await serveSite(site);
  sp = client();
});

afterEach(async () => {
  await server.close();
});

const followUps = () => sp.web.lists.getByTitle(FIXTURE_LISTS.followUps);

/** The HttpRequestError PnP throws, with the odata.error of its response. */
async function rejection(
  promise: Promise<unknown>,
): Promise<{ status: number; error: { code: string; message: { value: string } } }> {
  try {
    await promise;
  } catch (e) {
    const error = e as HttpRequestError;
    expect(error.isHttpRequestError).toBe(true);
    const body = (await error.response.clone().json()) as {
      'odata.error': { code: string; message: { value: string } };
    };
    return { status: error.status, error: body['odata.error'] };
  }
  throw new Error('expected the request to fail');
}

interface FollowUpRow {
  Id: number;
  Title: string;
  PlanKey: string;
  Owners?: { Id: number; Title: string; EMail: string | null }[];
}

describe('@pnp/sp against the local site', () => {
  it('reads the web and a list', async () => {
    const web = await sp.web.select('Title', 'Url', 'ServerRelativeUrl')();
    expect(web).toMatchObject({ Title: 'Planuppföljning (test)', Url: server.siteUrl });
    const list = await followUps().select('Id', 'Title', 'ItemCount')();
    expect(list.ItemCount).toBe(5);
  });

  it('queries items with select, filter, orderBy, top and expand', async () => {
    const rows = await followUps()
      .items.select('Id', 'Title', 'PlanKey', 'Owners/Id', 'Owners/Title', 'Owners/EMail')
      .expand('Owners')
      .filter("PeriodKey eq '2020-04' and OwnersId eq 4")
      .orderBy('SortOrder', false)
      .top(10)<FollowUpRow[]>();
    expect(rows.map((r) => r.PlanKey)).toEqual(['c', 'b']);
    expect(rows[1]?.Owners?.map((o) => o.Title)).toEqual(['Anna Ägare', 'Dan Läsare']);
  });

  it('builds filters with PnP’s fluent filter builder', async () => {
    const rows = await followUps()
      .items.select('Id')
      .filter<{ PeriodKey: string; SortOrder: number }>((f) =>
        f.text('PeriodKey').equals('2020-04').and().number('SortOrder').greaterThan(2),
      )<{ Id: number }[]>();
    expect(rows.map((r) => r.Id)).toEqual([3, 4]);
  });

  it('pages through all items by following odata.nextLink (3 pages)', async () => {
    const pages: number[][] = [];
    for await (const page of followUps().items.select('Id').top(2)) {
      pages.push((page as { Id: number }[]).map((i) => i.Id));
    }
    expect(pages).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('adds, updates with the returned ETag, refuses a stale ETag with 412, deletes', async () => {
    const added = (await followUps().items.add({
      Title: 'Plan F',
      PlanKey: 'f',
      PeriodKey: '2020-04',
      PlanPeriodKey: 'f|2020-04',
      OwnersId: [1],
      InputState: 'Saknas',
    })) as { Id: number; 'odata.etag': string };
    expect(added).toMatchObject({ Id: 6, 'odata.etag': '"1"' });

    const item = followUps().items.getById(added.Id);
    const first = await item.update({ Status: FIXTURE_STATUS.good }, added['odata.etag']);
    expect(first).toEqual({ etag: '"2"' });
    const second = await item.update({ InputState: 'Utkast' }, first.etag);
    expect(second.etag).toBe('"3"');

    const stale = await rejection(item.update({ Status: FIXTURE_STATUS.poor }, first.etag));
    expect(stale.status).toBe(412);
    expect(stale.error).toEqual({
      code: '-1, Microsoft.SharePoint.Client.ClientServiceException',
      message: {
        lang: 'en-US',
        value: `The request ETag value '"2"' does not match the object's ETag value '"3"'.`,
      },
    });
    expect((await item.select('Status')<{ Status: string }>()).Status).toBe(FIXTURE_STATUS.good);

    await item.delete('"3"');
    const gone = await rejection(item());
    expect(gone.status).toBe(404);
  });

  it('reports a unique violation and an unknown column as SharePoint does', async () => {
    const duplicate = await rejection(
      followUps().items.add({ Title: 'Dup', PlanPeriodKey: 'a|2020-04' }),
    );
    expect(duplicate.status).toBe(500);
    expect(duplicate.error.code).toBe(
      '-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException',
    );
    const unknown = await rejection(followUps().items.filter("Planen eq 'x'")());
    expect(unknown.status).toBe(400);
    expect(unknown.error.message.value).toBe(
      "Column 'Planen' does not exist. It may have been deleted by another user.",
    );
  });

  it('ensures users: known people resolve, unknown ones fail with 404', async () => {
    const user = await sp.web.ensureUser('bo@region.example');
    expect(user).toMatchObject({ Id: 2, Title: 'Bo Samordnare' });
    const missing = await rejection(sp.web.ensureUser('nobody@region.example'));
    expect(missing.status).toBe(404);
    expect(missing.error.message.value).toBe(
      'The specified user nobody@region.example could not be found.',
    );
  });

  it('reads the current user (cookie-selected) with groups, and group members', async () => {
    const anna = await sp.web.currentUser.select('Id', 'Title')();
    expect(anna.Id).toBe(1);
    const bo = await client('LocalSiteUser=2')
      .web.currentUser.select('Id', 'Groups/Title')
      .expand('Groups')<{ Id: number; Groups: { Title: string }[] }>();
    expect(bo.Id).toBe(2);
    expect(bo.Groups.map((g) => g.Title)).toContain(FIXTURE_COORDINATORS);
    const members = await sp.web.siteGroups.getByName(FIXTURE_COORDINATORS).users();
    expect(members.map((u) => u.Id)).toEqual([2]);
  });

  it('retries a 503 after Retry-After and then succeeds', async () => {
    site.injectFault({ status: 503, count: 2, retryAfterSeconds: 0, match: '/items' });
    const rows = await followUps().items.select('Id').top(1)<{ Id: number }[]>();
    expect(rows.map((r) => r.Id)).toEqual([1]);
    site.injectFault({ status: 429, count: 5, retryAfterSeconds: 0 });
    const throttled = await rejection(sp.web());
    expect(throttled.status).toBe(429);
  });

  it('runs a $batch of reads and writes, each with its own answer', async () => {
    const [batched, execute] = sp.batched();
    const list = batched.web.lists.getByTitle(FIXTURE_LISTS.followUps);
    const read = list.items.select('Id').filter("PeriodKey eq '2017-08'")<{ Id: number }[]>();
    const update = list.items.getById(1).update({ Status: FIXTURE_STATUS.poor }, '"1"');
    const stale = list.items.getById(2).update({ Status: FIXTURE_STATUS.poor }, '"9"');
    const add = list.items.add({ Title: 'Plan G', PlanPeriodKey: 'g|2020-04' });
    stale.catch(() => undefined);
    await execute();
    expect((await read).map((r) => r.Id)).toEqual([5]);
    expect(await update).toEqual({ etag: '"2"' });
    expect((await rejection(stale)).status).toBe(412);
    expect(await add).toMatchObject({ Id: 6, Title: 'Plan G' });
    expect(site.state().lists[0]?.items.find((i) => i.Id === 1)?.fields.Status).toBe(
      FIXTURE_STATUS.poor,
    );
  });
});
