import { afterEach, describe, expect, it } from 'vitest';
import { noTokenProvider } from '../../src/adapters/auth/token-provider';
import {
  FOLLOW_UP_LIST,
  PERIOD_LIST,
  STATUS_FORMATTER,
} from '../../src/adapters/sharepoint/schema';
import {
  SharePointFollowUpRepository,
  SharePointPeriodRepository,
} from '../../src/adapters/sharepoint/sharepoint-repositories';
import { SharePointSiteSetup } from '../../src/adapters/sharepoint/site-setup';
import { createSpClient } from '../../src/adapters/sharepoint/sp-client';
import { StoreFailure } from '../../src/domain/errors';
import type { SetupItem } from '../../src/domain/ports';
import { DEMO_COORDINATOR_ID, DEMO_DEFAULT_USER_ID } from '../../src/demo/demo-people';
import { loadDemoState } from '../../src/demo/load-demo-state';
import { fieldInfo } from '../../src/local-site/field-schema';
import { listField } from '../../src/local-site/lists';
import { createLocalSite } from '../../src/local-site/local-site';
import type { SiteState } from '../../src/local-site/site-state';
import { ROLE_DEFINITION_IDS } from '../../src/local-site/permissions';
import {
  EMPTY_SITE_GROUPS,
  emptySiteState,
  halfSetUp,
  serveSite,
  type FixtureServer,
} from '../../src/local-site/test-fixture';
import { signedIn } from './signed-in';

/** Users of the empty site (test-fixture.ts): Bo owns the site, Anna is a member, Dan visits. */
const BO = 2;
const ANNA = 1;
const DAN = 4;

let server: FixtureServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function siteWith(createInitialState: () => SiteState) {
  const site = createLocalSite({ createInitialState });
  server = await serveSite(site);
  const siteUrl = server.siteUrl;
  const as = (userId: number) => {
    const requests: string[] = [];
    const sp = createSpClient(siteUrl, noTokenProvider, signedIn(userId, requests));
    return {
      requests,
      /** Requests that change something (the `$batch` of reads is a POST, but only reads). */
      writes: () =>
        requests.filter((r) => !r.startsWith('GET ') && !/\/_api\/(contextinfo|\$batch)$/.test(r)),
      setup: new SharePointSiteSetup(sp, siteUrl),
      periods: new SharePointPeriodRepository(sp),
      followUps: new SharePointFollowUpRepository(sp),
      sp,
    };
  };
  return { site, as };
}

function notPresent(items: readonly SetupItem[]): string[] {
  return items.filter((i) => i.state !== 'present').map((i) => `${i.id} ${i.state}`);
}

describe('site set-up', () => {
  it('finds the demo site complete, and applying it there sends no write', async () => {
    const { site, as } = await siteWith(loadDemoState);
    const karin = as(DEMO_COORDINATOR_ID);
    const before = JSON.stringify(site.state());
    const report = await karin.setup.inspect();
    expect(notPresent(report.items)).toEqual([]);
    expect(report.complete).toBe(true);
    expect(report.canManageLists).toBe(true);
    expect(report.items.length).toBeGreaterThan(30);

    karin.requests.length = 0;
    const progress: number[] = [];
    const after = await karin.setup.apply((done) => progress.push(done));
    expect(after.complete).toBe(true);
    expect(progress).toEqual([]);
    expect(karin.writes()).toEqual([]);
    // Apply reads once, in a single $batch (and fetches the request digest for it).
    expect(karin.requests.filter((r) => r.includes('$batch'))).toHaveLength(1);
    expect(JSON.stringify(site.state())).toBe(before);
  });

  it('sets up an empty site: lists, fields, indexes, unique values, views, formatting, groups', async () => {
    const { site, as } = await siteWith(emptySiteState);
    const bo = as(BO);
    const found = await bo.setup.inspect();
    expect(found.complete).toBe(false);
    expect(found.items.filter((i) => i.kind === 'list').map((i) => [i.name, i.state])).toEqual([
      [FOLLOW_UP_LIST.title, 'missing'],
      [PERIOD_LIST.title, 'missing'],
    ]);
    expect(found.items.every((i) => i.state !== 'present')).toBe(true);

    const progress: Array<[number, number, string]> = [];
    const report = await bo.setup.apply((done, total, item) =>
      progress.push([done, total, item.id]),
    );
    expect(notPresent(report.items)).toEqual([]);
    expect(report.complete).toBe(true);
    const total = found.items.length;
    expect(progress).toHaveLength(total);
    expect(progress.map(([done]) => done)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(progress.every(([, t]) => t === total)).toBe(true);

    // As SharePoint keeps them: ASCII internal names, Swedish display names and choices,
    // rich text, people, indexes and unique values, the formatting JSON and both views.
    const followUps = site.state().lists.find((l) => l.Title === FOLLOW_UP_LIST.title);
    const field = (name: string) => {
      const record = followUps && listField(followUps, name);
      return record ? fieldInfo(record) : undefined;
    };
    expect(field('Title')?.title).toBe('Handlingsplan');
    expect(field('Status')).toMatchObject({
      title: 'Status',
      type: 'Choice',
      choices: ['Arbetet går bra', 'Arbetet går delvis bra', 'Arbetet går dåligt', 'Ej bedömd'],
    });
    expect(JSON.parse(field('Status')?.customFormatter ?? '{}')).toEqual(
      JSON.parse(STATUS_FORMATTER),
    );
    expect(field('Comment')).toMatchObject({ type: 'Note', richText: true });
    expect(field('Owners')?.type).toBe('UserMulti');
    expect(field('PeriodKey')?.indexed).toBe(true);
    expect(field('PlanPeriodKey')).toMatchObject({ indexed: true, unique: true });
    expect(followUps?.views.map((v) => v.Title)).toEqual([
      'Alla objekt',
      'Aktuell period',
      'Saknar svar',
    ]);
    // The groups, and on both lists what the site gave plus coordinators Full Control and
    // readers Read.
    const groupId = (title: string) => site.state().groups.find((g) => g.Title === title)?.Id;
    const coordinators = groupId('Planuppföljning – samordnare');
    const readers = groupId('Planuppföljning – läsare');
    for (const list of site.state().lists) {
      expect(list.roleAssignments).toEqual(
        expect.arrayContaining([
          { principalId: EMPTY_SITE_GROUPS.owners, roleDefId: ROLE_DEFINITION_IDS.fullControl },
          { principalId: coordinators, roleDefId: ROLE_DEFINITION_IDS.fullControl },
          { principalId: readers, roleDefId: ROLE_DEFINITION_IDS.read },
        ]),
      );
    }

    // Running it again changes nothing.
    const again = as(BO);
    const second = await again.setup.apply();
    expect(second.complete).toBe(true);
    expect(again.writes()).toEqual([]);
  });

  it("the app's repositories work on the lists set-up created, unique key included", async () => {
    const { as } = await siteWith(emptySiteState);
    const bo = as(BO);
    await bo.setup.apply();
    const periods = bo.sp.web.lists.getByTitle(PERIOD_LIST.title).items;
    await periods.add({ Title: 'Tertialrapport april 2020', PeriodKey: '2020-04', State: 'Öppen' });
    const followUps = bo.sp.web.lists.getByTitle(FOLLOW_UP_LIST.title).items;
    const row = {
      Title: 'Plan A',
      PlanKey: 'a',
      PeriodKey: '2020-04',
      PlanPeriodKey: 'a|2020-04',
      SortOrder: 1,
      InputState: 'Saknas',
      OwnersId: [ANNA],
      Comment: '<p>Hej</p>',
    };
    await followUps.add(row);
    expect((await bo.periods.list()).map((p) => p.key)).toEqual(['2020-04']);
    const [period] = await bo.periods.list();
    if (!period) throw new Error('no period');
    const list = await bo.followUps.listForPeriods([period.key]);
    expect(list.map((f) => [f.title, f.inputState])).toEqual([['Plan A', 'missing']]);

    // SharePoint refuses a second item for the same plan and period.
    await expect(followUps.add({ ...row, Title: 'Plan A igen' })).rejects.toMatchObject({
      status: 500,
    });
    await expect(
      periods.add({ Title: 'Igen', PeriodKey: '2020-04', State: 'Öppen' }),
    ).rejects.toMatchObject({ status: 500 });
  });

  it('completes a partly set-up site and leaves its items alone', async () => {
    const { site, as } = await siteWith(() => halfSetUp(loadDemoState()));
    const karin = as(DEMO_COORDINATOR_ID);
    const itemsBefore = JSON.stringify(site.state().lists.map((l) => l.items));
    const found = await karin.setup.inspect();
    expect(notPresent(found.items)).toEqual([
      `field:${FOLLOW_UP_LIST.title}/Comment differs`,
      `field:${FOLLOW_UP_LIST.title}/ReviewComment missing`,
      `index:${FOLLOW_UP_LIST.title}/PlanKey missing`,
      `unique:${FOLLOW_UP_LIST.title}/PlanPeriodKey missing`,
      `formatter:${FOLLOW_UP_LIST.title}/Status missing`,
      `view:${FOLLOW_UP_LIST.title}/Saknar svar missing`,
      `row-formatter:${FOLLOW_UP_LIST.title}/Saknar svar missing`,
      `field:${PERIOD_LIST.title}/PeriodKey differs`,
      `field:${PERIOD_LIST.title}/Log missing`,
    ]);

    const report = await karin.setup.apply();
    expect(notPresent(report.items)).toEqual([]);
    expect(JSON.stringify(site.state().lists.map((l) => l.items))).toBe(itemsBefore);
    const periods = site.state().lists.find((l) => l.Title === PERIOD_LIST.title);
    const periodKey = periods && listField(periods, 'PeriodKey');
    expect(periodKey && fieldInfo(periodKey)).toMatchObject({
      title: 'Period',
      indexed: true,
      unique: true,
    });
    // Only what was missing was written: no list or group created, no other field touched.
    const writes = karin.writes().join('\n');
    expect(writes).not.toMatch(/POST \S+\/_api\/web\/lists$/);
    expect(writes).not.toMatch(/sitegroups/);
    expect(writes).not.toMatch(/getByInternalNameOrTitle\('InputState'\)/);
  });

  it('stops at a failing step keeping what was done, and continues when run again', async () => {
    const { site, as } = await siteWith(emptySiteState);
    const bo = as(BO);
    // The first new field (PlanKey) fails, as a SharePoint hiccup would; PnP does not retry a 500.
    site.injectFault({ status: 500, count: 1, match: 'createfieldasxml' });
    const first: string[] = [];
    const failure = await bo.setup.apply((_, __, item) => first.push(item.id)).catch((e) => e);
    expect(failure).toMatchObject({ kind: 'server' });
    expect(first).toEqual([`list:${FOLLOW_UP_LIST.title}`, `field:${FOLLOW_UP_LIST.title}/Title`]);
    expect(site.state().lists.map((l) => l.Title)).toEqual([FOLLOW_UP_LIST.title]);

    const again: string[] = [];
    const report = await bo.setup.apply((_, __, item) => again.push(item.id));
    expect(report.complete).toBe(true);
    expect(again[0]).toBe(`field:${FOLLOW_UP_LIST.title}/PlanKey`);
    expect(again).not.toContain(`list:${FOLLOW_UP_LIST.title}`);
  });

  it('refuses a user without Manage Lists with forbidden, and changes nothing', async () => {
    const { site, as } = await siteWith(() => halfSetUp(loadDemoState()));
    const anna = as(DEMO_DEFAULT_USER_ID);
    const before = JSON.stringify(site.state());
    const report = await anna.setup.inspect();
    expect(report.canManageLists).toBe(false);
    const failure = await anna.setup.apply().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StoreFailure);
    expect(failure).toMatchObject({ kind: 'forbidden', message: /Manage Lists/ });
    expect(anna.writes()).toEqual([]);
    expect(JSON.stringify(site.state())).toBe(before);
  });

  it('refuses a member without Manage Permissions when the lists lack theirs', async () => {
    const { site, as } = await siteWith(emptySiteState);
    // The site owner created lists and groups, but the lists still inherit the site's permissions.
    await as(BO).setup.apply();
    for (const list of site.state().lists) delete list.roleAssignments;
    const anna = as(ANNA);
    const report = await anna.setup.inspect();
    expect(notPresent(report.items)).toEqual([
      `permissions:${FOLLOW_UP_LIST.title} missing`,
      `permissions:${PERIOD_LIST.title} missing`,
    ]);
    expect(report).toMatchObject({ canManageLists: true, canManagePermissions: false });
    await expect(anna.setup.apply()).rejects.toMatchObject({
      kind: 'forbidden',
      message: /Manage Permissions/,
    });
    expect(anna.writes()).toEqual([]);
  });

  it('reports each list and the user’s own rights in it: missing, read and write, read only', async () => {
    const { site, as } = await siteWith(emptySiteState);
    const access = (report: Awaited<ReturnType<SharePointSiteSetup['inspect']>>) =>
      report.lists.map((l) => `${l.title}: ${l.exists} ${l.canRead} ${l.canWrite}`);
    expect(access(await as(ANNA).setup.inspect())).toEqual([
      `${FOLLOW_UP_LIST.title}: false false false`,
      `${PERIOD_LIST.title}: false false false`,
    ]);
    await as(BO).setup.apply();
    expect(site.state().lists).toHaveLength(2);
    // Anna, a member (Edit, kept when set-up breaks the lists' inheritance), cannot read the
    // lists' permissions, but reads and writes the lists; Dan, a visitor, only reads them.
    const anna = await as(ANNA).setup.inspect();
    expect(anna.complete).toBe(false);
    expect(access(anna)).toEqual([
      `${FOLLOW_UP_LIST.title}: true true true`,
      `${PERIOD_LIST.title}: true true true`,
    ]);
    expect(access(await as(DAN).setup.inspect())).toEqual([
      `${FOLLOW_UP_LIST.title}: true true false`,
      `${PERIOD_LIST.title}: true true false`,
    ]);
  });

  it('refuses a member without Create Groups when groups are missing; a visitor gets neither', async () => {
    const { site, as } = await siteWith(emptySiteState);
    const anna = as(ANNA);
    const report = await anna.setup.inspect();
    expect(report).toMatchObject({ canManageLists: true, canCreateGroups: false });
    await expect(anna.setup.apply()).rejects.toMatchObject({
      kind: 'forbidden',
      message: /Create Groups/,
    });
    expect(site.state().lists).toEqual([]);
    const dan = as(DAN);
    expect(await dan.setup.inspect()).toMatchObject({
      canManageLists: false,
      canCreateGroups: false,
    });
  });
});
