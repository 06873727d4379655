import { TEAMS_MARKER_PARAM } from '../../src/domain/tab-config';
import { expect, test } from './fixtures';
import { PLAN } from './owner-journey';
import { injectFault } from './rest';
import { openInTeams, waitForMessage, type TeamsHarness } from './teams-harness';

// Starting inside Teams when Teams or SharePoint is slow, or SharePoint fails: the app never goes
// standalone because Teams is slow, tells Teams it has loaded as soon as it shows its own first
// screen (notifyAppLoaded, then notifySuccess), and shows its own spinner, errors and retry.

/** The tab's address as Teams opens it: with the marker the settings page saves. */
const TAB = `/?${TEAMS_MARKER_PARAM}=1`;

const sent = async (teams: TeamsHarness) => (await teams.received()).map((m) => m.func);

test('a Teams that answers initialize after 5 s still gets a tab in Teams mode', async ({
  page,
  site,
}) => {
  // The browser says Swedish and the app would be standalone: Teams' English and theme show it
  // is in Teams.
  const teams = await openInTeams(page, site, {
    slowInitializeMs: 5_000,
    locale: 'en-us',
    tabPath: TAB,
  });
  await expect(teams.tab.getByRole('heading', { level: 2, name: 'Action plans' })).toBeVisible();
  await expect(teams.tab.getByRole('combobox', { name: 'Theme' })).toHaveCount(0);
  expect(await sent(teams)).toContain('getContext');
  await waitForMessage(teams, 'appInitialization.success');
});

test('the settings page Teams opens (the manifest’s address) waits for a slow Teams too', async ({
  page,
  site,
}) => {
  const teams = await openInTeams(page, site, {
    frameContext: 'settings',
    slowInitializeMs: 5_000,
    tabPath: `/?view=config&${TEAMS_MARKER_PARAM}=1`,
  });
  // The team's site from Teams' context is proposed: the page knows it is in Teams.
  await expect(teams.tab.getByRole('textbox', { name: 'SharePoint-webbplats' })).toHaveValue(
    `${new URL(page.url()).origin}${site.path}`,
  );
  await expect(teams.tab.getByText('Utanför Teams', { exact: false })).toHaveCount(0);
});

test('Teams mobile answering initialize after 5 s: the tab still starts in Teams', async ({
  page,
  site,
}) => {
  const teams = await openInTeams(page, site, {
    frameless: true,
    slowInitializeMs: 5_000,
    locale: 'en-us',
    tabPath: '/',
  });
  await expect(teams.tab.getByRole('heading', { level: 2, name: 'Action plans' })).toBeVisible();
  await expect(teams.tab.getByRole('combobox', { name: 'Theme' })).toHaveCount(0);
});

test('while SharePoint is slow Teams is told the app has loaded, and the app shows its own progress', async ({
  page,
  site,
}) => {
  // SharePoint throttles the first screen's request and asks for a minute's wait.
  await injectFault(page.request, site, { status: 503, count: 1, retryAfterSeconds: 60 });
  const teams = await openInTeams(page, site, { tabPath: TAB });
  const tab = teams.tab;
  await expect(tab.getByText(/SharePoint är hårt belastat/).last()).toBeVisible();
  await expect(tab.getByRole('progressbar')).toBeVisible();
  await waitForMessage(teams, 'appInitialization.appLoaded');
  await waitForMessage(teams, 'appInitialization.success');
  // Told while the plans are still on their way.
  await expect(tab.getByRole('button', { name: PLAN })).toHaveCount(0);
  const order = await sent(teams);
  expect(order.indexOf('appInitialization.appLoaded')).toBeLessThan(
    order.indexOf('appInitialization.success'),
  );

  // The user need not wait: cancelling, then the app's own retry, loads the plans.
  await tab.getByRole('button', { name: 'Avbryt väntan' }).click();
  await tab.getByRole('button', { name: 'Försök igen' }).click();
  await expect(tab.getByRole('button', { name: PLAN })).toBeVisible();
  expect(await sent(teams)).not.toContain('appInitialization.failure');
});

test('when SharePoint fails the app shows its own Swedish error and retry, not Teams’ error page', async ({
  page,
  site,
}) => {
  // Two failures: the start's own request and the screen's second try (it asks again itself once
  // before it shows the failure); the user's retry then gets through.
  await injectFault(page.request, site, { status: 500, count: 2 });
  const teams = await openInTeams(page, site, { tabPath: TAB });
  const tab = teams.tab;
  const alert = tab.getByRole('alert').filter({ hasText: 'Det gick inte att hämta uppgifterna.' });
  await expect(alert).toBeVisible();
  await waitForMessage(teams, 'appInitialization.success');
  expect(await sent(teams)).not.toContain('appInitialization.failure');

  await alert.getByRole('button', { name: 'Försök igen' }).click();
  await expect(tab.getByRole('button', { name: PLAN })).toBeVisible();
  expect(await sent(teams)).not.toContain('appInitialization.failure');
});
