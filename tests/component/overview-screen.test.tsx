import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import OverviewScreen from '../../src/features/overview/overview-screen';
import {
  createFakeServices,
  defaultFollowUps,
  OPEN_PERIOD,
  planName,
  renderWithProviders,
} from './render-with-providers';

vi.setConfig({ testTimeout: 20_000 });

afterEach(() => window.history.replaceState(null, '', '/'));

async function openOverview(services = createFakeServices()) {
  window.history.replaceState(null, '', `/?view=overview&period=${OPEN_PERIOD}`);
  const rendered = renderWithProviders(<OverviewScreen />, { services });
  const table = await screen.findByRole('table', {
    name: 'Planer och förändring sedan föregående period',
  });
  return { ...rendered, table };
}

/** The open period's four plans: folkhälsa submitted, IT and läkemedel unanswered, one draft. */
describe('OverviewScreen', () => {
  it('names each "Visa ändringar" after its plan, so that no two buttons are alike', async () => {
    // Every plan answered, with a comment that differs from last period's.
    const followUps = defaultFollowUps().map((f) =>
      f.periodKey === OPEN_PERIOD
        ? {
            ...f,
            status: 'good' as const,
            inputState: 'submitted' as const,
            comment: '<p>Nytt</p>',
          }
        : f,
    );
    const { user, table } = await openOverview(createFakeServices({ followUps }));
    const buttons = within(table).getAllByRole('button', { name: /^Visa ändringar/ });
    const names = buttons.map((b) => b.getAttribute('aria-label'));
    expect(new Set(names).size).toBe(buttons.length);
    expect(names).toContain(`Visa ändringar för ${planName('lakemedel')}`);
    // The name begins with the visible text (WCAG 2.5.3), and the button still opens its diff.
    const lakemedel = within(table).getByRole('button', {
      name: `Visa ändringar för ${planName('lakemedel')}`,
    });
    expect(lakemedel).toHaveTextContent('Visa ändringar');
    await user.click(lakemedel);
    expect(lakemedel).toHaveAttribute('aria-expanded', 'true');
  });

  it('gives the share answered with the count, as Swedish writes a percentage', async () => {
    await openOverview();
    const input = screen.getByRole('region', { name: 'Svar' });
    // One of four submitted: 25 %, with a non-breaking space before the sign.
    expect(within(input).getByText(/besvarade/).textContent).toBe('1 av 4 besvarade (25\u00a0%)');
  });

  it('counts the statuses of submitted answers only, and says the drafts are left out', async () => {
    await openOverview();
    const status = screen.getByRole('region', { name: 'Status' });
    const count = (label: string) =>
      within(status).getByText(label, { selector: 'dt' }).nextElementSibling?.textContent;
    expect(count('Arbetet går bra')).toBe('1 st');
    // Tillgänglighet's draft says "poor": not an answer yet.
    expect(count('Arbetet går dåligt')).toBe('0 st');
    expect(within(status).queryByText('Ingen status', { selector: 'dt' })).toBeNull();
    expect(status).toHaveTextContent('Bara inskickade svar räknas: 1 utkast räknas inte än.');
  });

  it('says an unanswered plan has nothing to compare, with no "Visa ändringar"', async () => {
    const { table } = await openOverview();
    const lakemedel = within(table).getByRole('row', { name: new RegExp(planName('lakemedel')) });
    expect(lakemedel).toHaveTextContent('Inget svar än – inget att jämföra.');
    expect(lakemedel).not.toHaveTextContent('Kommentaren borttagen');
    expect(within(lakemedel).queryByRole('button', { name: /Visa ändringar/ })).toBeNull();
    // A changed comment still offers its diff.
    const folkhalsa = within(table).getByRole('row', { name: new RegExp(planName('folkhalsa')) });
    expect(folkhalsa).toHaveTextContent('Kommentaren ändrad');
    expect(within(folkhalsa).getByRole('button', { name: /^Visa ändringar/ })).toBeVisible();
  });

  it('says "Ny kommentar" where the period before had no comment', async () => {
    // IT-säkerhet had no comment last period; now it has one.
    const followUps = defaultFollowUps().map((f) =>
      f.periodKey === OPEN_PERIOD && f.planKey === 'it'
        ? { ...f, status: 'poor' as const, inputState: 'draft' as const, comment: '<p>Ny.</p>' }
        : f,
    );
    const { table } = await openOverview(createFakeServices({ followUps }));
    const it = within(table).getByRole('row', { name: new RegExp(planName('it')) });
    expect(it).toHaveTextContent('Ny kommentar');
    expect(within(it).queryByRole('button', { name: /Visa ändringar/ })).toBeNull();
  });

  it("links each plan's name to its form, the address a plan's deep link falls back to", async () => {
    const { user, table } = await openOverview();
    const link = within(table).getByRole('link', { name: planName('lakemedel') });
    const href = new URL(link.getAttribute('href') ?? '', window.location.href);
    expect(href.searchParams.get('period')).toBe(OPEN_PERIOD);
    expect(href.searchParams.get('plan')).toBe('lakemedel');
    expect(href.searchParams.has('view')).toBe(false);
    // A plain click opens it in place: the address becomes the form's, the app follows it.
    const followed = vi.fn();
    window.addEventListener('popstate', followed);
    await user.click(link);
    window.removeEventListener('popstate', followed);
    expect(window.location.search).toBe(href.search);
    expect(followed).toHaveBeenCalledOnce();
  });
});
