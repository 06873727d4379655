import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { followUpId, injectFault, signIn, type TestSite } from './rest';

/**
 * SharePoint's throttling (429/503 with Retry-After) as the user meets it: the app says that it
 * waits and when it tries again, lets the user cancel, and retries by itself; a wait longer than
 * one request's timeout never ends as "SharePoint svarade inte i tid".
 */
const ANNA = 11;
const PLAN = /^3\. Övergripande handlingsplan för läkemedel 2020$/;

/** Anna writes in her plan and saves a draft, whose MERGE SharePoint answers with `fault`. */
async function saveDraftMeeting(
  page: Page,
  site: TestSite,
  fault: { status: number; retryAfterSeconds: number },
) {
  await signIn(page.request, site, ANNA);
  const id = await followUpId(page.request, site, 'lakemedel|2020-08');
  await openPlan(page);
  await injectFault(page.request, site, { ...fault, count: 1, match: `items(${id})` });
  await page.getByRole('button', { name: 'Spara utkast' }).click();
}

async function openPlan(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: PLAN }).click();
  await expect(page.getByRole('heading', { level: 2, name: PLAN })).toBeVisible();
  await page.getByRole('radio', { name: 'Arbetet går bra' }).check();
  await page.getByRole('textbox', { name: 'Kommentar' }).click();
  await page.keyboard.type('Skrivet medan SharePoint var belastat.');
}

test('a save SharePoint asks to wait 45 s for shows a countdown; cancelling keeps the text', async ({
  page,
  site,
}) => {
  await saveDraftMeeting(page, site, { status: 429, retryAfterSeconds: 45 });

  const notice = page.getByText(/SharePoint är hårt belastat och har bett appen vänta/).last();
  await expect(notice).toBeVisible();
  await expect(page.getByText(/Nytt försök om 4[0-5] s\./)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'har bett appen vänta' })).toHaveCount(1);
  await page.getByRole('button', { name: 'Avbryt väntan' }).click();

  await expect(page.getByText(/Du avbröt väntan, så inget skickades/)).toBeVisible();
  await expect(page.getByText(/Nytt försök om/)).toHaveCount(0);
  await expect(page.getByText(/svarade inte i tid/)).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Kommentar' })).toContainText(
    'Skrivet medan SharePoint var belastat.',
  );
});

test('after the wait SharePoint asked for, the save goes out again by itself and succeeds', async ({
  page,
  site,
}) => {
  await saveDraftMeeting(page, site, { status: 503, retryAfterSeconds: 3 });
  await expect(page.getByText(/Nytt försök om [1-3] s\./)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Utkastet sparades' })).toBeVisible();
  await expect(page.getByText(/Nytt försök om/)).toHaveCount(0);
  await expect(page.getByText(/hårt belastat just nu|svarade inte i tid/)).toHaveCount(0);
});
