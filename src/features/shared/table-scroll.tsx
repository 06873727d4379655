import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    maxWidth: '100%',
    overflowX: 'auto',
    ':focus-visible': {
      outlineWidth: tokens.strokeWidthThick,
      outlineStyle: 'solid',
      outlineColor: tokens.colorStrokeFocus2,
    },
    '@media print': { overflowX: 'visible' },
  },
});

/**
 * A data table that may scroll sideways inside its own box on a narrow screen or at high zoom,
 * so the page itself never does (WCAG 1.4.10 allows this for tables). The box can take focus,
 * so it can be scrolled with the arrow keys, and is named after the table.
 */
export function TableScroll({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.root} role="region" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}
