import { planDocumentHref } from './links';
import { assertNever } from './assert-never';
import {
  lifecycleIn,
  statusSymbol,
  type FollowUp,
  type Lifecycle,
  type PlanKey,
  type Status,
} from './follow-up';
import {
  closingMonthName,
  periodAsOf,
  type LegendPlacement,
  type Period,
  type PeriodId,
  type PeriodKey,
} from './period';
import { sortByPlanOrder } from './rules';
import { isBlankHtml } from './rich-text';

/**
 * The report model of "Bilaga 2": everything the published follow-up says, in reading order,
 * with no layout. The Word export (and any other rendering) only lays this out, so the wording
 * of the report lives here, beside the rules, and is tested without a document library.
 */

/** Only Swedish for now: the report is an appendix to the region's Swedish financial reports. */
export type ReportLocale = 'sv';

/** Statuses that carry an arrow and appear in the legend. */
export type AssessedStatus = Exclude<Status, 'not-assessed'>;

/** The report's header block (printed in the page header). Empty strings when not set. */
export interface ReportHeader {
  readonly unit: string;
  /** The contact's lines as the reports print them (name, "Tfn: …", "E-post: …"); [] when none. */
  readonly contact: readonly string[];
  /** YYYY-MM-DD or "". */
  readonly date: string;
  readonly diaryNumber: string;
}

/** One entry of the legend ("Uppföljningen har utgått från följande värden"). */
export interface ReportLegendEntry {
  readonly status: AssessedStatus;
  readonly symbol: string;
  readonly label: string;
  readonly description: string;
}

/** A row's status as printed: an arrow (null for none) and a text that reads without it. */
export interface ReportStatus {
  readonly status: Status | null;
  readonly symbol: string | null;
  readonly text: string;
}

/** One plan in the report's table. */
export interface ReportRow {
  /** Position in the report, 1..n. */
  readonly number: number;
  readonly planKey: PlanKey;
  readonly title: string;
  readonly validity: string;
  readonly decision: string;
  readonly diaryNumber: string;
  /**
   * The lines of the "Beslut/Dnr" cell: the decision and the diary number, the latter prefixed
   * "Dnr: " when it is a registry number ("RS/1957/2016"); other references ("Centuri 33786")
   * print as they are, as the reports do. Empty values give no line.
   */
  readonly reference: readonly string[];
  /** The plan document, only when it is an http(s) link (anything else is not printed). */
  readonly documentUrl: string | null;
  readonly lifecycle: Lifecycle;
  readonly status: ReportStatus;
  /**
   * Comment HTML as stored (untrusted; renderers keep only the comment vocabulary); "" if blank
   * and for a follow-up not submitted.
   */
  readonly comment: string;
  /**
   * Submitted (sent in, or reviewed): only then do the status and comment appear. A draft or a
   * missing answer prints "Inget svar inlämnat" and no comment, so a half-written answer never
   * reaches the report.
   */
  readonly answered: boolean;
}

/** Fixed texts of the layout (column headings, page numbering), so renderers hold no wording. */
export interface ReportLabels {
  readonly legendIntro: string;
  readonly columnPlan: string;
  readonly columnReference: string;
  readonly columnStatus: string;
  readonly columnComment: string;
  /** Prefix of the diary number in the page header: "Dnr: ". */
  readonly diaryPrefix: string;
  /** "Sida X av Y": the text before X and between X and Y. */
  readonly pageBefore: string;
  readonly pageBetween: string;
}

/** Everything "Bilaga 2" prints, in order. */
export interface ReportModel {
  readonly periodKey: PeriodKey;
  readonly locale: ReportLocale;
  /** BCP 47 language of the text, for the document's language setting. */
  readonly language: string;
  readonly header: ReportHeader;
  readonly title: string;
  /** Plain-text paragraphs of the period's introduction. */
  readonly introduction: readonly string[];
  /** Whether the legend comes before or after the summary. */
  readonly legendPlacement: LegendPlacement;
  /** The "Sammantaget visar…" paragraph(s) as HTML (untrusted); "" when not written. */
  readonly summary: string;
  readonly legend: readonly ReportLegendEntry[];
  readonly rows: readonly ReportRow[];
  readonly labels: ReportLabels;
  /**
   * Null for a locked period (the report is final); for an open one the sentence every rendering
   * shows at the top and on every page: the report is a draft.
   */
  readonly draftNotice: string | null;
}

/**
 * The report's title. The tertial is an "Avstämning" (the 2020 report), the delår an
 * "Uppföljning … per augusti" (the 2017 report); the årsbokslut follows the delår's wording.
 */
export function reportTitle(id: PeriodId, _locale: ReportLocale = 'sv'): string {
  switch (id.kind) {
    case 'tertial':
      return `Bilaga 2: Avstämning av övergripande handlingsplaner ${closingMonthName(id.kind)} ${id.year}`;
    case 'delar':
    case 'arsbokslut':
      return `Bilaga 2: Uppföljning av övergripande handlingsplaner per ${closingMonthName(id.kind)} ${id.year}`;
    default:
      return assertNever(id.kind);
  }
}

/**
 * The standard introduction, as the 2020 report words it (the longer of the two seeds), with the
 * last sentence following the period. A period that has no introduction of its own prints it.
 */
export function standardIntroduction(id: PeriodId, _locale: ReportLocale = 'sv'): string {
  return (
    'Övergripande handlingsplanen upprättas för sakområden som särskilt behöver fokuseras på ' +
    'och där gemensamt, planerat och systematiskt arbete krävs för att driva arbetet med ' +
    'sakområdet framåt. I dem finns en vägledning om vilka aktiviteter som varje verksamhet ' +
    'ska bidra med för att nå övergripande mål. Handlingsplanerna har olika löptider, från ett ' +
    'till flera år. Handlingsplanerna fastställs av regiondirektör och följs upp i samband med ' +
    'tertialrapport, delårsrapport och i årsbokslutet. Den här rapporten redovisar uppföljning ' +
    `${periodAsOf(id)}.`
  );
}

/** Plain text's paragraphs: apart by one or more blank lines, each with its lines joined. */
export function textParagraphs(text: string): string[] {
  return text
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph !== '');
}

/** The introduction a period's report prints: its own, or the standard text for the period. */
export function reportIntroduction(
  period: PeriodId & Pick<Period, 'introduction'>,
  locale: ReportLocale = 'sv',
): string[] {
  const own = textParagraphs(period.introduction);
  return own.length > 0 ? own : [standardIntroduction(period, locale)];
}

/** The contact's lines as stored, one per line, blank ones left out. */
export function contactLines(contact: string): string[] {
  return contact
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

const STATUS_LABELS_SV: Record<AssessedStatus, { label: string; description: string }> = {
  good: {
    label: 'Arbetet går bra',
    description: 'Alla eller de flesta av målen ser ut att kunna vara uppfyllda till årets slut.',
  },
  partly: {
    label: 'Arbetet går delvis bra',
    description: 'Målen ser delvis ut att kunna vara uppfyllda till årets slut.',
  },
  poor: {
    label: 'Arbetet går dåligt',
    description: 'Inga eller väldigt få mål ser ut att kunna vara uppfyllda till årets slut.',
  },
};

/** Printed for a plan not assessed without a note, and for one with no status at all. */
const NOT_ASSESSED_TEXT = 'Ej bedömd';
const NO_STATUS_TEXT = 'Status saknas';
/**
 * Printed in a locked period's report for an answer that has no status: a past report recorded
 * none (the 2017 report's first plan), and a report of record does not add a remark of its own.
 */
const NO_STATUS_RECORDED_TEXT = '–';
/** Printed for a plan whose owner has not submitted an answer (missing, or a draft). */
export const NO_ANSWER_TEXT = 'Inget svar inlämnat';
/** The open period's report is not final. */
export const DRAFT_NOTICE =
  'UTKAST: perioden är öppen och rapporten är inte slutlig. Den visar bara inskickade svar.';

/** The legend: good, partly, poor, with the arrows the rows use. */
export function reportLegend(_locale: ReportLocale = 'sv'): ReportLegendEntry[] {
  return (['good', 'partly', 'poor'] as const).map((status) => ({
    status,
    symbol: statusSymbol(status),
    ...STATUS_LABELS_SV[status],
  }));
}

/**
 * A row's status: arrow and label for an assessed plan; for a plan not assessed, its note
 * ("Ska omarbetas") and no arrow, since the reports print the note alone.
 */
export function reportStatus(
  followUp: Pick<FollowUp, 'status' | 'statusNote'>,
  _locale: ReportLocale = 'sv',
): ReportStatus {
  const { status } = followUp;
  if (status === null) return { status, symbol: null, text: NO_STATUS_TEXT };
  if (status === 'not-assessed') {
    return { status, symbol: null, text: followUp.statusNote.trim() || NOT_ASSESSED_TEXT };
  }
  return { status, symbol: statusSymbol(status), text: STATUS_LABELS_SV[status].label };
}

/** A registry number: letters, a serial and a year ("RS/1957/2016", "HSN/1241/2019"). */
const REGISTRY_NUMBER = /^[A-ZÅÄÖ]+\s*\/\s*\d+\s*\/\s*\d{4}$/i;

/** The lines of the "Beslut/Dnr" cell, see {@link ReportRow.reference}. */
export function referenceLines(
  followUp: Pick<FollowUp, 'decision' | 'diaryNumber'>,
  _locale: ReportLocale = 'sv',
): string[] {
  const decision = followUp.decision.trim();
  const diary = followUp.diaryNumber.trim();
  const lines: string[] = [];
  if (decision) lines.push(decision);
  // A no-break space: "Dnr:" never wraps away from its number, on paper or in Word.
  if (diary) lines.push(REGISTRY_NUMBER.test(diary) ? `Dnr:\u00a0${diary}` : diary);
  return lines;
}

/** True for the links a report may carry: http(s) and mailto. */
export function isSafeLinkUrl(url: string): boolean {
  return /^(?:https?:\/\/|mailto:)\S/i.test(url.trim());
}

/**
 * Builds the report of a period from its follow-ups. Follow-ups of other periods are left out;
 * every plan of the period is a row, retired ones too (the report says why they end), in the
 * plans' order, numbered from 1. Only submitted answers are printed; an open period's report is
 * marked as a draft.
 */
export function buildReport(
  period: Period,
  followUps: readonly FollowUp[],
  locale: ReportLocale = 'sv',
): ReportModel {
  const rows = sortByPlanOrder(followUps.filter((f) => f.periodKey === period.key)).map(
    (f, index): ReportRow => {
      const answered = f.inputState === 'submitted';
      return {
        number: index + 1,
        planKey: f.planKey,
        title: f.title.trim(),
        validity: f.validity,
        decision: f.decision,
        diaryNumber: f.diaryNumber,
        reference: referenceLines(f, locale),
        documentUrl: planDocumentHref(f.documentUrl),
        lifecycle: lifecycleIn(f),
        status: !answered
          ? { status: null, symbol: null, text: NO_ANSWER_TEXT }
          : f.status === null && period.state === 'locked'
            ? { status: null, symbol: null, text: NO_STATUS_RECORDED_TEXT }
            : reportStatus(f, locale),
        comment: answered && !isBlankHtml(f.comment) ? f.comment : '',
        answered,
      };
    },
  );
  return {
    periodKey: period.key,
    locale,
    language: 'sv-SE',
    header: {
      unit: period.report.unit.trim(),
      contact: contactLines(period.report.contact),
      date: period.report.date.trim(),
      diaryNumber: period.report.diaryNumber.trim(),
    },
    title: reportTitle(period, locale),
    introduction: reportIntroduction(period, locale),
    legendPlacement: period.legendPlacement,
    summary: isBlankHtml(period.summary) ? '' : period.summary,
    legend: reportLegend(locale),
    rows,
    labels: {
      legendIntro: 'Uppföljningen har utgått från följande värden:',
      columnPlan: 'Plan',
      columnReference: 'Beslut/Dnr',
      columnStatus: 'Status',
      columnComment: 'Kommentar',
      diaryPrefix: 'Dnr: ',
      pageBefore: 'Sida ',
      pageBetween: ' av ',
    },
    draftNotice: period.state === 'locked' ? null : DRAFT_NOTICE,
  };
}
