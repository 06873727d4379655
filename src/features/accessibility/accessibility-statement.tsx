import { Link, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/i18n';
import { PANEL_SURFACE } from '../shared/panel-surface';

/** Digg's page for reporting inadequate accessibility (named in its model statement). */
export const DIGG_REPORT_URL = 'https://www.digg.se/tdosanmalan';

/** When the app was last assessed against the law, and when the statement last changed. */
const ASSESSED = '2026-11-23';
const UPDATED = '2026-11-23';

export interface StatementContact {
  /** The public body responsible for the app, as it should be named in the statement. */
  readonly organisation: string;
  /** A functional mailbox for accessibility feedback (never a person's own address). */
  readonly email: string;
}

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

/**
 * Tillgänglighetsredogörelse: the accessibility statement the Act (2018:1937) requires, laid out
 * as Digg's model asks: who is responsible, compliance status, what is not accessible and why,
 * how to report a shortcoming, Digg as supervisor, how the app was assessed, and the dates.
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
  const a = t.accessibility;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnOpen) heading.current?.focus();
  }, [focusOnOpen]);
  const [before, after] = a.report('\u0000').split('\u0000');
  return (
    <article className={styles.root} aria-labelledby="accessibility-heading">
      <h2 id="accessibility-heading" ref={heading} tabIndex={-1} className={styles.heading}>
        {a.heading}
      </h2>
      <p>{a.intro(contact.organisation)}</p>

      <h3>{a.statusHeading}</h3>
      <p>{a.status}</p>
      <ul>
        {a.works.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>

      <h3>{a.shortcomingsHeading}</h3>
      <ul>
        {a.shortcomings.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>

      <h3>{a.reportHeading}</h3>
      <p>
        {before}
        <Link href={`mailto:${contact.email}`} inline>
          {contact.email}
        </Link>
        {after}
      </p>

      <h3>{a.supervisionHeading}</h3>
      <p>{a.supervision}</p>
      <p>
        <Link href={DIGG_REPORT_URL} target="_blank" rel="noopener noreferrer" inline>
          {a.supervisionLink}
        </Link>
      </p>

      <h3>{a.testingHeading}</h3>
      <ul>
        {a.testing.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p>{a.dates(ASSESSED, UPDATED)}</p>
    </article>
  );
}
