import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import AccessibilityStatement, {
  DIGG_REPORT_URL,
} from '../../src/features/accessibility/accessibility-statement';
import { statementContact } from '../../src/app/statement-config';
import { renderWithProviders } from './render-with-providers';

const CONTACT = { organisation: 'Region Testland', email: 'webb@testland.example' };

describe('the accessibility statement (tillgänglighetsredogörelse)', () => {
  it('has every part of Digg’s model, in Swedish', () => {
    renderWithProviders(<AccessibilityStatement contact={CONTACT} />);
    const statement = screen.getByRole('article', { name: 'Tillgänglighetsredogörelse' });
    expect(statement).toHaveTextContent('Region Testland står bakom Planuppföljning');
    expect(statement).toHaveTextContent('(2018:1937)');
    // Compliance status, in the law's own wording.
    expect(statement).toHaveTextContent('delvis förenlig med lagen');
    for (const heading of [
      'Hur tillgänglig är appen?',
      'Innehåll som inte är tillgängligt',
      'Om du inte kan använda delar av appen',
      'Tillsyn',
      'Hur vi testat appen',
    ]) {
      expect(within(statement).getByRole('heading', { level: 3, name: heading })).toBeVisible();
    }
    const shortcomings = within(statement).getByRole('heading', {
      name: 'Innehåll som inte är tillgängligt',
    }).nextElementSibling;
    expect(within(shortcomings as HTMLElement).getAllByRole('listitem').length).toBeGreaterThan(2);
    expect(within(statement).getByRole('link', { name: 'webb@testland.example' })).toHaveAttribute(
      'href',
      'mailto:webb@testland.example',
    );
    expect(
      within(statement).getByRole('link', { name: 'Anmäl bristande tillgänglighet till Digg' }),
    ).toHaveAttribute('href', DIGG_REPORT_URL);
    expect(statement).toHaveTextContent('axe-core');
    expect(statement).toHaveTextContent(/Bedömningen gjordes \d{4}-\d{2}-\d{2}\./);
  });

  it('is available in English', () => {
    renderWithProviders(<AccessibilityStatement contact={CONTACT} />, { locale: 'en' });
    const statement = screen.getByRole('article', { name: 'Accessibility statement' });
    expect(statement).toHaveTextContent('partially compliant');
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
