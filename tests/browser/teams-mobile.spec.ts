import { TEAMS_MARKER_PARAM } from '../../src/domain/tab-config';
import { expect, test } from './fixtures';
import { openPlan, PLAN, PLAN_ROW, restItem } from './owner-journey';
import { openInTeams, waitForMessage } from './teams-harness';

// Teams iOS and Android: the tab is the top-level page of a webview and teams-js talks to Teams
// through the native bridge (the harness's frameless mode, tests/browser/teams-harness/host.js).

for (const [width, client] of [
  [360, 'android'],
  [414, 'ios'],
] as const) {
  test.describe(`Teams ${client}, ${width} px wide`, () => {
    test.use({ viewport: { width, height: 780 }, isMobile: true, hasTouch: true });

    test(`an owner opens her plan, sets its status, writes a comment, saves and submits (${width} px)`, async ({
      page,
      request,
      site,
    }) => {
      const scripts: string[] = [];
      page.on('request', (r) => {
        if (r.resourceType() === 'script') scripts.push(r.url());
      });
      const teams = await openInTeams(page, site, {
        frameless: true,
        hostClientType: client,
        theme: 'dark',
        tabPath: `/?${TEAMS_MARKER_PARAM}=1`,
      });
      const tab = teams.tab;
      await expect(tab.getByText('2 av 12 planer')).toBeVisible();
      // Started in Teams through the bridge: the context was read, the theme follows Teams.
      const names = (await teams.received()).map((m) => m.func);
      expect(names).toContain('initialize');
      expect(names).toContain('getContext');
      await waitForMessage(teams, 'appInitialization.success');
      await expect(tab.getByRole('combobox', { name: 'Tema' })).toHaveCount(0);
      // teams-js came in its own chunk (the one a plain page never loads, below).
      expect(scripts.filter((url) => url.includes('teams-host'))).toHaveLength(1);
      // Teams' dark theme, and a theme change sent through the bridge, as the phone switches.
      const title = tab.getByRole('heading', { level: 1, name: 'Planuppföljning' });
      const colour = () => title.evaluate((el) => getComputedStyle(el).color);
      expect(await colour()).toBe('rgb(255, 255, 255)');
      await teams.send('themeChange', ['default']);
      await expect.poll(colour).not.toBe('rgb(255, 255, 255)');

      await openPlan(tab, PLAN);
      await tab.getByRole('radio', { name: 'Arbetet går delvis bra' }).check();
      await tab.getByRole('textbox', { name: 'Kommentar' }).click();
      await page.keyboard.type('Skrivet i mobilen.');
      await tab.getByRole('button', { name: 'Spara utkast' }).click();
      await expect(tab.getByRole('status').filter({ hasText: 'Utkastet sparades' })).toBeVisible();
      expect(await restItem(request, site, 'lakemedel')).toMatchObject({
        Status: 'Arbetet går delvis bra',
        InputState: 'Utkast',
      });

      await tab.getByRole('button', { name: 'Skicka in' }).click();
      await expect(
        tab.getByRole('status').filter({ hasText: 'Uppföljningen skickades in' }),
      ).toBeVisible();
      const item = await restItem(request, site, 'lakemedel');
      expect(item).toMatchObject({ Status: 'Arbetet går delvis bra', InputState: 'Inskickad' });
      expect(String(item.Comment)).toContain('Skrivet i mobilen.');
      // On a phone the form stands in for the list: back to it, which shows the new state.
      await tab.getByRole('button', { name: 'Tillbaka till listan' }).click();
      await expect(tab.getByRole('row', { name: PLAN_ROW })).toContainText('Inskickad');

      // The page fits the phone: nothing scrolls sideways.
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      expect((await teams.received()).map((m) => m.func)).not.toContain(
        'appInitialization.failure',
      );
    });
  });
}

test('a plain page opened in a browser, with no frame and no bridge, loads no teams-js', async ({
  page,
}) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  // Even with the marker: a tab's address copied into a browser.
  await page.goto(`/?${TEAMS_MARKER_PARAM}=1`);
  await expect(page.getByText('2 av 12 planer')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Tema' })).toBeVisible();
  expect(scripts.filter((url) => url.includes('teams-host'))).toEqual([]);
});
