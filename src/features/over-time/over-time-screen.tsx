import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  makeStyles,
  Option,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { statusSymbol } from '../../domain/follow-up';
import {
  filterOverTime,
  overTimeGrid,
  OVER_TIME_LIFECYCLES,
  type OverTimeCell,
  type OverTimeLifecycle,
  type OverTimeRow,
} from '../../domain/over-time';
import { parsePeriodKey, periodLabel, type Locale, type PeriodKey } from '../../domain/period';
import { useI18n } from '../../i18n/i18n';
import { LoadFailed } from '../shared/load-failed';
import { SafeHtml } from '../shared/safe-html';
import { useServices } from '../shared/services-context';
import { TableScroll } from '../shared/table-scroll';
import { useLoad } from '../shared/use-load';
import { useViewerAndPeriods } from '../shared/use-period-data';
import { UserText } from '../shared/user-text';
import { VISUALLY_HIDDEN } from '../shared/visually-hidden';

/**
 * A4 landscape while this view is shown (the element leaves with the view); the app's chrome
 * (header, navigation, footer) hides itself in print, as for the report.
 */
const PAGE_RULES = '@media print { @page { size: A4 landscape; margin: 12mm; } }';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    alignItems: 'end',
    '@media print': { display: 'none' },
  },
  table: {
    borderCollapse: 'collapse',
    '& th, & td': {
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
      padding: tokens.spacingHorizontalS,
      textAlign: 'start',
      verticalAlign: 'top',
    },
    '@media print': { fontSize: '9pt', '& button': { display: 'none' } },
  },
  rowHeader: { minWidth: '14rem', fontWeight: tokens.fontWeightSemibold },
  note: {
    display: 'block',
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground3,
  },
  arrow: { fontWeight: tokens.fontWeightBold, marginInlineEnd: tokens.spacingHorizontalXS },
  hidden: VISUALLY_HIDDEN,
});

function label(key: PeriodKey, locale: Locale): string {
  const id = parsePeriodKey(key);
  return id ? periodLabel(id, locale) : key;
}

/** Every plan across the periods: one row per plan, one column per period, newest first. */
export default function OverTimeScreen() {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const { followUps } = useServices();
  const periods = useViewerAndPeriods();
  const items = useLoad('over-time', () => followUps.listOverTime());
  const [lifecycles, setLifecycles] = useState<OverTimeLifecycle[]>([]);
  const [ownerId, setOwnerId] = useState<number | null>(null);
  const [open, setOpen] = useState<{
    row: OverTimeRow;
    cell: OverTimeCell & { itemId: number };
  } | null>(null);
  const grid = useMemo(
    () =>
      periods.result.state === 'ready' && items.result.state === 'ready'
        ? overTimeGrid(periods.result.data.periods, items.result.data)
        : null,
    [periods.result, items.result],
  );
  const tx = t.overTime;

  if (periods.result.state === 'failed')
    return <LoadFailed error={periods.result.error} onRetry={periods.retry} />;
  if (items.result.state === 'failed')
    return <LoadFailed error={items.result.error} onRetry={items.retry} />;
  if (!grid) return <Spinner label={tx.loading} />;

  const rows = filterOverTime(grid.rows, { lifecycles, ownerId });
  const owner = grid.owners.find((o) => o.id === ownerId);
  return (
    <section className={styles.root} aria-labelledby="over-time-heading">
      <style>{PAGE_RULES}</style>
      <h1 id="over-time-heading">{tx.heading}</h1>
      <Text>{tx.intro}</Text>
      <div className={styles.filters} role="group" aria-label={tx.filters}>
        {OVER_TIME_LIFECYCLES.map((l) => (
          <Checkbox
            key={l}
            label={tx.lifecycle[l]}
            checked={lifecycles.includes(l)}
            onChange={(_, d) =>
              setLifecycles((now) => (d.checked ? [...now, l] : now.filter((x) => x !== l)))
            }
          />
        ))}
        <Field label={tx.owner}>
          <Dropdown
            value={owner?.name ?? tx.allOwners}
            selectedOptions={[ownerId === null ? 'all' : String(ownerId)]}
            onOptionSelect={(_, d) =>
              setOwnerId(d.optionValue && d.optionValue !== 'all' ? Number(d.optionValue) : null)
            }
          >
            <Option value="all">{tx.allOwners}</Option>
            {grid.owners.map((o) => (
              <Option key={o.id} value={String(o.id)}>
                {o.name}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      <Text role="status">{tx.shown(rows.length, grid.rows.length)}</Text>
      <TableScroll labelledBy="over-time-caption">
        <table className={styles.table}>
          <caption id="over-time-caption">{tx.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{tx.plan}</th>
              {grid.columns.map((c) => (
                <th key={c} scope="col">
                  {label(c, locale)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.planKey}>
                <th scope="row" className={styles.rowHeader}>
                  <UserText>{row.title}</UserText>
                  {row.lifecycle !== 'active' && (
                    <span className={styles.note}>{tx.lifecycle[row.lifecycle]}</span>
                  )}
                  {row.replacedBy && (
                    <span className={styles.note}>{tx.replacedBy(row.replacedBy.title)}</span>
                  )}
                  {row.replaces.map((r) => (
                    <span key={r.planKey} className={styles.note}>
                      {tx.replaces(r.title)}
                    </span>
                  ))}
                  {row.formerTitles.length > 0 && (
                    <span className={styles.note}>{tx.formerly(row.formerTitles.join(', '))}</span>
                  )}
                </th>
                {row.cells.map((cell) => (
                  <td key={cell.periodKey}>
                    <CellContent
                      cell={cell}
                      arrowClass={styles.arrow}
                      hiddenClass={styles.hidden}
                      onComment={
                        cell.kind === 'answered' ? () => setOpen({ row, cell }) : undefined
                      }
                      commentName={tx.commentOf(row.title, label(cell.periodKey, locale))}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {open && (
        <CommentDialog
          itemId={open.cell.itemId}
          title={tx.commentOf(open.row.title, label(open.cell.periodKey, locale))}
          onClose={() => setOpen(null)}
        />
      )}
    </section>
  );
}

function CellContent({
  cell,
  arrowClass,
  hiddenClass,
  onComment,
  commentName,
}: {
  cell: OverTimeCell;
  arrowClass: string;
  hiddenClass: string;
  onComment?: () => void;
  commentName: string;
}) {
  const { t } = useI18n();
  const tx = t.overTime;
  if (cell.kind === 'absent') {
    return (
      <>
        <span aria-hidden="true">–</span>
        <span className={hiddenClass}>{tx.absent}</span>
      </>
    );
  }
  if (cell.kind === 'unanswered') return <>{tx.unanswered}</>;
  const text =
    cell.status === null
      ? '–'
      : cell.status === 'not-assessed'
        ? cell.statusNote.trim() || t.status['not-assessed']
        : t.status[cell.status];
  return (
    <div>
      {cell.status !== null && cell.status !== 'not-assessed' && (
        <span aria-hidden="true" className={arrowClass}>
          {statusSymbol(cell.status)}
        </span>
      )}
      <span>{text}</span>
      <div>
        <Button size="small" appearance="subtle" aria-label={commentName} onClick={onComment}>
          {tx.comment}
        </Button>
      </div>
    </div>
  );
}

function CommentDialog({
  itemId,
  title,
  onClose,
}: {
  itemId: number;
  title: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { followUps } = useServices();
  const comment = useLoad(`comment:${itemId}`, () => followUps.readComment(itemId));
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>
            {comment.result.state === 'loading' ? (
              <Spinner size="small" label={t.overTime.loadingComment} />
            ) : comment.result.state === 'failed' ? (
              <LoadFailed error={comment.result.error} onRetry={comment.retry} />
            ) : comment.result.data.trim() ? (
              <SafeHtml html={comment.result.data} />
            ) : (
              <Text>{t.overTime.noComment}</Text>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>
              {t.overTime.close}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
