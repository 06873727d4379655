import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type {
  HostPort,
  ListAccess,
  Services,
  SetupReport,
  TabConfig,
} from '../../src/domain/ports';
import { TabConfigPage } from '../../src/features/settings/tab-config-page';
import { createFakeServices, renderWithProviders } from './render-with-providers';

const TEAM_SITE = 'https://regionen.sharepoint.com/sites/planer';

function fakeHost() {
  const validity: boolean[] = [];
  let save: (() => TabConfig | null) | undefined;
  const host: HostPort = {
    context: { kind: 'teams', frameContext: 'settings', teamSiteUrl: TEAM_SITE },
    firstScreenReady: vi.fn(),
    firstScreenFailed: vi.fn(),
    onThemeChange: () => () => undefined,
    setConfigValid: (valid) => validity.push(valid),
    onConfigSave: (get) => {
      save = get;
    },
    openLink: () => Promise.resolve(),
  };
  return { host, validity, save: () => save?.() ?? null };
}

/** A site as set-up finds it: `complete`, or without the periods list. */
function report(complete: boolean, siteUrl = TEAM_SITE): SetupReport {
  return {
    siteUrl,
    complete,
    canManageLists: true,
    canCreateGroups: true,
    canManagePermissions: true,
    lists: [
      { title: 'Uppföljning handlingsplaner', exists: true, canRead: true, canWrite: true },
      { title: 'Uppföljningsperioder', exists: complete, canRead: complete, canWrite: complete },
    ],
    items: [
      {
        id: 'list:Uppföljningsperioder',
        kind: 'list',
        name: 'Uppföljningsperioder',
        state: complete ? 'present' : 'missing',
      },
    ],
  };
}

/**
 * The lists there, as a team member who is not a site owner finds them: the lists' permissions
 * unreadable (so "missing" to set-up), no right to manage lists, and `access` to the lists.
 */
function memberReport(access: Pick<ListAccess, 'canRead' | 'canWrite'>): SetupReport {
  return {
    siteUrl: TEAM_SITE,
    complete: false,
    canManageLists: false,
    canCreateGroups: false,
    canManagePermissions: false,
    lists: ['Uppföljning handlingsplaner', 'Uppföljningsperioder'].map((title) => ({
      title,
      exists: true,
      ...access,
    })),
    items: [
      {
        id: 'permissions:Uppföljning handlingsplaner',
        kind: 'permissions',
        list: 'Uppföljning handlingsplaner',
        name: 'Uppföljning handlingsplaner',
        state: 'missing',
      },
    ],
  };
}

function services(host: HostPort, inspect: (url: string) => Promise<SetupReport>): Services {
  return {
    ...createFakeServices(),
    host,
    siteUrl: 'https://regionen.sharepoint.com/sites/annan',
    siteSetup: (url?: string) => ({
      inspect: () => inspect(url ?? ''),
      apply: () => inspect(url ?? ''),
    }),
    tabConfig: (site) => ({
      entityId: 'planuppfoljning',
      contentUrl: `https://app.example/?site=${encodeURIComponent(site)}`,
      websiteUrl: `${site}/Lists/L/AllItems.aspx`,
      suggestedDisplayName: 'Planuppföljning',
    }),
  };
}

describe('TabConfigPage', () => {
  it('proposes the team’s site, checks it, and lets Teams save it', async () => {
    const { host, validity, save } = fakeHost();
    const inspect = vi.fn((url: string) => Promise.resolve(report(true, url)));
    renderWithProviders(<TabConfigPage />, { services: services(host, inspect) });
    expect(screen.getByRole('textbox', { name: /SharePoint-webbplats/ })).toHaveValue(TEAM_SITE);
    expect(await screen.findByText(/Listorna finns på webbplatsen/)).toBeInTheDocument();
    expect(inspect).toHaveBeenCalledWith(TEAM_SITE);
    // Teams is told in an effect after the page shows the result.
    await waitFor(() => expect(validity.at(-1)).toBe(true));
    expect(save()).toMatchObject({ websiteUrl: `${TEAM_SITE}/Lists/L/AllItems.aspx` });
  });

  it('disables Save as soon as the address changes, and explains a bad one in Swedish', async () => {
    const { host, validity, save } = fakeHost();
    const { user } = renderWithProviders(<TabConfigPage />, {
      services: services(host, (url) => Promise.resolve(report(true, url))),
    });
    await screen.findByText(/Listorna finns på webbplatsen/);
    const box = screen.getByRole('textbox', { name: /SharePoint-webbplats/ });
    await user.clear(box);
    await user.type(box, 'sharepoint/planer');
    await waitFor(() => expect(validity.at(-1)).toBe(false));
    expect(save()).toBeNull();
    expect(screen.getByText(/Kontrollera webbplatsen igen/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Kontrollera webbplatsen' }));
    expect(await screen.findByText(/Adressen är inte giltig/)).toBeInTheDocument();
    expect(box).toHaveValue('sharepoint/planer');
  });

  it('shows what is missing and the set-up slot when the lists are incomplete', async () => {
    const { host, validity } = fakeHost();
    let complete = false;
    const renderSetup = vi.fn((_url: string, onComplete: () => void) => (
      <button
        type="button"
        onClick={() => {
          complete = true;
          onComplete();
        }}
      >
        Kör konfigureringen
      </button>
    ));
    const { user } = renderWithProviders(<TabConfigPage renderSetup={renderSetup} />, {
      services: services(host, (url) => Promise.resolve(report(complete, url))),
    });
    expect(await screen.findByText(/Listorna för Planuppföljning saknas/)).toBeInTheDocument();
    expect(renderSetup).toHaveBeenCalledWith(TEAM_SITE, expect.any(Function));
    await waitFor(() => expect(validity.at(-1)).toBe(false));
    await user.click(screen.getByRole('button', { name: 'Kör konfigureringen' }));
    expect(await screen.findByText(/Listorna finns på webbplatsen/)).toBeInTheDocument();
    await waitFor(() => expect(validity.at(-1)).toBe(true));
  });

  it('lets a member who can read and write the lists save, whatever they may not inspect', async () => {
    const { host, validity, save } = fakeHost();
    renderWithProviders(<TabConfigPage />, {
      services: services(host, () =>
        Promise.resolve(memberReport({ canRead: true, canWrite: true })),
      ),
    });
    expect(await screen.findByText(/Listorna finns på webbplatsen/)).toBeInTheDocument();
    await waitFor(() => expect(validity.at(-1)).toBe(true));
    expect(save()).toMatchObject({ entityId: 'planuppfoljning' });
    // Nothing to set up for someone who may not.
    expect(screen.queryByRole('region', { name: 'Webbplatsens listor' })).toBeNull();
    expect(screen.queryByText(/saknas eller är ofullständiga/)).toBeNull();
  });

  it('offers set-up beside an enabled Save to someone who may correct what differs', async () => {
    const { host, validity } = fakeHost();
    const differs: SetupReport = {
      ...memberReport({ canRead: true, canWrite: true }),
      canManageLists: true,
      canCreateGroups: true,
      canManagePermissions: true,
    };
    renderWithProviders(<TabConfigPage />, {
      services: services(host, () => Promise.resolve(differs)),
    });
    expect(await screen.findByRole('region', { name: /Du kan spara fliken/ })).toBeInTheDocument();
    expect(await screen.findByRole('region', { name: 'Webbplatsens listor' })).toBeInTheDocument();
    await waitFor(() => expect(validity.at(-1)).toBe(true));
  });

  it('keeps Save disabled, and says why, for someone who can only read the lists', async () => {
    const { host, validity, save } = fakeHost();
    renderWithProviders(<TabConfigPage />, {
      services: services(host, () =>
        Promise.resolve(memberReport({ canRead: true, canWrite: false })),
      ),
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(/du kan bara läsa dem/);
    await waitFor(() => expect(validity.at(-1)).toBe(false));
    expect(save()).toBeNull();
  });

  it('offers the set-up panel of the settings feature when the lists are incomplete', async () => {
    const { host } = fakeHost();
    renderWithProviders(<TabConfigPage />, {
      services: services(host, (url) => Promise.resolve(report(false, url))),
    });
    expect(await screen.findByRole('region', { name: 'Webbplatsens listor' })).toBeInTheDocument();
  });
});
