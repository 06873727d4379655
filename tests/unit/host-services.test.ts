import { describe, expect, it } from 'vitest';
import { chooseLocalSiteUrl, chooseSiteUrl, linksFor, withHost } from '../../src/app/host-services';
import { parseTeamsPlanLink } from '../../src/domain/deep-link';
import type { PlanKey } from '../../src/domain/follow-up';
import type { PeriodKey } from '../../src/domain/period';
import type { HostContext, HostPort, Services } from '../../src/domain/ports';

const CONFIGURED = 'https://regionen.sharepoint.com/sites/planer';
const plan = {
  periodKey: '2020-08' as PeriodKey,
  planKey: 'lakemedel' as PlanKey,
  title: 'Läkemedel',
};

function fakeHost(context: Partial<HostContext>): HostPort {
  return {
    context: { kind: 'teams', frameContext: 'content', ...context },
    firstScreenReady: () => undefined,
    firstScreenFailed: () => undefined,
    onThemeChange: () => () => undefined,
    setConfigValid: () => undefined,
    onConfigSave: () => undefined,
    openLink: () => Promise.resolve(),
  };
}

const channel = { groupId: 'g', channelId: '19:c@thread.tacv2' };

describe('chooseSiteUrl', () => {
  it('uses the tab’s site on the same SharePoint host', () => {
    expect(
      chooseSiteUrl(
        CONFIGURED,
        `?site=${encodeURIComponent('https://regionen.sharepoint.com/sites/team-a/')}`,
      ),
    ).toBe('https://regionen.sharepoint.com/sites/team-a');
  });

  it.each([
    ['', 'no site parameter'],
    [`?site=${encodeURIComponent('https://evil.sharepoint.com/sites/x')}`, 'another host'],
    [`?site=${encodeURIComponent('http://regionen.sharepoint.com/sites/x')}`, 'not https'],
    ['?site=nonsense', 'not an address'],
  ])('keeps the configured site for %j (%s)', (search) => {
    expect(chooseSiteUrl(CONFIGURED, search)).toBe(CONFIGURED);
  });
});

describe('chooseLocalSiteUrl', () => {
  const ORIGIN = 'http://localhost:5173';
  const site = (value: string) => `?site=${encodeURIComponent(value)}`;

  it.each([
    [site('/sites/team-a'), 'a path'],
    [site('/sites/team-a/'), 'a path with a trailing slash'],
    [site(`${ORIGIN}/sites/team-a`), 'the full address on this origin'],
    [
      `?view=report&site=${encodeURIComponent('/sites/team-a')}&period=2020-08`,
      'among other parameters',
    ],
  ])('works on the site %j names (%s)', (search) => {
    expect(chooseLocalSiteUrl(ORIGIN, search)).toBe(`${ORIGIN}/sites/team-a`);
  });

  it.each([
    ['', 'no site parameter'],
    ['?site=', 'an empty one'],
    [site('https://regionen.sharepoint.com/sites/team-a'), 'another origin'],
    [site('http://localhost:5174/sites/team-a'), 'another port'],
    [site('//evil.example/sites/team-a'), 'a protocol-relative address'],
    [site('/sites/team-a/_api/web'), 'a path below a site'],
    [site('/sites/../_local/reset'), 'a path that climbs out'],
    [site('/teams/team-a'), 'not under /sites'],
    [site('/sites/Team_A'), 'not a site name'],
    [site('/sites/team-a?x=1'), 'with a query'],
    [site('javascript:alert(1)'), 'not a web address'],
  ])('keeps the demo site for %j (%s)', (search) => {
    expect(chooseLocalSiteUrl(ORIGIN, search)).toBe(`${ORIGIN}/sites/planuppfoljning`);
  });
});

describe('linksFor', () => {
  it('builds a Teams deep link to this tab inside a channel tab, with the plain link as webUrl', () => {
    const links = linksFor(
      'https://app.example/?site=x',
      fakeHost({ appId: 'app-1', entityId: 'planuppfoljning', channel }),
    );
    expect(parseTeamsPlanLink(links.planForm(plan))).toEqual({
      appId: 'app-1',
      entityId: 'planuppfoljning',
      channelId: channel.channelId,
      target: { periodKey: '2020-08', planKey: 'lakemedel' },
      webUrl: 'https://app.example/?site=x&period=2020-08&plan=lakemedel',
    });
  });

  it('takes the app id from the build when Teams does not give it', () => {
    const links = linksFor('https://app.example/', fakeHost({ entityId: 'e', channel }), 'app-2');
    expect(parseTeamsPlanLink(links.planForm(plan))?.appId).toBe('app-2');
  });

  it('keeps the site the app works on in the plain link', () => {
    const links = linksFor('http://localhost:5173/?site=%2Fsites%2Fteam-a&view=overview', null);
    expect(links.planForm(plan)).toBe(
      'http://localhost:5173/?site=%2Fsites%2Fteam-a&period=2020-08&plan=lakemedel',
    );
  });

  it('falls back to the plain link outside Teams or without an app id', () => {
    const plain = 'https://app.example/?period=2020-08&plan=lakemedel';
    expect(linksFor('https://app.example/', null).planForm(plan)).toBe(plain);
    expect(
      linksFor('https://app.example/', fakeHost({ entityId: 'e', channel })).planForm(plan),
    ).toBe(plain);
  });
});

describe('withHost', () => {
  const base = { channel: { groupId: 'local', channelId: 'local' } } as unknown as Services;

  it('takes the channel from Teams’ context and builds the tab configuration', () => {
    const host = fakeHost({ channel });
    const services = withHost(base, { host, siteUrl: CONFIGURED, appUrl: 'https://app.example/' });
    expect(services.host).toBe(host);
    expect(services.channel).toEqual(channel);
    expect(services.siteUrl).toBe(CONFIGURED);
    expect(services.tabConfig?.(CONFIGURED).websiteUrl).toBe(
      `${CONFIGURED}/Lists/Uppf%C3%B6ljning%20handlingsplaner/AllItems.aspx`,
    );
  });

  it('keeps the local channel standalone', () => {
    const services = withHost(base, {
      host: null,
      siteUrl: CONFIGURED,
      appUrl: 'https://app.example/',
    });
    expect(services.host).toBeUndefined();
    expect(services.channel).toEqual({ groupId: 'local', channelId: 'local' });
  });
});
