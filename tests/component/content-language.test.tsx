import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PlanHistory } from '../../src/features/history/plan-history';
import OverviewScreen from '../../src/features/overview/overview-screen';
import { OwnerScreen } from '../../src/features/owner/owner-screen';
import {
  createFakeServices,
  defaultPeriods,
  OPEN_PERIOD,
  PLAN_TITLES,
  renderWithProviders,
} from './render-with-providers';

/**
 * WCAG 3.1.2, language of parts: what users write (plan titles, comments, notes) is Swedish, the
 * organisation's language. With English chosen it must say so, or a screen reader reads it with
 * English pronunciation; the UI's own texts keep the page's language.
 */

vi.setConfig({ testTimeout: 20_000 });

/** The language an element is in, from its nearest `lang` (none here: the page's, English). */
function langOf(element: Element): string | null {
  return element.closest('[lang]')?.getAttribute('lang') ?? null;
}

afterEach(() => window.history.replaceState(null, '', '/'));

describe('language of user content in the English UI', () => {
  it('marks plan titles, the open plan’s heading, notes and last period’s comment as Swedish', async () => {
    window.history.replaceState(null, '', `/?period=${OPEN_PERIOD}&plan=tillganglighet`);
    renderWithProviders(<OwnerScreen onSessionChanged={vi.fn()} />, { locale: 'en' });
    const table = await screen.findByRole('table', { name: 'Action plans' });
    const title = within(table).getByText(PLAN_TITLES.lakemedel);
    expect(langOf(title)).toBe('sv');
    expect(langOf(within(table).getByRole('columnheader', { name: 'Plan' }))).toBeNull();

    const heading = await screen.findByRole('heading', {
      level: 2,
      name: `4. ${PLAN_TITLES.tillganglighet}`,
    });
    expect(langOf(within(heading).getByText(PLAN_TITLES.tillganglighet))).toBe('sv');
    // Last period's note ("Ska omarbetas") beside the form.
    const previous = screen.getByRole('complementary', { name: /^Previous period/ });
    expect(langOf(within(previous).getByText('Ska omarbetas'))).toBe('sv');
    expect(langOf(within(previous).getByRole('heading', { level: 3 }))).toBeNull();
  });

  it('marks the comments shown as Swedish', async () => {
    window.history.replaceState(null, '', `/?period=${OPEN_PERIOD}&plan=lakemedel`);
    renderWithProviders(<OwnerScreen onSessionChanged={vi.fn()} />, { locale: 'en' });
    const comment = await screen.findByText(
      'Arbetet med minskad antibiotikaförskrivning fortsätter enligt plan.',
    );
    expect(langOf(comment)).toBe('sv');
  });

  it('marks a plan’s history heading, notes and comments as Swedish, not its labels', async () => {
    const services = createFakeServices();
    renderWithProviders(
      <PlanHistory
        planKey={services.followUps.get('tillganglighet').planKey}
        title={PLAN_TITLES.tillganglighet}
        periods={defaultPeriods()}
        onClose={vi.fn()}
      />,
      { services, locale: 'en' },
    );
    const heading = screen.getByRole('heading', {
      level: 2,
      name: `History: ${PLAN_TITLES.tillganglighet}`,
    });
    expect(langOf(within(heading).getByText(PLAN_TITLES.tillganglighet))).toBe('sv');
    expect(langOf(within(heading).getByText(/^History:/))).toBeNull();
    expect(langOf(await screen.findByText('Ska omarbetas'))).toBe('sv');
  });

  it('marks the overview’s plan titles and the plans owed as Swedish', async () => {
    window.history.replaceState(null, '', `/?view=overview&period=${OPEN_PERIOD}`);
    renderWithProviders(<OverviewScreen />, { locale: 'en' });
    const table = await screen.findByRole('table', {
      name: 'Plans and change since the previous period',
    });
    const rowHeader = within(table).getByRole('rowheader', {
      name: `3. ${PLAN_TITLES.lakemedel}`,
    });
    expect(langOf(within(rowHeader).getByText(PLAN_TITLES.lakemedel))).toBe('sv');
    const awaiting = screen.getByRole('region', { name: 'Waiting for input' });
    const owed = within(awaiting).getAllByText(new RegExp(PLAN_TITLES.lakemedel));
    expect(owed.length).toBeGreaterThan(0);
    for (const text of owed) expect(langOf(text)).toBe('sv');
  });
});
