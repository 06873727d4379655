import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { JSON_HEADERS, signedIn, type TestSite } from './rest';

const PLAN = /^3\. Övergripande handlingsplan för läkemedel 2020$/;

/** A user in a browser of their own (own cookies, own IndexedDB), on the plan's form. */
async function userOnPlan(browser: Browser, site: TestSite, userId: number): Promise<Page> {
  const page = await signedIn(browser, site, userId, '/?period=2020-08&plan=lakemedel');
  await expect(page.getByRole('heading', { level: 2, name: PLAN })).toBeVisible();
  return page;
}

async function write(page: Page, status: string, text: string) {
  await page.getByRole('radio', { name: status }).check();
  await page.getByRole('textbox', { name: 'Kommentar' }).click();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
}

async function stored(page: Page, site: TestSite): Promise<{ Comment: string; Status: string }> {
  const response = await page.request.get(
    `${site.followUps}/items?$select=Comment,Status&$filter=PlanPeriodKey eq 'lakemedel|2020-08'`,
    { headers: JSON_HEADERS },
  );
  return ((await response.json()) as { value: Array<{ Comment: string; Status: string }> })
    .value[0] as { Comment: string; Status: string };
}

test('two users edit the same plan at once: nothing is overwritten silently, no edit is lost', async ({
  browser,
  site,
}) => {
  const anna = await userOnPlan(browser, site, 11);
  const karin = await userOnPlan(browser, site, 7);

  await write(anna, 'Arbetet går bra', 'Annas text om läkemedelslistan.');
  await write(karin, 'Arbetet går delvis bra', 'Karins tillägg om kostnaderna.');

  await karin.getByRole('button', { name: 'Spara utkast' }).click();
  await expect(karin.getByRole('status').filter({ hasText: 'Utkastet sparades' })).toBeVisible();

  // Anna saves on top of the version she opened: SharePoint refuses, the app shows both.
  await anna.getByRole('button', { name: 'Spara utkast' }).click();
  const dialog = anna.getByRole('alertdialog', { name: 'Någon annan har sparat planen' });
  await expect(dialog).toContainText('Karin Samordnare sparade planen');
  await expect(dialog.getByRole('region', { name: 'Deras version' })).toContainText(
    'Karins tillägg om kostnaderna.',
  );
  await expect(dialog.getByRole('region', { name: 'Din version' })).toContainText(
    'Annas text om läkemedelslistan.',
  );
  expect((await stored(anna, site)).Comment).not.toContain('Annas text');

  // Anna merges by editing: her text stays, theirs is inserted, and the save goes through.
  await dialog.getByRole('button', { name: 'Slå ihop själv' }).click();
  await expect(dialog).toBeHidden();
  await anna.getByRole('button', { name: 'Infoga deras kommentar' }).click();
  await anna.getByRole('button', { name: 'Spara utkast' }).click();
  await expect(anna.getByRole('status').filter({ hasText: 'Utkastet sparades' })).toBeVisible();
  const merged = await stored(anna, site);
  expect(merged.Comment).toContain('Annas text om läkemedelslistan.');
  expect(merged.Comment).toContain('Karins tillägg om kostnaderna.');
  expect(merged.Status).toBe('Arbetet går bra');

  // Karin, now behind, types more and saves: she is stopped too, and takes the merged version.
  await write(karin, 'Arbetet går delvis bra', ' Och en rad till.');
  await karin.getByRole('button', { name: 'Spara utkast' }).click();
  const karinsDialog = karin.getByRole('alertdialog', { name: 'Någon annan har sparat planen' });
  await expect(karinsDialog).toContainText('Anna Lindgren sparade planen');
  await karinsDialog.getByRole('button', { name: 'Spara min version ändå' }).click();
  await expect(karin.getByRole('status').filter({ hasText: 'Utkastet sparades' })).toBeVisible();
  // Keeping hers was her explicit choice, made with both versions in front of her.
  expect((await stored(karin, site)).Comment).toContain('Och en rad till.');

  await anna.context().close();
  await karin.context().close();
});
