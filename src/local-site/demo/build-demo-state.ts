import {
  FOLLOW_UP_LIST,
  PERIOD_LIST,
  COORDINATOR_GROUP,
  READER_GROUP,
  type ListDefinition,
} from '../../adapters/sharepoint/schema';
import {
  dateToSharePoint,
  newFollowUpToFields,
  newPeriodToFields,
} from '../../adapters/sharepoint/item-mapping';
import type { FollowUp, Person, PlanKey } from '../../domain/follow-up';
import { parsePeriodKey, periodLabel, type Period, type PeriodKey } from '../../domain/period';
import { rollover, type NewFollowUp, type NewPeriod } from '../../domain/rules';
import { ROLE_DEFINITION_IDS } from '../permissions';
import type {
  ListItemRecord,
  ListState,
  RoleAssignmentRecord,
  SiteState,
  SiteUser,
} from '../site-state';
import { SEED_REPORTS } from './seed-reports';
import type { SeedReport, SeedRow } from './seed-types';

/**
 * The local site's demo data: the two seed reports (2017-08, 2020-04) as locked history, and the
 * open period 2020-08 rolled over from 2020-04 with the domain's own rollover. Owners are invented
 * demo people (no real staff); the report's published contact is kept as the report prints it.
 */

const DEMO_DOMAIN = 'region.example';

function demoUser(id: number, name: string, admin = false): SiteUser {
  const upn = `${name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z]+/g, '.')}@${DEMO_DOMAIN}`;
  return {
    Id: id,
    Title: name,
    Email: upn,
    LoginName: `i:0#.f|membership|${upn}`,
    UserPrincipalName: upn,
    IsSiteAdmin: admin,
  };
}

/**
 * Demo people. Id 7 is the coordinator (through the coordinator group, not as site admin, so the
 * item permissions apply to her as they would in a tenant); the others own plans; Id 20 only reads.
 */
export const DEMO_USERS: readonly SiteUser[] = [
  demoUser(7, 'Karin Samordnare'),
  demoUser(11, 'Anna Lindgren'),
  demoUser(12, 'Björn Ekholm'),
  demoUser(13, 'Cecilia Norberg'),
  demoUser(14, 'David Åström'),
  demoUser(15, 'Elin Sjödin'),
  demoUser(16, 'Fredrik Holm'),
  demoUser(17, 'Greta Nyström'),
  demoUser(20, 'Hanna Läsare'),
];

export const DEMO_COORDINATOR_ID = 7;
/** Site group ids: the coordinators (Full Control) and everyone who reads (Read). */
export const DEMO_COORDINATOR_GROUP_ID = 3;
export const DEMO_READER_GROUP_ID = 4;
/** The user a fresh browser is signed in as: an owner, since the owner's journey comes first. */
export const DEMO_DEFAULT_USER_ID = 11;

/** Which demo people own which plan (by plan key). */
const OWNERS_BY_PLAN: Record<string, readonly number[]> = {
  barnkonventionen: [13],
  tillganglighet: [12],
  lakemedel: [11],
  suicidprevention: [14],
  patientsakerhet: [11, 15],
  lean: [16],
  miljo: [17],
  informationssakerhet: [16],
  'attraktiv-arbetsgivare': [15],
  'e-halsa': [16],
  cancervard: [12],
  'psykisk-halsa': [14],
  'battre-liv-aldre': [13],
  'vard-omsorg-glesbygd': [17],
  srhr: [13],
  asyl: [15],
  'jamstalld-jamlik': [13, 14],
};

function person(user: SiteUser): Person {
  return { id: user.Id, name: user.Title, upn: user.UserPrincipalName };
}

function ownersOf(planKey: string): Person[] {
  return (OWNERS_BY_PLAN[planKey] ?? [])
    .map((id) => DEMO_USERS.find((u) => u.Id === id))
    .filter((u): u is SiteUser => u !== undefined)
    .map(person);
}

/** Plans the report says are gone do not roll over into the next period. */
function lifecycleOf(row: SeedRow): FollowUp['lifecycle'] {
  if (/finns inte längre|ej längre aktuell/i.test(row.statusNote)) return 'retired';
  if (/omarbetas|ny handlingsplan/i.test(row.statusNote)) return 'under-revision';
  return 'active';
}

function seedFollowUp(report: SeedReport, row: SeedRow, submittedAt: string): NewFollowUp {
  const owners = ownersOf(row.planKey);
  return {
    planKey: row.planKey as PlanKey,
    periodKey: report.periodKey as PeriodKey,
    sortOrder: row.number,
    title: row.title,
    validity: row.validity,
    decision: row.decision,
    diaryNumber: row.diaryNumber,
    documentUrl: row.documentUrl ?? null,
    owners,
    lifecycle: lifecycleOf(row),
    status: row.status,
    statusNote: row.statusNote,
    comment: row.comment,
    inputState: 'submitted',
    submittedBy: owners[0] ?? null,
    submittedAt,
  };
}

/** The day before the report's date, or two weeks after the period when it prints none. */
function submissionTime(report: SeedReport): string {
  const date = report.report.date || (report.periodKey === '2020-04' ? '2020-05-14' : '');
  return `${date || '2020-01-01'}T08:00:00Z`;
}

function seedPeriod(report: SeedReport, dueDate: string): NewPeriod {
  const id = parsePeriodKey(report.periodKey);
  if (!id) throw new Error(`Seed period key ${report.periodKey} is not a period key`);
  return {
    ...id,
    key: report.periodKey as PeriodKey,
    log: [],
    state: 'locked',
    dueDate,
    summary: report.summary,
    report: report.report,
  };
}

/** SharePoint wraps stored rich text; the demo data is stored the way SharePoint returns it. */
function wrapRichText(html: string, id: number): string {
  return html === ''
    ? ''
    : `<div class="ExternalClass${id.toString(16).toUpperCase().padStart(8, '0')}">${html}</div>`;
}

/**
 * Turns REST write values (`OwnersId`, `SubmittedById`) into stored field values keyed by the
 * field's internal name, as the local site keeps them.
 */
function toStoredFields(
  definition: ListDefinition,
  values: Record<string, unknown>,
  itemId: number,
): Record<string, unknown> {
  const stored: Record<string, unknown> = {};
  for (const field of definition.fields) {
    const isUser = field.type === 'User' || field.type === 'UserMulti';
    const value = values[isUser ? `${field.internalName}Id` : field.internalName];
    stored[field.internalName] =
      field.type === 'Note' && field.richText && typeof value === 'string'
        ? wrapRichText(value, itemId)
        : (value ?? null);
  }
  return stored;
}

/**
 * Both lists: coordinators Full Control, everyone Read. Owners get their rights item by item.
 */
function listRoleAssignments(): RoleAssignmentRecord[] {
  return [
    { principalId: DEMO_COORDINATOR_GROUP_ID, roleDefId: ROLE_DEFINITION_IDS.fullControl },
    { principalId: DEMO_READER_GROUP_ID, roleDefId: ROLE_DEFINITION_IDS.read },
  ];
}

/**
 * A follow-up's own permissions, as the app's `secureFollowUp` sets them: coordinators Full
 * Control, readers Read, and the plan's owners Contribute while the period is open, Read once it
 * is locked (so an owner cannot change a closed period).
 */
function followUpRoleAssignments(
  ownerIds: readonly number[],
  mode: 'open' | 'locked',
): RoleAssignmentRecord[] {
  const ownerRole = mode === 'open' ? ROLE_DEFINITION_IDS.contribute : ROLE_DEFINITION_IDS.read;
  return [
    ...listRoleAssignments(),
    ...ownerIds.map((principalId) => ({ principalId, roleDefId: ownerRole })),
  ];
}

function record(
  definition: ListDefinition,
  id: number,
  values: Record<string, unknown>,
  at: string,
  by: number,
): ListItemRecord {
  return {
    Id: id,
    version: 1,
    Created: at,
    Modified: at,
    AuthorId: by,
    EditorId: by,
    fields: toStoredFields(definition, values, id),
  };
}

/** Builds the whole demo site. Deterministic: the same state on every machine. */
export function buildDemoState(): SiteState {
  const periodItems: ListItemRecord[] = [];
  const followUpItems: ListItemRecord[] = [];
  const createdAt = (date: string) => `${date}T07:00:00Z`;

  const dueDates: Record<string, string> = { '2017-08': '2017-09-15', '2020-04': '2020-05-14' };
  let latest: { period: NewPeriod; followUps: FollowUp[] } | null = null;

  for (const report of SEED_REPORTS) {
    const period = seedPeriod(report, dueDates[report.periodKey] ?? '');
    periodItems.push(
      record(
        PERIOD_LIST,
        periodItems.length + 1,
        newPeriodToFields(period, periodLabel(period)),
        createdAt(period.dueDate),
        DEMO_COORDINATOR_ID,
      ),
    );
    const at = submissionTime(report);
    const followUps: FollowUp[] = report.rows.map((row) => {
      const f = seedFollowUp(report, row, at);
      const id = followUpItems.length + 1;
      followUpItems.push({
        ...record(
          FOLLOW_UP_LIST,
          id,
          newFollowUpToFields(f),
          at,
          f.submittedBy?.id ?? DEMO_COORDINATOR_ID,
        ),
        uniqueRoleAssignments: followUpRoleAssignments(
          f.owners.map((o) => o.id),
          'locked',
        ),
      });
      return { ...f, itemId: id, version: '"1"', modifiedAt: at, modifiedBy: f.submittedBy };
    });
    latest = { period, followUps };
  }

  if (latest) {
    const next = rollover(
      latest.period as Pick<Period, 'year' | 'kind' | 'report'>,
      latest.followUps,
    );
    const at = createdAt(next.period.dueDate.slice(0, 8) + '01');
    periodItems.push(
      record(
        PERIOD_LIST,
        periodItems.length + 1,
        {
          ...newPeriodToFields(next.period, periodLabel(next.period)),
          DueDate: dateToSharePoint(next.period.dueDate),
        },
        at,
        DEMO_COORDINATOR_ID,
      ),
    );
    for (const f of next.followUps) {
      followUpItems.push({
        ...record(
          FOLLOW_UP_LIST,
          followUpItems.length + 1,
          newFollowUpToFields(f),
          at,
          DEMO_COORDINATOR_ID,
        ),
        uniqueRoleAssignments: followUpRoleAssignments(
          f.owners.map((o) => o.id),
          'open',
        ),
      });
    }
  }

  const list = (definition: ListDefinition, id: string, items: ListItemRecord[]): ListState => ({
    id,
    definition,
    nextItemId: items.length + 1,
    items,
    roleAssignments: listRoleAssignments(),
  });

  return {
    title: 'Planuppföljning',
    users: [...DEMO_USERS],
    groups: [
      {
        Id: DEMO_COORDINATOR_GROUP_ID,
        Title: COORDINATOR_GROUP,
        memberIds: [DEMO_COORDINATOR_ID],
      },
      { Id: DEMO_READER_GROUP_ID, Title: READER_GROUP, memberIds: DEMO_USERS.map((u) => u.Id) },
    ],
    lists: [
      list(FOLLOW_UP_LIST, '6f1c2a10-5b0e-4c8e-9a55-1d2f3e4a5b01', followUpItems),
      list(PERIOD_LIST, '6f1c2a10-5b0e-4c8e-9a55-1d2f3e4a5b02', periodItems),
    ],
    // The site as the lists: coordinators Full Control (they run set-up: Manage Lists, Create
    // Groups), everyone else Read.
    roleAssignments: listRoleAssignments(),
    defaultUserId: DEMO_DEFAULT_USER_ID,
  };
}
