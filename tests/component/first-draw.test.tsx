import { screen } from '@testing-library/react';
import { describe, expect, test, vi } from 'vitest';
import { OwnerScreen } from '../../src/features/owner/owner-screen';
import { DataCache } from '../../src/features/shared/data-cache';
import { DataCacheProvider } from '../../src/features/shared/data-cache-context';
import { preloadFirstScreen } from '../../src/features/shared/first-screen-data';
import { createFakeServices, OPEN_PERIOD, renderWithProviders } from './render-with-providers';

// The app draws its first screen once the start-up requests are in (main.tsx): the screen must
// then show the data in that first drawing and ask for nothing again.

/** The app's start: the head start, then (optionally after it has settled) the owner screen. */
async function drawOwnerScreen(
  services = createFakeServices(),
  { headStart }: { headStart: boolean } = { headStart: true },
) {
  const cache = new DataCache();
  if (headStart) await preloadFirstScreen(services, cache, null).settled;
  renderWithProviders(
    <DataCacheProvider cache={cache}>
      <OwnerScreen onSessionChanged={vi.fn()} />
    </DataCacheProvider>,
    { services },
  );
  return services;
}

describe('the first drawing after the head start', () => {
  test('shows the plans at once, without a spinner and without asking again', async () => {
    const services = await drawOwnerScreen();

    // Synchronous queries: this is what the first drawing holds.
    expect(screen.getByRole('table', { name: 'Handlingsplaner' })).toBeInTheDocument();
    expect(screen.queryByText('Laddar…')).not.toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(services.periods.listCalls).toBe(1);
    expect(services.followUps.listCalls).toEqual([[OPEN_PERIOD, '2020-04']]);
  });

  test('shows a failed head start at once, as the screen shows any failure', async () => {
    const services = createFakeServices();
    services.followUps.rejectNextList('offline');
    await drawOwnerScreen(services);

    expect(screen.getByRole('button', { name: 'Försök igen' })).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Handlingsplaner' })).not.toBeInTheDocument();
  });

  test('without a head start, the first drawing is a spinner (the screen loads on its own)', async () => {
    await drawOwnerScreen(createFakeServices(), { headStart: false });

    expect(screen.queryByRole('table', { name: 'Handlingsplaner' })).not.toBeInTheDocument();
    expect(screen.getByText('Laddar…')).toBeInTheDocument();
    expect(await screen.findByRole('table', { name: 'Handlingsplaner' })).toBeInTheDocument();
  });
});
