import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { noTokenProvider } from '../../src/adapters/auth/token-provider';
import { SharePointPeriodAdmin } from '../../src/adapters/sharepoint/period-admin';
import {
  SharePointFollowUpRepository,
  SharePointPeriodRepository,
} from '../../src/adapters/sharepoint/sharepoint-repositories';
import { createSpClient } from '../../src/adapters/sharepoint/sp-client';
import type { PeriodKey } from '../../src/domain/period';
import { unfinishedStart } from '../../src/domain/period-log';
import { DEMO_COORDINATOR_ID } from '../../src/demo/demo-people';
import { loadDemoState } from '../../src/demo/load-demo-state';
import { createLocalSite } from '../../src/local-site/local-site';
import { serveSite, type FixtureServer } from '../../src/local-site/test-fixture';
import { KARIN_VIEWER, signedIn } from './signed-in';

const site = createLocalSite({ createInitialState: loadDemoState });
let server: FixtureServer;
beforeAll(async () => {
  server = await serveSite(site);
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => site.reset());

/** A client signed in as a demo user that records the requests it sends. */
function coordinator(userId = DEMO_COORDINATOR_ID) {
  const requests: string[] = [];
  const behaviour = signedIn(userId, requests);
  const sp = createSpClient(server.siteUrl, noTokenProvider, behaviour);
  return {
    requests,
    admin: new SharePointPeriodAdmin(sp),
    periods: new SharePointPeriodRepository(sp),
    followUps: new SharePointFollowUpRepository(sp),
  };
}

async function latest(c: ReturnType<typeof coordinator>) {
  const [period] = await c.periods.list();
  if (!period) throw new Error('no period');
  return { period, followUps: await c.followUps.listForPeriods([period.key]) };
}

describe('rollover', () => {
  it('creates the next period and its follow-ups in one $batch', async () => {
    const c = coordinator();
    const { period, followUps } = await latest(c);
    expect(period.key).toBe('2020-08');
    c.requests.length = 0;

    const result = await c.admin.rollover(period, followUps, KARIN_VIEWER);

    expect(result).toEqual({ periodKey: '2020-12', created: 13, existing: 0 });
    // One batch creates everything; then two batches per new follow-up set its permissions.
    const batches = c.requests.filter((r) => r.includes('$batch'));
    expect(batches).toHaveLength(1 + 2 * 12);
    const [next] = await c.periods.list();
    expect(next).toMatchObject({ key: '2020-12', state: 'open', dueDate: '2021-01-14' });
    const created = await c.followUps.listForPeriods(['2020-12' as PeriodKey]);
    expect(created).toHaveLength(12);
    expect(created.every((f) => f.inputState === 'missing' && f.status === null)).toBe(true);
    expect(created.find((f) => f.planKey === 'lakemedel')?.owners.map((o) => o.name)).toEqual([
      'Anna Lindgren',
    ]);
  });

  it('gives the new items to their owners: the owner may write, another owner may not', async () => {
    const c = coordinator();
    const { period, followUps } = await latest(c);
    await c.admin.rollover(period, followUps, KARIN_VIEWER);
    const mine = (await c.followUps.listForPeriods(['2020-12' as PeriodKey])).find(
      (f) => f.planKey === 'lakemedel',
    );
    if (!mine) throw new Error('no item');
    const input = { status: 'good', statusNote: '', comment: '<p>Ny period.</p>' } as const;
    const anna = { id: 11, name: 'Anna Lindgren', upn: '', role: 'member' } as const;
    const bjorn = { id: 12, name: 'Björn Ekholm', upn: '', role: 'member' } as const;
    await expect(
      coordinator(12).followUps.saveInput(mine, input, 'draft', bjorn),
    ).rejects.toMatchObject({ kind: 'forbidden' });
    const saved = await coordinator(11).followUps.saveInput(mine, input, 'draft', anna);
    expect(saved.comment).toBe('<p>Ny period.</p>');
  });

  it('is idempotent: a second click creates nothing twice', async () => {
    const c = coordinator();
    const { period, followUps } = await latest(c);
    await c.admin.rollover(period, followUps, KARIN_VIEWER);
    const again = await c.admin.rollover(period, followUps, KARIN_VIEWER);
    expect(again).toEqual({ periodKey: '2020-12', created: 0, existing: 13 });
    expect(await c.followUps.listForPeriods(['2020-12' as PeriodKey])).toHaveLength(12);
  });

  it('a start whose permissions failed part-way is unfinished, and running it again finishes it', async () => {
    const c = coordinator();
    const { period, followUps } = await latest(c);
    // One batch part of one item's permissions meets a 503 (SharePoint busy for a moment).
    site.injectFault({
      status: 503,
      count: 1,
      match: 'breakroleinheritance',
      retryAfterSeconds: 0,
    });
    await expect(c.admin.rollover(period, followUps, KARIN_VIEWER)).rejects.toMatchObject({
      kind: 'throttled',
    });
    const [started] = await c.periods.list();
    expect(started?.key).toBe('2020-12');
    expect(unfinishedStart(started?.log ?? [])).toBe('2020-08');
    const items = await c.followUps.listForPeriods(['2020-12' as PeriodKey]);
    const input = { status: 'good', statusNote: '', comment: '<p>Ny period.</p>' } as const;
    const writable = async () => {
      const results = await Promise.all(
        items.map(async (f) => {
          const owner = f.owners[0];
          if (!owner) return true;
          const fresh = (await coordinator(owner.id).followUps.listForPeriods([f.periodKey])).find(
            (g) => g.itemId === f.itemId,
          );
          return coordinator(owner.id)
            .followUps.saveInput(fresh ?? f, input, 'draft', { ...owner, role: 'member' })
            .then(
              () => true,
              () => false,
            );
        }),
      );
      return results.filter(Boolean).length;
    };
    expect(await writable()).toBeLessThan(items.length);

    const again = await c.admin.rollover(period, followUps, KARIN_VIEWER);
    expect(again).toEqual({ periodKey: '2020-12', created: 0, existing: 13 });
    const [finished] = await c.periods.list();
    expect(unfinishedStart(finished?.log ?? [])).toBeNull();
    expect(finished?.log.map((e) => e.kind)).toEqual(['opened', 'ready']);
    expect(await writable()).toBe(items.length);
  });

  it('two coordinators at once create each item exactly once, without an error', async () => {
    const a = coordinator();
    const b = coordinator();
    const { period, followUps } = await latest(a);
    const [ra, rb] = await Promise.all([
      a.admin.rollover(period, followUps, KARIN_VIEWER),
      b.admin.rollover(period, followUps, KARIN_VIEWER),
    ]);
    expect(ra.created + rb.created).toBe(13);
    expect(ra.existing + rb.existing).toBe(13);
    const keys = (await a.followUps.listForPeriods(['2020-12' as PeriodKey])).map((f) => f.planKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(12);
    expect((await a.periods.list()).filter((p) => p.key === '2020-12')).toHaveLength(1);
  });
});

describe('period log', () => {
  it('appends entries, also when two coordinators write at once', async () => {
    const a = coordinator();
    const b = coordinator();
    const [period] = await a.periods.list();
    if (!period) throw new Error('no period');
    const entry = (by: string) => ({ kind: 'locked', at: '2020-09-20T08:00:00Z', by }) as const;
    await Promise.all([
      a.admin.appendLog(period, entry('A')),
      b.admin.appendLog(period, entry('B')),
    ]);
    const [after] = await a.periods.list();
    const added = after?.log.filter((e) => e.kind === 'locked');
    expect(added?.map((e) => e.by).sort()).toEqual(['A', 'B']);
    expect(after?.log.length).toBe(period.log.length + 2);
  });
});

describe('the first period of a new site', () => {
  // The demo site's lists with no items at all: a site just set up.
  const empty = createLocalSite({
    createInitialState: () => {
      const state = loadDemoState();
      for (const list of state.lists) list.items = [];
      return state;
    },
  });
  let emptyServer: FixtureServer;
  beforeAll(async () => {
    emptyServer = await serveSite(empty);
  });
  afterAll(async () => {
    await emptyServer.close();
  });
  beforeEach(() => empty.reset());

  function on(target: FixtureServer) {
    const sp = createSpClient(target.siteUrl, noTokenProvider, signedIn(DEMO_COORDINATOR_ID, []));
    return { admin: new SharePointPeriodAdmin(sp), periods: new SharePointPeriodRepository(sp) };
  }

  it('is created open, with the kind, year and due date given, and nothing else', async () => {
    const c = on(emptyServer);
    expect(await c.periods.list()).toEqual([]);
    const created = await c.admin.createFirst({
      kind: 'tertial',
      year: '2027',
      dueDate: '2027-05-14',
    });
    expect(created).toMatchObject({ key: '2027-04', state: 'open', dueDate: '2027-05-14' });
    const listed = await c.periods.list();
    expect(listed.map((p) => [p.key, p.state, p.dueDate])).toEqual([
      ['2027-04', 'open', '2027-05-14'],
    ]);
  });

  it('is refused once the site has a period, and writes nothing', async () => {
    const c = on(server);
    const before = await c.periods.list();
    await expect(
      c.admin.createFirst({ kind: 'tertial', year: '2030', dueDate: '2030-05-14' }),
    ).rejects.toMatchObject({ kind: 'invalid-data' });
    expect(await c.periods.list()).toHaveLength(before.length);
  });

  it('refuses a draft that is not valid', async () => {
    const c = on(emptyServer);
    await expect(
      c.admin.createFirst({ kind: 'tertial', year: '27', dueDate: '2027-05-14' }),
    ).rejects.toMatchObject({ kind: 'invalid-data' });
    expect(await c.periods.list()).toEqual([]);
  });
});
