import { UNANSWERED, type FollowUp, type PlanKey, type Status } from './follow-up';
import { monthName } from './format';
import {
  defaultDueDate,
  periodKey,
  PERIOD_KINDS,
  closingMonth,
  type LegendPlacement,
  type PeriodId,
  type PeriodKey,
  type ReportMetadata,
} from './period';
import { normalizeValidity, planKeyFor } from './plan-register';
import { isSafeLinkUrl } from './report';
import { type NewFollowUp, type NewPeriod } from './rules';
import { readStatusSymbol } from './status-symbols';

/**
 * Importing a past "Bilaga 2" from Word: from a neutral structure of the document (paragraphs,
 * runs, tables, as a reader of the .docx gives them) to an import proposal the coordinator checks
 * and corrects, and from the corrected proposal to the locked period and its follow-ups. Pure.
 */

/** A run of text with its marks. A Word symbol (`w:sym`) is its private-use character. */
export interface DocRun {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** The address of the hyperlink the run is in. */
  readonly href?: string;
}

export interface DocParagraph {
  readonly runs: readonly DocRun[];
  /** A list item: ordered (numbered) or bullets, and its level (0 = top). */
  readonly list?: { readonly ordered: boolean; readonly level: number } | null;
}

export interface DocCell {
  readonly paragraphs: readonly DocParagraph[];
}

export interface DocTable {
  readonly rows: ReadonlyArray<readonly DocCell[]>;
}

export type DocBlock =
  | { readonly kind: 'paragraph'; readonly paragraph: DocParagraph }
  | { readonly kind: 'table'; readonly table: DocTable };

/** A Word document as the reader gives it: page header paragraphs and the body in order. */
export interface DocModel {
  readonly header: readonly DocParagraph[];
  readonly body: readonly DocBlock[];
}

/** How a row was matched to the register, or that it proposes a new plan. */
export type PlanMatch =
  | {
      readonly kind: 'existing';
      readonly planKey: PlanKey;
      readonly by: 'diary' | 'title' | 'user';
    }
  | { readonly kind: 'new'; readonly planKey: PlanKey };

/** What could not be read in a row. */
export type RowProblem = 'no-status' | 'no-title' | 'no-reference';

export interface ImportRow {
  readonly number: number;
  readonly title: string;
  readonly validity: string;
  readonly decision: string;
  readonly diaryNumber: string;
  readonly documentUrl: string | null;
  readonly status: Status | null;
  readonly statusNote: string;
  /** The comment as HTML in the comment vocabulary (escaped; sanitize before storing). */
  readonly comment: string;
  readonly match: PlanMatch;
  readonly problems: readonly RowProblem[];
}

export interface ImportProposal {
  readonly title: string;
  /** The period the title names; null when it names none. */
  readonly period: PeriodId | null;
  readonly introduction: string;
  readonly summary: string;
  readonly legendPlacement: LegendPlacement;
  readonly report: ReportMetadata;
  readonly rows: readonly ImportRow[];
}

/** A plan of the register as the import matches against it (its latest follow-up). */
export type RegisterPlan = Pick<
  FollowUp,
  'planKey' | 'title' | 'diaryNumber' | 'owners' | 'lifecycle' | 'periodKey'
>;

export function runsText(runs: readonly DocRun[]): string {
  return runs.map((r) => r.text).join('');
}

export function paragraphText(p: DocParagraph): string {
  return runsText(p.runs);
}

function cellText(cell: DocCell | undefined): string {
  return (cell?.paragraphs ?? [])
    .map(paragraphText)
    .map((t) => t.trim())
    .filter((t) => t !== '')
    .join('\n');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function runsHtml(runs: readonly DocRun[]): string {
  let html = '';
  let link: string | undefined;
  for (const run of runs) {
    if (run.text === '') continue;
    const href = run.href && isSafeLinkUrl(run.href) ? run.href.trim() : undefined;
    if (href !== link) {
      if (link !== undefined) html += '</a>';
      if (href !== undefined) html += `<a href="${escapeHtml(href).replace(/"/g, '&quot;')}">`;
      link = href;
    }
    let text = escapeHtml(run.text.replace(/\t/g, ' '));
    if (run.italic) text = `<em>${text}</em>`;
    if (run.bold) text = `<strong>${text}</strong>`;
    html += text;
  }
  if (link !== undefined) html += '</a>';
  return html.replace(/<\/em><em>|<\/strong><strong>/g, '');
}

/**
 * Paragraphs as comment HTML: `<p>` per paragraph, list items in `<ul>`/`<ol>` (deeper levels
 * nested), bold as `<strong>`, italics as `<em>`, http(s) and mailto links as `<a href>`. Empty
 * paragraphs are dropped.
 */
export function paragraphsToHtml(paragraphs: readonly DocParagraph[]): string {
  let html = '';
  const open: Array<'ul' | 'ol'> = [];
  const closeTo = (depth: number) => {
    while (open.length > depth) html += `</li></${open.pop() ?? 'ul'}>`;
  };
  for (const p of paragraphs) {
    const inner = runsHtml(p.runs).trim();
    if (inner === '') continue;
    if (p.list) {
      const tag = p.list.ordered ? 'ol' : 'ul';
      const depth = p.list.level + 1;
      closeTo(depth);
      if (open.length === depth && open[depth - 1] !== tag) closeTo(depth - 1);
      if (open.length === depth) {
        html += `</li><li>${inner}`;
      } else {
        while (open.length < depth) {
          html += `<${tag}><li>`;
          open.push(tag);
        }
        html += inner;
      }
    } else {
      closeTo(0);
      html += `<p>${inner}</p>`;
    }
  }
  closeTo(0);
  return html;
}

/** The months as Swedish running text names them, January first (format.ts writes them). */
const MONTHS_SV = Array.from({ length: 12 }, (_, index) => monthName(index + 1, 'sv'));

/**
 * The period a report's title names: "… per augusti 2017" → delår 2017, "… april 2020" → tertial
 * 2020, "… december 2019" or "Årsbokslut 2019" → årsbokslut 2019. Null for anything else.
 */
export function periodFromTitle(title: string): PeriodId | null {
  const lower = title.toLowerCase();
  const named = new RegExp(`\\b(${MONTHS_SV.join('|')})\\s+(\\d{4})\\b`).exec(lower);
  if (named?.[1] && named[2]) {
    const month = MONTHS_SV.indexOf(named[1]) + 1;
    const kind = PERIOD_KINDS.find((k) => closingMonth(k) === month);
    return kind ? { year: Number(named[2]), kind } : null;
  }
  const annual = /årsbokslut\s+(\d{4})/.exec(lower);
  if (annual?.[1]) return { year: Number(annual[1]), kind: 'arsbokslut' };
  const tertial = /tertial(?:rapport)?\s+(?:1\s+)?(\d{4})/.exec(lower);
  if (tertial?.[1]) return { year: Number(tertial[1]), kind: 'tertial' };
  return null;
}

/** Plan | Beslut/Dnr | Status | Kommentar: the columns of the report's table, by heading. */
interface Columns {
  readonly plan: number;
  readonly reference: number;
  readonly status: number;
  readonly comment: number | null;
}

function columnsOf(row: readonly DocCell[]): Columns | null {
  const headings = row.map((c) => cellText(c).toLowerCase());
  const find = (test: RegExp) => headings.findIndex((h) => test.test(h));
  const plan = find(/^\s*plan/);
  const reference = find(/beslut|dnr/);
  const status = find(/status/);
  const comment = find(/kommentar/);
  if (plan < 0 || reference < 0 || status < 0) return null;
  return { plan, reference, status, comment: comment < 0 ? null : comment };
}

/** The table with Plan, Beslut/Dnr and Status columns, and its columns; null when none has. */
export function findReportTable(doc: DocModel): { table: DocTable; columns: Columns } | null {
  for (const block of doc.body) {
    if (block.kind !== 'table') continue;
    const first = block.table.rows[0];
    const columns = first ? columnsOf(first) : null;
    if (columns) return { table: block.table, columns };
  }
  return null;
}

const NUMBERED = /^\s*(\d{1,3})\s*[.)]\s*/;

/**
 * The table's plan rows, a row Word split over two table rows at a page break joined again: a
 * row whose plan cell has no number continues the row before it, cell by cell. Header rows
 * (repeated on every page) are left out.
 */
export function joinedRows(table: DocTable, columns: Columns): DocCell[][] {
  const rows: DocCell[][] = [];
  for (const row of table.rows) {
    if (columnsOf(row)) continue;
    const previous = rows[rows.length - 1];
    const planText = cellText(row[columns.plan]);
    if (previous && !NUMBERED.test(planText)) {
      rows[rows.length - 1] = previous.map((cell, index) => ({
        paragraphs: [...cell.paragraphs, ...(row[index]?.paragraphs ?? [])],
      }));
      continue;
    }
    if (row.every((c) => cellText(c) === '')) continue;
    rows.push([...row]);
  }
  return rows;
}

const VALIDITY_AT_END = /\s(\d{4})(?:\s*[–—-]\s*(\d{4}))?\s*$/;

/** "1. Handlingsplan … 2016-2018" → number, title (years kept, as the reports write it), validity. */
export function readPlanCell(text: string): {
  number: number | null;
  title: string;
  validity: string;
} {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const numbered = NUMBERED.exec(oneLine);
  const title = numbered ? oneLine.slice(numbered[0].length).trim() : oneLine;
  const years = VALIDITY_AT_END.exec(title);
  const validity = years
    ? normalizeValidity(years[2] ? `${years[1]}–${years[2]}` : (years[1] ?? ''))
    : '';
  return { number: numbered ? Number(numbered[1]) : null, title, validity };
}

/** "RD 2016-11-16 Dnr: RS/1957/2016", or the two on lines of their own, or one of them. */
export function readReferenceCell(text: string): { decision: string; diaryNumber: string } {
  const clean = text.replace(/\u00a0/g, ' ').trim();
  const dnr = /\bDnr\s*:?\s*(.+)$/is.exec(clean);
  if (dnr) {
    return {
      decision: clean.slice(0, dnr.index).replace(/\s+/g, ' ').trim(),
      diaryNumber: (dnr[1] ?? '').replace(/\s+/g, ' ').trim(),
    };
  }
  const lines = clean
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines.length >= 2) {
    return { decision: lines[0] ?? '', diaryNumber: lines.slice(1).join(' ') };
  }
  const only = lines[0] ?? '';
  return /\d{4}-\d{2}-\d{2}/.test(only)
    ? { decision: only, diaryNumber: '' }
    : { decision: '', diaryNumber: only };
}

const STATUS_LABELS: ReadonlyArray<readonly [string, Status]> = [
  ['arbetet går bra', 'good'],
  ['arbetet går delvis bra', 'partly'],
  ['arbetet går dåligt', 'poor'],
];
/** What the app's own report prints where it has no status to give. */
const NO_STATUS_TEXTS = ['', '–', '-', 'status saknas', 'inget svar inlämnat'];

/**
 * The status cell: an arrow (Unicode or a font symbol's private-use character) gives the status;
 * a note instead of an arrow ("Ej längre aktuell.", "Ska omarbetas") means not assessed, with
 * that note; "Ej bedömd" is not assessed without a note. Null status for an empty cell.
 */
export function readStatusCell(text: string): { status: Status | null; statusNote: string } {
  const clean = text.replace(/\s+/g, ' ').trim();
  const arrow = readStatusSymbol(clean);
  if (arrow) return { status: arrow.status, statusNote: '' };
  const lower = clean.toLowerCase();
  const label = STATUS_LABELS.find(([l]) => lower === l);
  if (label) return { status: label[1], statusNote: '' };
  if (NO_STATUS_TEXTS.includes(lower)) return { status: null, statusNote: '' };
  if (lower === 'ej bedömd') return { status: 'not-assessed', statusNote: '' };
  return { status: 'not-assessed', statusNote: clean };
}

/** Letters and digits only, lower case, validity years dropped: how titles are compared. */
export function normalizeTitle(title: string): string {
  return title
    .replace(VALIDITY_AT_END, '')
    .toLowerCase()
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function normalizeDiary(value: string): string {
  return value.replace(/\s+/g, '').toLowerCase();
}

/**
 * The register's plans, one per plan key, each as its latest follow-up (by period key).
 */
export function registerPlans(followUps: readonly RegisterPlan[]): RegisterPlan[] {
  const latest = new Map<string, RegisterPlan>();
  for (const f of followUps) {
    const known = latest.get(f.planKey);
    if (!known || known.periodKey < f.periodKey) latest.set(f.planKey, f);
  }
  return [...latest.values()];
}

/**
 * Matches a row by diary number (in any period of the plan's history), then by title (the
 * plan's latest); else a new plan key from the title.
 */
export function matchPlan(
  row: { title: string; diaryNumber: string },
  plans: readonly RegisterPlan[],
  taken: readonly PlanKey[],
  history: readonly RegisterPlan[] = plans,
): PlanMatch {
  const diary = normalizeDiary(row.diaryNumber);
  if (diary !== '') {
    const byDiary = history.find((p) => normalizeDiary(p.diaryNumber) === diary);
    if (byDiary) return { kind: 'existing', planKey: byDiary.planKey, by: 'diary' };
  }
  const title = normalizeTitle(row.title);
  const byTitle = title ? plans.find((p) => normalizeTitle(p.title) === title) : undefined;
  if (byTitle) return { kind: 'existing', planKey: byTitle.planKey, by: 'title' };
  return {
    kind: 'new',
    planKey: planKeyFor(row.title.replace(VALIDITY_AT_END, ''), [
      ...taken,
      ...plans.map((p) => p.planKey),
    ]),
  };
}

/** The page header: unit, contact lines, date (YYYY-MM-DD) and the report's diary number. */
export function readHeader(paragraphs: readonly DocParagraph[]): ReportMetadata {
  let date = '';
  let diaryNumber = '';
  const left: string[] = [];
  for (const p of paragraphs) {
    for (const part of paragraphText(p).split('\t')) {
      const text = part.replace(/\u00a0/g, ' ').trim();
      if (text === '') continue;
      const dnr = /^Dnr\s*:?\s*(\S.*)$/i.exec(text);
      if (dnr) {
        diaryNumber = (dnr[1] ?? '').trim();
      } else if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
        date = text;
      } else {
        left.push(text);
      }
    }
  }
  const [unit = '', ...contact] = left;
  return { unit, contact: contact.join('\n'), date, diaryNumber };
}

const LEGEND_INTRO = /^uppföljningen har utgått från/i;

function isLegendTable(table: DocTable): boolean {
  const text = table.rows.flat().map(cellText).join(' ').toLowerCase();
  return (
    text.includes('arbetet går bra') &&
    text.includes('arbetet går dåligt') &&
    table.rows.length <= 3
  );
}

/** Why a file is not read as a Bilaga 2. */
export type NotAReport = 'not-docx' | 'no-table';

export type ProposalResult =
  | { readonly ok: true; readonly proposal: ImportProposal }
  | { readonly ok: false; readonly reason: NotAReport };

/**
 * The import proposal of a document: the title and the period it names, the introduction (the
 * paragraphs between the title and the summary), the summary ("Sammantaget …" up to the legend
 * or the table), the legend's place, the page header, and a row per plan matched to the register.
 * A document without a Plan/Beslut/Dnr/Status table is not a Bilaga 2.
 */
export function proposeImport(doc: DocModel, register: readonly RegisterPlan[]): ProposalResult {
  const found = findReportTable(doc);
  if (!found) return { ok: false, reason: 'no-table' };
  const plans = registerPlans(register);
  let title = '';
  const intro: string[] = [];
  const summary: DocParagraph[] = [];
  let legendAt: number | null = null;
  let summaryAt: number | null = null;
  let phase: 'intro' | 'summary' | 'after' = 'intro';
  let index = 0;
  for (const block of doc.body) {
    index += 1;
    if (block.kind === 'table') {
      if (block.table === found.table) break;
      if (isLegendTable(block.table)) {
        legendAt ??= index;
        if (phase === 'summary') phase = 'after';
      }
      continue;
    }
    const text = paragraphText(block.paragraph).trim();
    if (text === '') continue;
    if (title === '' && /bilaga\s*2|handlingsplaner/i.test(text)) {
      title = text;
    } else if (LEGEND_INTRO.test(text)) {
      legendAt ??= index;
      if (phase === 'summary') phase = 'after';
    } else if (/^preliminär|^utkast/i.test(text)) {
      // An open period's draft notice: not part of the report's text.
    } else if (phase === 'summary' || (phase === 'intro' && /^sammantaget/i.test(text))) {
      summaryAt ??= index;
      phase = 'summary';
      summary.push(block.paragraph);
    } else if (phase === 'intro' && title !== '') {
      intro.push(text);
    }
  }
  const taken: PlanKey[] = [];
  const rows = joinedRows(found.table, found.columns).map((cells, position): ImportRow => {
    const { columns } = found;
    const plan = readPlanCell(cellText(cells[columns.plan]));
    const reference = readReferenceCell(cellText(cells[columns.reference]));
    let status = readStatusCell(cellText(cells[columns.status]));
    let commentParagraphs =
      columns.comment === null ? [] : (cells[columns.comment]?.paragraphs ?? []);
    // The 2017 report put the arrow first in the comment when the status cell is empty.
    if (status.status === null && commentParagraphs[0]) {
      const lead = readStatusSymbol(paragraphText(commentParagraphs[0]));
      if (lead) {
        status = { status: lead.status, statusNote: '' };
        const [first, ...rest] = commentParagraphs;
        commentParagraphs = [{ ...first, runs: dropLeadingSymbol(first?.runs ?? []) }, ...rest];
      }
    }
    const href = cells[columns.plan]?.paragraphs
      .flatMap((p) => p.runs)
      .find((r) => r.href && isSafeLinkUrl(r.href))?.href;
    const match = matchPlan(
      { title: plan.title, diaryNumber: reference.diaryNumber },
      plans,
      taken,
      register,
    );
    taken.push(match.planKey);
    const problems: RowProblem[] = [];
    if (status.status === null) problems.push('no-status');
    if (plan.title === '') problems.push('no-title');
    if (reference.decision === '' && reference.diaryNumber === '') problems.push('no-reference');
    return {
      number: plan.number ?? position + 1,
      title: plan.title,
      validity: plan.validity,
      ...reference,
      documentUrl: href?.trim() ?? null,
      ...status,
      comment: paragraphsToHtml(commentParagraphs),
      match,
      problems,
    };
  });
  return {
    ok: true,
    proposal: {
      title,
      period: periodFromTitle(title),
      introduction: intro.join('\n\n'),
      summary: paragraphsToHtml(summary),
      legendPlacement:
        legendAt !== null && summaryAt !== null && legendAt < summaryAt
          ? 'before-summary'
          : 'after-summary',
      report: readHeader(doc.header),
      rows,
    },
  };
}

function dropLeadingSymbol(runs: readonly DocRun[]): DocRun[] {
  const [first, ...rest] = runs;
  if (!first) return [];
  const lead = readStatusSymbol(first.text);
  return lead ? [{ ...first, text: lead.rest }, ...rest] : [...runs];
}

/** Why an import cannot go ahead as proposed. */
export type ImportIssue =
  | { readonly code: 'no-period' }
  | { readonly code: 'period-exists'; readonly key: PeriodKey }
  | { readonly code: 'no-rows' }
  | { readonly code: 'same-plan-twice'; readonly planKey: PlanKey };

export function validateImport(
  proposal: Pick<ImportProposal, 'period' | 'rows'>,
  existing: readonly PeriodKey[],
): ImportIssue[] {
  const issues: ImportIssue[] = [];
  if (!proposal.period) issues.push({ code: 'no-period' });
  else if (existing.includes(periodKey(proposal.period))) {
    issues.push({ code: 'period-exists', key: periodKey(proposal.period) });
  }
  if (proposal.rows.length === 0) issues.push({ code: 'no-rows' });
  const seen = new Set<string>();
  for (const row of proposal.rows) {
    if (seen.has(row.match.planKey)) {
      issues.push({ code: 'same-plan-twice', planKey: row.match.planKey });
    }
    seen.add(row.match.planKey);
  }
  return issues;
}

/**
 * The locked period and its follow-ups, answered as the report has them (submitted, so the
 * report prints them). A matched plan keeps its key, owners and lifecycle from the register; the
 * report's title, decision and diary number are the plan as it stood then.
 */
export function importedPeriod(
  proposal: ImportProposal,
  period: PeriodId,
  register: readonly RegisterPlan[],
  sanitize: (html: string) => string = (html) => html,
): { period: NewPeriod; followUps: NewFollowUp[] } {
  const key = periodKey(period);
  const plans = new Map(registerPlans(register).map((p) => [p.planKey, p]));
  const next: NewPeriod = {
    ...period,
    key,
    state: 'locked',
    dueDate: defaultDueDate(period),
    summary: sanitize(proposal.summary),
    introduction: proposal.introduction,
    legendPlacement: proposal.legendPlacement,
    report: proposal.report,
    log: [],
  };
  const followUps = proposal.rows.map((row, index): NewFollowUp => {
    const known = row.match.kind === 'existing' ? plans.get(row.match.planKey) : undefined;
    return {
      planKey: row.match.planKey,
      sortOrder: index + 1,
      title: row.title,
      validity: row.validity,
      decision: row.decision,
      diaryNumber: row.diaryNumber,
      documentUrl: row.documentUrl,
      owners: known?.owners ?? [],
      lifecycle: known?.lifecycle === 'under-revision' ? 'under-revision' : 'active',
      periodKey: key,
      ...UNANSWERED,
      status: row.status,
      statusNote: row.status === 'not-assessed' ? row.statusNote : '',
      comment: sanitize(row.comment),
      inputState: 'submitted',
    };
  });
  return { period: next, followUps };
}
