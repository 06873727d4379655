import { describe, expect, it } from 'vitest';
import { buildTabConfig, checkSiteUrl, siteFromAddress, TAB_ENTITY_ID } from './tab-config';

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
