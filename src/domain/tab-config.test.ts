import { describe, expect, it } from 'vitest';
import type { ListAccess, SetupItem, SetupReport } from './ports';
import {
  buildTabConfig,
  checkSiteUrl,
  siteFromAddress,
  maySetUp,
  TAB_ENTITY_ID,
  tabReadiness,
} from './tab-config';

describe('checkSiteUrl', () => {
  it('accepts an https site and tidies it', () => {
    expect(checkSiteUrl('  https://regionen.sharepoint.com/sites/planer/?x=1#y ')).toEqual({
      ok: true,
      url: 'https://regionen.sharepoint.com/sites/planer',
    });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['planer på sharepoint', 'not-url'],
    ['ftp://regionen.sharepoint.com/sites/planer', 'not-url'],
    ['http://regionen.sharepoint.com/sites/planer', 'not-https'],
  ] as const)('refuses %j (%s)', (value, problem) => {
    expect(checkSiteUrl(value)).toEqual({ ok: false, problem });
  });

  it('allows http only on the given origin (the local site)', () => {
    expect(
      checkSiteUrl('http://localhost:5173/sites/planuppfoljning', 'http://localhost:5173'),
    ).toEqual({ ok: true, url: 'http://localhost:5173/sites/planuppfoljning' });
    expect(checkSiteUrl('http://localhost:9999/sites/x', 'http://localhost:5173')).toEqual({
      ok: false,
      problem: 'not-https',
    });
  });
});

describe('siteFromAddress', () => {
  it('reads the site parameter', () => {
    expect(siteFromAddress('?site=https%3A%2F%2Fx.sharepoint.com%2Fsites%2Fa&period=2020-08')).toBe(
      'https://x.sharepoint.com/sites/a',
    );
    expect(siteFromAddress('?site=')).toBeNull();
    expect(siteFromAddress('')).toBeNull();
  });
});

describe('buildTabConfig', () => {
  it('shows the app with the site in its address and opens the list in the browser', () => {
    const config = buildTabConfig({
      appUrl: 'https://app.example/planer/?view=config#x',
      siteUrl: 'https://regionen.sharepoint.com/sites/planer',
      listViewUrl: 'https://regionen.sharepoint.com/sites/planer/Lists/L/AllItems.aspx',
    });
    expect(config).toEqual({
      entityId: TAB_ENTITY_ID,
      contentUrl:
        'https://app.example/planer/?site=https%3A%2F%2Fregionen.sharepoint.com%2Fsites%2Fplaner&teams=1',
      websiteUrl: 'https://regionen.sharepoint.com/sites/planer/Lists/L/AllItems.aspx',
      suggestedDisplayName: 'Planuppföljning',
    });
    expect(siteFromAddress(new URL(config.contentUrl).search)).toBe(
      'https://regionen.sharepoint.com/sites/planer',
    );
  });
});

describe('tabReadiness', () => {
  const list = (title: string, access: Partial<ListAccess> = {}): ListAccess => ({
    title,
    exists: true,
    canRead: true,
    canWrite: true,
    ...access,
  });

  it('is ready once every list exists and the user can read and write it', () => {
    expect(tabReadiness([list('Uppföljning'), list('Perioder')])).toBe('ready');
  });

  it('is missing while a list is not on the site (or nothing was found)', () => {
    expect(tabReadiness([list('Uppföljning'), list('Perioder', { exists: false })])).toBe(
      'missing',
    );
    expect(tabReadiness([])).toBe('missing');
  });

  it('needs View Items, then Edit Items, on every list', () => {
    expect(tabReadiness([list('Uppföljning', { canRead: false, canWrite: false })])).toBe(
      'no-read',
    );
    expect(tabReadiness([list('Uppföljning'), list('Perioder', { canWrite: false })])).toBe(
      'no-write',
    );
  });
});

describe('maySetUp', () => {
  const item = (kind: SetupItem['kind'], state: SetupItem['state'] = 'missing'): SetupItem => ({
    id: `${kind}:x`,
    kind,
    name: 'x',
    state,
  });
  const report = (items: SetupItem[], rights: Partial<SetupReport> = {}): SetupReport => ({
    siteUrl: 'https://regionen.sharepoint.com/sites/planer',
    items,
    lists: [],
    complete: false,
    canManageLists: true,
    canCreateGroups: false,
    canManagePermissions: false,
    ...rights,
  });

  it('needs the right of each kind of item that is not present', () => {
    expect(maySetUp(report([item('view'), item('field', 'differs')]))).toBe(true);
    expect(maySetUp(report([item('view'), item('permissions')]))).toBe(false);
    expect(maySetUp(report([item('group')]))).toBe(false);
    expect(
      maySetUp(
        report([item('group'), item('permissions')], {
          canCreateGroups: true,
          canManagePermissions: true,
        }),
      ),
    ).toBe(true);
    expect(maySetUp(report([item('list')], { canManageLists: false }))).toBe(false);
    expect(maySetUp(report([item('permissions', 'present')], { canManageLists: false }))).toBe(
      true,
    );
  });
});
