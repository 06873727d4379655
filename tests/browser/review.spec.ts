import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { signedIn, type TestSite } from './rest';

const PLAN = /^3\. Övergripande handlingsplan för läkemedel 2020$/;
const PLAN_ROW = /3\. Övergripande handlingsplan för läkemedel 2020/;

/** A user of their own on the plan's form, who accepts the browser's confirmations. */
async function onPlan(browser: Browser, site: TestSite, userId: number): Promise<Page> {
  const page = await signedIn(browser, site, userId, '/?period=2020-08&plan=lakemedel');
  page.on('dialog', (dialog) => void dialog.accept());
  return page;
}

test('a coordinator sends a submitted follow-up back with a comment, the owner sees it, then it is reviewed', async ({
  browser,
  site,
}) => {
  const anna = await onPlan(browser, site, 11);
  await anna.getByRole('radio', { name: 'Arbetet går bra' }).check();
  await anna.getByRole('button', { name: 'Skicka in' }).click();
  await expect(anna.getByRole('status').filter({ hasText: 'skickades in' })).toBeVisible();

  const karin = await onPlan(browser, site, 7);
  const review = karin.getByRole('region', { name: 'Granskning' });
  await review.getByRole('button', { name: 'Skicka tillbaka…' }).click();
  await review.getByRole('button', { name: 'Skicka tillbaka', exact: true }).click();
  await expect(review.getByText('Skriv vad som behöver kompletteras.')).toBeVisible();
  await review
    .getByRole('textbox', { name: /Kommentar till ansvariga/ })
    .fill('Beskriv kostnaderna.');
  await review.getByRole('button', { name: 'Skicka tillbaka', exact: true }).click();
  await expect(karin.getByRole('status').filter({ hasText: 'Skickad tillbaka' })).toBeVisible();

  await anna.reload();
  await expect(anna.getByText('Samordnaren har skickat tillbaka uppföljningen')).toBeVisible();
  await expect(anna.getByText('Beskriv kostnaderna.')).toBeVisible();
  const row = anna.getByRole('row', { name: PLAN_ROW });
  await expect(row).toContainText('Utkast');
  await expect(row).toContainText('Återsänd');

  // The owner completes and submits again; the coordinator marks it reviewed.
  await anna.getByRole('button', { name: 'Skicka in' }).click();
  await expect(anna.getByRole('status').filter({ hasText: 'skickades in' })).toBeVisible();
  await karin.reload();
  await expect(karin.getByRole('heading', { level: 2, name: PLAN })).toBeVisible();
  await karin
    .getByRole('region', { name: 'Granskning' })
    .getByRole('button', { name: 'Markera som granskad' })
    .click();
  await expect(
    karin.getByRole('status').filter({ hasText: 'Markerad som granskad' }),
  ).toBeVisible();
  await anna.reload();
  await expect(anna.getByText('Uppföljningen är granskad av samordnaren.')).toBeVisible();
  await expect(anna.getByRole('row', { name: PLAN_ROW })).toContainText('Granskad');
});
