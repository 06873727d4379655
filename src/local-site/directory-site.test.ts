/**
 * The site and its tenant's directory over HTTP: who signs in, who the site has seen, what
 * `currentuser/Groups` lists and what permissions count, as SharePoint Online answers them for
 * the awkward cases of a real directory (directory.ts has the pure functions' own tests).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groupLoginName, type Directory } from './directory';
import { createLocalSite, type LocalSite } from './local-site';
import { ROLE_DEFINITION_IDS } from './permissions';
import type { SiteState } from './site-state';
import {
  fixtureState,
  serveSite,
  type FixtureServer,
  FIXTURE_COORDINATORS,
  FIXTURE_LISTS,
} from './test-fixture';

const FU = `_api/web/lists/getByTitle('${encodeURIComponent(FIXTURE_LISTS.followUps)}')`;
const PICKER =
  '_api/SP.UI.ApplicationPages.ClientPeoplePickerWebServiceInterface.clientPeoplePickerSearchUser';
const DIGEST = { 'X-RequestDigest': '0xABCDEF,04 Mar 2021 05:06:07 -0000' };
const OFFICE = '9d6c1f0e-3b51-4c55-9a43-2f0d8c2b7a10';
const EVA = 'eva.entra@region.example';

const DIRECTORY: Directory = {
  tenantId: '4f6b1d2e-8c3a-4e5f-9b7d-1a2c3e4f5a6b',
  users: [
    {
      id: 'a1b2c3d4-0000-4000-8000-000000000001',
      displayName: 'Anna Ägare',
      userPrincipalName: 'anna@region.example',
      mail: 'anna@region.example',
      accountEnabled: true,
    },
    {
      id: 'a1b2c3d4-0000-4000-8000-000000000005',
      displayName: 'Eva Entra',
      userPrincipalName: EVA,
      mail: 'eva.e@region.example',
      accountEnabled: true,
    },
    {
      id: 'a1b2c3d4-0000-4000-8000-000000000006',
      displayName: 'Erik Aldrig',
      userPrincipalName: 'erik.aldrig@region.example',
      mail: null,
      accountEnabled: true,
    },
  ],
  groups: [
    {
      id: OFFICE,
      displayName: 'Kansliet',
      memberIds: ['a1b2c3d4-0000-4000-8000-000000000005'],
    },
  ],
};

/**
 * The fixture with a directory behind it: the coordinators group holds Full Control on the site
 * and, besides Bo, the Entra group "Kansliet" (site principal 50), whose member Eva the site has
 * never seen; the members group only reads.
 */
function directoryState(): SiteState {
  const state = fixtureState();
  state.directory = DIRECTORY;
  state.users.push({
    Id: 50,
    Title: 'Kansliet',
    Email: '',
    LoginName: groupLoginName({ id: OFFICE }),
    UserPrincipalName: null,
    IsSiteAdmin: false,
    PrincipalType: 4,
  });
  state.groups[0] = { ...state.groups[0]!, memberIds: [2, 50] };
  state.roleAssignments = [
    { principalId: 5, roleDefId: ROLE_DEFINITION_IDS.fullControl },
    { principalId: 6, roleDefId: ROLE_DEFINITION_IDS.read },
  ];
  return state;
}

let site: LocalSite;
let server: FixtureServer;

beforeEach(async () => {
  site = createLocalSite({ createInitialState: directoryState });
  server = await serveSite(site);
});

afterEach(async () => {
  await server.close();
});

async function call(
  method: string,
  path: string,
  options: { body?: unknown; cookie?: string } = {},
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const response = await fetch(`${server.siteUrl}/${path}`, {
    method,
    headers: {
      Accept: 'application/json;odata=nometadata',
      ...(options.body === undefined ? {} : { 'Content-Type': 'application/json;charset=utf-8' }),
      ...(method === 'GET' ? {} : DIGEST),
      ...(options.cookie ? { Cookie: options.cookie } : {}),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
  };
}

/** Signs in through `_local/signin` and gives the cookie to send. */
async function signIn(login: string): Promise<string> {
  const answer = await call('POST', '_local/signin', { body: { login } });
  expect(answer.status).toBe(204);
  const cookie = answer.headers.get('set-cookie') ?? '';
  return cookie.split(';')[0] ?? '';
}

/** Whether SP.BasePermissions `{High, Low}` holds a PermissionKind (bit number + 1). */
function holds(mask: Record<string, unknown>, kind: number): boolean {
  const bit = kind - 1;
  const word = Number(bit < 32 ? mask.Low : mask.High);
  return ((word >>> (bit % 32)) & 1) === 1;
}

const MANAGE_PERMISSIONS = 26;
const EDIT_LIST_ITEMS = 3;

describe('a person the site has never seen', () => {
  it('signs in by UPN and is added to the site user list on the first request', async () => {
    expect(site.state().users.some((u) => u.UserPrincipalName === EVA)).toBe(false);
    const cookie = await signIn(EVA);
    const me = await call('GET', '_api/web/currentuser?$select=Id,Title,Email,LoginName', {
      cookie,
    });
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      Id: 51,
      Title: 'Eva Entra',
      Email: 'eva.e@region.example',
      LoginName: `i:0#.f|membership|${EVA}`,
    });
    const users = await call('GET', '_api/web/siteusers?$select=Id');
    expect((users.body.value as { Id: number }[]).map((u) => u.Id)).toContain(51);
  });

  it('is not listed in currentuser/Groups for a group held through an Entra group', async () => {
    const cookie = await signIn(EVA);
    const me = await call('GET', '_api/web/currentuser?$expand=Groups&$select=Id,Groups/Title', {
      cookie,
    });
    expect(me.body.Groups).toEqual([]);
    const bo = await call('GET', '_api/web/currentuser?$expand=Groups&$select=Id,Groups/Title', {
      cookie: 'LocalSiteUser=2',
    });
    expect(bo.body.Groups).toEqual([
      { Title: FIXTURE_COORDINATORS },
      { Title: 'Planuppföljning Members' },
    ]);
  });

  it('holds the rights of that group all the same, and loses them with the membership', async () => {
    const cookie = await signIn(EVA);
    const onList = await call('GET', `${FU}/EffectiveBasePermissions`, { cookie });
    expect(holds(onList.body, MANAGE_PERMISSIONS)).toBe(true);
    expect(holds(onList.body, EDIT_LIST_ITEMS)).toBe(true);

    // Out of the Entra group: only the site's own assignments apply, and she has none.
    site.state().directory = { ...DIRECTORY, groups: [{ ...DIRECTORY.groups[0]!, memberIds: [] }] };
    const after = await call('GET', `${FU}/EffectiveBasePermissions`, { cookie });
    expect(holds(after.body, EDIT_LIST_ITEMS)).toBe(false);
  });
});

describe('ensureuser and the people picker', () => {
  it('ensureuser adds a directory person by claims login and refuses an unknown one', async () => {
    const erik = await call('POST', '_api/web/ensureuser', {
      cookie: 'LocalSiteUser=2',
      body: { logonName: 'i:0#.f|membership|erik.aldrig@region.example' },
    });
    expect(erik.status).toBe(200);
    expect(erik.body).toMatchObject({ Title: 'Erik Aldrig', Email: '', PrincipalType: 1 });
    const again = await call('POST', '_api/web/ensureuser', {
      cookie: 'LocalSiteUser=2',
      body: { logonName: 'erik.aldrig@region.example' },
    });
    expect(again.body.Id).toBe(erik.body.Id);
    const unknown = await call('POST', '_api/web/ensureuser', {
      cookie: 'LocalSiteUser=2',
      body: { logonName: 'i:0#.f|membership|nobody@region.example' },
    });
    expect(unknown.status).toBe(404);
  });

  it('the people picker searches the directory, not the site user list', async () => {
    const answer = await call('POST', PICKER, {
      cookie: 'LocalSiteUser=2',
      body: {
        queryParams: {
          QueryString: 'Er',
          MaximumEntitySuggestions: 10,
          PrincipalType: 1,
          PrincipalSource: 15,
          AllowEmailAddresses: false,
          AllowMultipleEntities: false,
          AllUrlZones: false,
        },
      },
    });
    expect(answer.status).toBe(200);
    expect(typeof answer.body.value).toBe('string');
    const entities = JSON.parse(answer.body.value as string) as { Key: string }[];
    expect(entities.map((e) => e.Key)).toEqual(['i:0#.f|membership|erik.aldrig@region.example']);
    expect(site.state().users.some((u) => u.UserPrincipalName?.startsWith('erik'))).toBe(false);
  });
});

describe('_local/users', () => {
  it('lists the site users and the directory people it has not seen, with effective groups', async () => {
    const people = (await call('GET', '_local/users')).body as unknown as {
      id: number | null;
      login: string;
      groups: string[];
    }[];
    expect(people.map((p) => p.login)).toEqual([
      'anna@region.example',
      'bo@region.example',
      'cilla@region.example',
      'dan@region.example',
      EVA,
      'erik.aldrig@region.example',
    ]);
    const eva = people.find((p) => p.login === EVA);
    expect(eva).toMatchObject({ id: null });
    // Once seen, Eva holds the coordinators group through Kansliet.
    await call('GET', '_api/web/currentuser?$select=Id', { cookie: await signIn(EVA) });
    const seen = (await call('GET', '_local/users')).body as unknown as typeof people;
    expect(seen.find((p) => p.login === EVA)).toMatchObject({
      id: 51,
      groups: [FIXTURE_COORDINATORS],
    });
  });
});
