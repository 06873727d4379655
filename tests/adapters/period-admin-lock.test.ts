import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { noTokenProvider } from '../../src/adapters/auth/token-provider';
import { SharePointPeriodAdmin } from '../../src/adapters/sharepoint/period-admin';
import {
  SharePointFollowUpRepository,
  SharePointPeriodRepository,
} from '../../src/adapters/sharepoint/sharepoint-repositories';
import { createSpClient } from '../../src/adapters/sharepoint/sp-client';
import type { Viewer } from '../../src/domain/rules';
import { DEMO_COORDINATOR_ID } from '../../src/demo/demo-people';
import { loadDemoState } from '../../src/demo/load-demo-state';
import { createLocalSite } from '../../src/local-site/local-site';
import { serveSite, type FixtureServer } from '../../src/local-site/test-fixture';
import { signedIn } from './signed-in';

const site = createLocalSite({ createInitialState: loadDemoState });
let server: FixtureServer;
beforeAll(async () => {
  server = await serveSite(site);
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => site.reset());

const karin: Viewer = {
  id: DEMO_COORDINATOR_ID,
  name: 'Karin Samordnare',
  upn: '',
  role: 'coordinator',
};
const anna: Viewer = { id: 11, name: 'Anna Lindgren', upn: '', role: 'member' };
const NOW = new Date('2020-09-20T08:00:00Z');

/** Clients signed in as a demo user (the local site reads the user from a cookie). */
function as(userId: number) {
  const behaviour = signedIn(userId);
  const sp = createSpClient(server.siteUrl, noTokenProvider, behaviour);
  return {
    admin: new SharePointPeriodAdmin(sp, undefined, () => NOW),
    periods: new SharePointPeriodRepository(sp),
    followUps: new SharePointFollowUpRepository(sp),
  };
}

async function openPeriod() {
  const c = as(DEMO_COORDINATOR_ID);
  const [period] = await c.periods.list();
  if (!period) throw new Error('no period');
  expect(period.key).toBe('2020-08');
  return { c, period, followUps: await c.followUps.listForPeriods([period.key]) };
}

/** Anna's follow-up of the period as she reads it, and her direct save on it. */
async function annaSaves() {
  const owner = as(11);
  const [period] = await owner.periods.list();
  if (!period) throw new Error('no period');
  const mine = (await owner.followUps.listForPeriods([period.key])).find(
    (f) => f.planKey === 'lakemedel',
  );
  if (!mine) throw new Error('no item');
  const input = { status: 'good', statusNote: '', comment: '<p>Direkt.</p>' } as const;
  return owner.followUps.saveInput(mine, input, 'draft', anna);
}

describe('lock and reopen', () => {
  it('locks: the period is locked, an owner cannot write even directly, the log says so', async () => {
    const { c, period, followUps } = await openPeriod();

    const locked = await c.admin.lock(period, followUps, karin);

    expect(locked.state).toBe('locked');
    expect(locked.log.at(-1)).toEqual({
      kind: 'locked',
      at: NOW.toISOString(),
      by: 'Karin Samordnare',
    });
    expect((await c.periods.list())[0]?.state).toBe('locked');
    await expect(annaSaves()).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('reopens with a reason: the owner may write again and the log keeps the reason', async () => {
    const { c, period, followUps } = await openPeriod();
    const locked = await c.admin.lock(period, followUps, karin);

    await expect(c.admin.reopen(locked, followUps, karin, '  ')).rejects.toMatchObject({
      kind: 'invalid-data',
    });
    const reopened = await c.admin.reopen(locked, followUps, karin, 'Sen komplettering');

    expect(reopened.state).toBe('open');
    expect(reopened.log.at(-1)).toEqual({
      kind: 'reopened',
      at: NOW.toISOString(),
      by: 'Karin Samordnare',
      reason: 'Sen komplettering',
    });
    expect((await annaSaves()).comment).toBe('<p>Direkt.</p>');
  });

  it('refuses to lock from a stale version', async () => {
    const { c, period, followUps } = await openPeriod();
    await c.admin.updatePeriod(period, { dueDate: '2020-09-30' });
    await expect(c.admin.lock(period, followUps, karin)).rejects.toMatchObject({
      kind: 'conflict',
    });
    expect((await c.periods.list())[0]?.state).toBe('open');
  });

  it('is refused to an owner', async () => {
    const { period, followUps } = await openPeriod();
    await expect(as(11).admin.lock(period, followUps, anna)).rejects.toMatchObject({
      kind: 'forbidden',
    });
  });
});

describe('updatePeriod', () => {
  it('round-trips the due date, the summary, the report’s own text and header', async () => {
    const { c, period } = await openPeriod();
    const report = {
      unit: 'Samordningskansliet',
      contact: 'Karin Samordnare\nTfn: 010-123 45 67',
      date: '2020-09-25',
      diaryNumber: 'RS 2020/123',
    };

    const saved = await c.admin.updatePeriod(period, {
      dueDate: '2020-09-30',
      summary: '<p>Sammantaget visar <strong>uppföljningen</strong> att arbetet går bra.</p>',
      introduction: 'Första stycket.\n\nEn uppföljning per augusti har genomförts.',
      legendPlacement: 'after-summary',
      report,
    });

    expect(saved).toMatchObject({
      dueDate: '2020-09-30',
      summary: '<p>Sammantaget visar <strong>uppföljningen</strong> att arbetet går bra.</p>',
      introduction: 'Första stycket.\n\nEn uppföljning per augusti har genomförts.',
      legendPlacement: 'after-summary',
      report,
    });
    expect(saved.version).not.toBe(period.version);
    expect((await c.periods.list())[0]).toEqual(saved);
  });

  it('refuses a stale version with a conflict and writes nothing', async () => {
    const { c, period } = await openPeriod();
    await c.admin.updatePeriod(period, { summary: '<p>Först.</p>' });

    await expect(c.admin.updatePeriod(period, { summary: '<p>Sist.</p>' })).rejects.toMatchObject({
      kind: 'conflict',
    });
    expect((await c.periods.list())[0]?.summary).toBe('<p>Först.</p>');
  });

  it('refuses an invalid date before writing', async () => {
    const { c, period } = await openPeriod();
    await expect(c.admin.updatePeriod(period, { dueDate: '2020-02-30' })).rejects.toMatchObject({
      kind: 'invalid-data',
    });
    expect((await c.periods.list())[0]?.version).toBe(period.version);
  });
});
