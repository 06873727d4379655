import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { forwardRef, type ReactNode } from 'react';

const useStyles = makeStyles({
  // One line is kept free for what the region will say, so a confirmation or a spinner that
  // appears never pushes the content under it down.
  root: {
    minHeight: `max(${tokens.lineHeightBase300}, 20px)`,
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
});

export interface StatusLineProps {
  readonly children?: ReactNode;
  readonly className?: string;
  /** -1 where focus is moved to the report (the overview after a reload). */
  readonly tabIndex?: number;
}

/**
 * A polite live region for progress and confirmations ("Utkastet sparades 07:17", "Sparar…"):
 * in the page from the start, so screen readers announce what it later says, with its line
 * reserved so nothing moves when it speaks.
 */
export const StatusLine = forwardRef<HTMLDivElement, StatusLineProps>(function StatusLine(
  { children, className, tabIndex },
  ref,
) {
  const styles = useStyles();
  return (
    <div
      ref={ref}
      role="status"
      aria-live="polite"
      tabIndex={tabIndex}
      className={mergeClasses(styles.root, className)}
    >
      {children}
    </div>
  );
});
