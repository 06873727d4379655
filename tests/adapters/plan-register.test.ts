import type { Queryable } from '@pnp/queryable';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { noTokenProvider } from '../../src/adapters/auth/token-provider';
import { SharePointPeriodAdmin } from '../../src/adapters/sharepoint/period-admin';
import { SharePointPlanRegister } from '../../src/adapters/sharepoint/plan-register';
import {
  SharePointFollowUpRepository,
  SharePointPeriodRepository,
} from '../../src/adapters/sharepoint/sharepoint-repositories';
import { createSpClient } from '../../src/adapters/sharepoint/sp-client';
import type { FollowUp, Person } from '../../src/domain/follow-up';
import type { PlanDraft } from '../../src/domain/plan-register';
import { endingPeriods, reorder } from '../../src/domain/plan-register';
import { lifecycleIn } from '../../src/domain/follow-up';
import type { PeriodKey } from '../../src/domain/period';
import type { Viewer } from '../../src/domain/rules';
import { DEMO_COORDINATOR_ID } from '../../src/demo/demo-people';
import { loadDemoState } from '../../src/demo/load-demo-state';
import { KARIN_VIEWER, signedIn } from './signed-in';
import { createLocalSite, USER_COOKIE } from '../../src/local-site/local-site';
import { serveSite, type FixtureServer } from '../../src/local-site/test-fixture';
import { ROLE_DEFINITION_IDS } from '../../src/local-site/permissions';
import { PERIOD_LIST } from '../../src/adapters/sharepoint/schema';

const site = createLocalSite({ createInitialState: loadDemoState });
let server: FixtureServer;
let batches = 0;
beforeAll(async () => {
  server = await serveSite(site);
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  site.reset();
  batches = 0;
});

const karin: Viewer = {
  id: DEMO_COORDINATOR_ID,
  name: 'Karin Samordnare',
  upn: '',
  role: 'coordinator',
};
const NOW = new Date('2020-09-20T08:00:00Z');

function as(userId: number) {
  const behaviour = (instance: Queryable) => {
    instance.on.pre(async (url, init, result) => {
      if (url.includes('/_api/$batch')) batches += 1;
      init.headers = {
        ...(init.headers as Record<string, string>),
        Cookie: `${USER_COOKIE}=${userId}`,
      };
      return [url, init, result];
    });
    return instance;
  };
  const sp = createSpClient(server.siteUrl, noTokenProvider, behaviour);
  return {
    register: new SharePointPlanRegister(sp),
    admin: new SharePointPeriodAdmin(sp, undefined, () => NOW),
    periods: new SharePointPeriodRepository(sp),
    followUps: new SharePointFollowUpRepository(sp),
  };
}

async function openPeriod() {
  const c = as(DEMO_COORDINATOR_ID);
  const [period] = await c.periods.list();
  if (!period) throw new Error('no period');
  expect(period.state).toBe('open');
  return { c, period, followUps: await c.followUps.listForPeriods([period.key]) };
}

/** A direct save by a person on the follow-up (as SharePoint allows or refuses it). */
async function writes(person: Person, itemId: number): Promise<boolean> {
  const owner = as(person.id);
  const [period] = await owner.periods.list();
  if (!period) throw new Error('no period');
  const item = (await owner.followUps.listForPeriods([period.key])).find(
    (f) => f.itemId === itemId,
  );
  if (!item) throw new Error('not readable');
  try {
    await owner.followUps.saveInput(
      item,
      { status: 'good', statusNote: '', comment: '<p>Direkt.</p>' },
      'draft',
      { ...person, role: 'member' },
    );
    return true;
  } catch (error) {
    expect(error).toMatchObject({ kind: 'forbidden' });
    return false;
  }
}

/** A demo user as the people picker hands them over (their claims key), ensured on the site. */
async function person(name: string): Promise<Person> {
  const user = loadDemoState().users.find((u) => u.Title === name);
  if (!user?.UserPrincipalName) throw new Error(`no ${name}`);
  return as(DEMO_COORDINATOR_ID).register.ensurePerson({
    key: user.LoginName,
    name,
    upn: user.UserPrincipalName,
  });
}

const draft = (owners: Person[]): PlanDraft => ({
  title: 'Handlingsplan för digital vård',
  validity: '2020 - 2022',
  decision: 'RD 2020-01-01',
  diaryNumber: 'RS/1/2020',
  documentUrl: 'https://docs.example/digital.pdf',
  owners,
});

describe('ensurePerson', () => {
  it('gives the site user of a claims key, with the UPN from their login name', async () => {
    const requests: string[] = [];
    const register = new SharePointPlanRegister(
      createSpClient(server.siteUrl, noTokenProvider, signedIn(DEMO_COORDINATOR_ID, requests)),
    );
    const anna = await register.ensurePerson({
      key: 'i:0#.f|membership|anna.lindgren@region.example',
      name: 'Anna L',
      upn: 'anna.lindgren@region.example',
    });
    expect(anna).toEqual({ id: 11, name: 'Anna Lindgren', upn: 'anna.lindgren@region.example' });
    // Without a bearer token PnP asks for a form digest first. The user and the Read level in
    // one batch (its parts, then the batch itself), then Read on the periods list.
    expect(requests.filter((r) => !r.endsWith('/_api/contextinfo'))).toEqual([
      `POST ${server.siteUrl}/_api/web/ensureuser`,
      expect.stringMatching(/^GET .*\/roleDefinitions\/getbytype\(2\)/),
      `POST ${server.siteUrl}/_api/$batch`,
      expect.stringMatching(/^POST .*\/roleAssignments\/addroleassignment\(principalid=11, /),
    ]);
  });

  it('lets a person new to the site read the periods they will report in', async () => {
    const state = site.state();
    const periods = state.lists.find((l) => l.Title === PERIOD_LIST.title);
    const olof = await as(DEMO_COORDINATOR_ID).register.ensurePerson({
      key: 'i:0#.f|membership|olof.persson@region.example',
      name: 'Olof Persson',
      upn: 'olof.persson@region.example',
    });
    expect(state.users.some((u) => u.Id === olof.id)).toBe(true);
    expect(periods?.roleAssignments).toContainEqual({
      principalId: olof.id,
      roleDefId: ROLE_DEFINITION_IDS.read,
    });
    // He reads them as himself.
    expect(await as(olof.id).periods.list()).toHaveLength(3);
  });

  it('rejects someone SharePoint cannot find as not found', async () => {
    await expect(
      as(DEMO_COORDINATOR_ID).register.ensurePerson({
        key: 'i:0#.f|membership|nobody@region.example',
        name: 'Ingen Alls',
        upn: 'nobody@region.example',
      }),
    ).rejects.toMatchObject({ kind: 'not-found' });
  });
});

describe('addPlan and updatePlan', () => {
  it('adds a plan last in order that its owner (and nobody else) may write', async () => {
    const { c, period, followUps } = await openPeriod();
    const anna = await person('Anna Lindgren');
    const bjorn = await person('Björn Ekholm');

    const added = await c.register.addPlan(period, draft([anna]));

    expect(added).toMatchObject({
      planKey: 'handlingsplan-for-digital-vard',
      periodKey: period.key,
      title: 'Handlingsplan för digital vård',
      validity: '2020–2022',
      documentUrl: 'https://docs.example/digital.pdf',
      owners: [{ id: anna.id }],
      lifecycle: 'active',
      inputState: 'missing',
      sortOrder: Math.max(...followUps.map((f) => f.sortOrder)) + 1,
    });
    expect(await writes(anna, added.itemId)).toBe(true);
    expect(await writes(bjorn, added.itemId)).toBe(false);

    // The same title again gets a key of its own.
    const again = await c.register.addPlan(period, draft([bjorn]));
    expect(again.planKey).toBe('handlingsplan-for-digital-vard-2');
  });

  it('changes the owners: the new owner may write, the old one no longer', async () => {
    const { c, period } = await openPeriod();
    const anna = await person('Anna Lindgren');
    const bjorn = await person('Björn Ekholm');
    const added = await c.register.addPlan(period, draft([anna]));

    const updated = await c.register.updatePlan(added, {
      ...draft([bjorn]),
      title: 'Digital vård',
      documentUrl: '',
    });

    expect(updated).toMatchObject({ title: 'Digital vård', documentUrl: null });
    expect(updated.owners.map((o) => o.id)).toEqual([bjorn.id]);
    expect(await writes(bjorn, added.itemId)).toBe(true);
    expect(await writes(anna, added.itemId)).toBe(false);
  });

  it('refuses a stale version with a conflict, and an invalid draft before sending', async () => {
    const { c, followUps } = await openPeriod();
    const plan = followUps[0] as FollowUp;
    const anna = await person('Anna Lindgren');
    await c.register.updatePlan(plan, { ...draft([anna]), title: 'Först' });

    await expect(
      c.register.updatePlan(plan, { ...draft([anna]), title: 'Sist' }),
    ).rejects.toMatchObject({ kind: 'conflict' });
    await expect(c.register.updatePlan(plan, draft([]))).rejects.toMatchObject({
      kind: 'invalid-data',
    });
  });
});

describe('reorder and retire', () => {
  it('writes the new orders in one $batch', async () => {
    const { c, period, followUps } = await openPeriod();
    const [last, before] = [...followUps].sort((a, b) => b.sortOrder - a.sortOrder) as [
      FollowUp,
      FollowUp,
    ];
    const changes = reorder(followUps, last.planKey, 'up');
    expect(changes).toHaveLength(2);

    batches = 0;
    await c.register.reorder(changes);

    expect(batches).toBe(1);
    const after = await c.followUps.listForPeriods([period.key]);
    expect(after.find((f) => f.itemId === last.itemId)?.sortOrder).toBe(before.sortOrder);
    expect(after.find((f) => f.itemId === before.itemId)?.sortOrder).toBe(last.sortOrder);
  });

  it('retires a plan: Lifecycle Avslutad, and the next rollover leaves it out', async () => {
    const { c, period, followUps } = await openPeriod();
    const plan = followUps.find((f) => f.planKey === 'lakemedel') as FollowUp;

    const retired = await c.register.end(plan, { kind: 'retired', from: period.key });
    expect(retired).toMatchObject({ lifecycle: 'retired', lifecycleFrom: period.key });
    expect(lifecycleIn(retired)).toBe('retired');

    const current = await c.followUps.listForPeriods([period.key]);
    const result = await c.admin.rollover(period, current, KARIN_VIEWER);
    const next = await c.followUps.listForPeriods([result.periodKey]);
    expect(next.length).toBe(current.length - 1);
    expect(next.some((f) => f.planKey === 'lakemedel')).toBe(false);
  });

  it('marks a plan replaced by another from the next period: followed up now, not carried over', async () => {
    const { c, period, followUps } = await openPeriod();
    const plan = followUps.find((f) => f.planKey === 'lakemedel') as FollowUp;
    const successor = followUps.find((f) => f.planKey !== 'lakemedel') as FollowUp;
    const nextKey = endingPeriods(plan)[1] as PeriodKey;

    const replaced = await c.register.end(plan, {
      kind: 'replaced',
      from: nextKey,
      replacedBy: successor.planKey,
    });
    expect(replaced).toMatchObject({
      lifecycle: 'replaced',
      lifecycleFrom: nextKey,
      replacedBy: successor.planKey,
    });
    // Still followed up in this period.
    expect(lifecycleIn(replaced)).toBe('active');

    const current = await c.followUps.listForPeriods([period.key]);
    const result = await c.admin.rollover(period, current, KARIN_VIEWER);
    expect(result.periodKey).toBe(nextKey);
    const next = await c.followUps.listForPeriods([result.periodKey]);
    expect(next.some((f) => f.planKey === 'lakemedel')).toBe(false);
    expect(next.some((f) => f.planKey === successor.planKey)).toBe(true);
  });

  it('refuses an ending that is not valid before sending', async () => {
    const { c, period, followUps } = await openPeriod();
    const plan = followUps[0] as FollowUp;
    await expect(
      c.register.end(plan, { kind: 'replaced', from: period.key, replacedBy: plan.planKey }),
    ).rejects.toMatchObject({ kind: 'invalid-data' });
    await expect(
      c.register.end(plan, { kind: 'retired', from: '2016-04' as PeriodKey }),
    ).rejects.toMatchObject({ kind: 'invalid-data' });
    const after = await c.followUps.listForPeriods([period.key]);
    expect(after.find((f) => f.itemId === plan.itemId)?.version).toBe(plan.version);
  });

  it('refuses changes to a locked period before sending', async () => {
    const { c, period, followUps } = await openPeriod();
    const anna = await person('Anna Lindgren');
    await c.admin.lock(period, followUps, karin);
    const plan = followUps[0] as FollowUp;

    await expect(c.register.end(plan, { kind: 'retired', from: period.key })).rejects.toMatchObject(
      { kind: 'forbidden' },
    );
    await expect(c.register.updatePlan(plan, draft([anna]))).rejects.toMatchObject({
      kind: 'forbidden',
    });
    await expect(c.register.addPlan(period, draft([anna]))).rejects.toMatchObject({
      kind: 'forbidden',
    });
    await expect(
      c.register.reorder(reorder(followUps, plan.planKey, 'down')),
    ).rejects.toMatchObject({ kind: 'forbidden' });
    const after = await c.followUps.listForPeriods([period.key]);
    expect(after.find((f) => f.itemId === plan.itemId)?.version).toBe(plan.version);
  });
});

describe('undoing an ending', () => {
  it('puts a replaced plan back as active: followed up, carried into the next period', async () => {
    const { c, period, followUps } = await openPeriod();
    const plan = followUps.find((f) => f.planKey === 'lakemedel') as FollowUp;
    const successor = followUps.find((f) => f.planKey !== 'lakemedel') as FollowUp;
    const replaced = await c.register.end(plan, {
      kind: 'replaced',
      from: period.key,
      replacedBy: successor.planKey,
    });

    const undone = await c.register.undoEnd(replaced);

    expect(undone).toMatchObject({ lifecycle: 'active', replacedBy: null });
    expect(undone.lifecycleFrom ?? null).toBeNull();
    expect(lifecycleIn(undone)).toBe('active');
    const current = await c.followUps.listForPeriods([period.key]);
    const result = await c.admin.rollover(period, current, KARIN_VIEWER);
    const next = await c.followUps.listForPeriods([result.periodKey]);
    expect(next.some((f) => f.planKey === 'lakemedel')).toBe(true);
  });

  it('is refused once the period is locked, and once the next period was started', async () => {
    const { c, period, followUps } = await openPeriod();
    const plan = followUps.find((f) => f.planKey === 'lakemedel') as FollowUp;
    const retired = await c.register.end(plan, { kind: 'retired', from: period.key });

    const current = await c.followUps.listForPeriods([period.key]);
    await c.admin.rollover(period, current, KARIN_VIEWER);
    await expect(c.register.undoEnd(retired)).rejects.toMatchObject({ kind: 'invalid-data' });

    // The plan's own period (the newest is the one just started).
    const [, own] = await c.periods.list();
    if (own?.key !== period.key) throw new Error('no period');
    await c.admin.lock(own, current, karin);
    await expect(c.register.undoEnd(retired)).rejects.toMatchObject({ kind: 'forbidden' });
    const after = await c.followUps.listForPeriods([period.key]);
    expect(after.find((f) => f.itemId === plan.itemId)).toMatchObject({
      lifecycle: 'retired',
      version: retired.version,
    });
  });

  it('has nothing to undo on a plan that is not ended', async () => {
    const { c, followUps } = await openPeriod();
    await expect(c.register.undoEnd(followUps[0] as FollowUp)).rejects.toMatchObject({
      kind: 'invalid-data',
    });
  });
});
