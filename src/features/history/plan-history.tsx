import { Badge, Button, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { ChevronDownRegular, ChevronUpRegular, DismissRegular } from '@fluentui/react-icons';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { PlanKey } from '../../domain/follow-up';
import { parsePeriodKey, periodLabel, type Locale, type Period } from '../../domain/period';
import { planHistory, type HistoryEntry, type HistoryPeriod } from '../../domain/plan-history';
import { isBlankHtml } from '../../domain/rich-text';
import { formatDateTime, useI18n } from '../../i18n/i18n';
import { LoadFailed } from '../shared/load-failed';
import { SafeHtml } from '../shared/safe-html';
import { useServices } from '../shared/services-context';
import { StatusLabel } from '../shared/status-label';
import { useLoad } from '../shared/use-load';
import { commentChangeText, StatusChangeText } from './change-summary';
import { CommentDiffView } from './comment-diff-view';
import { UserText, UserTextIn } from '../shared/user-text';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  entry: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  periodHeading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
  },
  line: { margin: 0 },
  statusLine: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    columnGap: tokens.spacingHorizontalM,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  comment: {
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  changes: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  flag: { alignSelf: 'flex-start' },
});

export interface PlanHistoryProps {
  readonly planKey: PlanKey;
  /** The plan's title, for the heading ("Historik: <title>"). */
  readonly title: string;
  /** The periods as loaded by the screen (for their labels); no second request is made. */
  readonly periods: readonly Period[];
  readonly onClose: () => void;
}

/**
 * A plan's follow-ups through the periods, newest first: status, note, who submitted and when,
 * the comment, and what changed since the period before (status in words, the comment word by
 * word on request). Loads the plan's history in one request. It opens on request only, so its
 * heading takes focus when it appears (tabIndex −1): the panel is loaded on demand, and the
 * screen that opens it cannot reach a heading that is not there yet.
 */
export function PlanHistory({ planKey, title, periods, onClose }: PlanHistoryProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const { followUps } = useServices();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { result, retry } = useLoad(planKey, () => followUps.listForPlan(planKey));
  const data = result.state === 'ready' ? result.data : null;
  const entries = useMemo(() => (data ? planHistory(data, periods) : []), [data, periods]);

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <div className={styles.header}>
        <h2 id={headingId} ref={heading} className={styles.title} tabIndex={-1}>
          <UserTextIn template={t.history.heading} text={title} />
        </h2>
        <Button appearance="subtle" icon={<DismissRegular />} onClick={onClose}>
          {t.history.close}
        </Button>
      </div>

      {result.state === 'loading' && <Spinner label={t.loading} />}
      {result.state === 'failed' && (
        <LoadFailed error={result.error} onRetry={retry} what={t.history.loadFailed} />
      )}
      {data &&
        (entries.length === 0 ? (
          <Text>{t.history.empty}</Text>
        ) : (
          <ol className={styles.list} aria-label={t.history.list}>
            {entries.map((entry) => (
              <HistoryItem key={entry.period.key} entry={entry} />
            ))}
          </ol>
        ))}
    </section>
  );
}

function labelOf(period: Pick<HistoryPeriod, 'key' | 'id'>, locale: Locale): string {
  return period.id ? periodLabel(period.id, locale) : period.key;
}

function HistoryItem({ entry }: { entry: HistoryEntry }) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const [showChanges, setShowChanges] = useState(false);
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const diffId = useId();
  const { followUp, previous, statusChange, commentChange } = entry;

  const submitted =
    followUp.submittedBy && followUp.submittedAt
      ? t.history.submittedBy(
          followUp.submittedBy.name,
          formatDateTime(followUp.submittedAt, locale),
        )
      : followUp.inputState === 'submitted'
        ? // Submitted, but who and when did not survive (edited outside the app).
          t.inputState.submitted
        : t.history.notSubmitted(t.inputState[followUp.inputState].toLocaleLowerCase(locale));

  if (followUp.inputState === 'missing') {
    return (
      <li className={styles.entry} aria-labelledby={headingId}>
        <h3 id={headingId} className={styles.periodHeading}>
          {labelOf(entry.period, locale)}
        </h3>
        <Text>{t.history.noInput}</Text>
      </li>
    );
  }

  const previousLabel = previous
    ? labelOf({ key: previous.periodKey, id: parsePeriodKey(previous.periodKey) }, locale)
    : null;
  const diffable = commentChange?.kind === 'changed' || commentChange?.kind === 'removed';

  return (
    <li className={styles.entry} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.periodHeading}>
        {labelOf(entry.period, locale)}
      </h3>
      <p className={`${styles.line} ${styles.statusLine}`}>
        <StatusLabel status={followUp.status} />
        {followUp.statusNote && (
          <span>
            {t.history.note}: <UserText>{followUp.statusNote}</UserText>
          </span>
        )}
      </p>
      <Text className={styles.muted} block>
        {submitted}
      </Text>
      <p className={styles.line}>
        {statusChange ? <StatusChangeText change={statusChange} /> : t.history.noPrevious}
      </p>

      {commentChange?.kind === 'unchanged' && (
        <Badge className={styles.flag} appearance="tint" color="warning" shape="rounded">
          {t.history.copiedUnchanged}
        </Badge>
      )}
      {isBlankHtml(followUp.comment) ? (
        <Text>{t.history.noComment}</Text>
      ) : (
        <SafeHtml html={followUp.comment} className={styles.comment} />
      )}

      {commentChange && commentChange.kind !== 'unchanged' && commentChange.kind !== 'none' && (
        <div className={styles.changes}>
          <Text>{commentChangeText(commentChange.kind, t)}</Text>
          {diffable && (
            <Button
              size="small"
              icon={showChanges ? <ChevronUpRegular /> : <ChevronDownRegular />}
              aria-expanded={showChanges}
              aria-controls={diffId}
              onClick={() => setShowChanges((shown) => !shown)}
            >
              {t.history.showChanges}
            </Button>
          )}
        </div>
      )}
      {commentChange && diffable && (
        <CommentDiffView
          id={diffId}
          parts={commentChange.parts}
          label={previousLabel ? t.history.changes(previousLabel) : t.history.changesPrevious}
          hidden={!showChanges}
        />
      )}
    </li>
  );
}
