/**
 * Small site states and an HTTP server around a local site, for the local site's own tests (and
 * anyone else's node tests that want a tiny, predictable site). The lists are written as
 * SharePoint data (field SchemaXml, views), as an admin or a set-up would have made them; the
 * stand-in knows nothing of the app that uses them.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { newDocumentLibrary } from './documents';
import { setAttribute } from './field-schema';
import { seededIds } from './item-json';
import { listField, listFromSchema, type ListSchema } from './lists';
import type { LocalSite } from './local-site';
import { ROLE_DEFINITION_IDS } from './permissions';
import type { ListItemRecord, ListState, SiteState, SiteUser } from './site-state';

/** List GUIDs of the fixture. */
export const FIXTURE_FOLLOW_UP_LIST_ID = '0b9a3c5e-1d2f-4a6b-8c7d-9e0f1a2b3c4d';
export const FIXTURE_PERIOD_LIST_ID = '1c0b4d6f-2e3a-4b7c-9d8e-0f1a2b3c4d5e';

/** Titles of the fixture's lists and its coordinators' group. */
export const FIXTURE_LISTS = {
  followUps: 'Uppföljning handlingsplaner',
  periods: 'Uppföljningsperioder',
} as const;
export const FIXTURE_COORDINATORS = 'Planuppföljning – samordnare';

/** Choice texts of the fixture's Status field. */
export const FIXTURE_STATUS = {
  good: 'Arbetet går bra',
  partly: 'Arbetet går delvis bra',
  poor: 'Arbetet går dåligt',
  notAssessed: 'Ej bedömd',
} as const;
const INPUT = { missing: 'Saknas', draft: 'Utkast', submitted: 'Inskickad' } as const;

const choices = (values: readonly string[]) =>
  `<CHOICES>${values.map((v) => `<CHOICE>${v}</CHOICE>`).join('')}</CHOICES>`;
const text = (name: string, display: string, extra = '', maxLength = 255) =>
  `<Field Type="Text" Name="${name}" StaticName="${name}" DisplayName="${display}" Required="FALSE" MaxLength="${maxLength}"${extra} />`;
const note = (name: string, display: string, rich: boolean) =>
  `<Field Type="Note" Name="${name}" StaticName="${name}" DisplayName="${display}" Required="FALSE" NumLines="6" RichText="${rich ? 'TRUE' : 'FALSE'}"${rich ? ' RichTextMode="FullHtml"' : ''} />`;
const choice = (name: string, display: string, values: readonly string[], extra = '') =>
  `<Field Type="Choice" Name="${name}" StaticName="${name}" DisplayName="${display}" Required="FALSE" Format="Dropdown" FillInChoice="FALSE"${extra}>${choices(values)}</Field>`;

/** The Status column's formatting (a small one: the stand-in keeps whatever JSON it is given). */
const STATUS_FORMATTER = '{"elmType":"div","txtContent":"@currentField"}';

/** The follow-up list as the app's set-up makes it. */
export const FOLLOW_UP_SCHEMA: ListSchema = {
  id: FIXTURE_FOLLOW_UP_LIST_ID,
  title: FIXTURE_LISTS.followUps,
  description: 'En rad per handlingsplan och uppföljningsperiod.',
  fields: [
    text('Title', 'Handlingsplan'),
    text('PlanKey', 'Plannyckel', ' Indexed="TRUE"'),
    text('PeriodKey', 'Period', ' Indexed="TRUE"'),
    text('PlanPeriodKey', 'Plan och period', ' Indexed="TRUE" EnforceUniqueValues="TRUE"'),
    '<Field Type="Number" Name="SortOrder" StaticName="SortOrder" DisplayName="Ordning" Required="FALSE" />',
    text('Validity', 'Giltighet'),
    text('Decision', 'Beslut'),
    text('DiaryNumber', 'Diarienummer'),
    '<Field Type="URL" Name="PlanDocument" StaticName="PlanDocument" DisplayName="Plandokument" Required="FALSE" Format="Hyperlink" />',
    '<Field Type="UserMulti" Name="Owners" StaticName="Owners" DisplayName="Ansvariga" Required="FALSE" UserSelectionMode="PeopleOnly" UserSelectionScope="0" Mult="TRUE" />',
    choice('Lifecycle', 'Livscykel', ['Aktiv', 'Under omarbetning', 'Avslutad', 'Ersatt']),
    text('LifecycleFrom', 'Gäller från period'),
    text('ReplacedBy', 'Ersatt av (plannyckel)'),
    choice(
      'Status',
      'Status',
      Object.values(FIXTURE_STATUS),
      ` CustomFormatter="${STATUS_FORMATTER.replace(/"/g, '&quot;')}"`,
    ),
    text('StatusNote', 'Notering'),
    note('Comment', 'Kommentar', true),
    choice('InputState', 'Inmatning', Object.values(INPUT), ' Indexed="TRUE"'),
    '<Field Type="User" Name="SubmittedBy" StaticName="SubmittedBy" DisplayName="Inskickad av" Required="FALSE" UserSelectionMode="PeopleOnly" UserSelectionScope="0" />',
    '<Field Type="DateTime" Name="SubmittedAt" StaticName="SubmittedAt" DisplayName="Inskickad" Required="FALSE" Format="DateTime" />',
    choice('ReviewState', 'Granskning', ['Ej granskad', 'Granskad', 'Återsänd']),
    note('ReviewComment', 'Granskningskommentar', false),
  ],
  views: [
    {
      Title: 'Aktuell period',
      ViewFields: ['LinkTitle', 'Status', 'StatusNote', 'InputState', 'Owners', 'SubmittedAt'],
      ViewQuery:
        '<GroupBy Collapse="FALSE" GroupLimit="30"><FieldRef Name="PeriodKey" Ascending="FALSE"/></GroupBy><OrderBy><FieldRef Name="SortOrder"/></OrderBy>',
      RowLimit: 100,
      CustomFormatter: '',
    },
    {
      Title: 'Saknar svar',
      ViewFields: ['LinkTitle', 'PeriodKey', 'Owners', 'InputState'],
      ViewQuery:
        '<Where><Eq><FieldRef Name="InputState"/><Value Type="Choice">Saknas</Value></Eq></Where><OrderBy><FieldRef Name="PeriodKey" Ascending="FALSE"/><FieldRef Name="SortOrder"/></OrderBy>',
      RowLimit: 100,
      CustomFormatter: '{"additionalRowClass":"sp-field-severity--severeWarning"}',
    },
  ],
};

/** The period list as the app's set-up makes it. */
export const PERIOD_SCHEMA: ListSchema = {
  id: FIXTURE_PERIOD_LIST_ID,
  title: FIXTURE_LISTS.periods,
  description:
    'En rad per uppföljningsperiod: förfallodatum, läge, sammanfattning och rapportdata.',
  fields: [
    text('Title', 'Rubrik'),
    text('PeriodKey', 'Period', ' Indexed="TRUE" EnforceUniqueValues="TRUE"'),
    '<Field Type="DateTime" Name="DueDate" StaticName="DueDate" DisplayName="Sista svarsdag" Required="FALSE" Format="DateTime" />',
    choice('State', 'Läge', ['Öppen', 'Låst']),
    note('Summary', 'Sammanfattning', true),
    text('ReportUnit', 'Utfärdande enhet'),
    note('ReportContact', 'Kontaktperson', false),
    text('ReportDate', 'Rapportdatum', '', 10),
    text('ReportDiaryNumber', 'Rapportens diarienummer'),
    note('Log', 'Logg', false),
  ],
};

/** Both fixture lists, empty, made the same way every time. */
export function fixtureLists(): ListState[] {
  const ids = seededIds('fixture');
  const created = '2020-01-01T08:00:00Z';
  return [
    listFromSchema(FOLLOW_UP_SCHEMA, created, ids),
    listFromSchema(PERIOD_SCHEMA, created, ids),
  ];
}

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
  const [followUps, periods] = fixtureLists();
  if (!followUps || !periods) throw new Error('The fixture has two lists.');
  const rows: [string, string, number, number[] | null, string | null, string][] = [
    ['A', '2020-04', 1, [1], FIXTURE_STATUS.good, INPUT.submitted],
    ['B', '2020-04', 2, [1, 4], FIXTURE_STATUS.partly, INPUT.draft],
    ['C', '2020-04', 3, [4], null, INPUT.missing],
    ['D', '2020-04', 4, null, FIXTURE_STATUS.poor, INPUT.submitted],
    ['E', '2017-08', 1, [3], FIXTURE_STATUS.good, INPUT.submitted],
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
      ...(input === INPUT.submitted ? { SubmittedBy: 1, SubmittedAt: '2020-05-10T08:30:00Z' } : {}),
    }),
  );
  followUps.nextItemId = rows.length + 1;
  periods.items = [
    item(1, { Title: 'Delårsrapport augusti 2017', PeriodKey: '2017-08', State: 'Låst' }, 1),
    item(2, { Title: 'Tertialrapport april 2020', PeriodKey: '2020-04', State: 'Öppen' }, 2),
  ];
  periods.nextItemId = 3;
  return {
    title: 'Planuppföljning (test)',
    users: [...FIXTURE_USERS],
    groups: [
      { Id: 5, Title: FIXTURE_COORDINATORS, memberIds: [2] },
      { Id: 6, Title: 'Planuppföljning Members', memberIds: [1, 2, 3, 4] },
    ],
    lists: [followUps, periods],
    defaultUserId: 1,
  };
}

/** The fixture's document library (a team site's "Dokument", URL `Shared Documents`). */
export const FIXTURE_LIBRARY_ID = '2d1c5e7a-3f4b-4c8d-8e9f-1a2b3c4d5e6f';

/**
 * The state with a team site's document library added: "Dokument" at `Shared Documents`,
 * inheriting the site's permissions, no folders or files.
 */
export function withDocumentLibrary(state: SiteState): SiteState {
  const library = newDocumentLibrary({
    id: FIXTURE_LIBRARY_ID,
    title: 'Dokument',
    url: 'Shared Documents',
    created: '2020-01-01T08:00:00Z',
    newId: seededIds('fixture-library'),
  });
  return { ...state, lists: [...state.lists, library] };
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

function listTitled(state: SiteState, title: string): ListState {
  const list = state.lists.find((l) => l.Title === title);
  if (!list) throw new Error(`No list '${title}' in the state.`);
  return list;
}

function changeField(list: ListState, name: string, change: Record<string, string | null>): void {
  const field = listField(list, name);
  if (!field) throw new Error(`No field '${name}' in '${list.Title}'.`);
  for (const [attribute, value] of Object.entries(change)) setAttribute(field, attribute, value);
}

function dropField(list: ListState, name: string): void {
  list.fields = list.fields.filter((f) => f !== listField(list, name));
  for (const item of list.items) delete item.fields[name];
}

/**
 * A site with the follow-up lists half set up, as after an older version of a set-up or one that
 * stopped midway: of `state` (the lists of FOLLOW_UP_SCHEMA and PERIOD_SCHEMA, items and all),
 * missing or different are
 * - Uppföljning handlingsplaner: the view "Saknar svar"; the field ReviewComment; PlanKey's
 *   index; Status's column formatting; PlanPeriodKey's unique values; Comment is plain text.
 * - Uppföljningsperioder: the field Log; PeriodKey's display name is "PeriodKey".
 */
export function halfSetUp(state: SiteState): SiteState {
  const followUps = listTitled(state, FIXTURE_LISTS.followUps);
  followUps.views = followUps.views.filter((v) => v.Title !== 'Saknar svar');
  dropField(followUps, 'ReviewComment');
  changeField(followUps, 'PlanKey', { Indexed: 'FALSE' });
  changeField(followUps, 'PlanPeriodKey', { EnforceUniqueValues: 'FALSE' });
  changeField(followUps, 'Comment', { RichText: 'FALSE', RichTextMode: null });
  changeField(followUps, 'Status', { CustomFormatter: null });
  const periods = listTitled(state, FIXTURE_LISTS.periods);
  dropField(periods, 'Log');
  changeField(periods, 'PeriodKey', { DisplayName: 'PeriodKey' });
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
