import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PlanKey } from '../../src/domain/follow-up';
import type { PeriodKey } from '../../src/domain/period';
import OverTimeScreen from '../../src/features/over-time/over-time-screen';
import {
  ANNA,
  BJORN,
  createFakeServices,
  makeFollowUp,
  makePeriod,
  renderWithProviders,
} from './render-with-providers';

const AUG17 = '2017-08' as PeriodKey;
const APR20 = '2020-04' as PeriodKey;
const AUG20 = '2020-08' as PeriodKey;

function setup() {
  const services = createFakeServices({
    periods: [
      makePeriod(AUG20, 'open', 3),
      makePeriod(APR20, 'locked', 2),
      makePeriod(AUG17, 'locked', 1),
    ],
    followUps: [
      makeFollowUp({
        planKey: 'lakemedel',
        title: 'Läkemedelsplan',
        sortOrder: 1,
        periodKey: AUG17,
        owners: [ANNA],
        status: 'poor',
        inputState: 'submitted',
        comment: '<p>Arbetet har <em>dröjt</em>.</p><img src="x" onerror="alert(1)">',
      }),
      makeFollowUp({
        planKey: 'lakemedel',
        title: 'Läkemedel',
        sortOrder: 1,
        periodKey: APR20,
        owners: [ANNA],
        status: 'good',
        inputState: 'submitted',
        comment: '<p>Går enligt plan.</p>',
      }),
      makeFollowUp({
        planKey: 'lakemedel',
        title: 'Läkemedel',
        sortOrder: 1,
        periodKey: AUG20,
        owners: [ANNA],
      }),
      makeFollowUp({
        planKey: 'miljo',
        title: 'Miljö',
        sortOrder: 2,
        periodKey: AUG17,
        owners: [BJORN],
        status: 'partly',
        inputState: 'submitted',
        lifecycle: 'replaced',
        replacedBy: 'klimat' as PlanKey,
      }),
      makeFollowUp({
        planKey: 'klimat',
        title: 'Klimat',
        sortOrder: 2,
        periodKey: APR20,
        owners: [BJORN],
      }),
    ],
  });
  const rendered = renderWithProviders(<OverTimeScreen />, { services });
  return { ...rendered, fake: services };
}

describe('Över tid', () => {
  it('shows one row per plan and one column per period, newest first, in a named table', async () => {
    const { fake } = setup();
    const table = await screen.findByRole('table', { name: 'Planernas status per period' });
    const columns = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(columns).toEqual([
      'Plan',
      'Delårsrapport augusti 2020',
      'Tertialrapport april 2020',
      'Delårsrapport augusti 2017',
    ]);
    const rows = within(table)
      .getAllByRole('rowheader')
      .map((h) => h.textContent);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('Läkemedel');
    expect(rows[0]).toContain('Tidigare: Läkemedelsplan');
    // The replacement follows the plan it replaced, linked by text.
    expect(rows[1]).toContain('Ersatt av Klimat');
    expect(rows[2]).toContain('Ersätter Miljö');
    expect(screen.getByRole('region', { name: 'Planernas status per period' })).toHaveAttribute(
      'tabindex',
      '0',
    );

    const lakemedel = within(table)
      .getByRole('rowheader', { name: /^Läkemedel/ })
      .closest('tr')!;
    const cells = within(lakemedel).getAllByRole('cell');
    expect(cells[0]).toHaveTextContent('Inget svar');
    expect(cells[1]).toHaveTextContent('↑Arbetet går bra');
    expect(cells[2]).toHaveTextContent('↓Arbetet går dåligt');
    const klimat = within(table)
      .getByRole('rowheader', { name: /^Klimat/ })
      .closest('tr')!;
    expect(within(klimat).getAllByRole('cell')[2]).toHaveTextContent('Ingår inte');
    // One query for all periods; no comment read until one is opened.
    expect(fake.followUps.overTimeCalls).toBe(1);
    expect(fake.followUps.commentReads).toEqual([]);
  });

  it('opens a cell’s comment, sanitized, read by its item id', async () => {
    const { user, fake } = setup();
    await user.click(
      await screen.findByRole('button', {
        name: 'Kommentar: Läkemedel, Delårsrapport augusti 2017',
      }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Kommentar: Läkemedel, Delårsrapport augusti 2017',
    });
    expect(await within(dialog).findByText('dröjt')).toBeInTheDocument();
    expect(dialog.querySelector('img[onerror]')).toBeNull();
    expect(fake.followUps.commentReads).toHaveLength(1);
    await user.click(within(dialog).getByRole('button', { name: 'Stäng' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('filters by lifecycle and by owner', async () => {
    const { user } = setup();
    const table = await screen.findByRole('table', { name: 'Planernas status per period' });
    await user.click(screen.getByRole('checkbox', { name: 'Ersatta' }));
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((h) => h.textContent),
    ).toEqual([expect.stringContaining('Miljö')]);
    expect(screen.getByRole('status')).toHaveTextContent('Visar 1 av 3 planer.');
    await user.click(screen.getByRole('checkbox', { name: 'Ersatta' }));
    await user.click(screen.getByRole('combobox', { name: 'Ansvarig' }));
    await user.click(screen.getByRole('option', { name: ANNA.name }));
    expect(within(table).getAllByRole('rowheader')).toHaveLength(1);
    expect(within(table).getByRole('rowheader', { name: /^Läkemedel/ })).toBeInTheDocument();
  });
});
