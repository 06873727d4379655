import { screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { FollowUp, Person } from '../../src/domain/follow-up';
import type { PersonCandidate, PlanRegister } from '../../src/domain/ports';
import PlanRegisterPanel from '../../src/features/plan-register/plan-register';
import { sv } from '../../src/i18n/sv';
import {
  defaultFollowUps,
  defaultPeriods,
  makeFollowUp,
  makePeriod,
  OPEN_PERIOD,
  renderWithProviders,
} from './render-with-providers';
import { StoreFailure } from '../../src/domain/errors';
import type { PeriodKey } from '../../src/domain/period';

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

/** Shows the register (it remembers being open or closed between visits). */
async function openRegister(user: ReturnType<typeof renderWithProviders>['user']) {
  if (!screen.queryByRole('button', { name: 'Lägg till plan' })) {
    await user.click(screen.getByRole('button', { name: 'Visa planregistret' }));
  }
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
    await openRegister(user);
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

describe('PlanRegisterPanel, a title the period already has', () => {
  it('is refused in Swedish, nothing is sent and what was typed stays', async () => {
    const { register } = slowRegister();
    const period = defaultPeriods()[0]!;
    const { user } = renderWithProviders(
      <PlanRegisterPanel
        register={register}
        period={period}
        followUps={defaultFollowUps()}
        onDone={vi.fn()}
      />,
    );
    await openRegister(user);
    await user.click(screen.getByRole('button', { name: 'Lägg till plan' }));
    const title = screen.getByRole('textbox', { name: /^Titel/ });
    await user.type(title, 'övergripande handlingsplan för LÄKEMEDEL 2020');
    await user.click(screen.getByRole('button', { name: 'Spara' }));
    expect(
      await screen.findByText(
        'Det finns redan en plan med den titeln i perioden. Ge planen en egen titel.',
      ),
    ).toBeInTheDocument();
    expect(register.addPlan).not.toHaveBeenCalled();
    expect(title).toHaveValue('övergripande handlingsplan för LÄKEMEDEL 2020');
  });
});

describe('PlanRegisterPanel, the place a moved plan is said to have', () => {
  it('is the number its row shows, also where the numbers have gaps', async () => {
    const period = defaultPeriods()[0]!;
    // Numbers with a gap, as after a plan was ended and not carried over: 1, 2, 13, 14, …
    const plans = defaultFollowUps()
      .filter((f) => f.periodKey === period.key)
      .sort((a, b) => a.sortOrder - b.sortOrder)
      .map((f, i) => ({ ...f, sortOrder: i < 2 ? i + 1 : i + 11 }));
    const third = plans[2]!;
    const onDone = vi.fn();
    const register = {
      reorder: vi.fn(async () => undefined),
    } as unknown as PlanRegister;
    const { user } = renderWithProviders(
      <PlanRegisterPanel register={register} period={period} followUps={plans} onDone={onDone} />,
    );
    await openRegister(user);
    expect(screen.getByText(`${third.sortOrder}.`, { exact: false })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: `Flytta ned: ${third.title}` }));
    await waitFor(() =>
      expect(onDone).toHaveBeenCalledWith(period.key, `${third.title} är flyttad till plats 14.`),
    );
  });
});

describe('PlanRegisterPanel, moving a plan', () => {
  const LIST_LABEL = sv.planRegister.listLabel;
  /**
   * As in the overview: a move reloads the period and draws the panel anew (a new key), with
   * the plans in their new order.
   */
  function renderReloading() {
    const period = defaultPeriods()[0]!;
    let followUps = defaultFollowUps();
    const register = {
      searchPeople: vi.fn(),
      ensurePerson: vi.fn(),
      addPlan: vi.fn(),
      updatePlan: vi.fn(),
      reorder: vi.fn(async (changes: ReadonlyArray<{ followUp: FollowUp; sortOrder: number }>) => {
        followUps = followUps.map((f) => {
          const change = changes.find((c) => c.followUp.itemId === f.itemId);
          return change ? { ...f, sortOrder: change.sortOrder } : f;
        });
      }),
      end: vi.fn(),
    } as unknown as PlanRegister;
    function Overview() {
      const [epoch, setEpoch] = useState(0);
      return (
        <PlanRegisterPanel
          key={epoch}
          register={register}
          period={period}
          followUps={followUps}
          onDone={() => setEpoch((n) => n + 1)}
        />
      );
    }
    return { ...renderWithProviders(<Overview />), register };
  }

  /** The plan's place in the register's list (1-based). */
  function position(title: string): number {
    const list = screen.getByRole('list', { name: LIST_LABEL });
    return (
      within(list)
        .getAllByRole('listitem')
        .findIndex((li) => li.textContent?.includes(title)) + 1
    );
  }

  it('keeps focus on the moved plan’s Flytta ned after the reload', async () => {
    const { user, register } = renderReloading();
    await openRegister(user);
    const title = 'Övergripande handlingsplan för IT-säkerhet';
    await user.click(screen.getByRole('button', { name: `Flytta ned: ${title}` }));
    await waitFor(() => expect(register.reorder).toHaveBeenCalledTimes(1));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: `Flytta ned: ${title}` })).toHaveFocus(),
    );
    expect(position(title)).toBe(3);
  });

  it('moves focus to Flytta upp when the plan reaches the end of the list', async () => {
    const { user } = renderReloading();
    await openRegister(user);
    const title = 'Övergripande handlingsplan för läkemedel 2020';
    await user.click(screen.getByRole('button', { name: `Flytta ned: ${title}` }));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: `Flytta upp: ${title}` })).toHaveFocus(),
    );
    expect(position(title)).toBe(4);
    expect(screen.getByRole('button', { name: `Flytta ned: ${title}` })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  });
});

describe('PlanRegisterPanel, undoing an ending', () => {
  const period = defaultPeriods()[0]!;
  const replacedTitle = 'Övergripande handlingsplan för läkemedel 2020';
  const successorTitle = 'Övergripande handlingsplan för IT-säkerhet';
  /** The period's plans, with läkemedel replaced by IT-säkerhet from this period. */
  function plans() {
    return defaultFollowUps()
      .filter((f) => f.periodKey === period.key)
      .map((f) =>
        f.planKey === 'lakemedel'
          ? {
              ...f,
              lifecycle: 'replaced' as const,
              lifecycleFrom: period.key,
              replacedBy: 'it' as FollowUp['planKey'],
            }
          : f,
      );
  }

  function renderUndo(undoEnd: PlanRegister['undoEnd'], periods = defaultPeriods()) {
    const onDone = vi.fn();
    const register = { undoEnd: vi.fn(undoEnd) } as unknown as PlanRegister;
    const view = renderWithProviders(
      <PlanRegisterPanel
        register={register}
        period={period}
        periods={periods}
        followUps={plans()}
        onDone={onDone}
      />,
    );
    return { ...view, register, onDone };
  }

  it('says what it brings back, then makes the plan active again', async () => {
    const { user, register, onDone } = renderUndo(async (f) => ({ ...f, lifecycle: 'active' }));
    await openRegister(user);
    // An ended plan offers the undo instead of another ending.
    expect(
      screen.queryByRole('button', { name: `Avsluta eller ersätt: ${replacedTitle}` }),
    ).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: `Ångra avslut: ${replacedTitle}` }));

    const dialog = screen.getByRole('dialog', { name: `Ångra avslutet av ${replacedTitle}?` });
    expect(dialog).toHaveTextContent(
      `Planen är ersatt av ${successorTitle}; den markeras inte längre som ersatt.`,
    );
    expect(dialog).toHaveTextContent(/Planen blir aktiv igen: den följs upp i perioden/);
    await user.click(within(dialog).getByRole('button', { name: 'Ångra avslut' }));

    await waitFor(() =>
      expect(onDone).toHaveBeenCalledWith(
        period.key,
        `Avslutet av ${replacedTitle} är ångrat: planen är aktiv igen.`,
      ),
    );
    expect(vi.mocked(register.undoEnd).mock.calls[0]![0]).toMatchObject({
      planKey: 'lakemedel',
      lifecycle: 'replaced',
    });
  });

  it('sends nothing when cancelled', async () => {
    const { user, register } = renderUndo(async (f) => f);
    await openRegister(user);
    await user.click(screen.getByRole('button', { name: `Ångra avslut: ${replacedTitle}` }));
    await user.click(screen.getByRole('button', { name: 'Avbryt' }));
    expect(register.undoEnd).not.toHaveBeenCalled();
  });

  it('is refused in Swedish once the period has been locked meanwhile', async () => {
    const { user, onDone } = renderUndo(async () => {
      throw new StoreFailure('forbidden', 'Period 2020-08 is locked');
    });
    await openRegister(user);
    await user.click(screen.getByRole('button', { name: `Ångra avslut: ${replacedTitle}` }));
    await user.click(screen.getByRole('button', { name: 'Ångra avslut' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Perioden är låst: avslutet kan inte längre ångras.',
    );
    expect(onDone).not.toHaveBeenCalled();
  });

  it('says why not, and offers only Stäng, once the next period was started', async () => {
    const later = [makePeriod('2020-12' as PeriodKey, 'open', 3), ...defaultPeriods()];
    const { user, register } = renderUndo(async (f) => f, later);
    await openRegister(user);
    await user.click(screen.getByRole('button', { name: `Ångra avslut: ${replacedTitle}` }));
    const dialog = screen.getByRole('dialog', { name: `Ångra avslutet av ${replacedTitle}?` });
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      'Nästa period är redan startad utan planen',
    );
    expect(within(dialog).queryByRole('button', { name: 'Ångra avslut' })).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Stäng' }));
    expect(register.undoEnd).not.toHaveBeenCalled();
  });
});
