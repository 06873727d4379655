/**
 * Item-level permissions of the local site over HTTP: writes are refused with SharePoint's 403
 * unless the signed-in user holds Contribute or more on the item (directly or through a group),
 * and only holders of Full Control change permissions. Mostly against the demo site, whose
 * follow-ups carry the permissions the app's `secureFollowUp` gives them.
 */
import { InjectHeaders, type HttpRequestError } from '@pnp/queryable';
import { spfi, SPBrowser } from '@pnp/sp';
import '@pnp/sp/batching';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/webs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_COORDINATOR_ID } from '../../src/demo/demo-people';
import { demoGroupId, loadDemoState } from '../../src/demo/load-demo-state';
import { COORDINATOR_GROUP } from '../../src/adapters/sharepoint/schema';
import { createLocalSite, USER_COOKIE, type LocalSite } from '../../src/local-site/local-site';
import { ROLE_DEFINITION_IDS } from '../../src/local-site/permissions';
import type { ListItemRecord, SiteState } from '../../src/local-site/site-state';
import {
  fixtureState,
  serveSite,
  type FixtureServer,
  FIXTURE_LISTS,
  FIXTURE_STATUS,
} from '../../src/local-site/test-fixture';

const DEMO_COORDINATOR_GROUP_ID = demoGroupId(COORDINATOR_GROUP);
const FU = `_api/web/lists/getByTitle('${encodeURIComponent(FIXTURE_LISTS.followUps)}')`;
const DIGEST = { 'X-RequestDigest': '0xABCDEF,04 Mar 2021 05:06:07 -0000' };
const ACCESS_DENIED = {
  'odata.error': {
    code: '-2147024891, System.UnauthorizedAccessException',
    message: {
      lang: 'en-US',
      value:
        'Access denied. You do not have permission to perform this action or access this resource.',
    },
  },
};

const ANNA = 11;
const BJORN = 12;
const HANNA = 20;

let site: LocalSite;
let server: FixtureServer;

async function start(initial: () => SiteState): Promise<void> {
  site = createLocalSite({ createInitialState: initial });
  server = await serveSite(site);
}

beforeEach(async () => {
  await start(loadDemoState);
});

afterEach(async () => {
  await server.close();
});

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

async function call(
  userId: number,
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const response = await fetch(`${server.siteUrl}/${path}`, {
    method,
    headers: {
      Accept: 'application/json;odata=nometadata',
      Cookie: `${USER_COOKIE}=${userId}`,
      ...(options.body === undefined ? {} : { 'Content-Type': 'application/json;charset=utf-8' }),
      ...(method === 'GET' ? {} : DIGEST),
      ...options.headers,
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
  };
}

function followUp(key: string): ListItemRecord {
  const list = site.state().lists.find((l) => l.Title === FIXTURE_LISTS.followUps);
  const item = list?.items.find((i) => i.fields.PlanPeriodKey === key);
  if (!item) throw new Error(`no follow-up ${key}`);
  return item;
}

const merge = (userId: number, key: string, body: unknown = { Status: FIXTURE_STATUS.good }) =>
  call(userId, 'POST', `${FU}/items(${followUp(key).Id})`, {
    body,
    headers: { 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' },
  });

describe('writes to follow-ups', () => {
  it('lets an owner change their own item of the open period', async () => {
    const answer = await merge(ANNA, 'lakemedel|2020-08');
    expect(answer.status).toBe(204);
    expect(followUp('lakemedel|2020-08').fields.Status).toBe(FIXTURE_STATUS.good);
  });

  it('refuses an owner another owner’s item with SharePoint’s 403, changing nothing', async () => {
    const answer = await merge(BJORN, 'lakemedel|2020-08');
    expect(answer).toEqual({ status: 403, body: ACCESS_DENIED });
    expect(followUp('lakemedel|2020-08').version).toBe(1);
    expect(followUp('lakemedel|2020-08').fields).not.toHaveProperty('Status');
  });

  it('refuses an owner their own item of a locked period', async () => {
    expect((await merge(ANNA, 'lakemedel|2020-04')).status).toBe(403);
    const del = await call(ANNA, 'POST', `${FU}/items(${followUp('lakemedel|2020-04').Id})`, {
      headers: { 'X-HTTP-Method': 'DELETE', 'IF-MATCH': '*' },
    });
    expect(del.status).toBe(403);
  });

  it('lets the coordinator (through the group, not as site admin) change any item', async () => {
    const coordinator = site.state().users.find((u) => u.Id === DEMO_COORDINATOR_ID);
    expect(coordinator?.IsSiteAdmin).toBe(false);
    for (const key of ['lakemedel|2020-08', 'cancervard|2020-08', 'lakemedel|2020-04']) {
      expect((await merge(DEMO_COORDINATOR_ID, key)).status).toBe(204);
    }
  });

  it('refuses a reader every write but lets them read every item', async () => {
    expect((await merge(HANNA, 'lakemedel|2020-08')).status).toBe(403);
    const read = await call(HANNA, 'GET', `${FU}/items?$select=Id&$top=100`);
    expect(read.status).toBe(200);
    expect(read.body.value).toHaveLength(41);
  });

  it('refuses a new item from a member without Contribute on the list', async () => {
    const body = {
      Title: 'Ny plan',
      PlanKey: 'ny',
      PeriodKey: '2020-08',
      PlanPeriodKey: 'ny|2020-08',
    };
    expect(await call(ANNA, 'POST', `${FU}/items`, { body })).toEqual({
      status: 403,
      body: ACCESS_DENIED,
    });
    expect((await call(DEMO_COORDINATOR_ID, 'POST', `${FU}/items`, { body })).status).toBe(201);
  });

  it('refuses an owner the period list (coordinators only)', async () => {
    const periods = `_api/web/lists/getByTitle('${encodeURIComponent(FIXTURE_LISTS.periods)}')`;
    const headers = { 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' };
    const body = { Summary: '<p>Ägarens text</p>' };
    expect((await call(ANNA, 'POST', `${periods}/items(3)`, { body, headers })).status).toBe(403);
    const coordinator = await call(DEMO_COORDINATOR_ID, 'POST', `${periods}/items(3)`, {
      body,
      headers,
    });
    expect(coordinator.status).toBe(204);
  });

  it('lets a site admin write anything', async () => {
    await server.close();
    await start(() => {
      const state = loadDemoState();
      return {
        ...state,
        users: state.users.map((u) => (u.Id === HANNA ? { ...u, IsSiteAdmin: true } : u)),
      };
    });
    expect((await merge(HANNA, 'lakemedel|2020-04')).status).toBe(204);
  });

  it('keeps a state without permission data open to every site user', async () => {
    await server.close();
    await start(fixtureState);
    const answer = await call(4, 'POST', `${FU}/items(1)`, {
      body: { Status: FIXTURE_STATUS.poor },
      headers: { 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' },
    });
    expect(answer.status).toBe(204);
  });
});

describe('EffectiveBasePermissions of a list and of an item', () => {
  /** Whether the mask holds PermissionKind `kind` (bit kind - 1 of the 64, as SP.BasePermissions). */
  const holds = (mask: Record<string, unknown>, kind: number) => {
    const bit = kind - 1;
    const word = Number(bit < 32 ? mask.Low : mask.High);
    return ((word >>> (bit % 32)) & 1) === 1;
  };
  const EDIT = 3;
  const ADD = 2;
  const VIEW = 1;

  it('computes them from the role assignments of the item, as the owner and others hold them', async () => {
    const item = `${FU}/items(${followUp('lakemedel|2020-08').Id})/EffectiveBasePermissions`;
    const anna = await call(ANNA, 'GET', item);
    expect(anna.status).toBe(200);
    expect(holds(anna.body, EDIT)).toBe(true);
    const bjorn = await call(BJORN, 'GET', item);
    expect(holds(bjorn.body, VIEW)).toBe(true);
    expect(holds(bjorn.body, EDIT)).toBe(false);
    const list = (user: number) => call(user, 'GET', `${FU}/EffectiveBasePermissions`);
    expect(holds((await list(ANNA)).body, ADD)).toBe(false);
    expect(holds((await list(DEMO_COORDINATOR_ID)).body, ADD)).toBe(true);
    expect(holds((await list(HANNA)).body, VIEW)).toBe(true);
  });
});

describe('reading trims what the user may not see', () => {
  it('leaves out items without Read for the user, and answers 404 for one of them', async () => {
    const item = followUp('lakemedel|2020-08');
    item.uniqueRoleAssignments = [
      { principalId: DEMO_COORDINATOR_GROUP_ID, roleDefId: ROLE_DEFINITION_IDS.fullControl },
      { principalId: ANNA, roleDefId: ROLE_DEFINITION_IDS.contribute },
    ];
    const filter = `$select=Id&$filter=${encodeURIComponent("PlanKey eq 'lakemedel'")}`;
    const asBjorn = await call(BJORN, 'GET', `${FU}/items?${filter}`);
    expect((asBjorn.body.value as { Id: number }[]).map((i) => i.Id)).not.toContain(item.Id);
    expect((asBjorn.body.value as unknown[]).length).toBe(2);
    expect((await call(ANNA, 'GET', `${FU}/items?${filter}`)).body.value).toHaveLength(3);
    expect((await call(BJORN, 'GET', `${FU}/items(${item.Id})`)).status).toBe(404);
    expect((await merge(BJORN, 'lakemedel|2020-08')).status).toBe(404);
  });
});

describe('permission endpoints', () => {
  const securable = (key: string) => `${FU}/items(${followUp(key).Id})`;

  it('refuses breaking, resetting and granting to someone without Full Control', async () => {
    const item = securable('lakemedel|2020-08');
    for (const path of [
      `${item}/breakroleinheritance(copyRoleAssignments=false,clearSubscopes=true)`,
      `${item}/resetroleinheritance`,
      `${item}/roleassignments/addroleassignment(principalid=${BJORN},roledefid=${ROLE_DEFINITION_IDS.contribute})`,
    ]) {
      expect(await call(ANNA, 'POST', path)).toEqual({ status: 403, body: ACCESS_DENIED });
    }
    expect((await merge(BJORN, 'lakemedel|2020-08')).status).toBe(403);
  });

  it('lets the coordinator give an item to a new owner and take it from the old one', async () => {
    const item = securable('lakemedel|2020-08');
    const post = (path: string) => call(DEMO_COORDINATOR_ID, 'POST', `${item}/${path}`);
    expect(await post('resetroleinheritance')).toEqual({
      status: 200,
      body: { 'odata.null': true },
    });
    expect((await call(ANNA, 'GET', `${item}/HasUniqueRoleAssignments`)).body).toEqual({
      value: false,
    });
    // Inheriting the list: Anna reads, but may no longer write.
    expect((await merge(ANNA, 'lakemedel|2020-08')).status).toBe(403);
    expect(
      (await post('breakroleinheritance(copyRoleAssignments=false, clearSubscopes=true)')).status,
    ).toBe(200);
    expect(followUp('lakemedel|2020-08').uniqueRoleAssignments).toEqual([
      { principalId: DEMO_COORDINATOR_ID, roleDefId: ROLE_DEFINITION_IDS.fullControl },
    ]);
    const add = (principal: number, role: number) =>
      post(`roleassignments/addroleassignment(principalid=${principal},roledefid=${role})`);
    expect((await add(BJORN, ROLE_DEFINITION_IDS.contribute)).status).toBe(200);
    expect((await merge(BJORN, 'lakemedel|2020-08')).status).toBe(204);
    expect((await merge(ANNA, 'lakemedel|2020-08')).status).toBe(404);

    const assignment = await call(
      DEMO_COORDINATOR_ID,
      'GET',
      `${item}/roleassignments/getbyprincipalid(${BJORN})?$expand=RoleDefinitionBindings`,
    );
    expect(assignment.body).toMatchObject({
      PrincipalId: BJORN,
      RoleDefinitionBindings: [{ Id: ROLE_DEFINITION_IDS.contribute, Name: 'Contribute' }],
    });
    const removed = await call(
      DEMO_COORDINATOR_ID,
      'POST',
      `${item}/roleassignments/getbyprincipalid(${BJORN})`,
      { headers: { 'X-HTTP-Method': 'DELETE' } },
    );
    expect(removed.status).toBe(200);
    expect((await merge(BJORN, 'lakemedel|2020-08')).status).toBe(404);
  });

  it('refuses grants on an item that inherits, and unknown principals', async () => {
    const item = securable('lakemedel|2020-08');
    await call(DEMO_COORDINATOR_ID, 'POST', `${item}/resetroleinheritance`);
    const grant = `${item}/roleassignments/addroleassignment(principalid=${BJORN},roledefid=${ROLE_DEFINITION_IDS.contribute})`;
    const inherits = await call(DEMO_COORDINATOR_ID, 'POST', grant);
    expect(inherits.status).toBe(400);
    expect(JSON.stringify(inherits.body)).toContain('object that inherits permissions');
    await call(DEMO_COORDINATOR_ID, 'POST', `${item}/breakroleinheritance(true)`);
    const unknown = await call(
      DEMO_COORDINATOR_ID,
      'POST',
      `${item}/roleassignments/addroleassignment(principalid=999,roledefid=${ROLE_DEFINITION_IDS.read})`,
    );
    expect(unknown.status).toBe(404);
    expect(JSON.stringify(unknown.body)).toContain('Can not find the principal with id: 999.');
  });

  it('lists the role definitions and finds them by type', async () => {
    const all = await call(ANNA, 'GET', '_api/web/roledefinitions?$select=Id,Name,RoleTypeKind');
    expect(all.body.value).toContainEqual({
      Id: 1073741829,
      Name: 'Full Control',
      RoleTypeKind: 5,
    });
    const expected: [number, number, string][] = [
      [2, 1073741826, 'Read'],
      [3, 1073741827, 'Contribute'],
      [5, 1073741829, 'Full Control'],
      [6, 1073741830, 'Edit'],
    ];
    for (const [type, id, name] of expected) {
      const one = await call(ANNA, 'GET', `_api/web/roledefinitions/getbytype(${type})`);
      expect(one.body).toMatchObject({ Id: id, Name: name, RoleTypeKind: type });
    }
    expect((await call(ANNA, 'GET', '_api/web/roledefinitions/getbytype(9)')).status).toBe(404);
  });
});

describe('$batch', () => {
  it('refuses the parts the caller may not write and runs the others', async () => {
    const own = followUp('lakemedel|2020-08');
    const others = followUp('cancervard|2020-08');
    const sp = spfi(server.siteUrl).using(
      SPBrowser({ baseUrl: server.siteUrl }),
      InjectHeaders({ Cookie: `${USER_COOKIE}=${ANNA}` }),
    );
    const [batched, execute] = sp.batched();
    const items = batched.web.lists.getByTitle(FIXTURE_LISTS.followUps).items;
    const mine = items.getById(own.Id).update({ Status: FIXTURE_STATUS.good }, '"1"');
    const theirs = items.getById(others.Id).update({ Status: FIXTURE_STATUS.poor }, '"1"');
    theirs.catch(() => undefined);
    await execute();
    expect(await mine).toEqual({ etag: '"2"' });
    const error = await theirs.then(
      () => null,
      (e: unknown) => e as HttpRequestError,
    );
    expect(error?.status).toBe(403);
    expect(await error?.response.json()).toEqual(ACCESS_DENIED);
    expect(followUp('cancervard|2020-08').version).toBe(1);
    expect(followUp('cancervard|2020-08').fields).not.toHaveProperty('Status');
    expect(followUp('lakemedel|2020-08').fields.Status).toBe(FIXTURE_STATUS.good);
  });
});

describe('group membership', () => {
  /** The Entra security group the demo's coordinator group also holds. */
  const office = () => site.state().users.find((u) => u.PrincipalType === 4)?.Id;
  const members = () =>
    site.state().groups.find((g) => g.Id === DEMO_COORDINATOR_GROUP_ID)?.memberIds;
  const add = (userId: number, loginName: string) =>
    call(userId, 'POST', `_api/web/sitegroups/getbyid(${DEMO_COORDINATOR_GROUP_ID})/users`, {
      body: { LoginName: loginName },
    });

  it('lets a holder of Manage Permissions add a site user, once, and answers the user', async () => {
    const anna = site.state().users.find((u) => u.Id === ANNA);
    if (!anna) throw new Error('no Anna in the demo');
    const answer = await add(DEMO_COORDINATOR_ID, anna.LoginName);
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ Id: ANNA, LoginName: anna.LoginName });
    expect((await add(DEMO_COORDINATOR_ID, anna.LoginName)).status).toBe(201);
    expect(members()).toEqual([DEMO_COORDINATOR_ID, office(), ANNA]);
  });

  it('refuses someone without Manage Permissions, and a login the site does not know', async () => {
    const hanna = site.state().users.find((u) => u.Id === HANNA);
    if (!hanna) throw new Error('no Hanna in the demo');
    expect(await add(ANNA, hanna.LoginName)).toEqual({ status: 403, body: ACCESS_DENIED });
    const unknown = await add(DEMO_COORDINATOR_ID, 'i:0#.f|membership|nobody@region.example');
    expect(unknown.status).toBe(404);
    expect(members()).toEqual([DEMO_COORDINATOR_ID, office()]);
  });
});
