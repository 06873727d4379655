import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FirstPeriodDraft } from '../../src/domain/first-period';
import type { PeriodAdmin, PlanRegister } from '../../src/domain/ports';
import OverviewScreen from '../../src/features/overview/overview-screen';
import { OwnerScreen } from '../../src/features/owner/owner-screen';
import ReportScreen from '../../src/features/report/report-screen';
import {
  COORDINATOR,
  createFakeServices,
  makePeriod,
  OWNER,
  renderWithProviders,
  type FakeServices,
} from './render-with-providers';
import type { PeriodKey } from '../../src/domain/period';
import { StoreFailure } from '../../src/domain/errors';

vi.setConfig({ testTimeout: 20_000 });

/** The form and the register load on demand (lazy): give them the time a busy machine takes. */
const LAZY = { timeout: 10_000 };

afterEach(() => window.history.replaceState(null, '', '/'));

/** An empty site: no periods, no plans; createFirst stores the period the list then shows. */
function emptySite(viewer = COORDINATOR) {
  const services = createFakeServices({ viewer, periods: [], followUps: [] });
  const createFirst = vi.fn(async (draft: FirstPeriodDraft) => {
    const key = `${draft.year}-${{ tertial: '04', delar: '08', arsbokslut: '12' }[draft.kind]}`;
    const period = { ...makePeriod(key as PeriodKey, 'open', 1), dueDate: draft.dueDate };
    services.periods.periods.push(period);
    return period;
  });
  const periodAdmin = { createFirst } as unknown as PeriodAdmin;
  const planRegister = { addPlan: vi.fn() } as unknown as PlanRegister;
  const all: FakeServices = { ...services, periodAdmin, planRegister };
  return { services: all, createFirst };
}

describe('a new site’s first period', () => {
  it('leads a coordinator on the overview to create it, then to add its plans', async () => {
    const { services, createFirst } = emptySite();
    const { user } = renderWithProviders(<OverviewScreen />, { services });

    const form = await screen.findByRole('region', { name: 'Skapa den första perioden' }, LAZY);
    expect(screen.queryByText('Det finns inga uppföljningsperioder ännu.')).not.toBeInTheDocument();
    await user.click(within(form).getByRole('combobox', { name: 'Uppföljning' }));
    await user.click(screen.getByRole('option', { name: 'Delårsrapport augusti' }));
    const year = within(form).getByRole('textbox', { name: 'År' });
    await user.clear(year);
    await user.type(year, '2027');
    // The due date follows the kind and year: two weeks after the period ends.
    expect(within(form).getByLabelText('Sista svarsdag')).toHaveValue('2027-09-14');

    await user.click(within(form).getByRole('button', { name: 'Skapa perioden' }));

    expect(createFirst).toHaveBeenCalledWith({
      kind: 'delar',
      year: '2027',
      dueDate: '2027-09-14',
    });
    expect(
      await screen.findByText(
        'Delårsrapport augusti 2027 är skapad och öppen. Lägg nu till periodens handlingsplaner i planregistret.',
      ),
    ).toBeInTheDocument();
    // The period is there, with its (empty) plan register open at "Lägg till plan".
    expect(await screen.findByRole('combobox', { name: 'Period' })).toHaveTextContent(
      'Delårsrapport augusti 2027 (öppen)',
    );
    // (The register's code loads on demand: a busy machine takes a while.)
    const register = await screen.findByRole('region', { name: 'Planregister' }, LAZY);
    expect(await within(register).findByRole('button', { name: 'Lägg till plan' })).toBeVisible();
  });

  it('refuses a year that is not one in Swedish, keeping what was typed, and sends nothing', async () => {
    const { services, createFirst } = emptySite();
    const { user } = renderWithProviders(<OverviewScreen />, { services });
    const form = await screen.findByRole('region', { name: 'Skapa den första perioden' }, LAZY);
    const year = within(form).getByRole('textbox', { name: 'År' });
    await user.clear(year);
    await user.type(year, '27');
    await user.click(within(form).getByRole('button', { name: 'Skapa perioden' }));

    expect(
      within(form).getByText('Ange året med fyra siffror, till exempel 2027.'),
    ).toBeInTheDocument();
    expect(year).toHaveValue('27');
    expect(year).toHaveFocus();
    expect(createFirst).not.toHaveBeenCalled();
  });

  it('says so when another coordinator was first', async () => {
    const { services, createFirst } = emptySite();
    createFirst.mockRejectedValueOnce(new StoreFailure('invalid-data', 'not first'));
    const { user } = renderWithProviders(<OverviewScreen />, { services });
    const form = await screen.findByRole('region', { name: 'Skapa den första perioden' }, LAZY);
    await user.click(within(form).getByRole('button', { name: 'Skapa perioden' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Webbplatsen har redan en period. Ladda om sidan: nästa period startas från den.',
    );
  });

  it('sends a coordinator from the other tabs to the overview', async () => {
    const { services } = emptySite();
    renderWithProviders(<OwnerScreen onSessionChanged={vi.fn()} />, { services });
    const link = await screen.findByRole('link', { name: 'Skapa den första perioden i Översikt' });
    expect(link.getAttribute('href')).toContain('view=overview');
  });

  it('tells an owner that the coordination office has not opened a period yet, on every tab', async () => {
    const { services } = emptySite(OWNER);
    const waiting =
      'Samordningskansliet har inte öppnat någon uppföljningsperiod ännu. När perioden är öppnad visas dina handlingsplaner här.';
    const owner = renderWithProviders(<OwnerScreen onSessionChanged={vi.fn()} />, { services });
    expect(await screen.findByText(waiting)).toBeInTheDocument();
    owner.unmount();
    const overview = renderWithProviders(<OverviewScreen />, { services });
    expect(await screen.findByText(waiting)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Skapa perioden' })).not.toBeInTheDocument();
    overview.unmount();
    renderWithProviders(<ReportScreen />, { services });
    await waitFor(() => expect(screen.getByText(waiting)).toBeInTheDocument());
  });
});
