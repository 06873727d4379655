import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { noTokenProvider } from '../../src/adapters/auth/token-provider';
import { SharePointPeriodAdmin } from '../../src/adapters/sharepoint/period-admin';
import {
  SharePointFollowUpRepository,
  SharePointPeriodRepository,
} from '../../src/adapters/sharepoint/sharepoint-repositories';
import { createSpClient } from '../../src/adapters/sharepoint/sp-client';
import type { PlanKey } from '../../src/domain/follow-up';
import { importedPeriod, type ImportProposal } from '../../src/domain/report-import';
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

function coordinator() {
  const requests: string[] = [];
  const sp = createSpClient(
    server.siteUrl,
    noTokenProvider,
    signedIn(DEMO_COORDINATOR_ID, requests),
  );
  return {
    requests,
    admin: new SharePointPeriodAdmin(sp),
    periods: new SharePointPeriodRepository(sp),
    followUps: new SharePointFollowUpRepository(sp),
  };
}

const proposal: ImportProposal = {
  title: 'Bilaga 2: Uppföljning av övergripande handlingsplaner per december 2015',
  period: { year: 2015, kind: 'arsbokslut' },
  introduction: 'En uppföljning per december har genomförts.',
  summary: '<p>Sammantaget går det bra.</p>',
  legendPlacement: 'before-summary',
  report: {
    unit: 'Samordningskansliet',
    contact: 'Sandra Hedman',
    date: '2016-02-01',
    diaryNumber: 'RS/1/2016',
  },
  rows: [
    {
      number: 1,
      title: 'Handlingsplan för läkemedel',
      validity: '',
      decision: 'RD 2014-11-16',
      diaryNumber: 'RS/19/2014',
      documentUrl: null,
      status: 'good',
      statusNote: '',
      comment: '<p><em>Kommentar:</em> Bra.</p>',
      match: { kind: 'new', planKey: 'lakemedel-2015' as PlanKey },
      problems: [],
    },
    {
      number: 2,
      title: 'Plan för miljö',
      validity: '',
      decision: '',
      diaryNumber: 'RS/20/2014',
      documentUrl: null,
      status: 'not-assessed',
      statusNote: 'Ska omarbetas',
      comment: '',
      match: { kind: 'new', planKey: 'miljo-2015' as PlanKey },
      problems: [],
    },
  ],
};

describe('importPeriod', () => {
  it('writes the period locked, with its report text, and its follow-ups as submitted answers', async () => {
    const c = coordinator();
    const { period, followUps } = importedPeriod(proposal, { year: 2015, kind: 'arsbokslut' }, []);
    const steps: number[] = [];
    const stored = await c.admin.importPeriod(period, followUps, (done) => steps.push(done));
    expect(stored).toMatchObject({
      key: '2015-12',
      state: 'locked',
      summary: '<p>Sammantaget går det bra.</p>',
      introduction: 'En uppföljning per december har genomförts.',
      legendPlacement: 'before-summary',
      report: proposal.report,
    });
    expect(steps.at(-1)).toBe(5);
    expect((await c.periods.list()).find((p) => p.key === '2015-12')?.state).toBe('locked');
    const items = await c.followUps.listForPeriods([stored.key]);
    expect(
      items.map((f) => [f.planKey, f.status, f.statusNote, f.inputState, f.diaryNumber]),
    ).toEqual([
      ['lakemedel-2015', 'good', '', 'submitted', 'RS/19/2014'],
      ['miljo-2015', 'not-assessed', 'Ska omarbetas', 'submitted', 'RS/20/2014'],
    ]);
    expect(items[0]?.comment).toContain('Kommentar:');
  });

  it('takes a part-way import back whole, so that it can be imported again', async () => {
    const c = coordinator();
    const { period, followUps } = importedPeriod(proposal, { year: 2015, kind: 'arsbokslut' }, []);
    const periodsBefore = (await c.periods.list()).length;
    // The batch's first follow-up fails; the period and the second one were written.
    site.injectFault({ status: 500, count: 1, match: "Uppföljning handlingsplaner')/items" });
    await expect(c.admin.importPeriod(period, followUps)).rejects.toMatchObject({
      message: expect.stringMatching(/^Import incomplete/),
    });
    expect(await c.periods.list()).toHaveLength(periodsBefore);
    expect(await c.followUps.listForPeriods([period.key])).toEqual([]);

    // The permission step fails after everything was written: taken back too.
    site.injectFault({ status: 403, count: 1, match: 'breakroleinheritance' });
    await expect(c.admin.importPeriod(period, followUps)).rejects.toMatchObject({
      kind: 'forbidden',
    });
    expect(await c.periods.list()).toHaveLength(periodsBefore);
    expect(await c.followUps.listForPeriods([period.key])).toEqual([]);

    // And then it imports.
    expect((await c.admin.importPeriod(period, followUps)).key).toBe('2015-12');
    expect(await c.followUps.listForPeriods([period.key])).toHaveLength(2);
  });

  it('refuses a period that exists, and writes nothing', async () => {
    const c = coordinator();
    const { period, followUps } = importedPeriod(proposal, { year: 2017, kind: 'delar' }, []);
    const before = await c.followUps.listForPeriods(['2017-08' as never]);
    const periodsBefore = await c.periods.list();
    c.requests.length = 0;
    await expect(c.admin.importPeriod(period, followUps)).rejects.toMatchObject({
      kind: 'invalid-data',
    });
    expect(c.requests.filter((r) => r.includes('$batch'))).toEqual([]);
    expect(await c.periods.list()).toHaveLength(periodsBefore.length);
    expect(await c.followUps.listForPeriods(['2017-08' as never])).toHaveLength(before.length);
  });
});
