import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { StoreFailure } from '../../src/domain/errors';
import type { SetupItem, SetupReport, SiteSetup } from '../../src/domain/ports';
import { SetupPanel } from '../../src/features/settings/setup-panel';
import SettingsScreen from '../../src/features/settings/settings-screen';
import {
  COORDINATOR,
  createFakeServices,
  OWNER,
  renderWithProviders,
} from './render-with-providers';

const LIST = 'Uppföljning handlingsplaner';
const SITE = 'https://region.example/sites/planuppfoljning';

const ITEMS: readonly SetupItem[] = [
  { id: `list:${LIST}`, kind: 'list', name: LIST, state: 'present' },
  { id: `field:${LIST}/Status`, kind: 'field', list: LIST, name: 'Status', state: 'present' },
  { id: `index:${LIST}/PlanKey`, kind: 'index', list: LIST, name: 'Plannyckel', state: 'missing' },
  {
    id: `formatter:${LIST}/Status`,
    kind: 'formatter',
    list: LIST,
    name: 'Status',
    state: 'differs',
  },
  {
    id: `view:${LIST}/Saknar svar`,
    kind: 'view',
    list: LIST,
    name: 'Saknar svar',
    state: 'missing',
  },
];

function report(items: readonly SetupItem[], rights: Partial<SetupReport> = {}): SetupReport {
  return {
    siteUrl: SITE,
    items,
    lists: [{ title: LIST, exists: true, canRead: true, canWrite: true }],
    complete: items.every((i) => i.state === 'present'),
    canManageLists: true,
    canCreateGroups: true,
    canManagePermissions: true,
    ...rights,
  };
}

const done = (items: readonly SetupItem[]) =>
  items.map((i): SetupItem => ({ ...i, state: 'present' }));

/** A set-up whose apply reports one step at a time, when the test says so. */
function fakeSetup(first: SetupReport) {
  let step: (() => void) | null = null;
  let finish: ((r: SetupReport) => void) | null = null;
  let fail: ((e: unknown) => void) | null = null;
  const setup: SiteSetup = {
    inspect: vi.fn(async () => first),
    apply: vi.fn(
      (onProgress) =>
        new Promise<SetupReport>((resolve, reject) => {
          const open = first.items.filter((i) => i.state !== 'present');
          let n = 0;
          step = () => {
            const item = open[n];
            n += 1;
            if (item) onProgress?.(n, open.length, { ...item, state: 'present' });
          };
          finish = resolve;
          fail = reject;
        }),
    ),
  };
  return {
    setup,
    step: () => step?.(),
    finish: (r: SetupReport) => finish?.(r),
    fail: (e: unknown) => fail?.(e),
  };
}

describe('SetupPanel', () => {
  it('says what is missing, runs set-up with progress and shows the result', async () => {
    const fake = fakeSetup(report(ITEMS));
    const onComplete = vi.fn();
    const { user } = renderWithProviders(<SetupPanel setup={fake.setup} onComplete={onComplete} />);

    const panel = await screen.findByRole('region', { name: 'Webbplatsens listor' });
    expect(panel).toHaveTextContent(`Webbplats: ${SITE}`);
    expect(panel).toHaveTextContent('3 av 5 delar saknas eller avviker:');
    const found = within(panel)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(found).toEqual([
      `Index på kolumnen Plannyckel i ${LIST}: saknas`,
      `Kolumnformatering (pil, text och färg) av Status i ${LIST}: avviker`,
      `Vyn Saknar svar i ${LIST}: saknas`,
    ]);
    expect(onComplete).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Skapa det som saknas' }));
    expect(fake.setup.apply).toHaveBeenCalledTimes(1);
    const bar = await screen.findByRole('progressbar', { name: 'Förlopp för uppsättningen' });
    expect(screen.getByRole('status')).toHaveTextContent('Startar uppsättningen…');
    // While it runs, the button stays focusable but does nothing.
    expect(screen.getByRole('button', { name: 'Skapa det som saknas' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );

    fake.step();
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        `1 av 3 klara: Index på kolumnen Plannyckel i ${LIST}`,
      ),
    );
    expect(bar).toHaveAttribute('aria-valuenow', '1');
    expect(bar).toHaveAttribute('aria-valuemax', '3');
    fake.step();
    fake.step();
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '3'));

    fake.finish(report(done(ITEMS)));
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        'Klart: 3 delar skapades eller rättades. Webbplatsen är färdig.',
      ),
    );
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(panel).toHaveTextContent('Webbplatsen är färdig: alla 5 delar som appen behöver finns.');
    expect(screen.queryByRole('button', { name: 'Skapa det som saknas' })).toBeNull();
    expect(onComplete).toHaveBeenCalledWith(expect.objectContaining({ complete: true }));
  });

  it('names the right a user lacks and does not offer to run', async () => {
    const fake = fakeSetup(report(ITEMS, { canManageLists: false }));
    const { user } = renderWithProviders(<SetupPanel setup={fake.setup} />);
    expect(await screen.findByText(/Du saknar behörigheten Hantera listor/)).toBeVisible();
    const button = screen.getByRole('button', { name: 'Skapa det som saknas' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    await user.click(button);
    expect(fake.setup.apply).not.toHaveBeenCalled();
  });

  it('reports a failed run in Swedish and keeps what was done; trying again continues', async () => {
    const fake = fakeSetup(report(ITEMS));
    const { user } = renderWithProviders(<SetupPanel setup={fake.setup} />);
    await user.click(await screen.findByRole('button', { name: 'Skapa det som saknas' }));
    fake.step();
    fake.fail(new StoreFailure('throttled', 'HTTP 429'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Uppsättningen avbröts efter 1 klara delar.');
    expect(alert).toHaveTextContent('försök igen så fortsätter den');
    await user.click(screen.getByRole('button', { name: 'Skapa det som saknas' }));
    expect(fake.setup.apply).toHaveBeenCalledTimes(2);
  });

  it('finds a complete site complete and says so at once', async () => {
    const onComplete = vi.fn();
    const fake = fakeSetup(report(done(ITEMS)));
    renderWithProviders(<SetupPanel setup={fake.setup} onComplete={onComplete} />);
    expect(
      await screen.findByText('Webbplatsen är färdig: alla 5 delar som appen behöver finns.'),
    ).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Skapa det som saknas' })).toBeNull();
    expect(onComplete).toHaveBeenCalledTimes(1);
  });

  it('shows a failed check with a retry', async () => {
    const setup: SiteSetup = {
      inspect: vi
        .fn<SiteSetup['inspect']>()
        .mockRejectedValueOnce(new StoreFailure('offline', 'fetch failed'))
        .mockResolvedValueOnce(report(done(ITEMS))),
      apply: vi.fn(),
    };
    const { user } = renderWithProviders(<SetupPanel setup={setup} />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Det gick inte att kontrollera webbplatsen.');
    await user.click(within(alert).getByRole('button', { name: 'Försök igen' }));
    expect(await screen.findByText(/Webbplatsen är färdig/)).toBeVisible();
  });
});

describe('SettingsScreen', () => {
  it('shows set-up to a coordinator', async () => {
    const fake = fakeSetup(report(ITEMS));
    const services = {
      ...createFakeServices({ viewer: COORDINATOR }),
      siteSetup: () => fake.setup,
    };
    renderWithProviders(<SettingsScreen />, { services });
    expect(await screen.findByRole('heading', { name: 'Inställningar' })).toBeVisible();
    expect(await screen.findByRole('button', { name: 'Skapa det som saknas' })).toBeVisible();
  });

  it('shows set-up to a site owner outside the coordinator group (the first set-up)', async () => {
    const fake = fakeSetup(report(ITEMS));
    const services = { ...createFakeServices({ viewer: OWNER }), siteSetup: () => fake.setup };
    renderWithProviders(<SettingsScreen />, { services });
    expect(await screen.findByRole('button', { name: 'Skapa det som saknas' })).toBeVisible();
  });

  it('tells others why they cannot use it', async () => {
    const fake = fakeSetup(report(ITEMS, { canManageLists: false }));
    const services = { ...createFakeServices({ viewer: OWNER }), siteSetup: () => fake.setup };
    renderWithProviders(<SettingsScreen />, { services });
    expect(
      await screen.findByText(/Inställningarna är till för samordnarna och webbplatsens ägare/),
    ).toBeVisible();
    expect(screen.getByText(/har inte behörigheten Hantera listor/)).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Skapa det som saknas' })).toBeNull();
  });
});
