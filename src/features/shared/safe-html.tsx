import { makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { sanitizeCommentHtml } from './sanitize';

const useStyles = makeStyles({
  root: {
    '& p': { marginBlockStart: 0, marginBlockEnd: tokens.spacingVerticalS },
    '& ul, & ol': { marginBlockStart: 0, paddingInlineStart: tokens.spacingHorizontalXXL },
    '& a': { color: tokens.colorBrandForegroundLink },
    overflowWrap: 'anywhere',
  },
});

/** Renders comment HTML after sanitizing it; never raw. */
export function SafeHtml({ html, className }: { html: string; className?: string }) {
  const styles = useStyles();
  const clean = useMemo(() => sanitizeCommentHtml(html), [html]);
  return (
    <div
      className={className ? `${styles.root} ${className}` : styles.root}
      dangerouslySetInnerHTML={{ __html: clean }}
    />
  );
}
