import { makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { sanitizeCommentHtml } from './sanitize';
import { CONTENT_LANGUAGE } from './user-text';

const useStyles = makeStyles({
  root: {
    '& p': { marginBlockStart: 0, marginBlockEnd: tokens.spacingVerticalS },
    '& ul, & ol': { marginBlockStart: 0, paddingInlineStart: tokens.spacingHorizontalXXL },
    '& a': { color: tokens.colorBrandForegroundLink },
    overflowWrap: 'anywhere',
  },
});

/**
 * Renders comment HTML after sanitizing it; never raw. It is what users wrote, so it carries the
 * organisation's language (WCAG 3.1.2) unless told otherwise.
 */
export function SafeHtml({
  html,
  className,
  lang = CONTENT_LANGUAGE,
}: {
  html: string;
  className?: string;
  lang?: string;
}) {
  const styles = useStyles();
  const clean = useMemo(() => sanitizeCommentHtml(html), [html]);
  return (
    <div
      lang={lang}
      className={className ? `${styles.root} ${className}` : styles.root}
      dangerouslySetInnerHTML={{ __html: clean }}
    />
  );
}
