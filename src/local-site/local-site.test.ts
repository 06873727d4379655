/**
 * The local site over HTTP with plain fetch: URL shapes, headers, status codes and JSON as
 * SharePoint Online answers them (see docs/emulation.md for the subset).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLocalSite, type LocalSite } from './local-site';
import type { SiteState } from './site-state';
import {
  FIXTURE_FOLLOW_UP_LIST_ID,
  fixtureState,
  serveSite,
  type FixtureServer,
  FIXTURE_LISTS,
  FIXTURE_STATUS,
  FIXTURE_COORDINATORS,
} from './test-fixture';

const NOW = new Date('2021-03-04T05:06:07.890Z');
const FU = `_api/web/lists/getByTitle('${encodeURIComponent(FIXTURE_LISTS.followUps)}')`;
const PERIODS = `_api/web/lists/getByTitle('${encodeURIComponent(FIXTURE_LISTS.periods)}')`;
const DIGEST = { 'X-RequestDigest': '0xABCDEF,04 Mar 2021 05:06:07 -0000' };

type Body = Record<string, unknown>;
interface Answer {
  status: number;
  headers: Headers;
  body: Body;
}

let site: LocalSite;
let server: FixtureServer;
let initial: () => SiteState;

beforeEach(async () => {
  initial = fixtureState;
  site = createLocalSite({ createInitialState: () => initial(), now: () => NOW });
  server = await serveSite(site);
});

afterEach(async () => {
  await server.close();
});

async function call(
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string>; accept?: string } = {},
): Promise<Answer> {
  const response = await fetch(`${server.siteUrl}/${path}`, {
    method,
    headers: {
      Accept: options.accept ?? 'application/json',
      ...(options.body === undefined ? {} : { 'Content-Type': 'application/json;charset=utf-8' }),
      ...(method === 'GET' ? {} : DIGEST),
      ...options.headers,
    },
    ...(options.body === undefined
      ? {}
      : { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text === '' ? {} : (JSON.parse(text) as Body),
  };
}

const get = (path: string, accept?: string) =>
  call('GET', path, accept === undefined ? {} : { accept });

function errorOf(answer: Answer): { code: string; value: string } {
  const error = answer.body['odata.error'] as { code: string; message: { value: string } };
  return { code: error.code, value: error.message.value };
}

function values(answer: Answer): Body[] {
  return answer.body.value as Body[];
}

describe('web, context info and users', () => {
  it('GET _api/web answers the web with absolute URLs on the request host', async () => {
    const answer = await get('_api/web');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe(
      'application/json;odata=minimalmetadata;streaming=true;charset=utf-8',
    );
    expect(answer.body).toMatchObject({
      'odata.metadata': `${server.siteUrl}/_api/$metadata#SP.ApiData.Webs/@Element`,
      Title: 'Planuppföljning (test)',
      Url: server.siteUrl,
      ServerRelativeUrl: '/sites/planuppfoljning',
    });
    expect(answer.body.Id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('honours $select on the web and refuses unknown properties', async () => {
    const answer = await get('_api/web?$select=Title,Url', 'application/json;odata=nometadata');
    expect(answer.body).toEqual({ Title: 'Planuppföljning (test)', Url: server.siteUrl });
    const bad = await get('_api/web?$select=Nope');
    expect(bad.status).toBe(400);
    expect(errorOf(bad).value).toBe("The field or property 'Nope' does not exist.");
  });

  it('POST _api/contextinfo gives a form digest in the shape PnP reads', async () => {
    const answer = await call('POST', '_api/contextinfo', { headers: { 'X-RequestDigest': '' } });
    expect(answer.status).toBe(200);
    expect(answer.body.FormDigestTimeoutSeconds).toBe(1800);
    expect(answer.body.FormDigestValue).toMatch(/^0x[0-9A-F]+,/);
    expect(answer.body.WebFullUrl).toBe(server.siteUrl);
    expect(answer.body.SiteFullUrl).toBe(server.siteUrl);
    expect(typeof answer.body.LibraryVersion).toBe('string');
    expect((await get('_api/contextinfo')).status).toBe(405);
  });

  it('refuses writes without a form digest or bearer token', async () => {
    const answer = await call('POST', `${FU}/items`, {
      body: { Title: 'x' },
      headers: { 'X-RequestDigest': '' },
    });
    expect(answer.status).toBe(403);
    expect(errorOf(answer).code).toBe('-2130575252, Microsoft.SharePoint.SPException');
    const withToken = await call('POST', `${FU}/items`, {
      body: { Title: 'x' },
      headers: { 'X-RequestDigest': '', Authorization: 'Bearer local' },
    });
    expect(withToken.status).toBe(201);
  });

  it('currentuser is the default user, or the one the LocalSiteUser cookie names', async () => {
    expect((await get('_api/web/currentuser')).body).toMatchObject({
      'odata.type': 'SP.User',
      Id: 1,
      Title: 'Anna Ägare',
      Email: 'anna@region.example',
      LoginName: 'i:0#.f|membership|anna@region.example',
      UserPrincipalName: 'anna@region.example',
    });
    const bo = await call('GET', '_api/web/currentuser', {
      headers: { Cookie: 'LocalSiteUser=2' },
    });
    expect(bo.body.Id).toBe(2);
    const unknown = await call('GET', '_api/web/currentuser', {
      headers: { Cookie: 'x=1; LocalSiteUser=99' },
    });
    expect(unknown.body.Id).toBe(1);
  });

  it('currentuser $expand=Groups gives the groups as an array of {Id, Title}', async () => {
    const answer = await call(
      'GET',
      '_api/web/currentuser?$select=Id,Title,Groups/Id,Groups/Title&$expand=Groups',
      { headers: { Cookie: 'LocalSiteUser=2' }, accept: 'application/json;odata=nometadata' },
    );
    expect(answer.body).toEqual({
      Id: 2,
      Title: 'Bo Samordnare',
      Groups: [
        { Id: 5, Title: FIXTURE_COORDINATORS },
        { Id: 6, Title: 'Planuppföljning Members' },
      ],
    });
    const withoutExpand = await get('_api/web/currentuser?$select=Groups/Title');
    expect(withoutExpand.status).toBe(400);
  });

  it('lists site users (with $top) and the members of a group by name', async () => {
    const all = await get(
      '_api/web/siteusers?$select=Id,Title',
      'application/json;odata=nometadata',
    );
    expect(values(all).map((u) => u.Id)).toEqual([1, 2, 3, 4]);
    expect(values(await get('_api/web/siteusers?$top=2'))).toHaveLength(2);
    const members = await get(
      `_api/web/sitegroups/getByName('${encodeURIComponent(FIXTURE_COORDINATORS)}')/users`,
    );
    expect(values(members).map((u) => u.Title)).toEqual(['Bo Samordnare']);
    const missing = await get(`_api/web/sitegroups/getByName('Nobody')/users`);
    expect(missing.status).toBe(404);
    expect(errorOf(missing).value).toBe('Group cannot be found.');
  });

  it('ensureuser resolves UPN, e-mail and claims names, and fails for unknown people', async () => {
    for (const logonName of [
      'dan@region.example',
      'DAN@region.example',
      'i:0#.f|membership|dan@region.example',
    ]) {
      const answer = await call('POST', '_api/web/ensureuser', { body: { logonName } });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ Id: 4, Title: 'Dan Läsare' });
    }
    const unknown = await call('POST', '_api/web/ensureuser', {
      body: { logonName: 'ghost@region.example' },
    });
    expect(unknown.status).toBe(404);
    expect(errorOf(unknown)).toEqual({
      code: '-2146232832, Microsoft.SharePoint.SPException',
      value: 'The specified user ghost@region.example could not be found.',
    });
  });
});

describe('lists', () => {
  it('getByTitle finds a list by its URL-encoded title, case-insensitively', async () => {
    const answer = await get(
      `${FU}?$select=Id,Title,ItemCount`,
      'application/json;odata=nometadata',
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      Id: FIXTURE_FOLLOW_UP_LIST_ID,
      Title: FIXTURE_LISTS.followUps,
      ItemCount: 5,
    });
    const lower = await get(
      `_api/web/lists/getbytitle('${encodeURIComponent(FIXTURE_LISTS.followUps.toLowerCase())}')`,
    );
    expect(lower.body.Id).toBe(FIXTURE_FOLLOW_UP_LIST_ID);
    expect(lower.body.ListItemEntityTypeFullName).toBe(
      'SP.Data.Uppf_x00f6_ljning_x0020_handlingsplanerListItem',
    );
  });

  it("unescapes '' in titles and answers SharePoint's 404 for unknown lists", async () => {
    initial = () => {
      const state = fixtureState();
      const first = state.lists[0];
      if (!first) throw new Error('fixture has lists');
      return {
        ...state,
        lists: [{ ...first, Title: "Plan's list" }],
      };
    };
    site.reset();
    const found = await get(`_api/web/lists/getByTitle('Plan''s%20list')`);
    expect(found.body.Title).toBe("Plan's list");
    const missing = await get(`_api/web/lists/getByTitle('Saknas')/items`);
    expect(missing.status).toBe(404);
    expect(errorOf(missing)).toEqual({
      code: '-1, System.ArgumentException',
      value: `List 'Saknas' does not exist at site with URL '${server.siteUrl}'.`,
    });
  });

  it('addresses a list by GUID too', async () => {
    const answer = await get(`_api/web/lists(guid'${FIXTURE_FOLLOW_UP_LIST_ID}')/items(1)`);
    expect(answer.body.Title).toBe('Plan A');
  });
});

describe('reading items', () => {
  it('returns all fields with the minimal-metadata envelope when nothing is selected', async () => {
    const answer = await get(`${FU}/items(2)`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('etag')).toBe('"1"');
    expect(answer.body).toMatchObject({
      'odata.metadata': `${server.siteUrl}/_api/$metadata#SP.ListData.Uppf_x00f6_ljning_x0020_handlingsplanerListItems/@Element`,
      'odata.type': 'SP.Data.Uppf_x00f6_ljning_x0020_handlingsplanerListItem',
      'odata.etag': '"1"',
      'odata.editLink': `Web/Lists(guid'${FIXTURE_FOLLOW_UP_LIST_ID}')/Items(2)`,
      Id: 2,
      ID: 2,
      Title: 'Plan B',
      SortOrder: 2,
      OwnersId: [1, 4],
      OwnersStringId: ['1', '4'],
      SubmittedById: null,
      Status: FIXTURE_STATUS.partly,
      PlanDocument: { Description: 'Plan B', Url: 'https://docs.example/B.pdf' },
      Created: '2020-05-02T10:00:00Z',
      Modified: '2020-05-02T10:00:00Z',
      AuthorId: 2,
      EditorId: 2,
    });
    expect(answer.body.Comment).toMatch(
      /^<div class="ExternalClass[0-9A-F]+"><p>Kommentar B<\/p><\/div>$/,
    );
    const one = await get(`${FU}/items(1)`);
    expect(one.body).toMatchObject({ SubmittedById: 1, SubmittedByStringId: '1' });
    expect(one.body.SubmittedAt).toBe('2020-05-10T08:30:00Z');
  });

  it('answers nometadata without the envelope, and items/getById(N) like items(N)', async () => {
    const answer = await get(
      `${FU}/items/getById(3)?$select=Id,Title`,
      'application/json;odata=nometadata',
    );
    expect(answer.headers.get('content-type')).toContain('odata=nometadata');
    expect(answer.body).toEqual({ Id: 3, Title: 'Plan C' });
  });

  it('refuses odata=verbose and non-JSON answers clearly', async () => {
    const verbose = await get(`${FU}/items`, 'application/json;odata=verbose');
    expect(verbose.status).toBe(400);
    expect(errorOf(verbose).value).toMatch(/odata=verbose is not emulated/);
    const atom = await get(`${FU}/items`, 'application/atom+xml');
    expect(atom.status).toBe(400);
  });

  it('filters with eq/ne/and/or on indexed columns, people and null', async () => {
    const ids = async (filter: string) =>
      values(await get(`${FU}/items?$select=Id&$filter=${encodeURIComponent(filter)}`)).map(
        (i) => i.Id,
      );
    expect(await ids("PeriodKey eq '2020-04'")).toEqual([1, 2, 3, 4]);
    expect(await ids("PeriodKey eq '2020-04' and OwnersId eq 4")).toEqual([2, 3]);
    expect(await ids("PlanKey eq 'a' or PlanKey eq 'e'")).toEqual([1, 5]);
    expect(await ids("PeriodKey ne '2020-04'")).toEqual([5]);
    expect(await ids('Status eq null')).toEqual([3]);
    expect(await ids('OwnersId eq null')).toEqual([4]);
    expect(await ids("InputState eq 'saknas'")).toEqual([3]);
    expect(await ids('SortOrder gt 1 and SortOrder le 3')).toEqual([2, 3]);
    expect(await ids("Modified ge datetime'2020-05-03T00:00:00Z'")).toEqual([3, 4, 5]);
    expect(await ids("Modified lt '2020-05-02T00:00:00.000Z'")).toEqual([1]);
    expect(await ids("startswith(Title,'plan ') and substringof('C',Title)")).toEqual([3]);
    expect(await ids('SubmittedById eq 1 and Id ne 4')).toEqual([1, 5]);
  });

  it('filters on person sub-properties only with $expand', async () => {
    const path = `${FU}/items?$select=Id&$filter=${encodeURIComponent("Owners/Title eq 'Dan Läsare'")}`;
    const withExpand = await get(`${path}&$expand=Owners`);
    expect(values(withExpand).map((i) => i.Id)).toEqual([2, 3]);
    const without = await get(path);
    expect(without.status).toBe(400);
    expect(errorOf(without).value).toMatch(/needs \$expand=Owners/);
  });

  it('answers 400 for unknown columns, Note columns and unsupported syntax', async () => {
    const unknown = await get(`${FU}/items?$filter=${encodeURIComponent("Nope eq 'x'")}`);
    expect(unknown.status).toBe(400);
    expect(errorOf(unknown)).toEqual({
      code: '-2147024809, System.ArgumentException',
      value: "Column 'Nope' does not exist. It may have been deleted by another user.",
    });
    const note = await get(`${FU}/items?$filter=${encodeURIComponent("Comment eq 'x'")}`);
    expect(note.status).toBe(400);
    expect(errorOf(note).value).toMatch(/of type 'Note' cannot be used in the query filter/);
    const syntax = await get(`${FU}/items?$filter=${encodeURIComponent("not Title eq 'x'")}`);
    expect(syntax.status).toBe(400);
    expect(errorOf(syntax).value).toMatch(/operator 'not'/);
    const mismatch = await get(`${FU}/items?$filter=${encodeURIComponent("SortOrder eq '1'")}`);
    expect(mismatch.status).toBe(400);
    const skip = await get(`${FU}/items?$skip=2`);
    expect(skip.status).toBe(400);
    expect(errorOf(skip).value).toMatch(/\$skip/);
    const other = await get(`${FU}/items?$count=true`);
    expect(other.status).toBe(400);
  });

  it('expands people with $select=F/Title,F/EMail,F/Id and requires $expand for it', async () => {
    const answer = await get(
      `${FU}/items?$select=Id,Owners/Title,Owners/EMail,Owners/Id,SubmittedBy/Title&$expand=Owners,SubmittedBy&$filter=Id le 2`,
      'application/json;odata=nometadata',
    );
    expect(values(answer)).toEqual([
      {
        Id: 1,
        Owners: [{ Title: 'Anna Ägare', EMail: 'anna@region.example', Id: 1 }],
        SubmittedBy: { Title: 'Anna Ägare' },
      },
      {
        Id: 2,
        Owners: [
          { Title: 'Anna Ägare', EMail: 'anna@region.example', Id: 1 },
          { Title: 'Dan Läsare', EMail: 'dan@region.example', Id: 4 },
        ],
        SubmittedBy: null,
      },
    ]);
    const minimal = await get(`${FU}/items(1)?$select=Owners/Title&$expand=Owners`);
    expect(minimal.body.Owners).toEqual([
      expect.objectContaining({ 'odata.type': 'SP.Data.UserInfoItem', Title: 'Anna Ägare' }),
    ]);
    const noExpand = await get(`${FU}/items?$select=Owners/Title`);
    expect(noExpand.status).toBe(400);
    expect(errorOf(noExpand).value).toBe(
      "The query to field 'Owners/Title' is not valid. The $select query string must specify the target fields and the $expand query string must contains Owners.",
    );
    const unknownSelect = await get(`${FU}/items?$select=Title,Nope`);
    expect(errorOf(unknownSelect).value).toBe("The field or property 'Nope' does not exist.");
  });

  it('fails like SharePoint when a projected multi-person e-mail is empty', async () => {
    const answer = await get(`${FU}/items(5)?$select=Owners/EMail&$expand=Owners`);
    expect(answer.status).toBe(500);
    expect(errorOf(answer).value).toBe('Cannot get value for projected field Owners_x005f_EMail.');
  });

  it('sorts with $orderby (then by Id) and supports $select=*', async () => {
    const answer = await get(`${FU}/items?$select=*&$orderby=SortOrder desc,PlanKey`);
    expect(values(answer).map((i) => i.PlanKey)).toEqual(['d', 'c', 'b', 'a', 'e']);
    expect(values(answer)[0]).toHaveProperty('Comment');
    const byText = await get(`${PERIODS}/items?$orderby=Title asc&$select=PeriodKey`);
    expect(values(byText).map((i) => i.PeriodKey)).toEqual(['2017-08', '2020-04']);
  });

  it('pages with $top and an absolute odata.nextLink in SharePoint’s $skiptoken shape', async () => {
    const first = await get(`${FU}/items?$select=Id,Title&$top=2`);
    expect(values(first).map((i) => i.Id)).toEqual([1, 2]);
    expect(first.body['odata.nextLink']).toBe(
      `${server.siteUrl}/${FU}/items?$select=Id,Title&$top=2&%24skiptoken=Paged%3dTRUE%26p_ID%3d2`,
    );
    const second = await fetch(String(first.body['odata.nextLink']), {
      headers: { Accept: 'application/json' },
    }).then((r) => r.json() as Promise<Body>);
    expect((second.value as Body[]).map((i) => i.Id)).toEqual([3, 4]);
    const third = await fetch(String(second['odata.nextLink']), {
      headers: { Accept: 'application/json' },
    }).then((r) => r.json() as Promise<Body>);
    expect((third.value as Body[]).map((i) => i.Id)).toEqual([5]);
    expect(third['odata.nextLink']).toBeUndefined();
  });

  it('pages in $orderby order, carrying the sort value in the skip token', async () => {
    const seen: unknown[] = [];
    let url: string | undefined =
      `${server.siteUrl}/${FU}/items?$select=Id&$orderby=SortOrder desc&$top=2`;
    while (url) {
      const page = (await fetch(url, { headers: { Accept: 'application/json' } }).then((r) =>
        r.json(),
      )) as Body;
      seen.push(...(page.value as Body[]).map((i) => i.Id));
      url = page['odata.nextLink'] as string | undefined;
    }
    expect(seen).toEqual([4, 3, 2, 1, 5]);
  });

  it('limits $top to 5000 and defaults to 100', async () => {
    expect((await get(`${FU}/items?$top=5001`)).status).toBe(400);
    initial = () => {
      const state = fixtureState();
      const list = state.lists[1];
      if (!list) throw new Error('fixture has lists');
      list.items = Array.from({ length: 150 }, (_, i) => ({
        Id: i + 1,
        version: 1,
        Created: '2020-01-01T00:00:00Z',
        Modified: '2020-01-01T00:00:00Z',
        AuthorId: 1,
        EditorId: 1,
        fields: { Title: `P${i + 1}`, PeriodKey: `k${i + 1}` },
      }));
      list.nextItemId = 151;
      return state;
    };
    site.reset();
    const page = await get(`${PERIODS}/items?$select=Id`);
    expect(values(page)).toHaveLength(100);
    expect(page.body['odata.nextLink']).toMatch(/p_ID%3d100$/);
  });

  it('enforces the list view threshold on non-indexed filters of large lists', async () => {
    await server.close();
    site = createLocalSite({
      createInitialState: fixtureState,
      now: () => NOW,
      listViewThreshold: 3,
    });
    server = await serveSite(site);
    const throttled = await get(`${FU}/items?$filter=${encodeURIComponent('SortOrder eq 1')}`);
    expect(throttled.status).toBe(500);
    expect(errorOf(throttled).code).toBe(
      '-2147024860, Microsoft.SharePoint.SPQueryThrottledException',
    );
    const sortedByText = await get(`${FU}/items?$orderby=Title`);
    expect(sortedByText.status).toBe(500);
    const indexed = await get(
      `${FU}/items?$filter=${encodeURIComponent("PeriodKey eq '2017-08' and SortOrder eq 1")}`,
    );
    expect(values(indexed).map((i) => i.Id)).toEqual([5]);
    const tooBroad = await get(
      `${FU}/items?$filter=${encodeURIComponent("PeriodKey eq '2020-04'")}`,
    );
    expect(tooBroad.status).toBe(500);
    expect((await get(`${FU}/items?$top=2`)).status).toBe(200);
  });

  it('answers 404 for an unknown item', async () => {
    const answer = await get(`${FU}/items(99)`);
    expect(answer.status).toBe(404);
    expect(errorOf(answer)).toEqual({
      code: '-2130575338, Microsoft.SharePoint.SPException',
      value: 'Item does not exist. It may have been deleted by another user.',
    });
  });
});

describe('writing items', () => {
  const newItem = {
    Title: 'Plan F',
    PlanKey: 'f',
    PeriodKey: '2020-04',
    PlanPeriodKey: 'f|2020-04',
    SortOrder: 6,
    OwnersId: [2, 4],
    SubmittedById: null,
    Status: FIXTURE_STATUS.notAssessed,
    StatusNote: 'Ska omarbetas',
    Comment: '<p>Ny <i>kommentar</i></p>',
    InputState: 'Utkast',
    PlanDocument: { Url: 'https://docs.example/F.pdf', Description: 'Plan F' },
    SubmittedAt: '2021-03-01T08:00:00.000Z',
  };

  it('POST …/items adds an item and answers 201 with it and its ETag', async () => {
    const answer = await call('POST', `${FU}/items`, {
      body: newItem,
      headers: { Cookie: 'LocalSiteUser=2' },
    });
    expect(answer.status).toBe(201);
    expect(answer.headers.get('etag')).toBe('"1"');
    expect(answer.body).toMatchObject({
      'odata.etag': '"1"',
      Id: 6,
      ID: 6,
      Title: 'Plan F',
      OwnersId: [2, 4],
      SubmittedById: null,
      SubmittedAt: '2021-03-01T08:00:00Z',
      Created: '2021-03-04T05:06:07Z',
      Modified: '2021-03-04T05:06:07Z',
      AuthorId: 2,
      EditorId: 2,
    });
    expect(answer.body.Comment).toMatch(
      /^<div class="ExternalClass[0-9A-F]{32}"><p>Ny <i>kommentar<\/i><\/p><\/div>$/,
    );
    expect(site.state().lists[0]?.items).toHaveLength(6);
  });

  it('refuses unknown properties, __metadata, bad choices and wrong types', async () => {
    const cases: [Body, RegExp][] = [
      [
        { Titel: 'x' },
        /^The property 'Titel' does not exist on type 'SP\.Data\.Uppf_x00f6_ljning_x0020_handlingsplanerListItem'\. Make sure to only use property names that are defined by the type\.$/,
      ],
      [
        { __metadata: { type: 'SP.Data.X' }, Title: 'x' },
        /The property '__metadata' does not exist/,
      ],
      [{ Status: 'Bra' }, /'Bra' is not one of the column's choices/],
      [{ SortOrder: '6' }, /expected a number/],
      [{ OwnersId: { results: [1] } }, /array of ids/],
      [{ OwnersId: [99] }, /no user with id 99/],
      [{ Owners: [1] }, /write a person or lookup column as 'OwnersId'/],
      [{ StatusNote: 'x'.repeat(256) }, /255 characters/],
      [{ PlanDocument: 'https://x' }, /expected \{ Url, Description \}/],
      [{ Id: 7 }, /read-only property 'Id'/],
    ];
    for (const [body, message] of cases) {
      const answer = await call('POST', `${FU}/items`, { body });
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(errorOf(answer).value).toMatch(message);
    }
    expect(site.state().lists[0]?.items).toHaveLength(5);
  });

  it('enforces unique columns on add and update as SharePoint does', async () => {
    const add = await call('POST', `${FU}/items`, {
      body: { Title: 'Dup', PlanPeriodKey: 'A|2020-04' },
    });
    expect(add.status).toBe(500);
    expect(errorOf(add)).toEqual({
      code: '-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException',
      value:
        'The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [PlanPeriodKey].',
    });
    const update = await call('POST', `${FU}/items(2)`, {
      body: { PlanPeriodKey: 'a|2020-04' },
      headers: { 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' },
    });
    expect(update.status).toBe(500);
    const same = await call('POST', `${FU}/items(1)`, {
      body: { PlanPeriodKey: 'a|2020-04' },
      headers: { 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' },
    });
    expect(same.status).toBe(204);
  });

  it('MERGE with the current ETag answers 204 with the next ETag; a stale one 412', async () => {
    const merge = (etag: string, body: Body, user = '4') =>
      call('POST', `${FU}/items(3)`, {
        body,
        headers: { 'X-HTTP-Method': 'MERGE', 'IF-MATCH': etag, Cookie: `LocalSiteUser=${user}` },
      });
    const first = await merge('"1"', { Status: FIXTURE_STATUS.good, Comment: '<p>Klart</p>' });
    expect(first.status).toBe(204);
    expect(first.headers.get('etag')).toBe('"2"');
    const stale = await merge('"1"', { Status: FIXTURE_STATUS.poor });
    expect(stale.status).toBe(412);
    expect(stale.body).toEqual({
      'odata.error': {
        code: '-1, Microsoft.SharePoint.Client.ClientServiceException',
        message: {
          lang: 'en-US',
          value: `The request ETag value '"1"' does not match the object's ETag value '"2"'.`,
        },
      },
    });
    const star = await merge('*', { InputState: 'Inskickad' }, '1');
    expect(star.headers.get('etag')).toBe('"3"');
    const item = await get(`${FU}/items(3)`);
    expect(item.body).toMatchObject({
      'odata.etag': '"3"',
      Status: FIXTURE_STATUS.good,
      InputState: 'Inskickad',
      EditorId: 1,
      AuthorId: 2,
      Modified: '2021-03-04T05:06:07Z',
      Created: '2020-05-03T10:00:00Z',
      Title: 'Plan C',
    });
    expect(item.body.Comment).toMatch(
      /^<div class="ExternalClass[0-9A-F]{32}"><p>Klart<\/p><\/div>$/,
    );
  });

  it('accepts PATCH and MERGE as methods, clears fields with null, and treats a missing IF-MATCH as *', async () => {
    const patch = await call('PATCH', `${FU}/items(1)`, { body: { Status: null, OwnersId: [] } });
    expect(patch.status).toBe(204);
    const merge = await call('MERGE', `${FU}/items(1)`, { body: { SortOrder: 9 } });
    expect(merge.headers.get('etag')).toBe('"3"');
    const item = await get(
      `${FU}/items(1)?$select=Status,OwnersId,SortOrder`,
      'application/json;odata=nometadata',
    );
    expect(item.body).toEqual({ Status: null, OwnersId: null, SortOrder: 9 });
  });

  it('DELETE removes the item (ETag checked); later requests get 404', async () => {
    const stale = await call('POST', `${FU}/items(4)`, {
      headers: { 'X-HTTP-Method': 'DELETE', 'IF-MATCH': '"7"' },
    });
    expect(stale.status).toBe(412);
    const deleted = await call('POST', `${FU}/items(4)`, {
      headers: { 'X-HTTP-Method': 'DELETE', 'IF-MATCH': '"1"' },
    });
    expect(deleted.status).toBe(204);
    expect((await get(`${FU}/items(4)`)).status).toBe(404);
    const again = await call('DELETE', `${FU}/items(4)`);
    expect(again.status).toBe(404);
    const created = await call('POST', `${FU}/items`, { body: { Title: 'after delete' } });
    expect(created.body.Id).toBe(6);
  });
});

describe('routing and local endpoints', () => {
  it('answers 501 for endpoints not emulated and 405 for wrong methods', async () => {
    const contentTypes = await get(`${FU}/contenttypes`);
    expect(contentTypes.status).toBe(501);
    expect(errorOf(contentTypes).value).toMatch(/does not emulate GET _api\/web\/lists/);
    expect((await get('_api/site')).status).toBe(501);
    expect((await call('DELETE', '_api/web')).status).toBe(405);
    expect((await call('POST', `${FU}/items(1)`, { body: {} })).status).toBe(405);
    expect((await call('PUT', `${FU}/items(1)`, { body: {} })).status).toBe(405);
  });

  it('passes requests outside the site to next()', async () => {
    const response = await fetch(`${server.origin}/index.html`);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('');
  });

  it('_local/users lists the people with their groups; signin sets the cookie', async () => {
    const users = await fetch(`${server.siteUrl}/_local/users`).then((r) => r.json());
    const members = 'Planuppföljning Members';
    expect(users).toEqual([
      {
        id: 1,
        login: 'anna@region.example',
        title: 'Anna Ägare',
        email: 'anna@region.example',
        groups: [members],
      },
      {
        id: 2,
        login: 'bo@region.example',
        title: 'Bo Samordnare',
        email: 'bo@region.example',
        groups: [FIXTURE_COORDINATORS, members],
      },
      {
        id: 3,
        login: 'cilla@region.example',
        title: 'Cilla Utan Post',
        email: '',
        groups: [members],
      },
      {
        id: 4,
        login: 'dan@region.example',
        title: 'Dan Läsare',
        email: 'dan@region.example',
        groups: [members],
      },
    ]);
    const signin = await fetch(`${server.siteUrl}/_local/signin`, {
      method: 'POST',
      body: JSON.stringify({ userId: 2 }),
    });
    expect(signin.status).toBe(204);
    expect(signin.headers.get('set-cookie')).toBe('LocalSiteUser=2; Path=/; SameSite=Lax');
    const bad = await fetch(`${server.siteUrl}/_local/signin`, {
      method: 'POST',
      body: JSON.stringify({ userId: 42 }),
    });
    expect(bad.status).toBe(400);
  });

  it('_local/reset goes back to the initial state', async () => {
    await call('POST', `${FU}/items`, { body: { Title: 'temporary' } });
    expect(site.state().lists[0]?.items).toHaveLength(6);
    const reset = await fetch(`${server.siteUrl}/_local/reset`, { method: 'POST' });
    expect(reset.status).toBe(204);
    expect(site.state().lists[0]?.items).toHaveLength(5);
  });

  it('injectFault answers the next matching requests with the status and Retry-After', async () => {
    site.injectFault({ status: 429, count: 2, retryAfterSeconds: 7, match: 'items' });
    expect((await get('_api/web')).status).toBe(200);
    const first = await get(`${FU}/items`);
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('7');
    expect((await get(`${FU}/items`)).status).toBe(429);
    expect((await get(`${FU}/items`)).status).toBe(200);
    await fetch(`${server.siteUrl}/_local/fault`, {
      method: 'POST',
      body: JSON.stringify({ status: 500, count: 1 }),
    });
    const failed = await get('_api/web');
    expect(failed.status).toBe(500);
    expect(failed.headers.get('retry-after')).toBeNull();
  });
});
