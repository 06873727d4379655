import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { FollowUp, Person } from '../../src/domain/follow-up';
import type { PersonCandidate, PlanRegister } from '../../src/domain/ports';
import PlanRegisterPanel from '../../src/features/plan-register/plan-register';
import {
  defaultFollowUps,
  defaultPeriods,
  makeFollowUp,
  OPEN_PERIOD,
  renderWithProviders,
} from './render-with-providers';

const OLOF: PersonCandidate = {
  key: 'i:0#.f|membership|olof.persson@region.example',
  name: 'Olof Persson',
  upn: 'olof.persson@region.example',
};
const OLOF_ON_SITE: Person = { id: 31, name: 'Olof Persson', upn: OLOF.upn };

/** A register whose `ensurePerson` answers only when the test says so (a slow ensureuser). */
function slowRegister() {
  let answer: (person: Person) => void = () => undefined;
  const register: PlanRegister = {
    searchPeople: vi.fn(async (query: string) =>
      OLOF.name.toLowerCase().includes(query.toLowerCase()) ? [OLOF] : [],
    ),
    ensurePerson: vi.fn(
      () =>
        new Promise<Person>((resolve) => {
          answer = resolve;
        }),
    ),
    addPlan: vi.fn(async (_period, draft): Promise<FollowUp> =>
      makeFollowUp({ planKey: 'ny', title: draft.title, sortOrder: 99, periodKey: OPEN_PERIOD }),
    ),
    updatePlan: vi.fn(),
    reorder: vi.fn(),
    end: vi.fn(),
  } as unknown as PlanRegister;
  return { register, answer: (person: Person) => answer(person) };
}

describe('PlanRegisterPanel, adding a plan', () => {
  it('waits for an owner the site is still adding before it saves, and keeps what was typed meanwhile', async () => {
    const { register, answer } = slowRegister();
    const onDone = vi.fn();
    const period = defaultPeriods()[0]!;
    const { user } = renderWithProviders(
      <PlanRegisterPanel
        register={register}
        period={period}
        followUps={defaultFollowUps()}
        onDone={onDone}
      />,
    );
    if (!screen.queryByRole('button', { name: 'Lägg till plan' })) {
      await user.click(screen.getByRole('button', { name: 'Visa planregistret' }));
    }
    await user.click(screen.getByRole('button', { name: 'Lägg till plan' }));
    const title = screen.getByRole('textbox', { name: /^Titel/ });
    await user.type(title, 'Handlingsplan för digital vård');
    await user.type(screen.getByRole('combobox', { name: /^Ansvariga/ }), 'olof');
    await user.click(await screen.findByRole('option', { name: /Olof Persson/ }));
    // The site is adding Olof: the title is finished meanwhile, and Spara pressed.
    expect(screen.getByText('Lägger till Olof Persson…')).toBeInTheDocument();
    await user.type(title, ' 2020–2022');
    await user.click(screen.getByRole('button', { name: 'Spara' }));
    expect(register.addPlan).not.toHaveBeenCalled();
    expect(screen.queryByText('Rätta uppgifterna som är markerade.')).not.toBeInTheDocument();

    answer(OLOF_ON_SITE);
    await waitFor(() => expect(register.addPlan).toHaveBeenCalledTimes(1));
    expect(vi.mocked(register.addPlan).mock.calls[0]![1]).toMatchObject({
      title: 'Handlingsplan för digital vård 2020–2022',
      owners: [OLOF_ON_SITE],
    });
    await waitFor(() =>
      expect(onDone).toHaveBeenCalledWith(
        OPEN_PERIOD,
        'Handlingsplan för digital vård 2020–2022 är tillagd.',
      ),
    );
  });
});
