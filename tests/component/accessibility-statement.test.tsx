import { formatDate } from '../../src/domain/format';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import AccessibilityStatement, {
  DIGG_REPORT_URL,
} from '../../src/features/accessibility/accessibility-statement';
import {
  KNOWN_SHORTCOMINGS,
  type KnownShortcoming,
} from '../../src/features/accessibility/known-shortcomings';
import {
  STATEMENT_DATES,
  StatementSections,
  type StatementLink,
} from '../../src/features/accessibility/statement-content';
import { renderStatementPage } from '../../src/features/accessibility/statement-page';
import { ConfigError } from '../../src/features/shell/config-error';
import { statementContact } from '../../src/app/statement-config';
import { I18nProvider } from '../../src/i18n/i18n';
import { renderWithProviders } from './render-with-providers';

const CONTACT = { organisation: 'Region Testland', email: 'webb@testland.example' };

/** The list items under a heading (its next list). */
function itemsUnder(scope: HTMLElement, name: string): HTMLElement[] {
  const heading = within(scope).getByRole('heading', { name });
  let next = heading.nextElementSibling;
  while (next && !/^(UL|H\d)$/.test(next.tagName)) next = next.nextElementSibling;
  return next?.tagName === 'UL' ? within(next as HTMLElement).getAllByRole('listitem') : [];
}

/** The text that follows a heading, up to the next heading. */
function textUnder(scope: HTMLElement, name: string): string {
  const heading = within(scope).getByRole('heading', { name });
  let text = '';
  for (let el = heading.nextElementSibling; el && !/^H\d$/.test(el.tagName);) {
    text += ` ${el.textContent ?? ''}`;
    el = el.nextElementSibling;
  }
  return text;
}

describe('the accessibility statement (tillgänglighetsredogörelse), on Digg’s model', () => {
  it('has every part of the model, in Swedish', () => {
    renderWithProviders(<AccessibilityStatement contact={CONTACT} />);
    const statement = screen.getByRole('article', { name: 'Tillgänglighetsredogörelse' });
    expect(statement).toHaveTextContent('Region Testland står bakom Planuppföljning');
    for (const heading of [
      'Hur tillgänglig är appen?',
      'Vad kan du göra om du inte kan använda delar av appen?',
      'Rapportera brister i appens tillgänglighet',
      'Tillsyn',
      'Teknisk information om appens tillgänglighet',
      'Innehåll som inte är tillgängligt',
      'Hur vi testat appen',
    ]) {
      expect(within(statement).getByRole('heading', { level: 3, name: heading })).toBeVisible();
    }
    for (const heading of [
      'Bristande förenlighet med lagkraven',
      'Oskäligt betungande anpassning',
      'Innehåll som inte omfattas av lagstiftningen',
    ]) {
      expect(within(statement).getByRole('heading', { level: 4, name: heading })).toBeVisible();
    }
    // Contact and response time.
    expect(textUnder(statement, 'Vad kan du göra om du inte kan använda delar av appen?')).toMatch(
      /Vi svarar inom två arbetsdagar\..*E-post: webb@testland\.example/,
    );
    for (const link of within(statement).getAllByRole('link', { name: 'webb@testland.example' }))
      expect(link).toHaveAttribute('href', 'mailto:webb@testland.example');
    expect(
      within(statement).getByRole('link', { name: 'Anmäl bristande tillgänglighet till Digg' }),
    ).toHaveAttribute('href', DIGG_REPORT_URL);
    // The law and the standard, in the law's wording of compliance.
    expect(textUnder(statement, 'Teknisk information om appens tillgänglighet')).toMatch(
      /helt förenlig med lagen \(2018:1937\) om tillgänglighet till digital offentlig service.*WCAG 2\.1 nivå AA/,
    );
    // How it was tested, and the dates.
    const testing = textUnder(statement, 'Hur vi testat appen');
    for (const method of ['axe-core', 'tangentbord', 'kontrastteman', '320 pixlar', '32 pixlar'])
      expect(testing).toContain(method);
    // Dates spelt out, as everywhere in the app ("3 december 2026").
    expect(testing).toContain(
      `Den senaste bedömningen gjordes ${formatDate(STATEMENT_DATES.assessed, 'sv')}.`,
    );
    expect(testing).toMatch(/gjordes \d{1,2} [a-zåäö]+ \d{4}\./);
    expect(testing).toContain(
      `Redogörelsen publicerades ${formatDate(STATEMENT_DATES.published, 'sv')} och uppdaterades senast ${formatDate(STATEMENT_DATES.updated, 'sv')}.`,
    );
  });

  it('lists every known shortcoming under its category, and says when a category is empty', () => {
    renderWithProviders(<AccessibilityStatement contact={CONTACT} />);
    const statement = screen.getByRole('article', { name: 'Tillgänglighetsredogörelse' });
    const outOfScope = itemsUnder(statement, 'Innehåll som inte omfattas av lagstiftningen');
    const expected = KNOWN_SHORTCOMINGS.filter((e) => e.category === 'out-of-scope');
    expect(outOfScope.map((li) => li.textContent)).toEqual(expected.map((e) => e.text.sv));
    // No failure of the requirements is known: the statement says so rather than staying silent.
    expect(textUnder(statement, 'Bristande förenlighet med lagkraven')).toContain(
      'Vi känner inte till något innehåll i appen som bryter mot lagens krav.',
    );
    expect(textUnder(statement, 'Oskäligt betungande anpassning')).toContain(
      'Vi åberopar inte undantag för oskäligt betungande anpassning',
    );
  });

  it('names a failure with its WCAG success criterion, and then says partially compliant', () => {
    const failure: KnownShortcoming = {
      id: 'example',
      category: 'non-compliance',
      criteria: [{ number: '1.4.4', name: { sv: 'Ändra textstorlek', en: 'Resize text' } }],
      text: { sv: 'Texten växer inte.', en: 'Text does not grow.' },
    };
    const PlainLink: StatementLink = ({ href, children }) => <a href={href}>{children}</a>;
    for (const locale of ['sv', 'en'] as const) {
      const { container, unmount } = render(
        <I18nProvider locale={locale}>
          <StatementSections
            contact={CONTACT}
            level={2}
            Link={PlainLink}
            shortcomings={[failure, ...KNOWN_SHORTCOMINGS]}
          />
        </I18nProvider>,
      );
      const heading =
        locale === 'sv'
          ? 'Bristande förenlighet med lagkraven'
          : 'Non-compliance with the legal requirements';
      expect(itemsUnder(container, heading).map((li) => li.textContent)).toEqual([
        locale === 'sv'
          ? 'Texten växer inte. (WCAG 2.1: 1.4.4 Ändra textstorlek)'
          : 'Text does not grow. (WCAG 2.1: 1.4.4 Resize text)',
      ]);
      expect(container).toHaveTextContent(
        locale === 'sv' ? 'delvis förenlig' : 'partially compliant',
      );
      unmount();
    }
  });

  it('is available in English', () => {
    renderWithProviders(<AccessibilityStatement contact={CONTACT} />, { locale: 'en' });
    const statement = screen.getByRole('article', { name: 'Accessibility statement' });
    expect(statement).toHaveTextContent('fully compliant');
    expect(statement).toHaveTextContent('We answer within two working days.');
    const outOfScope = itemsUnder(statement, 'Content not covered by the law');
    expect(outOfScope.map((li) => li.textContent)).toEqual(
      KNOWN_SHORTCOMINGS.filter((e) => e.category === 'out-of-scope').map((e) => e.text.en),
    );
    expect(
      screen.getByRole('link', { name: /Report inadequate accessibility to Digg/ }),
    ).toHaveAttribute('href', DIGG_REPORT_URL);
  });

  it('moves focus to its heading when opened from the link', () => {
    renderWithProviders(<AccessibilityStatement contact={CONTACT} focusOnOpen />);
    expect(
      screen.getByRole('heading', { level: 2, name: 'Tillgänglighetsredogörelse' }),
    ).toHaveFocus();
  });
});

describe('the public statement page', () => {
  it('is a whole HTML document in its language, with no script', () => {
    const html = renderStatementPage('sv', CONTACT);
    expect(html).toMatch(/^<!doctype html>\n<html lang="sv">/);
    expect(html).toContain('<title>Tillgänglighetsredogörelse för Planuppföljning</title>');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('href="mailto:webb@testland.example"');
    expect(html).toContain('href="./accessibility-statement.html"');
    expect(renderStatementPage('en', CONTACT)).toMatch(/<html lang="en">/);
  });
});

describe('the configuration-error screen', () => {
  it('links to the public statement, which needs no configuration', () => {
    render(<ConfigError problems={['VITE_SITE_URL saknas.']} />);
    expect(screen.getByRole('link', { name: 'Tillgänglighetsredogörelse' })).toHaveAttribute(
      'href',
      '/tillganglighetsredogorelse.html',
    );
  });
});

describe('who answers for the statement', () => {
  it('uses the configured body and mailbox', () => {
    expect(
      statementContact({
        VITE_ACCESSIBILITY_ORGANISATION: ' Region Testland ',
        VITE_ACCESSIBILITY_EMAIL: 'webb@testland.example',
      }),
    ).toEqual(CONTACT);
  });

  it('falls back to placeholders on the reserved example domain, never a person', () => {
    expect(statementContact({})).toEqual({
      organisation: 'Region Exempel',
      email: 'tillganglighet@region.example',
    });
    expect(statementContact({ VITE_ACCESSIBILITY_EMAIL: 'not an address' }).email).toBe(
      'tillganglighet@region.example',
    );
  });
});
