import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PlanRegister } from '../../src/domain/ports';
import { OwnerScreen } from '../../src/features/owner/owner-screen';
import PlanRegisterPanel from '../../src/features/plan-register/plan-register';
import {
  createFakeServices,
  defaultFollowUps,
  defaultPeriods,
  OPEN_PERIOD,
  OTHER_OWNER,
  planName,
  renderWithProviders,
} from './render-with-providers';

/** WCAG 3.3.2: the "*" of required fields is explained beside every form that has them. */

vi.setConfig({ testTimeout: 20_000 });

const WAIT = { timeout: 10_000 };
const NOTE = 'Fält markerade med * är obligatoriska.';

afterEach(() => window.history.replaceState(null, '', '/'));

describe('the required fields’ asterisk', () => {
  it('is explained in the follow-up form, in Swedish and English', async () => {
    window.history.replaceState(null, '', `/?period=${OPEN_PERIOD}&plan=lakemedel`);
    const view = renderWithProviders(<OwnerScreen onSessionChanged={vi.fn()} />);
    const form = await screen.findByRole('region', { name: planName('lakemedel') }, WAIT);
    expect(within(form).getByText(NOTE)).toBeVisible();
    // The asterisk it explains is there.
    expect(form.textContent).toContain('*');
    view.unmount();

    renderWithProviders(<OwnerScreen onSessionChanged={vi.fn()} />, { locale: 'en' });
    const english = await screen.findByRole('region', { name: planName('lakemedel') }, WAIT);
    expect(within(english).getByText('Fields marked with * are required.')).toBeVisible();
  });

  it('is not shown where nothing can be filled in (someone else’s plan)', async () => {
    window.history.replaceState(null, '', `/?period=${OPEN_PERIOD}&plan=lakemedel`);
    renderWithProviders(<OwnerScreen onSessionChanged={vi.fn()} />, {
      services: createFakeServices({ viewer: OTHER_OWNER }),
    });
    const form = await screen.findByRole('region', { name: planName('lakemedel') }, WAIT);
    expect(within(form).queryByText(NOTE)).not.toBeInTheDocument();
  });

  it('is explained in the plan register’s form', async () => {
    const register = {
      searchPeople: vi.fn(async () => []),
      ensurePerson: vi.fn(),
      addPlan: vi.fn(),
      updatePlan: vi.fn(),
      reorder: vi.fn(),
      end: vi.fn(),
    } as unknown as PlanRegister;
    const { user } = renderWithProviders(
      <PlanRegisterPanel
        register={register}
        period={defaultPeriods()[0]!}
        followUps={defaultFollowUps()}
        onDone={vi.fn()}
      />,
    );
    if (!screen.queryByRole('button', { name: 'Lägg till plan' })) {
      await user.click(screen.getByRole('button', { name: 'Visa planregistret' }));
    }
    await user.click(screen.getByRole('button', { name: 'Lägg till plan' }));
    expect(screen.getByRole('textbox', { name: /^Titel/ })).toBeRequired();
    expect(screen.getByText(NOTE)).toBeVisible();
  });
});
