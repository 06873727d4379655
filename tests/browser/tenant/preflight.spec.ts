import type { APIRequestContext, Locator, Page } from '@playwright/test';
import {
  ALL_CONSENTED,
  JSON_NOMETADATA,
  SCOPES,
  TENANT,
  UPN,
  accessToken,
  expect,
  idpControl,
  signedInTenant,
  test,
  type TenantSite,
} from './tenant';

// "Kontrollera miljön" (Inställningar) on the tenant path: every check with the signed-in user's
// own tokens from the local identity provider, against SharePoint and Graph on origins of their
// own. Consent is changed per user (the identity provider's per-user grant), for people no other
// tenant test changes, so that tests running in parallel do not meet each other's.

const BJORN = 'bjorn.ekholm@region.example';
const FREDRIK = 'fredrik.holm@region.example';
const GRETA = 'greta.nystrom@region.example';

/** Every permission the app asks for, the activity feed's included, as IT grants them. */
const FULL_CONSENT = [...new Set([...ALL_CONSENTED, `${TENANT.graph}/TeamsActivity.Send`])];

const CHECKS = [
  'Appens listor',
  'Läsa listorna',
  'Skriva och ta bort ett testobjekt',
  'Behörighet för grupper och objektbehörigheter',
  'Slå upp en användare i Microsoft Graph',
  'Behörigheten AllSites.FullControl (SharePoint)',
  'Behörigheten User.ReadBasic.All (Microsoft Graph)',
  'Behörigheten ChannelMessage.Send (Microsoft Graph)',
  'Behörigheten TeamsActivity.Send (Microsoft Graph)',
];

/** Makes `upn` an owner and coordinator of this test's site (as Karin, its owner, would). */
async function makeCoordinatorOwner(request: APIRequestContext, site: TenantSite, upn: string) {
  const token = await accessToken(request, UPN.karin, [SCOPES.fullControl]);
  for (const group of ['Planuppföljning Owners', 'Planuppföljning – samordnare']) {
    const response = await request.post(
      `${site.url}/_api/web/sitegroups/getbyname('${encodeURIComponent(group)}')/users`,
      {
        headers: {
          ...JSON_NOMETADATA,
          'Content-Type': 'application/json',
          Authorization: `Bearer ${token}`,
        },
        data: { LoginName: `i:0#.f|membership|${upn}` },
      },
    );
    expect(response.ok(), `add ${upn} to ${group}: ${response.status()}`).toBe(true);
  }
}

/** Runs the check from Inställningar, by keyboard, and waits until every check has its result. */
async function runPreflight(page: Page) {
  await expect(page.getByRole('heading', { level: 2, name: 'Inställningar' })).toBeVisible();
  const section = page.getByRole('region', { name: 'Kontrollera miljön' });
  const button = section.getByRole('button', { name: 'Kontrollera miljön' });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(section.getByRole('status')).toContainText('Klart:');
  const results = section.getByRole('list', { name: 'Resultat av miljökontrollen' });
  await expect(results.getByRole('listitem')).toHaveCount(CHECKS.length);
  return { section, results };
}

/** The result of one check by its name and state word, e.g. "Läsa listorna: Fungerar". */
function check(results: Locator, name: string, state: string) {
  return results.getByRole('listitem', { name: `${name}: ${state}`, exact: true });
}

test('the coordinator with full consent: every check works, and nothing is left behind', async ({
  browser,
  request,
  site,
}) => {
  await idpControl(request, 'consent', { user: BJORN, consented: FULL_CONSENT });
  await makeCoordinatorOwner(request, site, BJORN);
  const page = await signedInTenant(browser, site, BJORN, '/?view=settings');
  const { section, results } = await runPreflight(page);
  for (const name of CHECKS) await expect(check(results, name, 'Fungerar')).toBeVisible();
  await expect(section.getByRole('status')).toHaveText(
    'Klart: 9 fungerar, 0 med anmärkning, 0 kräver åtgärd, 0 hoppades över. Allt appen behöver fungerar.',
  );
  await expect(check(results, 'Slå upp en användare i Microsoft Graph', 'Fungerar')).toContainText(
    'Björn Ekholm',
  );
  // The scratch item is gone: no period item with the marker.
  const token = await accessToken(request, UPN.karin, [SCOPES.read]);
  const periods = await request.get(
    `${site.url}/_api/web/lists/getByTitle('Uppf%C3%B6ljningsperioder')/items?$select=PeriodKey&$top=500`,
    { headers: { ...JSON_NOMETADATA, Authorization: `Bearer ${token}` } },
  );
  const keys = ((await periods.json()) as { value: Array<{ PeriodKey: string }> }).value;
  expect(keys.length).toBeGreaterThan(0);
  expect(keys.filter((k) => k.PeriodKey.startsWith('miljokontroll-'))).toEqual([]);
  // The results stay, and the button runs it again.
  await expect(section.getByRole('button', { name: 'Kontrollera miljön igen' })).toBeVisible();
});

test('without the Graph permission for channel messages, the check names it for IT', async ({
  browser,
  request,
  site,
}) => {
  await idpControl(request, 'consent', {
    user: FREDRIK,
    consented: FULL_CONSENT.filter((scope) => scope !== SCOPES.channelMessage),
  });
  const page = await signedInTenant(browser, site, FREDRIK, '/?view=settings');
  const { results } = await runPreflight(page);
  const channel = check(
    results,
    'Behörigheten ChannelMessage.Send (Microsoft Graph)',
    'Åtgärd krävs',
  );
  await expect(channel).toContainText(
    'IT har inte godkänt behörigheten ChannelMessage.Send (Microsoft Graph) för appen.',
  );
  await expect(channel).toContainText(
    'Vad IT ska göra: En administratör i Microsoft Entra ID lägger till den delegerade behörigheten ChannelMessage.Send (Microsoft Graph)',
  );
  // The rest of Graph works: the look-up has a token of its own.
  await expect(check(results, 'Slå upp en användare i Microsoft Graph', 'Fungerar')).toBeVisible();
  await expect(
    check(results, 'Behörigheten TeamsActivity.Send (Microsoft Graph)', 'Fungerar'),
  ).toBeVisible();
  await expect(check(results, 'Läsa listorna', 'Fungerar')).toBeVisible();
  await idpControl(request, 'consent', { user: FREDRIK, consented: FULL_CONSENT });
});

test('once IT withdraws AllSites.FullControl, the check names it though the cache still has a token', async ({
  browser,
  request,
  site,
}) => {
  await idpControl(request, 'consent', { user: GRETA, consented: FULL_CONSENT });
  const page = await signedInTenant(browser, site, GRETA, '/?view=settings');
  await expect(page.getByRole('heading', { level: 2, name: 'Inställningar' })).toBeVisible();
  await idpControl(request, 'consent', {
    user: GRETA,
    consented: FULL_CONSENT.filter((scope) => scope !== SCOPES.fullControl),
  });
  const { results } = await runPreflight(page);
  const sharePoint = check(
    results,
    'Behörigheten AllSites.FullControl (SharePoint)',
    'Åtgärd krävs',
  );
  await expect(sharePoint).toContainText(
    'IT har inte godkänt behörigheten AllSites.FullControl (SharePoint) för appen.',
  );
  await expect(sharePoint).toContainText('Vad IT ska göra:');
  await idpControl(request, 'consent', { user: GRETA, consented: FULL_CONSENT });
});

test('an owner without Manage Permissions: reads work, the rights check says what is missing', async ({
  browser,
  site,
}) => {
  const page = await signedInTenant(browser, site, UPN.anna, '/?view=settings');
  const { results } = await runPreflight(page);
  await expect(check(results, 'Appens listor', 'Fungerar')).toBeVisible();
  await expect(check(results, 'Läsa listorna', 'Fungerar')).toBeVisible();
  const rights = check(results, 'Behörighet för grupper och objektbehörigheter', 'Åtgärd krävs');
  await expect(rights).toContainText(
    'Du saknar Hantera behörigheter (Manage Permissions) på Uppföljning handlingsplaner',
  );
  await expect(rights).toContainText('gruppen Planuppföljning – samordnare');
  // She may not add items to the periods list; the check says so, and who needs it.
  await expect(check(results, 'Skriva och ta bort ett testobjekt', 'Åtgärd krävs')).toContainText(
    'SharePoint tillät inte att du skapar ett objekt i Uppföljningsperioder.',
  );
});

test('a site without the app’s lists: the check names them and leads to the set-up', async ({
  browser,
  request,
  site,
}) => {
  const reset = await request.post(`${site.url}/_local/reset`, { data: { state: 'bare' } });
  expect(reset.ok()).toBe(true);
  const page = await signedInTenant(browser, site, UPN.karin, '/?view=settings');
  const { results } = await runPreflight(page);
  const lists = check(results, 'Appens listor', 'Åtgärd krävs');
  await expect(lists).toContainText(
    'Webbplatsen saknar Uppföljning handlingsplaner och Uppföljningsperioder.',
  );
  await expect(check(results, 'Läsa listorna', 'Hoppades över')).toBeVisible();
  await expect(
    check(results, 'Behörighet för grupper och objektbehörigheter', 'Fungerar'),
  ).toBeVisible();
  // Karin owns the site: the set-up is offered, and the button takes her there.
  await lists.getByRole('button', { name: 'Till uppsättningen av listorna' }).click();
  const setup = page.getByRole('region', { name: 'Webbplatsens listor' });
  await expect(setup.getByRole('button', { name: 'Skapa det som saknas' })).toBeVisible();
  // Focus moved to the set-up, which holds the button.
  await expect(page.locator(':focus')).toContainText('Skapa det som saknas');
});
