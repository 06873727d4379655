/**
 * Builds the demo site as a tenant's would be built: an empty team site, the app's own set-up,
 * the site owner putting people into the app's groups, and the demo follow-ups written through
 * the app's PnP client, item mapping and adapters. Everything goes over HTTP to a local site in
 * this process; only the finished site is read back (`site.state()`) as the demo snapshot.
 */
import type { Queryable } from '@pnp/queryable';
import { body } from '@pnp/queryable';
import { spPost, type SPFI } from '@pnp/sp';
import '@pnp/sp/security';
import '@pnp/sp/site-groups/web';
import '@pnp/sp/site-users/web';
import { localSessionTokenProvider } from '../adapters/auth/token-provider';
import {
  newFollowUpToFields,
  newPeriodToFields,
  upnFromLogin,
} from '../adapters/sharepoint/item-mapping';
import { SharePointPeriodAdmin } from '../adapters/sharepoint/period-admin';
import { SharePointItemPermissions } from '../adapters/sharepoint/permissions';
import {
  COORDINATOR_GROUP,
  FOLLOW_UP_LIST,
  PERIOD_LIST,
  READER_GROUP,
} from '../adapters/sharepoint/schema';
import {
  SharePointFollowUpRepository,
  SharePointPeriodRepository,
} from '../adapters/sharepoint/sharepoint-repositories';
import { SharePointSiteSetup } from '../adapters/sharepoint/site-setup';
import { createSpClient } from '../adapters/sharepoint/sp-client';
import type { FollowUp, Person, PlanKey } from '../domain/follow-up';
import {
  defaultDueDate,
  nextPeriod,
  parsePeriodKey,
  periodLabel,
  type PeriodKey,
} from '../domain/period';
import type { NewFollowUp, NewPeriod } from '../domain/rules';
import { newDocumentLibrary } from '../local-site/documents';
import { seededIds } from '../local-site/item-json';
import { createLocalSite, USER_COOKIE } from '../local-site/local-site';
import { ROLE_DEFINITION_IDS } from '../local-site/permissions';
import type { SiteState, SiteUser } from '../local-site/site-state';
import { serveSite } from '../local-site/test-fixture';
import {
  DEMO_COORDINATOR,
  DEMO_DEFAULT_USER_ID,
  DEMO_PEOPLE,
  DEMO_READERS,
  OWNERS_BY_PLAN,
  type DemoPerson,
} from './demo-people';
import { DEMO_COORDINATOR_ENTRA_GROUP_ID, DEMO_DIRECTORY } from './directory-demo';
import { SEED_REPORTS } from './seed-reports';
import type { SeedReport, SeedRow } from './seed-types';
import { z } from 'zod/mini';

const ensuredUser = z.object({
  Id: z.number(),
  Title: z.string(),
  Email: z.string(),
  LoginName: z.string(),
});
const createdItem = z.object({ Id: z.number() });

/** The team site's document library ("Dokument"). */
export const DEMO_LIBRARY_ID = '8e3f1c2a-6b7d-4e5f-9a0b-1c2d3e4f5a6b';

/** The team site's own groups, as a new team site has them (SharePoint's associated groups). */
export const DEMO_SITE_GROUPS = { owners: 3, members: 4, visitors: 5 } as const;

/**
 * The team site before the app: its people in the site's user list, its owner (the coordinator)
 * in the Owners group, and no lists but the document library every team site has ("Dokument",
 * `Shared Documents`, with the site's permissions: its owners write; after set-up the site owner
 * lets the app's readers read it). Members and Visitors are empty: the app's reader group gives
 * everyone Read, so no one gets the Members group's Edit on the lists.
 */
export function emptyDemoSite(): SiteState {
  const users: SiteUser[] = DEMO_PEOPLE.map((p) => {
    const person = DEMO_DIRECTORY.users.find((u) => u.userPrincipalName === p.upn);
    if (!person) throw new Error(`${p.upn} is not in the demo directory`);
    return {
      Id: p.id,
      Title: person.displayName,
      // Mail as the directory has it: an alias for some, none for a person without a mailbox.
      Email: person.mail ?? '',
      LoginName: `i:0#.f|membership|${p.upn}`,
      UserPrincipalName: p.upn,
      IsSiteAdmin: false,
    };
  });
  return {
    title: 'Planuppföljning',
    directory: DEMO_DIRECTORY,
    users,
    groups: [
      {
        Id: DEMO_SITE_GROUPS.owners,
        Title: 'Planuppföljning Owners',
        memberIds: [DEMO_COORDINATOR.id],
      },
      { Id: DEMO_SITE_GROUPS.members, Title: 'Planuppföljning Members', memberIds: [] },
      { Id: DEMO_SITE_GROUPS.visitors, Title: 'Planuppföljning Visitors', memberIds: [] },
    ],
    lists: [
      newDocumentLibrary({
        id: DEMO_LIBRARY_ID,
        title: 'Dokument',
        url: 'Shared Documents',
        created: '2017-09-01T07:00:00Z',
        newId: seededIds('demo-library'),
      }),
    ],
    roleAssignments: [
      { principalId: DEMO_SITE_GROUPS.owners, roleDefId: ROLE_DEFINITION_IDS.fullControl },
      { principalId: DEMO_SITE_GROUPS.members, roleDefId: ROLE_DEFINITION_IDS.edit },
      { principalId: DEMO_SITE_GROUPS.visitors, roleDefId: ROLE_DEFINITION_IDS.read },
    ],
    defaultUserId: DEMO_DEFAULT_USER_ID,
  };
}

/** Signs PnP's requests in as a site user, as the local site's sign-in cookie does in a browser. */
function signedInAs(userId: number) {
  return (instance: Queryable) => {
    instance.on.pre(async (url, init, result) => {
      init.headers = {
        ...(init.headers as Record<string, string>),
        Cookie: `${USER_COOKIE}=${userId}`,
      };
      return [url, init, result];
    });
    return instance;
  };
}

/** Plans the report says are gone do not roll over into the next period. */
function lifecycleOf(row: SeedRow): FollowUp['lifecycle'] {
  if (/finns inte längre|ej längre aktuell/i.test(row.statusNote)) return 'retired';
  if (/omarbetas|ny handlingsplan/i.test(row.statusNote)) return 'under-revision';
  return 'active';
}

/** The day before the report's date, or two weeks after the period when it prints none. */
function submissionTime(report: SeedReport): string {
  const date = report.report.date || (report.periodKey === '2020-04' ? '2020-05-14' : '');
  return `${date || '2020-01-01'}T08:00:00Z`;
}

/** When input was due in each seed period (the reports print no due date). */
const SEED_DUE_DATES: Readonly<Record<string, string>> = {
  '2017-08': '2017-09-15',
  '2020-04': '2020-05-14',
};

function seedPeriod(report: SeedReport): NewPeriod {
  const id = parsePeriodKey(report.periodKey);
  if (!id) throw new Error(`Seed period key ${report.periodKey} is not a period key`);
  return {
    ...id,
    key: report.periodKey as PeriodKey,
    log: [],
    state: 'locked',
    dueDate: SEED_DUE_DATES[report.periodKey] ?? '',
    summary: report.summary,
    introduction: report.introduction,
    legendPlacement: report.legendPlacement,
    report: report.report,
  };
}

function seedFollowUp(
  report: SeedReport,
  row: SeedRow,
  owners: readonly Person[],
  submittedAt: string,
): NewFollowUp {
  return {
    planKey: row.planKey as PlanKey,
    periodKey: report.periodKey as PeriodKey,
    sortOrder: row.number,
    title: row.title,
    validity: row.validity,
    decision: row.decision,
    diaryNumber: row.diaryNumber,
    documentUrl: row.documentUrl ?? null,
    owners: [...owners],
    lifecycle: lifecycleOf(row),
    status: row.status,
    statusNote: row.statusNote,
    comment: row.comment,
    inputState: 'submitted',
    submittedBy: owners[0] ?? null,
    submittedAt,
  };
}

/** `sitegroups/getbyname(…)/users` POST: what a site owner does in "People and groups". */
async function addToGroup(sp: SPFI, group: string, loginName: string): Promise<void> {
  await spPost(sp.web.siteGroups.getByName(group).users, body({ LoginName: loginName }));
}

interface ResolvedPerson extends Person {
  readonly loginName: string;
}

/**
 * Builds the demo site. Deterministic: the clock is fixed at each step (items get the times the
 * seed reports give) and every GUID comes from a fixed sequence.
 */
export async function buildDemoSite(): Promise<SiteState> {
  let clock = new Date('2017-09-01T07:00:00Z');
  const at = (iso: string) => {
    clock = new Date(iso);
  };
  const site = createLocalSite({
    createInitialState: emptyDemoSite,
    now: () => clock,
    // Every GUID the site makes (lists, fields, views, rich-text wrappers) from a fixed sequence.
    ids: seededIds('demo-site'),
  });
  const server = await serveSite(site);
  try {
    const { siteUrl, origin } = server;
    const tokens = localSessionTokenProvider(origin);
    const sp = createSpClient(siteUrl, tokens, signedInAs(DEMO_COORDINATOR.id));

    // The site owner runs the app's set-up from the tab's settings.
    const setup = await new SharePointSiteSetup(sp, siteUrl).apply();
    if (!setup.complete) throw new Error('Set-up of the demo site did not complete.');

    // People as the site knows them (ensureuser), then into the app's groups.
    const people = new Map<string, ResolvedPerson>();
    const resolve = async (person: DemoPerson): Promise<ResolvedPerson> => {
      const known = people.get(person.upn);
      if (known) return known;
      const user = ensuredUser.parse(await sp.web.ensureUser(person.upn));
      const resolved = {
        id: user.Id,
        name: user.Title,
        upn: upnFromLogin(user.LoginName),
        loginName: user.LoginName,
      };
      people.set(person.upn, resolved);
      return resolved;
    };
    await addToGroup(sp, COORDINATOR_GROUP, (await resolve(DEMO_COORDINATOR)).loginName);
    // A coordinator who holds the role only through an Entra security group in the
    // coordinator group (as a region grants it to a whole office): the site has not seen her.
    const office = ensuredUser.parse(
      await sp.web.ensureUser(`c:0t.c|tenant|${DEMO_COORDINATOR_ENTRA_GROUP_ID}`),
    );
    await addToGroup(sp, COORDINATOR_GROUP, office.LoginName);
    for (const reader of DEMO_READERS) {
      await addToGroup(sp, READER_GROUP, (await resolve(reader)).loginName);
    }

    // The site owner lets the app's readers read the team's documents, where Bilaga 2 is saved:
    // the library keeps what the site gives (its owners write) and the readers get Read.
    const library = sp.web.lists.getById(DEMO_LIBRARY_ID);
    await library.breakRoleInheritance(true, false);
    const [readers, read] = await Promise.all([
      sp.web.siteGroups.getByName(READER_GROUP).select('Id')(),
      sp.web.roleDefinitions.getByType(2).select('Id')(),
    ]);
    await library.roleAssignments.add(createdItem.parse(readers).Id, createdItem.parse(read).Id);

    // History: each seed report's period and its submitted answers, as the coordinator enters
    // them. No adapter writes a locked period with submitted answers, so these are PnP adds with
    // the app's item mapping, and the app's item permissions for a locked period.
    const permissions = new SharePointItemPermissions(sp);
    const followUps = sp.web.lists.getByTitle(FOLLOW_UP_LIST.title).items;
    for (const report of SEED_REPORTS) {
      const period = seedPeriod(report);
      at(`${period.dueDate}T07:00:00Z`);
      await sp.web.lists
        .getByTitle(PERIOD_LIST.title)
        .items.add(newPeriodToFields(period, periodLabel(period)));
      const submittedAt = submissionTime(report);
      at(submittedAt);
      for (const row of report.rows) {
        const owners: ResolvedPerson[] = [];
        for (const owner of OWNERS_BY_PLAN[row.planKey] ?? []) owners.push(await resolve(owner));
        const created = createdItem.parse(
          await followUps.add(newFollowUpToFields(seedFollowUp(report, row, owners, submittedAt))),
        );
        await permissions.secureFollowUp(
          created.Id,
          owners.map((o) => o.id),
          'locked',
        );
      }
    }

    // The open period: the coordinator rolls the latest one over, as from the period overview.
    const latest = SEED_REPORTS.at(-1)?.periodKey;
    const from = (await new SharePointPeriodRepository(sp).list()).find((p) => p.key === latest);
    if (!from) throw new Error(`The demo site has no period ${latest ?? '(none)'}.`);
    const previous = await new SharePointFollowUpRepository(sp).listForPeriods([from.key]);
    // On the first of the month its input is due.
    at(`${defaultDueDate(nextPeriod(from)).slice(0, 8)}01T07:00:00Z`);
    await new SharePointPeriodAdmin(sp, undefined, () => clock).rollover(from, previous, {
      ...DEMO_COORDINATOR,
      role: 'coordinator',
    });

    return structuredClone(site.state());
  } finally {
    await server.close();
  }
}
