/**
 * A small site state and an HTTP server around a local site, for the local site's own tests
 * (and anyone else's node tests that want a tiny, predictable site rather than the demo data).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  COORDINATOR_GROUP,
  FOLLOW_UP_LIST,
  PERIOD_LIST,
  INPUT_STATE_CHOICES,
  STATUS_CHOICES,
} from '../adapters/sharepoint/schema';
import { loadDemoState } from '../demo/load-demo-state';
import { emptyListState, type LocalSite } from './local-site';
import { ROLE_DEFINITION_IDS } from './permissions';
import type { ListItemRecord, ListState, SiteState, SiteUser } from './site-state';

/** List GUIDs of the fixture. */
export const FIXTURE_FOLLOW_UP_LIST_ID = '0b9a3c5e-1d2f-4a6b-8c7d-9e0f1a2b3c4d';
export const FIXTURE_PERIOD_LIST_ID = '1c0b4d6f-2e3a-4b7c-9d8e-0f1a2b3c4d5e';

function user(id: number, title: string, upn: string, email = upn): SiteUser {
  return {
    Id: id,
    Title: title,
    Email: email,
    LoginName: `i:0#.f|membership|${upn}`,
    UserPrincipalName: upn,
    IsSiteAdmin: false,
  };
}

/** Anna (1, default, owner), Bo (2, coordinator), Cilla (3, no e-mail), Dan (4). */
export const FIXTURE_USERS: readonly SiteUser[] = [
  user(1, 'Anna Ägare', 'anna@region.example'),
  user(2, 'Bo Samordnare', 'bo@region.example'),
  user(3, 'Cilla Utan Post', 'cilla@region.example', ''),
  user(4, 'Dan Läsare', 'dan@region.example'),
];

function item(id: number, fields: Record<string, unknown>, day = id): ListItemRecord {
  const at = `2020-05-${String(day).padStart(2, '0')}T10:00:00Z`;
  return { Id: id, version: 1, Created: at, Modified: at, AuthorId: 2, EditorId: 2, fields };
}

/**
 * Five follow-ups of period 2020-04 (one of 2017-08) and two periods. Plans: A (Anna), B (Anna
 * and Dan), C (Dan), D (none), E (Cilla, in 2017-08).
 */
export function fixtureState(): SiteState {
  const followUps = emptyListState(FOLLOW_UP_LIST, FIXTURE_FOLLOW_UP_LIST_ID);
  const rows: [string, string, number, number[] | null, string | null, string][] = [
    ['A', '2020-04', 1, [1], STATUS_CHOICES.good, INPUT_STATE_CHOICES.submitted],
    ['B', '2020-04', 2, [1, 4], STATUS_CHOICES.partly, INPUT_STATE_CHOICES.draft],
    ['C', '2020-04', 3, [4], null, INPUT_STATE_CHOICES.missing],
    ['D', '2020-04', 4, null, STATUS_CHOICES.poor, INPUT_STATE_CHOICES.submitted],
    ['E', '2017-08', 1, [3], STATUS_CHOICES.good, INPUT_STATE_CHOICES.submitted],
  ];
  followUps.items = rows.map(([plan, period, order, owners, status, input], i) =>
    item(i + 1, {
      Title: `Plan ${plan}`,
      PlanKey: plan.toLowerCase(),
      PeriodKey: period,
      PlanPeriodKey: `${plan.toLowerCase()}|${period}`,
      SortOrder: order,
      ...(owners ? { Owners: owners } : {}),
      ...(status ? { Status: status } : {}),
      InputState: input,
      Comment: `<div class="ExternalClass0123456789ABCDEF0123456789ABCDEF"><p>Kommentar ${plan}</p></div>`,
      PlanDocument: { Url: `https://docs.example/${plan}.pdf`, Description: `Plan ${plan}` },
      ...(input === INPUT_STATE_CHOICES.submitted
        ? { SubmittedBy: 1, SubmittedAt: '2020-05-10T08:30:00Z' }
        : {}),
    }),
  );
  followUps.nextItemId = rows.length + 1;
  const periods = emptyListState(PERIOD_LIST, FIXTURE_PERIOD_LIST_ID);
  periods.items = [
    item(1, { Title: 'Delårsrapport augusti 2017', PeriodKey: '2017-08', State: 'Låst' }, 1),
    item(2, { Title: 'Tertialrapport april 2020', PeriodKey: '2020-04', State: 'Öppen' }, 2),
  ];
  periods.nextItemId = 3;
  return {
    title: 'Planuppföljning (test)',
    users: [...FIXTURE_USERS],
    groups: [
      { Id: 5, Title: COORDINATOR_GROUP, memberIds: [2] },
      { Id: 6, Title: 'Planuppföljning Members', memberIds: [1, 2, 3, 4] },
    ],
    lists: [followUps, periods],
    defaultUserId: 1,
  };
}

/** Site group ids of the empty site: a new team site's owners, members and visitors. */
export const EMPTY_SITE_GROUPS = { owners: 5, members: 6, visitors: 7 } as const;

/**
 * A new team site before set-up: the fixture's users, the site's own Owners (Bo: Full Control),
 * Members (Anna, Cilla: Edit, which holds Manage Lists but not Create Groups) and Visitors (Dan:
 * Read), and no lists or app groups at all.
 */
export function emptySiteState(): SiteState {
  return {
    title: 'Planuppföljning (tom)',
    users: [...FIXTURE_USERS],
    groups: [
      { Id: EMPTY_SITE_GROUPS.owners, Title: 'Planuppföljning Owners', memberIds: [2] },
      { Id: EMPTY_SITE_GROUPS.members, Title: 'Planuppföljning Members', memberIds: [1, 3] },
      { Id: EMPTY_SITE_GROUPS.visitors, Title: 'Planuppföljning Visitors', memberIds: [4] },
    ],
    lists: [],
    roleAssignments: [
      { principalId: EMPTY_SITE_GROUPS.owners, roleDefId: ROLE_DEFINITION_IDS.fullControl },
      { principalId: EMPTY_SITE_GROUPS.members, roleDefId: ROLE_DEFINITION_IDS.edit },
      { principalId: EMPTY_SITE_GROUPS.visitors, roleDefId: ROLE_DEFINITION_IDS.read },
    ],
    defaultUserId: 2,
  };
}

function alterList(
  state: SiteState,
  title: string,
  change: (list: ListState) => ListState['definition'],
): void {
  const list = state.lists.find((l) => l.definition.title === title);
  if (!list) throw new Error(`No list '${title}' in the state.`);
  list.definition = change(list);
}

/**
 * The demo site (src/demo/demo-site.json) half set up, as after an older version of the app or a
 * set-up that stopped midway. Missing or different:
 * - Uppföljning handlingsplaner: the view "Saknar svar"; the field ReviewComment; PlanKey's
 *   index; Status's column formatting; PlanPeriodKey's unique values; Comment is plain text.
 * - Uppföljningsperioder: the field Log; PeriodKey's display name is "PeriodKey".
 * Everything else (items included) is as in the demo.
 */
export function partialSiteState(): SiteState {
  const state = loadDemoState();
  alterList(state, FOLLOW_UP_LIST.title, (list) => ({
    ...list.definition,
    views: (list.definition.views ?? []).filter((v) => v.title !== 'Saknar svar'),
    fields: list.definition.fields
      .filter((f) => f.internalName !== 'ReviewComment')
      .map((f) => {
        if (f.internalName === 'PlanKey') return { ...f, indexed: false };
        if (f.internalName === 'PlanPeriodKey') return { ...f, unique: false };
        if (f.internalName === 'Comment') return { ...f, richText: false };
        if (f.internalName === 'Status') return { ...f, customFormatter: undefined };
        return f;
      }),
  }));
  alterList(state, PERIOD_LIST.title, (list) => ({
    ...list.definition,
    fields: list.definition.fields
      .filter((f) => f.internalName !== 'Log')
      .map((f) => (f.internalName === 'PeriodKey' ? { ...f, displayName: 'PeriodKey' } : f)),
  }));
  for (const list of state.lists) {
    const names = new Set(list.definition.fields.map((f) => f.internalName));
    for (const item of list.items) {
      item.fields = Object.fromEntries(
        Object.entries(item.fields).filter(([name]) => names.has(name)),
      );
    }
  }
  return state;
}

/** A running HTTP server around a site. */
export interface FixtureServer {
  /** Absolute URL of the site, e.g. http://127.0.0.1:53211/sites/planuppfoljning */
  readonly siteUrl: string;
  readonly origin: string;
  close(): Promise<void>;
}

/** Serves the site on a free port of 127.0.0.1 (anything outside the site answers 404). */
export async function serveSite(
  site: LocalSite,
  sitePath = '/sites/planuppfoljning',
): Promise<FixtureServer> {
  const server: Server = createServer((req, res) =>
    site.handle(req, res, () => {
      res.statusCode = 404;
      res.end();
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    siteUrl: `${origin}${sitePath}`,
    origin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
