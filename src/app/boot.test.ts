// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { boot } from './boot';

// Requests that never answer: what matters here is what has been sent, and when.
const fetchSpy = vi.fn((..._args: unknown[]) => new Promise<Response>(() => undefined));

beforeEach(() => {
  vi.stubGlobal('fetch', fetchSpy);
});

afterEach(() => {
  vi.unstubAllGlobals();
  fetchSpy.mockClear();
  window.history.replaceState(null, '', '/');
});

const requestedUrls = () => fetchSpy.mock.calls.map(([input]) => String(input));

describe('boot', () => {
  it('stops at a half-done configuration, with what is missing in Swedish, and asks nothing', async () => {
    const booted = await boot({ VITE_SITE_URL: 'https://contoso.sharepoint.com/sites/planer' });
    expect(booted.kind).toBe('invalid');
    expect(booted.kind === 'invalid' && booted.problems).toEqual([
      expect.stringContaining('VITE_ENTRA_CLIENT_ID saknas'),
      expect.stringContaining('VITE_ENTRA_TENANT_ID saknas'),
    ]);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('with nothing configured, works on the local site and has asked for the first screen', async () => {
    const booted = await boot({});
    if (booted.kind !== 'ready') throw new Error('expected a started app');
    expect(booted.services.siteUrl).toBe(`${window.location.origin}/sites/planuppfoljning`);
    // The start-up $batch has left by the time boot resolves (main.tsx then evaluates the
    // screens' code, one long task, which would otherwise hold it back).
    expect(requestedUrls()).toEqual([
      `${window.location.origin}/sites/planuppfoljning/_api/$batch`,
    ]);
  });

  it('works on the local site the address names', async () => {
    window.history.replaceState(null, '', '/?site=%2Fsites%2Fteam-a&view=overview');
    const booted = await boot({});
    if (booted.kind !== 'ready') throw new Error('expected a started app');
    expect(booted.services.siteUrl).toBe(`${window.location.origin}/sites/team-a`);
    expect(requestedUrls()).toEqual([`${window.location.origin}/sites/team-a/_api/$batch`]);
  });

  it('asks for nothing on the tab settings page', async () => {
    window.history.replaceState(null, '', '/?view=config');
    const booted = await boot({});
    expect(booted.kind).toBe('ready');
    if (booted.kind === 'ready') await booted.firstScreen.settled;
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});
