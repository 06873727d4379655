import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import OverviewScreen from '../../src/features/overview/overview-screen';
import { OPEN_PERIOD, planName, renderWithProviders } from './render-with-providers';

vi.setConfig({ testTimeout: 20_000 });

afterEach(() => window.history.replaceState(null, '', '/'));

describe('OverviewScreen', () => {
  it('names each "Visa ändringar" after its plan, so that no two buttons are alike', async () => {
    window.history.replaceState(null, '', `/?view=overview&period=${OPEN_PERIOD}`);
    const { user } = renderWithProviders(<OverviewScreen />);
    const table = await screen.findByRole('table', {
      name: 'Planer och förändring sedan föregående period',
    });
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
});
