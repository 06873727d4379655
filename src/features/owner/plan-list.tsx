import {
  Badge,
  Button,
  makeStyles,
  mergeClasses,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { HistoryRegular } from '@fluentui/react-icons';
import type { FollowUp, InputState } from '../../domain/follow-up';
import { useI18n } from '../../i18n/i18n';
import { StatusLabel } from '../shared/status-label';
import { UserText } from '../shared/user-text';

const useStyles = makeStyles({
  table: {
    tableLayout: 'auto',
    '@media (max-width: 30em)': {
      '& th, & td': {
        paddingInline: tokens.spacingHorizontalXS,
      },
    },
  },
  // The selected row is marked by a bar and aria-current, not by a background: a background
  // behind the link-coloured title fails contrast in Teams' high-contrast theme. Windows'
  // contrast themes (forced colours) drop box shadows: there the row is framed in Highlight.
  selected: {
    boxShadow: `inset ${tokens.strokeWidthThicker} 0 0 ${tokens.colorBrandStroke1}`,
    '@media (forced-colors: active)': {
      outline: `${tokens.strokeWidthThicker} solid Highlight`,
      outlineOffset: `calc(-1 * ${tokens.strokeWidthThicker})`,
    },
  },
  planButton: {
    justifyContent: 'flex-start',
    textAlign: 'start',
    minWidth: 0,
    height: 'auto',
    paddingBlock: tokens.spacingVerticalXS,
    fontWeight: tokens.fontWeightSemibold,
    '@media (max-width: 30em)': { paddingInline: tokens.spacingHorizontalXS },
  },
  owners: {
    display: 'block',
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
  // Status and input state stay on one line where there is room; at 320 px (400 % zoom) they
  // wrap rather than push the list off the screen.
  nowrap: { whiteSpace: 'nowrap', '@media (max-width: 30em)': { whiteSpace: 'normal' } },
  // The input state and the review's badge wrap inside their cell rather than widen the list.
  badges: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
  },
  history: { minWidth: 0, paddingInline: 0, fontWeight: tokens.fontWeightRegular },
});

const BADGE: Record<InputState, 'danger' | 'warning' | 'success'> = {
  missing: 'danger',
  draft: 'warning',
  submitted: 'success',
};

export interface PlanListProps {
  readonly followUps: readonly FollowUp[];
  readonly selectedId: number | null;
  readonly onSelect: (followUp: FollowUp) => void;
  readonly onHistory: (followUp: FollowUp) => void;
  /** Ids of follow-ups with unsaved text in this session. */
  readonly unsavedIds: ReadonlySet<number>;
}

/** The period's plans: title, status as arrow and text, input state. */
export function PlanList({
  followUps,
  selectedId,
  onSelect,
  onHistory,
  unsavedIds,
}: PlanListProps) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <Table className={styles.table} size="small" aria-label={t.plans.heading}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t.plans.columnPlan}</TableHeaderCell>
          <TableHeaderCell>{t.plans.columnStatus}</TableHeaderCell>
          <TableHeaderCell>{t.plans.columnInput}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {followUps.map((f) => {
          const selected = f.itemId === selectedId;
          return (
            <TableRow key={f.itemId} className={mergeClasses(selected && styles.selected)}>
              <TableCell>
                <Button
                  appearance="transparent"
                  className={styles.planButton}
                  aria-current={selected ? 'true' : undefined}
                  data-plan-button={f.itemId}
                  onClick={() => onSelect(f)}
                >
                  {f.sortOrder}. <UserText>{f.title}</UserText>
                </Button>
                <Text className={styles.owners}>
                  {f.owners.length > 0 ? f.owners.map((o) => o.name).join(', ') : t.plans.noOwners}
                </Text>
                <Button
                  appearance="transparent"
                  size="small"
                  icon={<HistoryRegular />}
                  aria-label={t.history.openFor(f.title)}
                  className={styles.history}
                  onClick={() => onHistory(f)}
                >
                  {t.history.open}
                </Button>
              </TableCell>
              <TableCell className={styles.nowrap}>
                <StatusLabel status={f.status} />
              </TableCell>
              <TableCell>
                <span className={styles.badges}>
                  <Badge appearance="tint" color={BADGE[f.inputState]}>
                    {t.inputState[f.inputState]}
                  </Badge>
                  {f.review?.state === 'approved' && (
                    <Badge appearance="outline" color="success">
                      {t.review.approvedBadge}
                    </Badge>
                  )}
                  {f.review?.state === 'returned' && (
                    <Badge appearance="outline" color="warning">
                      {t.review.returnedBadge}
                    </Badge>
                  )}
                </span>
                {unsavedIds.has(f.itemId) && (
                  <Text className={styles.owners}>{t.form.unsaved}</Text>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
