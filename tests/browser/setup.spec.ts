import { expect, test } from './fixtures';
import { JSON_HEADERS, resetSite, signedIn } from './rest';

/**
 * A coordinator completes a half set-up site from "Inställningar": the check says what is
 * missing, set-up shows its progress step by step and ends complete; an owner is told why the
 * settings are not for her.
 */

const KARIN = 7;
const ANNA = 11;

test.beforeEach(async ({ request, site }) => {
  // The demo site without a view, a field, an index, unique values and Status's formatting
  // (src/local-site/test-fixture.ts halfSetUp of the demo).
  await resetSite(request, site, 'partial');
});

test('a coordinator completes a partly set-up site and sees the progress and the result', async ({
  browser,
  site,
}) => {
  const karin = await signedIn(browser, site, KARIN, '/?view=settings');
  await expect(karin.getByRole('heading', { level: 2, name: 'Inställningar' })).toBeVisible();
  const panel = karin.getByRole('region', { name: 'Webbplatsens listor' });
  await expect(panel).toContainText(/9 av \d+ delar saknas eller avviker/);
  await expect(panel.getByRole('listitem')).toHaveCount(9);
  await expect(panel).toContainText(
    'Kolumnformatering (pil, text och färg) av Status i Uppföljning handlingsplaner: saknas',
  );
  await expect(panel).toContainText('Vyn Saknar svar i Uppföljning handlingsplaner: saknas');

  // Each write takes a moment, as over a real network, so the progress can be seen.
  await karin.route(/\/_api\/web\/lists\/getByTitle\(.*\/(fields|views)/, async (route) => {
    if (route.request().method() === 'POST') await new Promise((r) => setTimeout(r, 150));
    await route.continue();
  });
  await panel.getByRole('button', { name: 'Skapa det som saknas' }).click();
  const progress = panel.getByRole('progressbar', { name: 'Förlopp för uppsättningen' });
  await expect(progress).toBeVisible();
  await expect(panel.getByRole('status')).toContainText(/[1-8] av 9 klara: /);
  await expect(panel.getByRole('status')).toHaveText(
    'Klart: 9 delar skapades eller rättades. Webbplatsen är färdig.',
  );
  await expect(progress).toBeHidden();
  await expect(panel).toContainText(
    /Webbplatsen är färdig: alla \d+ delar som appen behöver finns/,
  );
  await expect(panel.getByRole('button', { name: 'Skapa det som saknas' })).toHaveCount(0);

  // SharePoint now holds what set-up wrote: Status's formatting and the "Saknar svar" view.
  const status = await karin.request.get(
    `${site.followUps}/fields/getByInternalNameOrTitle('Status')?$select=CustomFormatter`,
    { headers: JSON_HEADERS },
  );
  const formatter = JSON.parse(
    ((await status.json()) as { CustomFormatter: string }).CustomFormatter,
  ) as { children: Array<{ txtContent: string }> };
  expect(formatter.children.map((c) => c.txtContent).join(' ')).toContain('↑');
  const view = await karin.request.get(`${site.followUps}/views/getByTitle('Saknar svar')`, {
    headers: JSON_HEADERS,
  });
  expect(((await view.json()) as { ViewQuery: string }).ViewQuery).toContain('Saknas');

  // Checking again finds nothing to do.
  await panel.getByRole('button', { name: 'Kontrollera igen' }).click();
  await expect(panel).toContainText(/Webbplatsen är färdig/);
});

test('an owner is told that the settings are for the coordinators', async ({ browser, site }) => {
  const anna = await signedIn(browser, site, ANNA, '/');
  await anna.getByRole('link', { name: 'Inställningar', exact: true }).click();
  await expect(anna.getByText(/Inställningarna är till för samordnarna/)).toBeVisible();
  await expect(anna.getByRole('button', { name: 'Skapa det som saknas' })).toHaveCount(0);
});

test('on a new site, the coordinator creates the first period and lands on its plan register', async ({
  browser,
  request,
  site,
}) => {
  await resetSite(request, site, 'empty');
  const BO = 2;
  const bo = await signedIn(browser, site, BO, '/?view=settings');
  const panel = bo.getByRole('region', { name: 'Webbplatsens listor' });
  await panel.getByRole('button', { name: 'Skapa det som saknas' }).click();
  await expect(panel.getByRole('status')).toContainText('Webbplatsen är färdig', {
    timeout: 30_000,
  });

  // Every tab used to say "Det finns inga uppföljningsperioder ännu." and nothing more.
  await bo.goto(site.app('/'));
  await bo.getByRole('link', { name: 'Skapa den första perioden i Översikt' }).click();
  const form = bo.getByRole('region', { name: 'Skapa den första perioden' });
  await form.getByRole('combobox', { name: 'Uppföljning' }).click();
  await bo.getByRole('option', { name: 'Årsbokslut' }).click();
  await form.getByRole('textbox', { name: 'År' }).fill('2027');
  await expect(form.getByLabel('Sista svarsdag')).toHaveValue('2028-01-14');
  await form.getByRole('button', { name: 'Skapa perioden' }).click();
  await expect(
    bo.getByRole('status').filter({ hasText: 'Årsbokslut 2027 är skapad' }),
  ).toBeVisible();
  await expect(bo.getByRole('combobox', { name: 'Period' })).toHaveText(
    /Årsbokslut 2027 \(öppen\)/,
  );

  // The plan register is open on the empty period: its plans are added there. (The empty site
  // has no directory behind it for the people picker; adding a plan is tested on the demo site,
  // plan-register.spec.ts.)
  const register = bo.getByRole('region', { name: 'Planregister' });
  await expect(register.getByRole('button', { name: 'Dölj planregistret' })).toBeVisible();
  await register.getByRole('button', { name: 'Lägg till plan' }).click();
  await expect(register.getByRole('form', { name: 'Ny handlingsplan' })).toBeVisible();

  // Anna, a member, now finds the open period instead of a dead end.
  const anna = await signedIn(browser, site, 1, '/');
  await expect(anna.getByRole('combobox', { name: 'Period' })).toHaveText(
    /Årsbokslut 2027 \(öppen\)/,
  );
});

test('an owner on a new site without periods is told that none is open yet', async ({
  browser,
  request,
  site,
}) => {
  await resetSite(request, site, 'empty');
  const bo = await signedIn(browser, site, 2, '/?view=settings');
  const panel = bo.getByRole('region', { name: 'Webbplatsens listor' });
  await panel.getByRole('button', { name: 'Skapa det som saknas' }).click();
  await expect(panel.getByRole('status')).toContainText('Webbplatsen är färdig', {
    timeout: 30_000,
  });
  const anna = await signedIn(browser, site, 1, '/');
  await expect(
    anna.getByText('Samordningskansliet har inte öppnat någon uppföljningsperiod ännu.', {
      exact: false,
    }),
  ).toBeVisible();
});
