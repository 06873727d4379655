import type { app } from '@microsoft/teams-js';
import { describe, expect, it } from 'vitest';
import {
  hostContextFrom,
  localeFromTeams,
  themeFromTeams,
} from '../../src/adapters/teams/context-mapping';

/** An app.Context as teams-js builds it from Teams' flat context (app/app.ts getContext). */
function teamsContext(
  overrides: {
    app?: Partial<app.AppInfo>;
    page?: Partial<app.PageInfo>;
    user?: Partial<app.UserInfo>;
    team?: Partial<app.TeamInfo>;
    channel?: Partial<app.ChannelInfo>;
    sharePointSite?: Partial<app.SharePointSiteInfo>;
  } = {},
): app.Context {
  return {
    app: {
      locale: 'sv-se',
      theme: 'default',
      sessionId: 's',
      host: { name: 'Teams', clientType: 'web', sessionId: 'h' },
      ...overrides.app,
    } as app.AppInfo,
    page: { id: 'planuppfoljning', frameContext: 'content', ...overrides.page } as app.PageInfo,
    user: {
      id: '11111111-2222-4333-8444-555555555555',
      userPrincipalName: 'anna@region.example',
      ...overrides.user,
    } as app.UserInfo,
    team: { internalId: '19:t', groupId: 'group-1', ...overrides.team } as app.TeamInfo,
    channel: { id: '19:c@thread.tacv2', ...overrides.channel } as app.ChannelInfo,
    sharePointSite: {
      teamSiteUrl: 'https://regionen.sharepoint.com/sites/planer/',
      ...overrides.sharePointSite,
    } as app.SharePointSiteInfo,
    dialogParameters: {},
  };
}

describe('themeFromTeams', () => {
  it.each([
    ['default', 'light'],
    ['dark', 'dark'],
    ['contrast', 'contrast'],
    [undefined, 'light'],
    ['something-new', 'light'],
  ])('%s → %s', (theme, expected) => {
    expect(themeFromTeams(theme)).toBe(expected);
  });
});

describe('localeFromTeams', () => {
  it.each([
    ['sv-se', 'sv'],
    ['sv-FI', 'sv'],
    ['en-us', 'en'],
    ['en-GB', 'en'],
    ['fi-fi', undefined],
    [undefined, undefined],
  ])('%s → %s', (locale, expected) => {
    expect(localeFromTeams(locale)).toBe(expected);
  });
});

describe('hostContextFrom', () => {
  it('takes user, team and channel, site, locale, theme and the tab and sub-entity', () => {
    const context = teamsContext({
      app: {
        theme: 'dark',
        locale: 'en-us',
        appId: { toString: () => 'app-1' } as app.AppInfo['appId'],
      },
      page: { subPageId: 'period=2020-08&plan=lakemedel' },
    });
    expect(hostContextFrom(context)).toEqual({
      kind: 'teams',
      frameContext: 'content',
      user: {
        objectId: '11111111-2222-4333-8444-555555555555',
        userPrincipalName: 'anna@region.example',
      },
      channel: { groupId: 'group-1', channelId: '19:c@thread.tacv2' },
      teamSiteUrl: 'https://regionen.sharepoint.com/sites/planer',
      locale: 'en',
      theme: 'dark',
      entityId: 'planuppfoljning',
      subEntityId: 'period=2020-08&plan=lakemedel',
      appId: 'app-1',
    });
  });

  it('leaves out what Teams does not give, and knows the settings page', () => {
    const context: app.Context = {
      ...teamsContext({
        page: { frameContext: 'settings' as app.PageInfo['frameContext'], id: '' },
      }),
      user: { id: '' } as app.UserInfo,
      team: undefined,
      sharePointSite: undefined,
      app: {
        locale: 'de-de',
        theme: 'contrast',
        sessionId: '',
        host: { name: 'Teams', clientType: 'web', sessionId: '' },
      } as unknown as app.AppInfo,
    };
    expect(hostContextFrom(context)).toEqual({
      kind: 'teams',
      frameContext: 'settings',
      theme: 'contrast',
    });
  });

  it('calls an unknown frame context "other"', () => {
    const context = teamsContext({
      page: { frameContext: 'meetingStage' as app.PageInfo['frameContext'] },
    });
    expect(hostContextFrom(context).frameContext).toBe('other');
  });
});
