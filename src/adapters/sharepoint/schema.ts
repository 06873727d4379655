/**
 * The SharePoint schema of Planuppföljning: list titles, field internal names (ASCII), Swedish
 * display names and choice texts. Pure data, no SDK import: the repositories, the set-up and the
 * local SharePoint site all read it, so a field is named in exactly one place.
 */
import { statusSymbol } from '../../domain/follow-up';

/** SharePoint field types the app uses (`TypeAsString` in SharePoint's field metadata). */
export type FieldType =
  'Text' | 'Note' | 'Number' | 'Choice' | 'User' | 'UserMulti' | 'URL' | 'DateTime';

export interface FieldDefinition {
  readonly internalName: string;
  readonly displayName: string;
  readonly type: FieldType;
  readonly required?: boolean;
  readonly indexed?: boolean;
  /** Enforce unique values (SharePoint requires the column to be indexed too). */
  readonly unique?: boolean;
  readonly choices?: readonly string[];
  /** Rich text (enhanced rich text) for Note fields. */
  readonly richText?: boolean;
  /** For Text fields: SharePoint's MaxLength (255 at most). */
  readonly maxLength?: number;
  /**
   * Column formatting: the field's `CustomFormatter`, JSON text of SharePoint's
   * column-formatting schema (compared as parsed JSON, so key order and spacing do not matter).
   */
  readonly customFormatter?: string;
}

/** A public view of a list, as set-up creates it. */
export interface ViewDefinition {
  readonly title: string;
  /** Internal names of the view's columns, in order (`LinkTitle`: the title linked to the item). */
  readonly fields: readonly string[];
  /** The view's CAML query (SharePoint's `ViewQuery`): `<Where>`, `<GroupBy>`, `<OrderBy>`. */
  readonly query: string;
  /** Items per page. */
  readonly rowLimit: number;
  /** View formatting: the view's `CustomFormatter`, JSON text of the row-formatting schema. */
  readonly rowFormatter?: string;
}

export interface ListDefinition {
  readonly title: string;
  readonly description: string;
  readonly fields: readonly FieldDefinition[];
  /** The public views set-up creates (lists keep any other views they have). */
  readonly views?: readonly ViewDefinition[];
}

/** Choice texts of the Status field, in the order the form offers them. */
export const STATUS_CHOICES = {
  good: 'Arbetet går bra',
  partly: 'Arbetet går delvis bra',
  poor: 'Arbetet går dåligt',
  'not-assessed': 'Ej bedömd',
} as const;

export const INPUT_STATE_CHOICES = {
  missing: 'Saknas',
  draft: 'Utkast',
  submitted: 'Inskickad',
} as const;

export const REVIEW_CHOICES = {
  none: 'Ej granskad',
  approved: 'Granskad',
  returned: 'Återsänd',
} as const;

export const LIFECYCLE_CHOICES = {
  active: 'Aktiv',
  'under-revision': 'Under omarbetning',
  retired: 'Avslutad',
  replaced: 'Ersatt',
} as const;

export const PERIOD_STATE_CHOICES = {
  open: 'Öppen',
  locked: 'Låst',
} as const;

export const LEGEND_PLACEMENT_CHOICES = {
  'before-summary': 'Före sammanfattningen',
  'after-summary': 'Efter sammanfattningen',
} as const;

/**
 * Choice text, arrow (as the reports print it) and SharePoint's severity class of each assessed
 * status: the colour always comes with the arrow and the text, never alone.
 */
const STATUS_ARROWS: ReadonlyArray<readonly [string, string, string]> = [
  [STATUS_CHOICES.good, statusSymbol('good'), 'sp-field-severity--good'],
  [STATUS_CHOICES.partly, statusSymbol('partly'), 'sp-field-severity--warning'],
  [STATUS_CHOICES.poor, statusSymbol('poor'), 'sp-field-severity--severeWarning'],
];

/** `if(@currentField == 'a', 'x', if(…, ''))` over the statuses. */
function byStatus(pick: (arrow: string, severity: string) => string): string {
  return STATUS_ARROWS.reduceRight(
    (otherwise, [choice, arrow, severity]) =>
      `if(@currentField == '${choice}', '${pick(arrow, severity)}', ${otherwise})`,
    "''",
  );
}

/**
 * Column formatting of Status in SharePoint's own list views: the arrow, the text and a colour
 * (SharePoint's severity classes, which follow the site theme and high contrast). The arrow is
 * hidden from screen readers, which read the text.
 */
export const STATUS_FORMATTER = JSON.stringify({
  $schema: 'https://developer.microsoft.com/json-schemas/sp/v2/column-formatting.schema.json',
  elmType: 'div',
  attributes: { class: `=${byStatus((_, severity) => severity)}` },
  children: [
    {
      elmType: 'span',
      attributes: { 'aria-hidden': 'true' },
      style: { 'padding-right': '6px', 'font-weight': 'bold' },
      txtContent: `=${byStatus((arrow) => arrow)}`,
    },
    { elmType: 'span', txtContent: '@currentField' },
  ],
});

/** View formatting of "Saknar svar": every row (an answer still missing) marked as a warning. */
export const MISSING_ROW_FORMATTER = JSON.stringify({
  $schema: 'https://developer.microsoft.com/json-schemas/sp/v2/row-formatting.schema.json',
  additionalRowClass: `=if([$InputState] == '${INPUT_STATE_CHOICES.missing}', 'sp-field-severity--severeWarning', '')`,
});

/** SharePoint's limit for a multi-line text field (characters). */
export const NOTE_FIELD_MAX_LENGTH = 63_999;

export const FOLLOW_UP_LIST: ListDefinition = {
  title: 'Uppföljning handlingsplaner',
  description: 'En rad per handlingsplan och uppföljningsperiod.',
  fields: [
    { internalName: 'Title', displayName: 'Handlingsplan', type: 'Text', required: true },
    { internalName: 'PlanKey', displayName: 'Plannyckel', type: 'Text', indexed: true },
    { internalName: 'PeriodKey', displayName: 'Period', type: 'Text', indexed: true },
    {
      internalName: 'PlanPeriodKey',
      displayName: 'Plan och period',
      type: 'Text',
      indexed: true,
      unique: true,
    },
    { internalName: 'SortOrder', displayName: 'Ordning', type: 'Number' },
    { internalName: 'Validity', displayName: 'Giltighet', type: 'Text' },
    { internalName: 'Decision', displayName: 'Beslut', type: 'Text' },
    { internalName: 'DiaryNumber', displayName: 'Diarienummer', type: 'Text' },
    { internalName: 'PlanDocument', displayName: 'Plandokument', type: 'URL' },
    { internalName: 'Owners', displayName: 'Ansvariga', type: 'UserMulti' },
    {
      internalName: 'Lifecycle',
      displayName: 'Livscykel',
      type: 'Choice',
      choices: Object.values(LIFECYCLE_CHOICES),
    },
    { internalName: 'LifecycleFrom', displayName: 'Gäller från period', type: 'Text' },
    { internalName: 'ReplacedBy', displayName: 'Ersatt av (plannyckel)', type: 'Text' },
    {
      internalName: 'Status',
      displayName: 'Status',
      type: 'Choice',
      choices: Object.values(STATUS_CHOICES),
      customFormatter: STATUS_FORMATTER,
    },
    { internalName: 'StatusNote', displayName: 'Notering', type: 'Text', maxLength: 255 },
    { internalName: 'Comment', displayName: 'Kommentar', type: 'Note', richText: true },
    {
      internalName: 'InputState',
      displayName: 'Inmatning',
      type: 'Choice',
      choices: Object.values(INPUT_STATE_CHOICES),
      // The "Saknar svar" view filters on it: indexed, the view keeps working past 5,000 items.
      indexed: true,
    },
    { internalName: 'SubmittedBy', displayName: 'Inskickad av', type: 'User' },
    { internalName: 'SubmittedAt', displayName: 'Inskickad', type: 'DateTime' },
    {
      internalName: 'ReviewState',
      displayName: 'Granskning',
      type: 'Choice',
      choices: Object.values(REVIEW_CHOICES),
    },
    { internalName: 'ReviewComment', displayName: 'Granskningskommentar', type: 'Note' },
  ],
  views: [
    {
      title: 'Aktuell period',
      fields: ['LinkTitle', 'Status', 'StatusNote', 'InputState', 'Owners', 'SubmittedAt'],
      // Grouped by period, newest period first; plans in their order within a period.
      query:
        '<GroupBy Collapse="FALSE" GroupLimit="30"><FieldRef Name="PeriodKey" Ascending="FALSE"/></GroupBy>' +
        '<OrderBy><FieldRef Name="SortOrder"/></OrderBy>',
      rowLimit: 100,
    },
    {
      title: 'Saknar svar',
      fields: ['LinkTitle', 'PeriodKey', 'Owners', 'InputState'],
      query:
        `<Where><Eq><FieldRef Name="InputState"/><Value Type="Choice">${INPUT_STATE_CHOICES.missing}</Value></Eq></Where>` +
        '<OrderBy><FieldRef Name="PeriodKey" Ascending="FALSE"/><FieldRef Name="SortOrder"/></OrderBy>',
      rowLimit: 100,
      rowFormatter: MISSING_ROW_FORMATTER,
    },
  ],
};

export const PERIOD_LIST: ListDefinition = {
  title: 'Uppföljningsperioder',
  description:
    'En rad per uppföljningsperiod: förfallodatum, läge, sammanfattning och rapportdata.',
  fields: [
    { internalName: 'Title', displayName: 'Rubrik', type: 'Text', required: true },
    {
      internalName: 'PeriodKey',
      displayName: 'Period',
      type: 'Text',
      indexed: true,
      unique: true,
    },
    { internalName: 'DueDate', displayName: 'Sista svarsdag', type: 'DateTime' },
    {
      internalName: 'State',
      displayName: 'Läge',
      type: 'Choice',
      choices: Object.values(PERIOD_STATE_CHOICES),
    },
    { internalName: 'Summary', displayName: 'Sammanfattning', type: 'Note', richText: true },
    // The report's own introduction, plain text; empty for the standard text.
    { internalName: 'ReportIntroduction', displayName: 'Inledning', type: 'Note' },
    {
      internalName: 'LegendPlacement',
      displayName: 'Teckenförklaringens plats',
      type: 'Choice',
      choices: Object.values(LEGEND_PLACEMENT_CHOICES),
    },
    { internalName: 'ReportUnit', displayName: 'Utfärdande enhet', type: 'Text' },
    { internalName: 'ReportContact', displayName: 'Kontaktperson', type: 'Note' },
    { internalName: 'ReportDate', displayName: 'Rapportdatum', type: 'Text', maxLength: 10 },
    { internalName: 'ReportDiaryNumber', displayName: 'Rapportens diarienummer', type: 'Text' },
    // Events of the period (reminders sent, locked, reopened with a reason), as JSON lines.
    { internalName: 'Log', displayName: 'Logg', type: 'Note' },
  ],
};

/** The SharePoint group whose members coordinate the follow-up. */
export const COORDINATOR_GROUP = 'Planuppföljning – samordnare';

/**
 * The SharePoint group of everyone who may read the follow-ups (coordinators, owners, management).
 * Items with unique permissions grant it Read, since they no longer inherit the list's readers.
 */
export const READER_GROUP = 'Planuppföljning – läsare';

export const LISTS: readonly ListDefinition[] = [FOLLOW_UP_LIST, PERIOD_LIST];

/**
 * What the two groups hold on both lists, by SharePoint's RoleType (5 Full Control, 2 Read): set-up
 * breaks the lists' inheritance (keeping what the site gives) and adds these. Coordinators need
 * Full Control to give follow-ups their own permissions at rollover.
 */
export const LIST_ROLES: ReadonlyArray<{ readonly group: string; readonly roleType: 2 | 5 }> = [
  { group: COORDINATOR_GROUP, roleType: 5 },
  { group: READER_GROUP, roleType: 2 },
];
