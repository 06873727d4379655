import { describe, expect, it } from 'vitest';
import type { PlanKey } from './follow-up';
import type { PeriodKey } from './period';
import {
  parseSubEntityId,
  parseTeamsPlanLink,
  planFormLink,
  subEntityIdFor,
  teamsPlanLink,
} from './deep-link';

const target = { periodKey: '2020-08' as PeriodKey, planKey: 'lakemedel' as PlanKey };
const base = {
  appId: '00000000-0000-4000-8000-0000000000aa',
  entityId: 'planuppfoljning',
  channelId: '19:abc123@thread.tacv2',
};

describe('sub-entity ids', () => {
  it('carry the period and the plan, and read back', () => {
    expect(subEntityIdFor(target)).toBe('period=2020-08&plan=lakemedel');
    expect(parseSubEntityId(subEntityIdFor(target))).toEqual(target);
  });

  it('survive a host that decodes the value once more', () => {
    expect(parseSubEntityId(decodeURIComponent(subEntityIdFor(target)))).toEqual(target);
  });

  it.each([
    undefined,
    null,
    '',
    'lakemedel',
    'period=2020-08',
    'plan=lakemedel',
    'period=2020-07&plan=lakemedel',
    'period=someday&plan=lakemedel',
    'period=2020-08&plan=<script>',
    'period=2020-08&plan=a b',
  ])('refuse %s', (value) => {
    expect(parseSubEntityId(value)).toBeNull();
  });
});

describe('plain links', () => {
  it('open the plan in the period, dropping the rest of the address', () => {
    expect(planFormLink('https://app.example/?view=overview#top', target)).toBe(
      'https://app.example/?period=2020-08&plan=lakemedel',
    );
  });

  it('keep the site the tab is configured with', () => {
    const app = `https://app.example/?site=${encodeURIComponent('https://x.sharepoint.com/sites/a')}&view=report`;
    const link = new URL(planFormLink(app, target));
    expect(link.searchParams.get('site')).toBe('https://x.sharepoint.com/sites/a');
    expect(link.searchParams.get('view')).toBeNull();
    expect(link.searchParams.get('plan')).toBe('lakemedel');
  });
});

describe('Teams deep links', () => {
  const webUrl = 'https://app.example/?period=2020-08&plan=lakemedel';
  const link = teamsPlanLink(base, target, { webUrl, label: 'Läkemedel & mer' });

  it('point at the tab entity with the sub-entity and channel in the context', () => {
    const url = new URL(link);
    expect(url.origin).toBe('https://teams.microsoft.com');
    expect(url.pathname).toBe(`/l/entity/${base.appId}/planuppfoljning`);
    expect(JSON.parse(url.searchParams.get('context') ?? '')).toEqual({
      subEntityId: 'period=2020-08&plan=lakemedel',
      channelId: base.channelId,
    });
    expect(url.searchParams.get('webUrl')).toBe(webUrl);
    expect(url.searchParams.get('label')).toBe('Läkemedel & mer');
    // Everything in the query is encoded: the link survives being put in HTML or a message.
    expect(link).not.toMatch(/[{}"\s]/);
  });

  it('read back', () => {
    expect(parseTeamsPlanLink(link)).toEqual({ ...base, target, webUrl });
  });

  it.each([
    'https://example.com/l/entity/a/b?context=%7B%7D',
    'https://teams.microsoft.com/l/channel/x',
    'not a link',
    'https://teams.microsoft.com/l/entity/a/b?context=%7Bbroken',
    `https://teams.microsoft.com/l/entity/a/b?context=${encodeURIComponent('{"subEntityId":"x","channelId":"c"}')}`,
  ])('refuse %s', (value) => {
    expect(parseTeamsPlanLink(value)).toBeNull();
  });
});
