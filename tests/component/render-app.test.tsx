import { screen, waitFor } from '@testing-library/react';
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Booted } from '../../src/app/boot';
import { renderApp } from '../../src/app/render';
import type { HostContext, HostPort, ServiceWait, Services } from '../../src/domain/ports';
import { DataCache } from '../../src/features/shared/data-cache';
import { createFakeServices } from './render-with-providers';

// What Teams is told about the start (docs/teams.md, "Loading indicator"): loaded as soon as the
// app's own first screen is drawn, whatever it shows; failed only when nothing can be drawn.

const CONTEXT: HostContext = { kind: 'teams', frameContext: 'content', locale: 'sv' };

function fakeHost(context: () => HostContext = () => CONTEXT) {
  return {
    get context() {
      return context();
    },
    firstScreenReady: vi.fn(),
    firstScreenFailed: vi.fn(),
    onThemeChange: () => () => undefined,
    setConfigValid: () => undefined,
    onConfigSave: () => undefined,
    openLink: () => Promise.resolve(),
  } satisfies HostPort;
}

/** No waits for SharePoint (a stable snapshot, as the app's wait board gives). */
const NO_WAITS: readonly ServiceWait[] = [];

function ready(services: Services): Booted {
  const none = Promise.resolve();
  return {
    kind: 'ready',
    services: { waits: { current: () => NO_WAITS, subscribe: () => () => undefined }, ...services },
    cache: new DataCache(),
    firstScreen: { sent: none, settled: none },
  };
}

let root: HTMLElement | undefined;
async function draw(booted: Booted) {
  root = document.body.appendChild(document.createElement('div'));
  await act(async () => renderApp(root as HTMLElement, booted));
}

afterEach(() => {
  root?.remove();
  root = undefined;
});

describe('renderApp in Teams', () => {
  it('tells Teams the app has loaded while its own first screen still loads its data', async () => {
    const host = fakeHost();
    const services = createFakeServices();
    // SharePoint has not answered yet.
    vi.spyOn(services.periods, 'list').mockReturnValue(new Promise(() => undefined));
    await draw(ready({ ...services, host }));
    expect(screen.getByText('Laddar…')).toBeInTheDocument();
    expect(host.firstScreenReady).toHaveBeenCalled();
    expect(host.firstScreenFailed).not.toHaveBeenCalled();
  });

  it('leaves a failed load to the app’s own error and retry: loaded, not failed', async () => {
    const host = fakeHost();
    const services = createFakeServices();
    vi.spyOn(services.periods, 'list').mockRejectedValue(new Error('SharePoint is down'));
    await draw(ready({ ...services, host }));
    expect(await screen.findByRole('button', { name: 'Försök igen' })).toBeInTheDocument();
    expect(host.firstScreenReady).toHaveBeenCalled();
    expect(host.firstScreenFailed).not.toHaveBeenCalled();
  });

  it('shows an invalid configuration itself, in Swedish, and counts that as loaded', async () => {
    const host = fakeHost();
    await draw({ kind: 'invalid', problems: ['VITE_ENTRA_CLIENT_ID saknas.'], host });
    expect(screen.getByText('VITE_ENTRA_CLIENT_ID saknas.')).toBeInTheDocument();
    expect(host.firstScreenReady).toHaveBeenCalled();
    expect(host.firstScreenFailed).not.toHaveBeenCalled();
  });

  it('tells Teams it failed only when the app cannot draw anything', async () => {
    // React's report of the error (jsdom has no reportError: the console).
    const reported = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const host = fakeHost(() => {
      throw new Error('context unreadable');
    });
    // Outside act, as in the browser: inside it React hands such errors to act, not the root.
    const actEnvironment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
    const previous = actEnvironment.IS_REACT_ACT_ENVIRONMENT;
    actEnvironment.IS_REACT_ACT_ENVIRONMENT = false;
    try {
      root = document.body.appendChild(document.createElement('div'));
      renderApp(root, ready({ ...createFakeServices(), host }));
      await waitFor(() =>
        expect(host.firstScreenFailed).toHaveBeenCalledWith('other', 'context unreadable'),
      );
      expect(host.firstScreenReady).not.toHaveBeenCalled();
      expect(reported).toHaveBeenCalled();
    } finally {
      actEnvironment.IS_REACT_ACT_ENVIRONMENT = previous;
      reported.mockRestore();
    }
  });
});
