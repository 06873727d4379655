import { Link, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/i18n';
import { PANEL_SURFACE } from '../shared/panel-surface';
import { StatementSections, type StatementContact, type StatementLink } from './statement-content';

export { DIGG_REPORT_URL, type StatementContact } from './statement-content';

const useStyles = makeStyles({
  root: {
    maxWidth: '60rem',
    ...PANEL_SURFACE,
    padding: tokens.spacingHorizontalXL,
    lineHeight: tokens.lineHeightBase400,
    overflowWrap: 'anywhere',
  },
  heading: { marginTop: 0 },
});

const FluentLink: StatementLink = ({ href, external, children }) =>
  external ? (
    <Link href={href} target="_blank" rel="noopener noreferrer" inline>
      {children}
    </Link>
  ) : (
    <Link href={href} inline>
      {children}
    </Link>
  );

/**
 * Tillgänglighetsredogörelse: the accessibility statement the Act (2018:1937) requires, on
 * Digg's model (statement-content.tsx). The same text is published as a public page of the
 * static site (vite.config.ts), for readers outside Teams.
 */
export default function AccessibilityStatement({
  contact,
  focusOnOpen = false,
}: {
  contact: StatementContact;
  /** Opened from the link: move focus to the heading, so the reader starts at the statement. */
  focusOnOpen?: boolean;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnOpen) heading.current?.focus();
  }, [focusOnOpen]);
  return (
    <article className={styles.root} aria-labelledby="accessibility-heading">
      <h2 id="accessibility-heading" ref={heading} tabIndex={-1} className={styles.heading}>
        {t.accessibility.heading}
      </h2>
      <StatementSections contact={contact} level={3} Link={FluentLink} />
    </article>
  );
}
