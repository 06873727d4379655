import { z } from 'zod/mini';
import type {
  FollowUp,
  FollowUpInput,
  InputState,
  Lifecycle,
  Person,
  PlanKey,
  ReviewState,
  Status,
} from '../../domain/follow-up';
import {
  isPeriodKey,
  parsePeriodKey,
  type Period,
  type PeriodKey,
  type LegendPlacement,
  type PeriodState,
} from '../../domain/period';
import { parsePeriodLog } from '../../domain/period-log';
import type { OverTimeItem } from '../../domain/over-time';
import { stockholmDate } from '../../domain/stockholm-date';
import type { NewFollowUp, NewPeriod, SaveIntent } from '../../domain/rules';
import {
  INPUT_STATE_CHOICES,
  LIFECYCLE_CHOICES,
  LEGEND_PLACEMENT_CHOICES,
  PERIOD_STATE_CHOICES,
  REVIEW_CHOICES,
  STATUS_CHOICES,
} from './schema';

/**
 * The one place where SharePoint's internal names and value shapes meet the domain: list item
 * JSON is validated with zod and mapped to domain objects, and domain values are mapped back to
 * the field values SharePoint expects. Data that another editor left in an unexpected shape
 * (unknown choice, missing field) is read leniently rather than crashed on.
 */

/**
 * What the app reads of a person field. Never `EMail`: SharePoint Online fails the whole query
 * (HTTP 500, "Cannot get value for projected field …_x005f_EMail") when one of the people has no
 * mailbox. `Name` is the login (claims) name, which holds the UPN that Graph resolves.
 */
const PERSON_FIELDS = ['Id', 'Title', 'Name'] as const;
const personSelect = (field: string) => PERSON_FIELDS.map((p) => `${field}/${p}`);

/** The claims prefix of an Entra ID user's login name: `i:0#.f|membership|<upn>`. */
const MEMBERSHIP_CLAIM = 'i:0#.f|membership|';

/**
 * The user principal name in a SharePoint login name (`LoginName`, a person field's `Name`), or ''
 * when the login is not an Entra user's (a group's `c:0t.c|tenant|…`, an app's, a Windows
 * account's). SharePoint writes the claim in lower case; Graph matches UPNs case-insensitively.
 * Claims encoding (`i` identity, `#` logon name, `.` string, `f` forms; SharePoint Online signs
 * Entra users in through the `membership` provider): https://social.technet.microsoft.com/wiki/
 * contents/articles/13921.sharepoint-2013-and-sharepoint-2010-claims-encoding.aspx
 */
export function upnFromLogin(login: string | null | undefined): string {
  if (!login || login.slice(0, MEMBERSHIP_CLAIM.length).toLowerCase() !== MEMBERSHIP_CLAIM) {
    return '';
  }
  const upn = login.slice(MEMBERSHIP_CLAIM.length).trim();
  return upn.includes('@') ? upn : '';
}

/** $select and $expand for follow-up items: only what the app shows, no per-row requests. */
export const FOLLOW_UP_SELECT = [
  'Id',
  'Title',
  'PlanKey',
  'PeriodKey',
  'SortOrder',
  'Validity',
  'Decision',
  'DiaryNumber',
  'PlanDocument',
  'Lifecycle',
  'LifecycleFrom',
  'ReplacedBy',
  'Status',
  'StatusNote',
  'Comment',
  'InputState',
  'SubmittedAt',
  'ReviewState',
  'ReviewComment',
  'Modified',
  ...personSelect('Owners'),
  ...personSelect('SubmittedBy'),
  ...personSelect('Editor'),
];
export const FOLLOW_UP_EXPAND = ['Owners', 'SubmittedBy', 'Editor'];

export const PERIOD_SELECT = [
  'Id',
  'Title',
  'PeriodKey',
  'DueDate',
  'State',
  'Summary',
  'ReportIntroduction',
  'LegendPlacement',
  'ReportUnit',
  'ReportContact',
  'ReportDate',
  'ReportDiaryNumber',
  'Log',
];

const text = z.pipe(
  z.nullish(z.string()),
  z.transform((v: string | null | undefined) => v ?? ''),
);

const personSchema = z.object({
  Id: z.number(),
  Title: z.nullish(z.string()),
  Name: z.nullish(z.string()),
});

/** An expanded person field: object, array, null, or absent; an empty lookup has no Id. */
const peopleSchema = z.pipe(
  z.unknown(),
  z.transform((value: unknown): Person[] => {
    const values = Array.isArray(value) ? value : value == null ? [] : [value];
    return values.flatMap((v) => {
      const parsed = personSchema.safeParse(v);
      return parsed.success
        ? [
            {
              id: parsed.data.Id,
              name: parsed.data.Title ?? '',
              upn: upnFromLogin(parsed.data.Name),
            },
          ]
        : [];
    });
  }),
);

const urlSchema = z.pipe(
  z.nullish(z.object({ Url: z.nullish(z.string()) })),
  z.transform((v: { Url?: string | null | undefined } | null | undefined) =>
    v?.Url ? v.Url : null,
  ),
);

function reverseChoice<K extends string>(choices: Record<K, string>) {
  const byText = new Map<string, K>(
    (Object.entries(choices) as Array<[K, string]>).map(([key, label]) => [label, key]),
  );
  return (label: string | null | undefined): K | null =>
    label == null ? null : (byText.get(label) ?? null);
}

const statusOf = reverseChoice<Status>(STATUS_CHOICES);
const inputStateOf = reverseChoice<InputState>(INPUT_STATE_CHOICES);
const lifecycleOf = reverseChoice<Lifecycle>(LIFECYCLE_CHOICES);
const periodStateOf = reverseChoice<PeriodState>(PERIOD_STATE_CHOICES);
const legendPlacementOf = reverseChoice<LegendPlacement>(LEGEND_PLACEMENT_CHOICES);
const reviewStateOf = reverseChoice<ReviewState>(REVIEW_CHOICES);

/** SharePoint wraps rich text in `<div class="ExternalClass…">`; the app stores plain HTML. */
export function unwrapRichText(html: string): string {
  const match = /^\s*<div class="?ExternalClass[0-9A-Fa-f]*"?>([\s\S]*)<\/div>\s*$/.exec(html);
  return match ? (match[1] ?? '') : html;
}

const etagSchema = z.string().check(z.minLength(1));

const followUpItemSchema = z.object({
  'odata.etag': etagSchema,
  Id: z.number(),
  Title: text,
  PlanKey: text,
  PeriodKey: text,
  SortOrder: z.nullish(z.number()),
  Validity: text,
  Decision: text,
  DiaryNumber: text,
  PlanDocument: urlSchema,
  Lifecycle: z.nullish(z.string()),
  LifecycleFrom: z.nullish(z.string()),
  ReplacedBy: z.nullish(z.string()),
  Status: z.nullish(z.string()),
  StatusNote: text,
  Comment: text,
  InputState: z.nullish(z.string()),
  SubmittedAt: z.nullish(z.string()),
  ReviewState: z.nullish(z.string()),
  ReviewComment: text,
  Modified: z.string(),
  Owners: peopleSchema,
  SubmittedBy: peopleSchema,
  Editor: peopleSchema,
});

/** Maps one list item of "Uppföljning handlingsplaner" to a follow-up. Throws on a broken item. */
export function followUpFromItem(item: unknown): FollowUp {
  const v = followUpItemSchema.parse(item);
  const submittedBy = v.SubmittedBy[0] ?? null;
  return {
    itemId: v.Id,
    version: v['odata.etag'],
    planKey: (v.PlanKey || `item-${v.Id}`) as PlanKey,
    periodKey: v.PeriodKey as PeriodKey,
    sortOrder: v.SortOrder ?? Number.MAX_SAFE_INTEGER,
    title: v.Title,
    validity: v.Validity,
    decision: v.Decision,
    diaryNumber: v.DiaryNumber,
    documentUrl: v.PlanDocument,
    owners: v.Owners,
    lifecycle: lifecycleOf(v.Lifecycle) ?? 'active',
    lifecycleFrom: v.LifecycleFrom && isPeriodKey(v.LifecycleFrom) ? v.LifecycleFrom : null,
    replacedBy: v.ReplacedBy ? (v.ReplacedBy as PlanKey) : null,
    status: statusOf(v.Status),
    statusNote: v.StatusNote,
    comment: unwrapRichText(v.Comment),
    inputState: inputStateOf(v.InputState) ?? 'missing',
    submittedBy,
    submittedAt: v.SubmittedAt ?? null,
    modifiedAt: v.Modified,
    modifiedBy: v.Editor[0] ?? null,
    review: { state: reviewStateOf(v.ReviewState) ?? 'none', comment: v.ReviewComment },
  };
}

/** Maps many items, skipping (and reporting) any that cannot be read at all. */
export function followUpsFromItems(items: readonly unknown[]): FollowUp[] {
  return items.flatMap((item) => {
    const parsed = followUpItemSchema.safeParse(item);
    return parsed.success ? [followUpFromItem(item)] : [];
  });
}

const periodItemSchema = z.object({
  'odata.etag': etagSchema,
  Id: z.number(),
  PeriodKey: z.string(),
  DueDate: z.nullish(z.string()),
  State: z.nullish(z.string()),
  Summary: text,
  ReportIntroduction: text,
  LegendPlacement: z.nullish(z.string()),
  ReportUnit: text,
  ReportContact: text,
  ReportDate: text,
  ReportDiaryNumber: text,
  Log: text,
});

/** Writes a date-only value as noon UTC, which is the same calendar date in Stockholm. */
export function dateToSharePoint(isoDate: string): string | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? `${isoDate}T12:00:00Z` : null;
}

/** Maps one item of "Uppföljningsperioder"; null when its key is not a period key. */
export function periodFromItem(item: unknown): Period | null {
  const parsed = periodItemSchema.safeParse(item);
  if (!parsed.success) return null;
  const v = parsed.data;
  const id = parsePeriodKey(v.PeriodKey);
  if (!id) return null;
  return {
    ...id,
    key: v.PeriodKey as PeriodKey,
    itemId: v.Id,
    version: v['odata.etag'],
    state: periodStateOf(v.State) ?? 'open',
    // SharePoint keeps a date-only value as an instant; the date a Swedish user means is the one
    // in Stockholm.
    dueDate: v.DueDate ? stockholmDate(v.DueDate) : '',
    summary: unwrapRichText(v.Summary),
    introduction: v.ReportIntroduction,
    // A site set up before the field existed has none: the 2020 report's order.
    legendPlacement: legendPlacementOf(v.LegendPlacement) ?? 'before-summary',
    report: {
      unit: v.ReportUnit,
      contact: v.ReportContact,
      date: v.ReportDate,
      diaryNumber: v.ReportDiaryNumber,
    },
    log: parsePeriodLog(v.Log),
  };
}

/** Field values for an owner's save. */
export function inputToFields(
  input: FollowUpInput,
  intent: SaveIntent,
  by: Person,
  now: Date,
): Record<string, unknown> {
  const submitted = intent === 'submit';
  return {
    Status: input.status === null ? null : STATUS_CHOICES[input.status],
    StatusNote: input.status === 'not-assessed' ? input.statusNote.trim() : '',
    Comment: input.comment,
    InputState: submitted ? INPUT_STATE_CHOICES.submitted : INPUT_STATE_CHOICES.draft,
    SubmittedById: submitted ? by.id : null,
    SubmittedAt: submitted ? now.toISOString() : null,
    // A new submission is a new answer: an earlier sign-off no longer applies to it.
    ...(submitted ? { ReviewState: REVIEW_CHOICES.none, ReviewComment: '' } : {}),
  };
}

/** Field values for a coordinator's sign-off. */
export function reviewToFields(decision: {
  state: 'approved' | 'returned';
  comment: string;
}): Record<string, unknown> {
  return {
    ReviewState: REVIEW_CHOICES[decision.state],
    ReviewComment: decision.comment.trim(),
    // Sent back: the owner completes it as a draft and submits again.
    ...(decision.state === 'returned' ? { InputState: INPUT_STATE_CHOICES.draft } : {}),
  };
}

/** Field values for a new follow-up item (rollover, demo data). */
export function newFollowUpToFields(f: NewFollowUp): Record<string, unknown> {
  return {
    Title: f.title,
    PlanKey: f.planKey,
    PeriodKey: f.periodKey,
    PlanPeriodKey: `${f.planKey}|${f.periodKey}`,
    SortOrder: f.sortOrder,
    Validity: f.validity,
    Decision: f.decision,
    DiaryNumber: f.diaryNumber,
    PlanDocument: f.documentUrl ? { Description: f.title, Url: f.documentUrl } : null,
    OwnersId: f.owners.map((o) => o.id),
    Lifecycle: LIFECYCLE_CHOICES[f.lifecycle],
    Status: f.status === null ? null : STATUS_CHOICES[f.status],
    StatusNote: f.statusNote,
    Comment: f.comment,
    InputState: INPUT_STATE_CHOICES[f.inputState],
    SubmittedById: f.submittedBy?.id ?? null,
    SubmittedAt: f.submittedAt,
  };
}

/** Field values for a new period item. */
export function newPeriodToFields(p: NewPeriod, title: string): Record<string, unknown> {
  return {
    Title: title,
    PeriodKey: p.key,
    DueDate: dateToSharePoint(p.dueDate),
    State: PERIOD_STATE_CHOICES[p.state],
    Summary: p.summary,
    ReportIntroduction: p.introduction,
    LegendPlacement: LEGEND_PLACEMENT_CHOICES[p.legendPlacement],
    ReportUnit: p.report.unit,
    ReportContact: p.report.contact,
    ReportDate: p.report.date,
    ReportDiaryNumber: p.report.diaryNumber,
    Log: p.log.map((entry) => JSON.stringify(entry)).join('\n'),
  };
}

/**
 * $select for the view "Över tid": only what its cells and filters show, for every period in
 * one query. No comment (read per item when opened), no decision, diary number or people but
 * the owners.
 */
export const OVER_TIME_SELECT = [
  'Id',
  'Title',
  'PlanKey',
  'PeriodKey',
  'SortOrder',
  'Lifecycle',
  'LifecycleFrom',
  'ReplacedBy',
  'Status',
  'StatusNote',
  'InputState',
  ...personSelect('Owners'),
];
export const OVER_TIME_EXPAND = ['Owners'];

/** The follow-up's fields "Över tid" reads (OVER_TIME_SELECT), checked as a follow-up's are. */
const overTimeItemSchema = z.pick(followUpItemSchema, {
  Id: true,
  Title: true,
  PlanKey: true,
  PeriodKey: true,
  SortOrder: true,
  Lifecycle: true,
  LifecycleFrom: true,
  ReplacedBy: true,
  Status: true,
  StatusNote: true,
  InputState: true,
  Owners: true,
});

/** Maps the narrow items of "Över tid", skipping any that cannot be read. */
export function overTimeItemsFromItems(items: readonly unknown[]): OverTimeItem[] {
  return items.flatMap((item): OverTimeItem[] => {
    const parsed = overTimeItemSchema.safeParse(item);
    if (!parsed.success) return [];
    const v = parsed.data;
    return [
      {
        itemId: v.Id,
        planKey: (v.PlanKey || `item-${v.Id}`) as PlanKey,
        periodKey: v.PeriodKey as PeriodKey,
        sortOrder: v.SortOrder ?? Number.MAX_SAFE_INTEGER,
        title: v.Title,
        owners: v.Owners,
        lifecycle: lifecycleOf(v.Lifecycle) ?? 'active',
        lifecycleFrom: v.LifecycleFrom && isPeriodKey(v.LifecycleFrom) ? v.LifecycleFrom : null,
        replacedBy: v.ReplacedBy ? (v.ReplacedBy as PlanKey) : null,
        status: statusOf(v.Status),
        statusNote: v.StatusNote,
        inputState: inputStateOf(v.InputState) ?? 'missing',
      },
    ];
  });
}

/** The comment of one item read by id (`Id`, `Comment`). */
export function commentFromItem(item: unknown): string {
  const parsed = z.object({ Comment: text }).safeParse(item);
  return parsed.success ? unwrapRichText(parsed.data.Comment) : '';
}
