import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const PLAN = /^3\. Övergripande handlingsplan för läkemedel 2020$/;
const KEPT = 'Ändringarna finns bara på den här enheten tills du sparar.';

async function openPlan(page: Page) {
  await page.getByRole('button', { name: PLAN }).click();
  await expect(page.getByRole('heading', { level: 2, name: PLAN })).toBeVisible();
}

async function typeComment(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'Kommentar' }).click();
  await page.keyboard.type(text);
}

test.beforeEach(({ page }) => {
  // Leaving with unsaved text asks first (beforeunload); these tests mean to leave.
  page.on('dialog', (dialog) => void dialog.accept());
});

test('text typed but not saved is offered back after a reload, and gone once saved', async ({
  page,
}) => {
  await page.goto('/');
  await openPlan(page);
  await page.getByRole('radio', { name: 'Arbetet går delvis bra' }).check();
  await typeComment(page, 'Skrivet före en krasch.');
  await expect(page.getByText(KEPT)).toBeVisible();

  await page.reload();
  await expect(page.getByText(/bara är sparad på den här enheten/)).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Kommentar' })).not.toContainText('krasch');
  await page.getByRole('button', { name: 'Återställ texten' }).click();
  await expect(page.getByRole('textbox', { name: 'Kommentar' })).toContainText(
    'Skrivet före en krasch.',
  );
  await expect(page.getByRole('radio', { name: 'Arbetet går delvis bra' })).toBeChecked();

  await page.getByRole('button', { name: 'Spara utkast' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Utkastet sparades' })).toBeVisible();
  await expect(page.getByText('Allt är sparat i SharePoint.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Kommentar' })).toContainText(
    'Skrivet före en krasch.',
  );
  await expect(page.getByText(/bara är sparad på den här enheten/)).toHaveCount(0);
});

test('a save without network keeps the text and offers to save when the network is back', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await openPlan(page);
  await page.getByRole('radio', { name: 'Arbetet går bra' }).check();
  await typeComment(page, 'Skrivet på tåget.');
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Spara utkast' }).click();
  await expect(page.getByRole('alert')).toContainText('Det går inte att nå SharePoint');
  await expect(page.getByRole('textbox', { name: 'Kommentar' })).toContainText('Skrivet på tåget.');

  await context.setOffline(false);
  await expect(page.getByRole('alert')).toContainText('Anslutningen är tillbaka');
  await page.getByRole('button', { name: 'Spara nu' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Utkastet sparades' })).toBeVisible();
});

test('switching user clears the leaving user’s drafts from this device', async ({ page }) => {
  await page.goto('/');
  await openPlan(page);
  await typeComment(page, 'Annas privata utkast.');
  await expect(page.getByText(KEPT)).toBeVisible();

  for (const name of ['Björn Ekholm', 'Anna Lindgren']) {
    await page.getByRole('combobox', { name: 'Visa som' }).click();
    await page.getByRole('option', { name }).click();
    await expect(page.getByRole('combobox', { name: 'Visa som' })).toHaveText(name);
  }
  await page.getByRole('switch', { name: 'Mina handlingsplaner' }).waitFor();
  await page.goto('/?period=2020-08&plan=lakemedel');
  await expect(page.getByRole('heading', { level: 2, name: PLAN })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Kommentar' })).toBeVisible();
  await expect(page.getByText(/bara är sparad på den här enheten/)).toHaveCount(0);
});
