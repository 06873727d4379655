import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { assertNever } from '../../domain/assert-never';
import type { DiffPart } from '../../domain/comment-diff';
import { useI18n } from '../../i18n/i18n';
import { VISUALLY_HIDDEN } from '../shared/visually-hidden';

const useStyles = makeStyles({
  root: {
    // The visually hidden run markers are positioned; keep them inside this box.
    position: 'relative',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  legend: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  text: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  // Underline and strike-through carry the meaning; the tints only repeat it (WCAG 1.4.1), and
  // in forced-colours mode, where backgrounds go, the lines stay.
  added: {
    textDecorationLine: 'underline',
    textDecorationThickness: '2px',
    backgroundColor: tokens.colorPaletteGreenBackground2,
    color: tokens.colorNeutralForeground1,
  },
  removed: {
    textDecorationLine: 'line-through',
    backgroundColor: tokens.colorPaletteRedBackground2,
    color: tokens.colorNeutralForeground1,
  },
  visuallyHidden: VISUALLY_HIDDEN,
});

export interface CommentDiffViewProps {
  readonly id: string;
  readonly parts: readonly DiffPart[];
  /** What the changes are compared with, as the group's name ("Ändringar … sedan …"). */
  readonly label: string;
  readonly hidden?: boolean;
}

/**
 * A comment's word diff: added text in <ins>, removed in <del>. Most screen readers say nothing
 * about ins and del, so each run is also announced as added or removed, start and end, in
 * visually hidden text; the legend says the same to sighted readers.
 */
export function CommentDiffView({ id, parts, label, hidden }: CommentDiffViewProps) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <div id={id} role="group" aria-label={label} className={styles.root} hidden={hidden}>
      <Text className={styles.legend}>{t.history.legend}</Text>
      <p className={styles.text}>
        {parts.map((part, index) => {
          switch (part.kind) {
            case 'same':
              return <span key={index}>{part.text}</span>;
            case 'added':
              return (
                <span key={index}>
                  <span className={styles.visuallyHidden}>{` ${t.history.addedStart} `}</span>
                  <ins className={styles.added}>{part.text}</ins>
                  <span className={styles.visuallyHidden}>{` ${t.history.addedEnd} `}</span>
                </span>
              );
            case 'removed':
              return (
                <span key={index}>
                  <span className={styles.visuallyHidden}>{` ${t.history.removedStart} `}</span>
                  <del className={styles.removed}>{part.text}</del>
                  <span className={styles.visuallyHidden}>{` ${t.history.removedEnd} `}</span>
                </span>
              );
            default:
              return assertNever(part.kind);
          }
        })}
      </p>
    </div>
  );
}
