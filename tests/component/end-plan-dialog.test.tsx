import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { EndPlanDialog } from '../../src/features/plan-register/end-plan-dialog';
import {
  defaultFollowUps,
  OPEN_PERIOD,
  PLAN_TITLES,
  renderWithProviders,
} from './render-with-providers';

const plans = defaultFollowUps().filter((f) => f.periodKey === OPEN_PERIOD);
const lakemedel = plans.find((f) => f.planKey === 'lakemedel')!;

function renderDialog() {
  const onConfirm = vi.fn();
  const onCancel = vi.fn();
  const view = renderWithProviders(
    <EndPlanDialog followUp={lakemedel} plans={plans} onConfirm={onConfirm} onCancel={onCancel} />,
  );
  const dialog = screen.getByRole('dialog', {
    name: `Avsluta eller ersätt ${PLAN_TITLES.lakemedel}`,
  });
  return { ...view, dialog, onConfirm, onCancel };
}

describe('EndPlanDialog', () => {
  it('retires the plan from this period by default', async () => {
    const { user, onConfirm } = renderDialog();
    expect(screen.getByRole('radio', { name: 'Planen avslutas' })).toBeChecked();
    expect(screen.getByRole('radio', { name: /^Delårsrapport augusti 2020/ })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Spara' }));
    expect(onConfirm).toHaveBeenCalledWith(lakemedel, { kind: 'retired', from: OPEN_PERIOD });
  });

  it('requires a replacement, says so in Swedish, then replaces from the next period', async () => {
    const { user, onConfirm } = renderDialog();
    await user.click(screen.getByRole('radio', { name: 'Planen ersätts av en annan plan' }));
    await user.click(screen.getByRole('radio', { name: /^Årsbokslut 2020/ }));
    await user.click(screen.getByRole('button', { name: 'Spara' }));
    expect(onConfirm).not.toHaveBeenCalled();
    expect(screen.getByText('Välj planen som ersätter den här.')).toBeInTheDocument();
    const select = screen.getByRole('combobox', { name: /Ersätts av/ });
    expect(select).toHaveFocus();
    // The plan itself is not offered as its own replacement.
    expect(screen.queryByRole('option', { name: PLAN_TITLES.lakemedel })).toBeNull();
    await user.selectOptions(select, PLAN_TITLES.it);
    await user.click(screen.getByRole('button', { name: 'Spara' }));
    expect(onConfirm).toHaveBeenCalledWith(lakemedel, {
      kind: 'replaced',
      from: '2020-12',
      replacedBy: 'it',
    });
  });

  it('cancels without a change', async () => {
    const { user, onConfirm, onCancel } = renderDialog();
    await user.click(screen.getByRole('button', { name: 'Avbryt' }));
    expect(onCancel).toHaveBeenCalled();
    expect(onConfirm).not.toHaveBeenCalled();
  });
});
