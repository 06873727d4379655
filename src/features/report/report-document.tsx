import { Link, makeStyles, tokens } from '@fluentui/react-components';
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
    '@media print': { boxShadow: 'none', padding: 0, borderRadius: 0 },
  },
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
    '@media print': {
      '& thead': { display: 'table-header-group' },
      '& tr': { breakInside: 'avoid' },
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
  status: { fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap' },
  planColumn: { width: '22%' },
  refColumn: { width: '14%' },
  statusColumn: { width: '14%' },
  legendTable: {
    borderCollapse: 'collapse',
    '& td': { padding: tokens.spacingHorizontalXS, verticalAlign: 'top' },
  },
});

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
  return (
    <article className={styles.page} aria-labelledby="report-title" lang={report.language}>
      <div className={styles.header}>
        <div>
          {header.unit && <div>{header.unit}</div>}
          {header.contact && <div>{header.contact}</div>}
        </div>
        <div className={styles.headerRight}>
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
      {report.summary && <SafeHtml html={report.summary} />}
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
                  {row.documentUrl ? (
                    <Link href={row.documentUrl} target="_blank" rel="noopener noreferrer" inline>
                      {row.number}. {row.title}
                    </Link>
                  ) : (
                    `${row.number}. ${row.title}`
                  )}
                </th>
                <td>
                  <CellLabel>{labels.columnReference}</CellLabel>
                  {row.reference.map((line) => (
                    <div key={line}>{line}</div>
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
