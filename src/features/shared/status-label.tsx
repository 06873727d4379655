import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { assertNever } from '../../domain/assert-never';
import { statusSymbol, type Status } from '../../domain/follow-up';
import { useI18n } from '../../i18n/i18n';

const useStyles = makeStyles({
  root: { display: 'inline-flex', alignItems: 'baseline', gap: tokens.spacingHorizontalXS },
  symbol: { fontWeight: tokens.fontWeightBold, minWidth: '1.2em', textAlign: 'center' },
  good: { color: tokens.colorPaletteGreenForeground1 },
  partly: { color: tokens.colorPaletteMarigoldForeground1 },
  poor: { color: tokens.colorPaletteRedForeground1 },
  none: { color: tokens.colorNeutralForeground3 },
});

/**
 * A status as the reports show it: arrow and text. Colour only repeats what the arrow and the
 * text say (WCAG 1.4.1), and the arrow is hidden from screen readers, which read the text.
 */
export function StatusLabel({ status }: { status: Status | null }) {
  const styles = useStyles();
  const { t } = useI18n();
  if (status === null) {
    return <span className={mergeClasses(styles.root, styles.none)}>{t.status.none}</span>;
  }
  return (
    <span className={styles.root}>
      <span aria-hidden="true" className={mergeClasses(styles.symbol, colourOf(status, styles))}>
        {statusSymbol(status)}
      </span>
      <span>{t.status[status]}</span>
    </span>
  );
}

function colourOf(status: Status, styles: ReturnType<typeof useStyles>): string {
  switch (status) {
    case 'good':
      return styles.good;
    case 'partly':
      return styles.partly;
    case 'poor':
      return styles.poor;
    case 'not-assessed':
      return styles.none;
    default:
      return assertNever(status);
  }
}
