import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StoreFailure } from '../../src/domain/errors';
import type { HostPort, ReportFiles, SavedReportFile } from '../../src/domain/ports';
import ReportScreen from '../../src/features/report/report-screen';
import { sv } from '../../src/i18n/sv';
import { createFakeServices, OPEN_PERIOD, renderWithProviders } from './render-with-providers';

vi.setConfig({ testTimeout: 20_000 });

afterEach(() => {
  window.history.replaceState(null, '', '/');
  vi.restoreAllMocks();
});

const SAVED: SavedReportFile = {
  name: `Bilaga 2 - Uppföljning handlingsplaner ${OPEN_PERIOD}.docx`,
  url: 'https://region.sharepoint.com/sites/plan/Shared%20Documents/Bilaga%202/x.docx?d=wabc',
  version: '3.0',
};

function teamsHost(openLink: HostPort['openLink']): HostPort {
  return {
    context: { kind: 'teams', frameContext: 'content' },
    firstScreenReady: () => undefined,
    firstScreenFailed: () => undefined,
    onThemeChange: () => () => undefined,
    setConfigValid: () => undefined,
    onConfigSave: () => undefined,
    openLink,
  };
}

async function openReport(reportFiles: ReportFiles, host?: HostPort) {
  window.history.replaceState(null, '', `/?view=report&period=${OPEN_PERIOD}`);
  const services = { ...createFakeServices(), reportFiles, ...(host ? { host } : {}) };
  const rendered = renderWithProviders(<ReportScreen />, { services });
  await screen.findAllByRole('table');
  return rendered;
}

describe('Spara i SharePoint', () => {
  it('says a checked-out or locked file in Swedish, keeps the retry, and saves on retry', async () => {
    const save = vi
      .fn<ReportFiles['save']>()
      .mockRejectedValueOnce(new StoreFailure('locked', '423'))
      .mockResolvedValueOnce(SAVED);
    const { user } = await openReport({ save });
    await user.click(screen.getByRole('button', { name: 'Spara i SharePoint' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('utcheckad eller öppen för redigering av någon annan');
    expect(alert).toHaveTextContent('Den sparade versionen finns kvar.');
    await user.click(within(alert).getByRole('button', { name: 'Försök igen' }));
    const status = await screen.findByText(/är sparad i webbplatsens dokumentbibliotek/);
    expect(status).toHaveTextContent('(version 3.0)');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(save).toHaveBeenCalledTimes(2);
    expect(save.mock.calls[0]?.[0]).toBe(SAVED.name);
    expect(save.mock.calls[0]?.[1]).toBeInstanceOf(Blob);
  });

  it('names throttling as such', async () => {
    const save = vi.fn<ReportFiles['save']>().mockRejectedValue(new StoreFailure('throttled', ''));
    const { user } = await openReport({ save });
    await user.click(screen.getByRole('button', { name: 'Spara i SharePoint' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Bilaga 2 kunde inte sparas i SharePoint.');
    expect(alert).toHaveTextContent(sv.errors.throttled(sv.errors.services.sharepoint));
  });

  it('in Teams comes first, and the saved file opens through Teams, never a window of its own', async () => {
    const openLink = vi.fn<HostPort['openLink']>().mockResolvedValue(undefined);
    const windowOpen = vi.spyOn(window, 'open').mockReturnValue(null);
    const { user } = await openReport(
      { save: vi.fn<ReportFiles['save']>().mockResolvedValue(SAVED) },
      teamsHost(openLink),
    );
    const buttons = screen.getAllByRole('button', {
      name: /^(Spara i SharePoint|Exportera till Word)$/,
    });
    expect(buttons.map((b) => b.textContent)).toEqual([
      'Spara i SharePoint',
      'Exportera till Word',
    ]);
    await user.click(buttons[0] as HTMLElement);
    await screen.findByText(/är sparad/);
    expect(openLink).toHaveBeenCalledWith(SAVED.url);
    await user.click(screen.getByRole('link', { name: 'Öppna i Word för webben' }));
    expect(openLink).toHaveBeenCalledTimes(2);
    expect(windowOpen).not.toHaveBeenCalled();
  });

  it('when Teams refuses to open the file, the link stays and the app says so', async () => {
    const openLink = vi.fn<HostPort['openLink']>().mockRejectedValue(new Error('refused'));
    const { user } = await openReport(
      { save: vi.fn<ReportFiles['save']>().mockResolvedValue(SAVED) },
      teamsHost(openLink),
    );
    await user.click(screen.getByRole('button', { name: 'Spara i SharePoint' }));
    expect(await screen.findByText(/kunde inte öppnas här/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Öppna i Word för webben' })).toHaveAttribute(
      'href',
      SAVED.url,
    );
  });
});
