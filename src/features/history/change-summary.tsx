import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { assertNever } from '../../domain/assert-never';
import { statusChange, type CommentChangeKind, type StatusChange } from '../../domain/comment-diff';
import type { FollowUp } from '../../domain/follow-up';
import { overviewChange } from '../../domain/period-overview';
import { useI18n } from '../../i18n/i18n';
import type { Messages } from '../../i18n/sv';
import { StatusLabel } from '../shared/status-label';

const useStyles = makeStyles({
  change: {
    display: 'inline-flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    columnGap: tokens.spacingHorizontalXS,
  },
  summary: {
    display: 'inline-flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
  },
  direction: { fontWeight: tokens.fontWeightSemibold },
});

/**
 * A status change in words: "Från ➔ Arbetet går delvis bra till ↑ Arbetet går bra (bättre)".
 * The arrows (and their colours) repeat what the text says and are hidden from screen readers,
 * so nothing rests on colour or symbol alone.
 */
export function StatusChangeText({
  change,
  className,
}: {
  change: StatusChange;
  className?: string;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  if (change.from === change.to) {
    return <span className={className}>{t.history.statusSame}</span>;
  }
  const direction = directionText(change, t);
  return (
    // The spaces are for text (copying, reading by text); the gap does the layout.
    <span className={mergeClasses(styles.change, className)}>
      <span>{t.history.statusFrom}</span> <StatusLabel status={change.from} />{' '}
      <span>{t.history.statusTo}</span> <StatusLabel status={change.to} />
      {direction && (
        <>
          {' '}
          <span className={styles.direction}>({direction})</span>
        </>
      )}
    </span>
  );
}

function directionText(change: StatusChange, t: Messages): string | null {
  switch (change.direction) {
    case 'better':
      return t.history.better;
    case 'worse':
      return t.history.worse;
    case 'same':
    case 'unknown':
      return null;
    default:
      return assertNever(change.direction);
  }
}

/** "Kommentaren ändrad", "Ny kommentar"…: how the comment changed since the period before. */
export function commentChangeText(kind: CommentChangeKind, t: Messages): string {
  switch (kind) {
    case 'new':
      return t.history.commentNew;
    case 'unchanged':
      return t.history.commentUnchanged;
    case 'changed':
      return t.history.commentChanged;
    case 'removed':
      return t.history.commentRemoved;
    case 'none':
      return t.history.commentNone;
    default:
      return assertNever(kind);
  }
}

export interface ChangeSummaryProps {
  readonly current: FollowUp;
  /** The plan's follow-up of the period before; null or undefined when there is none. */
  readonly previous: FollowUp | null | undefined;
  readonly className?: string;
}

/**
 * One line on what changed since the period before: the status in words and whether the
 * comment is new, changed or carried over unchanged. Small enough for a row in a list. A plan
 * with no answer yet compares nothing (its empty comment is not a removed one).
 */
export function ChangeSummary({ current, previous, className }: ChangeSummaryProps) {
  const styles = useStyles();
  const { t } = useI18n();
  // Only the kind is shown here, so no word diff is computed for every row of a list.
  const change = useMemo(() => overviewChange(current, previous), [current, previous]);
  if (change.kind === 'unanswered') {
    return <span className={className}>{t.overview.notAnswered}</span>;
  }
  const status = change.previous ? statusChange(change.previous.status, current.status) : null;
  return (
    <span className={mergeClasses(styles.summary, className)}>
      {status ? <StatusChangeText change={status} /> : <span>{t.history.noPrevious}</span>}{' '}
      <span>{commentChangeText(change.comment, t)}</span>
    </span>
  );
}
