import type { ComponentType, ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';
import {
  criterionLabel,
  KNOWN_SHORTCOMINGS,
  shortcomingsIn,
  type KnownShortcoming,
  type ShortcomingCategory,
} from './known-shortcomings';

/** Digg's page for reporting inadequate accessibility (named in its model statement). */
export const DIGG_REPORT_URL = 'https://www.digg.se/tdosanmalan';

/**
 * The statement's dates: first published; last changed; and the last assessment of the app
 * against the law (the tests listed under "Hur vi testat appen" were last run through by hand).
 */
export const STATEMENT_DATES = {
  published: '2026-11-23',
  updated: '2026-12-03',
  assessed: '2026-12-03',
} as const;

export interface StatementContact {
  /** The public body responsible for the app, as it should be named in the statement. */
  readonly organisation: string;
  /** A functional mailbox for accessibility feedback (never a person's own address). */
  readonly email: string;
}

/** How the statement draws a link: Fluent's Link in the app, a plain `<a>` on the public page. */
export type StatementLink = ComponentType<{
  href: string;
  external?: boolean;
  children: ReactNode;
}>;

/**
 * The statement's text below its title, on Digg's model: the same in the app and on the public
 * page (vite.config.ts renders it there at build time). No Fluent here, so it renders without
 * a theme. `level` is the level of its section headings (the title's is one above).
 */
export function StatementSections({
  contact,
  level,
  Link,
  shortcomings = KNOWN_SHORTCOMINGS,
}: {
  contact: StatementContact;
  level: 2 | 3;
  Link: StatementLink;
  shortcomings?: readonly KnownShortcoming[];
}) {
  const { t, locale } = useI18n();
  const a = t.accessibility;
  const H = `h${level}` as const;
  const Sub = level === 2 ? 'h3' : 'h4';
  const partial = shortcomingsIn('non-compliance', shortcomings).length > 0;
  const mail = <Link href={`mailto:${contact.email}`}>{contact.email}</Link>;
  const [before, after] = a.report('\u0000').split('\u0000');

  const category = (which: ShortcomingCategory, none: string, intro?: string) => {
    const entries = shortcomingsIn(which, shortcomings);
    if (entries.length === 0) return <p>{none}</p>;
    return (
      <>
        {intro ? <p>{intro}</p> : null}
        <ul>
          {entries.map((entry) => (
            <li key={entry.id} data-shortcoming={entry.id}>
              {entry.text[locale]}
              {entry.criteria.length > 0
                ? ` (${a.criteria(entry.criteria.map((c) => criterionLabel(c, locale)).join(', '))})`
                : ''}
            </li>
          ))}
        </ul>
      </>
    );
  };

  return (
    <>
      <p>{a.intro(contact.organisation)}</p>

      <H>{a.statusHeading}</H>
      <p>{partial ? a.statusPartial : a.statusFull}</p>
      <ul>
        {a.works.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>

      <H>{a.contactHeading}</H>
      <p>{a.contact}</p>
      <p>
        {a.contactEmail} {mail}
      </p>

      <H>{a.reportHeading}</H>
      <p>
        {before}
        {mail}
        {after}
      </p>

      <H>{a.supervisionHeading}</H>
      <p>{a.supervision}</p>
      <p>
        <Link href={DIGG_REPORT_URL} external>
          {a.supervisionLink}
        </Link>
      </p>

      <H>{a.technicalHeading}</H>
      <p>{partial ? a.technicalPartial : a.technicalFull}</p>

      <H>{a.inaccessibleHeading}</H>
      <Sub>{a.nonComplianceHeading}</Sub>
      {category('non-compliance', a.nonComplianceNone)}
      <Sub>{a.burdenHeading}</Sub>
      {category('disproportionate-burden', a.burdenNone)}
      <Sub>{a.outOfScopeHeading}</Sub>
      {category('out-of-scope', a.outOfScopeNone, a.outOfScopeIntro)}

      <H>{a.testingHeading}</H>
      <p>{a.testingIntro}</p>
      <ul>
        {a.testing.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p>{a.assessed(STATEMENT_DATES.assessed)}</p>
      <p>{a.dates(STATEMENT_DATES.published, STATEMENT_DATES.updated)}</p>
    </>
  );
}
