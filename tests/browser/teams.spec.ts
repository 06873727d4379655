import type { Locator } from '@playwright/test';
import { parseTeamsPlanLink, teamsPlanLink } from '../../src/domain/deep-link';
import type { PlanKey } from '../../src/domain/follow-up';
import type { PeriodKey } from '../../src/domain/period';
import { TEAMS_MARKER_PARAM } from '../../src/domain/tab-config';
import { expect, test } from './fixtures';
import type { APIRequestContext } from '@playwright/test';
import { JSON_HEADERS, signIn, signedIn, type TestSite } from './rest';
import {
  HARNESS_APP_ID,
  HARNESS_CATALOG_APP_ID,
  HARNESS_CHANNEL,
  openInTeams,
  waitForMessage,
  type HarnessOptions,
  type TeamsHarness,
} from './teams-harness';

// The tab inside the Teams stand-in (tests/browser/teams-harness/host.js): what teams-js asks
// and what the harness answers follow teams-js 2.58's own protocol.

/** The page background's relative luminance (0 black … 1 white), from its computed colour. */
async function backgroundLuminance(element: Locator): Promise<number> {
  const colour = await element.evaluate((el) => getComputedStyle(el).backgroundColor);
  const [r, g, b] = (colour.match(/\d+(\.\d+)?/g) ?? []).map(Number).slice(0, 3) as number[];
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r ?? 0) + 0.7152 * linear(g ?? 0) + 0.0722 * linear(b ?? 0);
}

test('in Teams the tab starts with Teams context, tells Teams once its first screen is drawn, and hides the theme picker', async ({
  page,
  site,
}) => {
  const teams = await openInTeams(page, site, { theme: 'default', locale: 'sv-se' });
  const tab = teams.tab;
  await expect(tab.getByRole('heading', { level: 2, name: 'Handlingsplaner' })).toBeVisible();
  const received = await teams.received();
  const names = received.map((m) => m.func);
  expect(names).toContain('initialize');
  expect(names).toContain('getContext');
  await waitForMessage(teams, 'appInitialization.success');
  expect((await teams.received()).map((m) => m.func)).not.toContain('appInitialization.failure');
  // The theme follows Teams: no picker of its own; the language can still be chosen.
  await expect(tab.getByRole('combobox', { name: 'Tema' })).toHaveCount(0);
  await expect(tab.getByRole('combobox', { name: 'Språk' })).toBeVisible();
  await expect(tab.locator('html')).toHaveAttribute('lang', 'sv');
});

test('the dark and high-contrast themes of the context are applied and followed live', async ({
  page,
  site,
}) => {
  const teams = await openInTeams(page, site, { theme: 'dark' });
  const tab = teams.tab;
  await expect(tab.getByRole('heading', { level: 2, name: 'Handlingsplaner' })).toBeVisible();
  // The app's background is the element that holds the header.
  const background = tab.locator('header').locator('xpath=../..');
  expect(await backgroundLuminance(background)).toBeLessThan(0.05);
  await waitForMessage(teams, 'registerHandler');
  expect(
    (await teams.received()).some(
      (m) => m.func === 'registerHandler' && m.args[0] === 'themeChange',
    ),
  ).toBe(true);

  await teams.send('themeChange', ['default']);
  await expect.poll(() => backgroundLuminance(background)).toBeGreaterThan(0.8);

  await teams.send('themeChange', ['contrast']);
  await expect.poll(() => backgroundLuminance(background)).toBe(0);
  const text = await tab
    .getByRole('heading', { level: 1, name: 'Planuppföljning' })
    .evaluate((el) => getComputedStyle(el).color);
  expect(text).toBe('rgb(255, 255, 255)');
});

test('the language comes from the context locale', async ({ page, site }) => {
  const english = await openInTeams(page, site, { locale: 'en-us' });
  await expect(english.tab.getByRole('heading', { level: 2, name: 'Action plans' })).toBeVisible();
  await expect(english.tab.getByRole('link', { name: 'Overview', exact: true })).toBeVisible();
  await expect(english.tab.locator('html')).toHaveAttribute('lang', 'en');

  const swedish = await openInTeams(page, site, { locale: 'sv-SE' });
  await expect(
    swedish.tab.getByRole('heading', { level: 2, name: 'Handlingsplaner' }),
  ).toBeVisible();
  await expect(swedish.tab.getByRole('link', { name: 'Översikt', exact: true })).toBeVisible();
});

test('a Teams deep link (subEntityId) opens one plan’s form for one period', async ({
  page,
  site,
}) => {
  const teams = await openInTeams(page, site, { subEntityId: 'period=2020-04&plan=lakemedel' });
  await expectLakemedelForm(teams.tab);
  await expect(teams.tab.getByRole('combobox', { name: 'Period' })).toHaveText(
    /Tertialrapport april 2020/,
  );
  await waitForMessage(teams, 'appInitialization.success');
});

test('a reminder sent from the tab in Teams links each plan with a Teams deep link to this tab', async ({
  page,
  site,
}) => {
  const teams = await openInTeams(page, site, { tabPath: '/?view=overview' });
  const tab = teams.tab;
  // The coordinator (local mode's "Visa som") prepares the reminder.
  await tab.getByRole('link', { name: 'Handlingsplaner', exact: true }).click();
  await tab.getByRole('combobox', { name: 'Visa som' }).click();
  await tab.getByRole('option', { name: /Karin Samordnare/ }).click();
  await tab.getByRole('link', { name: 'Översikt', exact: true }).click();
  await tab
    .getByRole('button', { name: /Påminn/ })
    .first()
    .click();
  const dialog = tab.getByRole('dialog');
  const links = dialog.getByRole('link');
  await expect(links.first()).toBeVisible();
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  const lakemedel = hrefs.map(parseTeamsPlanLink).find((l) => l?.target.planKey === 'lakemedel');
  expect(lakemedel).toMatchObject({
    appId: HARNESS_APP_ID,
    entityId: 'planuppfoljning',
    channelId: HARNESS_CHANNEL.channelId,
    target: { periodKey: '2020-08', planKey: 'lakemedel' },
  });
  // Outside Teams the link's webUrl opens the same form, on the same site.
  expect(lakemedel?.webUrl).toBe(
    new URL(site.app('/?period=2020-08&plan=lakemedel'), page.url()).href,
  );
  await page.goto(lakemedel?.webUrl ?? '');
  await expect(
    page.getByRole('heading', { level: 2, name: /Övergripande handlingsplan för läkemedel 2020/ }),
  ).toBeVisible();
});

test('the settings page checks the team’s site, enables Save only when valid, and saves the tab', async ({
  page,
  site,
}) => {
  // The coordinator (local demo user 7) adds the tab: set-up finds the demo site complete.
  // (An owner could not read the lists' permissions and would be offered set-up instead.)
  await signIn(page.request, site, 7);
  const teams = await openInTeams(page, site, {
    frameContext: 'settings',
    tabPath: '/?view=config',
  });
  const tab = teams.tab;
  const siteBox = tab.getByRole('textbox', { name: 'SharePoint-webbplats' });
  // What the page last told Teams about Save (settings.setValidityState).
  const lastValidity = async () =>
    (await teams.received()).filter((m) => m.func === 'settings.setValidityState').at(-1)?.args;
  const origin = new URL(page.url()).origin;
  await expect(siteBox).toHaveValue(`${origin}${site.path}`);
  await expect(tab.getByText('Listorna finns på webbplatsen.', { exact: false })).toBeVisible();
  await expect.poll(lastValidity).toEqual([true]);

  // A wrong address: a Swedish message, the text kept, Save disabled again.
  await siteBox.fill('planer på sharepoint');
  await tab.getByRole('button', { name: 'Kontrollera webbplatsen' }).click();
  await expect(tab.getByText('Adressen är inte giltig.', { exact: false })).toBeVisible();
  await expect(siteBox).toHaveValue('planer på sharepoint');
  await expect.poll(lastValidity).toEqual([false]);

  // Back to the team's site: checked, valid, and Save stores the configuration.
  await siteBox.fill(`${origin}${site.path}/`);
  await siteBox.press('Enter');
  await expect(tab.getByText('Listorna finns på webbplatsen.', { exact: false })).toBeVisible();
  await expect.poll(lastValidity).toEqual([true]);
  await teams.send('settings.save', [{}]);
  const [config] = await waitForMessage(teams, 'settings.setSettings');
  expect(config).toEqual({
    entityId: 'planuppfoljning',
    contentUrl: `${origin}/?site=${encodeURIComponent(`${origin}${site.path}`)}&${TEAMS_MARKER_PARAM}=1`,
    websiteUrl: `${origin}${site.path}/Lists/Uppf%C3%B6ljning%20handlingsplaner/AllItems.aspx`,
    suggestedDisplayName: 'Planuppföljning',
  });
  await waitForMessage(teams, 'settings.save.success');
});

/** The coordinator prepares a reminder in the tab; the Teams deep link of the läkemedel plan. */
async function reminderLink(teams: TeamsHarness) {
  const tab = teams.tab;
  await tab.getByRole('link', { name: 'Handlingsplaner', exact: true }).click();
  await tab.getByRole('combobox', { name: 'Visa som' }).click();
  await tab.getByRole('option', { name: /Karin Samordnare/ }).click();
  await tab.getByRole('link', { name: 'Översikt', exact: true }).click();
  await tab
    .getByRole('button', { name: /Påminn/ })
    .first()
    .click();
  const links = tab.getByRole('dialog').getByRole('link');
  await expect(links.first()).toBeVisible();
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  const href = hrefs.find((h) => parseTeamsPlanLink(h)?.target.planKey === 'lakemedel');
  expect(href, 'a Teams deep link to the läkemedel plan').toBeDefined();
  return href ?? '';
}

/** The läkemedel plan's form is open in the tab (its heading). */
async function expectLakemedelForm(tab: TeamsHarness['tab']) {
  await expect(
    tab.getByRole('heading', { level: 2, name: /Övergripande handlingsplan för läkemedel 2020/ }),
  ).toBeVisible();
}

test('in an org-catalog app, a reminder’s deep link names the catalog id, and opens the form', async ({
  page,
  site,
}) => {
  const catalog: HarnessOptions = { appId: HARNESS_CATALOG_APP_ID };
  const teams = await openInTeams(page, site, { ...catalog, tabPath: '/?view=overview' });
  const link = await reminderLink(teams);
  // The id Teams knows the app by, not the manifest id the build has (VITE_TEAMS_APP_ID).
  expect(parseTeamsPlanLink(link)).toMatchObject({
    appId: HARNESS_CATALOG_APP_ID,
    entityId: 'planuppfoljning',
    channelId: HARNESS_CHANNEL.channelId,
    target: { periodKey: '2020-08', planKey: 'lakemedel' },
  });
  // Teams opens the tab for the link (with its subEntityId): the plan's form in that period.
  const opened = await openInTeams(page, site, { ...catalog, deepLink: link });
  await expectLakemedelForm(opened.tab);
  await expect(opened.tab.getByRole('combobox', { name: 'Period' })).toHaveText(
    /Delårsrapport augusti 2020/,
  );
  // A link with the manifest id would find no app in this organisation's Teams.
  const manifestLink = link.replace(HARNESS_CATALOG_APP_ID, HARNESS_APP_ID);
  await expect(openInTeams(page, site, { ...catalog, deepLink: manifestLink })).rejects.toThrow(
    /knows no app/,
  );
});

test('in an org-catalog app, the send-back message links the form with the catalog id', async ({
  browser,
  page,
  site,
}) => {
  // Anna submits in her own browser; Karin sends it back from the tab in Teams.
  const anna = await signedIn(browser, site, 11, '/?period=2020-08&plan=lakemedel');
  await anna.getByRole('radio', { name: 'Arbetet går bra' }).check();
  await anna.getByRole('button', { name: 'Skicka in' }).click();
  await expect(anna.getByRole('status').filter({ hasText: 'skickades in' })).toBeVisible();

  await signIn(page.request, site, 7);
  const catalog: HarnessOptions = { appId: HARNESS_CATALOG_APP_ID };
  const teams = await openInTeams(page, site, {
    ...catalog,
    subEntityId: 'period=2020-08&plan=lakemedel',
  });
  const review = teams.tab.getByRole('region', { name: 'Granskning' });
  await review.getByRole('button', { name: 'Skicka tillbaka…' }).click();
  await review
    .getByRole('textbox', { name: /Kommentar till ansvariga/ })
    .fill('Beskriv kostnaderna.');
  await review.getByRole('button', { name: 'Skicka tillbaka', exact: true }).click();
  await expect(teams.tab.getByRole('status').filter({ hasText: 'Skickad tillbaka' })).toBeVisible();

  // The channel message (what the local Graph recorded) carries the Teams link to the form.
  const outbox = (await (await page.request.get(`${site.path}/_local/graph/outbox`)).json()) as {
    value: Array<{ body: { content: string } }>;
  };
  const hrefs = [...(outbox.value[0]?.body.content ?? '').matchAll(/href="([^"]+)"/g)].map((m) =>
    (m[1] ?? '').replace(/&amp;/g, '&'),
  );
  const link = hrefs.find((h) => parseTeamsPlanLink(h) !== null) ?? '';
  expect(parseTeamsPlanLink(link)).toMatchObject({
    appId: HARNESS_CATALOG_APP_ID,
    target: { periodKey: '2020-08', planKey: 'lakemedel' },
  });
  const opened = await openInTeams(page, site, { ...catalog, deepLink: link });
  await expectLakemedelForm(opened.tab);
});

for (const hostClientType of ['desktop', 'android', 'ios'] as const) {
  test(`Teams ${hostClientType} opens the tab for a deep link with the catalog id on the plan’s form`, async ({
    page,
    site,
  }) => {
    const link = teamsPlanLink(
      {
        appId: HARNESS_CATALOG_APP_ID,
        entityId: 'planuppfoljning',
        channelId: HARNESS_CHANNEL.channelId,
      },
      { periodKey: '2020-04' as PeriodKey, planKey: 'lakemedel' as PlanKey },
      { webUrl: site.app('/?period=2020-04&plan=lakemedel'), label: 'Läkemedel' },
    );
    const teams = await openInTeams(page, site, {
      appId: HARNESS_CATALOG_APP_ID,
      hostClientType,
      deepLink: link,
    });
    await expectLakemedelForm(teams.tab);
    await expect(teams.tab.getByRole('combobox', { name: 'Period' })).toHaveText(
      /Tertialrapport april 2020/,
    );
  });
}

test('where Teams names no app id in the context, the deep link falls back to the manifest id', async ({
  page,
  site,
}) => {
  const teams = await openInTeams(page, site, { appId: null, tabPath: '/?view=overview' });
  expect(parseTeamsPlanLink(await reminderLink(teams))?.appId).toBe(HARNESS_APP_ID);
});

/** Makes a demo user a member of the site (its Members group, Edit), as Teams does for a team's members. */
async function addSiteMember(request: APIRequestContext, site: TestSite, upn: string) {
  await signIn(request, site, 7); // the coordinator, the site's owner
  const contextInfo = await request.post(`${site.path}/_api/contextinfo`, {
    headers: JSON_HEADERS,
  });
  expect(contextInfo.ok()).toBe(true);
  const { FormDigestValue } = (await contextInfo.json()) as { FormDigestValue: string };
  const added = await request.post(`${site.path}/_api/web/sitegroups/getbyid(4)/users`, {
    headers: {
      ...JSON_HEADERS,
      'Content-Type': 'application/json;charset=utf-8',
      'X-RequestDigest': FormDigestValue,
    },
    data: { LoginName: `i:0#.f|membership|${upn}` },
  });
  expect(added.ok(), `add ${upn} to the site's members`).toBe(true);
}

test('a team member who is not a site owner can save the tab once she may read and write the lists', async ({
  page,
  request,
  site,
}) => {
  // Anna, a plan owner (the demo's default user): on the demo site she only reads the lists
  // (the reader group); her own follow-ups she edits through item permissions.
  const settings: HarnessOptions = { frameContext: 'settings', tabPath: '/?view=config' };
  const lastValidity = async (teams: TeamsHarness) =>
    (await teams.received()).filter((m) => m.func === 'settings.setValidityState').at(-1)?.args;
  const readOnly = await openInTeams(page, site, settings);
  await expect(readOnly.tab.getByRole('alert')).toHaveText(/du kan bara läsa dem/);
  await expect.poll(() => lastValidity(readOnly)).toEqual([false]);

  // As a member of the team's site (Edit on the lists), she cannot inspect the lists'
  // permissions, and may save all the same; set-up is not offered to her.
  await addSiteMember(request, site, 'anna.lindgren@region.example');
  const member = await openInTeams(page, site, settings);
  const tab = member.tab;
  await expect(tab.getByText('Listorna finns på webbplatsen.', { exact: false })).toBeVisible();
  await expect.poll(() => lastValidity(member)).toEqual([true]);
  await expect(tab.getByRole('region', { name: 'Webbplatsens listor' })).toHaveCount(0);
  await member.send('settings.save', [{}]);
  const [config] = await waitForMessage(member, 'settings.setSettings');
  expect(config).toMatchObject({
    entityId: 'planuppfoljning',
    suggestedDisplayName: 'Planuppföljning',
  });
  await waitForMessage(member, 'settings.save.success');
});

test('a page framed by something that is not Teams goes on standalone within seconds', async ({
  page,
  site,
}) => {
  await page.route('https://res.cdn.office.net/**', (route) => route.abort());
  await page.route('**/__not-teams__.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>Ingen Teams</title><iframe id="tab" src="${site.app('/')}" style="width:100%;height:900px"></iframe>`,
    }),
  );
  const started = Date.now();
  await page.goto('/__not-teams__.html');
  const tab = page.frameLocator('#tab');
  await expect(tab.getByRole('heading', { level: 2, name: 'Handlingsplaner' })).toBeVisible();
  expect(Date.now() - started).toBeLessThan(15_000);
  // Standalone: the app's own theme picker is back.
  await expect(tab.getByRole('combobox', { name: 'Tema' })).toBeVisible();
});
