import { describe, expect, it } from 'vitest';
import { hostSigns, hostStart, type HostSigns } from '../../src/adapters/teams/detect-host';
import { buildTabConfig, TEAMS_MARKER_PARAM } from '../../src/domain/tab-config';

const signs = (s: Partial<HostSigns>): HostSigns => ({
  framed: false,
  nativeBridge: false,
  marked: false,
  ...s,
});

/** Enough of a window for hostSigns: its parent, its address and maybe Teams' native bridge. */
function fakeWindow(options: { framed: boolean; search: string; bridge?: unknown }): Window {
  const win = { location: { search: options.search } } as Record<string, unknown>;
  win.parent = options.framed ? {} : win;
  if ('bridge' in options) win.nativeInterface = options.bridge;
  return win as unknown as Window;
}

describe('hostStart', () => {
  it('keeps a plain page standalone, without teams-js, marked or not', () => {
    expect(hostStart(signs({}))).toBe('standalone');
    // A tab's address opened in a browser: teams-js would find no one to talk to.
    expect(hostStart(signs({ marked: true }))).toBe('standalone');
  });

  it('starts Teams in a top-level page with Teams’ native bridge (Teams iOS and Android)', () => {
    expect(hostStart(signs({ nativeBridge: true }))).toBe('teams');
    expect(hostStart(signs({ nativeBridge: true, marked: true }))).toBe('teams');
  });

  it('waits for Teams, however slow, in a frame whose address carries the marker', () => {
    expect(hostStart(signs({ framed: true, marked: true }))).toBe('teams');
  });

  it('gives an unmarked frame only the short race (it may not be Teams)', () => {
    expect(hostStart(signs({ framed: true }))).toBe('probe');
    // teams-js talks to a parent frame when it has one, bridge or not.
    expect(hostStart(signs({ framed: true, nativeBridge: true }))).toBe('probe');
  });
});

describe('hostSigns', () => {
  it('reads the frame, the marker and the native bridge from the window', () => {
    expect(hostSigns(fakeWindow({ framed: false, search: '' }))).toEqual(signs({}));
    expect(
      hostSigns(
        fakeWindow({
          framed: true,
          search: `?site=%2Fsites%2Fa&${TEAMS_MARKER_PARAM}=1`,
        }),
      ),
    ).toEqual(signs({ framed: true, marked: true }));
    expect(
      hostSigns(fakeWindow({ framed: false, search: '', bridge: { framelessPostMessage() {} } })),
    ).toEqual(signs({ nativeBridge: true }));
    expect(hostSigns(fakeWindow({ framed: false, search: '', bridge: null }))).toEqual(signs({}));
  });

  it('finds the marker in the address the settings page saves', () => {
    const { contentUrl } = buildTabConfig({
      appUrl: 'https://app.example/?view=config',
      siteUrl: 'https://regionen.sharepoint.com/sites/planer',
      listViewUrl: 'https://regionen.sharepoint.com/sites/planer/Lists/L/AllItems.aspx',
    });
    const search = new URL(contentUrl).search;
    expect(hostSigns(fakeWindow({ framed: true, search })).marked).toBe(true);
  });
});
