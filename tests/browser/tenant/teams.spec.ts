import type { Page } from '@playwright/test';
import { LOCAL_TENANT_BROKER } from '../../../scripts/tenant-env';
import { fillManifest, readTemplates } from '../../../scripts/teams-manifest';
import { openInTeams, type BrokerRequest } from '../teams-harness';
import { TEAMS_NAA, teamsUser } from './in-teams';
import { TENANT, UPN, expect, test } from './tenant';

// The tab on the tenant path inside the Teams stand-in: nested app authentication, Teams (the
// harness's host side) brokering every token from the local identity provider, as Teams does
// from Entra. Nobody signs in, no window opens, the page itself never calls the provider.

function watchIdentityProvider(page: Page): string[] {
  const calls: string[] = [];
  page.on('request', (r) => {
    if (r.url().startsWith(TENANT.login)) calls.push(r.url());
  });
  return calls;
}

test('in Teams an owner’s tab signs in through nested app auth, silently', async ({
  page,
  site,
}) => {
  const provider = watchIdentityProvider(page);
  const teams = await openInTeams(page, site, { naa: TEAMS_NAA, user: teamsUser(UPN.anna) });
  await expect(teams.tab.getByRole('heading', { level: 2, name: 'Handlingsplaner' })).toBeVisible();
  await expect(teams.tab.getByText('2 av 12 planer')).toBeVisible();
  await expect(teams.tab.getByRole('button', { name: 'Logga in' })).toHaveCount(0);
  const received = await teams.received();
  const naaMethods = received
    .filter((m) => m.func === 'nestedAppAuth.execute' && m.data)
    .map((m) => (JSON.parse(m.data ?? '{}') as { method: string }).method);
  expect(naaMethods).toContain('GetToken');
  expect(provider).toEqual([]);
  expect(page.context().pages()).toHaveLength(1);
});

test('in Teams a coordinator reminds an owner: the message and the notification go to Graph with her own token', async ({
  page,
  request,
  site,
}) => {
  const teams = await openInTeams(page, site, {
    naa: TEAMS_NAA,
    user: teamsUser(UPN.karin),
    tabPath: '/?view=overview',
  });
  const tab = teams.tab;
  await expect(tab.getByText('0 av 12 besvarade (0 %)')).toBeVisible();
  await tab.getByRole('button', { name: 'Påminn' }).click();
  const dialog = tab.getByRole('dialog', { name: 'Påminn om Delårsrapport augusti 2020' });
  const boxes = dialog.getByRole('checkbox');
  for (const box of await boxes.all()) {
    const label = await box.evaluate(
      (el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? '',
    );
    if (label !== 'Anna Lindgren') await box.uncheck();
  }
  // Inside Teams the reminder goes both to the channel and to Anna's activity feed.
  await expect(dialog.getByRole('radio', { name: 'Båda' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Skicka påminnelse' }).click();
  await expect(
    tab.getByText(
      'Meddelandet i kanalen är skickat och nämner 1 person. Personlig avisering skickad till Anna Lindgren.',
    ),
  ).toBeVisible();

  const outbox = (await (await request.get(`${TENANT.graph}/_local/outbox`)).json()) as {
    value: Array<{
      from: { user: { displayName: string } };
      body: { content: string };
      mentions: Array<{ mentioned: { user: { id: string } } }>;
    }>;
  };
  // This test's message: its links name the test's own site (the outbox is the tenant's).
  const mine = outbox.value.filter((m) => m.body.content.includes(site.name));
  expect(mine).toHaveLength(1);
  const [message] = mine;
  expect(message?.from.user.displayName).toBe('Karin Samordnare');
  // Anna alone (mentioned once per plan she has not answered), by her object id.
  expect([...new Set(message?.mentions.map((m) => m.mentioned.user.id))]).toEqual([
    teamsUser(UPN.anna).oid,
  ]);

  // The activity-feed notifications (TeamsActivity.Send in her token): to Anna by object id,
  // each opening a plan's form in this test's site.
  const activity = (await (await request.get(`${TENANT.graph}/_local/activity`)).json()) as {
    value: Array<{
      from: { user: { displayName: string } };
      topic: { webUrl: string };
      recipients: Array<{ userId: string }>;
    }>;
  };
  const nudges = activity.value.filter((n) => n.topic.webUrl.includes(site.name));
  expect(nudges.length).toBeGreaterThan(0);
  for (const n of nudges) {
    expect(n.from.user.displayName).toBe('Karin Samordnare');
    expect(n.recipients.map((r) => r.userId)).toEqual([teamsUser(UPN.anna).oid]);
    expect(n.topic.webUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/entity\//);
  }
});

test('the first token the tab asks Teams for is the one the manifest has Teams prefetch', async ({
  page,
  site,
}) => {
  const asked: BrokerRequest[] = [];
  const recording = {
    ...TEAMS_NAA,
    broker: (request: BrokerRequest) => {
      asked.push(request);
      return TEAMS_NAA.broker(request);
    },
  };
  const teams = await openInTeams(page, site, { naa: recording, user: teamsUser(UPN.anna) });
  await expect(teams.tab.getByText('2 av 12 planer')).toBeVisible();
  // The package built for this tenant's SharePoint (npm run package, scripts/teams-manifest.ts).
  const { manifest } = fillManifest(readTemplates(), {
    appId: '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
    clientId: LOCAL_TENANT_BROKER.clientId,
    host: new URL(TENANT.app).host,
    baseUrl: TENANT.app,
    sharePointHost: new URL(TENANT.sharePoint).host,
    version: '1.0.0',
  });
  const webApp = manifest.webApplicationInfo as {
    nestedAppAuthInfo: Array<{ scopes: string[] }>;
  };
  expect(asked[0]?.scopes).toEqual(webApp.nestedAppAuthInfo[0]?.scopes);
});
