import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type ParagraphChild,
  SymbolRun,
} from 'docx';
import { periodKey, type PeriodId } from '../../domain/period';
import type { AssessedStatus, ReportModel, ReportRow } from '../../domain/report';
import { WINGDINGS_ARROWS } from '../../domain/status-symbols';
import {
  COMMENT_BULLETS,
  COMMENT_NUMBERS,
  createCommentConverter,
  type CommentConverter,
  type HtmlParser,
} from './comment-to-docx';

/**
 * "Bilaga 2" as a Word document, laid out like the published reports: A4 portrait, the issuing
 * unit, date and diary number in the page header, the title, the period's introduction, the
 * summary and the legend in the period's order, and one table row per plan. Unlike the seed reports the status has its
 * own column, as arrow and text, so it reads without colour and survives copying into other
 * documents. All wording comes from the report model.
 */

/** Options of the Word export. */
export interface ReportDocxOptions {
  /** HTML parser for comments and summary; defaults to the global DOMParser. */
  readonly parser?: HtmlParser;
}

// Page geometry in twips (1/1440 in; 1 cm ≈ 567).
const A4 = { width: 11_906, height: 16_838 };
const MARGIN = 1_134; // 2 cm
const TEXT_WIDTH = A4.width - 2 * MARGIN;
/**
 * Plan | Beslut/Dnr | Status | Kommentar, in twips: nearly half the width for the comment (8.0 of
 * 17 cm; it was 6.9, which made long comments tall narrow rows), as in the print view; the
 * Beslut/Dnr column still holds "Dnr: RS/1957/2016" on one line at 9.5 pt.
 */
const COLUMN_WIDTHS = [2_100, 1_850, 1_150, TEXT_WIDTH - 2_100 - 1_850 - 1_150];
const LEGEND_WIDTHS = [3_212, 3_213, TEXT_WIDTH - 3_212 - 3_213];

const TABLE_TEXT = 'ReportTableText';
const HEADER_FILL = 'E7E6E6';
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '808080' } as const;
const BORDERS = {
  top: BORDER,
  bottom: BORDER,
  left: BORDER,
  right: BORDER,
  insideHorizontal: BORDER,
  insideVertical: BORDER,
};
const CELL_MARGINS = { top: 60, bottom: 60, left: 100, right: 100 };

/**
 * A status as arrow and text, bold: the arrow as Word's own Wingdings symbol (all three arrows of
 * one design), the text after it; a note alone when the status has no arrow.
 */
function statusRuns(status: AssessedStatus | null, label: string): ParagraphChild[] {
  if (status === null) return [text(label, { bold: true })];
  return [
    new SymbolRun({ char: WINGDINGS_ARROWS[status], symbolfont: 'Wingdings', bold: true }),
    text(` ${label}`, { bold: true }),
  ];
}

function text(value: string, options: { bold?: boolean; size?: number } = {}): TextRun {
  return new TextRun({
    text: value,
    ...(options.bold ? { bold: true } : {}),
    ...(options.size ? { size: options.size } : {}),
  });
}

/** Page header text, smaller than the body (half-points). */
const HEADER_SIZE = 18;

/** Unit left; date and "Dnr: …" right, on a right tab; the contact on the first page only. */
function pageHeaders(report: ReportModel): { default: Header; first: Header } | undefined {
  const { unit, contact, date, diaryNumber } = report.header;
  if (!unit && contact.length === 0 && !date && !diaryNumber) return undefined;
  const tabStops = [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }];
  const line = (left: string, right: string) =>
    new Paragraph({
      tabStops,
      spacing: { after: 0 },
      children: [
        ...(left ? [text(left, { size: HEADER_SIZE })] : []),
        ...(right ? [new TextRun({ size: HEADER_SIZE, children: [new Tab(), right] })] : []),
      ],
    });
  const dnr = diaryNumber ? `${report.labels.diaryPrefix}${diaryNumber}` : '';
  // The contact's lines under the unit, the first beside the Dnr, as the 2017 report has them.
  const lines = (withContact: boolean) => {
    const [first = '', ...rest] = withContact ? contact : [];
    const paragraphs = [line(unit, date)];
    if (first || dnr) paragraphs.push(line(first, dnr));
    for (const more of rest) paragraphs.push(line(more, ''));
    return paragraphs;
  };
  return {
    first: new Header({ children: lines(true) }),
    default: new Header({ children: lines(false) }),
  };
}

function pageFooter(report: ReportModel): Footer {
  return new Footer({
    children: [
      // An open period's report is a draft, and says so on every page.
      ...(report.draftNotice
        ? [
            new Paragraph({
              alignment: AlignmentType.CENTER,
              children: [new TextRun({ text: report.draftNotice, bold: true })],
            }),
          ]
        : []),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            children: [
              report.labels.pageBefore,
              PageNumber.CURRENT,
              report.labels.pageBetween,
              PageNumber.TOTAL_PAGES,
            ],
          }),
        ],
      }),
    ],
  });
}

function cell(children: Paragraph[], width: number, options: { header?: boolean } = {}) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: CELL_MARGINS,
    // A cell must hold a paragraph, even an empty one.
    children: children.length > 0 ? children : [new Paragraph({ style: TABLE_TEXT })],
    ...(options.header
      ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL } }
      : {}),
  });
}

function legendTable(report: ReportModel): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: LEGEND_WIDTHS,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    rows: [
      new TableRow({
        children: report.legend.map((entry, index) =>
          cell(
            [
              new Paragraph({
                style: TABLE_TEXT,
                children: statusRuns(entry.status, entry.label),
              }),
              new Paragraph({ style: TABLE_TEXT, children: [text(entry.description)] }),
            ],
            LEGEND_WIDTHS[index] ?? 0,
          ),
        ),
      }),
    ],
  });
}

function headerRow(report: ReportModel): TableRow {
  const { columnPlan, columnReference, columnStatus, columnComment } = report.labels;
  return new TableRow({
    // Repeated at the top of every page the table runs onto.
    tableHeader: true,
    cantSplit: true,
    children: [columnPlan, columnReference, columnStatus, columnComment].map((label, index) =>
      cell(
        [new Paragraph({ style: TABLE_TEXT, children: [text(label, { bold: true })] })],
        COLUMN_WIDTHS[index] ?? 0,
        { header: true },
      ),
    ),
  });
}

function planParagraph(row: ReportRow): Paragraph {
  const title: ParagraphChild = row.documentUrl
    ? new ExternalHyperlink({
        link: row.documentUrl,
        children: [new TextRun({ text: row.title, style: 'Hyperlink' })],
      })
    : text(row.title);
  return new Paragraph({ style: TABLE_TEXT, children: [text(`${row.number}. `), title] });
}

function planRow(row: ReportRow, comments: CommentConverter): TableRow {
  const { status } = row;
  const arrow = status.symbol && status.status !== null && status.status !== 'not-assessed';
  return new TableRow({
    children: [
      cell([planParagraph(row)], COLUMN_WIDTHS[0] ?? 0),
      cell(
        row.reference.map((line) => new Paragraph({ style: TABLE_TEXT, children: [text(line)] })),
        COLUMN_WIDTHS[1] ?? 0,
      ),
      cell(
        [
          new Paragraph({
            style: TABLE_TEXT,
            children: statusRuns(arrow ? status.status : null, status.text),
          }),
        ],
        COLUMN_WIDTHS[2] ?? 0,
      ),
      cell(comments(row.comment), COLUMN_WIDTHS[3] ?? 0),
    ],
  });
}

function mainTable(report: ReportModel, comments: CommentConverter): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: COLUMN_WIDTHS,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    rows: [headerRow(report), ...report.rows.map((row) => planRow(row, comments))],
  });
}

/** The report as a docx Document (for tests and for packing in any format). */
export function buildReportDocument(report: ReportModel, options: ReportDocxOptions = {}) {
  // One converter for the whole document, so every list in it is numbered on its own.
  const html = createCommentConverter(options.parser ? { parser: options.parser } : {});
  const comments: CommentConverter = (comment) =>
    html(comment, { style: TABLE_TEXT, spacingAfter: 60 });
  const headers = pageHeaders(report);
  const summary = html(report.summary, { spacingAfter: 160 });
  return new Document({
    title: report.title,
    creator: 'Planuppföljning',
    numbering: { config: [COMMENT_BULLETS, COMMENT_NUMBERS] },
    styles: {
      default: {
        document: {
          run: { font: 'Calibri', size: 22, language: { value: report.language } },
          paragraph: { spacing: { after: 160 } },
        },
        heading1: {
          run: { font: 'Calibri', size: 32, bold: true, color: '000000' },
          paragraph: { spacing: { before: 240, after: 240 }, keepNext: true },
        },
      },
      paragraphStyles: [
        {
          id: TABLE_TEXT,
          name: 'Report Table Text',
          basedOn: 'Normal',
          quickFormat: true,
          run: { size: 19 },
          paragraph: { spacing: { after: 60 } },
        },
      ],
    },
    sections: [
      {
        properties: {
          titlePage: headers !== undefined,
          page: {
            size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT },
            margin: {
              top: MARGIN,
              right: MARGIN,
              bottom: MARGIN,
              left: MARGIN,
              header: 567,
              footer: 567,
            },
          },
        },
        ...(headers ? { headers } : {}),
        footers: { default: pageFooter(report), first: pageFooter(report) },
        children: [
          ...(report.draftNotice
            ? [new Paragraph({ children: [text(report.draftNotice, { bold: true })] })]
            : []),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [text(report.title)] }),
          ...report.introduction.map((p) => new Paragraph({ children: [text(p)] })),
          ...(report.legendPlacement === 'after-summary' ? summary : []),
          new Paragraph({ keepNext: true, children: [text(report.labels.legendIntro)] }),
          legendTable(report),
          new Paragraph({ children: [] }),
          ...(report.legendPlacement === 'before-summary' ? summary : []),
          mainTable(report, comments),
        ],
      },
    ],
  });
}

/** The report as a .docx file. */
export async function buildReportDocx(
  report: ReportModel,
  options: ReportDocxOptions = {},
): Promise<Blob> {
  return Packer.toBlob(buildReportDocument(report, options));
}

/** "Bilaga 2 - Uppföljning handlingsplaner 2017-08.docx" */
export function reportFileName(period: PeriodId): string {
  return `Bilaga 2 - Uppföljning handlingsplaner ${periodKey(period)}.docx`;
}
