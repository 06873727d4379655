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
