import { Field } from '@fluentui/react-components';
import { screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { StoreFailure } from '../../src/domain/errors';
import type { Person } from '../../src/domain/follow-up';
import type { Locale } from '../../src/domain/period';
import type { PersonCandidate } from '../../src/domain/ports';
import { PeoplePicker } from '../../src/features/plan-register/people-picker';
import { ANNA, renderWithProviders } from './render-with-providers';

const OLOF: PersonCandidate = {
  key: 'i:0#.f|membership|olof.persson@region.example',
  name: 'Olof Persson',
  upn: 'olof.persson@region.example',
};
const ANNA_IN_DIRECTORY: PersonCandidate = {
  key: `i:0#.f|membership|${ANNA.upn}`,
  name: ANNA.name,
  upn: ANNA.upn,
};
/** Olof once the site has him (ensureuser gave him a site user id). */
const OLOF_ON_SITE: Person = { id: 31, name: 'Olof Persson', upn: OLOF.upn };

function renderPicker(ensure: (c: PersonCandidate) => Promise<Person>, locale: Locale = 'sv') {
  const search = vi.fn(async (query: string) =>
    [OLOF, ANNA_IN_DIRECTORY].filter((c) => c.name.toLowerCase().includes(query.toLowerCase())),
  );
  const changes: Person[][] = [];
  function Harness() {
    const [owners, setOwners] = useState<readonly Person[]>([ANNA]);
    return (
      <Field label={locale === 'sv' ? 'Ansvariga' : 'Owners'}>
        <PeoplePicker
          value={owners}
          search={search}
          ensure={ensure}
          onChange={(next) => {
            changes.push(next);
            setOwners(next);
          }}
        />
      </Field>
    );
  }
  const view = renderWithProviders(<Harness />, { locale });
  /** The chosen owners' tags (options of the group the picker labels "Ansvariga"). */
  const tags = () => {
    // Fluent leaves the group out while no one is chosen.
    const group = screen.queryByRole('listbox', { name: 'Ansvariga' });
    return group
      ? within(group)
          .queryAllByRole('option')
          .map((t) => t.textContent)
      : [];
  };
  return {
    ...view,
    search,
    changes,
    tags,
    input: screen.getByRole('combobox', { name: locale === 'sv' ? 'Ansvariga' : 'Owners' }),
  };
}

describe('PeoplePicker', () => {
  it('names its chevron in the UI’s language, not Fluent’s English "Open"', async () => {
    renderPicker(vi.fn());
    const chevron = await screen.findByRole('button', { name: 'Visa förslag på ansvariga' });
    expect(chevron).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('button', { name: /^Open/ })).toBeNull();
  });

  it('names its chevron in English when English is chosen', async () => {
    renderPicker(vi.fn(), 'en');
    expect(await screen.findByRole('button', { name: 'Show suggested owners' })).toBeVisible();
    expect(screen.queryByRole('button', { name: /^Open/ })).toBeNull();
  });

  it('searches the directory only from two characters on', async () => {
    const { user, input, search } = renderPicker(vi.fn());
    await user.click(input);
    await user.keyboard('o');
    expect(
      await screen.findByRole('option', { name: 'Skriv minst två tecken av namnet.' }),
    ).toBeVisible();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(search).not.toHaveBeenCalled();
    await user.keyboard('l');
    expect(await screen.findByRole('option', { name: /Olof Persson/ })).toBeVisible();
    expect(search).toHaveBeenCalledWith('ol');
  });

  it('adds a never-seen person to the site, then as owner, with the keyboard', async () => {
    const ensure = vi.fn(async () => OLOF_ON_SITE);
    const { user, input, changes, tags } = renderPicker(ensure);
    await user.click(input);
    await user.keyboard('olof');
    const option = await screen.findByRole('option', { name: /Olof Persson/ });
    expect(option).toHaveTextContent('olof.persson@region.example');
    await user.keyboard('{ArrowDown}{Enter}');
    await waitFor(() => expect(changes.at(-1)).toEqual([ANNA, OLOF_ON_SITE]));
    expect(ensure).toHaveBeenCalledWith(OLOF);
    expect(tags()).toEqual([ANNA.name, 'Olof Persson']);
  });

  it('does not offer someone already chosen (same UPN)', async () => {
    const { user, input } = renderPicker(vi.fn());
    await user.click(input);
    await user.keyboard('anna');
    expect(await screen.findByRole('option', { name: 'Ingen person matchar.' })).toBeVisible();
  });

  it('says in Swedish that a person could not be added, and leaves the owners as they were', async () => {
    const ensure = vi.fn(async () => {
      throw new StoreFailure('not-found', 'The specified user could not be found.');
    });
    const { user, input, changes, tags } = renderPicker(ensure);
    await user.click(input);
    await user.keyboard('olof');
    await screen.findByRole('option', { name: /Olof Persson/ });
    await user.keyboard('{ArrowDown}{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Olof Persson kunde inte läggas till på webbplatsen och blev inte ansvarig.',
    );
    expect(changes).toEqual([]);
    expect(tags()).toEqual([ANNA.name]);
  });

  it('says so when the search fails, rather than that nobody matches', async () => {
    const { user, input, search } = renderPicker(vi.fn());
    search.mockRejectedValueOnce(new StoreFailure('offline', 'no network'));
    await user.click(input);
    await user.keyboard('olof');
    expect(
      await screen.findByRole('option', {
        name: 'Sökningen efter personer misslyckades. Försök igen.',
      }),
    ).toBeVisible();
  });

  it('removes an owner with the keyboard: Backspace from the input, then Delete on the tag', async () => {
    const { user, input, changes, tags } = renderPicker(vi.fn());
    await user.click(input);
    await user.keyboard('{Backspace}');
    await user.keyboard('{Delete}');
    await waitFor(() => expect(changes.at(-1)).toEqual([]));
    expect(tags()).toEqual([]);
  });
});
