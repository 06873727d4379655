import { Link, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { TableScroll } from '../shared/table-scroll';
import type { ReportModel } from '../../domain/report';
import { SafeHtml } from '../shared/safe-html';
import { PANEL_SURFACE } from '../shared/panel-surface';
import { VISUALLY_HIDDEN } from '../shared/visually-hidden';

/** Screens too narrow for the table's four columns (40 em: 640 px at the default text size). */
const NARROW = '@media screen and (max-width: 40em)';

const useStyles = makeStyles({
  page: {
    ...PANEL_SURFACE,
    color: tokens.colorNeutralForeground1,
    padding: tokens.spacingHorizontalXXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    '@media print': {
      boxShadow: 'none',
      padding: 0,
      borderRadius: 0,
      gap: '3mm',
      color: 'black',
      fontFamily: 'Calibri, Carlito, "Segoe UI", sans-serif',
      fontSize: '11pt',
      lineHeight: 1.3,
    },
  },
  // The unit, date and diary number print in the page's margins (@page), on every page.
  screenOnly: { '@media print': { display: 'none' } },
  header: {
    display: 'flex',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalL,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
  },
  headerRight: { textAlign: 'end' },
  draft: {
    margin: 0,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteDarkOrangeBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
    fontWeight: tokens.fontWeightBold,
    // On paper, on every page: a fixed element repeats at each page's foot.
    '@media print': {
      position: 'fixed',
      insetInlineStart: 0,
      insetInlineEnd: 0,
      bottom: 0,
      backgroundColor: 'white',
      color: 'black',
      border: '1pt solid black',
    },
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600 },
  paragraph: { margin: 0, maxWidth: '75ch' },
  table: {
    width: '100%',
    borderCollapse: 'collapse',
    '& th, & td': {
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
      padding: tokens.spacingHorizontalS,
      verticalAlign: 'top',
      textAlign: 'start',
      overflowWrap: 'anywhere',
    },
    '& th': { backgroundColor: tokens.colorNeutralBackground3 },
    // On paper as in the Word file: fixed column widths, 9.5 pt text, words broken only where
    // words may break (Swedish hyphenation where the browser has it), a row allowed to run on to
    // the next page (a whole row pushed over left pages two-thirds empty), its plan title kept
    // whole, and the header row repeated.
    '@media print': {
      tableLayout: 'fixed',
      fontSize: '9.5pt',
      lineHeight: 1.25,
      '& th, & td': {
        overflowWrap: 'normal',
        wordBreak: 'normal',
        hyphens: 'auto',
        padding: '1.5mm 2mm',
        border: '0.5pt solid #808080',
      },
      '& th': { backgroundColor: '#e7e6e6', color: 'black' },
      '& thead': { display: 'table-header-group' },
      '& tr': { breakInside: 'auto' },
      '& p, & ul, & ol': { marginBlock: '0 1.5mm' },
      '& li': { marginBlock: 0 },
    },
    // On a narrow screen (a phone, or 250 % zoom) four columns leave a character or two per line:
    // each plan becomes a card of its own, its cells one under the other, each led by its
    // column's name. The header row stays for screen readers, out of sight.
    [NARROW]: {
      display: 'block',
      '& thead, & tbody, & tr, & th, & td': { display: 'block' },
      '& thead tr': VISUALLY_HIDDEN,
      '& tbody tr': {
        border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
        marginBlockEnd: tokens.spacingVerticalM,
      },
      '& tbody th, & tbody td': { border: 'none', width: 'auto' },
      '& tbody th': { backgroundColor: tokens.colorNeutralBackground3 },
    },
  },
  // A stacked cell's column name (the column header itself is what a screen reader reads).
  cellLabel: {
    display: 'none',
    [NARROW]: {
      display: 'block',
      fontSize: tokens.fontSizeBase200,
      fontWeight: tokens.fontWeightRegular,
      color: tokens.colorNeutralForeground2,
    },
  },
  symbol: { fontWeight: tokens.fontWeightBold, marginInlineEnd: tokens.spacingHorizontalXS },
  // The arrow stays with the status's first word; a longer note ("Arbete med ny handlingsplan
  // pågår.") wraps rather than widen the column.
  status: { fontWeight: tokens.fontWeightSemibold },
  keep: { whiteSpace: 'nowrap' },
  together: { breakInside: 'avoid' },
  // On paper, half the width for the comment (the Word file's 40 % makes long comments tall,
  // narrow rows), room for a whole "Dnr: RS/1957/2016", and a status that wraps.
  planColumn: { width: '22%', '@media print': { width: '21%' } },
  refColumn: { width: '14%', '@media print': { width: '19%' } },
  statusColumn: { width: '14%', '@media print': { width: '12%' } },
  legendTable: {
    borderCollapse: 'collapse',
    '& td': { padding: tokens.spacingHorizontalXS, verticalAlign: 'top' },
  },
});

/** Text as a CSS string literal, safe inside a `<style>` element. */
export function cssString(text: string): string {
  const escaped = [...text]
    .map((c) => {
      const code = c.codePointAt(0) ?? 0;
      if (c === '"' || c === '\\' || c === '<' || c === '>' || code < 0x20 || code === 0x7f)
        return `\\${code.toString(16)} `;
      return c;
    })
    .join('');
  return `"${escaped}"`;
}

/**
 * A4 with the Word file's 2 cm margins, and in them on every page what the Word file's header
 * and footer hold: the unit at the top left, the date and diary number at the top right,
 * "Sida X av Y" at the foot (CSS paged media: margin boxes and page counters).
 */
function pageRules(report: ReportModel): string {
  const { header, labels } = report;
  const right = [
    header.date,
    header.diaryNumber ? `${labels.diaryPrefix}${header.diaryNumber}` : '',
  ]
    .filter(Boolean)
    .join(' \\A ');
  const box = (content: string) =>
    `content: ${content}; font: 8pt Calibri, Carlito, "Segoe UI", sans-serif; color: #404040; white-space: pre;`;
  return [
    '@page {',
    '  size: A4;',
    '  margin: 20mm 20mm 18mm 20mm;',
    header.unit ? `  @top-left { ${box(cssString(header.unit))} }` : '',
    right
      ? `  @top-right { ${box(right.split(' \\A ').map(cssString).join(' "\\A " '))} text-align: right; }`
      : '',
    `  @bottom-center { ${box(`${cssString(labels.pageBefore)} counter(page) ${cssString(labels.pageBetween)} counter(pages)`)} }`,
    '}',
  ]
    .filter(Boolean)
    .join('\n');
}

function CellLabel({ children }: { children: string }) {
  const styles = useStyles();
  return (
    <span aria-hidden="true" className={styles.cellLabel}>
      {children}
    </span>
  );
}

/** Bilaga 2 as a page: the same content as the Word file, printable without app chrome. */
export function ReportDocument({ report }: { report: ReportModel }) {
  const styles = useStyles();
  const { header, labels } = report;
  const summary = report.summary && <SafeHtml html={report.summary} />;
  return (
    <article className={styles.page} aria-labelledby="report-title" lang={report.language}>
      <style>{pageRules(report)}</style>
      <div className={styles.header}>
        <div>
          {header.unit && <div className={styles.screenOnly}>{header.unit}</div>}
          {header.contact.map((line) => (
            <div key={line}>{line}</div>
          ))}
        </div>
        <div className={mergeClasses(styles.headerRight, styles.screenOnly)}>
          {header.date && <div>{header.date}</div>}
          {header.diaryNumber && (
            <div>
              {labels.diaryPrefix}
              {header.diaryNumber}
            </div>
          )}
        </div>
      </div>
      {report.draftNotice && (
        <p className={styles.draft} role="note">
          {report.draftNotice}
        </p>
      )}
      <h2 id="report-title" className={styles.title}>
        {report.title}
      </h2>
      {report.introduction.map((paragraph) => (
        <p key={paragraph} className={styles.paragraph}>
          {paragraph}
        </p>
      ))}
      {report.legendPlacement === 'after-summary' && summary}
      <p className={styles.paragraph}>{labels.legendIntro}</p>
      <table className={styles.legendTable}>
        <tbody>
          {report.legend.map((entry) => (
            <tr key={entry.status}>
              <td>
                <span aria-hidden="true" className={styles.symbol}>
                  {entry.symbol}
                </span>
                <strong>{entry.label}</strong>
              </td>
              <td>{entry.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.legendPlacement === 'before-summary' && summary}
      <TableScroll labelledBy="report-title">
        <table className={styles.table} aria-labelledby="report-title">
          <thead>
            <tr>
              <th scope="col" className={styles.planColumn}>
                {labels.columnPlan}
              </th>
              <th scope="col" className={styles.refColumn}>
                {labels.columnReference}
              </th>
              <th scope="col" className={styles.statusColumn}>
                {labels.columnStatus}
              </th>
              <th scope="col">{labels.columnComment}</th>
            </tr>
          </thead>
          <tbody>
            {report.rows.map((row) => (
              <tr key={row.planKey}>
                <th scope="row">
                  {/* The title kept whole (the cell itself is as tall as the row). */}
                  <div className={styles.together}>
                    {row.documentUrl ? (
                      <Link href={row.documentUrl} target="_blank" rel="noopener noreferrer" inline>
                        {row.number}. {row.title}
                      </Link>
                    ) : (
                      `${row.number}. ${row.title}`
                    )}
                  </div>
                </th>
                <td>
                  <CellLabel>{labels.columnReference}</CellLabel>
                  {row.reference.map((line) => (
                    // A line that is one token ("Dnr: RS/1957/2016", joined by a no-break
                    // space) never splits; a longer decision line wraps between words.
                    <div key={line} className={/ /.test(line) ? undefined : styles.keep}>
                      {line}
                    </div>
                  ))}
                </td>
                <td className={styles.status}>
                  <CellLabel>{labels.columnStatus}</CellLabel>
                  {row.status.symbol && (
                    <span aria-hidden="true" className={styles.symbol}>
                      {row.status.symbol}
                    </span>
                  )}
                  {row.status.text}
                </td>
                <td>
                  <CellLabel>{labels.columnComment}</CellLabel>
                  <SafeHtml html={row.comment} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </article>
  );
}
